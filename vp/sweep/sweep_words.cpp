#include "vp/sweep/sweep_words.h"

#include "vp/config/config.h"

namespace vp {

std::vector<std::string> split_sweep_words(const std::string& text, const std::string& where) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false, quoted = false;
    for (const char c : text) {
        if (c == '"') {
            quoted = !quoted;
            in_word = true;  // "" is an empty value, not nothing
        } else if (!quoted && (c == ' ' || c == '\t')) {
            if (in_word) words.push_back(word);
            word.clear();
            in_word = false;
        } else {
            word += c;
            in_word = true;
        }
    }
    if (quoted)
        throw ConfigError(where + ": unterminated \" in '" + text +
                          "'; a value with spaces is written in double quotes, e.g. \"13.125 ns\"");
    if (in_word) words.push_back(word);
    return words;
}

}  // namespace vp
