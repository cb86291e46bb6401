#include "kc/forms/ConstraintLimits.hpp"

#include "kc/money/Money.hpp"

#include <cmath>
#include <limits>
#include <regex>

namespace kc::forms {

namespace {

using Kind = ExprNode::Kind;

bool isComparison(Kind k) {
    return k == Kind::Less || k == Kind::LessEqual || k == Kind::Greater || k == Kind::GreaterEqual;
}

//! `a op b` read with `.` on the left: `5 < .` is `. > 5`.
Kind mirrored(Kind k) {
    switch (k) {
    case Kind::Less: return Kind::Greater;
    case Kind::LessEqual: return Kind::GreaterEqual;
    case Kind::Greater: return Kind::Less;
    case Kind::GreaterEqual: return Kind::LessEqual;
    default: return k;
    }
}

const char* symbol(Kind k) {
    switch (k) {
    case Kind::Less: return "< ";
    case Kind::LessEqual: return "≤ ";
    case Kind::Greater: return "> ";
    default: return "≥ ";
    }
}

std::string numberText(double n, QuestionType type) {
    constexpr double kWhole = 9'007'199'254'740'992.0;  // 2^53: beyond it no whole number is exact
    if (std::nearbyint(n) == n && std::fabs(n) < kWhole) {
        const auto whole = static_cast<std::int64_t>(n);
        return type == QuestionType::Money ? money::groupThousands(whole) + " đ" : money::groupThousands(whole);
    }
    std::string text = formatNumber(n);
    for (char& c : text)
        if (c == '.')
            c = ',';
    return text;
}

std::string limitText(const Value& limit, QuestionType type) {
    static const std::regex day(R"(^(\d{4})-(\d{2})-(\d{2})$)");
    std::smatch m;
    const std::string text = limit.asString();
    if (limit.kind() == Value::Kind::String && std::regex_match(text, m, day))
        return m[3].str() + "/" + m[2].str() + "/" + m[1].str();
    const double n = limit.asNumber();
    return std::isnan(n) ? std::string() : numberText(n, type);
}

void collect(const ExprNode& node, const EvalContext& context, QuestionType type, std::string& out, bool& understood) {
    if (node.kind == Kind::And) {
        for (const auto& arg : node.args)
            collect(arg, context, type, out, understood);
        return;
    }
    if (!isComparison(node.kind) || node.args.size() != 2) {
        understood = false;
        return;
    }
    const bool selfLeft = node.args[0].kind == Kind::Self;
    const bool selfRight = node.args[1].kind == Kind::Self;
    if (selfLeft == selfRight) {
        understood = false;
        return;
    }
    std::string problem;
    if (evaluate(node, context, problem).asBoolean() || !problem.empty())
        return;  // this part holds: not what is wrong
    const Value limit = evaluate(node.args[selfLeft ? 1 : 0], context, problem);
    const std::string text = problem.empty() ? limitText(limit, type) : std::string();
    if (text.empty()) {
        understood = false;
        return;
    }
    if (!out.empty())
        out += ", ";
    out += symbol(selfLeft ? node.kind : mirrored(node.kind)) + text;
}

} // namespace

std::string describeBrokenLimits(const ExprNode& constraint, const EvalContext& context, QuestionType type) {
    std::string out;
    bool understood = true;
    collect(constraint, context, type, out, understood);
    return understood ? out : std::string();
}

} // namespace kc::forms
