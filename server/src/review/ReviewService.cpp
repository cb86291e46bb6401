#include "review/ReviewService.hpp"

#include "http/ApiError.hpp"
#include "sync/BatchRegisters.hpp"

#include "kc/forms/Validator.hpp"
#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <map>

namespace kc::server {

namespace bj = boost::json;

bj::object submissionHeadJson(const SubmissionHead& head) {
    bj::object out{{"id", head.id},
                   {"form_id", head.formId},
                   {"form_version", head.formVersion},
                   {"owner", {{"id", head.ownerId}, {"username", head.ownerName}, {"display_name", head.ownerDisplayName}}},
                   {"province", head.provinceCode},
                   {"state", head.state},
                   {"revision", head.currentRevision},
                   {"conflict", head.conflict},
                   {"received_at", head.receivedAt},
                   {"updated_at", head.updatedAt}};
    const auto optional = [](const std::optional<std::string>& value) {
        return value ? bj::value(*value) : bj::value(nullptr);
    };
    out["project_id"] = optional(head.projectId);
    out["facility_id"] = optional(head.facilityId);
    out["review_comment"] = optional(head.reviewComment);
    out["review_fields"] = head.reviewFields ? json::parse(*head.reviewFields) : bj::value(bj::array());
    out["reviewed_by"] = optional(head.reviewedBy);
    out["reviewed_at"] = optional(head.reviewedAt);
    return out;
}

bool maySeeSubmission(const Caller& caller, const SubmissionHead& head) {
    return caller.inProvince(head.provinceCode) && (caller.isStaff() || head.ownerId == caller.userId);
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
    static const std::map<std::string, std::string> kStates = {
        {"approve", "approved"}, {"return", "returned"}, {"reject", "rejected"}};
    const std::string& action = decision.action;
    const auto state = kStates.find(action);
    if (state == kStates.end())
        throwInvalid("action", "expected approve, return or reject, got \"" + action + "\"");
    if (action != "approve" && decision.comment.find_first_not_of(" \t\n") == std::string::npos)
        throwInvalid("comment", "say what must change (returning) or why (rejecting)");
    const std::string& comment = decision.comment;
    const std::int64_t revision = decision.revision;
    bj::object result;
    m_store.atomically([&] {
        auto found = m_store.findSubmission(id);
        if (!found || !maySeeSubmission(caller, *found))
            notFound("submission " + id);
        SubmissionHead head = *found;
        if (revision != head.currentRevision)
            throw ApiException(409, "stale_revision",
                               "revision " + std::to_string(revision) + " is not the newest; review revision " +
                                   std::to_string(head.currentRevision));
        if (head.state != "submitted")
            throw ApiException(409, "invalid_state", "the submission is already " + head.state);
        if (action == "approve")
            requirePassesForm(caller, head);
        const bj::object before = submissionHeadJson(head);
        head.state = state->second;
        head.reviewComment = comment.empty() ? std::nullopt : std::optional(comment);
        head.reviewFields = json::serialize(decision.fields);
        head.reviewedBy = caller.userId;
        head.reviewedAt = head.updatedAt = Timestamp::now().toRfc3339();
        head.conflict = false;
        m_store.updateSubmission(head);
        result = submissionHeadJson(head);
        m_store.appendAudit({0, *head.reviewedAt, caller.userId, "submission." + action,
                             "submission/" + head.id, json::serialize(before), json::serialize(result)});
    });
    return result;
}

} // namespace kc::server
