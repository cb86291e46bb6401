#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

using namespace kc::json;

TEST_CASE("typed fields are read from an object", "[json]") {
    const auto doc = parse(R"({"code": "KCQG-2023-01", "year": 2023, "funding": 420000000,
        "ratio": 0.5, "national": true, "note": null,
        "items": [{"name": "Máy sấy"}, {"name": "Máy nghiền", "quantity": 2}],
        "facility": {"name": "HTX Cai Bộ"}})");
    ObjectReader project(doc, "project");
    CHECK(project.string("code") == "KCQG-2023-01");
    CHECK(project.int64("year") == 2023);
    CHECK(project.int64("funding") == 420'000'000);
    CHECK(project.number("ratio") == 0.5);
    CHECK(project.number("year") == 2023.0);
    CHECK(project.boolean("national"));
    CHECK_FALSE(project.has("note"));
    CHECK_FALSE(project.optionalString("note").has_value());
    CHECK_FALSE(project.optionalInt64("absent").has_value());
    CHECK(project.object("facility").string("name") == "HTX Cai Bộ");
    CHECK(project.array("items").size() == 2);
    CHECK(project.element("items", 1).int64("quantity") == 2);
}

TEST_CASE("missing and mistyped fields name their path", "[json]") {
    const auto doc = parse(R"({"year": "2023", "items": [{"quantity": 1.5}], "big": 18446744073709551615})");
    ObjectReader project(doc, "project");
    CHECK_THROWS_WITH(project.string("code"), "project.code: is missing");
    CHECK_THROWS_WITH(project.int64("year"), "project.year: expected an integer, got a string");
    CHECK_THROWS_WITH(project.element("items", 0).int64("quantity"),
                      "project.items[0].quantity: expected an integer, got a number with a fraction");
    CHECK_THROWS_WITH(project.element("items", 3),
                      "project.items[3]: is missing (the array has 1 elements)");
    CHECK_THROWS_WITH(project.object("items"), "project.items: expected an object, got an array");
    CHECK_THROWS_WITH(project.int64("big"), "project.big: is too large for a 64-bit integer");
    CHECK_THROWS_WITH(project.boolean("year"), "project.year: expected true or false, got a string");
    try {
        project.array("year");
        FAIL("expected an error");
    } catch (const JsonError& error) {
        CHECK(error.path() == "project.year");
        CHECK(error.problem() == "expected an array, got a string");
    }
}

TEST_CASE("a reader over something that is not an object says so", "[json]") {
    CHECK_THROWS_WITH(ObjectReader(parse("[1, 2]"), "body"), "body: expected an object, got an array");
    CHECK_THROWS_WITH(ObjectReader(parse("null"), ""), "expected an object, got null");
}

TEST_CASE("invalid JSON names the line and column", "[json]") {
    CHECK_THROWS_WITH(parse("{\n  \"a\": 1,\n  \"b\": }"), Catch::StartsWith("invalid JSON at line 3"));
    CHECK_THROWS_WITH(parse(""), Catch::StartsWith("invalid JSON"));
    CHECK_THROWS_WITH(parse("{} {}"), Catch::StartsWith("invalid JSON at line 1"));
    CHECK_THROWS_AS(parse("{\"a\": tru}"), JsonError);
}

TEST_CASE("serialization round-trips Vietnamese text", "[json]") {
    const auto doc = parse(R"({"name":"HTX Tâm Hòa"})");
    CHECK(serialize(doc) == R"({"name":"HTX Tâm Hòa"})");
}
