#include "kc/forms/AnswerCodec.hpp"

#include "kc/json/Json.hpp"
#include "kc/money/Money.hpp"
#include "kc/text/Fold.hpp"
#include "kc/time/Timestamp.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <chrono>
#include <cmath>
#include <set>

namespace kc::forms {
namespace {

using boost::json::value;

LocalizedText problem(std::string vi, std::string en) { return {std::move(vi), std::move(en)}; }

//! An answer as a person would write it back: 1.5, "12", or "an array".
std::string show(const value& v) {
    if (v.is_number())
        return formatNumber(v.to_number<double>());
    if (v.is_string()) {
        const auto& s = v.get_string();
        return s.size() <= 40 ? "\"" + std::string(s) + "\"" : "a long text";
    }
    return json::describeKind(v);
}

std::optional<std::int64_t> wholeNumber(const value& v) {
    if (v.is_int64())
        return v.get_int64();
    if (v.is_uint64())
        return v.get_uint64() <= static_cast<std::uint64_t>(kMaxInteger)
                   ? std::optional<std::int64_t>(static_cast<std::int64_t>(v.get_uint64()))
                   : std::optional<std::int64_t>(kMaxInteger + 1);
    if (v.is_double()) {
        const double d = v.get_double();
        if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= 9.2e18)
            return static_cast<std::int64_t>(d);
    }
    return std::nullopt;
}

bool isSha256(std::string_view s) {
    if (s.size() != 64)
        return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

std::optional<LocalizedText> checkText(const value& answer) {
    if (!answer.is_string())
        return problem("Cần nhập chữ, không phải " + json::describeKind(answer),
                       "expected text, got " + json::describeKind(answer));
    if (answer.get_string().size() > kMaxTextLength)
        return problem("Quá dài (tối đa " + std::to_string(kMaxTextLength) + " ký tự)",
                       "too long (at most " + std::to_string(kMaxTextLength) + " characters)");
    return std::nullopt;
}

std::optional<LocalizedText> checkPhoto(const value& answer) {
    if (answer.is_string() && isSha256(answer.get_string()))
        return std::nullopt;
    return problem("Ảnh phải là mã SHA-256 của tệp đính kèm",
                   "expected the SHA-256 of an attachment (64 lowercase hex digits)");
}

} // namespace

std::optional<LocalizedText> checkWholeRange(QuestionType type, double n) {
    if (type == QuestionType::Money) {
        if (!(n >= 0))
            return problem("Số tiền không được âm", "an amount of money cannot be negative");
        if (n > static_cast<double>(kMaxMoney))
            return problem("Số tiền vượt quá " + money::formatDong(kMaxMoney) + " đồng",
                           "the amount is more than " + money::formatDong(kMaxMoney) + " đồng");
    } else if (type == QuestionType::Integer) {
        if (!(std::fabs(n) <= static_cast<double>(kMaxInteger)))
            return problem("Số quá lớn (tối đa " + money::formatDong(kMaxInteger) + ")",
                           "the number is too large (at most ±" + money::formatDong(kMaxInteger) + ")");
    }
    return std::nullopt;
}

bool isIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p)
        for (std::size_t i = 0; i < lengths[p]; ++i) {
            const char c = text[starts[p] + i];
            if (c < '0' || c > '9')
                return false;
            parts[p] = parts[p] * 10 + (c - '0');
        }
    const std::chrono::year_month_day date{std::chrono::year{parts[0]},
                                           std::chrono::month{static_cast<unsigned>(parts[1])},
                                           std::chrono::day{static_cast<unsigned>(parts[2])}};
    return parts[0] >= 1900 && parts[0] <= 2200 && date.ok();
}

