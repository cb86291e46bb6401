#include "admin/RegisterExport.hpp"

#include "admin/RegisterImport.hpp"
#include "sheets/XlsxWriter.hpp"

#include "kc/domain/RegisterJson.hpp"

#include <boost/json.hpp>
#include <xlsxwriter.h>

#include <stdexcept>

namespace kc::server {
namespace {

void cell(sheets::XlsxWriter& book, lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const boost::json::value& value,
          bool number) {
    if (value.is_int64())
        worksheet_write_number(sheet, row, col, static_cast<double>(value.get_int64()), book.whole());
    else if (value.is_uint64())
        worksheet_write_number(sheet, row, col, static_cast<double>(value.get_uint64()), book.whole());
    else if (value.is_double())
        worksheet_write_number(sheet, row, col, value.get_double(), number ? book.decimal() : nullptr);
    else if (value.is_string())
        worksheet_write_string(sheet, row, col, value.get_string().c_str(), nullptr);
    else if (value.is_array()) {
        std::string joined;
        for (const auto& item : value.get_array())
            if (item.is_string())
                joined += (joined.empty() ? "" : "; ") + std::string(item.get_string());
        if (!joined.empty())
            worksheet_write_string(sheet, row, col, joined.c_str(), nullptr);
    }
}

} // namespace

void writeRegisterWorkbook(CentralStore& store, const std::string& which, const std::vector<std::string>& provinces,
                           const std::filesystem::path& file) {
    const bool facilities = which == "facilities";
    if (!facilities && which != "projects")
        throw std::invalid_argument("no register " + which + " (facilities or projects)");
    const auto& columns = facilities ? facilityColumns() : projectColumns();
    sheets::XlsxWriter book(file, true);
    auto* sheet = book.addSheet(facilities ? "Cơ sở" : "Đề án");
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const std::string title = std::string(columns[c].title) + " (" + columns[c].name + ")";
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), title.c_str(), book.header());
    }
    lxw_row_t row = 1;
    const auto write = [&](const boost::json::object& record) {
        for (std::size_t c = 0; c < columns.size(); ++c)
            if (const auto* value = record.if_contains(columns[c].name))
                cell(book, sheet, row, static_cast<lxw_col_t>(c), *value, columns[c].number);
        ++row;
    };
    RegisterQuery query{provinces, std::nullopt, "", "", 1000};
    if (facilities) {
        for (auto page = store.listFacilities(query); !page.empty(); page = store.listFacilities(query)) {
            for (const auto& facility : page)
                write(domain::facilityToJson(facility));
            query.after = page.back().id;
        }
    } else {
        for (auto page = store.listProjects(query); !page.empty(); page = store.listProjects(query)) {
            for (const auto& project : page)
                write(domain::projectToJson(project));
            query.after = page.back().id;
        }
    }
    book.close();
}

} // namespace kc::server
