#pragma once

#include "kc/core/Result.hpp"
#include "kc/forms/Expression.hpp"

#include <string_view>

namespace kc::forms {

struct ParseOptions {
    //! Bare names (`province = ${province}`) name columns of a choice list: only a
    //! choice_filter may use them.
    bool allowChoiceColumns = false;
};

//! Expressions longer than this, or nested deeper, are refused rather than parsed.
inline constexpr std::size_t kMaxExpressionLength = 4096;
inline constexpr int kMaxExpressionDepth = 48;

//! Parses an XLSForm expression into a tree. Errors say what was found where:
//! "at character 9: expected ')' after the arguments of round(), found end of expression".
Result<Expression> parseExpression(std::string_view text, ParseOptions options = {});

} // namespace kc::forms
