#pragma once

#include <optional>
#include <string>
#include <string_view>

// The review of a submission as app, server and console share it (docs/protocol.md,
// "Review"): the states a submission is in on the server, the actions a reviewer takes, which
// state allows which action, and which action needs a comment. The one home of those rules.
namespace kc::protocol {

//! Where a submission stands on the server.
enum class SubmissionState { Submitted, Approved, Returned, Rejected };

inline constexpr SubmissionState kSubmissionStates[] = {SubmissionState::Submitted, SubmissionState::Approved,
                                                        SubmissionState::Returned, SubmissionState::Rejected};

//! The state's code as stored and sent: "submitted", "approved", "returned", "rejected".
constexpr std::string_view stateCode(SubmissionState state) {
    switch (state) {
    case SubmissionState::Submitted: return "submitted";
    case SubmissionState::Approved: return "approved";
    case SubmissionState::Returned: return "returned";
    case SubmissionState::Rejected: return "rejected";
    }
    return "submitted";
}
std::optional<SubmissionState> parseSubmissionState(std::string_view code);
//! "submitted, approved, returned or rejected", for error messages.
std::string submissionStatesText();

//! Whether the submitter may send a new revision over it: still open (submitted, or returned
//! for correction). A revision over a closed review is kept beside as a conflict.
bool ownerMayRevise(SubmissionState state);

//! What a reviewer does with a submission.
enum class ReviewAction { Approve, Return, Reject };

inline constexpr ReviewAction kReviewActions[] = {ReviewAction::Approve, ReviewAction::Return, ReviewAction::Reject};

//! "approve", "return", "reject".
constexpr std::string_view actionCode(ReviewAction action) {
    switch (action) {
    case ReviewAction::Approve: return "approve";
    case ReviewAction::Return: return "return";
    case ReviewAction::Reject: return "reject";
    }
    return "approve";
}
std::optional<ReviewAction> parseReviewAction(std::string_view code);
//! "approve, return or reject".
std::string reviewActionsText();

//! Whether a reviewer may decide on a submission in `state` (only a submitted one).
bool mayReview(SubmissionState state);
//! The state a decision leaves the submission in.
SubmissionState stateAfter(ReviewAction action);
//! Whether the action needs a comment: what must change (return) or why (reject).
bool needsComment(ReviewAction action);
//! Whether `comment` counts as one (not empty, not only spaces).
bool isComment(std::string_view comment);

} // namespace kc::protocol
