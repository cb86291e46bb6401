// Name binding, scopes and evaluation order: the second half of loading a form.
#include "kc/forms/FormBuilder.hpp"

#include "kc/forms/AnswerCodec.hpp"
#include "kc/text/Suggest.hpp"

#include <functional>
#include <set>

namespace kc::forms {
namespace {

std::string refChain(const Form& form, const std::vector<int>& path) {
    std::string text;
    for (int index : path) {
        if (!text.empty())
            text += " → ";
        text += "${" + form.questions[static_cast<std::size_t>(index)].name + "}";
    }
    return text;
}

} // namespace

const Question* Form::find(std::string_view name) const {
    const auto it = m_byName.find(name);
    return it == m_byName.end() ? nullptr : &questions[static_cast<std::size_t>(it->second)];
}

const Choice* ChoiceList::find(std::string_view choiceName) const {
    for (const auto& choice : choices)
        if (choice.name == choiceName)
            return &choice;
    return nullptr;
}

void FormBuilder::assignScopes() {
    m_form.scopes.clear();
    m_form.scopes.push_back(Scope{-1, -1, {}, 0, {0}});
    // Questions are stored parents first, so a parent's scope is known before its children.
    for (auto& q : m_form.questions) {
        if (q.parent < 0) {
            q.scope = 0;
        } else {
            const Question& parent = m_form.questions[static_cast<std::size_t>(q.parent)];
            q.scope = parent.type == QuestionType::Repeat ? parent.innerScope : parent.scope;
        }
        Scope& scope = m_form.scopes[static_cast<std::size_t>(q.scope)];
        q.slot = static_cast<int>(scope.members.size());
        scope.members.push_back(q.index);
        if (q.type == QuestionType::Repeat) {
            q.repeatSlot = scope.repeatCount++;
            q.innerScope = static_cast<int>(m_form.scopes.size());
            Scope inner{q.index, q.scope, {}, 0, scope.chain};
            inner.chain.push_back(q.innerScope);
            m_form.scopes.push_back(std::move(inner));
        }
    }
}

void FormBuilder::bindExpression(Question& question, std::optional<Expression>& expression,
                                 std::string_view key, bool allowSelf) {
    if (!expression)
        return;
    const std::string path = question.definitionPath + "." + std::string(key);
    forEachNode(expression->root, [&](ExprNode& node) {
        if (node.kind == ExprNode::Kind::Self && !allowSelf)
            issue(path, "'.' (the current answer) can only be used in a constraint");
        if (node.kind != ExprNode::Kind::FieldRef)
            return;
        const Question* target = m_form.find(node.text);
        if (!target) {
            std::string message = "unknown field ${" + node.text + "}";
            std::vector<std::string_view> names;
            for (const auto& q : m_form.questions)
                names.push_back(q.name);
            if (auto match = text::closestMatch(node.text, names))
                message += " (did you mean ${" + *match + "}?)";
            issue(path, message);
            return;
        }
        if (target->type == QuestionType::Group || target->type == QuestionType::Note) {
            issue(path, "${" + node.text + "} is a " +
                            std::string(questionTypeName(target->type)) + " and has no value");
            return;
        }
        node.question = target->index;
    });
    forEachNode(expression->root, [&](const ExprNode& node) {
        if (node.kind != ExprNode::Kind::Call || node.function != Function::Lookup)
            return;
        const ExprNode& first = node.args[0];
        if (first.kind != ExprNode::Kind::FieldRef ||
            (first.question >= 0 &&
             m_form.questions[static_cast<std::size_t>(first.question)].type !=
                 QuestionType::Reference))
            issue(path, "lookup() takes a reference question first, as in "
                        "lookup(${project}, 'extension_funding')");
    });
}

void FormBuilder::checkChoiceColumns(const Question& question) {
    if (!question.choiceFilter || question.choiceList < 0)
        return;
    const ChoiceList& list = m_form.choiceLists[static_cast<std::size_t>(question.choiceList)];
    std::set<std::string> columns{"name"};
    for (const auto& choice : list.choices)
        for (const auto& [column, v] : choice.columns)
            columns.insert(column);
    std::vector<std::string_view> known(columns.begin(), columns.end());
    forEachNode(question.choiceFilter->root, [&](const ExprNode& node) {
        if (node.kind == ExprNode::Kind::ChoiceColumn && !columns.contains(node.text)) {
            std::string message = "the list '" + list.name + "' has no column '" + node.text + "'";
            if (auto match = text::closestMatch(node.text, known))
                message += " (did you mean '" + *match + "'?)";
            issue(question.definitionPath + ".choice_filter", message);
        }
    });
}

void FormBuilder::bind() {
    assignScopes();
    std::vector<std::string_view> listNames;
    for (const auto& list : m_form.choiceLists)
        listNames.push_back(list.name);

    for (auto& q : m_form.questions) {
        if (!q.listName.empty()) {
            for (std::size_t i = 0; i < m_form.choiceLists.size(); ++i)
                if (m_form.choiceLists[i].name == q.listName)
                    q.choiceList = static_cast<int>(i);
            if (q.choiceList < 0) {
                std::string message = "no choice list named '" + q.listName + "'";
                if (auto match = text::closestMatch(q.listName, listNames))
                    message += " (did you mean '" + *match + "'?)";
                issue(q.definitionPath + ".list_name", message);
            }
        }
        bindExpression(q, q.relevant, "relevant", false);
        bindExpression(q, q.calculate, "calculate", false);
        bindExpression(q, q.requiredIf, "required", false);
        bindExpression(q, q.constraint, "constraint", true);
        bindExpression(q, q.choiceFilter, "choice_filter", false);
        checkChoiceColumns(q);
        checkDefault(q);
        if (!q.defaultValue.is_null() && q.choiceList >= 0) {
            const auto& list = m_form.choiceLists[static_cast<std::size_t>(q.choiceList)];
            const auto check = [&](const boost::json::value& v) {
                if (v.is_string() && !list.find(v.get_string()))
                    issue(q.definitionPath + ".default", "'" + std::string(v.get_string()) +
                                                            "' is not a choice of list '" +
                                                            list.name + "'");
            };
            if (q.defaultValue.is_array())
                for (const auto& v : q.defaultValue.get_array())
                    check(v);
            else
                check(q.defaultValue);
        }
    }
    orderEvaluation();
}

// Relevance and calculations read other answers; each question must come after what it
// reads. A loop (a calculation that needs itself) is reported with the whole cycle.
void FormBuilder::orderEvaluation() {
    const std::size_t n = m_form.questions.size();
    std::vector<std::vector<int>> reads(n);
    for (const auto& q : m_form.questions) {
        auto& deps = reads[static_cast<std::size_t>(q.index)];
        if (q.parent >= 0)
            deps.push_back(q.parent);
        for (const auto* expression : {&q.relevant, &q.calculate})
            if (*expression)
                forEachNode((*expression)->root, [&](const ExprNode& node) {
                    if (node.kind == ExprNode::Kind::FieldRef && node.question >= 0)
                        deps.push_back(node.question);
                });
    }
    enum class Mark { None, Visiting, Done };
    std::vector<Mark> marks(n, Mark::None);
    std::vector<int> stack;
    std::set<std::vector<int>> reported;
    std::function<void(int)> visit = [&](int index) {
        auto& mark = marks[static_cast<std::size_t>(index)];
        if (mark == Mark::Done)
            return;
        if (mark == Mark::Visiting) {
            auto start = std::find(stack.begin(), stack.end(), index);
            std::vector<int> cycle(start, stack.end());
            cycle.push_back(index);
            std::vector<int> key(cycle.begin(), cycle.end() - 1);
            std::sort(key.begin(), key.end());
            if (reported.insert(key).second)
                issue(m_form.questions[static_cast<std::size_t>(index)].definitionPath,
                      "circular calculation or relevance: " + refChain(m_form, cycle));
            return;
        }
        mark = Mark::Visiting;
        stack.push_back(index);
        for (int dep : reads[static_cast<std::size_t>(index)])
            visit(dep);
        stack.pop_back();
        mark = Mark::Done;
        m_form.evaluationOrder.push_back(index);
    };
    for (std::size_t i = 0; i < n; ++i)
        visit(static_cast<int>(i));
}

} // namespace kc::forms
