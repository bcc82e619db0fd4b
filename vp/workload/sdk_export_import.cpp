#include "vp/workload/sdk_export_import.h"

#include "vp/workload/import_text.h"

#include <cmath>
#include <cstdint>
#include <limits>

namespace vp {

namespace {

using detail::ArrayDef;
using detail::CSource;
using detail::Define;
using detail::ElementType;

constexpr int64_t kMaxThreshold = 511;

std::string header_beside(const std::string& c_path) {
    const size_t dot = c_path.find_last_of('.');
    const size_t slash = c_path.find_last_of('/');
    const bool has_ext = dot != std::string::npos && (slash == std::string::npos || dot > slash);
    return (has_ext ? c_path.substr(0, dot) : c_path) + ".h";
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    return out;
}

// A .c file with the header beside it; macros are looked up in the header first (the
// exporter puts them there) and then in the .c.
class Export {
public:
    Export(const std::string& c_path, const std::string& what)
        : c_(CSource::load(c_path, "the exported C source with " + what)),
          h_(CSource::load(header_beside(c_path), "the header exported beside " + c_path +
                                                      " (its shape macros)")) {}

    const CSource& c() const { return c_; }

    // The integer value of a macro, checked against [lo, hi] and `multiple_of`; `why`
    // explains the expectation in the message.
    int64_t macro(const std::string& name, int64_t lo, int64_t hi, int64_t multiple_of = 1,
                  const std::string& why = "") const {
        const CSource* in = nullptr;
        const Define* d = find(name, &in);
        if (d == nullptr)
            h_.file().fail(h_.file().last_line(),
                           "macro " + name + " is not defined (nor in " + c_.file().path() +
                               "), expected #define " + name + " <integer>");
        const int64_t v = value(*in, *d, name);
        if (v < lo || v > hi || v % multiple_of != 0) {
            std::string expected = lo == hi ? std::to_string(lo)
                                            : std::to_string(lo) + ".." + std::to_string(hi);
            if (multiple_of > 1) expected = "a multiple of " + std::to_string(multiple_of) +
                                            " in " + expected;
            if (!why.empty()) expected += " (" + why + ")";
            in->file().fail_at(d->offset, name + " is " + std::to_string(v) + ", expected " +
                                              expected);
        }
        return v;
    }
    bool has_macro(const std::string& name) const { return find(name, nullptr) != nullptr; }

    const ArrayDef* array(const std::string& name) const { return c_.find_array(name); }
    const ArrayDef& require_array(const std::string& name, const std::string& expected) const {
        const ArrayDef* a = c_.find_array(name);
        if (a == nullptr)
            c_.file().fail(c_.file().last_line(), "no array " + name +
                                                      " with an initializer in this file, expected " +
                                                      expected);
        return *a;
    }

    // Checks that the initializer of `a` holds exactly `expected` elements, and that its
    // declared size (literal or macro between the brackets) agrees.
    void check_count(const ArrayDef& a, uint64_t expected, const std::string& why) const {
        const uint64_t declared = declared_size(a);
        const uint64_t n = c_.count_elements(a);
        const std::string name(a.name);
        if (declared != kUnsized && declared != n)
            c_.file().fail_at(a.name_offset, name + " has " + std::to_string(n) +
                                                 " initializers, expected its declared size " +
                                                 std::to_string(declared));
        if (n != expected)
            c_.file().fail_at(a.name_offset, name + " has " + std::to_string(n) +
                                                 " elements, expected " + std::to_string(expected) +
                                                 " (" + why + ")");
    }

    void require_type(const ArrayDef& a, std::initializer_list<ElementType> allowed,
                      const std::string& expected) const {
        for (ElementType t : allowed)
            if (a.element == t) return;
        c_.file().fail_at(a.name_offset, std::string(a.name) + " has element type '" + a.type +
                                             "', expected " + expected);
    }

    template <class T>
    std::vector<T> integers(const ArrayDef& a) const {
        std::vector<T> out;
        out.reserve(c_.count_elements(a));
        c_.for_each_integer(a, std::numeric_limits<T>::min(), std::numeric_limits<T>::max(),
                            [&](size_t, int64_t v) { out.push_back(T(v)); });
        return out;
    }

    // Q8.8 values from a short array, or from a float/double array holding units:
    // the value the C program sees (float rounded for `float`) times 256, rounded to
    // nearest, must fit int16.
    std::vector<int16_t> q88(const ArrayDef& a) const {
        if (a.element != ElementType::Real) return integers<int16_t>(a);
        const bool as_float = a.type == "float";
        std::vector<int16_t> out;
        out.reserve(c_.count_elements(a));
        c_.for_each_real(a, [&](size_t offset, double v) {
            if (as_float) v = double(float(v));
            const double q = std::round(v * 256.0);
            if (!std::isfinite(q) || q < -32768.0 || q > 32767.0)
                c_.file().fail_at(offset, std::to_string(v) + " in " + std::string(a.name) +
                                              " does not fit Q8.8, expected a finite value in "
                                              "-128 .. 127.996");
            out.push_back(int16_t(q));
        });
        return out;
    }

private:
    static constexpr uint64_t kUnsized = ~uint64_t(0);

