#include "api/HealthApi.hpp"

#include "kc/Version.hpp"
#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <boost/json/value.hpp>

namespace kc::server {

Response handleHealth(CentralStore& store) {
    const bool storeOk = store.ping();
    boost::json::object storeInfo{{"engine", store.engine()},
                                  {"path", store.location()},
                                  {"reachable", storeOk}};
    if (storeOk)
        storeInfo["schema_version"] = store.schemaVersion();
    boost::json::object body{{"status", storeOk ? "ok" : "unavailable"},
                             {"service", "kcfield-server"},
                             {"version", kVersion},
                             {"time", Timestamp::now().toRfc3339()},
                             {"store", std::move(storeInfo)}};
    return Response::json(storeOk ? 200 : 503, kc::json::serialize(body));
}

void addHealthRoutes(Router& router, CentralStore& store) {
    router.add("GET", "/healthz", [&store](const Request&) { return handleHealth(store); });
}

} // namespace kc::server
