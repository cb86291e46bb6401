#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace kc::forms {

//! XLSForm's question types, plus `money` (whole đồng) and `reference` (a register record).
enum class QuestionType {
    Text, Integer, Decimal, Money, Date, DateTime, SelectOne, SelectMultiple, GeoPoint,
    Photo, Signature, Barcode, Note, Calculate, Reference, Group, Repeat
};

std::string_view questionTypeName(QuestionType type);
std::optional<QuestionType> questionTypeFromName(std::string_view name);
std::vector<std::string_view> questionTypeNames();

//! Whether answers of this type are kept in a submission (groups, repeats and notes hold none
//! of their own).
bool holdsAnswer(QuestionType type);
bool isNumeric(QuestionType type);

} // namespace kc::forms
