#include "admin/Csv.hpp"

#include <stdexcept>

namespace kc::server {

CsvTable parseCsv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    std::vector<std::vector<std::string>> records;
    std::vector<int> starts;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false, fieldStarted = false;
    int line = 1, recordLine = 1;
    const auto endField = [&] {
        record.push_back(std::move(field));
        field.clear();
        fieldStarted = false;
    };
    const auto endRecord = [&] {
        endField();
        const bool blank = record.size() == 1 && record[0].empty();
        if (!blank) {
            records.push_back(std::move(record));
            starts.push_back(recordLine);
        }
        record.clear();
        recordLine = line;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == '"' && !fieldStarted && field.empty()) {
            quoted = fieldStarted = true;
        } else if (c == ',') {
            endField();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            ++line;
            endRecord();
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        throw std::invalid_argument("line " + std::to_string(recordLine) + ": a quoted field is never closed");
    if (!field.empty() || !record.empty())
        endRecord();
    CsvTable table;
    if (records.empty())
        return table;
    table.header = std::move(records.front());
    for (auto& name : table.header)
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t'))
            name.pop_back();
    for (std::size_t r = 1; r < records.size(); ++r) {
        table.rows.push_back(std::move(records[r]));
        table.lines.push_back(starts[r]);
    }
    return table;
}

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace kc::server
