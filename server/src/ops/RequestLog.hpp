#pragma once

#include "http/HttpServer.hpp"
#include "ops/Metrics.hpp"
#include "ops/StorageFaults.hpp"

#include <ostream>

namespace kc::server {

//! An observer that writes one JSON line per request to `out` (time, method, route,
//! status, duration, user, address) and counts it in `metrics`; a 507 is told to `storage`.
ResponseObserver requestLogger(std::ostream& out, Metrics& metrics, StorageFaults* storage = nullptr);

} // namespace kc::server
