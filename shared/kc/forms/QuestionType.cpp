#include "kc/forms/QuestionType.hpp"

#include <array>
#include <utility>

namespace kc::forms {
namespace {

constexpr std::array<std::pair<QuestionType, std::string_view>, 17> kTypes{{
    {QuestionType::Text, "text"},
    {QuestionType::Integer, "integer"},
    {QuestionType::Decimal, "decimal"},
    {QuestionType::Money, "money"},
    {QuestionType::Date, "date"},
    {QuestionType::DateTime, "datetime"},
    {QuestionType::SelectOne, "select_one"},
    {QuestionType::SelectMultiple, "select_multiple"},
    {QuestionType::GeoPoint, "geopoint"},
    {QuestionType::Photo, "photo"},
    {QuestionType::Signature, "signature"},
    {QuestionType::Barcode, "barcode"},
    {QuestionType::Note, "note"},
    {QuestionType::Calculate, "calculate"},
    {QuestionType::Reference, "reference"},
    {QuestionType::Group, "group"},
    {QuestionType::Repeat, "repeat"},
}};

} // namespace

std::string_view questionTypeName(QuestionType type) {
    for (const auto& [t, name] : kTypes)
        if (t == type)
            return name;
    return "?";
}

std::optional<QuestionType> questionTypeFromName(std::string_view name) {
    for (const auto& [t, n] : kTypes)
        if (n == name)
            return t;
    return std::nullopt;
}

std::vector<std::string_view> questionTypeNames() {
    std::vector<std::string_view> names;
    for (const auto& [t, name] : kTypes)
        names.push_back(name);
    return names;
}

bool holdsAnswer(QuestionType type) {
    return type != QuestionType::Group && type != QuestionType::Repeat &&
           type != QuestionType::Note;
}

bool isNumeric(QuestionType type) {
    return type == QuestionType::Integer || type == QuestionType::Decimal ||
           type == QuestionType::Money;
}

} // namespace kc::forms
