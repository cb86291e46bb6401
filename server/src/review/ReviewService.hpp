#pragma once

#include "auth/Caller.hpp"
#include "store/CentralStore.hpp"
#include "sync/FormCache.hpp"

#include "kc/protocol/Review.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace kc::server {

//! Whether `caller` may see the submission: staff of its province, or its submitter.
bool maySeeSubmission(const Caller& caller, const SubmissionHead& head);

//! The submission `id` if `caller` may see it; a 404 ApiException otherwise (so a record of
//! another province is as absent as one never made).
SubmissionHead visibleSubmission(CentralStore& store, const Caller& caller, const std::string& id);

//! A reviewer's decision on one revision of a submission.
struct ReviewDecision {
    protocol::ReviewAction action;
    std::int64_t revision;  //!< the revision decided on: must be the newest
    std::string comment;    //!< required to return or reject
    boost::json::array fields;  //!< field paths the comment names (optional)
};

//! A reviewer's choice of the revision that stands over a conflict.
struct ConflictChoice {
    std::int64_t revision;  //!< the revision that stands: the standing one or a conflicting one
    std::int64_t seen;      //!< the newest revision the reviewer compared: must still be the newest
    std::string comment;    //!< optional, for the submitter
};

//! A decision and its audit, stored in one transaction, by the rules of kc/protocol/Review
//! (which state allows a decision, which action needs a comment). Refusals throw
//! ApiException (400 invalid_input, 404, 409 stale_revision / invalid_state,
//! 422 fails_form). Who may review (the role) is checked by the api layer, like every role.
class ReviewService {
public:
    ReviewService(CentralStore& store, FormCache& forms) : m_store(store), m_forms(forms) {}

    //! Applies `decision` to submission `id` and returns its new head.
    boost::json::object decide(const Caller& caller, const std::string& id, const ReviewDecision& decision);

    //! Settles the conflict on submission `id` by `choice` (kc/protocol/Review: mayStand,
    //! stateAfterSettling) and returns its new head. Refusals: 404, 409 no_conflict /
    //! stale_revision, 400 invalid_input naming `revision`.
    boost::json::object resolve(const Caller& caller, const std::string& id, const ConflictChoice& choice);

private:
    void requirePassesForm(const Caller& caller, const SubmissionHead& head);

    CentralStore& m_store;
    FormCache& m_forms;
};

} // namespace kc::server
