#include "FormTestSupport.hpp"

#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

using namespace kc::forms;
using namespace kc::forms::test;

namespace {

const std::string kSha = std::string(64, 'a');
const std::string kSha2 = std::string(64, 'b');

const char* kAllTypes = R"j({"id":"types","version":1,"title":{"vi":"Kiểu"},"questions":[
  {"name":"text","type":"text","label":{"vi":"text"}},
  {"name":"integer","type":"integer","label":{"vi":"integer"}},
  {"name":"decimal","type":"decimal","label":{"vi":"decimal"}},
  {"name":"money","type":"money","label":{"vi":"money"}},
  {"name":"date","type":"date","label":{"vi":"date"}},
  {"name":"datetime","type":"datetime","label":{"vi":"datetime"}},
  {"name":"one","type":"select_one","list_name":"abc","label":{"vi":"one"}},
  {"name":"many","type":"select_multiple","list_name":"abc","label":{"vi":"many"}},
  {"name":"point","type":"geopoint","label":{"vi":"point"}},
  {"name":"photo","type":"photo","label":{"vi":"photo"}},
  {"name":"photos","type":"photo","multiple":true,"min_count":1,"max_count":2,"label":{"vi":"photos"}},
  {"name":"signature","type":"signature","label":{"vi":"signature"}},
  {"name":"serial","type":"barcode","label":{"vi":"serial"}},
  {"name":"note","type":"note","label":{"vi":"note"}},
  {"name":"facility","type":"reference","register":"facility","label":{"vi":"facility"}}],
 "choices":{"abc":[{"name":"a","label":{"vi":"A"}},{"name":"b","label":{"vi":"B"}}]}})j";

ValidationResult check(const Form& form, std::string_view answers) {
    return validateSubmission(form, json(answers), fixedOptions());
}

} // namespace

TEST_CASE("every type accepts a good answer and stores it normalised", "[forms][validation]") {
    const auto form = mustLoad(kAllTypes);
    const std::string answers = R"j({"text":"HTX Tâm Hòa","integer":12,"decimal":2.5,
      "money":1075000000,"date":"2025-07-07","datetime":"2025-07-07T15:30:00+07:00",
      "one":"a","many":["a","b"],"point":{"lat":22.67,"lon":106.25,"accuracy":8.5},
      "photo":")j" + kSha + R"j(","photos":[")j" + kSha + R"j(",")j" + kSha2 + R"j("],
      "signature":")j" + kSha + R"j(","serial":"SN-2025-0001","facility":"f1"})j";
    const auto result = check(*form, answers);
    INFO(kc::json::serialize(boost::json::value(result.answers)));
    REQUIRE(result.errors.empty());
    CHECK(result.answers == json(answers).as_object());
    SECTION("whole numbers written as 12.0 are stored as integers") {
        const auto r = check(*form, R"j({"integer": 12.0, "money": 5e3})j");
        REQUIRE(r.ok());
        CHECK(r.answers.at("integer").is_int64());
        CHECK(r.answers.at("money") == json("5000"));
    }
}

