#pragma once

#include "kc/core/Result.hpp"

#include <memory>
#include <string_view>

namespace kc::forms {

//! A regex() pattern compiled by ICU (Unicode-aware, with a time limit on matching).
struct CompiledRegex;

//! Compiles a pattern; the error says why and where it is bad.
Result<std::shared_ptr<const CompiledRegex>> compileRegex(std::string_view pattern);

//! Whether the pattern occurs in `subject`; an error when matching takes too long.
Result<bool> regexFind(const CompiledRegex& regex, std::string_view subject);

} // namespace kc::forms
