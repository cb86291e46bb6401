#include "report/ReportRequest.hpp"

#include "kc/domain/Registers.hpp"
#include "kc/time/Timestamp.hpp"

#include <algorithm>
#include <charconv>

namespace kc::server {

namespace {

bool allDigits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view digits) {
    int value = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return value;
}

int daysIn(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

//! A year or a date as the first or last day it covers, "YYYY-MM-DD".
std::string boundary(const std::string& name, const std::string& text, bool start) {
    const auto wrong = [&] {
        return ReportRequestError(name, "expected a year such as 2025 or a date such as 2025-06-30, got \"" + text + "\"");
    };
    if (text.size() == 4 && allDigits(text)) {
        const int year = number(text);
        if (year < 1990 || year > 2100)
            throw ReportRequestError(name, "the year must be between 1990 and 2100, got " + text);
        return text + (start ? "-01-01" : "-12-31");
    }
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !allDigits(text.substr(0, 4)) ||
        !allDigits(text.substr(5, 2)) || !allDigits(text.substr(8, 2)))
        throw wrong();
    const int year = number(text.substr(0, 4)), month = number(text.substr(5, 2)), day = number(text.substr(8, 2));
    if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month))
        throw ReportRequestError(name, text + " is not a date in the calendar");
    return text;
}

std::vector<std::string> splitCodes(const std::string& list) {
    std::vector<std::string> codes;
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto comma = std::min(list.find(',', start), list.size());
        std::string code = list.substr(start, comma - start);
        code.erase(0, code.find_first_not_of(' '));
        code.erase(code.find_last_not_of(' ') + 1);
        if (code.empty())
            throw ReportRequestError("provinces", "expected province codes separated by commas, such as 04,96");
        if (std::find(codes.begin(), codes.end(), code) == codes.end())
            codes.push_back(code);
        start = comma + 1;
    }
    return codes;
}

} // namespace

int currentYear() { return number(Timestamp::now().toRfc3339().substr(0, 4)); }

ReportScope reportScope(const ReportRequest& request, const std::vector<std::string>& allowed, int currentYear,
                        bool* forbidden) {
    ReportScope scope;
    if (forbidden)
        *forbidden = false;
    if (request.provinces) {
        scope.provinces = splitCodes(*request.provinces);
        for (const auto& code : scope.provinces)
            if (std::find(allowed.begin(), allowed.end(), code) == allowed.end()) {
                if (forbidden)
                    *forbidden = true;
                throw ReportRequestError("provinces", "province " + code + " is outside your scope");
            }
    } else {
        scope.provinces = allowed;
    }
    const std::string year = std::to_string(currentYear);
    scope.toDate = boundary("to", request.to.value_or(year), false);
    scope.fromDate = boundary("from", request.from.value_or(request.to ? scope.toDate.substr(0, 4) : year), true);
    if (scope.toDate < scope.fromDate)
        throw ReportRequestError("to", "the period ends (" + scope.toDate + ") before it starts (" + scope.fromDate + ")");
    scope.fromYear = number(scope.fromDate.substr(0, 4));
    scope.toYear = number(scope.toDate.substr(0, 4));
    if (request.source) {
        if (!domain::isOneOf(*request.source, domain::kFundingSources))
            throw ReportRequestError("source", "expected national or local, got \"" + *request.source + "\"");
        scope.fundingSource = request.source;
    }
    return scope;
}

} // namespace kc::server
