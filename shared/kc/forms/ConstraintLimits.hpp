#pragma once

#include "kc/forms/Evaluator.hpp"
#include "kc/forms/Expression.hpp"
#include "kc/forms/QuestionType.hpp"

#include <string>

namespace kc::forms {

//! The limits of a constraint that the answer (`context.self`) breaks, as a person reads
//! them: for `. >= 1 and . <= ${budget}` with 700.000.000 typed and a budget of 650.000.000,
//! "≤ 650.000.000 đ". Comparisons of `.` with a number or a day, joined by "and", are
//! understood; anything else gives "" (the form's own message is then all there is).
//! Numbers are written the Vietnamese way (1.000; 12,5; money in đồng), days dd/mm/yyyy.
std::string describeBrokenLimits(const ExprNode& constraint, const EvalContext& context, QuestionType type);

} // namespace kc::forms
