#pragma once

#include "kc/forms/Localized.hpp"

#include <cstdint>
#include <string>

//! What a person filling a form reads when an answer is refused, in Vietnamese and English.
namespace kc::forms::messages {

LocalizedText required();
//! A broken constraint: the form's own message (or a general one when it has none), followed
//! by the limits broken when they can be told ("≤ 650.000.000 đ").
LocalizedText constraintFailed(const LocalizedText& formMessage = {}, const std::string& limits = {});
LocalizedText notAChoice(const std::string& choice);
LocalizedText choiceFilteredOut(const std::string& choice);
LocalizedText unknownField(const std::string& name);
LocalizedText wrongScope(const std::string& name, const std::string& where);
LocalizedText tooFewEntries(std::int64_t minimum);
LocalizedText tooManyEntries(std::int64_t maximum);
LocalizedText tooFewPhotos(std::int64_t minimum);
LocalizedText tooManyPhotos(std::int64_t maximum);
LocalizedText unknownReference(const std::string& registerName);
LocalizedText expressionFailed(const std::string& what, const std::string& detail);
LocalizedText notAnObject(const std::string& kind);
//! A calculated value outside its type's range: names the question and its calculation.
LocalizedText calculationOutOfRange(const std::string& name, const std::string& calculation,
                                    const LocalizedText& problem);

} // namespace kc::forms::messages
