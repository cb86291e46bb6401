#include "api/HealthApi.hpp"

#include "kc/Version.hpp"
#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <boost/json/value.hpp>

namespace kc::server {

Response handleHealth(CentralStore& store, const StorageFaults* storage) {
    const bool storeOk = store.ping();
    const auto faults = storage ? storage->state() : StorageFaults::State{};
    boost::json::object storeInfo{{"engine", store.engine()},
                                  {"path", store.location()},
                                  {"reachable", storeOk}};
    if (storeOk)
        storeInfo["schema_version"] = store.schemaVersion();
    storeInfo["full"] = faults.full;
    if (faults.freeBytes >= 0)
        storeInfo["free_bytes"] = faults.freeBytes;
    const bool ok = storeOk && !faults.full;
    boost::json::object body{{"status", !storeOk ? "unavailable" : faults.full ? "storage_full" : "ok"},
                             {"service", "kcfield-server"},
                             {"version", kVersion},
                             {"time", Timestamp::now().toRfc3339()},
                             {"store", std::move(storeInfo)}};
    return Response::json(ok ? 200 : 503, kc::json::serialize(body));
}

void addHealthRoutes(Router& router, CentralStore& store, const StorageFaults* storage) {
    router.add("GET", "/healthz", [&store, storage](const Request&) { return handleHealth(store, storage); });
}

} // namespace kc::server
