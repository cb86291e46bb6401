#include "kc/forms/Validator.hpp"

#include "kc/forms/AnswerCodec.hpp"
#include "kc/forms/ConstraintLimits.hpp"
#include "kc/forms/Evaluator.hpp"
#include "kc/forms/Messages.hpp"
#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <boost/json/array.hpp>

#include <cmath>

namespace kc::forms {

Clock Clock::vietnamNow() {
    const Timestamp now = Timestamp::now();
    Clock clock;
    clock.now = now.toRfc3339();
    const std::string vn = now.toVietnameseDate(); // dd/MM/yyyy in UTC+7
    clock.today = vn.substr(6, 4) + "-" + vn.substr(3, 2) + "-" + vn.substr(0, 2);
    return clock;
}

namespace {

using boost::json::object;
using boost::json::value;

//! One instance of a scope, with the chain of instances above it and its path prefix.
struct Entry {
    InstanceNode* node;
    std::vector<const InstanceNode*> chain;
    std::string prefix; //!< "" at the top, "items[2]." inside a repeat entry
    bool live() const {
        for (const auto* n : chain)
            if (n->dropped)
                return false;
        return true;
    }
};

struct PendingTypeError {
    std::size_t entry;
    int scope;
    int slot;
    std::string path;
    LocalizedText message;
};

class SubmissionValidator {
public:
    SubmissionValidator(const Form& form, const ValidationOptions& options)
        : m_form(form), m_options(options), m_entries(form.scopes.size()) {}

    ValidationResult run(const value& answers) {
        if (!answers.is_object()) {
            m_result.errors.push_back(
                {"", "type", messages::notAnObject(json::describeKind(answers))});
            return std::move(m_result);
        }
        read(m_root, 0, answers.get_object(), "", {});
        evaluateInOrder();
        check();
        m_result.answers = write(m_root, 0);
        return std::move(m_result);
    }

private:
    void error(std::string path, const char* code, LocalizedText message) {
        m_result.errors.push_back({std::move(path), code, std::move(message)});
    }

    const Question& question(int index) const {
        return m_form.questions[static_cast<std::size_t>(index)];
    }

    void read(InstanceNode& node, int scopeIndex, const object& answers, const std::string& prefix,
              std::vector<const InstanceNode*> chain) {
        const Scope& scope = m_form.scopes[static_cast<std::size_t>(scopeIndex)];
        node.values.resize(scope.members.size());
        node.raw.assign(scope.members.size(), nullptr);
        node.relevant.assign(scope.members.size(), 1);
        node.repeats.resize(static_cast<std::size_t>(scope.repeatCount));
        chain.push_back(&node);
        const std::size_t entryIndex = m_entries[static_cast<std::size_t>(scopeIndex)].size();
        m_entries[static_cast<std::size_t>(scopeIndex)].push_back({&node, chain, prefix});

        for (const auto& [key, answer] : answers) {
            const std::string path = prefix + std::string(key);
            const Question* q = m_form.find(key);
            if (!q) {
                error(path, "unknown_field", messages::unknownField(std::string(key)));
                continue;
            }
            if (q->scope != scopeIndex) {
                const int repeat = m_form.scopes[static_cast<std::size_t>(q->scope)].repeat;
                error(path, "unknown_field",
                      messages::wrongScope(q->name, repeat < 0 ? "the top level"
                                                               : "'" + question(repeat).name + "'"));
                continue;
            }
            if (answer.is_null())
                continue;
            if (q->type == QuestionType::Repeat) {
                readRepeat(node, *q, answer, path, chain);
                continue;
            }
            if (auto problem = checkAnswerShape(*q, answer)) {
                m_pending.push_back({entryIndex, scopeIndex, q->slot, path, *problem});
                continue;
            }
            node.values[static_cast<std::size_t>(q->slot)] = answerToValue(*q, answer);
            node.raw[static_cast<std::size_t>(q->slot)] = &answer;
        }
    }

    void readRepeat(InstanceNode& node, const Question& repeat, const value& answer,
                    const std::string& path, const std::vector<const InstanceNode*>& chain) {
        if (!answer.is_array()) {
            error(path, "type",
                  {"Cần danh sách các mục", "expected an array of entries, got " +
                                                json::describeKind(answer)});
            return;
        }
        const auto& items = answer.get_array();
        auto& entries = node.repeats[static_cast<std::size_t>(repeat.repeatSlot)];
        entries.resize(items.size()); // sized once: entries keep pointers into it
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string at = path + "[" + std::to_string(i) + "]";
            if (!items[i].is_object()) {
                error(at, "type", messages::notAnObject(json::describeKind(items[i])));
                entries[i].dropped = true;
                continue;
            }
            read(entries[i], repeat.innerScope, items[i].get_object(), at + ".", chain);
        }
    }

