#include "FormTestSupport.hpp"

#include <catch2/catch.hpp>

using namespace kc::forms;
using namespace kc::forms::test;
using Catch::Matchers::VectorContains;

namespace {

//! A one-form definition around the given questions (and choices).
std::string form(const std::string& questions, const std::string& choices = "{}") {
    return R"j({"id":"test_form","version":2,"title":{"vi":"Biểu mẫu thử","en":"Test form"},
              "questions":[)j" +
           questions + R"j(],"choices":)j" + choices + "}";
}

const std::string kYesNo = R"j({"yes_no":[{"name":"yes","label":{"vi":"Có","en":"Yes"}},
                                        {"name":"no","label":{"vi":"Không","en":"No"}}]})j";

} // namespace

TEST_CASE("a good definition loads with its structure", "[forms][definition]") {
    const auto f = mustLoad(form(R"j(
      {"name":"capacity","type":"integer","label":{"vi":"Công suất","en":"Capacity"},
       "hint":{"vi":"tấn/năm"},"required":true,"constraint":". > 0",
       "constraint_message":{"vi":"Phải lớn hơn 0","en":"Must be above 0"},"appearance":"numbers"},
      {"name":"page","type":"group","label":{"vi":"Trang"},"relevant":"${capacity} > 10",
       "questions":[{"name":"note1","type":"note","label":{"vi":"Ghi chú"}},
                    {"name":"answer","type":"select_one","list_name":"yes_no","label":{"vi":"Có?"},
                     "default":"yes","read_only":false}]},
      {"name":"items","type":"repeat","label":{"vi":"Mục"},"min_count":1,"max_count":3,
       "questions":[{"name":"qty","type":"integer","label":{"vi":"SL"}}]},
      {"name":"total","type":"calculate","calculate":"sum(${qty})"})j",
                            kYesNo));
    CHECK(f->id == "test_form");
    CHECK(f->version == 2);
    CHECK(f->title.in(Language::En) == "Test form");
    REQUIRE(f->questions.size() == 7);
    const Question* capacity = f->find("capacity");
    REQUIRE(capacity);
    CHECK(capacity->type == QuestionType::Integer);
    CHECK(capacity->hint.in(Language::En) == "tấn/năm"); // English falls back to Vietnamese
    CHECK(capacity->constraintMessage.en == "Must be above 0");
    CHECK(capacity->appearance == "numbers");
    const Question* answer = f->find("answer");
    CHECK(answer->parent == f->find("page")->index);
    CHECK(answer->choiceList == 0);
    CHECK(answer->defaultValue.as_string() == "yes");
    const Question* qty = f->find("qty");
    CHECK(qty->scope == f->find("items")->innerScope);
    CHECK(f->find("items")->maxCount == 3);
    // total reads qty, so it is evaluated after it.
    const auto& order = f->evaluationOrder;
    CHECK(std::find(order.begin(), order.end(), qty->index) <
          std::find(order.begin(), order.end(), f->find("total")->index));
}

TEST_CASE("every question type is accepted", "[forms][definition]") {
    const auto f = mustLoad(form(R"j(
      {"name":"a","type":"text","label":{"vi":"a"}},
      {"name":"b","type":"integer","label":{"vi":"b"}},
      {"name":"c","type":"decimal","label":{"vi":"c"}},
      {"name":"d","type":"money","label":{"vi":"d"}},
      {"name":"e","type":"date","label":{"vi":"e"}},
      {"name":"f","type":"datetime","label":{"vi":"f"}},
      {"name":"g","type":"select_one","list_name":"yes_no","label":{"vi":"g"}},
      {"name":"h","type":"select_multiple","list_name":"yes_no","label":{"vi":"h"}},
      {"name":"i","type":"geopoint","label":{"vi":"i"}},
      {"name":"j","type":"photo","label":{"vi":"j"},"multiple":true,"max_count":3},
      {"name":"k","type":"signature","label":{"vi":"k"}},
      {"name":"l","type":"barcode","label":{"vi":"l"}},
      {"name":"m","type":"note","label":{"vi":"m"}},
      {"name":"n","type":"calculate","calculate":"1"},
      {"name":"o","type":"reference","register":"facility","label":{"vi":"o"}},
      {"name":"p","type":"group","label":{"vi":"p"},"questions":[{"name":"p1","type":"text","label":{"vi":"p1"}}]},
      {"name":"q","type":"repeat","label":{"vi":"q"},"questions":[{"name":"q1","type":"text","label":{"vi":"q1"}}]})j",
                            kYesNo));
    CHECK(f->questions.size() == 19);
    CHECK(questionTypeNames().size() == 17);
}

