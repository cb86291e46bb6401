#include "kc/forms/FormBuilder.hpp"

#include "kc/forms/AnswerCodec.hpp"
#include "kc/forms/ExpressionParser.hpp"
#include "kc/json/Json.hpp"
#include "kc/text/Suggest.hpp"

#include <boost/json/array.hpp>

namespace kc::forms {
namespace {

using boost::json::object;
using boost::json::value;

const std::vector<std::string_view> kFormKeys{"id", "version", "title", "default_language",
                                              "description", "questions", "choices"};
const std::vector<std::string_view> kQuestionKeys{
    "name", "type", "label", "hint", "required", "required_message", "relevant", "constraint",
    "constraint_message", "calculate", "default", "read_only", "appearance", "list_name",
    "choice_filter", "register", "multiple", "min_count", "max_count", "questions"};

constexpr std::size_t kMaxNameLength = 64;
constexpr int kMaxNesting = 8;

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string didYouMean(std::string_view typed, const std::vector<std::string_view>& options,
                       std::string_view prefix = "'", std::string_view suffix = "'") {
    if (auto match = text::closestMatch(typed, options))
        return " (did you mean " + std::string(prefix) + *match + std::string(suffix) + "?)";
    return {};
}

} // namespace

bool isValidName(std::string_view name) {
    if (name.empty() || name.size() > kMaxNameLength)
        return false;
    const auto letter = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    };
    if (!letter(name.front()))
        return false;
    for (char c : name)
        if (!letter(c) && !(c >= '0' && c <= '9'))
            return false;
    return true;
}

bool isValidChoiceName(std::string_view name) {
    if (name.empty() || name.size() > kMaxNameLength)
        return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.'))
            return false;
    return true;
}

void FormBuilder::issue(std::string path, std::string message) {
    m_issues.push_back({std::move(path), std::move(message)});
}

void FormBuilder::checkKeys(const object& object, const std::string& path,
                            const std::vector<std::string_view>& allowed) {
    for (const auto& [key, val] : object) {
        (void)val;
        if (std::find(allowed.begin(), allowed.end(), std::string_view(key)) == allowed.end())
            issue(path.empty() ? std::string(key) : path + "." + std::string(key),
                  "unknown key " + quoted(key) + didYouMean(key, allowed));
    }
}

std::optional<LocalizedText> FormBuilder::readText(const object& object, std::string_view key,
                                                   const std::string& path, bool required) {
    const std::string at = path.empty() ? std::string(key) : path + "." + std::string(key);
    const auto* found = object.if_contains(key);
    if (!found) {
        if (required)
            issue(at, "missing (give it as {\"vi\": \"...\", \"en\": \"...\"})");
        return std::nullopt;
    }
    if (!found->is_object()) {
        issue(at, "expected an object {\"vi\": ..., \"en\": ...}, got " +
                      json::describeKind(*found));
        return std::nullopt;
    }
    LocalizedText text;
    for (const auto& [language, val] : found->get_object()) {
        if (language != "vi" && language != "en") {
            issue(at + "." + std::string(language),
                  "unknown language " + quoted(language) + " (use vi and en)");
            continue;
        }
        if (!val.is_string()) {
            issue(at + "." + std::string(language), "expected a string, got " +
                                                        json::describeKind(val));
            continue;
        }
        (language == "vi" ? text.vi : text.en) = std::string(val.get_string());
    }
    if (text.vi.empty())
        issue(at + ".vi", "the Vietnamese text is missing or empty");
    return text;
}

std::optional<Expression> FormBuilder::readExpression(const object& object, std::string_view key,
                                                      const std::string& path,
                                                      bool choiceColumns) {
    const auto* found = object.if_contains(key);
    if (!found)
        return std::nullopt;
    const std::string at = path + "." + std::string(key);
    if (!found->is_string()) {
        issue(at, "expected an expression as a string, got " + json::describeKind(*found));
        return std::nullopt;
    }
    auto parsed = parseExpression(found->get_string(), ParseOptions{choiceColumns});
    if (!parsed) {
        issue(at, parsed.error().message);
        return std::nullopt;
    }
    return std::move(parsed).value();
}

