#include "kc/protocol/SubmissionHead.hpp"

#include "kc/json/Json.hpp"

#include <boost/json/array.hpp>

namespace kc::protocol {

namespace bj = boost::json;

namespace {

bj::value optional(const std::optional<std::string>& value) { return value ? bj::value(*value) : bj::value(nullptr); }

} // namespace

bj::object toJson(const SubmissionHead& head) {
    bj::object out{{"id", head.id},
                   {"form_id", head.formId},
                   {"form_version", head.formVersion},
                   {"owner", {{"id", head.ownerId}, {"username", head.ownerName}, {"display_name", head.ownerDisplayName}}},
                   {"province", head.provinceCode},
                   {"state", stateCode(head.state)},
                   {"revision", head.currentRevision},
                   {"conflict", head.conflict},
                   {"received_at", head.receivedAt},
                   {"updated_at", head.updatedAt}};
    out["project_id"] = optional(head.projectId);
    out["facility_id"] = optional(head.facilityId);
    out["review_comment"] = optional(head.reviewComment);
    out["review_fields"] = head.reviewFields ? json::parse(*head.reviewFields) : bj::value(bj::array());
    out["reviewed_by"] = optional(head.reviewedBy);
    out["reviewed_at"] = optional(head.reviewedAt);
    return out;
}

SubmissionHead readSubmissionHead(const bj::value& value, const std::string& path) {
    const json::ObjectReader r(value, path);
    SubmissionHead head;
    head.id = r.string("id");
    head.formId = r.string("form_id");
    head.formVersion = r.int64("form_version");
    if (r.has("owner")) {
        const auto owner = r.object("owner");
        head.ownerId = owner.optionalString("id").value_or("");
        head.ownerName = owner.optionalString("username").value_or("");
        head.ownerDisplayName = owner.optionalString("display_name").value_or("");
    }
    head.provinceCode = r.optionalString("province").value_or("");
    const std::string state = r.string("state");
    const auto parsed = parseSubmissionState(state);
    if (!parsed)
        throw json::JsonError(path + ".state", "unknown state \"" + state + "\"");
    head.state = *parsed;
    head.currentRevision = r.int64("revision");
    head.conflict = r.optionalBoolean("conflict").value_or(false);
    head.projectId = r.optionalString("project_id");
    head.facilityId = r.optionalString("facility_id");
    head.reviewComment = r.optionalString("review_comment");
    if (r.has("review_fields") && r.raw("review_fields").is_array())
        head.reviewFields = json::serialize(r.raw("review_fields"));
    head.reviewedBy = r.optionalString("reviewed_by");
    head.reviewedAt = r.optionalString("reviewed_at");
    head.receivedAt = r.optionalString("received_at").value_or("");
    head.updatedAt = r.optionalString("updated_at").value_or("");
    return head;
}

} // namespace kc::protocol
