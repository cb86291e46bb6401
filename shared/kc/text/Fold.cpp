#include "kc/text/Fold.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <stdexcept>

namespace kc::text {

namespace {

const icu::Normalizer2& normalizer(bool decompose) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* instance = decompose ? icu::Normalizer2::getNFDInstance(status)
                                                 : icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || !instance)
        throw std::runtime_error(std::string("ICU normalizer unavailable: ") + u_errorName(status));
    return *instance;
}

icu::UnicodeString fromUtf8(std::string_view utf8) {
    return icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
}

} // namespace

std::string foldForSearch(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString decomposed = normalizer(true).normalize(fromUtf8(utf8), status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU normalization failed: ") + u_errorName(status));

    icu::UnicodeString folded;
    bool pendingSpace = false;
    for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (u_charType(c) == U_NON_SPACING_MARK)
            continue;
        if (u_isUWhiteSpace(c)) {
            pendingSpace = !folded.isEmpty();
            continue;
        }
        if (pendingSpace) {
            folded.append(static_cast<UChar32>(' '));
            pendingSpace = false;
        }
        // đ and Đ carry a stroke, not a combining mark: Unicode does not decompose them.
        if (c == 0x0110 || c == 0x0111)
            folded.append(static_cast<UChar32>('d'));
        else
            folded.append(c);
    }
    // Full case folding (ß -> ss), which per-code-point folding cannot do.
    folded.foldCase(U_FOLD_CASE_DEFAULT);
    const icu::UnicodeString composed = normalizer(false).normalize(folded, status);
    std::string out;
    composed.toUTF8String(out);
    return out;
}

std::string toNfc(std::string_view utf8) {
    // Every text answer of every push comes through here, and nearly all are NFC already:
    // check that in UTF-8 (ASCII is NFC by definition) before converting anything.
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return std::string(utf8);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2& nfc = normalizer(false);
    if (isValidUtf8(utf8)) {
        const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
        if (nfc.isNormalizedUTF8(piece, status) && U_SUCCESS(status))
            return std::string(utf8);
        status = U_ZERO_ERROR;
        std::string out;
        icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(utf8.size()));
        nfc.normalizeUTF8(0, piece, sink, nullptr, status);
        if (U_SUCCESS(status))
            return out;
        status = U_ZERO_ERROR;
    }
    // Ill-formed UTF-8: through UTF-16, which puts U+FFFD for each bad sequence.
    const icu::UnicodeString composed = nfc.normalize(fromUtf8(utf8), status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU normalization failed: ") + u_errorName(status));
    std::string out;
    composed.toUTF8String(out);
    return out;
}

bool isValidUtf8(std::string_view utf8) {
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0)
            return false;
    }
    return true;
}

bool matchesSearch(std::string_view foldedText, std::string_view foldedQuery) {
    std::size_t from = 0;
    std::size_t start = 0;
    while (start < foldedQuery.size()) {
        std::size_t end = foldedQuery.find(' ', start);
        if (end == std::string_view::npos)
            end = foldedQuery.size();
        if (end > start) {
            const std::size_t at = foldedText.find(foldedQuery.substr(start, end - start), from);
            if (at == std::string_view::npos)
                return false;
            from = at + (end - start);
        }
        start = end + 1;
    }
    return true;
}

} // namespace kc::text
