// XLSForm workbooks in: the converter, its errors by sheet, row and column, the library's round
// trip through a workbook, the pyxform samples, and workbooks a careless or hostile sender makes.
#include "WorkbookFiles.hpp"

#include "sheets/Workbook.hpp"
#include "xlsform/FormFile.hpp"
#include "xlsform/XlsFormConverter.hpp"
#include "xlsform/XlsFormWriter.hpp"

#include "kc/forms/FormLibrary.hpp"
#include "kc/forms/FormLoader.hpp"
#include "kc/forms/Validator.hpp"
#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
namespace bj = boost::json;
using namespace kc;
using kc::test::SheetRows;

namespace {

fs::path scratch(const std::string& name) {
    const auto dir = fs::temp_directory_path() / ("kc-xlsform-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir / name;
}

server::xlsform::Conversion convert(const std::vector<std::pair<std::string, SheetRows>>& sheets,
                                    const std::string& fallback = "test_form") {
    const auto file = kc::test::writeWorkbook(scratch("form.xlsx"), sheets);
    return server::xlsform::convertXlsForm(server::sheets::readWorkbookFile(file), fallback);
}

std::vector<std::string> messages(const std::vector<server::xlsform::SheetProblem>& problems) {
    std::vector<std::string> out;
    for (const auto& problem : problems)
        out.push_back(problem.toString());
    return out;
}

bool anyContains(const std::vector<std::string>& lines, const std::string& part) {
    for (const auto& line : lines)
        if (line.find(part) != std::string::npos)
            return true;
    return false;
}

const SheetRows kSettings{{"form_id", "version", "form_title", "default_language"},
                          {"danh_gia_co_so", "#3", "Đánh giá cơ sở", "Tiếng Việt (vi)"}};

//! The four pyxform sample workbooks (tests/data/xlsform/README.md says which program saved each).
fs::path sample(const std::string& name) { return fs::path(KC_SOURCE_ROOT) / "tests" / "data" / "xlsform" / name; }

} // namespace

TEST_CASE("every library form written as XLSForm and read back is the same form", "[xlsform]") {
    for (const auto& entry : forms::formLibrary()) {
        INFO(entry.id);
        const auto original = json::parse(entry.json);
        const auto file = scratch(std::string(entry.id) + ".xlsx");
        server::xlsform::writeXlsForm(original, file);
        const auto back = server::xlsform::convertXlsForm(server::sheets::readWorkbookFile(file));
        INFO(json::serialize(back.definition));
        for (const auto& line : messages(back.errors))
            UNSCOPED_INFO(line);
        REQUIRE(back.errors.empty());
        REQUIRE(back.ok());
        CHECK(back.definition == original);
    }
}

TEST_CASE("an XLSForm's types, languages, rules and settings become a KCField form", "[xlsform]") {
    const auto result = convert(
        {{"survey",
          {{"type", "name", "label::Tiếng Việt (vi)", "label::English (en)", "hint:english", "required",
            "required_message::Tiếng Việt (vi)", "relevant", "constraint", "constraint_message::Tiếng Việt (vi)",
            "calculation", "default", "read_only", "appearance", "choice_filter", "repeat_count"},
           {"begin group", "co_so", "Cơ sở", "Facility"},
           {"text", "ten", "Tên cơ sở", "Name", "As registered", "yes", "Cần nhập tên"},
           {"select one from tinh", "tinh", "Tỉnh", "Province", "", "TRUE"},
           {"select_one xa", "xa", "Xã", "Commune", "", "", "", "", "", "", "", "", "", "minimal", "tinh = ${tinh}"},
           {"integer", "lao_dong", "Số lao động", "Workers", "", "", "", "", ". >= 0", "Không âm", "", "#5"},
           {"decimal", "doanh_thu", "Doanh thu", "Revenue", "", "${lao_dong} > 0"},
           {"select_multiple nhu_cau or_other", "nhu_cau", "Nhu cầu", "Needs"},
           {"date", "ngay", "Ngày", "Date", "", "", "", "", ". <= today()"},
           {"time", "gio", "Giờ", "Time"},
           {"dateTime", "luc", "Lúc", "At"},
           {"geopoint", "vi_tri", "Vị trí", "Location"},
           {"image", "anh", "Ảnh", "Photo"},
           {"barcode", "ma", "Mã", "Code"},
           {"end group"},
           {"begin repeat", "thiet_bi", "Thiết bị", "Equipment", "", "", "", "", "", "", "", "", "", "", "", "#2"},
           {"text", "ten_tb", "Tên thiết bị", "Equipment name", "", "yes"},
           {"end repeat"},
           {"calculate", "tong", "", "", "", "", "", "", "", "", "count(${thiet_bi}) + coalesce(${lao_dong}, 0)"},
           {"note", "ghi_chu", "Số dòng: ${tong}", "", "", "", "", "string-length(${ten}) > 0"},
           {"start", "start"},
           {"deviceid", "deviceid"}}},
         {"choices",
          {{"list_name", "name", "label::Tiếng Việt (vi)", "label::English (en)", "tinh"},
           {"tinh", "04", "Cao Bằng", "Cao Bang"},
           {"tinh", "06", "Bắc Kạn", "Bac Kan"},
           {"xa", "04-001", "Thục Phán", "Thuc Phan", "04"},
           {"xa", "06-001", "Đức Xuân", "Duc Xuan", "06"},
           {"nhu_cau", "may_moc", "Máy móc", "Machinery"}}},
         {"settings", kSettings}});
    for (const auto& line : messages(result.errors))
        UNSCOPED_INFO(line);
    REQUIRE(result.ok());
    const auto& form = *result.form;
    CHECK(form.id == "danh_gia_co_so");
    CHECK(form.version == 3);
    CHECK(form.title.vi == "Đánh giá cơ sở");
    const auto* ten = form.find("ten");
    REQUIRE(ten);
    CHECK(ten->label.vi == "Tên cơ sở");
    CHECK(ten->label.en == "Name");
    CHECK(ten->hint.en == "As registered");
    CHECK(ten->required);
    CHECK(ten->requiredMessage.vi == "Cần nhập tên");
    CHECK(form.find("tinh")->required);
    CHECK(form.find("xa")->choiceFilter->source == "tinh = ${tinh}");
    CHECK(form.find("xa")->appearance == "minimal");
    CHECK(form.find("lao_dong")->defaultValue == bj::value(5));
    CHECK(form.find("lao_dong")->constraintMessage.vi == "Không âm");
    CHECK(form.find("doanh_thu")->requiredIf.has_value());
    CHECK(form.find("gio")->type == forms::QuestionType::Text);
    CHECK(form.find("luc")->type == forms::QuestionType::DateTime);
    CHECK(form.find("anh")->type == forms::QuestionType::Photo);
    const auto* repeat = form.find("thiet_bi");
    CHECK(repeat->minCount == 2);
    CHECK(repeat->maxCount == 2);
    CHECK(form.find("tong")->calculate->source == "count(${thiet_bi}) + coalesce(${lao_dong}, 0)");
    // or_other: an "other" choice and a text question for it.
    CHECK(form.find("nhu_cau_other"));
    CHECK(form.find("nhu_cau_other")->relevant->source == "selected(${nhu_cau}, 'other')");
    CHECK(form.choiceLists.size() == 3);
    // Metadata is named in a notice, not silently dropped, and makes no question.
    CHECK_FALSE(form.find("start"));
    const auto notes = messages(result.notices);
    CHECK(anyContains(notes, "survey, row 21, type: start: every KCField submission records when it was started"));
    CHECK(anyContains(notes, "survey, row 10, type: KCField has no time-of-day type"));
    CHECK(anyContains(notes, "does not fill answers into labels"));
}

TEST_CASE("the converted form validates submissions as its hand-written equivalent does", "[xlsform]") {
    const auto converted = convert(
        {{"survey",
          {{"type", "name", "label", "required", "relevant", "constraint", "calculation"},
           {"integer", "so_may", "Số máy", "yes", "", ". > 0 and . <= 50"},
           {"select_one co_khong", "co_hong", "Có máy hỏng?", "yes"},
           {"text", "ly_do", "Lý do", "yes", "selected(${co_hong}, 'co')", "string-length(.) >= 3"},
           {"calculate", "gap_doi", "", "", "", "", "${so_may} * 2"}}},
         {"choices", {{"list_name", "name", "label"}, {"co_khong", "co", "Có"}, {"co_khong", "khong", "Không"}}},
         {"settings", {{"form_id", "version"}, {"kiem_tra", "#1"}}}});
    REQUIRE(converted.ok());
    const auto hand = forms::loadFormText(R"J({"id": "kiem_tra", "version": 1, "title": {"vi": "kiem_tra"},
      "default_language": "vi",
      "questions": [
        {"name": "so_may", "type": "integer", "label": {"vi": "Số máy"}, "required": true, "constraint": ". > 0 and . <= 50"},
        {"name": "co_hong", "type": "select_one", "list_name": "co_khong", "label": {"vi": "Có máy hỏng?"}, "required": true},
        {"name": "ly_do", "type": "text", "label": {"vi": "Lý do"}, "required": true, "relevant": "selected(${co_hong}, 'co')",
         "constraint": "string-length(.) >= 3"},
        {"name": "gap_doi", "type": "calculate", "calculate": "${so_may} * 2"}],
      "choices": {"co_khong": [{"name": "co", "label": {"vi": "Có"}}, {"name": "khong", "label": {"vi": "Không"}}]}})J");
    REQUIRE(hand.ok());
    CHECK(converted.definition == hand.form->definition);
    for (const char* answers : {R"({"so_may": 3, "co_hong": "khong"})", R"({"so_may": 0, "co_hong": "co"})",
                                R"({"so_may": 51, "co_hong": "co", "ly_do": "ab"})",
                                R"({"so_may": 2, "co_hong": "co", "ly_do": "hỏng trục"})", R"({"co_hong": "x"})",
                                R"({"so_may": 4, "co_hong": "khong", "ly_do": "bỏ"})"}) {
        INFO(answers);
        const auto a = forms::validateSubmission(*converted.form, json::parse(answers), {});
        const auto b = forms::validateSubmission(*hand.form, json::parse(answers), {});
        REQUIRE(a.errors.size() == b.errors.size());
        for (std::size_t i = 0; i < a.errors.size(); ++i) {
            CHECK(a.errors[i].path == b.errors[i].path);
            CHECK(a.errors[i].code == b.errors[i].code);
        }
        CHECK(a.answers == b.answers);
        CHECK(a.dropped == b.dropped);
    }
}

