#include "kc/protocol/Review.hpp"

namespace kc::protocol {

namespace {

template <typename Enum, std::size_t N>
std::string listText(const Enum (&values)[N], std::string_view (*code)(Enum)) {
    std::string text;
    for (std::size_t i = 0; i < N; ++i)
        text += std::string(i == 0 ? "" : i + 1 == N ? " or " : ", ") + std::string(code(values[i]));
    return text;
}

template <typename Enum, std::size_t N>
std::optional<Enum> parseCode(std::string_view wanted, const Enum (&values)[N], std::string_view (*code)(Enum)) {
    for (const Enum value : values)
        if (code(value) == wanted)
            return value;
    return std::nullopt;
}

} // namespace

std::optional<SubmissionState> parseSubmissionState(std::string_view code) {
    return parseCode(code, kSubmissionStates, &stateCode);
}

std::string submissionStatesText() { return listText(kSubmissionStates, &stateCode); }

bool ownerMayRevise(SubmissionState state) {
    return state == SubmissionState::Submitted || state == SubmissionState::Returned;
}

std::optional<ReviewAction> parseReviewAction(std::string_view code) {
    return parseCode(code, kReviewActions, &actionCode);
}

std::string reviewActionsText() { return listText(kReviewActions, &actionCode); }

bool mayReview(SubmissionState state) { return state == SubmissionState::Submitted; }

SubmissionState stateAfter(ReviewAction action) {
    switch (action) {
    case ReviewAction::Approve: return SubmissionState::Approved;
    case ReviewAction::Return: return SubmissionState::Returned;
    case ReviewAction::Reject: return SubmissionState::Rejected;
    }
    return SubmissionState::Submitted;
}

bool needsComment(ReviewAction action) { return action != ReviewAction::Approve; }

bool isComment(std::string_view comment) { return comment.find_first_not_of(" \t\r\n") != std::string_view::npos; }

bool mayStand(std::int64_t chosen, std::int64_t standing, bool chosenIsConflict) {
    return chosen == standing || (chosenIsConflict && chosen > standing);
}

SubmissionState stateAfterSettling(SubmissionState state, bool standingKept) {
    return standingKept ? state : SubmissionState::Submitted;
}

std::optional<SubmissionOrder> parseSubmissionOrder(std::string_view code) {
    return parseCode(code, kSubmissionOrders, &orderCode);
}

std::string submissionOrdersText() { return listText(kSubmissionOrders, &orderCode); }

} // namespace kc::protocol
