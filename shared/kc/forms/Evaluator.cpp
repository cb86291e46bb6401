#include "kc/forms/Evaluator.hpp"

#include "kc/forms/RegexMatch.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kc::forms {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void fail(std::string& error, std::string message) {
    if (error.empty())
        error = std::move(message);
}

void collect(const InstanceNode& node, const Form& form, const std::vector<int>& targetChain,
             std::size_t level, int slot, bool countInstances, std::vector<Value>& out) {
    const Question& repeat =
        form.questions[static_cast<std::size_t>(form.scopes[static_cast<std::size_t>(
                                                                 targetChain[level])]
                                                    .repeat)];
    for (const InstanceNode& entry : node.repeats[static_cast<std::size_t>(repeat.repeatSlot)]) {
        if (entry.dropped)
            continue;
        if (level + 1 < targetChain.size())
            collect(entry, form, targetChain, level + 1, slot, countInstances, out);
        else if (countInstances)
            out.push_back(Value::boolean(true));
        else
            out.push_back(entry.values[static_cast<std::size_t>(slot)]);
    }
}

Value resolve(const Question& question, const EvalContext& context) {
    const Form& form = context.form;
    const bool isRepeat = question.type == QuestionType::Repeat;
    // A repeat is seen as the list of its entries, so count(${items}) counts them.
    const auto& target =
        form.scopes[static_cast<std::size_t>(isRepeat ? question.innerScope : question.scope)]
            .chain;
    const auto& current = form.scopes[static_cast<std::size_t>(context.scope)].chain;
    std::size_t common = 0;
    const std::size_t limit = std::min(target.size() - (isRepeat ? 1 : 0), current.size());
    while (common < limit && target[common] == current[common])
        ++common;
    const InstanceNode& node = *context.chain[common - 1];
    if (common == target.size())
        return node.values[static_cast<std::size_t>(question.slot)];
    std::vector<Value> items;
    collect(node, form, target, common, question.slot, isRepeat, items);
    return Value::list(std::move(items));
}

bool scalarEquals(const Value& a, const Value& b) {
    using K = Value::Kind;
    if (a.kind() == K::Boolean || b.kind() == K::Boolean)
        return a.asBoolean() == b.asBoolean();
    if (a.kind() == K::Number || b.kind() == K::Number)
        return a.asNumber() == b.asNumber();
    return a.asString() == b.asString();
}

bool scalarLess(const Value& a, const Value& b, bool orEqual) {
    const bool strings = a.kind() == Value::Kind::String && b.kind() == Value::Kind::String;
    const double x = a.asNumber();
    const double y = b.asNumber();
    // Dates ("2025-07-07") and other text that is not a number compare as text.
    if (strings && std::isnan(x) && std::isnan(y))
        return orEqual ? a.text() <= b.text() : a.text() < b.text();
    return orEqual ? x <= y : x < y;
}

bool compareScalars(ExprNode::Kind kind, const Value& a, const Value& b) {
    using K = ExprNode::Kind;
    switch (kind) {
    case K::Equal: return scalarEquals(a, b);
    case K::NotEqual: return !scalarEquals(a, b);
    case K::Less: return scalarLess(a, b, false);
    case K::LessEqual: return scalarLess(a, b, true);
    case K::Greater: return scalarLess(b, a, false);
    default: return scalarLess(b, a, true);
    }
}

//! XPath: a comparison involving a list holds when it holds for some pair of items.
bool compare(ExprNode::Kind kind, const Value& a, const Value& b) {
    if (a.kind() != Value::Kind::List && b.kind() != Value::Kind::List)
        return compareScalars(kind, a, b);
    for (const auto& x : a.items())
        for (const auto& y : b.items())
            if (compareScalars(kind, x, y))
                return true;
    return false;
}

std::size_t codePoints(const std::string& s) {
    std::size_t count = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80)
            ++count;
    return count;
}

Value matchRegex(const ExprNode& node, const std::string& subject, const std::string& pattern,
                 std::string& error) {
    std::shared_ptr<const CompiledRegex> compiled = node.pattern;
    if (!compiled) {
        auto result = compileRegex(pattern);
        if (!result) {
            fail(error, result.error().message);
            return {};
        }
        compiled = result.value();
    }
    auto found = regexFind(*compiled, subject);
    if (!found) {
        fail(error, found.error().message);
        return {};
    }
    return Value::boolean(found.value());
}

double minOrMax(const std::vector<Value>& items, bool max) {
    double result = kNaN;
    for (const auto& item : items) {
        const double n = item.asNumber();
        if (std::isnan(n))
            return kNaN;
        if (std::isnan(result) || (max ? n > result : n < result))
            result = n;
    }
    return result;
}