TEST_CASE("every problem of a workbook is named by sheet, row, column and cell in one run", "[xlsform]") {
    const auto result = convert(
        {{"survey",
          {{"type", "name", "label", "relevant", "calculation", "repeat_count"},
           {"select_one danh_gia_list", "danh_gia", "Đánh giá"},
           {"begin group", "nhom", "Nhóm"},
           {"text", "ghi_chu", "Ghi chú", "${danh_gai} = 'tot'"},
           {"begin repeat", "lap", "Lặp", "", "", "${so}"},
           {"integer", "so", "Số", "", "pulldata('gia', 'x', 'y', 'z')"},
           {"end group"},
           {"select_one khong_co", "khac", "Khác"},
           {"text", "duong_dan", "Đường dẫn", "/data/danh_gia = 'tot'"},
           {"range", "thang", "Thang"},
           {"selct_one x", "sai", "Sai"}}},
         {"choices", {{"list_name", "name", "label"}, {"danh_gia_list", "tot", "Tốt"}, {"danh_gia_list", "tot", "Tốt nữa"}}},
         {"settings", {{"form_id", "version"}, {"mau", "v2"}}}});
    const auto errors = messages(result.errors);
    for (const auto& line : errors)
        UNSCOPED_INFO(line);
    CHECK_FALSE(result.ok());
    CHECK(anyContains(errors, "survey, row 4, relevant: unknown field ${danh_gai} (did you mean ${danh_gia}?)"));
    CHECK(anyContains(errors, "survey, row 5, repeat_count: KCField fixes a repeat's size with a number only"));
    CHECK(anyContains(errors, "survey, row 6, calculation: the function pulldata() is not available in KCField"));
    CHECK(anyContains(errors, "survey, row 7, type: \"end group\" closes the repeat opened at row 5"));
    CHECK(anyContains(errors, "survey, row 3, type: the group opened here is never closed"));
    CHECK(anyContains(errors, "survey, row 8, type: "));
    CHECK(anyContains(errors, "khong_co"));
    CHECK(anyContains(errors, "survey, row 9, relevant: '/' begins an XPath path"));
    CHECK(anyContains(errors, "survey, row 10, type: the type range is not available"));
    CHECK(anyContains(errors, "survey, row 11, type: unknown type \"selct_one x\""));
    CHECK(anyContains(errors, "choices, row 3, name: duplicate choice 'tot'"));
    CHECK(anyContains(errors, "settings, row 2, version: a KCField version is a whole number"));
    // The cell's text is quoted where the message does not already hold it.
    CHECK(anyContains(errors, "the cell reads \"${danh_gai} = 'tot'\""));
}

