#include "kc/forms/Functions.hpp"

#include <array>

namespace kc::forms {
namespace {

constexpr std::array kFunctions{
    FunctionInfo{Function::If, "if", 3, 3},
    FunctionInfo{Function::Selected, "selected", 2, 2},
    FunctionInfo{Function::CountSelected, "count-selected", 1, 1},
    FunctionInfo{Function::StringLength, "string-length", 1, 1},
    FunctionInfo{Function::Regex, "regex", 2, 2},
    FunctionInfo{Function::Today, "today", 0, 0},
    FunctionInfo{Function::Now, "now", 0, 0},
    FunctionInfo{Function::Coalesce, "coalesce", 2, 2},
    FunctionInfo{Function::Round, "round", 1, 2},
    FunctionInfo{Function::Sum, "sum", 1, 1},
    FunctionInfo{Function::Count, "count", 1, 1},
    FunctionInfo{Function::Not, "not", 1, 1},
    FunctionInfo{Function::Concat, "concat", 1, -1},
    FunctionInfo{Function::Contains, "contains", 2, 2},
    FunctionInfo{Function::StartsWith, "starts-with", 2, 2},
    FunctionInfo{Function::Number, "number", 1, 1},
    FunctionInfo{Function::Int, "int", 1, 1},
    FunctionInfo{Function::String, "string", 1, 1},
    FunctionInfo{Function::True, "true", 0, 0},
    FunctionInfo{Function::False, "false", 0, 0},
    FunctionInfo{Function::Min, "min", 1, -1},
    FunctionInfo{Function::Max, "max", 1, -1},
    FunctionInfo{Function::Abs, "abs", 1, 1},
    FunctionInfo{Function::Lookup, "lookup", 2, 2},
};

} // namespace

std::optional<FunctionInfo> findFunction(std::string_view name) {
    for (const auto& info : kFunctions)
        if (info.name == name)
            return info;
    return std::nullopt;
}

const FunctionInfo& functionInfo(Function function) {
    for (const auto& info : kFunctions)
        if (info.function == function)
            return info;
    return kFunctions.front();
}

std::vector<std::string_view> functionNames() {
    std::vector<std::string_view> names;
    for (const auto& info : kFunctions)
        names.push_back(info.name);
    return names;
}

} // namespace kc::forms
