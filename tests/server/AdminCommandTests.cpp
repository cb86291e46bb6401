// The admin CLI, called as main() calls it, on a real store.
#include "../support/ServerProcess.hpp"

#include "admin/Csv.hpp"
#include "cli/AdminCommands.hpp"
#include "seed/DemoProvince.hpp"
#include "ApiFixture.hpp"
#include "store/SqliteCentralStore.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace kc::server;

namespace {
struct Cli {
    std::filesystem::path dir = kc::test::freshTempDir("admin-cli");
    std::ostringstream out, err;
    Cli() {
        auto storeOpened = kc::test::openStore(dir);
        auto& store = *storeOpened;
        std::ostringstream quiet;
        seedDemoProvince(store, quiet);
    }
    int run(const std::string& command, std::vector<std::string> args, const std::string& input = {}) {
        out.str({});
        err.str({});
        args.push_back("--data");
        args.push_back(dir.string());
        for (auto& arg : kc::test::storeArgs(dir))
            args.push_back(std::move(arg));
        std::istringstream in(input);
        return runAdmin(command, args, in, out, err);
    }
    std::filesystem::path write(const std::string& name, const std::string& text) {
        std::ofstream(dir / name, std::ios::binary) << text;
        return dir / name;
    }
};
} // namespace

TEST_CASE("CSV parsing: quotes, doubled quotes, CRLF, a BOM and blank lines", "[admin][csv]") {
    const auto table = parseCsv("\xEF\xBB\xBFname,products\r\n\"HTX \"\"Tâm Hòa\"\"\",\"Lạp sườn,\nthịt hun khói\"\r\n\r\nB,c\n");
    REQUIRE(table.header == std::vector<std::string>{"name", "products"});
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0][0] == "HTX \"Tâm Hòa\"");
    CHECK(table.rows[0][1] == "Lạp sườn,\nthịt hun khói");
    CHECK(table.lines == std::vector<int>{2, 5});
    CHECK_THROWS_WITH(parseCsv("a\n\"open"), Catch::Contains("line 2"));
}

TEST_CASE("import: every bad row is reported by line and nothing is half-imported", "[admin][import]") {
    Cli cli;
    const auto bad = cli.write("bad.csv",
                               "name,legal_form,sector,province,commune,workforce\n"
                               "HTX Mới,cooperative,handicrafts,04,04-003,12\n"
                               "HTX Sai,htx,handicrafts,04,04-003,abc\n"
                               "HTX Xa,cooperative,handicrafts,04,96-001,3\n"
                               "HTX Lạ,cooperative,handicrafts,99,,3\n");
    CHECK(cli.run("import", {"facilities", bad.string()}) == 1);
    const std::string report = cli.err.str();
    CHECK_THAT(report, Catch::Contains("line 3: workforce: expected a whole number, got \"abc\""));
    CHECK_THAT(report, Catch::Contains("line 3: legal_form: unknown code \"htx\""));
    CHECK_THAT(report, Catch::Contains("line 4: commune: is in province 96"));
    CHECK_THAT(report, Catch::Contains("line 5: province: province 99 is not in the store; import the administrative units first"));
    CHECK_THAT(report, Catch::Contains("nothing was imported (4 problem(s))"));
    CHECK(kc::test::openStore(cli.dir)->counts().facilities == 14);

    const auto good = cli.write("good.csv", "name,legal_form,sector,province,commune\n"
                                            "HTX Mới,cooperative,handicrafts,04,04-003\n"
                                            "\"Cơ sở rèn \"\"Hai Anh\"\"\",household_business,mechanics,04,\n");
    REQUIRE(cli.run("import", {"facilities", good.string()}) == 0);
    CHECK(kc::test::openStore(cli.dir)->counts().facilities == 16);

    const auto projects = cli.write("projects.csv",
                                    "code,title,year,funding_source,activity_type,province,status,status_reason,"
                                    "extension_funding,counterpart_capital,investment_attracted,jobs_created,beneficiaries\n"
                                    "KCĐP-2026-01,Hỗ trợ máy sấy,2026,local,advanced_machinery,04,planned,,150000000,300000000,450000000,0,HTX Mới; HTX Tâm Hòa\n"
                                    "KCĐP-2026-02,Đào tạo nghề,2026,local,vocational_training,04,cancelled,,50000000,0,0,0,\n"
                                    "KCĐP-2022-01,Trùng mã,2022,local,trade_fair,04,planned,,1,0,0,0,\n"
                                    "KCĐP-2026-03,Tỉnh lạ,2026,local,trade_fair,77,planned,,1,0,0,0,\n");
    CHECK(cli.run("import", {"projects", projects.string()}) == 1);
    CHECK_THAT(cli.err.str(), Catch::Contains("line 3: status_reason: a stalled or cancelled project needs the reason"));
    CHECK_THAT(cli.err.str(), Catch::Contains("line 4: code: project KCĐP-2022-01 already exists"));
    CHECK_THAT(cli.err.str(), Catch::Contains("line 5: province: province 77 is not in the store; import the administrative units first"));
    CHECK(kc::test::openStore(cli.dir)->counts().projects == 12);
}

