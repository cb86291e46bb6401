// Registers in Excel: the template a centre fills in, read back and imported, row by row and
// all or nothing. The workbook is filled by openpyxl, as a user's spreadsheet program would.
#include "../support/ServerProcess.hpp"

#include "admin/RegisterWorkbook.hpp"
#include "cli/AdminCommands.hpp"
#include "seed/DemoProvince.hpp"
#include "ApiFixture.hpp"
#include "store/SqliteCentralStore.hpp"

#include "kc/domain/Registers.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace kc::server;
namespace fs = std::filesystem;

namespace {

//! Runs a Python script with openpyxl; the script gets the paths as argv[1:].
int python(const fs::path& dir, const std::string& script, const std::vector<std::string>& args) {
    const auto file = dir / "script.py";
    std::ofstream(file) << script;
    std::string command = "/usr/bin/python3 " + file.string();
    for (const auto& arg : args)
        command += " '" + arg + "'";
    return std::system(command.c_str());
}

struct Store {
    fs::path dir = kc::test::freshTempDir("register-workbook");
    Store() {
        auto storeOpened = kc::test::openStore(dir);
        auto& store = *storeOpened;
        std::ostringstream quiet;
        seedDemoProvince(store, quiet);
    }
    int run(const std::string& command, std::vector<std::string> args, std::string& err) {
        std::ostringstream out, errors;
        std::istringstream in;
        args.push_back("--data");
        args.push_back(dir.string());
        for (auto& arg : kc::test::storeArgs(dir))
            args.push_back(std::move(arg));
        const int code = runAdmin(command, args, in, out, errors);
        err = errors.str();
        return code;
    }
};

// Copies the example row into the data sheet, then adds the rows given as JSON.
const char* const kFill = R"PY(
import json, sys, openpyxl
template, out, extra = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(template)
data, sample = wb.worksheets[0], wb['Ví dụ']
data.append([c.value for c in sample[2]])
header = [c.value for c in data[1]]
for row in extra:
    data.append([row.get(h[h.rindex('(') + 1:-1]) for h in header])
wb.save(out)
)PY";

} // namespace

TEST_CASE("the facilities template holds titles, code lists and an example that imports", "[admin][xlsx]") {
    Store store;
    const auto templatePath = store.dir / "facilities-template.xlsx";
    writeRegisterTemplate("facilities", templatePath);

    // What the sheet offers: the header with each title and code, and the legal form list.
    const auto check = store.dir / "check.txt";
    REQUIRE(python(store.dir, R"PY(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
data = wb.worksheets[0]
with open(sys.argv[2], 'w') as out:
    out.write(wb.sheetnames[0] + '\n')
    out.write(data['B1'].value + '\n')
    v = [d for d in data.data_validations.dataValidation if 'C2' in d.sqref][0]
    out.write(v.type + ' ' + v.formula1 + '\n')
    codes = wb['Mã']
    out.write(' '.join(str(c.value) for c in codes['A'][1:] if c.value) + '\n')
    out.write(str(data.freeze_panes) + '\n')
)PY", {templatePath.string(), check.string()}) == 0);
    std::ifstream in(check);
    std::string sheet, title, validation, codes, frozen;
    std::getline(in, sheet);
    std::getline(in, title);
    std::getline(in, validation);
    std::getline(in, codes);
    std::getline(in, frozen);
    CHECK(sheet == "Cơ sở");
    CHECK(title == "Tên cơ sở (name)");
    CHECK(validation == "list 'Mã'!$A$2:$A$5");
    std::string expected;
    for (auto code : kc::domain::kLegalForms)
        expected += (expected.empty() ? "" : " ") + std::string(code);
    CHECK(codes == expected);
    CHECK(frozen == "A2");

    // The example and two bad rows: each named by its row, nothing imported.
    const auto filled = store.dir / "filled.xlsx";
    REQUIRE(python(store.dir, kFill, {templatePath.string(), filled.string(),
                                      R"([{"name": "HTX Sai", "legal_form": "htx", "sector": "mechanics", "province": "04", "workforce": "nhiều"},
                                          {"name": "Cơ sở Xa", "legal_form": "cooperative", "sector": "mechanics", "province": "99"}])"}) == 0);
    std::string err;
    CHECK(store.run("import", {"facilities", filled.string()}, err) == 1);
    CHECK_THAT(err, Catch::Contains("row 3: workforce: expected a whole number, got \"nhiều\""));
    CHECK_THAT(err, Catch::Contains("row 3: legal_form: unknown code \"htx\""));
    CHECK_THAT(err, Catch::Contains("row 4: province: province 99 is not in the store"));
    CHECK_THAT(err, Catch::Contains("nothing was imported"));
    const auto before = kc::test::openStore(store.dir)->counts().facilities;

    const auto good = store.dir / "good.xlsx";
    REQUIRE(python(store.dir, kFill, {templatePath.string(), good.string(), "[]"}) == 0);
    REQUIRE(store.run("import", {"facilities", good.string()}, err) == 0);
    auto afterOpened = kc::test::openStore(store.dir);
    auto& after = *afterOpened;
    CHECK(after.counts().facilities == before + 1);
    const auto found = after.listFacilities({{"04"}, std::nullopt, "HTX Chè Thái Hòa", "", 10});
    REQUIRE(found.size() == 1);
    CHECK(found[0].legalForm == "cooperative");
    CHECK(found[0].communeCode == std::optional<std::string>("04-001"));
    CHECK(found[0].workforce == std::optional<int>(25));

    // The projects template's example names that facility among its beneficiaries.
    const auto projects = store.dir / "projects-template.xlsx";
    writeRegisterTemplate("projects", projects);
    const auto projectsFilled = store.dir / "projects.xlsx";
    REQUIRE(python(store.dir, kFill, {projects.string(), projectsFilled.string(), "[]"}) == 0);
    REQUIRE(store.run("import", {"projects", projectsFilled.string()}, err) == 0);
    const auto imported = kc::test::openStore(store.dir)->listProjects({{"04"}, std::nullopt, "KC-2025-01", "", 10});
    REQUIRE(imported.size() == 1);
    CHECK(imported[0].extensionFunding == kc::money::Dong(350000000));
    CHECK(imported[0].beneficiaryIds.size() == 1);
}

TEST_CASE("a damaged workbook given to import is refused and changes nothing", "[admin][xlsx]") {
    Store store;
    const auto bad = store.dir / "bad.xlsx";
    std::ofstream(bad, std::ios::binary) << "PK\x03\x04 not really a zip";
    std::string err;
    const auto before = kc::test::openStore(store.dir)->counts().facilities;
    CHECK(store.run("import", {"facilities", bad.string()}, err) == 1);
    CHECK_THAT(err, Catch::Contains("damaged or incomplete"));
    CHECK_THAT(err, Catch::Contains("nothing was imported"));
    CHECK(kc::test::openStore(store.dir)->counts().facilities == before);
}
