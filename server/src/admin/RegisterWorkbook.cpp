#include "admin/RegisterWorkbook.hpp"

#include "admin/RegisterImport.hpp"
#include "sheets/Workbook.hpp"
#include "sheets/XlsxWriter.hpp"

#include "kc/domain/Registers.hpp"
#include "kc/forms/FormLibrary.hpp"
#include "kc/json/Json.hpp"

#include <boost/json.hpp>
#include <xlsxwriter.h>

#include <map>
#include <stdexcept>

namespace kc::server {

namespace bj = boost::json;

CsvTable tableFromWorkbook(std::string_view bytes) {
    const auto book = sheets::readWorkbook(bytes);
    CsvTable table;
    table.rowWord = "row";
    if (book.sheets.empty() || book.sheets.front().rows.empty())
        return table;
    const auto& sheet = book.sheets.front();
    const auto& header = sheet.rows.front();
    int width = 0;
    for (const auto& cell : header.cells) {
        // Columns are placed by their letter: an empty header cell between two is kept empty.
        table.header.resize(static_cast<std::size_t>(cell.column) + 1);
        table.header[static_cast<std::size_t>(cell.column)] = cell.text;
        width = cell.column + 1;
    }
    for (auto& name : table.header)
        while (!name.empty() && (name.back() == ' ' || name.front() == ' '))
            name = name.back() == ' ' ? name.substr(0, name.size() - 1) : name.substr(1);
    for (std::size_t r = 1; r < sheet.rows.size(); ++r) {
        const auto& row = sheet.rows[r];
        std::vector<std::string> cells(static_cast<std::size_t>(width));
        for (const auto& cell : row.cells) {
            if (cell.column >= static_cast<int>(cells.size()))
                cells.resize(static_cast<std::size_t>(cell.column) + 1);  // reported as a row too wide
            std::string text = cell.text;
            while (!text.empty() && text.back() == ' ')
                text.pop_back();
            while (!text.empty() && text.front() == ' ')
                text.erase(0, 1);
            cells[static_cast<std::size_t>(cell.column)] = text;
        }
        table.rows.push_back(std::move(cells));
        table.lines.push_back(row.number);
    }
    return table;
}

namespace {

//! Codes with their Vietnamese names where the library's facility form gives them.
std::map<std::string, std::string> choiceLabels(const std::string& list) {
    std::map<std::string, std::string> labels;
    for (const auto& entry : forms::formLibrary()) {
        if (entry.id != "facility_profile")
            continue;
        const auto form = json::parse(entry.json);
        if (const auto* choices = form.at("choices").as_object().if_contains(list))
            for (const auto& choice : choices->as_array())
                labels[std::string(choice.at("name").as_string())] =
                    std::string(choice.at("label").at("vi").as_string());
    }
    return labels;
}

template <std::size_t N>
std::vector<std::string> codes(const std::string_view (&list)[N]) {
    return {std::begin(list), std::end(list)};
}

} // namespace

void writeRegisterTemplate(const std::string& which, const std::filesystem::path& file) {
    const bool facilities = which == "facilities";
    if (!facilities && which != "projects")
        throw std::invalid_argument("template facilities or template projects");
    const auto& columns = facilities ? facilityColumns() : projectColumns();
    // The code lists a column may hold, and their names.
    std::map<std::string, std::pair<std::vector<std::string>, std::map<std::string, std::string>>> lists;
    if (facilities) {
        lists["legal_form"] = {codes(domain::kLegalForms), choiceLabels("legal_forms")};
        lists["sector"] = {codes(domain::kSectors), choiceLabels("sectors")};
    } else {
        lists["funding_source"] = {codes(domain::kFundingSources), {{"national", "Khuyến công quốc gia"}, {"local", "Khuyến công địa phương"}}};
        lists["activity_type"] = {codes(domain::kActivityTypes), {}};
        lists["status"] = {codes(domain::kProjectStatuses), {}};
    }
    const std::map<std::string, std::string> example =
        facilities ? std::map<std::string, std::string>{{"name", "HTX Chè Thái Hòa"}, {"legal_form", "cooperative"},
                                                        {"sector", std::string(domain::kSectors[0])}, {"province", "04"},
                                                        {"commune", "04-001"}, {"village", "Xóm Nà Rị"},
                                                        {"representative", "Nông Văn Bình"}, {"phone", "0912345678"},
                                                        {"workforce", "25"}, {"products", "Chè xanh"},
                                                        {"latitude", "22.6657"}, {"longitude", "106.2580"}}
                   : std::map<std::string, std::string>{{"code", "KC-2025-01"}, {"title", "Hỗ trợ máy sao chè"},
                                                        {"year", "2025"}, {"funding_source", "local"},
                                                        {"activity_type", std::string(domain::kActivityTypes[0])},
                                                        {"province", "04"}, {"status", "in_progress"},
                                                        {"extension_funding", "350000000"},
                                                        {"counterpart_capital", "150000000"},
                                                        {"investment_attracted", "500000000"}, {"jobs_created", "12"},
                                                        {"people_trained", "20"}, {"beneficiaries", "HTX Chè Thái Hòa"}};

    sheets::XlsxWriter book(file, false);
    lxw_format* text = workbook_add_format(book.book());
    format_set_num_format(text, "@");  // codes such as "04" stay text
    lxw_format* required = workbook_add_format(book.book());
    format_set_bold(required);
    format_set_bg_color(required, 0xFCE4D6);
    format_set_text_wrap(required);
    format_set_align(required, LXW_ALIGN_VERTICAL_TOP);

    auto* data = book.addSheet(facilities ? "Cơ sở" : "Đề án");
    auto* sample = book.addSheet("Ví dụ");
    auto* codesSheet = book.addSheet("Mã");
    // The codes sheet: one column of codes (and one of names) per list.
    lxw_col_t codeColumn = 0;
    std::map<std::string, std::string> ranges;
    for (const auto& [name, list] : lists) {
        worksheet_write_string(codesSheet, 0, codeColumn, name.c_str(), book.header());
        worksheet_write_string(codesSheet, 0, codeColumn + 1, "Tên", book.header());
        for (std::size_t i = 0; i < list.first.size(); ++i) {
            worksheet_write_string(codesSheet, static_cast<lxw_row_t>(i + 1), codeColumn, list.first[i].c_str(), nullptr);
            if (auto label = list.second.find(list.first[i]); label != list.second.end())
                worksheet_write_string(codesSheet, static_cast<lxw_row_t>(i + 1), codeColumn + 1, label->second.c_str(), nullptr);
        }
        char first[16];
        char last[16];
        lxw_rowcol_to_cell_abs(first, 1, codeColumn, 1, 1);
        lxw_rowcol_to_cell_abs(last, static_cast<lxw_row_t>(list.first.size()), codeColumn, 1, 1);
        ranges[name] = std::string("='Mã'!") + first + ":" + last;
        worksheet_set_column(codesSheet, codeColumn, codeColumn + 1, 28, nullptr);
        codeColumn = static_cast<lxw_col_t>(codeColumn + 3);
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const std::string title = std::string(columns[c].title) + " (" + columns[c].name + ")";
        for (auto* sheet : {data, sample}) {
            worksheet_write_string(sheet, 0, col, title.c_str(), columns[c].required ? required : book.header());
            worksheet_set_column(sheet, col, col, 22, columns[c].number ? book.whole() : text);
        }
        if (auto value = example.find(columns[c].name); value != example.end()) {
            if (columns[c].number)
                worksheet_write_number(sample, 1, col, std::stod(value->second), nullptr);
            else
                worksheet_write_string(sample, 1, col, value->second.c_str(), nullptr);
        }
        if (auto range = ranges.find(columns[c].name); range != ranges.end()) {
            lxw_data_validation validation{};
            validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
            validation.value_formula = range->second.data();
            validation.error_title = const_cast<char*>("Mã không hợp lệ");
            validation.error_message = const_cast<char*>("Chọn một mã trong danh sách (xem trang Mã)");
            worksheet_data_validation_range(data, 1, col, 10000, col, &validation);
        }
    }
    for (auto* sheet : {data, sample})
        worksheet_freeze_panes(sheet, 1, 0);
    worksheet_set_row(data, 0, 45, nullptr);
    worksheet_set_row(sample, 0, 45, nullptr);
    worksheet_activate(data);
    book.close();
}

} // namespace kc::server
