// The sweep CSV's fields, RFC 4180: a field holding a comma, a double quote or a line
// break is written in double quotes with its quotes doubled, so a value such as
// "edgedrnn_weights,dma_mm2s" stays one cell.
#pragma once

#include <istream>
#include <string>
#include <vector>

namespace vp {

std::string csv_field(const std::string& text);
// Reads one record (it may span lines inside quotes); false at the end of the input.
bool read_csv_record(std::istream& in, std::vector<std::string>& fields);

}  // namespace vp
