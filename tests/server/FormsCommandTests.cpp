#include "cli/FormsCommand.hpp"

#include "../support/ServerProcess.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

std::filesystem::path writeFile(const std::filesystem::path& dir, const std::string& name,
                                const std::string& text) {
    const auto path = dir / name;
    std::ofstream(path) << text;
    return path;
}

const char* kGood = R"({"id":"visit","version":1,"title":{"vi":"Kiểm tra","en":"Visit"},
  "questions":[{"name":"capacity","type":"integer","label":{"vi":"Công suất"}}]})";
const char* kBad = R"({"id":"visit","version":1,"title":{"vi":"Kiểm tra"},"questions":[
  {"name":"capacity","type":"integer","label":{"vi":"Công suất"}},
  {"name":"b","type":"text","label":{"vi":"b"}},
  {"name":"c","type":"text","label":{"vi":"c"}},
  {"name":"d","type":"text","label":{"vi":"d"}},
  {"name":"e","type":"text","label":{"vi":"e"},"relevant":"${capcity} > 3"},
  {"name":"r","type":"repeat","label":{"vi":"r"},"min_count":3,"max_count":1,
   "questions":[{"name":"x","type":"interger","label":{"vi":"x"}}]}]})";

} // namespace

TEST_CASE("forms check prints every problem with its path", "[cli][forms]") {
    const auto dir = kc::test::freshTempDir("forms-check");
    const auto good = writeFile(dir, "good.json", kGood);
    const auto bad = writeFile(dir, "bad.json", kBad);
    std::ostringstream out, err;

    SECTION("a clean form") {
        CHECK(kc::server::runForms({"check", good.string()}, out, err) == 0);
        CHECK(out.str() == good.string() + ": ok (visit version 1, 1 questions)\n");
    }
    SECTION("a broken form, with every problem") {
        CHECK(kc::server::runForms({"check", good.string(), bad.string()}, out, err) == 1);
        const std::string b = bad.string();
        CHECK(out.str() ==
              good.string() + ": ok (visit version 1, 1 questions)\n" + b +
                  ": questions[5].min_count: min_count 3 is more than max_count 1\n" + b +
                  ": questions[5].questions[0].type: unknown type 'interger' (did you mean "
                  "'integer'?)\n" +
                  b + ": questions[4].relevant: unknown field ${capcity} (did you mean "
                      "${capacity}?)\n" +
                  "3 problems in 1 of 2 files\n");
    }
    SECTION("a missing file and bad usage") {
        CHECK(kc::server::runForms({"check", (dir / "nope.json").string()}, out, err) == 1);
        CHECK_THAT(err.str(), Catch::Contains("nope.json: cannot be read"));
        CHECK(kc::server::runForms({"check"}, out, err) == 2);
        CHECK(kc::server::runForms({"frobnicate"}, out, err) == 2);
    }
    SECTION("the library lists its six forms") {
        CHECK(kc::server::runForms({"list"}, out, err) == 0);
        CHECK_THAT(out.str(), Catch::StartsWith("facility_profile  version 1  Đăng ký / hồ sơ cơ sở CNNT\n"));
        const std::string listing = out.str();
        CHECK(std::count(listing.begin(), listing.end(), '\n') == 6);
    }
    SECTION("the real binary exits non-zero on a broken form") {
        const std::string command = std::string(KC_SERVER_BINARY) + " forms check " + bad.string() +
                                    " > /dev/null";
        const int status = std::system(command.c_str());
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 1);
        const std::string ok = std::string(KC_SERVER_BINARY) + " forms check " + good.string() +
                               " > /dev/null";
        CHECK(std::system(ok.c_str()) == 0);
    }
}
