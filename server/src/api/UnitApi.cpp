// GET /v1/units and POST /v1/units: the administrative units (provinces and communes, with
// the days they were valid and their successors).
#include "api/ApiRoutes.hpp"

#include "api/ApiSupport.hpp"

#include "kc/domain/RegisterJson.hpp"
#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <boost/json/array.hpp>

namespace kc::server {

namespace bj = boost::json;

namespace {

Response list(ServerContext& context) {
    bj::array units;
    for (const auto& unit : context.store.listUnits())
        units.push_back(domain::unitToJson(unit));
    return jsonResponse(200, bj::object{{"units", std::move(units)}});
}

//! An admin keeps the units of their own provinces: the province itself and its communes.
//! A new province (the national list) is loaded by the operator with `units import`.
Response upsert(ServerContext& context, const Request& request, const Caller& caller) {
    requireRole(caller, {domain::Role::Admin}, "change administrative units");
    const auto body = parseJsonBody(request);
    const json::ObjectReader reader(body, "");
    for (const auto& entry : reader.object())
        if (entry.key() != "units")
            throwInvalid(std::string(entry.key()), "unknown field; the body is {\"units\": [...]}");
    const auto& items = reader.array("units");
    if (items.empty() || items.size() > 5000)
        throwInvalid("units", "expected from 1 to 5000 units");
    std::vector<domain::AdministrativeUnit> units;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string path = "units[" + std::to_string(i) + "]";
        auto unit = domain::unitFromJson(items[i], path);
        const std::string& province = unit.kind == "province" ? unit.code : *unit.parent;
        if (!caller.inProvince(province))
            throw ApiException(403, "forbidden", path + ": province " + province + " is outside your scope",
                               {{path, "province " + province + " is outside your scope"}});
        if (unit.kind == "province" && !context.store.provinceName(unit.code))
            throw ApiException(403, "forbidden", path + ": a new province is added with kcfield-server units import");
        units.push_back(std::move(unit));
    }
    try {
        context.store.atomically([&] {
            context.store.upsertUnits(units);
            context.store.appendAudit({0, Timestamp::now().toRfc3339(), caller.userId, "units.update", "units",
                                       std::nullopt, json::serialize(body)});
        });
    } catch (const std::invalid_argument& error) {
        throw ApiException(422, "invalid_units", error.what());
    }
    return jsonResponse(200, bj::object{{"updated", units.size()}});
}

} // namespace

void addUnitRoutes(Router& router, ServerContext& context) {
    router.add("GET", "/v1/units", signedIn(context.auth, [&context](const Request&, const Caller&) {
        return list(context);
    }));
    router.add("POST", "/v1/units", signedIn(context.auth, [&context](const Request& r, const Caller& c) {
        return upsert(context, r, c);
    }));
}

} // namespace kc::server
