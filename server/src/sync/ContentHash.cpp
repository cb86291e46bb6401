// The content hash of a pushed submission: SHA-256 over a canonical JSON text, so the same
// content hashes the same however a client serialized it (docs/protocol.md, "Push").
#include "sync/ContentHash.hpp"

#include "util/Sha256.hpp"

#include "kc/json/Json.hpp"

#include <algorithm>
#include <type_traits>
#include <vector>

namespace kc::server {

namespace bj = boost::json;

namespace {

//! A JSON string exactly as Boost.JSON's serializer writes it (the stored content hashes
//! depend on these bytes): \" \\ \b \f \n \r \t, other control characters as \u00xx,
//! everything else as it is.
void appendString(std::string_view text, std::string& out) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (byte < 0x20) {
                out += "\\u00";
                out += kHex[byte >> 4];
                out += kHex[byte & 0x0f];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendCanonical(const bj::value& value, std::string& out);

void appendObject(const bj::object& object, std::string& out) {
    std::vector<const bj::key_value_pair*> entries;
    entries.reserve(object.size());
    for (const auto& entry : object)
        entries.push_back(&entry);
    std::sort(entries.begin(), entries.end(),
              [](const auto* a, const auto* b) { return a->key() < b->key(); });
    out += '{';
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i)
            out += ',';
        appendString(entries[i]->key(), out);
        out += ':';
        appendCanonical(entries[i]->value(), out);
    }
    out += '}';
}

void appendCanonical(const bj::value& value, std::string& out) {
    switch (value.kind()) {
    case bj::kind::object:
        appendObject(value.get_object(), out);
        break;
    case bj::kind::array: {
        out += '[';
        const auto& array = value.get_array();
        for (std::size_t i = 0; i < array.size(); ++i) {
            if (i)
                out += ',';
            appendCanonical(array[i], out);
        }
        out += ']';
        break;
    }
    case bj::kind::string:
        appendString(value.get_string(), out);
        break;
    case bj::kind::bool_:
        out += value.get_bool() ? "true" : "false";
        break;
    case bj::kind::null:
        out += "null";
        break;
    case bj::kind::int64:
        out += std::to_string(value.get_int64());
        break;
    case bj::kind::uint64:
        out += std::to_string(value.get_uint64());
        break;
    default:
        out += json::serialize(value);  // doubles: Boost.JSON's shortest round-trip form
    }
}

} // namespace

namespace {

template <class Answers>
std::string contentHash(const std::string& formId, std::int64_t formVersion,
                        const std::optional<std::int64_t>& baseRevision, const Answers& answers) {
    // The canonical form of {"answers", "base_revision", "form_id", "form_version"} (keys
    // sorted), written out directly rather than copying the answers into a new object.
    std::string canonical = "{\"answers\":";
    canonical.reserve(512);
    if constexpr (std::is_same_v<Answers, bj::object>)
        appendObject(answers, canonical);
    else
        appendCanonical(answers, canonical);
    canonical += ",\"base_revision\":";
    canonical += baseRevision ? std::to_string(*baseRevision) : std::string("null");
    canonical += ",\"form_id\":";
    appendString(formId, canonical);
    canonical += ",\"form_version\":";
    canonical += std::to_string(formVersion);
    canonical += '}';
    return sha256Hex(canonical);
}

} // namespace

std::string submissionContentHash(const std::string& formId, std::int64_t formVersion,
                                  const std::optional<std::int64_t>& baseRevision, const bj::value& answers) {
    return contentHash(formId, formVersion, baseRevision, answers);
}

std::string submissionContentHash(const std::string& formId, std::int64_t formVersion,
                                  const std::optional<std::int64_t>& baseRevision, const bj::object& answers) {
    return contentHash(formId, formVersion, baseRevision, answers);
}

} // namespace kc::server
