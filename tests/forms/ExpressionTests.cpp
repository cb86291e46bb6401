#include "FormTestSupport.hpp"

#include "kc/forms/ExpressionParser.hpp"
#include "kc/forms/Functions.hpp"
#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

using namespace kc::forms;
using namespace kc::forms::test;

namespace {

std::string calcForm(const std::string& expression) {
    boost::json::object result{{"name", "result"}, {"type", "calculate"},
                               {"calculate", expression}};
    return R"j({"id":"calc","version":1,"title":{"vi":"Thử"},"questions":[
      {"name":"n","type":"integer","label":{"vi":"n"}},
      {"name":"d","type":"decimal","label":{"vi":"d"}},
      {"name":"t","type":"text","label":{"vi":"t"}},
      {"name":"day","type":"date","label":{"vi":"ngày"}},
      {"name":"many","type":"select_multiple","label":{"vi":"m"},"list_name":"abc"},
      {"name":"items","type":"repeat","label":{"vi":"i"},"questions":[
        {"name":"qty","type":"integer","label":{"vi":"q"}},
        {"name":"line","type":"calculate","calculate":"${qty} * 2"},
        {"name":"share","type":"calculate","calculate":"${qty} div ${total_qty}"}]},
      {"name":"total_qty","type":"calculate","calculate":"sum(${qty})"},
      )j" + kc::json::serialize(result) +
           R"j(],"choices":{"abc":[{"name":"a","label":{"vi":"A"}},{"name":"b","label":{"vi":"B"}},
                                  {"name":"c","label":{"vi":"C"}}]}})j";
}

struct Outcome {
    boost::json::value value;
    std::vector<FieldError> errors;
    boost::json::object answers;
};

Outcome calc(const std::string& expression, std::string_view answers = "{}") {
    const auto form = mustLoad(calcForm(expression));
    auto result = validateSubmission(*form, json(answers), fixedOptions());
    Outcome outcome;
    if (const auto* v = result.answers.if_contains("result"))
        outcome.value = *v;
    outcome.errors = result.errors;
    outcome.answers = result.answers;
    return outcome;
}

boost::json::value v(std::string_view text) { return json(text); }

} // namespace

TEST_CASE("arithmetic, precedence and unary minus", "[forms][expressions]") {
    CHECK(calc("1 + 2 * 3").value == v("7"));
    CHECK(calc("(1 + 2) * 3").value == v("9"));
    CHECK(calc("7 div 2").value == v("3.5"));
    CHECK(calc("7 mod 3").value == v("1"));
    CHECK(calc("-${n} + 10", R"j({"n": 4})j").value == v("6"));
    CHECK(calc("10 - 2 - 3").value == v("5"));
    CHECK(calc("${d} * 2", R"j({"d": 1.25})j").value == v("2.5"));
}

TEST_CASE("comparisons and logic", "[forms][expressions]") {
    CHECK(calc("${n} > 3 and ${n} <= 5", R"j({"n": 5})j").value == v("true"));
    CHECK(calc("${n} >= 6 or ${n} < 0", R"j({"n": 5})j").value == v("false"));
    CHECK(calc("${t} = 'abc'", R"j({"t": "abc"})j").value == v("true"));
    CHECK(calc("${t} != 'abc'", R"j({"t": "abd"})j").value == v("true"));
    CHECK(calc("not(${n} = 5)", R"j({"n": 5})j").value == v("false"));
    SECTION("an unanswered number compares false, and equals the empty string") {
        CHECK(calc("${n} > 0").value == v("false"));
        CHECK(calc("${n} < 0").value == v("false"));
        CHECK(calc("${n} = ''").value == v("true"));
    }
    SECTION("dates compare as dates") {
        CHECK(calc("${day} < today()", R"j({"day": "2026-11-21"})j").value == v("true"));
        CHECK(calc("${day} > today()", R"j({"day": "2026-11-21"})j").value == v("false"));
        CHECK(calc("${day} >= '2026-01-01'", R"j({"day": "2026-11-21"})j").value == v("true"));
    }
}

