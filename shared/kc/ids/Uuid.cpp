#include "kc/ids/Uuid.hpp"

#include "kc/text/Hex.hpp"

#include <sodium.h>

#include <mutex>
#include <stdexcept>

namespace kc {

namespace {

std::int64_t nowMillis() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void ensureSodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not be initialised (no system randomness?)");
}

// Monotonic random generation (RFC 9562, 6.2 method 2): within one millisecond the
// 74 random bits are incremented rather than drawn again, so ids never go backwards.
struct Generator {
    std::mutex mutex;
    std::int64_t lastMillis = -1;
    std::uint16_t randA = 0;  // 12 bits
    std::uint64_t randB = 0;  // 62 bits

    Uuid make(std::int64_t millis) {
        std::lock_guard lock(mutex);
        if (millis > lastMillis) {
            lastMillis = millis;
            std::uint8_t random[10];
            randombytes_buf(random, sizeof random);
            // The top bit of rand_a stays 0 to leave room for increments.
            randA = static_cast<std::uint16_t>(((random[0] & 0x07) << 8) | random[1]);
            randB = 0;
            for (int i = 2; i < 10; ++i)
                randB = (randB << 8) | random[i];
            randB &= (std::uint64_t{1} << 62) - 1;
        } else if (++randB == (std::uint64_t{1} << 62)) {
            randB = 0;
            if (++randA == 0x1000) {
                randA = 0;
                ++lastMillis;  // the counter is exhausted: borrow the next millisecond
            }
        }
        Uuid::Bytes b{};
        const auto ms = static_cast<std::uint64_t>(lastMillis);
        for (int i = 0; i < 6; ++i)
            b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(ms >> (40 - 8 * i));
        b[6] = static_cast<std::uint8_t>(0x70 | (randA >> 8));
        b[7] = static_cast<std::uint8_t>(randA & 0xff);
        b[8] = static_cast<std::uint8_t>(0x80 | ((randB >> 56) & 0x3f));
        for (int i = 9; i < 16; ++i)
            b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(randB >> (8 * (15 - i)));
        return Uuid(b);
    }
};

Generator& generator() {
    static Generator instance;
    return instance;
}

} // namespace

Uuid Uuid::v7() { return v7At(nowMillis()); }

Uuid Uuid::v7At(std::int64_t unixMillis) {
    ensureSodium();
    if (unixMillis < 0 || unixMillis >= (std::int64_t{1} << 48))
        throw std::out_of_range("UUIDv7 time must fit in 48 bits of milliseconds");
    return generator().make(unixMillis);
}

std::optional<Uuid> Uuid::parse(std::string_view text) {
    if (text.size() != 36)
        return std::nullopt;
    Bytes bytes{};
    std::size_t out = 0;
    for (std::size_t i = 0; i < 36;) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != '-')
                return std::nullopt;
            ++i;
            continue;
        }
        const auto lowerHex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
        if (!lowerHex(text[i]) || !lowerHex(text[i + 1]))
            return std::nullopt;  // upper case too: one id, one spelling
        int high = kc::text::hexDigitValue(text[i]);
        int low = kc::text::hexDigitValue(text[i + 1]);
        bytes[out++] = static_cast<std::uint8_t>(high * 16 + low);
        i += 2;
    }
    return Uuid(bytes);
}

std::string Uuid::toString() const {
    static constexpr char digits[] = "0123456789abcdef";
    std::string text;
    text.reserve(36);
    for (std::size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text += '-';
        text += digits[m_bytes[i] >> 4];
        text += digits[m_bytes[i] & 0x0f];
    }
    return text;
}

bool Uuid::isNil() const {
    for (auto b : m_bytes)
        if (b != 0)
            return false;
    return true;
}

std::int64_t Uuid::unixMillis() const {
    std::uint64_t ms = 0;
    for (int i = 0; i < 6; ++i)
        ms = (ms << 8) | m_bytes[static_cast<std::size_t>(i)];
    return static_cast<std::int64_t>(ms);
}

} // namespace kc