    EvalContext contextFor(const Entry& entry, int scope) const {
        return EvalContext{m_form, entry.chain, m_options.clock, scope, &m_options.registers};
    }

    void evaluateInOrder() {
        for (int index : m_form.evaluationOrder) {
            const Question& q = question(index);
            for (Entry& entry : m_entries[static_cast<std::size_t>(q.scope)]) {
                if (!entry.live())
                    continue;
                evaluateOne(q, entry);
            }
        }
    }

    void evaluateOne(const Question& q, Entry& entry) {
        InstanceNode& node = *entry.node;
        const auto slot = static_cast<std::size_t>(q.slot);
        const auto path = [&] { return entry.prefix + q.name; }; // only built when reported
        bool relevant = true;
        if (q.parent >= 0 && question(q.parent).scope == q.scope)
            relevant = node.relevant[static_cast<std::size_t>(question(q.parent).slot)] != 0;
        const EvalContext context = contextFor(entry, q.scope);
        if (relevant && q.relevant) {
            std::string problem;
            relevant = evaluate(q.relevant->root, context, problem).asBoolean();
            if (!problem.empty()) {
                error(path(), "expression", messages::expressionFailed("relevant", problem));
                relevant = true;
            }
        }
        node.relevant[slot] = relevant ? 1 : 0;
        if (!relevant) {
            if (m_options.reportHidden)
                m_result.hidden.push_back(path());
            if (q.type == QuestionType::Repeat) {
                auto& entries = node.repeats[static_cast<std::size_t>(q.repeatSlot)];
                if (!entries.empty())
                    m_result.dropped.push_back(path());
                for (auto& e : entries)
                    e.dropped = true;
            } else if (node.values[slot].isAnswered() && q.type != QuestionType::Calculate) {
                m_result.dropped.push_back(path());
            }
            node.values[slot] = {};
            node.raw[slot] = nullptr;
            return;
        }
        if (!q.calculate)
            return;
        std::string problem;
        Value computed = evaluate(q.calculate->root, context, problem);
        if (!problem.empty()) {
            error(path(), "expression", messages::expressionFailed("calculation", problem));
            computed = {};
        }
        if (q.type != QuestionType::Calculate && isNumeric(q.type) && computed.isAnswered()) {
            const double n = computed.asNumber();
            computed = std::isfinite(n)
                           ? Value::number(q.type == QuestionType::Decimal ? n : std::round(n))
                           : Value{};
            // A calculated number is held to the same range as an entered one.
            if (auto outOfRange = checkWholeRange(q.type, computed.asNumber()); outOfRange && !computed.isEmpty()) {
                error(path(), "calculation",
                      messages::calculationOutOfRange(q.name, q.calculate->source, *outOfRange));
                computed = {};
            }
        }
        if (const value* submitted = node.raw[slot]) {
            if (*submitted != valueToAnswer(q, computed, nullptr))
                m_result.recomputed.push_back(path());
        }
        node.values[slot] = std::move(computed);
        node.raw[slot] = nullptr;
    }

    void check() {
        for (const auto& pending : m_pending) {
            const Entry& entry =
                m_entries[static_cast<std::size_t>(pending.scope)][pending.entry];
            if (entry.live() && entry.node->relevant[static_cast<std::size_t>(pending.slot)])
                error(pending.path, "type", pending.message);
        }
        for (std::size_t s = 0; s < m_form.scopes.size(); ++s)
            for (const Entry& entry : m_entries[s])
                if (entry.live())
                    for (int member : m_form.scopes[s].members)
                        checkOne(question(member), entry, static_cast<int>(s));
    }

    bool hasTypeError(const Entry& entry, const Question& q) const {
        for (const auto& pending : m_pending)
            if (pending.scope == q.scope && pending.slot == q.slot &&
                m_entries[static_cast<std::size_t>(pending.scope)][pending.entry].node ==
                    entry.node)
                return true;
        return false;
    }