std::optional<LocalizedText> checkAnswerShape(const Question& question, const value& answer) {
    switch (question.type) {
    case QuestionType::Text:
    case QuestionType::Barcode:
        return checkText(answer);
    case QuestionType::Reference:
        if (!answer.is_string() || answer.get_string().size() > 64)
            return problem("Cần chọn một bản ghi trong danh mục",
                           "expected the id of a " + question.registerName + " record");
        return std::nullopt;
    case QuestionType::Integer: {
        const auto n = wholeNumber(answer);
        if (!n)
            return problem("Cần nhập số nguyên", "expected a whole number, got " +
                                                     show(answer));
        return checkWholeRange(question.type, static_cast<double>(*n));
    }
    case QuestionType::Decimal:
        if (!answer.is_number() || !std::isfinite(answer.to_number<double>()))
            return problem("Cần nhập số", "expected a number, got " + show(answer));
        return std::nullopt;
    case QuestionType::Money: {
        const auto n = wholeNumber(answer);
        if (!n)
            return problem("Số tiền phải là số đồng nguyên",
                           "expected a whole number of đồng, got " + show(answer));
        return checkWholeRange(question.type, static_cast<double>(*n));
    }
    case QuestionType::Date:
        if (!answer.is_string() || !isIsoDate(answer.get_string()))
            return problem("Ngày không hợp lệ (cần dạng YYYY-MM-DD)",
                           "expected a date as YYYY-MM-DD, got " + show(answer));
        return std::nullopt;
    case QuestionType::DateTime:
        if (!answer.is_string() || !Timestamp::parse(answer.get_string()))
            return problem("Thời điểm không hợp lệ",
                           "expected a date and time in RFC 3339, got " +
                               show(answer));
        return std::nullopt;
    case QuestionType::SelectOne:
        if (!answer.is_string())
            return problem("Cần chọn một mục", "expected the name of one choice, got " +
                                                   json::describeKind(answer));
        return std::nullopt;
    case QuestionType::SelectMultiple: {
        if (!answer.is_array())
            return problem("Cần chọn các mục", "expected an array of choice names, got " +
                                                   json::describeKind(answer));
        std::set<std::string_view> seen;
        for (const auto& item : answer.get_array()) {
            if (!item.is_string())
                return problem("Cần chọn các mục", "expected choice names, got " +
                                                       json::describeKind(item));
            if (!seen.insert(item.get_string()).second)
                return problem("Một mục được chọn hai lần",
                               "the choice '" + std::string(item.get_string()) +
                                   "' is listed twice");
        }
        return std::nullopt;
    }
    case QuestionType::GeoPoint: {
        if (!answer.is_object())
            return problem("Vị trí không hợp lệ",
                           "expected a location {\"lat\", \"lon\", \"accuracy\"}, got " +
                               json::describeKind(answer));
        const auto& point = answer.get_object();
        for (const auto& [key, val] : point) {
            if (key != "lat" && key != "lon" && key != "accuracy" && key != "manual")
                return problem("Vị trí có trường lạ '" + std::string(key) + "'",
                               "unknown location field '" + std::string(key) + "'");
            if (key == "manual" ? !val.is_bool() : !val.is_number())
                return problem("Vị trí không hợp lệ",
                               "the location's " + std::string(key) + " has the wrong type");
        }
        const auto* lat = point.if_contains("lat");
        const auto* lon = point.if_contains("lon");
        if (!lat || !lon)
            return problem("Vị trí thiếu vĩ độ hoặc kinh độ",
                           "a location needs both lat and lon");
        const double la = lat->to_number<double>();
        const double lo = lon->to_number<double>();
        if (!(la >= -90 && la <= 90) || !(lo >= -180 && lo <= 180))
            return problem("Toạ độ nằm ngoài phạm vi",
                           "lat must be within ±90 and lon within ±180");
        if (const auto* accuracy = point.if_contains("accuracy");
            accuracy && !(accuracy->to_number<double>() >= 0))
            return problem("Độ chính xác không được âm", "the accuracy cannot be negative");
        return std::nullopt;
    }
    case QuestionType::Photo:
        if (!question.multiple)
            return checkPhoto(answer);
        if (!answer.is_array())
            return problem("Cần danh sách ảnh", "expected an array of photos, got " +
                                                    json::describeKind(answer));
        for (const auto& item : answer.get_array())
            if (auto bad = checkPhoto(item))
                return bad;
        return std::nullopt;
    case QuestionType::Signature:
        if (!answer.is_string() || !isSha256(answer.get_string()))
            return problem("Chữ ký phải là mã SHA-256 của tệp đính kèm",
                           "expected the SHA-256 of the signature image");
        return std::nullopt;
    case QuestionType::Calculate:
        if (answer.is_object() || answer.is_array())
            return problem("Giá trị tính toán không hợp lệ",
                           "a calculated value is a string, number or boolean");
        return std::nullopt;
    case QuestionType::Note:
    case QuestionType::Group:
    case QuestionType::Repeat:
        return problem("Câu hỏi này không có câu trả lời",
                       "a " + std::string(questionTypeName(question.type)) +
                           " takes no answer here");
    }
    return std::nullopt;
}

