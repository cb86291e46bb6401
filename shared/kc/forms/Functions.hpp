#pragma once

#include "kc/forms/Expression.hpp"

#include <optional>
#include <string_view>

namespace kc::forms {

struct FunctionInfo {
    Function function;
    std::string_view name;
    int minArgs;
    int maxArgs; //!< -1: any number
};

//! The function called `name`, or nothing when there is none.
std::optional<FunctionInfo> findFunction(std::string_view name);
const FunctionInfo& functionInfo(Function function);
//! Every function's name, for "did you mean" and the documentation.
std::vector<std::string_view> functionNames();

} // namespace kc::forms
