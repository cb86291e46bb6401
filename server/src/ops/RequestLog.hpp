#pragma once

#include "http/HttpServer.hpp"
#include "ops/Metrics.hpp"

#include <ostream>

namespace kc::server {

//! An observer that writes one JSON line per request to `out` (time, method, route,
//! status, duration, user, address) and counts it in `metrics`.
ResponseObserver requestLogger(std::ostream& out, Metrics& metrics);

} // namespace kc::server
