#pragma once

#include "kc/domain/Registers.hpp"

#include <stdexcept>
#include <string>

// Checks the store makes before it writes: a broken record is refused with a message that
// names the field, and nothing is written.
namespace kc::server {

inline void require(bool condition, const std::string& field, const std::string& problem) {
    if (!condition)
        throw std::invalid_argument(field + ": " + problem);
}

template <std::size_t N>
void requireCode(const std::string& value, const std::string_view (&codes)[N],
                 const std::string& field) {
    if (domain::isOneOf(value, codes))
        return;
    std::string allowed;
    for (auto code : codes)
        allowed += (allowed.empty() ? "" : ", ") + std::string(code);
    throw std::invalid_argument(field + ": unknown code \"" + value + "\" (expected one of " +
                                allowed + ")");
}

} // namespace kc::server