TEST_CASE("a workbook without a survey sheet, or with its columns misnamed, is refused by name", "[xlsform]") {
    auto result = convert({{"Sheet1", {{"type", "name"}, {"text", "a"}}}});
    CHECK(anyContains(messages(result.errors), "the workbook has no \"survey\" sheet (its sheets: Sheet1)"));
    result = convert({{"survey", {{"kind", "name", "label"}, {"text", "a", "A"}}}});
    CHECK(anyContains(messages(result.errors), "the survey sheet needs the columns type and name in its first row; type is missing"));
    // Header case, spaces and the old spellings are the same columns.
    result = convert({{" Survey ", {{"TYPE", " Name ", "Label:English"}, {"text ", "  ten ", " Tên  "}}},
                      {"CHOICES", {{"list name", "name", "label"}}}});
    for (const auto& line : messages(result.errors))
        UNSCOPED_INFO(line);
    REQUIRE(result.ok());
    CHECK(result.form->find("ten")->label.vi == "Tên");
}

TEST_CASE("the four pyxform samples convert, or are refused only for what KCField cannot express", "[xlsform]") {
    auto group = server::xlsform::readFormFile(sample("group.xlsx"));
    REQUIRE(group.ok());
    CHECK(group.form->id == "group");
    CHECK(group.form->find("phone_number")->constraint.has_value());
    auto yesNo = server::xlsform::readFormFile(sample("yes_or_no_question.xlsx"));
    REQUIRE(yesNo.ok());
    CHECK(yesNo.form->find("good_day")->listName == "yes_or_no");
    CHECK(yesNo.form->choiceLists.front().choices.size() == 2);
    // LibreOffice's cascading selects: one list repeats the name "king", which KCField refuses.
    auto cascade = server::xlsform::readFormFile(sample("choice_filter_test.xlsx"));
    REQUIRE(cascade.problems.size() == 1);
    CHECK(cascade.problems.front() == "choices, row 6, name: duplicate choice 'king' in list 'counties'");
    // Excel's everything-form: media, audio, video, acknowledge, SIM metadata, names with '-'.
    auto flat = server::xlsform::readFormFile(sample("flat_xlsform_test.xlsx"));
    CHECK_FALSE(flat.ok());
    for (const auto& problem : flat.problems) {
        INFO(problem);
        const bool named = problem.find("not available") != std::string::npos ||
                           problem.find("KCField forms have no") != std::string::npos ||
                           problem.find("is not a valid") != std::string::npos ||
                           problem.find("a label is needed") != std::string::npos;
        CHECK(named);
    }
    CHECK(anyContains(flat.problems, "survey, row 30, type: the type acknowledge is not available"));
}

