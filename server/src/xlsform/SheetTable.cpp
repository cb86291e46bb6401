#include "xlsform/SheetTable.hpp"

#include "xlsform/SheetProblem.hpp"

#include <map>

namespace kc::server::xlsform {

std::string trim(std::string_view text) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && space(text.back()))
        text.remove_suffix(1);
    // A no-break space (U+00A0) pasted from the web counts as a space too.
    while (text.size() >= 2 && text.substr(text.size() - 2) == "\xC2\xA0")
        text.remove_suffix(2);
    return std::string(text);
}

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string SheetProblem::toString() const {
    std::string out = sheet;
    if (row > 0)
        out += (out.empty() ? "" : ", ") + std::string("row ") + std::to_string(row);
    if (!column.empty())
        out += (out.empty() ? "" : ", ") + column;
    out += (out.empty() ? "" : ": ") + message;
    if (!cell.empty() && message.find(cell) == std::string::npos)
        out += "; the cell reads \"" + (cell.size() > 120 ? cell.substr(0, 117) + "..." : cell) + "\"";
    return out;
}

TextLanguage languageOf(const std::string& name) {
    const std::string lower = lowerAscii(trim(name));
    if (lower.find("(vi)") != std::string::npos || lower == "vi" || lower == "vietnamese" ||
        lower == "tiếng việt" || lower == "tieng viet" || lower == "tiếng việt (vi)")
        return TextLanguage::Vi;
    if (lower.find("(en)") != std::string::npos || lower == "en" || lower == "english" || lower == "tiếng anh")
        return TextLanguage::En;
    return TextLanguage::Other;
}

Column readColumn(int index, const std::string& header) {
    static const std::map<std::string, std::string> aliases{
        {"list_name", "list_name"},      {"calculate", "calculation"},
        {"requiredmsg", "required_message"}, {"jr:requiredmsg", "required_message"},
        {"constraintmsg", "constraint_message"}, {"jr:constraintmsg", "constraint_message"},
        {"readonly", "read_only"},       {"jr:count", "repeat_count"},
        {"caption", "label"},            {"bind::relevant", "relevant"},
        {"bind::required", "required"},  {"bind::constraint", "constraint"},
        {"bind::calculate", "calculation"}, {"bind::readonly", "read_only"},
        {"body::appearance", "appearance"}, {"choice-filter", "choice_filter"},
        {"default_value", "default"}};
    static const std::vector<std::string> translatable{"label", "hint", "constraint_message", "required_message",
                                                       "guidance_hint", "image", "audio", "video", "big-image",
                                                       "media", "form_title", "constraintmsg", "requiredmsg",
                                                       "jr:constraintmsg", "jr:requiredmsg"};
    Column column;
    column.index = index;
    column.header = header;
    std::string text = trim(header);
    std::string base = text;
    std::string language;
    if (const auto split = text.find("::"); split != std::string::npos) {
        base = text.substr(0, split);
        language = text.substr(split + 2);
    } else if (const auto colon = text.find(':'); colon != std::string::npos) {
        const std::string before = lowerAscii(trim(text.substr(0, colon)));
        for (const auto& key : translatable)
            if (before == key) {
                base = text.substr(0, colon);
                language = text.substr(colon + 1);
            }
    }
    std::string key = lowerAscii(trim(base));
    for (auto& c : key)
        if (c == ' ')
            c = '_';
    // bind::x and body::x were split at "::" above; rebuild them to find their alias.
    if ((key == "bind" || key == "body" || key == "media") && !language.empty()) {
        const std::string full = key + "::" + lowerAscii(trim(language));
        if (auto alias = aliases.find(full); alias != aliases.end()) {
            column.key = alias->second;
            return column;
        }
        column.key = full;
        return column;
    }
    if (auto alias = aliases.find(key); alias != aliases.end())
        key = alias->second;
    column.key = key;
    if (!language.empty()) {
        column.languageName = trim(language);
        column.language = languageOf(column.languageName);
    }
    return column;
}

SheetTable::SheetTable(const sheets::Sheet* s) : sheet(s) {
    if (!sheet || sheet->rows.empty())
        return;
    const auto& header = sheet->rows.front();
    for (const auto& cell : header.cells)
        if (!trim(cell.text).empty())
            columns.push_back(readColumn(cell.column, cell.text));
    for (std::size_t i = 1; i < sheet->rows.size(); ++i) {
        bool any = false;
        for (const auto& cell : sheet->rows[i].cells)
            any = any || !trim(cell.text).empty();
        if (any)
            rows.push_back(&sheet->rows[i]);
    }
}

const Column* SheetTable::find(const std::string& key) const {
    for (const auto& column : columns)
        if (column.key == key)
            return &column;
    return nullptr;
}

std::vector<const Column*> SheetTable::all(const std::string& key) const {
    std::vector<const Column*> found;
    for (const auto& column : columns)
        if (column.key == key)
            found.push_back(&column);
    return found;
}

std::string SheetTable::text(const sheets::Row& row, const Column* column) {
    if (!column)
        return {};
    const auto* cell = row.at(column->index);
    return cell ? trim(cell->text) : std::string();
}

} // namespace kc::server::xlsform
