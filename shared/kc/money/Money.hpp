#pragma once

#include "kc/core/Result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace kc::money {

//! An amount of money in whole Vietnamese đồng. Never a float.
using Dong = std::int64_t;

inline constexpr Dong kThousand = 1'000;
inline constexpr Dong kMillion = 1'000'000;
inline constexpr Dong kBillion = 1'000'000'000;

//! a + b; throws std::overflow_error naming `what` when the sum does not fit in 64 bits, so
//! a total is either right or refused, never wrapped.
std::int64_t addChecked(std::int64_t a, std::int64_t b, std::string_view what);

//! Groups thousands with '.', the Vietnamese way: 1759 -> "1.759", -1234567 -> "-1.234.567".
std::string groupThousands(std::int64_t value);

//! "1.075.000.000 đồng".
std::string formatDong(Dong amount);

//! In millions with a fixed number of decimals (',' is the decimal mark), rounded half
//! away from zero: 850'000'000 -> "850 triệu đồng"; with 1 decimal 1'250'000 -> "1,3 triệu đồng".
std::string formatMillions(Dong amount, int decimals = 0);

//! In billions: 12'310'000'000 -> "12,31 tỷ đồng" (2 decimals by default, as reports show).
std::string formatBillions(Dong amount, int decimals = 2);

//! The unit a person would choose: tỷ from a billion, triệu from a million, else đồng;
//! up to two decimals, trailing zeros dropped: "12,31 tỷ đồng", "850 triệu đồng", "1 tỷ đồng".
std::string formatCompact(Dong amount);

//! Parses what people type: "1.075.000.000", "1075000000", "1,075 tỷ", "850 triệu",
//! "1 tỷ 075 triệu đồng", "500k", "12,31 ty". Errors say what was wrong; the result is
//! always a whole number of đồng.
Result<Dong> parse(std::string_view typed);

} // namespace kc::money