TEST_CASE("definition errors carry their path", "[forms][definition]") {
    SECTION("unknown fields, with a suggestion") {
        const auto issues = issuesOf(form(R"j(
          {"name":"capacity","type":"integer","label":{"vi":"a"}},
          {"name":"b","type":"text","label":{"vi":"b"}},
          {"name":"c","type":"text","label":{"vi":"c"}},
          {"name":"d","type":"text","label":{"vi":"d"}},
          {"name":"e","type":"text","label":{"vi":"e"},"relevant":"${capcity} > 10"},
          {"name":"f","type":"text","label":{"vi":"f"},"calculate":"${zzzzzz}"})j"));
        CHECK(issues == std::vector<std::string>{
                            "questions[4].relevant: unknown field ${capcity} (did you mean "
                            "${capacity}?)",
                            "questions[5].calculate: unknown field ${zzzzzz}"});
    }
    SECTION("unknown types and keys") {
        const auto issues = issuesOf(form(R"j(
          {"name":"a","type":"interger","label":{"vi":"a"}},
          {"name":"b","type":"text","label":{"vi":"b"},"relevent":"true()"})j"));
        CHECK_THAT(issues, VectorContains(std::string(
                               "questions[0].type: unknown type 'interger' (did you mean "
                               "'integer'?)")));
        CHECK_THAT(issues, VectorContains(std::string(
                               "questions[1].relevent: unknown key 'relevent' (did you mean "
                               "'relevant'?)")));
    }
    SECTION("duplicate names, even across groups") {
        const auto issues = issuesOf(form(R"j(
          {"name":"a","type":"text","label":{"vi":"a"}},
          {"name":"g","type":"group","label":{"vi":"g"},"questions":[
            {"name":"a","type":"integer","label":{"vi":"a"}}]})j"));
        CHECK(issues == std::vector<std::string>{"questions[1].questions[0].name: duplicate name "
                                                 "'a' (first used at questions[0])"});
    }
    SECTION("missing choice lists") {
        const auto issues = issuesOf(form(
            R"j({"name":"a","type":"select_one","list_name":"yesno","label":{"vi":"a"}},
               {"name":"b","type":"select_multiple","label":{"vi":"b"}})j",
            kYesNo));
        CHECK(issues == std::vector<std::string>{
                            "questions[1].list_name: missing: a select_multiple question names "
                            "its choice list",
                            "questions[0].list_name: no choice list named 'yesno' (did you mean "
                            "'yes_no'?)"});
    }
    SECTION("bad expressions") {
        const auto issues = issuesOf(form(
            R"j({"name":"a","type":"integer","label":{"vi":"a"},"constraint":". >"},
               {"name":"b","type":"integer","label":{"vi":"b"},"relevant":". > 1"},
               {"name":"c","type":"text","label":{"vi":"c"},"relevant":"sqrt(${a})"},
               {"name":"d","type":"text","label":{"vi":"d"},"calculate":7})j"));
        CHECK(issues == std::vector<std::string>{
                            "questions[0].constraint: at character 4: expected a value, found "
                            "end of expression",
                            "questions[2].relevant: at character 1: unknown function sqrt()",
                            "questions[3].calculate: expected an expression as a string, got an "
                            "integer",
                            "questions[1].relevant: '.' (the current answer) can only be used in "
                            "a constraint"});
    }
    SECTION("repeats with min > max") {
        CHECK(issuesOf(form(R"j({"name":"r","type":"repeat","label":{"vi":"r"},"min_count":5,
                               "max_count":2,"questions":[{"name":"x","type":"text","label":{"vi":"x"}}]})j")) ==
              std::vector<std::string>{"questions[0].min_count: min_count 5 is more than "
                                       "max_count 2"});
    }
    SECTION("circular calculations, found when the form loads") {
        CHECK(issuesOf(form(R"j({"name":"a","type":"calculate","calculate":"${c} + 1"},
                               {"name":"b","type":"calculate","calculate":"${a} * 2"},
                               {"name":"c","type":"calculate","calculate":"${b}"},
                               {"name":"d","type":"calculate","calculate":"${d}"})j")) ==
              std::vector<std::string>{
                  "questions[0]: circular calculation or relevance: ${a} → ${c} → ${b} → ${a}",
                  "questions[3]: circular calculation or relevance: ${d} → ${d}"});
    }
    SECTION("references to groups and notes, choice columns, lookup()") {
        const auto issues = issuesOf(form(
            R"j({"name":"g","type":"group","label":{"vi":"g"},"questions":[{"name":"n","type":"note","label":{"vi":"n"}}]},
               {"name":"a","type":"text","label":{"vi":"a"},"relevant":"${g} = 1 or ${n} = 2"},
               {"name":"s","type":"select_one","list_name":"communes","label":{"vi":"s"},
                "choice_filter":"provnce = ${a}"},
               {"name":"l","type":"calculate","calculate":"lookup(${a}, 'x')"})j",
            R"j({"communes":[{"name":"04-001","label":{"vi":"Xã A"},"province":"04"}]})j"));
        CHECK(issues == std::vector<std::string>{
                            "questions[1].relevant: ${g} is a group and has no value",
                            "questions[1].relevant: ${n} is a note and has no value",
                            "questions[2].choice_filter: the list 'communes' has no column "
                            "'provnce' (did you mean 'province'?)",
                            "questions[3].calculate: lookup() takes a reference question first, "
                            "as in lookup(${project}, 'extension_funding')"});
    }
    SECTION("labels, defaults, registers, choices") {
        const auto issues = issuesOf(form(
            R"j({"name":"a","type":"text","label":{"en":"only English"}},
               {"name":"b","type":"integer","label":{"vi":"b"},"default":"many"},
               {"name":"c","type":"reference","label":{"vi":"c"},"register":"people"},
               {"name":"d","type":"select_one","list_name":"yes_no","label":{"vi":"d"},"default":"maybe"},
               {"name":"2bad","type":"text","label":{"vi":"x"}})j",
            R"j({"yes_no":[{"name":"yes","label":{"vi":"Có"}},{"name":"yes","label":{"vi":"Có"}},
                          {"name":"no no","label":{"vi":"Không"}}]})j"));
        CHECK(issues == std::vector<std::string>{
                            "choices.yes_no[1].name: duplicate choice 'yes' in list 'yes_no'",
                            "choices.yes_no[2].name: expected a choice name of letters, digits, "
                            "'_', '-' or '.', with no spaces (answers list choices separated by "
                            "spaces)",
                            "questions[0].label.vi: the Vietnamese text is missing or empty",
                            "questions[2].register: expected \"facility\" or \"project\"",
                            "questions[4].name: '2bad' is not a valid name (letters, digits and "
                            "'_', starting with a letter, at most 64)",
                            "questions[1].default: expected a whole number, got \"many\"",
                            "questions[3].default: 'maybe' is not a choice of list 'yes_no'"});
    }
    SECTION("the form itself") {
        CHECK(issuesOf(R"j({"version":0,"title":{"vi":""},"questions":[]})j") ==
              std::vector<std::string>{
                  "id: missing: every form needs a string id such as \"site_survey\"",
                  "version: expected a whole number of 1 or more",
                  "title.vi: the Vietnamese text is missing or empty",
                  "questions: expected a non-empty array of questions"});
        CHECK(issuesOf("[1, 2]") ==
              std::vector<std::string>{"a form definition is a JSON object, got an array"});
        const auto syntax = issuesOf("{\n  \"id\": \"x\",\n  oops\n}");
        REQUIRE(syntax.size() == 1);
        CHECK_THAT(syntax[0], Catch::Contains("line 3"));
    }
}
