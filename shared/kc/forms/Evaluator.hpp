#pragma once

#include "kc/forms/Expression.hpp"
#include "kc/forms/Form.hpp"
#include "kc/forms/Instance.hpp"

#include <string>
#include <vector>

namespace kc::forms {

//! Where an expression is evaluated: the instance chain from the top level down to the
//! current repeat entry, and what `.` and bare choice columns mean there.
struct EvalContext {
    const Form& form;
    const std::vector<const InstanceNode*>& chain;
    const Clock& clock;
    int scope = 0; //!< the scope of chain.back()
    const RegisterAccess* registers = nullptr;
    const Value* self = nullptr;
    const Choice* choice = nullptr;
};

//! Evaluates a bound expression. Never throws: a problem (division by zero, a bad regex)
//! gives Empty and sets `error` to a message, when it was empty.
Value evaluate(const ExprNode& node, const EvalContext& context, std::string& error);

} // namespace kc::forms
