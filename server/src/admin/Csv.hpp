#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kc::server {

struct CsvTable {
    std::vector<std::string> header;
    //! Data rows; `lines[i]` is the line number (1-based, the header is line 1) row i starts on.
    std::vector<std::vector<std::string>> rows;
    std::vector<int> lines;
    //! What a person calls a row in the file, for messages: "line" in CSV, "row" in a workbook.
    std::string rowWord = "line";
};

//! Parses RFC 4180 CSV (quotes, doubled quotes, CR LF or LF, a UTF-8 BOM as Excel writes
//! it). Throws std::invalid_argument naming the line for an unterminated quote.
CsvTable parseCsv(std::string_view text);

//! One field as CSV writes it: quoted (quotes doubled) when it holds a comma, a quote or a
//! line break, as it is otherwise.
std::string csvField(const std::string& text);

} // namespace kc::server
