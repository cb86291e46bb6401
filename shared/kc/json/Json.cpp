#include "kc/json/Json.hpp"

#include <boost/json/stream_parser.hpp>
#include <boost/json/serialize.hpp>

namespace kc::json {

namespace json = boost::json;

namespace {
std::string joinPath(const std::string& path, const std::string& problem) {
    return path.empty() ? problem : path + ": " + problem;
}

const json::object& asObject(const json::value& value, const std::string& path) {
    if (!value.is_object())
        throw JsonError(path, "expected an object, got " + describeKind(value));
    return value.get_object();
}
} // namespace

JsonError::JsonError(std::string path, const std::string& problem)
    : std::runtime_error(joinPath(path, problem)), m_path(std::move(path)), m_problem(problem) {}

json::value parse(std::string_view text) {
    json::stream_parser parser;
    boost::system::error_code ec;
    const std::size_t used = parser.write_some(text.data(), text.size(), ec);
    if (!ec && used < text.size())
        ec = json::error::extra_data;
    if (!ec)
        parser.finish(ec);
    if (ec) {
        std::size_t line = 1, column = 1;
        for (std::size_t i = 0; i < used && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        throw JsonError("", "invalid JSON at line " + std::to_string(line) + ", column " +
                                std::to_string(column) + ": " + ec.message());
    }
    return parser.release();
}

std::string serialize(const json::value& value) { return json::serialize(value); }
std::string serialize(const json::object& object) { return json::serialize(object); }
std::string serialize(const json::array& array) { return json::serialize(array); }

std::string describeKind(const json::value& value) {
    switch (value.kind()) {
    case json::kind::null:
        return "null";
    case json::kind::bool_:
        return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
        return "an integer";
    case json::kind::double_:
        return "a number with a fraction";
    case json::kind::string:
        return "a string";
    case json::kind::array:
        return "an array";
    case json::kind::object:
        return "an object";
    }
    return "an unknown value";
}

ObjectReader::ObjectReader(const json::value& value, std::string path)
    : m_object(asObject(value, path)), m_path(std::move(path)) {}

ObjectReader::ObjectReader(const json::object& object, std::string path)
    : m_object(object), m_path(std::move(path)) {}

std::string ObjectReader::fieldPath(std::string_view key) const {
    return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

const json::value* ObjectReader::find(std::string_view key) const { return m_object.if_contains(key); }

bool ObjectReader::has(std::string_view key) const {
    const auto* value = find(key);
    return value && !value->is_null();
}

void ObjectReader::wrongType(std::string_view key, const char* expected,
                             const json::value& got) const {
    throw JsonError(fieldPath(key), std::string("expected ") + expected + ", got " + describeKind(got));
}

const json::value& ObjectReader::raw(std::string_view key) const {
    const auto* value = find(key);
    if (!value)
        throw JsonError(fieldPath(key), "is missing");
    return *value;
}

std::string ObjectReader::string(std::string_view key) const {
    const auto& value = raw(key);
    if (!value.is_string())
        wrongType(key, "a string", value);
    return std::string(value.get_string());
}

std::optional<std::string> ObjectReader::optionalString(std::string_view key) const {
    return has(key) ? std::optional(string(key)) : std::nullopt;
}

std::int64_t ObjectReader::int64(std::string_view key) const {
    const auto& value = raw(key);
    if (value.is_int64())
        return value.get_int64();
    if (value.is_uint64())
        throw JsonError(fieldPath(key), "is too large for a 64-bit integer");
    wrongType(key, "an integer", value);
}

std::optional<std::int64_t> ObjectReader::optionalInt64(std::string_view key) const {
    return has(key) ? std::optional(int64(key)) : std::nullopt;
}

double ObjectReader::number(std::string_view key) const {
    const auto& value = raw(key);
    if (value.is_double())
        return value.get_double();
    if (value.is_int64())
        return static_cast<double>(value.get_int64());
    if (value.is_uint64())
        return static_cast<double>(value.get_uint64());
    wrongType(key, "a number", value);
}

bool ObjectReader::boolean(std::string_view key) const {
    const auto& value = raw(key);
    if (!value.is_bool())
        wrongType(key, "true or false", value);
    return value.get_bool();
}

std::optional<bool> ObjectReader::optionalBoolean(std::string_view key) const {
    return has(key) ? std::optional(boolean(key)) : std::nullopt;
}

ObjectReader ObjectReader::object(std::string_view key) const {
    return ObjectReader(raw(key), fieldPath(key));
}

const json::array& ObjectReader::array(std::string_view key) const {
    const auto& value = raw(key);
    if (!value.is_array())
        wrongType(key, "an array", value);
    return value.get_array();
}

ObjectReader ObjectReader::element(std::string_view key, std::size_t index) const {
    const auto& items = array(key);
    const std::string path = fieldPath(key) + "[" + std::to_string(index) + "]";
    if (index >= items.size())
        throw JsonError(path, "is missing (the array has " + std::to_string(items.size()) +
                                  " elements)");
    return ObjectReader(items[index], path);
}

namespace {

void writePretty(const boost::json::value& value, std::string& out, int depth) {
    const auto indent = [&](int level) { out.append(static_cast<std::size_t>(level) * 2, ' '); };
    if (value.is_object() && !value.get_object().empty()) {
        out += "{\n";
        bool first = true;
        for (const auto& [key, item] : value.get_object()) {
            out += first ? "" : ",\n";
            first = false;
            indent(depth + 1);
            out += boost::json::serialize(boost::json::string(key)) + ": ";
            writePretty(item, out, depth + 1);
        }
        out += "\n";
        indent(depth);
        out += "}";
    } else if (value.is_array() && !value.get_array().empty()) {
        out += "[\n";
        bool first = true;
        for (const auto& item : value.get_array()) {
            out += first ? "" : ",\n";
            first = false;
            indent(depth + 1);
            writePretty(item, out, depth + 1);
        }
        out += "\n";
        indent(depth);
        out += "]";
    } else {
        out += boost::json::serialize(value);
    }
}

} // namespace

std::string pretty(const boost::json::value& value) {
    std::string out;
    writePretty(value, out, 0);
    out += "\n";
    return out;
}

} // namespace kc::json
