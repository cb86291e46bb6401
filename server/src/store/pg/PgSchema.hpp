#pragma once

#include <span>
#include <string_view>

namespace kc::server {

//! One step of the PostgreSQL schema. Its numbers follow SQLite's (ServerSchema.cpp): the first
//! step makes the schema SQLite reaches at version 10, and each later change gets the same
//! number in both lists, so `schema_version` means one thing on either engine.
struct PgMigration {
    int version;
    std::string_view description;
    std::string_view sql;
};

std::span<const PgMigration> pgMigrations();

} // namespace kc::server
