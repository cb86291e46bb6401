#include "kc/forms/RegexMatch.hpp"

#include <unicode/regex.h>
#include <unicode/unistr.h>

namespace kc::forms {

struct CompiledRegex {
    std::unique_ptr<icu::RegexPattern> pattern;
};

namespace {
// ICU counts match-engine steps; this is on the order of a hundred milliseconds.
constexpr std::int32_t kTimeLimit = 200;

icu::UnicodeString fromUtf8(std::string_view text) {
    return icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
}
} // namespace

Result<std::shared_ptr<const CompiledRegex>> compileRegex(std::string_view pattern) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError where{};
    auto compiled = std::make_shared<CompiledRegex>();
    compiled->pattern.reset(icu::RegexPattern::compile(fromUtf8(pattern), 0, where, status));
    if (U_FAILURE(status) || !compiled->pattern)
        return Error{"bad regular expression '" + std::string(pattern) + "' (" +
                     u_errorName(status) + " at character " + std::to_string(where.offset + 1) +
                     ")"};
    return std::shared_ptr<const CompiledRegex>(std::move(compiled));
}

Result<bool> regexFind(const CompiledRegex& regex, std::string_view subject) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString text = fromUtf8(subject);
    std::unique_ptr<icu::RegexMatcher> matcher(regex.pattern->matcher(text, status));
    if (U_FAILURE(status))
        return Error{std::string("regex() failed: ") + u_errorName(status)};
    matcher->setTimeLimit(kTimeLimit, status);
    const bool found = matcher->find(status);
    if (status == U_REGEX_TIME_OUT)
        return Error{"regex() took too long on this answer"};
    if (U_FAILURE(status))
        return Error{std::string("regex() failed: ") + u_errorName(status)};
    return found;
}

} // namespace kc::forms
