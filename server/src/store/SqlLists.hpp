#pragma once

#include "store/SqlEngine.hpp"

#include <string>
#include <vector>

// SQLite has no array parameters: an IN list gets one placeholder per value.
namespace kc::server {

//! "?, ?, ?" for `count` values ("NULL" for none, so "x IN (NULL)" matches nothing).
inline std::string placeholders(std::size_t count) {
    if (count == 0)
        return "NULL";
    std::string out = "?";
    for (std::size_t i = 1; i < count; ++i)
        out += ", ?";
    return out;
}

//! Binds `values` from parameter `index` on; returns the next free index.
inline int bindList(SqlStatement& statement, int index, const std::vector<std::string>& values) {
    for (const auto& value : values)
        statement.bind(index++, value);
    return index;
}

//! A LIKE pattern (with ESCAPE '\\') for text that contains `text` anywhere.
inline std::string containsPattern(const std::string& text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "%";
}

//! A recursive common table expression `covered(code)`: the province codes `seed` selects and
//! every province merged into one of them, however many merges back (a province's scope
//! covers the units merged into it: their records keep their codes). Needs WITH RECURSIVE.
inline std::string coveredProvinces(const std::string& seed) {
    return "covered(code) AS (" + seed + " UNION SELECT p.code FROM provinces p JOIN covered c ON p.successor_code = c.code)";
}

} // namespace kc::server
