#pragma once

#include <string>
#include <string_view>

namespace kc::domain {

//! The review states of a submission, as stored and sent on the wire.
inline constexpr std::string_view kSubmissionStates[] = {"submitted", "approved", "returned", "rejected"};

//! "submitted, approved, returned or rejected", for error messages.
inline std::string submissionStatesText() {
    std::string text;
    for (std::size_t i = 0; i < std::size(kSubmissionStates); ++i)
        text += (i == 0 ? "" : i + 1 == std::size(kSubmissionStates) ? " or " : ", ") +
                std::string(kSubmissionStates[i]);
    return text;
}

} // namespace kc::domain