TEST_CASE("users: add, change a password (signing out everywhere), disable", "[admin][users]") {
    Cli cli;
    REQUIRE(cli.run("users", {"add", "lan2", "--role", "collaborator", "--province", "04", "--name", "Lò Thị Lan"},
                    "mat-khau-moi\n") == 0);
    CHECK(cli.run("users", {"add", "x", "--role", "boss", "--province", "04"}, "12345678\n") == 2);
    CHECK(cli.run("users", {"add", "short", "--role", "officer", "--province", "04"}, "123\n") == 1);
    CHECK_THAT(cli.err.str(), Catch::Contains("at least 8 characters"));
    {
        auto storeOpened = kc::test::openStore(cli.dir);
        auto& store = *storeOpened;
        const auto user = store.findUserByName("lan2");
        REQUIRE(user);
        CHECK(user->displayName == "Lò Thị Lan");
        store.storeToken({"h1", user->id, "phone", "2026-01-01T00:00:00.000Z", "2099-01-01T00:00:00.000Z", {}});
    }
    REQUIRE(cli.run("users", {"passwd", "lan2"}, "another-password\n") == 0);
    CHECK_THAT(cli.out.str(), Catch::Contains("1 sign-in(s) revoked"));
    REQUIRE(cli.run("users", {"disable", "lan2"}) == 0);
    REQUIRE(cli.run("users", {"list"}) == 0);
    CHECK_THAT(cli.out.str(), Catch::Contains("lan2\tcollaborator\t04\tLò Thị Lan\t(disabled)"));
    CHECK(cli.run("users", {"passwd", "nobody"}, "12345678\n") == 1);
}

TEST_CASE("enroll prints a one-time code with a QR code and writes it as a PNG", "[admin][enroll]") {
    Cli cli;
    const auto png = cli.dir / "ctv.png";
    REQUIRE(cli.run("enroll", {"ctv", "--device", "Redmi 9A", "--server", "https://kc.example.vn", "--png", png.string()}) == 0);
    const std::string text = cli.out.str();
    CHECK_THAT(text, Catch::Contains("kcfield://enroll?server=https://kc.example.vn&code="));
    CHECK_THAT(text, Catch::Contains("\u2588\u2588"));
    std::ifstream file(png, std::ios::binary);
    std::string magic(8, '\0');
    file.read(magic.data(), 8);
    CHECK(magic == "\x89PNG\r\n\x1a\n");
    CHECK(std::filesystem::file_size(png) > 100);
}

TEST_CASE("backup writes a consistent copy that opens as a store", "[admin][backup][sqlite]") {
    Cli cli;
    const auto copy = cli.dir / "copy" / "kcfield.sqlite3";
    std::filesystem::create_directories(copy.parent_path());
    REQUIRE(cli.run("backup", {copy.string()}) == 0);
    CHECK(SqliteCentralStore(copy.parent_path()).counts().facilities == 14);
    CHECK(cli.run("backup", {copy.string()}) == 1);  // never overwrites
    CHECK_THAT(cli.err.str(), Catch::Contains("already exists"));
}