Value answerToValue(const Question& question, const value& answer) {
    if (answer.is_null())
        return {};
    switch (question.type) {
    case QuestionType::Integer:
    case QuestionType::Money:
    case QuestionType::Decimal:
        return Value::number(answer.to_number<double>());
    case QuestionType::SelectMultiple:
    case QuestionType::Photo: {
        if (!answer.is_array())
            return Value::string(std::string(answer.get_string()));
        std::string joined;
        for (const auto& item : answer.get_array()) {
            if (!joined.empty())
                joined += ' ';
            joined += item.get_string();
        }
        return Value::string(std::move(joined));
    }
    case QuestionType::GeoPoint: {
        const auto& point = answer.get_object();
        std::string text = formatNumber(point.at("lat").to_number<double>()) + " " +
                           formatNumber(point.at("lon").to_number<double>());
        if (const auto* accuracy = point.if_contains("accuracy"))
            text += " " + formatNumber(accuracy->to_number<double>());
        return Value::string(std::move(text));
    }
    case QuestionType::Text:
    case QuestionType::Barcode:
        // Text is stored in NFC, so "Hòa" typed on any keyboard is the same answer.
        return Value::string(text::toNfc(answer.get_string()));
    default: break;
    }
    if (answer.is_string())
        return Value::string(std::string(answer.get_string()));
    if (answer.is_bool())
        return Value::boolean(answer.get_bool());
    if (answer.is_number())
        return Value::number(answer.to_number<double>());
    return {};
}

value valueToAnswer(const Question& question, const Value& v, const value* raw) {
    if (!v.isAnswered())
        return nullptr;
    switch (question.type) {
    case QuestionType::GeoPoint:
        return raw ? *raw : value(v.asString());
    case QuestionType::Integer:
    case QuestionType::Money: {
        // The validator refuses whole numbers outside their range; never convert one that
        // an int64 cannot hold (llround would be undefined behaviour).
        const double n = v.asNumber();
        if (!(std::fabs(n) <= static_cast<double>(kMaxInteger)))
            return nullptr;
        return static_cast<std::int64_t>(std::llround(n));
    }
    case QuestionType::Decimal:
        return v.asNumber();
    case QuestionType::SelectMultiple: {
        const std::string text = v.asString();
        boost::json::array names;
        for (auto name : splitSelected(text))
            names.emplace_back(name);
        return names;
    }
    case QuestionType::Photo:
        if (question.multiple) {
            const std::string text = v.asString();
            boost::json::array names;
            for (auto name : splitSelected(text))
                names.emplace_back(name);
            return names;
        }
        return value(v.asString());
    case QuestionType::Calculate:
        if (v.kind() == Value::Kind::Number) {
            const double n = v.rawNumber();
            if (!std::isfinite(n))
                return nullptr;
            if (std::trunc(n) == n && std::fabs(n) <= static_cast<double>(kMaxInteger))
                return static_cast<std::int64_t>(n);
            return n;
        }
        if (v.kind() == Value::Kind::Boolean)
            return v.asBoolean();
        return value(v.asString());
    default:
        return value(v.asString());
    }
}

} // namespace kc::forms
