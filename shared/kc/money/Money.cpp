#include "kc/money/Money.hpp"

#include "kc/text/Fold.hpp"

#include <array>
#include <cctype>
#include <limits>
#include <stdexcept>

namespace kc::money {

namespace {

__extension__ typedef unsigned __int128 U128;

std::uint64_t magnitude(std::int64_t value) {
    return value < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(value)
                     : static_cast<std::uint64_t>(value);
}

std::string groupDigits(std::uint64_t value) {
    std::string digits = std::to_string(value);
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += '.';
        out += digits[i];
    }
    return out;
}

std::uint64_t pow10(int n) {
    std::uint64_t p = 1;
    for (int i = 0; i < n; ++i)
        p *= 10;
    return p;
}

// amount / unit with `decimals` digits after ',' (rounded half away from zero).
// When `trim` is set, trailing zero decimals (and a bare ',') are dropped.
std::string formatScaled(Dong amount, std::uint64_t unit, int decimals, bool trim) {
    const std::uint64_t abs = magnitude(amount);
    const std::uint64_t scale = pow10(decimals);
    std::uint64_t whole = abs / unit;
    const std::uint64_t rest = abs % unit;  // < unit <= 1e9, so rest * scale fits
    std::uint64_t fraction = (rest * scale + unit / 2) / unit;
    if (fraction >= scale) {
        whole += 1;
        fraction -= scale;
    }
    std::string text = (amount < 0 && (whole != 0 || fraction != 0)) ? "-" : "";
    text += groupDigits(whole);
    if (decimals > 0) {
        std::string digits = std::to_string(fraction);
        digits.insert(0, static_cast<std::size_t>(decimals) - digits.size(), '0');
        if (trim)
            while (!digits.empty() && digits.back() == '0')
                digits.pop_back();
        if (!digits.empty())
            text += ',' + digits;
    }
    return text;
}

struct Unit {
    std::string_view word;
    Dong value;
};

// Folded unit words (see kc::text::foldForSearch), longest first where one prefixes another.
constexpr std::array<Unit, 8> kUnits{{{"trieu", kMillion},
                                      {"tr", kMillion},
                                      {"ty", kBillion},
                                      {"nghin", kThousand},
                                      {"ngan", kThousand},
                                      {"k", kThousand},
                                      {"dong", 1},
                                      {"vnd", 1}}};

Error fail(std::string_view typed, const std::string& why) {
    return Error{"cannot read \"" + std::string(typed) + "\" as an amount of money: " + why};
}

} // namespace

std::string groupThousands(std::int64_t value) {
    std::string text = groupDigits(magnitude(value));
    if (value < 0)
        text.insert(text.begin(), '-');
    return text;
}

std::string formatDong(Dong amount) { return groupThousands(amount) + " đồng"; }

std::string formatMillions(Dong amount, int decimals) {
    return formatScaled(amount, kMillion, decimals, false) + " triệu đồng";
}

std::string formatBillions(Dong amount, int decimals) {
    return formatScaled(amount, kBillion, decimals, false) + " tỷ đồng";
}

std::string formatCompact(Dong amount) {
    const std::uint64_t abs = magnitude(amount);
    // 999.995.000 rounds to "1.000 triệu": show it as a billion instead.
    if (abs >= static_cast<std::uint64_t>(kBillion) - kMillion / 200)
        return formatScaled(amount, kBillion, 2, true) + " tỷ đồng";
    if (abs >= static_cast<std::uint64_t>(kMillion))
        return formatScaled(amount, kMillion, 2, true) + " triệu đồng";
    return formatDong(amount);
}

