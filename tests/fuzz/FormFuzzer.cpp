// Feeds arbitrary bytes to the form engine. The first byte picks what the rest is:
//   0: a form definition (loaded, then validated against an empty and a fixed submission)
//   1: an expression (parsed, then used as a calculation, a relevance and a constraint in a
//      small form and evaluated against a fixed submission)
//   2: a submission, validated against the library's equipment handover form
// Any crash, sanitizer report, leak or hang is a finding.
#include "kc/forms/ExpressionParser.hpp"
#include "kc/forms/FormLibrary.hpp"
#include "kc/forms/FormLoader.hpp"
#include "kc/forms/Validator.hpp"
#include "kc/json/Json.hpp"

#include <boost/json/object.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

using namespace kc::forms;

const ValidationOptions& options() {
    static const ValidationOptions opts = [] {
        ValidationOptions o;
        o.clock = {"2026-11-22", "2026-11-22T09:30:00Z"};
        o.registers.exists = [](std::string_view, std::string_view id) { return id.size() % 2; };
        o.registers.value = [](std::string_view, std::string_view id,
                               std::string_view) -> std::optional<std::string> {
            return std::string(id);
        };
        return o;
    }();
    return opts;
}

const boost::json::value& fixedAnswers() {
    static const boost::json::value answers = kc::json::parse(R"({
      "a": 5, "b": "Tâm Hòa", "c": ["x", "y"], "d": "2026-01-02", "ref": "p1",
      "items": [{"qty": 2, "note": "n"}, {"qty": 3}, {}]})");
    return answers;
}

void fuzzDefinition(std::string_view text) {
    const auto loaded = loadFormText(text);
    if (!loaded.ok())
        return;
    (void)validateSubmission(*loaded.form, boost::json::object{}, options());
    (void)validateSubmission(*loaded.form, fixedAnswers(), options());
}

void fuzzExpression(std::string_view text) {
    (void)parseExpression(text, ParseOptions{true});
    const std::string expression(text);
    boost::json::object calc{{"name", "result"}, {"type", "calculate"}, {"calculate", expression}};
    boost::json::object guarded{{"name", "guarded"},
                                {"type", "text"},
                                {"label", boost::json::object{{"vi", "g"}}},
                                {"relevant", expression},
                                {"constraint", expression}};
    const std::string form = R"({"id":"fuzz","version":1,"title":{"vi":"f"},"questions":[
      {"name":"a","type":"integer","label":{"vi":"a"}},
      {"name":"b","type":"text","label":{"vi":"b"}},
      {"name":"c","type":"select_multiple","list_name":"xy","label":{"vi":"c"}},
      {"name":"d","type":"date","label":{"vi":"d"}},
      {"name":"ref","type":"reference","register":"project","label":{"vi":"r"}},
      {"name":"items","type":"repeat","label":{"vi":"i"},"questions":[
        {"name":"qty","type":"integer","label":{"vi":"q"}},
        {"name":"note","type":"text","label":{"vi":"n"}},
        )" + kc::json::serialize(calc) + R"(]},
      )" + kc::json::serialize(guarded) + R"(],
      "choices":{"xy":[{"name":"x","label":{"vi":"x"}},{"name":"y","label":{"vi":"y"}}]}})";
    const auto loaded = loadFormText(form);
    if (!loaded.ok())
        return;
    boost::json::value answers = fixedAnswers();
    answers.as_object()["guarded"] = "g";
    (void)validateSubmission(*loaded.form, answers, options());
}

void fuzzSubmission(std::string_view text) {
    static const auto form = [] {
        for (const auto& entry : formLibrary())
            if (entry.id == "equipment_handover")
                return loadFormText(entry.json).form;
        return std::shared_ptr<const Form>{};
    }();
    boost::json::value answers;
    try {
        answers = kc::json::parse(text);
    } catch (const std::exception&) {
        return;
    }
    (void)validateSubmission(*form, answers, options());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1)
        return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (data[0] % 3) {
    case 0: fuzzDefinition(rest); break;
    case 1: fuzzExpression(rest); break;
    default: fuzzSubmission(rest); break;
    }
    return 0;
}
