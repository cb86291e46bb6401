// Excel downloads: a form's submissions and the programme report as .xlsx, read back by openpyxl
// (an independent reader) and by the server's own, with their values, types and layout.
#include "ApiFixture.hpp"
#include "../support/ServerProcess.hpp"
#include "WorkbookFiles.hpp"

#include "sheets/Workbook.hpp"
#include "sheets/XlsxWriter.hpp"

#include <xlsxwriter.h>

#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <fstream>

#if defined(__SANITIZE_ADDRESS__)
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();  // ASan's allocator, always linked in
#else
#include <malloc.h>
#endif

namespace bj = boost::json;
using namespace kc;
using kc::test::ApiFixture;
using kc::test::newId;

namespace {

//! What openpyxl reads: per sheet its title, frozen cell and rows of [value, type, number format].
bj::value openpyxlRead(const std::filesystem::path& dir, const std::string& bytes) {
    const auto file = dir / "download.xlsx";
    std::ofstream(file, std::ios::binary) << bytes;
    const auto script = dir / "read.py";
    std::ofstream(script) << R"PY(
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            if isinstance(v, datetime.datetime):
                v = v.date().isoformat()
            cells.append([v, type(c.value).__name__, c.number_format])
        rows.append(cells)
    out.append({'title': ws.title, 'freeze': ws.freeze_panes, 'rows': rows})
json.dump(out, open(sys.argv[2], 'w'), ensure_ascii=False)
)PY";
    const auto json = dir / "read.json";
    const std::string command = "/usr/bin/python3 " + script.string() + " " + file.string() + " " + json.string();
    REQUIRE(std::system(command.c_str()) == 0);
    return kc::json::parse(kc::test::readBytes(json));
}

//! The row whose first cell is `first`.
const bj::array* rowStarting(const bj::value& sheet, const std::string& first) {
    for (const auto& row : sheet.at("rows").as_array())
        if (!row.as_array().empty() && row.as_array()[0].as_array()[0] == bj::value(first))
            return &row.as_array();
    return nullptr;
}

//! The cell under the column titled `name` in the second header row.
const bj::array& cell(const bj::value& sheet, const bj::array& row, const std::string& name) {
    const auto& names = sheet.at("rows").as_array()[1].as_array();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i].as_array()[0] == bj::value(name))
            return row[i].as_array();
    FAIL("no column " << name);
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("exports: the .xlsx holds the submissions and each repeat, typed, titled and frozen", "[api][export][xlsx]") {
    ApiFixture api("export-xlsx");
    bj::object report = api.progressReport(newId(), "KCQG-2024-01", api.upload("canbo", "p"));
    const std::string id = std::string(report.at("id").as_string());
    report["answers"].as_object()["milestones"] = bj::array{
        bj::object{{"milestone", "Ký hợp đồng"}, {"milestone_date", "2026-07-15"}},
        bj::object{{"milestone", "Lắp đặt, \"gói 2\""}, {"milestone_date", "2026-08-20"}}};
    REQUIRE(api.push("canbo", {report})[0].at("status") == "accepted");
    REQUIRE(api.push("canbo_cm", {api.progressReport(newId(), "KCĐP-2025-11", api.upload("canbo_cm", "q"))})[0].at("status") == "accepted");

    const auto response = api.as("duyet", "GET", "/v1/exports/progress_report.xlsx");
    REQUIRE(response.status == 200);
    CHECK(response.contentType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const auto book = openpyxlRead(api.dir, response.body);
    REQUIRE(book.as_array().size() == 2);
    const auto& main = book.as_array()[0];
    CHECK(main.at("title") == "Bản ghi");
    CHECK(main.at("freeze") == "B3");
    const auto& titles = main.at("rows").as_array()[0].as_array();
    CHECK(titles[0].as_array()[0] == "Mã bản ghi");
    const auto* row = rowStarting(main, id);
    REQUIRE(row);
    CHECK(main.at("rows").as_array().size() == 3);  // two header rows, one submission (Cà Mau's is out of scope)
    CHECK(cell(main, *row, "revision")[0] == bj::value(1));
    CHECK(cell(main, *row, "state")[0] == "submitted");
    CHECK(cell(main, *row, "amount_disbursed")[0] == bj::value(85000000));
    CHECK(cell(main, *row, "amount_disbursed")[1] == "int");
    CHECK(cell(main, *row, "amount_disbursed")[2] == "#,##0");
    CHECK(cell(main, *row, "period_start")[0] == "2026-07-01");
    CHECK(cell(main, *row, "period_start")[1] == "datetime");
    CHECK(cell(main, *row, "period_start")[2] == "dd/mm/yyyy");
    CHECK(cell(main, *row, "percent_done")[0] == bj::value(60));
    CHECK(cell(main, *row, "has_difficulties")[0] == "no");
    // The column title is the form's Vietnamese label.
    const auto& names = main.at("rows").as_array()[1].as_array();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i].as_array()[0] == "amount_disbursed")
            CHECK(titles[i].as_array()[0].as_string().find("giải ngân") != bj::string::npos);

    const auto& milestones = book.as_array()[1];
    CHECK(milestones.at("title").as_string().find("(milestones)") != bj::string::npos);
    REQUIRE(milestones.at("rows").as_array().size() == 4);
    const auto& second = milestones.at("rows").as_array()[3].as_array();
    CHECK(second[0].as_array()[0] == bj::value(id));
    CHECK(second[1].as_array()[0] == "2");
    CHECK(second[2].as_array()[0] == "Lắp đặt, \"gói 2\"");
    CHECK(second[3].as_array()[0] == "2026-08-20");

    // The server's own reader agrees (inline strings, as constant-memory mode writes them).
    const auto own = server::sheets::readWorkbook(response.body);
    REQUIRE(own.sheets.size() == 2);
    CHECK(own.sheets[1].rows[3].at(3)->kind == server::sheets::Cell::Kind::Date);
    CHECK(own.sheets[1].rows[3].at(3)->text == "2026-08-20");

    // Scope and roles as for CSV.
    CHECK(api.as("canbo", "GET", "/v1/exports/progress_report.xlsx").status == 403);
    CHECK(api.as("duyet", "GET", "/v1/exports/progress_report.xlsx?repeat=milestones").status == 400);
    CHECK(api.as("duyet", "GET", "/v1/exports/progress_report.xlsx?state=approved").status == 200);
}

