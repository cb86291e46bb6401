#include "WorkbookFiles.hpp"

#include "sheets/XlsxWriter.hpp"

#include <xlsxwriter.h>
#include <zip.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kc::test {

std::filesystem::path writeWorkbook(const std::filesystem::path& file,
                                    const std::vector<std::pair<std::string, SheetRows>>& sheets) {
    server::sheets::XlsxWriter book(file, false);
    for (const auto& [name, rows] : sheets) {
        auto* sheet = book.addSheet(name);
        for (std::size_t r = 0; r < rows.size(); ++r)
            for (std::size_t c = 0; c < rows[r].size(); ++c) {
                const std::string& text = rows[r][c];
                if (text.empty())
                    continue;
                const auto row = static_cast<lxw_row_t>(r);
                const auto col = static_cast<lxw_col_t>(c);
                if (text.size() > 1 && text[0] == '#')
                    worksheet_write_number(sheet, row, col, std::stod(text.substr(1)), nullptr);
                else
                    worksheet_write_string(sheet, row, col, text.c_str(), nullptr);
            }
    }
    book.close();
    return file;
}

std::string zipOf(const std::vector<std::pair<std::string, std::string>>& parts) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("kc-zip-" + std::to_string(::getpid()) + "-" + std::to_string(parts.size()) + ".zip");
    std::filesystem::remove(path);
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!zip)
        throw std::runtime_error("zip_open failed");
    for (const auto& [name, bytes] : parts) {
        zip_source_t* source = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
        if (!source || zip_file_add(zip, name.c_str(), source, ZIP_FL_OVERWRITE) < 0)
            throw std::runtime_error("zip_file_add failed");
    }
    if (zip_close(zip) != 0)
        throw std::runtime_error("zip_close failed");
    std::string bytes = readBytes(path);
    std::filesystem::remove(path);
    return bytes;
}

std::string xlsxAround(const std::string& sheetXml, const std::string& sharedStringsXml) {
    const std::string ns = "http://schemas.openxmlformats.org/";
    std::vector<std::pair<std::string, std::string>> parts{
        {"[Content_Types].xml",
         "<?xml version=\"1.0\"?><Types xmlns=\"" + ns + "package/2006/content-types\"/>"},
        {"_rels/.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"" + ns + "package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"" + ns + "officeDocument/2006/relationships/officeDocument\" "
         "Target=\"xl/workbook.xml\"/></Relationships>"},
        {"xl/workbook.xml",
         "<?xml version=\"1.0\"?><workbook xmlns=\"" + ns + "spreadsheetml/2006/main\" xmlns:r=\"" + ns +
             "officeDocument/2006/relationships\"><sheets><sheet name=\"survey\" sheetId=\"1\" r:id=\"rId1\"/>"
             "</sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"" + ns + "package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"" + ns + "officeDocument/2006/relationships/worksheet\" "
         "Target=\"worksheets/sheet1.xml\"/>"
         "<Relationship Id=\"rId2\" Type=\"" + ns + "officeDocument/2006/relationships/sharedStrings\" "
         "Target=\"sharedStrings.xml\"/></Relationships>"},
        {"xl/worksheets/sheet1.xml", sheetXml}};
    if (!sharedStringsXml.empty())
        parts.emplace_back("xl/sharedStrings.xml", sharedStringsXml);
    return zipOf(parts);
}

std::string readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

} // namespace kc::test