    const Define* find(const std::string& name, const CSource** in) const {
        for (const CSource* src : {&h_, &c_})
            if (const Define* d = src->find_define(name)) {
                if (in) *in = src;
                return d;
            }
        return nullptr;
    }

    // A macro value: an integer literal, optionally signed and parenthesized.
    static int64_t value(const CSource& src, const Define& d, const std::string& name) {
        std::string_view s = d.value;
        while (s.size() >= 2 && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
        const bool negative = !s.empty() && s.front() == '-';
        if (negative || (!s.empty() && s.front() == '+')) s.remove_prefix(1);
        uint64_t magnitude = 0;
        if (!detail::parse_c_integer(s, magnitude) || magnitude > uint64_t(INT32_MAX))
            src.file().fail_at(d.offset, "macro " + name + " is " + detail::quote(d.value) +
                                             ", expected an integer literal");
        return negative ? -int64_t(magnitude) : int64_t(magnitude);
    }

    // The size between the brackets: empty (kUnsized), a literal, or a macro.
    uint64_t declared_size(const ArrayDef& a) const {
        const auto& tokens = c_.tokens();
        if (a.size_begin == a.size_end) return kUnsized;
        const detail::Token& t = tokens[a.size_begin];
        uint64_t n = 0;
        if (a.size_end == a.size_begin + 1 && t.kind == detail::TokenKind::Number &&
            detail::parse_c_integer(t.text, n))
            return n;
        if (a.size_end == a.size_begin + 1 && t.kind == detail::TokenKind::Identifier) {
            const std::string name(t.text);
            if (!has_macro(name))  // point at the use: the header may simply be the wrong one
                c_.file().fail_at(t.offset, "size " + name + " of " + std::string(a.name) +
                                                " is not a macro of " + h_.file().path() +
                                                ", expected #define " + name + " <integer>");
            return uint64_t(macro(name, 0, INT32_MAX));
        }
        c_.file().fail_at(t.offset, "size of " + std::string(a.name) + " is not an integer or a "
                                    "macro name, expected NAME[SIZE_MACRO] or NAME[123]");
    }

    CSource c_;
    CSource h_;
};

const std::initializer_list<ElementType> kInt8 = {ElementType::Int8};
const std::initializer_list<ElementType> kInt16 = {ElementType::Int16};

// Reads the classifier arrays (both or neither) into `net`.
void import_classifier(const Export& ex, Network& net) {
    const ArrayDef* bias = ex.array("cl_bias");
    const ArrayDef* weight = ex.array("cl_weight");
    if (bias == nullptr && weight == nullptr) return;
    const ArrayDef* present = bias != nullptr ? bias : weight;
    if (bias == nullptr || weight == nullptr)
        ex.c().file().fail_at(present->name_offset,
                              std::string(present->name) + " without " +
                                  (bias == nullptr ? "cl_bias" : "cl_weight") +
                                  ", expected both classifier arrays or neither");
    const int64_t nout = ex.has_macro("CL_BIAS_SIZE")
                             ? ex.macro("CL_BIAS_SIZE", 1, 65535)
                             : int64_t(ex.c().count_elements(*bias));
    ex.require_type(*bias, kInt8, "signed char (Q1.7)");
    ex.require_type(*weight, kInt8, "signed char (Q1.7)");
    ex.check_count(*bias, uint64_t(nout), "CL_BIAS_SIZE, one bias per output");
    ex.check_count(*weight, uint64_t(nout) * net.last_hidden(),
                   "RNN_SIZE x CL_BIAS_SIZE = " + std::to_string(net.last_hidden()) + " x " +
                       std::to_string(nout));
    net.num_outputs = unsigned(nout);
    net.cl_bias = ex.integers<int8_t>(*bias);
    net.cl_weight = ex.integers<int8_t>(*weight);
}

// One matrix of the test export, [t * rows + r], with its NAME_NUM_ROWS/NUM_COLS macros.
struct Matrix {
    const ArrayDef* array = nullptr;
    unsigned rows = 0, cols = 0;
};

// `rows_expected` / `cols_expected` of 0 accept any positive count; `rows_why` says
// where the expected row count comes from.
Matrix find_matrix(const Export& ex, const std::string& name, const std::string& rows_meaning,
                   unsigned rows_expected, const std::string& rows_why, unsigned cols_expected,
                   bool required) {
    Matrix m;
    m.array = required ? &ex.require_array(name, "the " + rows_meaning + " matrix")
                       : ex.array(name);
    if (m.array == nullptr) return m;
    const std::string prefix = upper(name);
    const auto dim = [&](const std::string& macro, unsigned expected, const std::string& why) {
        const int64_t lo = expected > 0 ? expected : 1;
        const int64_t hi = expected > 0 ? expected : int64_t(1) << 24;
        return unsigned(ex.macro(macro, lo, hi, 1, expected > 0 ? why : ""));
    };
    m.rows = dim(prefix + "_NUM_ROWS", rows_expected, rows_why);
    m.cols = dim(prefix + "_NUM_COLS", cols_expected,
                 "the step count EDGEDRNN_TEST_STIM_NUM_COLS");
    ex.check_count(*m.array, uint64_t(m.rows) * m.cols,
                   std::to_string(m.rows) + " " + rows_meaning + " x " + std::to_string(m.cols) +
                       " steps, from " + prefix + "_NUM_ROWS/_NUM_COLS");
    return m;
}

}  // namespace

Network import_sdk_network(const std::string& params_c_path) {
    const Export ex(params_c_path, "rnn_param");
    Network net;
    net.source = params_c_path;
    net.num_layers = unsigned(ex.macro("RNN_LAYERS", 1, 4));
    net.input_size = unsigned(ex.macro("INP_SIZE", 8, 2040, 8));
    net.hidden_sizes.assign(net.num_layers, unsigned(ex.macro("RNN_SIZE", 8, 2040, 8)));
    // 10-bit signed register fields: 0..511 are the thresholds (as synthetic.thx); any
    // other value would only alias one of them, so it is an input error, not a warning.
    const char* threshold_field = "the 10-bit signed threshold register field";
    net.thx = int(ex.macro("THX", 0, kMaxThreshold, 1, threshold_field));
    net.thh = int(ex.macro("THH", 0, kMaxThreshold, 1, threshold_field));

    const ArrayDef& param = ex.require_array("rnn_param", "the weight image (signed char)");
    ex.require_type(param, kInt8, "signed char (Q1.7 weights)");
    ex.check_count(param, net.required_weight_bytes(),
                   std::to_string(net.total_columns()) + " columns x " +
                       std::to_string(3 * net.hidden_sizes[0]) + " bytes for RNN_LAYERS=" +
                       std::to_string(net.num_layers) + ", INP_SIZE=" +
                       std::to_string(net.input_size) + ", RNN_SIZE=" +
                       std::to_string(net.hidden_sizes[0]));
    net.weights = ex.integers<int8_t>(param);
    import_classifier(ex, net);
    check_network(net);  // cannot fail after the checks above; guards future edits
    return net;
}

Stimulus import_sdk_stimulus(const std::string& test_c_path, const Network& net) {
    unsigned line = 0;
    if (detail::sniff_format(test_c_path, line) == detail::TextFormat::TestbenchHex)
        throw WorkloadError(test_c_path + ":" + std::to_string(line) +
                            ": looks like an RTL-testbench stimulus (a line of hex digits), but the network is "
                            "an SDK export (" + net.source +
                            "): expected its C source edgedrnn_test.c with the C array edgedrnn_test_stim "
                            "(an RTL-testbench run gives --network edgedrnn_tb_params.txt and --registers)");
    const Export ex(test_c_path, "edgedrnn_test_stim");
    Stimulus stim;
    stim.source = test_c_path;

    const Matrix in = find_matrix(ex, "edgedrnn_test_stim", "inputs", net.input_size,
                                 "the network's input size, " + net.source, 0, true);
    ex.require_type(*in.array, kInt16, "short (Q8.8 inputs)");
    stim.timesteps = in.cols;
    stim.input_size = in.rows;
    stim.inputs = ex.integers<int16_t>(*in.array);

    const Matrix rnn = find_matrix(ex, "edgedrnn_test_gold_rnn", "hidden values",
                                   net.last_hidden(), "the last layer's hidden size, " + net.source,
                                   in.cols, false);
    if (rnn.array != nullptr) {
        ex.require_type(*rnn.array, kInt16, "short (Q8.8 hidden state)");
        stim.gold_width = rnn.rows;
        stim.gold_rnn = ex.integers<int16_t>(*rnn.array);
    }

    const Matrix fc = find_matrix(ex, "edgedrnn_test_gold_fc", "classifier outputs",
                                  net.num_outputs, "the classifier's outputs, " + net.source,
                                  in.cols, false);
    if (fc.array != nullptr) {
        ex.require_type(*fc.array, {ElementType::Int16, ElementType::Real},
                        "short (Q8.8) or float");
        stim.gold_fc_width = fc.rows;
        stim.gold_fc = ex.q88(*fc.array);
    }
    check_consistent(net, stim);
    return stim;
}

}  // namespace vp
