#include "sheets/Workbook.hpp"

#include "sheets/XmlReader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace kc::server::sheets {
namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

void readPart(ZipReader& zip, const std::string& name, XmlReader& xml, bool required = true) {
    if (zip.read(name, [&](std::string_view piece) { xml.feed(piece); }, required))
        xml.finish();
}

//! A relationship target resolved against the folder of the part that names it.
std::string resolve(const std::string& base, std::string_view target) {
    if (!target.empty() && target.front() == '/')
        return std::string(target.substr(1));
    std::string folder = base.substr(0, base.rfind('/') == std::string::npos ? 0 : base.rfind('/') + 1);
    std::string rest(target);
    while (rest.rfind("../", 0) == 0) {
        rest.erase(0, 3);
        if (!folder.empty())
            folder.pop_back();
        folder = folder.substr(0, folder.rfind('/') == std::string::npos ? 0 : folder.rfind('/') + 1);
    }
    return folder + rest;
}

//! Id → target of a .rels part; also the first target of each relationship type's last word.
struct Relationships {
    std::map<std::string, std::string> byId;
    std::map<std::string, std::string> byType;
};

Relationships readRelationships(ZipReader& zip, const std::string& relsPart, const std::string& base) {
    Relationships rels;
    XmlReader xml(relsPart);
    xml.onStart = [&](std::string_view name, const XmlReader::Attributes& attrs) {
        if (name != "Relationship")
            return;
        const std::string target = resolve(base, XmlReader::attribute(attrs, "Target"));
        rels.byId[std::string(XmlReader::attribute(attrs, "Id"))] = target;
        std::string_view type = XmlReader::attribute(attrs, "Type");
        type = type.substr(type.rfind('/') == std::string_view::npos ? 0 : type.rfind('/') + 1);
        rels.byType.emplace(std::string(type), target);
    };
    readPart(zip, relsPart, xml, false);
    return rels;
}

std::string relsOf(const std::string& part) {
    const auto slash = part.rfind('/');
    return slash == std::string::npos ? "_rels/" + part + ".rels"
                                      : part.substr(0, slash + 1) + "_rels/" + part.substr(slash + 1) + ".rels";
}

bool isDateFormat(int id, const std::string& code) {
    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
        return true;
    if (code.empty())
        return false;
    bool inQuote = false;
    bool inBracket = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
        if (c == '"')
            inQuote = !inQuote;
        else if (inQuote)
            continue;
        else if (c == '\\')
            ++i;
        else if (c == '[')
            inBracket = true;
        else if (c == ']')
            inBracket = false;
        else if (!inBracket && (c == 'd' || c == 'm' || c == 'y' || c == 'h' || c == 's'))
            return true;
    }
    return false;
}

std::string twoDigits(long v) { return (v < 10 ? "0" : "") + std::to_string(v); }

//! Excel's serial day as ISO 8601 text (the 1900 system counts a 29 Feb 1900 that never was).
std::string serialDate(double serial, bool date1904) {
    double whole = std::floor(serial);
    long seconds = std::lround((serial - whole) * 86400.0);
    if (seconds >= 86400) {
        whole += 1;
        seconds -= 86400;
    }
    // Days from 1970-01-01.
    long days = static_cast<long>(whole) + (date1904 ? -24107 : (whole < 61 ? -25568 : -25569));
    std::string time = twoDigits(seconds / 3600) + ":" + twoDigits(seconds / 60 % 60) + ":" + twoDigits(seconds % 60);
    if (serial < 1 && !date1904)
        return time;
    // Howard Hinnant's civil_from_days.
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long doe = days - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp < 10 ? mp + 3 : mp - 9;
    const long y = yoe + era * 400 + (m <= 2);
    std::string out = std::to_string(y) + "-" + twoDigits(m) + "-" + twoDigits(d);
    return seconds == 0 ? out : out + "T" + time;
}

std::string numberText(double value) {
    if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 9007199254740992.0)
        return std::to_string(static_cast<long long>(value));
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, end) : std::string("NaN");
}

//! "B12" → column 1; -1 when the reference has no letters.
int columnOfReference(std::string_view ref) {
    int column = 0;
    std::size_t i = 0;
    for (; i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])); ++i) {
        column = column * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
        if (column > 1 << 20)
            return 1 << 20;
    }
    return i == 0 ? -1 : column - 1;
}

int rowOfReference(std::string_view ref) {
    std::size_t i = 0;
    while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i])))
        ++i;
    int row = 0;
    auto [ptr, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
    return ec == std::errc() ? row : -1;
}

class WorkbookReader {
public:
    WorkbookReader(std::string_view bytes, const ReadLimits& limits) : m_zip(bytes, limits), m_limits(limits) {}

