#include "kc/forms/Value.hpp"

#include <charconv>
#include <cmath>
#include <limits>

namespace kc::forms {

Value Value::boolean(bool b) {
    Value v;
    v.m_kind = Kind::Boolean;
    v.m_bool = b;
    return v;
}

Value Value::number(double n) {
    Value v;
    v.m_kind = Kind::Number;
    v.m_number = n;
    return v;
}

Value Value::string(std::string s) {
    Value v;
    v.m_kind = Kind::String;
    v.m_text = std::move(s);
    return v;
}

Value Value::list(std::vector<Value> items) {
    Value v;
    v.m_kind = Kind::List;
    v.m_items = std::move(items);
    return v;
}

bool Value::isAnswered() const {
    switch (m_kind) {
    case Kind::Empty: return false;
    case Kind::String: return !m_text.empty();
    case Kind::List: return !m_items.empty();
    case Kind::Boolean:
    case Kind::Number: return true;
    }
    return false;
}

bool Value::asBoolean() const {
    switch (m_kind) {
    case Kind::Empty: return false;
    case Kind::Boolean: return m_bool;
    case Kind::Number: return m_number != 0 && !std::isnan(m_number);
    case Kind::String: return !m_text.empty();
    case Kind::List: return !m_items.empty();
    }
    return false;
}

double Value::asNumber() const {
    switch (m_kind) {
    case Kind::Empty: return std::numeric_limits<double>::quiet_NaN();
    case Kind::Boolean: return m_bool ? 1 : 0;
    case Kind::Number: return m_number;
    case Kind::String: return parseNumber(m_text);
    case Kind::List:
        return m_items.empty() ? std::numeric_limits<double>::quiet_NaN()
                               : m_items.front().asNumber();
    }
    return 0;
}

std::string Value::asString() const {
    switch (m_kind) {
    case Kind::Empty: return {};
    case Kind::Boolean: return m_bool ? "true" : "false";
    case Kind::Number: return formatNumber(m_number);
    case Kind::String: return m_text;
    case Kind::List: return m_items.empty() ? std::string{} : m_items.front().asString();
    }
    return {};
}

std::vector<Value> Value::items() const {
    if (m_kind == Kind::List)
        return m_items;
    if (m_kind == Kind::Empty)
        return {};
    return {*this};
}

std::string formatNumber(double n) {
    if (std::isnan(n))
        return "NaN";
    if (std::isinf(n))
        return n > 0 ? "Infinity" : "-Infinity";
    if (n == 0)
        return "0";
    char buffer[64];
    if (std::trunc(n) == n && std::fabs(n) < 1e18) {
        auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, static_cast<long long>(n));
        return std::string(buffer, end);
    }
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, n);
    return std::string(buffer, end);
}

double parseNumber(std::string_view text) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (text.empty())
        return nan;
    std::size_t i = text.front() == '-' ? 1 : 0;
    bool digits = false;
    bool dot = false;
    for (std::size_t j = i; j < text.size(); ++j) {
        const char c = text[j];
        if (c >= '0' && c <= '9')
            digits = true;
        else if (c == '.' && !dot)
            dot = true;
        else
            return nan;
    }
    if (!digits)
        return nan;
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size())
        return nan;
    return value;
}

std::vector<std::string_view> splitSelected(std::string_view text) {
    std::vector<std::string_view> names;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ')
            ++i;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ')
            ++j;
        if (j > i)
            names.push_back(text.substr(i, j - i));
        i = j;
    }
    return names;
}

} // namespace kc::forms
