#pragma once

#include <filesystem>
#include <functional>
#include <string>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace kc::server::sheets {

//! A workbook being written to a file by libxlsxwriter. In constant-memory mode each row
//! goes to a temporary file as soon as the next row starts, so a million-row sheet costs no
//! more memory than one row; rows must then be written in order. Closing (or the destructor)
//! finishes the file; close() throws naming what failed.
class XlsxWriter {
public:
    XlsxWriter(const std::filesystem::path& file, bool constantMemory,
               const std::filesystem::path& tmpdir = std::filesystem::temp_directory_path());
    ~XlsxWriter();
    XlsxWriter(const XlsxWriter&) = delete;
    XlsxWriter& operator=(const XlsxWriter&) = delete;

    lxw_workbook* book() { return m_book; }
    lxw_worksheet* addSheet(const std::string& name);
    //! A bold header cell format, a whole-number with grouping (money, counts), a decimal and
    //! a dd/mm/yyyy date format.
    lxw_format* header() const { return m_header; }
    lxw_format* whole() const { return m_whole; }
    lxw_format* decimal() const { return m_decimal; }
    lxw_format* date() const { return m_date; }
    lxw_format* wrap() const { return m_wrap; }
    void close();

private:
    lxw_workbook* m_book = nullptr;
    std::string m_file;
    std::string m_tmpdir;
    lxw_format* m_header = nullptr;
    lxw_format* m_whole = nullptr;
    lxw_format* m_decimal = nullptr;
    lxw_format* m_date = nullptr;
    lxw_format* m_wrap = nullptr;
};

//! The bytes of a workbook `write` makes at the path it is given (a temporary file, removed
//! afterwards): for answers small enough to send whole (reports, templates, registers).
std::string workbookBytes(const std::function<void(const std::filesystem::path&)>& write);

//! A worksheet name Excel accepts: at most `limit` (31) characters, none of []:*?/\ .
std::string sheetName(const std::string& wanted, int limit = 31);

} // namespace kc::server::sheets