TEST_CASE("report: programme.xlsx is laid out as a provincial report with exact figures", "[api][report][xlsx]") {
    ApiFixture api("report-xlsx");
    const auto json = api.json(api.as("duyet", "GET", "/v1/reports/programme.json?from=2020&to=2026"));
    const auto response = api.as("duyet", "GET", "/v1/reports/programme.xlsx?from=2020&to=2026");
    REQUIRE(response.status == 200);
    CHECK(response.contentType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const auto book = openpyxlRead(api.dir, response.body);
    const auto& sheet = book.as_array()[0];
    CHECK(sheet.at("title") == "Báo cáo");
    const auto& rows = sheet.at("rows").as_array();
    CHECK(rows[0].as_array()[0].as_array()[0] == "BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH KHUYẾN CÔNG");
    const auto* funding = rowStarting(sheet, "Kinh phí khuyến công hỗ trợ (đồng)");
    REQUIRE(funding);
    CHECK(json.at("money").at("total").at("extension_funding").as_int64() > 0);
    CHECK((*funding)[1].as_array()[0] == json.at("money").at("total").at("extension_funding"));
    CHECK((*funding)[1].as_array()[2] == "#,##0");
    const auto* projects = rowStarting(sheet, "Đề án đã thực hiện");
    REQUIRE(projects);
    CHECK((*projects)[1].as_array()[0] == json.at("projects").at("total"));
    for (const char* section : {"II. Theo nguồn kinh phí", "III. Theo nội dung hoạt động", "IV. Theo năm",
                                "V. Sản phẩm công nghiệp nông thôn tiêu biểu theo cấp", "VI. Đề án tạm dừng hoặc hủy bỏ"})
        CHECK(rowStarting(sheet, section));
    CHECK(api.as("canbo", "GET", "/v1/reports/programme.xlsx").status == 403);
}

namespace {
//! Bytes the program holds from malloc now. Under ASan the resident size would count its
//! quarantine of freed blocks (256 MB), so ask its allocator for the live bytes instead.
double liveMb() {
#if defined(__SANITIZE_ADDRESS__)
    return static_cast<double>(__sanitizer_get_current_allocated_bytes()) / (1 << 20);
#else
    return static_cast<double>(mallinfo2().uordblks) / (1 << 20);
#endif
}
} // namespace

TEST_CASE("a 1,000,000-row workbook is written in flat memory", "[xlsx][memory]") {
    const auto dir = kc::test::freshTempDir("xlsx-million");
    const double before = liveMb();
    double peak = before;
    {
        server::sheets::XlsxWriter book(dir / "million.xlsx", true, dir);
        auto* sheet = book.addSheet("Bản ghi");
        for (lxw_row_t row = 0; row < 1000000; ++row) {
            if (row % 10000 == 0)
                peak = std::max(peak, liveMb());
            worksheet_write_string(sheet, row, 0, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", nullptr);
            worksheet_write_number(sheet, row, 1, row * 1000.0, book.whole());
            worksheet_write_string(sheet, row, 2, "Hợp tác xã chè Thái Hòa", nullptr);
        }
        book.close();
    }
    const double grown = peak - before;
    INFO("peak memory grew by " << grown << " MB");
    // Kept in memory, 3,000,000 cells would take hundreds of megabytes.
    CHECK(grown < 16);
    CHECK(std::filesystem::file_size(dir / "million.xlsx") > 10'000'000);
    std::filesystem::remove_all(dir);
}
