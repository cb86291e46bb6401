// Registers: GET /v1/facilities[/{id}], POST /v1/facilities, GET /v1/projects[/{id}],
// POST /v1/assignments, DELETE /v1/assignments/{id}.
#include "api/ApiRoutes.hpp"

#include "api/ApiSupport.hpp"

#include "kc/domain/RegisterJson.hpp"
#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

namespace kc::server {

namespace bj = boost::json;

namespace {

RegisterQuery queryFor(const Request& request, const Caller& caller) {
    RegisterQuery query;
    query.provinces = caller.provinces;
    if (caller.isCollaborator())
        query.projects = caller.projects;
    query.search = queryText(request, "q").value_or("");
    query.after = queryText(request, "after").value_or("");
    query.limit = static_cast<int>(queryInteger(request, "limit", 100, 1, 1000));
    return query;
}

template <class Record, class ToJson>
Response page(const std::vector<Record>& records, int limit, const char* key, ToJson toJson) {
    bj::array list;
    for (const auto& record : records)
        list.emplace_back(toJson(record));
    bj::object body{{key, std::move(list)}};
    body["next"] = static_cast<int>(records.size()) == limit ? bj::value(records.back().id)
                                                             : bj::value(nullptr);
    return jsonResponse(200, body);
}

bj::array duplicatesJson(const std::vector<DuplicateCandidate>& duplicates) {
    bj::array list;
    for (const auto& candidate : duplicates) {
        bj::object item{{"id", candidate.id}, {"name", candidate.name}, {"reason", candidate.reason}};
        if (candidate.distanceMetres)
            item["distance_m"] = static_cast<std::int64_t>(*candidate.distanceMetres + 0.5);
        list.emplace_back(std::move(item));
    }
    return list;
}

//! A facility's province is one of the caller's, and its commune lies in that province.
void checkPlace(ServerContext& context, const Caller& caller, const domain::Facility& facility) {
    if (!caller.inProvince(facility.provinceCode))
        throw ApiException(403, "forbidden", "province " + facility.provinceCode + " is outside your scope",
                           {{"province", "outside your scope"}});
    if (facility.communeCode) {
        const auto province = context.store.communeProvince(*facility.communeCode);
        if (province != facility.provinceCode)
            throwInvalid("commune", province ? "commune " + *facility.communeCode + " is in province " + *province
                                             : "unknown commune " + *facility.communeCode);
    }
}

//! Central staff correct a facility of the register (its id stays; devices receive it again).
Response updateFacility(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "correct facilities");
    const auto before = context.store.findFacility(pathId(request));
    if (!before || !caller.maySee(*before) || context.store.mergedInto(before->id))
        notFound("facility " + request.pathParams.at("id"));
    auto value = parseJsonBody(request);
    auto& object = value.as_object();
    if (object.contains("id") && object.at("id") != bj::value(before->id))
        throwInvalid("id", "a facility keeps its id; leave it out or send the same");
    for (const char* serverOwned : {"created_by", "created_at", "updated_at", "needs_review"})
        if (object.contains(serverOwned))
            throwInvalid(serverOwned, "is set by the server, not by a client");
    object["id"] = before->id;
    const domain::Facility facility = domain::facilityFromJson(value, "");
    if (facility.name.empty())
        throwInvalid("name", "a facility needs its name");
    checkPlace(context, caller, facility);
    context.store.updateFacility(facility);
    const auto stored = *context.store.findFacility(facility.id);
    context.store.appendAudit({0, Timestamp::now().toRfc3339(), caller.userId, "facility.update", "facility/" + facility.id,
                               json::serialize(domain::facilityToJson(*before)),
                               json::serialize(domain::facilityToJson(stored))});
    return jsonResponse(200, bj::object{{"facility", domain::facilityToJson(stored)}});
}

Response registerFacility(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Officer, domain::Role::Reviewer, domain::Role::Admin},
                "register facilities");
    const auto value = parseJsonBody(request);
    for (const char* serverOwned : {"created_by", "created_at", "updated_at", "needs_review"})
        if (value.get_object().contains(serverOwned))
            throwInvalid(serverOwned, "is set by the server, not by a client");
    domain::Facility facility = domain::facilityFromJson(value, "");
    const auto uuid = Uuid::parse(facility.id);
    if (!uuid || uuid->version() != 7)
        throwInvalid("id", "expected a UUIDv7 made by the device, in canonical lower-case form");
    checkPlace(context, caller, facility);
    if (auto existing = context.store.findFacility(facility.id)) {
        if (existing->name == facility.name && existing->provinceCode == facility.provinceCode)
            return jsonResponse(200, bj::object{{"facility", domain::facilityToJson(*existing)},
                                               {"replayed", true}});
        throw ApiException(409, "id_taken", "another facility already has the id " + facility.id);
    }
    const auto duplicates = context.store.likelyDuplicates(facility, context.limits.duplicateMetres);
    context.store.registerFacility(facility, caller.userId, duplicates);
    const auto stored = context.store.findFacility(facility.id);
    return jsonResponse(201, bj::object{{"facility", domain::facilityToJson(*stored)},
                                        {"needs_review", !duplicates.empty()},
                                        {"possible_duplicates", duplicatesJson(duplicates)}});
}

