#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kc::forms {

//! A value inside the expression engine, with XPath's conversions. Answers enter it as
//! XLSForm represents them: numbers as numbers, dates as "YYYY-MM-DD", select_multiple and
//! several photos as space-separated names, an unanswered question as Empty. A reference
//! to a question inside a repeat, seen from outside it, is a List (XPath's node-set).
class Value {
public:
    enum class Kind { Empty, Boolean, Number, String, List };

    Value() = default;
    static Value boolean(bool b);
    static Value number(double n);
    static Value string(std::string s);
    static Value list(std::vector<Value> items);

    Kind kind() const { return m_kind; }
    bool isEmpty() const { return m_kind == Kind::Empty; }
    //! An answer counts as given unless it is Empty or the empty string.
    bool isAnswered() const;

    bool asBoolean() const;
    //! NaN when the value is not a number (XPath's number()).
    double asNumber() const;
    std::string asString() const;
    //! The list's items; a scalar is its own one-item list, Empty is no items.
    std::vector<Value> items() const;

    const std::string& text() const { return m_text; }
    double rawNumber() const { return m_number; }
    const std::vector<Value>& listItems() const { return m_items; }

    bool operator==(const Value& other) const = default;

private:
    Kind m_kind = Kind::Empty;
    bool m_bool = false;
    double m_number = 0;
    std::string m_text;
    std::vector<Value> m_items;
};

//! How XPath writes a number: integers without a decimal point, others in the shortest form.
std::string formatNumber(double n);
//! XPath's string-to-number: optional sign, digits, optional fraction; otherwise NaN.
double parseNumber(std::string_view text);
//! Splits a space-separated list ("a b c") into its names.
std::vector<std::string_view> splitSelected(std::string_view text);

} // namespace kc::forms