TEST_CASE("workbooks saved by openpyxl are read: inline strings, numbers, dates, empty rows", "[xlsform][openpyxl]") {
    const auto file = scratch("openpyxl.xlsx");
    const std::string script =
        "import openpyxl, datetime, sys\n"
        "wb = openpyxl.Workbook()\n"
        "ws = wb.active\n"
        "ws.title = 'survey'\n"
        "ws.append(['Type', 'name ', 'label::Tiếng Việt (vi)', 'default'])\n"
        "ws.append(['integer', 'so', 'Số ', 7])\n"
        "ws.append([])\n"
        "ws.append(['date', 'ngay', 'Ngày', datetime.date(2024, 5, 1)])\n"
        "ws.append(['decimal', 'ty_le', 'Tỷ lệ', 0.25])\n"
        "s = wb.create_sheet('settings')\n"
        "s.append(['form_id', 'version'])\n"
        "s.append(['tu_openpyxl', 2024051501])\n"
        "wb.save(sys.argv[1])\n";
    const auto scriptFile = scratch("make.py");
    {
        std::ofstream out(scriptFile);
        out << script;
    }
    REQUIRE(std::system(("/usr/bin/python3 " + scriptFile.string() + " " + file.string()).c_str()) == 0);
    const auto book = server::sheets::readWorkbookFile(file);
    const auto* survey = book.find("survey");
    REQUIRE(survey);
    REQUIRE(survey->rows.size() == 4);  // the empty row is left out
    CHECK(survey->rows[2].number == 4);
    CHECK(survey->rows[2].at(3)->kind == server::sheets::Cell::Kind::Date);
    CHECK(survey->rows[2].at(3)->text == "2024-05-01");
    CHECK(survey->rows[3].at(3)->text == "0.25");
    const auto result = server::xlsform::convertXlsForm(book);
    for (const auto& line : messages(result.errors))
        UNSCOPED_INFO(line);
    REQUIRE(result.ok());
    CHECK(result.form->version == 2024051501);
    CHECK(result.form->find("so")->label.vi == "Số");
    CHECK(result.form->find("so")->defaultValue == bj::value(7));
    CHECK(result.form->find("ngay")->defaultValue == bj::value("2024-05-01"));
}

