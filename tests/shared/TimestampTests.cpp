#include "kc/time/Timestamp.hpp"

#include <catch2/catch.hpp>

using kc::Timestamp;

TEST_CASE("RFC 3339 timestamps are written in UTC with milliseconds", "[time]") {
    CHECK(Timestamp{0}.toRfc3339() == "1970-01-01T00:00:00.000Z");
    CHECK(Timestamp{1'751'877'000'250}.toRfc3339() == "2025-07-07T08:30:00.250Z");
    CHECK(Timestamp{951'782'400'000}.toRfc3339() == "2000-02-29T00:00:00.000Z");
    CHECK(Timestamp{-1}.toRfc3339() == "1969-12-31T23:59:59.999Z");
    CHECK(Timestamp{253'402'300'799'999}.toRfc3339() == "9999-12-31T23:59:59.999Z");
    CHECK(Timestamp{253'402'300'800'000}.toRfc3339() == "10000-01-01T00:00:00.000Z");
}

TEST_CASE("RFC 3339 timestamps parse with Z, offsets and fractions", "[time]") {
    CHECK(Timestamp::parse("2025-07-07T08:30:00Z").value().unixMillis == 1'751'877'000'000);
    CHECK(Timestamp::parse("2025-07-07T15:30:00+07:00").value().unixMillis == 1'751'877'000'000);
    CHECK(Timestamp::parse("2025-07-07T08:30:00.25Z").value().unixMillis == 1'751'877'000'250);
    CHECK(Timestamp::parse("2025-07-07T08:30:00.123456z").value().unixMillis == 1'751'877'000'123);
    CHECK(Timestamp::parse("2025-07-07t01:30:00-07:00").value().unixMillis == 1'751'877'000'000);
    const Timestamp now = Timestamp::now();
    CHECK(Timestamp::parse(now.toRfc3339()).value() == now);
}

TEST_CASE("malformed timestamps get an error that says what is wrong", "[time]") {
    const auto error = [](const char* text) { return Timestamp::parse(text).error().message; };
    CHECK_THAT(error("2025-13-01T00:00:00Z"), Catch::Contains("month must be 01 to 12"));
    CHECK_THAT(error("2025-02-29T00:00:00Z"), Catch::Contains("day 29 is not in that month"));
    CHECK(Timestamp::parse("2024-02-29T00:00:00Z").ok());
    CHECK_THAT(error("2025-07-07"), Catch::Contains("THH:MM:SS"));
    CHECK_THAT(error("2025-07-07T24:00:00Z"), Catch::Contains("out of range"));
    CHECK_THAT(error("2025-07-07T08:30:00"), Catch::Contains("time zone"));
    CHECK_THAT(error("2025-07-07T08:30:00+0700"), Catch::Contains("offset"));
    CHECK_THAT(error("2025-07-07T08:30:00Zjunk"), Catch::Contains("after the time zone"));
    CHECK_THAT(error("07/07/2025"), Catch::Contains("YYYY-MM-DD"));
    CHECK_THAT(error("2025-07-07T08:30:00.Z"), Catch::Contains("fraction digits"));
}

TEST_CASE("dates show as dd/MM/yyyy in Vietnam's time", "[time]") {
    // 2025-07-06T20:00Z is already 7 July in Vietnam (UTC+7).
    const Timestamp t = Timestamp::parse("2025-07-06T20:00:00Z").value();
    CHECK(t.toVietnameseDate() == "07/07/2025");
    CHECK(t.toVietnameseDate(0) == "06/07/2025");
}