TEST_CASE("every function", "[forms][expressions]") {
    CHECK(calc("if(${n} > 2, 'big', 'small')", R"j({"n": 3})j").value == v(R"j("big")j"));
    CHECK(calc("if(${n} > 2, 'big', 'small')", R"j({"n": 1})j").value == v(R"j("small")j"));
    CHECK(calc("selected(${many}, 'b')", R"j({"many": ["a", "b"]})j").value == v("true"));
    CHECK(calc("selected(${many}, 'c')", R"j({"many": ["a", "b"]})j").value == v("false"));
    CHECK(calc("count-selected(${many})", R"j({"many": ["a", "c"]})j").value == v("2"));
    CHECK(calc("count-selected(${many})").value == v("0"));
    CHECK(calc("string-length(${t})", R"j({"t": "Tâm Hòa"})j").value == v("7"));
    CHECK(calc("regex(${t}, '^[0-9]{3}$')", R"j({"t": "123"})j").value == v("true"));
    CHECK(calc("regex(${t}, '^[0-9]{3}$')", R"j({"t": "12a"})j").value == v("false"));
    CHECK(calc("regex(${t}, '^\\p{L}+$')", R"j({"t": "Đông"})j").value == v("true"));
    CHECK(calc("today()").value == v(R"j("2026-11-22")j"));
    CHECK(calc("now()").value == v(R"j("2026-11-22T09:30:00.000Z")j"));
    CHECK(calc("coalesce(${t}, 'none')").value == v(R"j("none")j"));
    CHECK(calc("coalesce(${t}, 'none')", R"j({"t": "x"})j").value == v(R"j("x")j"));
    CHECK(calc("round(2.346, 2)").value == v("2.35"));
    CHECK(calc("round(2.5)").value == v("3"));
    CHECK(calc("concat('HTX ', ${t}, '!')", R"j({"t": "Tâm Hòa"})j").value ==
          v(R"j("HTX Tâm Hòa!")j"));
    CHECK(calc("contains(${t}, 'Hòa')", R"j({"t": "Tâm Hòa"})j").value == v("true"));
    CHECK(calc("starts-with(${t}, 'Tâm')", R"j({"t": "Tâm Hòa"})j").value == v("true"));
    CHECK(calc("number('12.5') + 1").value == v("13.5"));
    CHECK(calc("int(-3.7)").value == v("-3"));
    CHECK(calc("string(12) = '12'").value == v("true"));
    CHECK(calc("true() and not(false())").value == v("true"));
    CHECK(calc("min(4, ${n}, 9)", R"j({"n": 2})j").value == v("2"));
    CHECK(calc("max(4, ${n}, 9)", R"j({"n": 2})j").value == v("9"));
    CHECK(calc("abs(-4.5)").value == v("4.5"));
    SECTION("lookup() reads a register column through the options") {
        const auto form = mustLoad(R"j({"id":"l","version":1,"title":{"vi":"t"},"questions":[
          {"name":"project","type":"reference","register":"project","label":{"vi":"p"}},
          {"name":"funding","type":"calculate","calculate":"lookup(${project}, 'extension_funding')"}]})j");
        auto options = fixedOptions();
        options.registers.value = [](std::string_view reg, std::string_view id,
                                     std::string_view column) -> std::optional<std::string> {
            if (reg == "project" && id == "p1" && column == "extension_funding")
                return "450000000";
            return std::nullopt;
        };
        auto result = validateSubmission(*form, json(R"j({"project": "p1"})j"), options);
        CHECK(result.answers.at("funding") == v("450000000"));
        result = validateSubmission(*form, json(R"j({"project": "p2"})j"), options);
        CHECK_FALSE(result.answers.contains("funding"));
    }
    CHECK(functionNames().size() == 24);
}

TEST_CASE("references inside and across repeats", "[forms][expressions]") {
    const auto answers = R"j({"items": [{"qty": 2}, {"qty": 3}, {"qty": 5}]})j";
    const auto outcome = calc("sum(${qty}) + count(${items})", answers);
    CHECK(outcome.value == v("13"));
    const auto& items = outcome.answers.at("items").as_array();
    // Inside an entry ${qty} is that entry's answer; outside, sum(${qty}) spans all of them.
    CHECK(items[1].at("line") == v("6"));
    CHECK(items[2].at("share") == v("0.5"));
    CHECK(calc("sum(${line})", answers).value == v("20"));
    CHECK(calc("count(${items})").value == v("0"));
    CHECK(calc("max(${qty})", answers).value == v("5"));
}

