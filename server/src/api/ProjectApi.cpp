// The project register kept by central staff (docs/protocol.md, "Registers"): a new project and
// a change to one, checked as an import checks its rows (admin/RegisterImport's checkProject).
#include "api/ApiRoutes.hpp"

#include "admin/RegisterImport.hpp"
#include "api/ApiSupport.hpp"

#include "kc/domain/RegisterJson.hpp"
#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <boost/json.hpp>

namespace kc::server {
namespace {

namespace bj = boost::json;

//! The project in the body, read by the register's own codec, with `id`.
domain::Project projectFromBody(const Request& request, const std::string& id) {
    auto value = parseJsonBody(request);
    auto& object = value.as_object();
    if (object.contains("id") && object.at("id") != bj::value(id))
        throwInvalid("id", "the id is the server's (or the one in the address); leave it out");
    object["id"] = id;
    if (!object.contains("beneficiaries"))
        object["beneficiaries"] = bj::array();
    try {
        return domain::projectFromJson(value, "");
    } catch (const json::JsonError& error) {
        throwInvalid(error.path(), error.problem());
    }
}

void check(ServerContext& context, const domain::Project& project, const Caller& caller) {
    if (!caller.inProvince(project.provinceCode))
        throw ApiException(403, "forbidden", "province " + project.provinceCode + " is not one of yours",
                           {{"province", "not your province"}});
    try {
        checkProject(context.store, project, &caller.provinces);
    } catch (const json::JsonError& error) {
        if (error.path() == "code")
            throw ApiException(409, "code_taken", error.problem(), {{"code", error.problem()}});
        throwInvalid(error.path(), error.problem());
    }
}

void audit(ServerContext& context, const Caller& caller, const char* action, const domain::Project& project,
           const std::optional<domain::Project>& before) {
    context.store.appendAudit({0, Timestamp::now().toRfc3339(), caller.userId, action, "project/" + project.id,
                               before ? std::optional(json::serialize(domain::projectToJson(*before))) : std::nullopt,
                               json::serialize(domain::projectToJson(project))});
}

Response create(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "keep the project register");
    const auto project = projectFromBody(request, Uuid::v7().toString());
    check(context, project, caller);
    context.store.createProject(project);
    const auto stored = *context.store.findProject(project.id);
    audit(context, caller, "project.create", stored, std::nullopt);
    return jsonResponse(201, domain::projectToJson(stored));
}

Response update(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Reviewer, domain::Role::Admin}, "keep the project register");
    const auto before = context.store.findProject(pathId(request));
    if (!before || !caller.maySee(*before))
        notFound("project " + request.pathParams.at("id"));
    const auto project = projectFromBody(request, before->id);
    check(context, project, caller);
    context.store.updateProject(project);
    const auto stored = *context.store.findProject(project.id);
    audit(context, caller, "project.update", stored, before);
    return jsonResponse(200, domain::projectToJson(stored));
}

} // namespace

void addProjectRoutes(Router& router, ServerContext& context) {
    router.add("POST", "/v1/projects", signedIn(context.auth, [&context](const Request& r, const Caller& c) {
        return create(context, r, c);
    }));
    router.add("PUT", "/v1/projects/{id}", signedIn(context.auth, [&context](const Request& r, const Caller& c) {
        return update(context, r, c);
    }));
}

} // namespace kc::server