TEST_CASE("every type refuses a wrong answer, in both languages", "[forms][validation]") {
    const auto form = mustLoad(kAllTypes);
    const auto refused = [&](const std::string& answers, const std::string& path,
                             const std::string& english) {
        const auto result = check(*form, answers);
        INFO(answers);
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].path == path);
        CHECK(result.errors[0].code == "type");
        CHECK_THAT(result.errors[0].message.en, Catch::Contains(english));
        CHECK_FALSE(result.errors[0].message.vi.empty());
        CHECK(result.errors[0].message.vi != result.errors[0].message.en);
        CHECK_FALSE(result.answers.contains(path));
    };
    refused(R"j({"text": 5})j", "text", "expected text, got an integer");
    refused(R"j({"text": ")j" + std::string(10001, 'x') + "\"}", "text", "too long");
    refused(R"j({"integer": 1.5})j", "integer", "expected a whole number, got 1.5");
    refused(R"j({"integer": "12"})j", "integer", "expected a whole number");
    refused(R"j({"integer": 9007199254740993})j", "integer", "too large");
    refused(R"j({"decimal": "2,5"})j", "decimal", "expected a number");
    refused(R"j({"money": -1})j", "money", "cannot be negative");
    refused(R"j({"money": 10.5})j", "money", "whole number of đồng");
    refused(R"j({"money": 1000000000000001})j", "money", "more than 1.000.000.000.000.000");
    refused(R"j({"date": "2025-02-30"})j", "date", "YYYY-MM-DD");
    refused(R"j({"date": "07/07/2025"})j", "date", "YYYY-MM-DD");
    refused(R"j({"datetime": "2025-07-07 15:30"})j", "datetime", "RFC 3339");
    refused(R"j({"one": ["a"]})j", "one", "expected the name of one choice");
    refused(R"j({"many": "a b"})j", "many", "expected an array of choice names");
    refused(R"j({"many": ["a", "a"]})j", "many", "listed twice");
    refused(R"j({"point": {"lat": 95, "lon": 106}})j", "point", "lat must be within ±90");
    refused(R"j({"point": {"lat": 22}})j", "point", "needs both lat and lon");
    refused(R"j({"point": {"lat": 22, "lon": 106, "accuracy": -1}})j", "point", "negative");
    refused(R"j({"point": {"lat": 22, "lon": 106, "alt": 3}})j", "point", "unknown location field");
    refused(R"j({"photo": "IMG_0001.jpg"})j", "photo", "SHA-256");
    refused(R"j({"photos": ")j" + kSha + "\"}", "photos", "expected an array of photos");
    refused(R"j({"signature": "x"})j", "signature", "SHA-256");
    refused(R"j({"note": "hello"})j", "note", "takes no answer");
    refused(R"j({"facility": 42})j", "facility", "expected the id of a facility record");
}

TEST_CASE("choices, photo counts, unknown fields, references", "[forms][validation]") {
    const auto form = mustLoad(kAllTypes);
    auto result = check(*form, R"j({"one": "z", "many": ["a", "y"]})j");
    CHECK(errorPaths(result) == std::vector<std::string>{"one", "many"});
    CHECK(result.errors[0].code == "choice");
    CHECK(result.errors[0].message.en == "'z' is not one of the choices");
    CHECK(result.errors[1].message.vi == "'y' không có trong danh sách lựa chọn");

    result = check(*form, R"j({"photos": [")j" + kSha + "\",\"" + kSha2 + "\",\"" + kSha + "\"]}");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].code == "photo_count");
    CHECK(result.errors[0].message.en == "At most 2 photos are allowed");

    result = check(*form, R"j({"capacty": 3, "qty": 1})j");
    CHECK(errorPaths(result) == std::vector<std::string>{"capacty", "qty"});
    CHECK(result.errors[0].code == "unknown_field");
    CHECK(result.errors[0].message.en == "'capacty' is not a question of this form");

    CHECK(check(*form, "[]").errors.at(0).message.en == "The answers must be a JSON object, got an array");

    auto options = fixedOptions();
    options.registers.exists = [](std::string_view reg, std::string_view id) {
        return reg == "facility" && id == "f1";
    };
    CHECK(validateSubmission(*form, json(R"j({"facility": "f1"})j"), options).ok());
    result = validateSubmission(*form, json(R"j({"facility": "f9"})j"), options);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].code == "reference");
    CHECK(result.errors[0].message.en == "No such facility in your registers");
}