TEST_CASE("evaluation problems give messages, never exceptions", "[forms][expressions]") {
    auto outcome = calc("10 div ${n}", R"j({"n": 0})j");
    REQUIRE(outcome.errors.size() == 1);
    CHECK(outcome.errors[0].path == "result");
    CHECK(outcome.errors[0].code == "expression");
    CHECK_THAT(outcome.errors[0].message.en, Catch::Contains("division by zero"));
    CHECK_FALSE(outcome.errors[0].message.vi.empty());

    outcome = calc("regex(${t}, ${t})", R"j({"t": "(unclosed"})j");
    REQUIRE(outcome.errors.size() == 1);
    CHECK_THAT(outcome.errors[0].message.en, Catch::Contains("bad regular expression"));

    outcome = calc("round(1.5, -1)");
    REQUIRE(outcome.errors.size() == 1);
    CHECK_THAT(outcome.errors[0].message.en, Catch::Contains("round()"));

    SECTION("a catastrophic regex is stopped by the time limit") {
        outcome = calc("regex(${t}, '^(a+)+$')",
                       R"j({"t": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"})j");
        REQUIRE(outcome.errors.size() == 1);
        CHECK_THAT(outcome.errors[0].message.en, Catch::Contains("too long"));
    }
    SECTION("a non-number in arithmetic is empty, not an error") {
        outcome = calc("${t} + 1", R"j({"t": "abc"})j");
        CHECK(outcome.errors.empty());
        CHECK(outcome.value.is_null());
    }
}

TEST_CASE("the parser reports what it found where", "[forms][expressions]") {
    const auto error = [](std::string_view text) {
        auto parsed = parseExpression(text);
        REQUIRE_FALSE(parsed.ok());
        return parsed.error().message;
    };
    CHECK(error("round(1, ") == "at character 10: expected a value, found end of expression");
    CHECK(error("1 +") == "at character 4: expected a value, found end of expression");
    CHECK(error("(1 + 2") == "at character 7: expected ')', found end of expression");
    CHECK(error("${a") == "at character 1: the field reference is not closed with '}'");
    CHECK(error("$a") == "at character 1: '$' must start a field reference like ${name}");
    CHECK(error("'open") == "at character 1: the text starting here is not closed with '");
    CHECK(error("1 # 2") == "at character 3: unexpected character '#'");
    CHECK(error("1 ! 2") == "at character 4: '!' must be followed by '=' (use not() to negate)");
    CHECK(error("sqrt(4)") == "at character 1: unknown function sqrt()");
    CHECK(error("if(1, 2)") == "at character 1: if() takes 3 arguments, got 2");
    CHECK(error("round()") == "at character 1: round() takes 1 or 2 arguments, got 0");
    CHECK(error("1 2") == "at character 3: unexpected '2' after a complete expression");
    CHECK(error("capacity > 3") ==
          "at character 1: unknown name 'capacity': refer to a field as ${capacity}");
    CHECK(error("1.2.3") == "at character 1: '1.2.3' is not a number");
    CHECK_THAT(error("regex(., '[a-')"), Catch::StartsWith("at character 1: bad regular expression"));
    CHECK_THAT(error(std::string(200, '(') + "1" + std::string(200, ')')),
               Catch::Contains("nested too deeply"));
    CHECK_THAT(error(std::string(kMaxExpressionLength + 1, '1')), Catch::Contains("longer than"));
    SECTION("bare names are choice columns only where allowed") {
        CHECK(parseExpression("province = ${province}", ParseOptions{true}).ok());
    }
    SECTION("a parsed tree keeps its source") {
        auto parsed = parseExpression("${a} + 1");
        REQUIRE(parsed.ok());
        CHECK(parsed.value().source == "${a} + 1");
        CHECK(parsed.value().root.kind == ExprNode::Kind::Add);
    }
}