std::optional<std::int64_t> FormBuilder::readCount(const object& object, std::string_view key,
                                                   const std::string& path) {
    const auto* found = object.if_contains(key);
    if (!found)
        return std::nullopt;
    if (!found->is_int64() || found->get_int64() < 0) {
        issue(path + "." + std::string(key), "expected a whole number of 0 or more, got " +
                                                 json::serialize(*found));
        return std::nullopt;
    }
    return found->get_int64();
}

bool FormBuilder::read(const value& definition) {
    m_form.definition = definition;
    if (!definition.is_object()) {
        issue("", "a form definition is a JSON object, got " + json::describeKind(definition));
        return false;
    }
    const object& root = definition.get_object();
    checkKeys(root, "", kFormKeys);

    if (const auto* id = root.if_contains("id"); !id || !id->is_string())
        issue("id", "missing: every form needs a string id such as \"site_survey\"");
    else if (!isValidName(id->get_string()))
        issue("id", quoted(id->get_string()) +
                        " is not a valid id (letters, digits and '_', starting with a letter)");
    else
        m_form.id = std::string(id->get_string());

    if (const auto* version = root.if_contains("version");
        !version || !version->is_int64() || version->get_int64() < 1)
        issue("version", "expected a whole number of 1 or more");
    else
        m_form.version = version->get_int64();

    if (auto title = readText(root, "title", "", true))
        m_form.title = *title;

    if (const auto* language = root.if_contains("default_language")) {
        if (language->is_string() && language->get_string() == "en")
            m_form.defaultLanguage = Language::En;
        else if (!language->is_string() || language->get_string() != "vi")
            issue("default_language", "expected \"vi\" or \"en\"");
    }

    if (const auto* choices = root.if_contains("choices"))
        readChoices(*choices);

    const auto* questions = root.if_contains("questions");
    if (!questions)
        issue("questions", "missing: a form needs at least one question");
    else
        readQuestions(*questions, "questions", -1, m_form.topLevel);
    return true;
}

void FormBuilder::readChoices(const value& choicesValue) {
    if (!choicesValue.is_object()) {
        issue("choices", "expected an object of choice lists, got " +
                             json::describeKind(choicesValue));
        return;
    }
    for (const auto& [listName, listValue] : choicesValue.get_object()) {
        const std::string path = "choices." + std::string(listName);
        if (!isValidName(listName))
            issue(path, quoted(listName) + " is not a valid list name");
        if (!listValue.is_array() || listValue.get_array().empty()) {
            issue(path, "expected a non-empty array of choices");
            continue;
        }
        ChoiceList list;
        list.name = std::string(listName);
        const auto& items = listValue.get_array();
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string at = path + "[" + std::to_string(i) + "]";
            if (!items[i].is_object()) {
                issue(at, "expected a choice object, got " + json::describeKind(items[i]));
                continue;
            }
            const object& item = items[i].get_object();
            Choice choice;
            const auto* name = item.if_contains("name");
            if (!name || !name->is_string() || !isValidChoiceName(name->get_string())) {
                issue(at + ".name", "expected a choice name of letters, digits, '_', '-' or "
                                    "'.', with no spaces (answers list choices separated by "
                                    "spaces)");
                continue;
            }
            choice.name = std::string(name->get_string());
            if (list.find(choice.name))
                issue(at + ".name", "duplicate choice " + quoted(choice.name) + " in list " +
                                        quoted(listName));
            if (auto label = readText(item, "label", at, true))
                choice.label = *label;
            for (const auto& [column, columnValue] : item) {
                if (column == "name" || column == "label")
                    continue;
                if (columnValue.is_string())
                    choice.columns[std::string(column)] = std::string(columnValue.get_string());
                else if (columnValue.is_number())
                    choice.columns[std::string(column)] = json::serialize(columnValue);
                else
                    issue(at + "." + std::string(column),
                          "a choice column holds a string or a number, got " +
                              json::describeKind(columnValue));
            }
            list.choices.push_back(std::move(choice));
        }
        m_form.choiceLists.push_back(std::move(list));
    }
}