TEST_CASE("required if relevant, non-relevant answers are dropped", "[forms][validation]") {
    const auto form = mustLoad(R"j({"id":"r","version":1,"title":{"vi":"r"},"questions":[
      {"name":"has_difficulties","type":"select_one","list_name":"yes_no","label":{"vi":"?"},"required":true},
      {"name":"difficulties","type":"text","label":{"vi":"Khó khăn"},"required":true,
       "relevant":"${has_difficulties} = 'yes'"},
      {"name":"details","type":"group","label":{"vi":"g"},"relevant":"${has_difficulties} = 'yes'",
       "questions":[{"name":"cost","type":"money","label":{"vi":"c"},"required":"${difficulties} != 'none'"}]}],
     "choices":{"yes_no":[{"name":"yes","label":{"vi":"Có"}},{"name":"no","label":{"vi":"Không"}}]}})j");

    auto result = check(*form, R"j({})j");
    CHECK(errorPaths(result) == std::vector<std::string>{"has_difficulties"});
    CHECK(result.errors[0].code == "required");
    CHECK(result.errors[0].message.vi == "Bắt buộc: cần trả lời câu hỏi này");
    CHECK(result.errors[0].message.en == "Required: please answer this question");

    result = check(*form, R"j({"has_difficulties": "yes"})j");
    CHECK(errorPaths(result) == std::vector<std::string>{"difficulties", "cost"});

    result = check(*form, R"j({"has_difficulties": "yes", "difficulties": "none"})j");
    CHECK(result.ok());

    result = check(*form, R"j({"has_difficulties": "no", "difficulties": "roads", "cost": 5})j");
    CHECK(result.ok());
    CHECK(result.dropped == std::vector<std::string>{"difficulties", "cost"});
    CHECK(result.answers == json(R"j({"has_difficulties": "no"})j").as_object());

    SECTION("for a form being filled in, every question not relevant is listed") {
        auto options = fixedOptions();
        CHECK(validateSubmission(*form, json("{}"), options).hidden.empty()); // off by default
        options.reportHidden = true;
        result = validateSubmission(*form, json(R"j({"has_difficulties": "no"})j"), options);
        CHECK(result.hidden == std::vector<std::string>{"difficulties", "details", "cost"});
        result = validateSubmission(*form, json(R"j({"has_difficulties": "yes"})j"), options);
        CHECK(result.hidden.empty());
    }

    SECTION("a wrongly typed answer to a question that is not relevant is just dropped") {
        result = check(*form, R"j({"has_difficulties": "no", "cost": "lots"})j");
        CHECK(result.ok());
    }
}

TEST_CASE("constraints, with the form's message or the default one", "[forms][validation]") {
    const auto form = mustLoad(R"j({"id":"c","version":1,"title":{"vi":"c"},"questions":[
      {"name":"percent","type":"integer","label":{"vi":"%"},"constraint":". >= 0 and . <= 100",
       "constraint_message":{"vi":"Từ 0 đến 100","en":"From 0 to 100"}},
      {"name":"phone","type":"text","label":{"vi":"ĐT"},"constraint":"regex(., '^0[0-9]{9}$')"}]})j");
    auto result = check(*form, R"j({"percent": 120, "phone": "12345"})j");
    REQUIRE(errorPaths(result) == std::vector<std::string>{"percent", "phone"});
    CHECK(result.errors[0].code == "constraint");
    // The form's message, with the limit the answer broke.
    CHECK(result.errors[0].message.vi == "Từ 0 đến 100 (≤ 100)");
    CHECK(result.errors[0].message.en == "From 0 to 100 (≤ 100)");
    CHECK(result.errors[1].message.en == "The answer does not meet this question's condition");
    CHECK(check(*form, R"j({"percent": 100, "phone": "0912345678"})j").ok());
    CHECK(check(*form, R"j({})j").ok()); // constraints apply to answers only
}