    void checkOne(const Question& q, const Entry& entry, int scope) {
        const InstanceNode& node = *entry.node;
        const auto slot = static_cast<std::size_t>(q.slot);
        if (!node.relevant[slot])
            return;
        const std::string path = entry.prefix + q.name;
        const EvalContext context = contextFor(entry, scope);

        if (q.type == QuestionType::Repeat) {
            std::int64_t count = 0;
            for (const auto& e : node.repeats[static_cast<std::size_t>(q.repeatSlot)])
                count += e.dropped ? 0 : 1;
            if (q.minCount && count < *q.minCount)
                error(path, "repeat_count", messages::tooFewEntries(*q.minCount));
            if (q.maxCount && count > *q.maxCount)
                error(path, "repeat_count", messages::tooManyEntries(*q.maxCount));
            return;
        }
        if (!holdsAnswer(q.type))
            return;
        if (m_options.reportChoices && q.choiceFilter && q.choiceList >= 0)
            reportAllowedChoices(q, context, path);

        const Value& answer = node.values[slot];
        if (m_options.reportRequired && !q.required && q.requiredIf) {
            std::string problem;
            if (evaluate(q.requiredIf->root, context, problem).asBoolean() && problem.empty())
                m_result.requiredNow.push_back(path);
        }
        if (!answer.isAnswered()) {
            bool required = q.required;
            if (!required && q.requiredIf) {
                std::string problem;
                required = evaluate(q.requiredIf->root, context, problem).asBoolean();
                if (!problem.empty())
                    error(path, "expression", messages::expressionFailed("required", problem));
            }
            if (required && !hasTypeError(entry, q))
                error(path, "required", q.requiredMessage.empty() ? messages::required() : q.requiredMessage);
            return;
        }

        if (q.choiceList >= 0)
            checkChoices(q, answer, context, path);
        if (q.type == QuestionType::Photo && q.multiple) {
            const auto count = static_cast<std::int64_t>(splitSelected(answer.text()).size());
            if (q.minCount && count < *q.minCount)
                error(path, "photo_count", messages::tooFewPhotos(*q.minCount));
            if (q.maxCount && count > *q.maxCount)
                error(path, "photo_count", messages::tooManyPhotos(*q.maxCount));
        }
        if (q.type == QuestionType::Reference && m_options.registers.exists &&
            !m_options.registers.exists(q.registerName, answer.text()))
            error(path, "reference", messages::unknownReference(q.registerName));
        if (q.constraint) {
            EvalContext withSelf = context;
            withSelf.self = &answer;
            std::string problem;
            const bool passed = evaluate(q.constraint->root, withSelf, problem).asBoolean();
            if (!problem.empty())
                error(path, "expression", messages::expressionFailed("constraint", problem));
            else if (!passed)
                error(path, "constraint",
                      messages::constraintFailed(q.constraintMessage,
                                                 describeBrokenLimits(q.constraint->root, withSelf, q.type)));
        }
    }

    void reportAllowedChoices(const Question& q, const EvalContext& context, const std::string& path) {
        auto& allowed = m_result.choices[path];
        for (const Choice& choice : m_form.choiceLists[static_cast<std::size_t>(q.choiceList)].choices) {
            EvalContext withChoice = context;
            withChoice.choice = &choice;
            std::string problem;
            if (evaluate(q.choiceFilter->root, withChoice, problem).asBoolean() && problem.empty())
                allowed.push_back(choice.name);
        }
    }

    void checkChoices(const Question& q, const Value& answer, const EvalContext& context,
                      const std::string& path) {
        const ChoiceList& list = m_form.choiceLists[static_cast<std::size_t>(q.choiceList)];
        for (const auto name : splitSelected(answer.text())) {
            const Choice* choice = list.find(name);
            if (!choice) {
                error(path, "choice", messages::notAChoice(std::string(name)));
                continue;
            }
            if (!q.choiceFilter)
                continue;
            EvalContext withChoice = context;
            withChoice.choice = choice;
            std::string problem;
            const bool allowed = evaluate(q.choiceFilter->root, withChoice, problem).asBoolean();
            if (!problem.empty())
                error(path, "expression", messages::expressionFailed("choice_filter", problem));
            else if (!allowed)
                error(path, "choice", messages::choiceFilteredOut(choice->name));
        }
    }

    object write(const InstanceNode& node, int scopeIndex) const {
        object out;
        const Scope& scope = m_form.scopes[static_cast<std::size_t>(scopeIndex)];
        for (int member : scope.members) {
            const Question& q = question(member);
            const auto slot = static_cast<std::size_t>(q.slot);
            if (!node.relevant[slot])
                continue;
            if (q.type == QuestionType::Repeat) {
                boost::json::array entries;
                for (const auto& e : node.repeats[static_cast<std::size_t>(q.repeatSlot)])
                    if (!e.dropped)
                        entries.push_back(write(e, q.innerScope));
                if (!entries.empty())
                    out.emplace(q.name, std::move(entries));
                continue;
            }
            if (!holdsAnswer(q.type) || !node.values[slot].isAnswered())
                continue;
            value stored = valueToAnswer(q, node.values[slot], node.raw[slot]);
            if (!stored.is_null())
                out.emplace(q.name, std::move(stored));
        }
        return out;
    }

    const Form& m_form;
    const ValidationOptions& m_options;
    ValidationResult m_result;
    InstanceNode m_root;
    std::vector<std::vector<Entry>> m_entries;
    std::vector<PendingTypeError> m_pending;
};

} // namespace

ValidationResult validateSubmission(const Form& form, const value& answers,
                                    const ValidationOptions& options) {
    return SubmissionValidator(form, options).run(answers);
}

} // namespace kc::forms
