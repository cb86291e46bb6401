#pragma once

#include "kc/core/Result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace kc {

//! A point in time as milliseconds since the Unix epoch (UTC).
struct Timestamp {
    std::int64_t unixMillis = 0;

    static Timestamp now();
    //! Parses RFC 3339 ("2025-07-07T08:30:00Z", "2025-07-07T15:30:00.250+07:00").
    //! The error names what part was wrong.
    static Result<Timestamp> parse(std::string_view text);
    //! RFC 3339 in UTC with milliseconds: "2025-07-07T08:30:00.000Z".
    std::string toRfc3339() const;
    //! The Vietnamese date form dd/MM/yyyy, in the given UTC offset (Vietnam is +7 h).
    std::string toVietnameseDate(int offsetMinutes = 7 * 60) const;

    auto operator<=>(const Timestamp&) const = default;
};

} // namespace kc