Result<Dong> parse(std::string_view typed) {
    const std::string text = kc::text::foldForSearch(typed);
    if (text.empty())
        return fail(typed, "it is empty");
    std::size_t pos = 0;
    bool negative = false;
    if (text[pos] == '-') {
        negative = true;
        ++pos;
    }
    std::uint64_t total = 0;
    Dong previousUnit = std::numeric_limits<Dong>::max();
    bool sawNumber = false;
    bool sawCurrency = false;
    const auto skipSpaces = [&] {
        while (pos < text.size() && text[pos] == ' ')
            ++pos;
    };
    skipSpaces();
    while (pos < text.size()) {
        if (sawCurrency)
            return fail(typed, "unexpected text after the currency");
        if (!std::isdigit(static_cast<unsigned char>(text[pos]))) {
            // "đ" folds to "d"; "vnđ" to "vnd".
            std::string_view rest = std::string_view(text).substr(pos);
            if (sawNumber && (rest == "d" || rest == "dong" || rest == "vnd")) {
                sawCurrency = true;
                pos = text.size();
                break;
            }
            return fail(typed, "expected a number at \"" + std::string(rest) + "\"");
        }
        // Whole part: digits, optionally grouped by '.' in threes.
        std::string whole;
        while (pos < text.size()) {
            const char c = text[pos];
            if (std::isdigit(static_cast<unsigned char>(c))) {
                whole += c;
                ++pos;
            } else if (c == '.') {
                std::size_t n = 0;
                while (pos + 1 + n < text.size() &&
                       std::isdigit(static_cast<unsigned char>(text[pos + 1 + n])))
                    ++n;
                if (n != 3)
                    return fail(typed, "'.' groups thousands in threes (1.075.000); "
                                       "use ',' for decimals (1,5 triệu)");
                ++pos;
            } else {
                break;
            }
        }
        std::string fraction;
        if (pos < text.size() && text[pos] == ',') {
            ++pos;
            while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])))
                fraction += text[pos++];
            if (fraction.empty())
                return fail(typed, "',' must be followed by decimal digits");
        }
        skipSpaces();
        Dong unit = 1;
        bool hasUnit = false;
        for (const Unit& candidate : kUnits) {
            std::string_view rest = std::string_view(text).substr(pos);
            if (rest.substr(0, candidate.word.size()) == candidate.word &&
                (rest.size() == candidate.word.size() || rest[candidate.word.size()] == ' ' ||
                 std::isdigit(static_cast<unsigned char>(rest[candidate.word.size()])))) {
                unit = candidate.value;
                hasUnit = candidate.value > 1;
                sawCurrency = candidate.value == 1;
                pos += candidate.word.size();
                break;
            }
        }
        if (!hasUnit && sawNumber && previousUnit == 1)
            return fail(typed, "two numbers in a row; write one amount");
        if (!hasUnit && sawNumber)
            return fail(typed, "the number \"" + whole + "\" needs a unit (triệu, nghìn)");
        if (unit >= previousUnit)
            return fail(typed, "units must go from larger to smaller (1 tỷ 075 triệu)");
        if (whole.size() > 19)
            return fail(typed, "it is too large");
        if (fraction.size() > 18)
            return fail(typed, "too many decimal digits");
        const std::uint64_t wholeValue = std::stoull(whole);
        const std::uint64_t scale = pow10(static_cast<int>(fraction.size()));
        const std::uint64_t fractionValue = fraction.empty() ? 0 : std::stoull(fraction);
        const auto unitValue = static_cast<std::uint64_t>(unit);
        // fractionValue * unit / scale must be whole đồng.
        U128 fractionDong = static_cast<U128>(fractionValue) * unitValue;
        if (fractionDong % scale != 0) {
            if (unit == 1 && fraction.size() == 3)
                return fail(typed, "',' is the decimal mark; for thousands write " + whole +
                                       "." + fraction);
            return fail(typed, "it is not a whole number of đồng");
        }
        U128 part = static_cast<U128>(wholeValue) * unitValue +
                                 fractionDong / scale;
        U128 sum = part + total;
        const auto limit = static_cast<U128>(std::numeric_limits<Dong>::max());
        if (sum > limit)
            return fail(typed, "it is too large");
        total = static_cast<std::uint64_t>(sum);
        previousUnit = unit;
        sawNumber = true;
        skipSpaces();
    }
    if (!sawNumber)
        return fail(typed, "there is no number in it");
    const auto value = static_cast<Dong>(total);
    return negative ? -value : value;
}

std::int64_t addChecked(std::int64_t a, std::int64_t b, std::string_view what) {
    std::int64_t sum = 0;
    if (__builtin_add_overflow(a, b, &sum))
        throw std::overflow_error("the total of " + std::string(what) +
                                  " is larger than a 64-bit count of đồng can hold");
    return sum;
}

} // namespace kc::money