TEST_CASE("a broken constraint names its limit, however it is computed", "[forms][validation]") {
    const auto form = mustLoad(R"j({"id":"l","version":1,"title":{"vi":"l"},"questions":[
      {"name":"budget","type":"money","label":{"vi":"Dự toán"}},
      {"name":"funding","type":"money","label":{"vi":"Kinh phí"},"constraint":". >= 1000000 and . <= ${budget}"},
      {"name":"share","type":"decimal","label":{"vi":"Tỷ lệ"},"constraint":"0.5 < ."},
      {"name":"handed_over","type":"date","label":{"vi":"Ngày"},"constraint":". <= '2026-11-30'"},
      {"name":"code","type":"text","label":{"vi":"Mã"},"constraint":"string-length(.) = 4"}]})j");
    const auto result = check(*form, R"j({"budget": 650000000, "funding": 700000000, "share": 0.25,
                                         "handed_over": "2026-12-01", "code": "ab"})j");
    REQUIRE(errorPaths(result) == std::vector<std::string>{"funding", "share", "handed_over", "code"});
    CHECK(result.errors[0].message.vi == "Câu trả lời không thỏa điều kiện của câu hỏi (≤ 650.000.000 đ)");
    CHECK(result.errors[0].message.en == "The answer does not meet this question's condition (≤ 650.000.000 đ)");
    CHECK(result.errors[1].message.vi.ends_with("(> 0,5)"));
    CHECK(result.errors[2].message.vi.ends_with("(≤ 30/11/2026)"));
    // What cannot be read as a limit is not guessed at.
    CHECK(result.errors[3].message.vi == "Câu trả lời không thỏa điều kiện của câu hỏi");
    // Only the broken part is named.
    const auto low = check(*form, R"j({"budget": 650000000, "funding": 5})j");
    REQUIRE(errorPaths(low) == std::vector<std::string>{"funding"});
    CHECK(low.errors[0].message.vi.ends_with("(≥ 1.000.000 đ)"));
}

TEST_CASE("questions an expression makes required are listed for the form being filled in", "[forms][validation]") {
    const auto form = mustLoad(R"j({"id":"r","version":1,"title":{"vi":"r"},"questions":[
      {"name":"needs","type":"integer","label":{"vi":"n"}},
      {"name":"detail","type":"text","label":{"vi":"d"},"required":"${needs} > 0"}]})j");
    auto options = fixedOptions();
    CHECK(validateSubmission(*form, json(R"j({"needs": 2})j"), options).requiredNow.empty()); // off by default
    options.reportRequired = true;
    CHECK(validateSubmission(*form, json(R"j({"needs": 2})j"), options).requiredNow == std::vector<std::string>{"detail"});
    CHECK(validateSubmission(*form, json(R"j({"needs": 2, "detail": "x"})j"), options).requiredNow ==
          std::vector<std::string>{"detail"});
    CHECK(validateSubmission(*form, json(R"j({"needs": 0})j"), options).requiredNow.empty());
}

