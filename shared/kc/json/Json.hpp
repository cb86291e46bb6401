#pragma once

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kc::json {

//! A JSON document that is not what was expected. `path()` names the place
//! ("submission.items[3].quantity"); what() reads "submission.items[3].quantity: expected
//! an integer, got a string".
class JsonError : public std::runtime_error {
public:
    JsonError(std::string path, const std::string& problem);
    const std::string& path() const { return m_path; }
    const std::string& problem() const { return m_problem; }

private:
    std::string m_path;
    std::string m_problem;
};

//! Parses text as JSON; a syntax error names the line and column.
boost::json::value parse(std::string_view text);

//! Compact serialization. The object and array overloads write them where they are: through
//! the value overload they would first be copied whole into a temporary value.
std::string serialize(const boost::json::value& value);
std::string serialize(const boost::json::object& object);
std::string serialize(const boost::json::array& array);
//! Indented by two spaces, one key or item per line, keys in their order: for files people
//! read and keep under version control (a form definition).
std::string pretty(const boost::json::value& value);

//! The JSON type name a person reads in an error: "a string", "an integer", "null", ...
std::string describeKind(const boost::json::value& value);

//! Typed, path-aware reading of one JSON object. Missing or mistyped fields throw
//! JsonError naming the field.
class ObjectReader {
public:
    ObjectReader(const boost::json::value& value, std::string path);
    //! Reads an object directly (it must outlive the reader).
    ObjectReader(const boost::json::object& object, std::string path);

    bool has(std::string_view key) const;
    std::string string(std::string_view key) const;
    std::optional<std::string> optionalString(std::string_view key) const;
    std::int64_t int64(std::string_view key) const;
    std::optional<std::int64_t> optionalInt64(std::string_view key) const;
    double number(std::string_view key) const;
    bool boolean(std::string_view key) const;
    std::optional<bool> optionalBoolean(std::string_view key) const;
    ObjectReader object(std::string_view key) const;
    const boost::json::array& array(std::string_view key) const;
    //! The element `index` of array field `key`, as an object.
    ObjectReader element(std::string_view key, std::size_t index) const;
    const boost::json::value& raw(std::string_view key) const;

    const std::string& path() const { return m_path; }
    const boost::json::object& object() const { return m_object; }

private:
    const boost::json::value* find(std::string_view key) const;
    std::string fieldPath(std::string_view key) const;
    [[noreturn]] void wrongType(std::string_view key, const char* expected,
                                const boost::json::value& got) const;

    const boost::json::object& m_object;
    std::string m_path;
};

} // namespace kc::json
