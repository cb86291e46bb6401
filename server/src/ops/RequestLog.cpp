#include "ops/RequestLog.hpp"

#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <cmath>
#include <mutex>

namespace kc::server {

ResponseObserver requestLogger(std::ostream& out, Metrics& metrics, StorageFaults* storage) {
    auto mutex = std::make_shared<std::mutex>();
    return [&out, &metrics, storage, mutex](const std::string& method, const std::string& remote,
                                            const Response& response, double seconds) {
        metrics.observeRequest(response.route, response.status, seconds);
        if (storage && response.status == 507)
            storage->noteFull(response.fault.empty() ? "no detail" : response.fault);
        boost::json::object line{{"at", Timestamp::now().toRfc3339()},
                                 {"method", method},
                                 {"route", response.route.empty() ? "unmatched" : response.route},
                                 {"status", response.status},
                                 {"ms", std::round(seconds * 1e5) / 100.0},
                                 {"user", response.user},
                                 {"remote", remote}};
        if (response.status == 503 && !response.fault.empty())  // the database went away: say why
            line["fault"] = response.fault;
        const std::string text = json::serialize(line) + "\n";
        std::lock_guard lock(*mutex);
        out << text << std::flush;
    };
}

} // namespace kc::server