TEST_CASE("calculations are recomputed, a client cannot forge a total", "[forms][validation]") {
    const auto form = mustLoad(R"j({"id":"h","version":1,"title":{"vi":"h"},"questions":[
      {"name":"items","type":"repeat","label":{"vi":"i"},"min_count":1,"max_count":3,"questions":[
        {"name":"quantity","type":"integer","label":{"vi":"q"},"required":true},
        {"name":"unit_price","type":"money","label":{"vi":"p"},"required":true},
        {"name":"line_total","type":"money","label":{"vi":"t"},"calculate":"${quantity} * ${unit_price}"}]},
      {"name":"total_value","type":"money","label":{"vi":"T"},"calculate":"sum(${line_total})"},
      {"name":"big","type":"calculate","calculate":"${total_value} > 100000000"}]})j");
    auto result = check(*form, R"j({"items": [
        {"quantity": 2, "unit_price": 45000000, "line_total": 1},
        {"quantity": 1, "unit_price": 30000000}],
      "total_value": 999999999999, "big": "yes"})j");
    REQUIRE(result.ok());
    CHECK(result.answers.at("total_value") == json("120000000"));
    CHECK(result.answers.at("items").as_array()[0].at("line_total") == json("90000000"));
    CHECK(result.answers.at("big") == json("true"));
    CHECK(result.recomputed == std::vector<std::string>{"items[0].line_total", "total_value", "big"});

    SECTION("repeat counts") {
        result = check(*form, R"j({})j");
        REQUIRE(errorPaths(result) == std::vector<std::string>{"items"});
        CHECK(result.errors[0].code == "repeat_count");
        CHECK(result.errors[0].message.en == "At least 1 entry is needed");
        result = check(*form, R"j({"items": [{"quantity":1,"unit_price":1},{"quantity":1,"unit_price":1},
                                           {"quantity":1,"unit_price":1},{"quantity":1,"unit_price":1}]})j");
        REQUIRE(errorPaths(result) == std::vector<std::string>{"items"});
        CHECK(result.errors[0].message.vi == "Tối đa 3 mục");
    }
    SECTION("errors inside repeats name the entry") {
        result = check(*form, R"j({"items": [{"quantity": 1, "unit_price": 5}, {"quantity": "x"}, 7]})j");
        CHECK(errorPaths(result) ==
              std::vector<std::string>{"items[2]", "items[1].quantity", "items[1].unit_price"});
    }
    SECTION("answers placed outside their repeat are refused") {
        result = check(*form, R"j({"quantity": 1, "items": [{"quantity": 1, "unit_price": 5, "total_value": 3}]})j");
        CHECK(errorPaths(result) == std::vector<std::string>{"quantity", "items[0].total_value"});
        CHECK(result.errors[0].message.en == "'quantity' belongs in 'items'");
        CHECK(result.errors[1].message.en == "'total_value' belongs in the top level");
    }
}

TEST_CASE("calculated numbers are held to the range of entered ones, never wrapped", "[forms][validation]") {
    const auto form = mustLoad(R"j({"id":"h","version":1,"title":{"vi":"h"},"questions":[
      {"name":"items","type":"repeat","label":{"vi":"i"},"max_count":60,"questions":[
        {"name":"quantity","type":"integer","label":{"vi":"q"},"required":true},
        {"name":"unit_price","type":"money","label":{"vi":"p"},"required":true},
        {"name":"line_total","type":"money","label":{"vi":"t"},"calculate":"${quantity} * ${unit_price}"}]},
      {"name":"total_value","type":"money","label":{"vi":"T"},"calculate":"sum(${line_total})"},
      {"name":"per_item","type":"integer","label":{"vi":"c"},"calculate":"${total_value} * 100000"},
      {"name":"refund","type":"money","label":{"vi":"r"},"calculate":"0 - ${total_value}"}]})j");
    SECTION("a line of 1000 x 10^15 dong is refused on the line, naming its calculation") {
        const auto result = check(*form, R"j({"items": [{"quantity": 1000, "unit_price": 1000000000000000}]})j");
        REQUIRE_FALSE(result.ok());
        CHECK(result.errors[0].path == "items[0].line_total");
        CHECK(result.errors[0].code == "calculation");
        CHECK_THAT(result.errors[0].message.en, Catch::Contains("line_total") && Catch::Contains("${quantity} * ${unit_price}") &&
                                                    Catch::Contains("more than 1.000.000.000.000.000"));
        CHECK_THAT(result.errors[0].message.vi, Catch::Contains("Kết quả tính line_total"));
        CHECK_FALSE(result.answers.at("items").as_array()[0].as_object().contains("line_total"));
    }
    SECTION("50 lines each in range whose sum is not: the total is refused, not stored as a negative number") {
        std::string items;
        for (int i = 0; i < 50; ++i)
            items += std::string(i ? "," : "") + R"j({"quantity": 1, "unit_price": 1000000000000000})j";
        const auto result = check(*form, "{\"items\": [" + items + "]}");
        REQUIRE(errorPaths(result) == std::vector<std::string>{"total_value"});
        CHECK(result.errors[0].code == "calculation");
        CHECK_FALSE(result.answers.contains("total_value"));
    }
    SECTION("an integer beyond 2^53 and a negative amount are refused too") {
        const auto result = check(*form, R"j({"items": [{"quantity": 1000, "unit_price": 900000000000}]})j");
        CHECK(errorPaths(result) == std::vector<std::string>{"per_item", "refund"});
        CHECK_THAT(result.errors[0].message.en, Catch::Contains("too large"));
        CHECK_THAT(result.errors[1].message.en, Catch::Contains("cannot be negative"));
    }
}