void FormBuilder::readQuestions(const value& arrayValue, const std::string& path, int parent,
                                std::vector<int>& into) {
    if (!arrayValue.is_array() || arrayValue.get_array().empty()) {
        issue(path, "expected a non-empty array of questions");
        return;
    }
    int depth = 0;
    for (int p = parent; p >= 0; p = m_form.questions[static_cast<std::size_t>(p)].parent)
        ++depth;
    if (depth >= kMaxNesting) {
        issue(path, "groups and repeats are nested more than " + std::to_string(kMaxNesting) +
                        " deep");
        return;
    }
    const auto& items = arrayValue.get_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string at = path + "[" + std::to_string(i) + "]";
        if (!items[i].is_object()) {
            issue(at, "expected a question object, got " + json::describeKind(items[i]));
            continue;
        }
        const int index = readQuestion(items[i].get_object(), at, parent);
        if (index >= 0)
            into.push_back(index);
    }
}

int FormBuilder::readQuestion(const object& object, const std::string& path, int parent) {
    checkKeys(object, path, kQuestionKeys);
    Question q;
    q.parent = parent;
    q.definitionPath = path;

    const auto* name = object.if_contains("name");
    if (!name || !name->is_string()) {
        issue(path + ".name", "missing: every question needs a name");
        return -1;
    }
    q.name = std::string(name->get_string());
    if (!isValidName(q.name)) {
        issue(path + ".name", quoted(q.name) + " is not a valid name (letters, digits and '_', "
                                               "starting with a letter, at most 64)");
        return -1;
    }
    if (const Question* first = m_form.find(q.name)) {
        issue(path + ".name", "duplicate name " + quoted(q.name) + " (first used at " +
                                  first->definitionPath + ")");
        return -1;
    }

    // A question with a bad type is still kept (as text) so that references to it bind and
    // the author sees every other problem in the same run.
    const auto* type = object.if_contains("type");
    if (!type || !type->is_string()) {
        issue(path + ".type", "missing: every question needs a type");
    } else if (const auto parsedType = questionTypeFromName(type->get_string())) {
        q.type = *parsedType;
    } else {
        issue(path + ".type", "unknown type " + quoted(type->get_string()) +
                                  didYouMean(type->get_string(), questionTypeNames()));
    }

    if (auto label = readText(object, "label", path, q.type != QuestionType::Calculate))
        q.label = *label;
    if (auto hint = readText(object, "hint", path, false))
        q.hint = *hint;
    if (auto message = readText(object, "constraint_message", path, false))
        q.constraintMessage = *message;
    if (auto message = readText(object, "required_message", path, false))
        q.requiredMessage = *message;

    if (const auto* required = object.if_contains("required")) {
        if (required->is_bool())
            q.required = required->get_bool();
        else
            q.requiredIf = readExpression(object, "required", path);
    }
    q.relevant = readExpression(object, "relevant", path);
    q.constraint = readExpression(object, "constraint", path);
    q.calculate = readExpression(object, "calculate", path);
    q.choiceFilter = readExpression(object, "choice_filter", path, true);

    if (const auto* readOnly = object.if_contains("read_only")) {
        if (!readOnly->is_bool())
            issue(path + ".read_only", "expected true or false");
        else
            q.readOnly = readOnly->get_bool();
    }
    if (const auto* appearance = object.if_contains("appearance")) {
        if (!appearance->is_string())
            issue(path + ".appearance", "expected a string");
        else
            q.appearance = std::string(appearance->get_string());
    }

    const bool isSelect =
        q.type == QuestionType::SelectOne || q.type == QuestionType::SelectMultiple;
    const bool isContainer = q.type == QuestionType::Group || q.type == QuestionType::Repeat;
    if (const auto* listName = object.if_contains("list_name"); isSelect) {
        if (!listName || !listName->is_string())
            issue(path + ".list_name", "missing: a " + std::string(questionTypeName(q.type)) +
                                           " question names its choice list");
        else
            q.listName = std::string(listName->get_string());
    } else if (listName) {
        issue(path + ".list_name", "only select_one and select_multiple have a choice list");
    }
    if (q.choiceFilter && !isSelect)
        issue(path + ".choice_filter", "only select questions filter their choices");

    if (const auto* reg = object.if_contains("register"); q.type == QuestionType::Reference) {
        if (!reg || !reg->is_string() ||
            (reg->get_string() != "facility" && reg->get_string() != "project"))
            issue(path + ".register", "expected \"facility\" or \"project\"");
        else
            q.registerName = std::string(reg->get_string());
    } else if (reg) {
        issue(path + ".register", "only reference questions name a register");
    }

    if (const auto* multiple = object.if_contains("multiple")) {
        if (q.type != QuestionType::Photo || !multiple->is_bool())
            issue(path + ".multiple", "only photo questions take multiple: true or false");
        else
            q.multiple = multiple->get_bool();
    }
    q.minCount = readCount(object, "min_count", path);
    q.maxCount = readCount(object, "max_count", path);
    const bool counted = q.type == QuestionType::Repeat || q.multiple;
    if ((q.minCount || q.maxCount) && !counted)
        issue(path, "min_count and max_count apply to repeats and to photos with "
                    "multiple: true");
    if (q.minCount && q.maxCount && *q.minCount > *q.maxCount)
        issue(path + ".min_count", "min_count " + std::to_string(*q.minCount) +
                                       " is more than max_count " +
                                       std::to_string(*q.maxCount));

    if (q.type == QuestionType::Calculate && !q.calculate && !object.contains("calculate"))
        issue(path + ".calculate", "missing: a calculate question needs its expression");
    if (q.calculate && (isContainer || q.type == QuestionType::Note))
        issue(path + ".calculate", "a " + std::string(questionTypeName(q.type)) +
                                       " cannot be calculated");
    if (q.constraint && (isContainer || q.type == QuestionType::Note))
        issue(path + ".constraint", "a " + std::string(questionTypeName(q.type)) +
                                        " has no answer to constrain");
    if ((q.required || q.requiredIf) && (isContainer || q.type == QuestionType::Note))
        issue(path + ".required", "a " + std::string(questionTypeName(q.type)) +
                                      " has no answer to require");

    if (const auto* def = object.if_contains("default")) {
        if (!holdsAnswer(q.type))
            issue(path + ".default", "a " + std::string(questionTypeName(q.type)) +
                                         " has no answer to default");
        else
            q.defaultValue = *def;
    }

    q.index = static_cast<int>(m_form.questions.size());
    m_form.m_byName.emplace(q.name, q.index);
    m_form.questions.push_back(std::move(q));
    const int index = static_cast<int>(m_form.questions.size()) - 1;

    const auto* children = object.if_contains("questions");
    if (isContainer) {
        if (!children) {
            issue(path + ".questions", "missing: a " +
                                           std::string(questionTypeName(
                                               m_form.questions[static_cast<std::size_t>(index)]
                                                   .type)) +
                                           " holds questions");
        } else {
            std::vector<int> childIndexes;
            readQuestions(*children, path + ".questions", index, childIndexes);
            m_form.questions[static_cast<std::size_t>(index)].children = std::move(childIndexes);
        }
    } else if (children) {
        issue(path + ".questions", "only groups and repeats hold questions");
    }
    return index;
}

void FormBuilder::checkDefault(const Question& question) {
    if (question.defaultValue.is_null())
        return;
    if (auto problem = checkAnswerShape(question, question.defaultValue))
        issue(question.definitionPath + ".default", problem->en);
}

LoadedForm loadForm(const boost::json::value& definition) {
    LoadedForm loaded;
    FormBuilder builder(loaded.issues);
    if (builder.read(definition))
        builder.bind();
    if (loaded.issues.empty())
        loaded.form = std::make_shared<const Form>(builder.take());
    return loaded;
}

LoadedForm loadFormText(std::string_view text) {
    try {
        return loadForm(json::parse(text));
    } catch (const std::exception& e) {
        LoadedForm loaded;
        loaded.issues.push_back({"", e.what()});
        return loaded;
    }
}

} // namespace kc::forms