TEST_CASE("CSV fields are quoted only when they must be, and read back as written", "[admin][csv]") {
    CHECK(csvField("HTX Tâm Hòa") == "HTX Tâm Hòa");
    CHECK(csvField("Xóm Nà Rị, Hòa An") == "\"Xóm Nà Rị, Hòa An\"");
    CHECK(csvField("máy \"QT4\"") == "\"máy \"\"QT4\"\"\"");
    const std::vector<std::string> fields = {"a,b", "say \"x\"", "line\r\nbreak", "plain"};
    std::string row;
    for (const auto& field : fields)
        row += (row.empty() ? "" : ",") + csvField(field);
    const auto table = parseCsv("h1,h2,h3,h4\r\n" + row + "\r\n");
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0] == fields);
}

TEST_CASE("admin CLI: the programme report in text, CSV and JSON, and a wrong flag named", "[admin][report]") {
    Cli cli;
    REQUIRE(cli.run("report", {"--provinces", "04", "--from", "2021", "--to", "2025"}) == 0);
    CHECK(cli.out.str().find("BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH KHUYẾN CÔNG") == 0);
    CHECK(cli.out.str().find("Cao Bằng — giai đoạn 2021–2025") != std::string::npos);
    REQUIRE(cli.run("report", {"--from", "2021", "--to", "2025", "--format", "csv"}) == 0);
    CHECK(cli.out.str().rfind("\xEF\xBB\xBF" "Chỉ tiêu (mã),Phân theo (mã),Mã,Tên,Giá trị,Đơn vị", 0) == 0);
    const auto file = cli.dir / "report.json";
    REQUIRE(cli.run("report", {"--format", "json", "--source", "national", "--output", file.string()}) == 0);
    std::ifstream json(file);
    std::string text((std::istreambuf_iterator<char>(json)), std::istreambuf_iterator<char>());
    CHECK(text.find("\"funding_source\":\"national\"") != std::string::npos);
    CHECK(cli.run("report", {"--from", "2025-13-01"}) == 2);
    CHECK(cli.err.str().find("--from: 2025-13-01 is not a date in the calendar") != std::string::npos);
    CHECK(cli.run("report", {"--format", "xlsx"}) == 2);
    CHECK(cli.err.str().find("--format") != std::string::npos);
}

TEST_CASE("admin CLI: mistakes are named in words, never as a store error, and change nothing", "[admin]") {
    Cli cli;
    CHECK(cli.run("users", {"add", "canbo", "--role", "officer", "--province", "04"}, "matkhau123") == 1);
    CHECK_THAT(cli.err.str(), Catch::Contains("a user called \"canbo\" already exists"));
    CHECK(cli.err.str().find("SQLite") == std::string::npos);
    CHECK(cli.run("users", {"add", "moi", "--role", "officer", "--province", "04,99"}, "matkhau123") == 1);
    CHECK_THAT(cli.err.str(), Catch::Contains("province 99 is not in the store"));
    CHECK(cli.run("report", {"--provinces", "99"}) == 1);
    CHECK_THAT(cli.err.str(), Catch::Contains("province 99 is not in the store"));
    CHECK(cli.run("backup", {(cli.dir / "no-such-folder" / "b.sqlite3").string()}) == 1);
    CHECK_THAT(cli.err.str(), Catch::Contains(kc::test::onPostgres() ? "backed up by PostgreSQL: pg_dump"
                                                                     : "does not exist; create it first"));
    CHECK(cli.err.str().find("SQLite") == std::string::npos);

    std::ostringstream out, err;
    std::istringstream in;
    const auto missing = cli.dir / "typo" / "var";
    CHECK(runAdmin("users", {"list", "--data", missing.string()}, in, out, err) == 1);
    CHECK_THAT(err.str(), Catch::Contains("the data folder " + missing.string() + " does not exist"));
    CHECK_FALSE(std::filesystem::exists(missing));
}
