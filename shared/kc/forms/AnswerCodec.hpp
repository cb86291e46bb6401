#pragma once

#include "kc/forms/Form.hpp"
#include "kc/forms/Value.hpp"

#include <boost/json/value.hpp>

#include <optional>

namespace kc::forms {

//! The largest money amount accepted: a million billion đồng, well inside a double's exact
//! integers, so sums in expressions stay exact.
inline constexpr std::int64_t kMaxMoney = 1'000'000'000'000'000;
//! Whole numbers beyond ±2^53 cannot pass through expressions exactly.
inline constexpr std::int64_t kMaxInteger = 9'007'199'254'740'991;
inline constexpr std::size_t kMaxTextLength = 10'000;

//! What is wrong with a JSON answer for this question's type, in vi and en, or nothing.
//! Checks the type's own rules (whole numbers, ranges, calendar dates, coordinates, photo
//! hashes); choice membership is checked by the validator, which knows the filters.
std::optional<LocalizedText> checkAnswerShape(const Question& question,
                                              const boost::json::value& answer);

//! What is wrong with a whole number for an Integer or Money question (money from 0 to
//! kMaxMoney đồng, integers within ±kMaxInteger), entered or calculated; nothing otherwise.
std::optional<LocalizedText> checkWholeRange(QuestionType type, double n);

//! The expression value of an answer whose shape is right.
Value answerToValue(const Question& question, const boost::json::value& answer);

//! The JSON stored for a value: numbers as the type wants them, lists as arrays. `raw` is the
//! submitted JSON when there was one (a geopoint keeps its object).
boost::json::value valueToAnswer(const Question& question, const Value& value,
                                 const boost::json::value* raw);

//! Whether `text` is a calendar date written YYYY-MM-DD.
bool isIsoDate(std::string_view text);

} // namespace kc::forms
