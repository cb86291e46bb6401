#pragma once

#include "kc/db/Migrations.hpp"

#include <span>

namespace kc::app {

//! The schema steps of the device's store, oldest first.
std::span<const db::Migration> localMigrations();

} // namespace kc::app