Value call(const ExprNode& node, const EvalContext& context, std::string& error) {
    const auto arg = [&](std::size_t i) { return evaluate(node.args[i], context, error); };
    switch (node.function) {
    case Function::If:
        return arg(0).asBoolean() ? arg(1) : arg(2);
    case Function::Selected: {
        const std::string list = arg(0).asString();
        const std::string wanted = arg(1).asString();
        const auto names = splitSelected(list);
        return Value::boolean(std::find(names.begin(), names.end(), wanted) != names.end());
    }
    case Function::CountSelected:
        return Value::number(static_cast<double>(splitSelected(arg(0).asString()).size()));
    case Function::StringLength:
        return Value::number(static_cast<double>(codePoints(arg(0).asString())));
    case Function::Regex:
        return matchRegex(node, arg(0).asString(), arg(1).asString(), error);
    case Function::Today:
        return Value::string(context.clock.today);
    case Function::Now:
        return Value::string(context.clock.now);
    case Function::Coalesce: {
        Value first = arg(0);
        return first.isAnswered() ? first : arg(1);
    }
    case Function::Round: {
        const double x = arg(0).asNumber();
        double digits = node.args.size() > 1 ? arg(1).asNumber() : 0;
        if (std::isnan(digits) || digits < 0 || digits > 15 || std::trunc(digits) != digits) {
            fail(error, "round() takes 0 to 15 decimal places");
            return {};
        }
        const double scale = std::pow(10.0, digits);
        return Value::number(std::floor(x * scale + 0.5) / scale);
    }
    case Function::Sum: {
        double total = 0;
        for (const auto& item : arg(0).items())
            if (item.isAnswered())
                total += item.asNumber();
        return Value::number(total);
    }
    case Function::Count: {
        const Value v = arg(0);
        return Value::number(v.kind() == Value::Kind::List ? static_cast<double>(
                                                                 v.listItems().size())
                             : v.isAnswered()              ? 1
                                                           : 0);
    }
    case Function::Not:
        return Value::boolean(!arg(0).asBoolean());
    case Function::Concat: {
        std::string joined;
        for (std::size_t i = 0; i < node.args.size(); ++i)
            for (const auto& item : arg(i).items())
                joined += item.asString();
        return Value::string(std::move(joined));
    }
    case Function::Contains:
        return Value::boolean(arg(0).asString().find(arg(1).asString()) != std::string::npos);
    case Function::StartsWith:
        return Value::boolean(arg(0).asString().starts_with(arg(1).asString()));
    case Function::Number:
        return Value::number(arg(0).asNumber());
    case Function::Int:
        return Value::number(std::trunc(arg(0).asNumber()));
    case Function::String:
        return Value::string(arg(0).asString());
    case Function::True:
        return Value::boolean(true);
    case Function::False:
        return Value::boolean(false);
    case Function::Min:
    case Function::Max: {
        std::vector<Value> all;
        for (std::size_t i = 0; i < node.args.size(); ++i)
            for (auto& item : arg(i).items())
                all.push_back(std::move(item));
        return Value::number(minOrMax(all, node.function == Function::Max));
    }
    case Function::Abs:
        return Value::number(std::fabs(arg(0).asNumber()));
    case Function::Lookup: {
        const int reference = node.args[0].question;
        const Value id = arg(0);
        const std::string column = arg(1).asString();
        if (reference < 0 || !id.isAnswered() || !context.registers || !context.registers->value)
            return {};
        const auto& registerName =
            context.form.questions[static_cast<std::size_t>(reference)].registerName;
        auto found = context.registers->value(registerName, id.asString(), column);
        if (!found)
            return {};
        // Register columns are text; numbers come back as numbers so arithmetic works.
        const double n = parseNumber(*found);
        return n == n ? Value::number(n) : Value::string(std::move(*found));
    }
    }
    return {};
}

} // namespace

Value evaluate(const ExprNode& node, const EvalContext& context, std::string& error) {
    using K = ExprNode::Kind;
    switch (node.kind) {
    case K::Number: return Value::number(node.number);
    case K::String: return Value::string(node.text);
    case K::FieldRef:
        if (node.question < 0) {
            fail(error, "${" + node.text + "} is not bound to a question");
            return {};
        }
        return resolve(context.form.questions[static_cast<std::size_t>(node.question)], context);
    case K::Self: return context.self ? *context.self : Value{};
    case K::ChoiceColumn: {
        if (!context.choice)
            return {};
        if (node.text == "name")
            return Value::string(context.choice->name);
        const auto it = context.choice->columns.find(node.text);
        return it == context.choice->columns.end() ? Value{} : Value::string(it->second);
    }
    case K::Call: return call(node, context, error);
    case K::Or:
        return Value::boolean(evaluate(node.args[0], context, error).asBoolean() ||
                              evaluate(node.args[1], context, error).asBoolean());
    case K::And:
        return Value::boolean(evaluate(node.args[0], context, error).asBoolean() &&
                              evaluate(node.args[1], context, error).asBoolean());
    case K::Negate: return Value::number(-evaluate(node.args[0], context, error).asNumber());
    default: break;
    }

    const Value left = evaluate(node.args[0], context, error);
    const Value right = evaluate(node.args[1], context, error);
    switch (node.kind) {
    case K::Equal:
    case K::NotEqual:
    case K::Less:
    case K::LessEqual:
    case K::Greater:
    case K::GreaterEqual: return Value::boolean(compare(node.kind, left, right));
    default: break;
    }

    const double x = left.asNumber();
    const double y = right.asNumber();
    switch (node.kind) {
    case K::Add: return Value::number(x + y);
    case K::Subtract: return Value::number(x - y);
    case K::Multiply: return Value::number(x * y);
    case K::Divide:
    case K::Modulo:
        if (y == 0) {
            fail(error, std::string(node.kind == K::Divide ? "division" : "mod") +
                            " by zero at character " + std::to_string(node.position + 1));
            return {};
        }
        return Value::number(node.kind == K::Divide ? x / y : std::fmod(x, y));
    default: break;
    }
    return {};
}

} // namespace kc::forms
