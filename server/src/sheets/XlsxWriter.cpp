#include "sheets/XlsxWriter.hpp"

#include "sheets/ZipReader.hpp"

#include "kc/ids/Uuid.hpp"

#include <xlsxwriter.h>

#include <fstream>
#include <sstream>

namespace kc::server::sheets {

XlsxWriter::XlsxWriter(const std::filesystem::path& file, bool constantMemory, const std::filesystem::path& tmpdir)
    : m_file(file.string()), m_tmpdir(tmpdir.string()) {
    lxw_workbook_options options{};
    options.constant_memory = constantMemory ? LXW_TRUE : LXW_FALSE;
    options.tmpdir = m_tmpdir.data();
    options.use_zip64 = constantMemory ? LXW_TRUE : LXW_FALSE;  // a million-row export may pass 4 GiB
    m_book = workbook_new_opt(m_file.c_str(), &options);
    if (!m_book)
        throw WorkbookError("cannot start the workbook " + m_file);
    m_header = workbook_add_format(m_book);
    format_set_bold(m_header);
    format_set_bg_color(m_header, 0xDDEBF7);
    format_set_text_wrap(m_header);
    format_set_align(m_header, LXW_ALIGN_VERTICAL_TOP);
    m_whole = workbook_add_format(m_book);
    format_set_num_format(m_whole, "#,##0");
    m_decimal = workbook_add_format(m_book);
    format_set_num_format(m_decimal, "#,##0.##");
    m_date = workbook_add_format(m_book);
    format_set_num_format(m_date, "dd/mm/yyyy");
    m_wrap = workbook_add_format(m_book);
    format_set_text_wrap(m_wrap);
}

XlsxWriter::~XlsxWriter() {
    if (m_book)
        workbook_close(m_book);
}

lxw_worksheet* XlsxWriter::addSheet(const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(m_book, sheetName(name).c_str());
    if (!sheet)
        throw WorkbookError("cannot add the sheet \"" + name + "\" to " + m_file);
    return sheet;
}

void XlsxWriter::close() {
    lxw_workbook* book = m_book;
    m_book = nullptr;
    const lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR)
        throw WorkbookError("cannot write the workbook " + m_file + " (" + lxw_strerror(error) + ")");
}

std::string sheetName(const std::string& wanted, int limit) {
    std::string name;
    int characters = 0;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        const auto byte = static_cast<unsigned char>(wanted[i]);
        if ((byte & 0xC0) != 0x80) {  // a character starts here
            if (characters == std::max(limit, 1))
                break;
            ++characters;
        }
        name += std::string("[]:*?/\\").find(wanted[i]) == std::string::npos ? wanted[i] : '_';
    }
    while (!name.empty() && name.back() == ' ')
        name.pop_back();
    return name.empty() ? "Sheet" : name;
}

std::string workbookBytes(const std::function<void(const std::filesystem::path&)>& write) {
    const auto path = std::filesystem::temp_directory_path() / ("kcfield-" + Uuid::v7().toString() + ".xlsx");
    struct Remove {
        std::filesystem::path path;
        ~Remove() {
            std::error_code ec;
            std::filesystem::remove(path, ec);
        }
    } remove{path};
    write(path);
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in && !in.eof())
        throw WorkbookError("cannot read back the workbook just written");
    return bytes.str();
}

} // namespace kc::server::sheets