Response createAssignment(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "assign projects");
    const auto value = parseJsonBody(request);
    const json::ObjectReader body(value, "");
    const std::string projectId = body.string("project_id");
    if (!Uuid::parse(projectId))
        throwInvalid("project_id", "expected a project id in canonical lower-case form, got \"" + projectId + "\"");
    const auto project = context.store.findProject(projectId);
    if (!project || !caller.maySee(*project))
        notFound("project " + projectId);
    const auto user = context.store.findUserByName(body.string("username"));
    const auto userScope = user ? context.store.withPredecessors(user->provinces) : std::vector<std::string>{};
    if (!user || std::find(userScope.begin(), userScope.end(), project->provinceCode) == userScope.end())
        throwInvalid("username", "no user of province " + project->provinceCode + " is called \"" +
                                     body.string("username") + "\"");
    if (user->role != domain::Role::Collaborator)
        throwInvalid("username", "only collaborators are assigned to projects");
    if (std::find(user->projects.begin(), user->projects.end(), project->id) != user->projects.end())
        throw ApiException(409, "already_assigned", user->username + " is already assigned to " + project->code);
    AssignmentRecord assignment{Uuid::v7().toString(), project->id, user->id, project->provinceCode};
    context.store.createAssignment(assignment, caller.userId);
    context.store.appendAudit({0, Timestamp::now().toRfc3339(), caller.userId, "assignment.create",
                               "assignment/" + assignment.id, std::nullopt,
                               json::serialize(bj::object{{"project_id", project->id}, {"user_id", user->id}})});
    return jsonResponse(201, bj::object{{"id", assignment.id},
                                        {"project_id", project->id},
                                        {"user_id", user->id}});
}

//! Who works on a project (its collaborators' assignments), and who of its province could.
Response listAssignments(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "see assignments");
    const auto project = context.store.findProject(pathId(request));
    if (!project || !caller.maySee(*project))
        notFound("project " + request.pathParams.at("id"));
    bj::array assignments;
    for (const auto& assignment : context.store.projectAssignments(project->id)) {
        const auto user = context.store.findUser(assignment.userId);
        assignments.push_back(bj::object{{"id", assignment.id}, {"project_id", assignment.projectId},
                                         {"user_id", assignment.userId},
                                         {"username", user ? user->username : ""},
                                         {"display_name", user ? user->displayName : ""}});
    }
    bj::array collaborators;
    for (const auto& user : context.store.listUsers()) {
        if (user.role != domain::Role::Collaborator || user.disabled)
            continue;
        const auto scope = context.store.withPredecessors(user.provinces);
        if (std::find(scope.begin(), scope.end(), project->provinceCode) != scope.end())
            collaborators.push_back(bj::object{{"username", user.username}, {"display_name", user.displayName}});
    }
    return jsonResponse(200, bj::object{{"assignments", std::move(assignments)}, {"collaborators", std::move(collaborators)}});
}

Response deleteAssignment(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "remove assignments");
    const auto assignment = context.store.findAssignment(pathId(request));
    if (!assignment || !caller.inProvince(assignment->provinceCode))
        notFound("assignment " + request.pathParams.at("id"));
    context.store.deleteAssignment(assignment->id);
    context.store.appendAudit({0, Timestamp::now().toRfc3339(), caller.userId, "assignment.delete",
                               "assignment/" + assignment->id,
                               json::serialize(bj::object{{"project_id", assignment->projectId},
                                                          {"user_id", assignment->userId}}),
                               std::nullopt});
    return noContent();
}

} // namespace

void addRegisterRoutes(Router& router, ServerContext& context) {
    auto& auth = context.auth;
    router.add("GET", "/v1/facilities", signedIn(auth, [&context](const Request& r, const Caller& c) {
        const auto query = queryFor(r, c);
        return page(context.store.listFacilities(query), query.limit, "facilities", domain::facilityToJson);
    }));
    router.add("GET", "/v1/facilities/{id}", signedIn(auth, [&context](const Request& r, const Caller& c) {
        const auto facility = context.store.findFacility(pathId(r));
        if (!facility || !c.maySee(*facility))
            notFound("facility " + r.pathParams.at("id"));
        return jsonResponse(200, domain::facilityToJson(*facility));
    }));
    router.add("POST", "/v1/facilities", signedIn(auth, [&context](const Request& r, const Caller& c) {
        return registerFacility(context, r, c);
    }));
    router.add("PUT", "/v1/facilities/{id}", signedIn(auth, [&context](const Request& r, const Caller& c) {
        return updateFacility(context, r, c);
    }));
    router.add("GET", "/v1/projects", signedIn(auth, [&context](const Request& r, const Caller& c) {
        const auto query = queryFor(r, c);
        return page(context.store.listProjects(query), query.limit, "projects", domain::projectToJson);
    }));
    router.add("GET", "/v1/projects/{id}", signedIn(auth, [&context](const Request& r, const Caller& c) {
        const auto project = context.store.findProject(pathId(r));
        if (!project || !c.maySee(*project))
            notFound("project " + r.pathParams.at("id"));
        return jsonResponse(200, domain::projectToJson(*project));
    }));
    router.add("GET", "/v1/projects/{id}/assignments", signedIn(auth, [&context](const Request& r, const Caller& c) {
        return listAssignments(context, r, c);
    }));
    router.add("POST", "/v1/assignments", signedIn(auth, [&context](const Request& r, const Caller& c) {
        return createAssignment(context, r, c);
    }));
    router.add("DELETE", "/v1/assignments/{id}", signedIn(auth, [&context](const Request& r, const Caller& c) {
        return deleteAssignment(context, r, c);
    }));
}

} // namespace kc::server
