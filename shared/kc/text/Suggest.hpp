#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kc::text {

//! Levenshtein distance between two byte strings.
std::size_t editDistance(std::string_view a, std::string_view b);

//! The candidate closest to `typed`, when it is close enough to be a likely typo
//! (at most a third of its length away, and at least one edit allowed).
std::optional<std::string> closestMatch(std::string_view typed,
                                        const std::vector<std::string_view>& candidates);

} // namespace kc::text
