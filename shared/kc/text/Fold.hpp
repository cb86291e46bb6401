#pragma once

#include <string>
#include <string_view>

namespace kc::text {

//! The search key for Vietnamese text: NFC-equivalent input, case folded, diacritics
//! removed, đ/Đ mapped to d, white space trimmed and collapsed.
//! "HTX Tâm Hòa" -> "htx tam hoa"; "Đông Khê" -> "dong khe". NFD input folds the same.
std::string foldForSearch(std::string_view utf8);

//! Unicode NFC, the form KCField stores text in. Invalid UTF-8 becomes U+FFFD.
std::string toNfc(std::string_view utf8);

//! True when `utf8` is well-formed UTF-8.
bool isValidUtf8(std::string_view utf8);

//! True when every word of the folded query occurs, in order, in the folded text
//! ("tam hoa" matches "HTX Tâm Hòa"; "hoa tam" does not).
bool matchesSearch(std::string_view foldedText, std::string_view foldedQuery);

} // namespace kc::text
