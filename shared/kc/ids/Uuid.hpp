#pragma once

#include <array>
#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kc {

//! A 128-bit id in RFC 9562 form. KCField makes its ids as UUIDv7: a 48-bit Unix
//! millisecond timestamp first, so ids sort by creation time and keep SQLite's
//! B-tree inserts at the end of the index.
class Uuid {
public:
    using Bytes = std::array<std::uint8_t, 16>;

    Uuid() = default;
    explicit Uuid(const Bytes& bytes) : m_bytes(bytes) {}

    //! A new UUIDv7, strictly greater than every id made before it in this process.
    static Uuid v7();
    //! As v7(), at a given Unix time in milliseconds (for tests and imports).
    static Uuid v7At(std::int64_t unixMillis);
    //! Parses the canonical 36-character form, lower case only (what toString() writes), so
    //! that an id has one spelling; nullopt for anything else, upper-case hex included.
    static std::optional<Uuid> parse(std::string_view text);

    //! Lower-case canonical form, e.g. "0190f3a2-6b1c-7d4e-8f00-1a2b3c4d5e6f".
    std::string toString() const;
    int version() const { return m_bytes[6] >> 4; }
    bool isNil() const;
    //! The creation time a UUIDv7 carries (milliseconds since the Unix epoch).
    std::int64_t unixMillis() const;
    const Bytes& bytes() const { return m_bytes; }

    auto operator<=>(const Uuid&) const = default;

private:
    Bytes m_bytes{};
};

} // namespace kc
