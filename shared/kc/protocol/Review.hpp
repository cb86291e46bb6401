#pragma once

#include <cstdint>
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

// A conflict (an edit from a stale base, or over a closed review) is kept beside the standing
// revision; a reviewer settles it by choosing which revision stands.

//! Whether revision `chosen` may stand when `standing` does: the standing one itself, or a
//! conflicting revision stored after it (`chosenIsConflict`).
bool mayStand(std::int64_t chosen, std::int64_t standing, bool chosenIsConflict);
//! The state settling a conflict leaves: unchanged when the standing revision is kept;
//! submitted when another takes its place (its answers have not been reviewed).
SubmissionState stateAfterSettling(SubmissionState state, bool standingKept);

//! The order of the review list: newest first (by id, which the device made when the record
//! was created), oldest first (the longest waiting), or the most recently changed first.
enum class SubmissionOrder { Newest, Oldest, Changed };

inline constexpr SubmissionOrder kSubmissionOrders[] = {SubmissionOrder::Newest, SubmissionOrder::Oldest,
                                                        SubmissionOrder::Changed};

//! "newest", "oldest", "changed".
constexpr std::string_view orderCode(SubmissionOrder order) {
    switch (order) {
    case SubmissionOrder::Newest: return "newest";
    case SubmissionOrder::Oldest: return "oldest";
    case SubmissionOrder::Changed: return "changed";
    }
    return "newest";
}
std::optional<SubmissionOrder> parseSubmissionOrder(std::string_view code);
//! "newest, oldest or changed".
std::string submissionOrdersText();

} // namespace kc::protocol
