#pragma once

#include "http/Router.hpp"
#include "ops/StorageFaults.hpp"
#include "store/CentralStore.hpp"

namespace kc::server {

//! GET /healthz: whether the server and its store answer, and whether storage is full
//! (docs/protocol.md).
Response handleHealth(CentralStore& store, const StorageFaults* storage = nullptr);

void addHealthRoutes(Router& router, CentralStore& store, const StorageFaults* storage = nullptr);

} // namespace kc::server
