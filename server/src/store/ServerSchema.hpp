#pragma once

#include "kc/db/Migrations.hpp"

#include <span>

namespace kc::server {

//! The central store's schema, one migration per version (docs/protocol.md names the
//! version in /healthz). Append only: never edit a released step.
std::span<const db::Migration> serverMigrations();

} // namespace kc::server