TEST_CASE("nested repeats see their own entry", "[forms][validation]") {
    const auto form = mustLoad(R"j({"id":"n","version":1,"title":{"vi":"n"},"questions":[
      {"name":"sites","type":"repeat","label":{"vi":"s"},"questions":[
        {"name":"site_name","type":"text","label":{"vi":"n"}},
        {"name":"machines","type":"repeat","label":{"vi":"m"},"questions":[
          {"name":"power","type":"decimal","label":{"vi":"p"}},
          {"name":"label","type":"calculate","calculate":"concat(${site_name}, ':', ${power})"}]},
        {"name":"site_power","type":"calculate","calculate":"sum(${power})"}]},
      {"name":"all_power","type":"calculate","calculate":"sum(${power})"},
      {"name":"machine_count","type":"calculate","calculate":"count(${machines})"}]})j");
    const auto result = check(*form, R"j({"sites": [
      {"site_name": "A", "machines": [{"power": 1.5}, {"power": 2}]},
      {"site_name": "B", "machines": [{"power": 4}]}]})j");
    REQUIRE(result.ok());
    const auto& sites = result.answers.at("sites").as_array();
    CHECK(sites[0].at("site_power") == json("3.5"));
    CHECK(sites[1].at("site_power") == json("4"));
    CHECK(sites[1].at("machines").as_array()[0].at("label") == json(R"j("B:4")j"));
    CHECK(result.answers.at("all_power") == json("7.5"));
    CHECK(result.answers.at("machine_count") == json("3"));
}

TEST_CASE("choice filters restrict what may be chosen", "[forms][validation]") {
    const auto form = mustLoad(R"j({"id":"f","version":1,"title":{"vi":"f"},"questions":[
      {"name":"province","type":"select_one","list_name":"provinces","label":{"vi":"Tỉnh"}},
      {"name":"commune","type":"select_one","list_name":"communes","label":{"vi":"Xã"},
       "choice_filter":"province = ${province}"}],
     "choices":{"provinces":[{"name":"04","label":{"vi":"Cao Bằng"}},{"name":"96","label":{"vi":"Cà Mau"}}],
                "communes":[{"name":"04-003","label":{"vi":"Xã Hòa An"},"province":"04"},
                            {"name":"96-002","label":{"vi":"Xã Năm Căn"},"province":"96"}]}})j");
    CHECK(check(*form, R"j({"province": "04", "commune": "04-003"})j").ok());
    const auto result = check(*form, R"j({"province": "04", "commune": "96-002"})j");
    REQUIRE(errorPaths(result) == std::vector<std::string>{"commune"});
    CHECK(result.errors[0].message.en == "'96-002' cannot be chosen with the earlier answers");
}

TEST_CASE("text answers are stored in NFC", "[forms][validation]") {
    const auto form = mustLoad(R"j({"id":"t","version":1,"title":{"vi":"t"},"questions":[
      {"name":"name","type":"text","label":{"vi":"Tên"},"constraint":"string-length(.) = 7"}]})j");
    // "Tâm Hòa" typed with combining marks (NFD): a + U+0302, o + U+0300.
    const auto result = check(*form, "{\"name\": \"Ta\xCC\x82m Ho\xCC\x80" "a\"}");
    REQUIRE(result.ok());
    CHECK(result.answers.at("name") == json(R"j("Tâm Hòa")j"));
}
