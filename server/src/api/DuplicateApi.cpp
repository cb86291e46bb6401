// Likely duplicate facilities, for reviewers and admins (docs/protocol.md, "Registers"): the
// flagged ones with their candidates side by side, and the decision: keep apart, or merge.
#include "api/ApiRoutes.hpp"

#include "api/ApiSupport.hpp"

#include "kc/domain/RegisterJson.hpp"
#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <boost/json.hpp>

namespace kc::server {
namespace {

namespace bj = boost::json;

//! The facility named in the path, if the caller's provinces hold it and it was not merged.
domain::Facility staffFacility(ServerContext& context, const Caller& caller, const std::string& id) {
    const auto facility = context.store.findFacility(id);
    if (!facility || !caller.maySee(*facility) || context.store.mergedInto(id))
        notFound("facility " + id);
    return *facility;
}

Response flagged(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "review likely duplicates");
    const int limit = static_cast<int>(queryInteger(request, "limit", 100, 1, 500));
    bj::array list;
    for (const auto& item : context.store.flaggedFacilities(caller.provinces, limit)) {
        bj::array candidates;
        const auto notedList = json::parse(item.possibleDuplicates);
        for (const auto& noted : notedList.as_array()) {
            const std::string id(noted.at("id").as_string());
            const auto candidate = context.store.findFacility(id);
            // One merged away since, or outside the caller's provinces, is not offered.
            if (!candidate || !caller.maySee(*candidate) || context.store.mergedInto(id))
                continue;
            bj::object entry{{"facility", domain::facilityToJson(*candidate)}, {"reason", noted.at("reason")}};
            if (const auto* distance = noted.as_object().if_contains("distance_m"))
                entry["distance_m"] = *distance;
            candidates.push_back(std::move(entry));
        }
        list.push_back(bj::object{{"facility", domain::facilityToJson(item.facility)}, {"candidates", std::move(candidates)}});
    }
    return jsonResponse(200, bj::object{{"facilities", std::move(list)}});
}

void audit(ServerContext& context, const Caller& caller, const std::string& action, const std::string& id,
           const bj::object& after) {
    context.store.appendAudit({0, Timestamp::now().toRfc3339(), caller.userId, action, "facility/" + id,
                               std::nullopt, json::serialize(after)});
}

Response keepApart(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "decide on likely duplicates");
    const auto facility = staffFacility(context, caller, pathId(request));
    context.store.keepFacilityApart(facility.id);
    audit(context, caller, "facility.keep_apart", facility.id, bj::object{{"id", facility.id}});
    return jsonResponse(200, bj::object{{"facility", domain::facilityToJson(facility)}});
}

Response merge(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "merge facilities");
    const auto duplicate = staffFacility(context, caller, pathId(request));
    const auto value = parseJsonBody(request);
    const json::ObjectReader body(value, "");
    const std::string into = body.string("into");
    if (!Uuid::parse(into) || Uuid::parse(into)->toString() != into)
        throwInvalid("into", "expected the id of the facility to keep, in canonical lower-case form");
    if (into == duplicate.id)
        throwInvalid("into", "a facility cannot be merged into itself");
    const auto kept = context.store.findFacility(into);
    if (!kept || !caller.maySee(*kept) || context.store.mergedInto(into))
        throwInvalid("into", "no facility " + into + " in your provinces to keep");
    if (kept->provinceCode != duplicate.provinceCode)
        throw ApiException(409, "different_provinces",
                           "facilities of two provinces are not merged: " + duplicate.provinceCode + " and " +
                               kept->provinceCode);
    context.store.mergeFacility(duplicate.id, kept->id);
    audit(context, caller, "facility.merge", duplicate.id, bj::object{{"id", duplicate.id}, {"merged_into", kept->id}});
    return jsonResponse(200, bj::object{{"kept", domain::facilityToJson(*context.store.findFacility(kept->id))},
                                        {"merged", duplicate.id}});
}

} // namespace

void addDuplicateRoutes(Router& router, ServerContext& context) {
    router.add("GET", "/v1/facility-duplicates", signedIn(context.auth, [&context](const Request& r, const Caller& c) {
        return flagged(context, r, c);
    }));
    router.add("POST", "/v1/facilities/{id}/keep", signedIn(context.auth, [&context](const Request& r, const Caller& c) {
        return keepApart(context, r, c);
    }));
    router.add("POST", "/v1/facilities/{id}/merge", signedIn(context.auth, [&context](const Request& r, const Caller& c) {
        return merge(context, r, c);
    }));
}

} // namespace kc::server