TEST_CASE("damaged and hostile workbooks are refused with a clear message", "[xlsform][hostile]") {
    using server::sheets::readWorkbook;
    using server::sheets::WorkbookError;
    const std::string good = kc::test::xlsxAround(
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>type</t></is></c><c r=\"B1\" t=\"s\"><v>0</v></c></row>"
        "</sheetData></worksheet>",
        "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><r><t>na</t></r><r><t>me</t></r>"
        "<rPh><t>x</t></rPh></si></sst>");
    const auto book = readWorkbook(good);
    REQUIRE(book.sheets.size() == 1);
    CHECK(book.sheets[0].rows[0].at(0)->text == "type");
    CHECK(book.sheets[0].rows[0].at(1)->text == "name");

    CHECK_THROWS_WITH(readWorkbook("type,name\ntext,a\n"), Catch::Contains("this is not an .xlsx workbook"));
    CHECK_THROWS_WITH(readWorkbook(good.substr(0, good.size() / 2)), Catch::Contains("damaged or incomplete"));
    const auto sheet = [](const std::string& body) {
        return kc::test::xlsxAround("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                                    "<sheetData>" + body + "</sheetData></worksheet>");
    };
    CHECK_THROWS_WITH(readWorkbook(sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></row>")), Catch::Contains("bad XML at line 1"));
    CHECK_THROWS_WITH(readWorkbook(sheet("<row r=\"1\"><c r=\"ZZZZ1\"><v>1</v></c></row>")),
                      Catch::Contains("is past column XFD"));
    std::string wide = "<row r=\"1\">";
    for (int i = 0; i < 1000000; ++i)
        wide += "<c><v>1</v></c>";
    wide += "</row>";
    CHECK_THROWS_WITH(readWorkbook(sheet(wide)), Catch::Contains("16384 columns at most"));
    CHECK_THROWS_WITH(readWorkbook(sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>")),
                      Catch::Contains("names shared string 5"));
    CHECK_THROWS_WITH(readWorkbook(kc::test::xlsxAround("<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY a \"aaaa\">]>"
                                                        "<worksheet><sheetData/></worksheet>")),
                      Catch::Contains("DOCTYPE"));
    // A zip bomb: a sheet of 40 MiB of spaces squeezes into a few kilobytes.
    const std::string bomb = sheet(std::string(40u << 20, ' '));
    CHECK(bomb.size() < (1u << 20));
    CHECK_THROWS_WITH(readWorkbook(bomb), Catch::Contains("zip bomb"));
    server::sheets::ReadLimits small;
    small.maxRows = 10;
    CHECK_THROWS_WITH(readWorkbook(sheet("<row r=\"11\"><c r=\"A11\"><v>1</v></c></row>"), small),
                      Catch::Contains("past row 10"));
}

TEST_CASE("forms import, check and publish read XLSForm workbooks from the command line", "[xlsform][cli]") {
    // Through the CLI functions the binary runs.
    const auto file = kc::test::writeWorkbook(
        scratch("cli.xlsx"), {{"survey", {{"type", "name", "label"}, {"text", "ten", "Tên"}, {"integer", "so", "Số"}}},
                              {"settings", {{"form_id", "version"}, {"tu_excel", "#4"}}}});
    const auto loaded = server::xlsform::readFormFile(file);
    REQUIRE(loaded.ok());
    CHECK(loaded.form->id == "tu_excel");
    const auto broken = kc::test::writeWorkbook(scratch("broken.xlsx"),
                                                {{"survey", {{"type", "name", "label"}, {"txt", "ten", "Tên"}}}});
    const auto bad = server::xlsform::readFormFile(broken);
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0] == "survey, row 2, type: unknown type \"txt\" (did you mean text?)");
    const auto missing = server::xlsform::readFormFile(scratch("nowhere.xlsx"));
    REQUIRE(missing.problems.size() == 1);
    CHECK_THAT(missing.problems[0], Catch::Contains("cannot be read"));
}