    Workbook read() {
        const auto root = readRelationships(m_zip, "_rels/.rels", "");
        std::string workbookPart = "xl/workbook.xml";
        if (auto found = root.byType.find("officeDocument"); found != root.byType.end())
            workbookPart = found->second;
        const auto rels = readRelationships(m_zip, relsOf(workbookPart), workbookPart);

        std::vector<std::pair<std::string, std::string>> sheetParts;  // name, part
        XmlReader xml(workbookPart);
        xml.onStart = [&](std::string_view name, const XmlReader::Attributes& attrs) {
            if (name == "workbookPr")
                m_date1904 = XmlReader::attribute(attrs, "date1904") == "1" ||
                             lower(XmlReader::attribute(attrs, "date1904")) == "true";
            if (name != "sheet")
                return;
            const auto target = rels.byId.find(std::string(XmlReader::attribute(attrs, "id")));
            if (target != rels.byId.end())
                sheetParts.emplace_back(std::string(XmlReader::attribute(attrs, "name")), target->second);
        };
        readPart(m_zip, workbookPart, xml);
        if (auto found = rels.byType.find("sharedStrings"); found != rels.byType.end())
            readSharedStrings(found->second);
        if (auto found = rels.byType.find("styles"); found != rels.byType.end())
            readStyles(found->second);

        Workbook book;
        for (const auto& [name, part] : sheetParts) {
            Sheet sheet;
            sheet.name = name;
            if (m_zip.has(part))  // chartsheets and dialog sheets have other types; skip the absent
                readSheet(part, sheet);
            book.sheets.push_back(std::move(sheet));
        }
        return book;
    }

private:
    void readSharedStrings(const std::string& part) {
        XmlReader xml(part);
        std::string current;
        int skip = 0;  // inside <rPh> (phonetic hints), whose text is not the cell's
        bool inText = false;
        xml.onStart = [&](std::string_view name, const XmlReader::Attributes&) {
            if (name == "si")
                current.clear();
            else if (name == "rPh")
                ++skip;
            else if (name == "t")
                inText = true;
        };
        xml.onEnd = [&](std::string_view name) {
            if (name == "si") {
                m_strings.push_back(current);
                if (m_strings.size() > m_limits.maxCells)
                    xml.fail(part + ": more than " + std::to_string(m_limits.maxCells) + " strings");
            } else if (name == "rPh")
                --skip;
            else if (name == "t")
                inText = false;
        };
        xml.onText = [&](std::string_view text) {
            if (inText && skip == 0)
                current += text;
        };
        readPart(m_zip, part, xml, false);
    }

    void readStyles(const std::string& part) {
        XmlReader xml(part);
        std::map<int, std::string> codes;
        bool inCellXfs = false;
        xml.onStart = [&](std::string_view name, const XmlReader::Attributes& attrs) {
            const auto number = [&](std::string_view key) {
                int value = 0;
                const auto text = XmlReader::attribute(attrs, key);
                std::from_chars(text.data(), text.data() + text.size(), value);
                return value;
            };
            if (name == "numFmt")
                codes[number("numFmtId")] = std::string(XmlReader::attribute(attrs, "formatCode"));
            else if (name == "cellXfs")
                inCellXfs = true;
            else if (name == "xf" && inCellXfs) {
                const int id = number("numFmtId");
                m_dateStyles.push_back(isDateFormat(id, codes.count(id) ? codes[id] : std::string()));
            }
        };
        xml.onEnd = [&](std::string_view name) {
            if (name == "cellXfs")
                inCellXfs = false;
        };
        readPart(m_zip, part, xml, false);
    }

