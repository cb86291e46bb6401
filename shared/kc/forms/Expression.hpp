#pragma once

#include <memory>
#include <string>
#include <vector>

namespace kc::forms {

struct CompiledRegex;

//! The functions an expression may call (XLSForm's everyday subset of XPath).
enum class Function {
    If, Selected, CountSelected, StringLength, Regex, Today, Now, Coalesce, Round, Sum,
    Count, Not, Concat, Contains, StartsWith, Number, Int, String, True, False, Min, Max, Abs,
    Lookup
};

//! One node of a parsed expression.
struct ExprNode {
    enum class Kind {
        Number, String, FieldRef, Self, ChoiceColumn, Call,
        Or, And, Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual,
        Add, Subtract, Multiply, Divide, Modulo, Negate
    };

    Kind kind = Kind::Number;
    double number = 0;
    //! The literal for String, the field name for FieldRef, the column for ChoiceColumn.
    std::string text;
    //! Where the node starts in the source, for error messages.
    std::size_t position = 0;
    //! For FieldRef: the question's index in the form, set when the form binds names.
    int question = -1;
    Function function = Function::If;
    std::vector<ExprNode> args;
    //! regex() with a literal pattern: compiled once when parsed.
    std::shared_ptr<const CompiledRegex> pattern;
};

//! A parsed expression and the text it came from.
struct Expression {
    std::string source;
    ExprNode root;
};

//! Calls `visit` on every node of the tree, parents first.
template <class Visit> void forEachNode(ExprNode& node, Visit&& visit) {
    visit(node);
    for (auto& arg : node.args)
        forEachNode(arg, visit);
}
template <class Visit> void forEachNode(const ExprNode& node, Visit&& visit) {
    visit(node);
    for (const auto& arg : node.args)
        forEachNode(arg, visit);
}

} // namespace kc::forms
