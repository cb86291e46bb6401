#include "review/ReviewService.hpp"

#include "http/ApiError.hpp"
#include "sync/BatchRegisters.hpp"

#include "kc/forms/References.hpp"
#include "kc/forms/Validator.hpp"
#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <algorithm>

namespace kc::server {

namespace bj = boost::json;

bool maySeeSubmission(const Caller& caller, const SubmissionHead& head) {
    return caller.inProvince(head.provinceCode) && (caller.isStaff() || head.ownerId == caller.userId);
}

SubmissionHead visibleSubmission(CentralStore& store, const Caller& caller, const std::string& id) {
    auto found = store.findSubmission(id);
    if (!found || !maySeeSubmission(caller, *found))
        notFound("submission " + id);
    return *found;
}

//! 422 unless the revision still passes its form: a record stored before a rule was
//! tightened (a calculation out of range, say) is returned for correction, not approved.
void ReviewService::requirePassesForm(const Caller& caller, const SubmissionHead& head) {
    const auto form = m_forms.get(head.formId, head.formVersion);
    const auto revisions = m_store.revisions(head.id);
    if (!form || revisions.empty())
        return;
    const auto& current = revisions.at(static_cast<std::size_t>(head.currentRevision - 1));
    BatchRegisters registers(m_store, caller);
    forms::ValidationOptions options;
    options.registers = registers.access();
    const auto result = forms::validateSubmission(*form, json::parse(current.answers), options);
    if (result.ok())
        return;
    std::vector<FieldError> fields;
    for (const auto& error : result.errors)
        fields.push_back({"answers." + error.path, error.message.en});
    const std::string message = "revision " + std::to_string(head.currentRevision) + " does not pass form " +
                                head.formId + " (" + fields.front().path + ": " + fields.front().message +
                                "); return it for correction instead";
    throw ApiException(422, "fails_form", message, std::move(fields));
}

bj::object ReviewService::decide(const Caller& caller, const std::string& id, const ReviewDecision& decision) {
    const protocol::ReviewAction action = decision.action;
    if (protocol::needsComment(action) && !protocol::isComment(decision.comment))
        throwInvalid("comment", "say what must change (returning) or why (rejecting)");
    const std::string& comment = decision.comment;
    const std::int64_t revision = decision.revision;
    bj::object result;
    m_store.atomically([&] {
        SubmissionHead head = visibleSubmission(m_store, caller, id);
        if (revision != head.currentRevision)
            throw ApiException(409, "stale_revision",
                               "revision " + std::to_string(revision) + " is not the newest; review revision " +
                                   std::to_string(head.currentRevision));
        if (!protocol::mayReview(head.state))
            throw ApiException(409, "invalid_state",
                               "the submission is already " + std::string(protocol::stateCode(head.state)));
        if (action == protocol::ReviewAction::Approve)
            requirePassesForm(caller, head);
        const bj::object before = protocol::toJson(head);
        head.state = protocol::stateAfter(action);
        head.reviewComment = comment.empty() ? std::nullopt : std::optional(comment);
        head.reviewFields = json::serialize(decision.fields);
        head.reviewedBy = caller.userId;
        head.reviewedAt = head.updatedAt = Timestamp::now().toRfc3339();
        head.conflict = false;
        m_store.updateSubmission(head);
        result = protocol::toJson(head);
        m_store.appendAudit({0, *head.reviewedAt, caller.userId, "submission." + std::string(protocol::actionCode(action)),
                             "submission/" + head.id, json::serialize(before), json::serialize(result)});
    });
    return result;
}

namespace {

//! "3, 4": the revisions that may take the standing one's place.
std::string conflictingText(const std::vector<SubmissionRevision>& revisions, std::int64_t standing) {
    std::string text;
    for (const auto& r : revisions)
        if (protocol::mayStand(r.revision, standing, r.conflict) && r.revision != standing)
            text += (text.empty() ? "" : ", ") + std::to_string(r.revision);
    return text.empty() ? "none" : text;
}

} // namespace

bj::object ReviewService::resolve(const Caller& caller, const std::string& id, const ConflictChoice& choice) {
    bj::object result;
    m_store.atomically([&] {
        SubmissionHead head = visibleSubmission(m_store, caller, id);
        if (!head.conflict)
            throw ApiException(409, "no_conflict", "submission " + id + " has no conflict to settle");
        const auto revisions = m_store.revisions(id);
        const std::int64_t newest = revisions.empty() ? head.currentRevision : revisions.back().revision;
        if (choice.seen != newest)
            throw ApiException(409, "stale_revision",
                               "revision " + std::to_string(newest) + " is the newest, not " +
                                   std::to_string(choice.seen) + "; compare it before choosing");
        const auto chosen = std::find_if(revisions.begin(), revisions.end(),
                                         [&](const SubmissionRevision& r) { return r.revision == choice.revision; });
        if (chosen == revisions.end() || !protocol::mayStand(chosen->revision, head.currentRevision, chosen->conflict))
            throwInvalid("revision", "revision " + std::to_string(choice.revision) +
                                         " may not stand: choose the standing revision (" +
                                         std::to_string(head.currentRevision) + ") or a conflicting one (" +
                                         conflictingText(revisions, head.currentRevision) + ")");
        const bj::object before = protocol::toJson(head);
        const bool kept = chosen->revision == head.currentRevision;
        if (!kept) {
            head.currentRevision = chosen->revision;
            head.formVersion = chosen->formVersion;
            if (const auto form = m_forms.get(head.formId, chosen->formVersion)) {
                const bj::value answers = json::parse(chosen->answers);
                const auto about = forms::aboutOf(forms::collectReferences(*form, answers.as_object()));
                head.projectId = about.projectId;
                head.facilityId = about.facilityId;
            }
            head.reviewComment.reset();
            head.reviewFields.reset();
        }
        if (protocol::isComment(choice.comment))
            head.reviewComment = choice.comment;
        head.state = protocol::stateAfterSettling(head.state, kept);
        head.conflict = false;
        head.reviewedBy = caller.userId;
        head.reviewedAt = head.updatedAt = Timestamp::now().toRfc3339();
        m_store.updateSubmission(head);
        result = protocol::toJson(head);
        m_store.appendAudit({0, *head.reviewedAt, caller.userId, "submission.resolve", "submission/" + head.id,
                             json::serialize(before), json::serialize(result)});
    });
    return result;
}

} // namespace kc::server
