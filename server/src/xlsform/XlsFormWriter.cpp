#include "xlsform/XlsFormWriter.hpp"

#include "sheets/XlsxWriter.hpp"

#include <boost/json.hpp>
#include <xlsxwriter.h>

#include <map>
#include <vector>

namespace kc::server::xlsform {

namespace bj = boost::json;

namespace {

const char* const kVi = "::Tiếng Việt (vi)";
const char* const kEn = "::English (en)";

struct SurveyWriter {
    lxw_worksheet* sheet;
    std::map<std::string, lxw_col_t> columns;
    lxw_row_t row = 1;

    void cell(const std::string& column, const bj::value& value) {
        const lxw_col_t col = columns.at(column);
        if (value.is_string())
            worksheet_write_string(sheet, row, col, value.get_string().c_str(), nullptr);
        else if (value.is_int64())
            worksheet_write_number(sheet, row, col, static_cast<double>(value.get_int64()), nullptr);
        else if (value.is_uint64())
            worksheet_write_number(sheet, row, col, static_cast<double>(value.get_uint64()), nullptr);
        else if (value.is_double())
            worksheet_write_number(sheet, row, col, value.get_double(), nullptr);
        else if (value.is_bool())
            worksheet_write_string(sheet, row, col, value.get_bool() ? "yes" : "no", nullptr);
        else if (value.is_array()) {
            std::string joined;
            for (const auto& item : value.get_array())
                joined += (joined.empty() ? "" : " ") + std::string(item.as_string());
            worksheet_write_string(sheet, row, col, joined.c_str(), nullptr);
        }
    }
    void text(const std::string& key, const bj::object& question) {
        const auto* value = question.if_contains(key);
        if (!value || !value->is_object())
            return;
        if (const auto* vi = value->get_object().if_contains("vi"))
            cell(key + kVi, *vi);
        if (const auto* en = value->get_object().if_contains("en"))
            cell(key + kEn, *en);
    }

    void question(const bj::object& q) {
        const std::string type(q.at("type").as_string());
        std::string typeCell = type;
        if (type == "select_one" || type == "select_multiple")
            typeCell += " " + std::string(q.at("list_name").as_string());
        else if (type == "reference")
            typeCell += " " + std::string(q.at("register").as_string());
        else if (type == "group" || type == "repeat")
            typeCell = "begin " + type;
        cell("type", bj::string(typeCell));
        cell("name", q.at("name"));
        for (const char* key : {"label", "hint", "required_message", "constraint_message"})
            text(key, q);
        for (const auto& [key, column] : std::vector<std::pair<const char*, const char*>>{
                 {"required", "required"}, {"relevant", "relevant"}, {"constraint", "constraint"},
                 {"calculate", "calculation"}, {"default", "default"}, {"read_only", "read_only"},
                 {"appearance", "appearance"}, {"choice_filter", "choice_filter"}, {"multiple", "multiple"},
                 {"min_count", "min_count"}, {"max_count", "max_count"}})
            if (const auto* value = q.if_contains(key))
                cell(column, *value);
        ++row;
        if (type == "group" || type == "repeat") {
            if (const auto* children = q.if_contains("questions"))
                for (const auto& child : children->as_array())
                    question(child.as_object());
            cell("type", bj::string("end " + type));
            ++row;
        }
    }
};

void header(lxw_worksheet* sheet, const std::vector<std::string>& names, std::map<std::string, lxw_col_t>& columns,
            lxw_format* format) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(i), names[i].c_str(), format);
        columns[names[i]] = static_cast<lxw_col_t>(i);
    }
    worksheet_freeze_panes(sheet, 1, 0);
}

} // namespace

void writeXlsForm(const bj::value& definitionValue, const std::filesystem::path& file) {
    const auto& definition = definitionValue.as_object();
    sheets::XlsxWriter book(file, false);
    auto* survey = book.addSheet("survey");
    SurveyWriter writer{survey, {}, 1};
    std::vector<std::string> surveyColumns{"type", "name"};
    for (const char* key : {"label", "hint"}) {
        surveyColumns.push_back(std::string(key) + kVi);
        surveyColumns.push_back(std::string(key) + kEn);
    }
    for (const char* key : {"required"})
        surveyColumns.push_back(key);
    surveyColumns.push_back(std::string("required_message") + kVi);
    surveyColumns.push_back(std::string("required_message") + kEn);
    for (const char* key : {"relevant", "constraint"})
        surveyColumns.push_back(key);
    surveyColumns.push_back(std::string("constraint_message") + kVi);
    surveyColumns.push_back(std::string("constraint_message") + kEn);
    for (const char* key : {"calculation", "default", "read_only", "appearance", "choice_filter", "multiple",
                            "min_count", "max_count"})
        surveyColumns.push_back(key);
    header(survey, surveyColumns, writer.columns, book.header());
    worksheet_set_column(survey, 0, 1, 24, nullptr);
    worksheet_set_column(survey, 2, 3, 40, nullptr);
    for (const auto& question : definition.at("questions").as_array())
        writer.question(question.as_object());

    if (const auto* choices = definition.if_contains("choices"); choices && !choices->as_object().empty()) {
        auto* sheet = book.addSheet("choices");
        std::vector<std::string> names{"list_name", "name", std::string("label") + kVi, std::string("label") + kEn};
        for (const auto& [list, entries] : choices->as_object())
            for (const auto& entry : entries.as_array())
                for (const auto& [key, value] : entry.as_object())
                    if (key != "name" && key != "label" &&
                        std::find(names.begin(), names.end(), std::string(key)) == names.end())
                        names.emplace_back(key);
        SurveyWriter rows{sheet, {}, 1};
        header(sheet, names, rows.columns, book.header());
        for (const auto& [list, entries] : choices->as_object())
            for (const auto& entry : entries.as_array()) {
                rows.cell("list_name", bj::string(list));
                for (const auto& [key, value] : entry.as_object())
                    if (key == "label")
                        rows.text("label", entry.as_object());
                    else
                        rows.cell(std::string(key), value);
                ++rows.row;
            }
    }

    auto* settings = book.addSheet("settings");
    SurveyWriter row{settings, {}, 1};
    header(settings, {"form_id", std::string("form_title") + kVi, std::string("form_title") + kEn, "version",
                      "default_language"},
           row.columns, book.header());
    row.cell("form_id", definition.at("id"));
    row.text("form_title", bj::object{{"form_title", definition.at("title")}});
    row.cell("version", definition.at("version"));
    if (const auto* language = definition.if_contains("default_language"))
        row.cell("default_language", *language);
    book.close();
}

} // namespace kc::server::xlsform
