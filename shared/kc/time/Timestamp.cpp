#include "kc/time/Timestamp.hpp"

#include <chrono>
#include <cstdio>

namespace kc {

namespace {

// Howard Hinnant's civil-date algorithms (public domain): days since 1970-01-01.
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month, day;
};

Civil civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

bool isLeap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned daysInMonth(std::int64_t y, unsigned m) {
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

// Reads exactly `width` digits at `pos`; -1 if they are not all digits.
int digits(std::string_view text, std::size_t pos, std::size_t width) {
    if (pos + width > text.size())
        return -1;
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

Error bad(std::string_view text, const std::string& what) {
    return Error{"invalid RFC 3339 timestamp \"" + std::string(text) + "\": " + what +
                 " (expected e.g. 2025-07-07T08:30:00Z)"};
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

} // namespace

Timestamp Timestamp::now() {
    using namespace std::chrono;
    return {duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count()};
}

Result<Timestamp> Timestamp::parse(std::string_view text) {
    const int year = digits(text, 0, 4);
    if (year < 0 || text.size() < 10 || text[4] != '-' || text[7] != '-')
        return bad(text, "the date must be YYYY-MM-DD");
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    if (month < 1 || month > 12)
        return bad(text, "month must be 01 to 12");
    if (day < 1 || static_cast<unsigned>(day) > daysInMonth(year, static_cast<unsigned>(month)))
        return bad(text, "day " + std::to_string(day) + " is not in that month");
    if (text.size() < 19 || (text[10] != 'T' && text[10] != 't' && text[10] != ' '))
        return bad(text, "the time must follow as THH:MM:SS");
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    if (text[13] != ':' || text[16] != ':' || hour < 0 || minute < 0 || second < 0)
        return bad(text, "the time must be HH:MM:SS");
    if (hour > 23 || minute > 59 || second > 59)
        return bad(text, "hour, minute or second out of range");
    std::size_t pos = 19;
    int millis = 0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        int count = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (count < 3)
                millis = millis * 10 + (text[pos] - '0');
            ++count;
            ++pos;
        }
        if (count == 0)
            return bad(text, "a '.' must be followed by fraction digits");
        for (int i = count; i < 3; ++i)
            millis *= 10;
    }
    int offsetMinutes = 0;
    if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
        ++pos;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        const int sign = text[pos] == '+' ? 1 : -1;
        const int oh = digits(text, pos + 1, 2);
        const int om = digits(text, pos + 4, 2);
        if (oh < 0 || om < 0 || text[pos + 3] != ':' || oh > 23 || om > 59)
            return bad(text, "the offset must be Z or +HH:MM / -HH:MM");
        offsetMinutes = sign * (oh * 60 + om);
        pos += 6;
    } else {
        return bad(text, "a time zone (Z or +HH:MM) is required");
    }
    if (pos != text.size())
        return bad(text, "unexpected text after the time zone");
    const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month),
                                            static_cast<unsigned>(day));
    const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second -
                                 std::int64_t{offsetMinutes} * 60;
    return Timestamp{seconds * 1000 + millis};
}

std::string Timestamp::toRfc3339() const {
    const std::int64_t days = floorDiv(unixMillis, 86'400'000);
    const std::int64_t msOfDay = unixMillis - days * 86'400'000;
    const Civil date = civilFromDays(days);
    if (date.year < 0 || date.year > 9999) {
        char buffer[48];
        std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                      static_cast<long long>(date.year), date.month, date.day,
                      static_cast<long long>(msOfDay / 3'600'000),
                      static_cast<long long>(msOfDay / 60'000 % 60),
                      static_cast<long long>(msOfDay / 1000 % 60), static_cast<long long>(msOfDay % 1000));
        return buffer;
    }
    // Digit by digit: the server stamps every stored row and receipt with this.
    std::string text = "0000-00-00T00:00:00.000Z";
    const auto put = [&text](std::size_t at, std::int64_t value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            text[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    };
    put(0, date.year, 4);
    put(5, date.month, 2);
    put(8, date.day, 2);
    put(11, msOfDay / 3'600'000, 2);
    put(14, msOfDay / 60'000 % 60, 2);
    put(17, msOfDay / 1000 % 60, 2);
    put(20, msOfDay % 1000, 3);
    return text;
}

std::string Timestamp::toVietnameseDate(int offsetMinutes) const {
    const std::int64_t local = unixMillis + std::int64_t{offsetMinutes} * 60'000;
    const Civil date = civilFromDays(floorDiv(local, 86'400'000));
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04lld", date.day, date.month,
                  static_cast<long long>(date.year));
    return buffer;
}

} // namespace kc