    void readSheet(const std::string& part, Sheet& sheet) {
        XmlReader xml(part + " (sheet \"" + sheet.name + "\")");
        const std::string where = "sheet \"" + sheet.name + "\"";
        Row row;
        int nextRow = 1;
        int nextColumn = 0;
        bool inCell = false;
        bool inValue = false;
        bool inInline = false;
        int skip = 0;
        std::string type;
        int style = 0;
        int column = 0;
        std::string value;
        std::uint64_t cells = 0;
        const auto flushRow = [&] {
            if (!row.cells.empty())
                sheet.rows.push_back(std::move(row));
            row = Row{};
        };
        xml.onStart = [&](std::string_view name, const XmlReader::Attributes& attrs) {
            if (name == "row") {
                flushRow();
                const auto r = XmlReader::attribute(attrs, "r");
                int number = nextRow;
                if (!r.empty() && std::from_chars(r.data(), r.data() + r.size(), number).ec != std::errc())
                    xml.fail(where + ": a row has the number \"" + std::string(r) + "\"");
                if (number < nextRow || number > m_limits.maxRows)
                    xml.fail(where + ": row " + std::to_string(number) + " is out of order or past row " +
                             std::to_string(m_limits.maxRows));
                row.number = number;
                nextRow = number + 1;
                nextColumn = 0;
            } else if (name == "c") {
                inCell = true;
                value.clear();
                type = std::string(XmlReader::attribute(attrs, "t"));
                const auto s = XmlReader::attribute(attrs, "s");
                style = 0;
                std::from_chars(s.data(), s.data() + s.size(), style);
                const auto r = XmlReader::attribute(attrs, "r");
                column = r.empty() ? nextColumn : columnOfReference(r);
                if (!r.empty() && row.number == 0) {  // a cell outside any <row>: take its row
                    row.number = rowOfReference(r);
                }
                if (column < 0 || column >= m_limits.maxColumns)
                    xml.fail(where + ": cell " + std::string(r) + " is past column " +
                             columnLetters(m_limits.maxColumns - 1) + " (" + std::to_string(m_limits.maxColumns) +
                             " columns at most)");
                if (column < nextColumn)
                    xml.fail(where + ": cells of row " + std::to_string(row.number) + " are out of order");
                nextColumn = column + 1;
                if (++cells > m_limits.maxCells)
                    xml.fail(where + ": more than " + std::to_string(m_limits.maxCells) +
                             " cells; the sheet is refused as too large");
            } else if (inCell && name == "v") {
                inValue = true;
            } else if (inCell && name == "is") {
                inInline = true;
            } else if (inInline && name == "rPh") {
                ++skip;
            } else if (inInline && name == "t") {
                inValue = true;
            }
        };
        xml.onEnd = [&](std::string_view name) {
            if (name == "v" || name == "t")
                inValue = false;
            else if (name == "rPh")
                --skip;
            else if (name == "is")
                inInline = false;
            else if (name == "c") {
                inCell = false;
                addCell(row, column, type, style, value, where);
            } else if (name == "sheetData") {
                flushRow();
            }
        };
        xml.onText = [&](std::string_view text) {
            if (inValue && skip == 0) {
                if (value.size() + text.size() > 32767 * 4)
                    xml.fail(where + ": a cell holds more than Excel's 32,767 characters");
                value += text;
            }
        };
        readPart(m_zip, part, xml);
        flushRow();
    }

    void addCell(Row& row, int column, const std::string& type, int style, const std::string& value,
                 const std::string& where) {
        Cell cell;
        cell.column = column;
        if (type == "s") {
            std::size_t index = 0;
            auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
            if (ec != std::errc() || index >= m_strings.size())
                throw WorkbookError(where + ": cell " + columnLetters(column) + std::to_string(row.number) +
                                    " names shared string " + value + ", which the workbook does not hold");
            cell.text = m_strings[index];
        } else if (type == "inlineStr" || type == "str") {
            cell.text = value;
        } else if (type == "b") {
            cell.kind = Cell::Kind::Boolean;
            cell.text = value == "1" || lower(value) == "true" ? "TRUE" : "FALSE";
        } else if (type == "e") {
            cell.kind = Cell::Kind::Error;
            cell.text = value;
        } else if (type == "d") {
            cell.kind = Cell::Kind::Date;
            cell.text = value;
        } else {
            if (trimmed(value).empty())
                return;
            const std::string_view text = trimmed(value);
            double number = 0;
            auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
            if (ec != std::errc() || ptr != text.data() + text.size())
                throw WorkbookError(where + ": cell " + columnLetters(column) + std::to_string(row.number) +
                                    " should hold a number but holds \"" + std::string(text) + "\"");
            cell.number = number;
            const bool date = style >= 0 && static_cast<std::size_t>(style) < m_dateStyles.size() &&
                              m_dateStyles[static_cast<std::size_t>(style)];
            cell.kind = date ? Cell::Kind::Date : Cell::Kind::Number;
            cell.text = date ? serialDate(number, m_date1904) : numberText(number);
        }
        if (cell.text.empty())
            return;
        row.cells.push_back(std::move(cell));
    }

    ZipReader m_zip;
    ReadLimits m_limits;
    std::vector<std::string> m_strings;
    std::vector<bool> m_dateStyles;
    bool m_date1904 = false;
};

} // namespace

const Cell* Row::at(int column) const {
    const auto found = std::lower_bound(cells.begin(), cells.end(), column,
                                        [](const Cell& cell, int c) { return cell.column < c; });
    return found != cells.end() && found->column == column ? &*found : nullptr;
}

const Sheet* Workbook::find(std::string_view name) const {
    const std::string wanted = lower(trimmed(name));
    for (const auto& sheet : sheets)
        if (lower(trimmed(sheet.name)) == wanted)
            return &sheet;
    return nullptr;
}

std::string columnLetters(int column) {
    std::string letters;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
}

Workbook readWorkbook(std::string_view bytes, const ReadLimits& limits) {
    return WorkbookReader(bytes, limits).read();
}

Workbook readWorkbookFile(const std::filesystem::path& path, const ReadLimits& limits) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        throw WorkbookError("cannot be read (" + ec.message() + ")");
    if (size > limits.maxFileBytes)
        throw WorkbookError("the workbook is " + std::to_string(size >> 20) +
                            " MiB, more than the " + std::to_string(limits.maxFileBytes >> 20) + " MiB a workbook may be");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in)
        throw WorkbookError("cannot be read");
    return readWorkbook(bytes.str(), limits);
}

} // namespace kc::server::sheets
