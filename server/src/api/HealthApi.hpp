#pragma once

#include "http/Router.hpp"
#include "store/CentralStore.hpp"

namespace kc::server {

//! GET /healthz: whether the server and its store answer (docs/protocol.md).
Response handleHealth(CentralStore& store);

void addHealthRoutes(Router& router, CentralStore& store);

} // namespace kc::server
