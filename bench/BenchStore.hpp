#pragma once

// Which store the server benchmarks run on: SQLite by default, PostgreSQL in ./kc bench's
// second pass (KC_TEST_STORE, as the tests use it: tests/support/TestStore.hpp).
#include "../tests/support/TestStore.hpp"

#include "store/SqliteCentralStore.hpp"
#include "store/pg/PgCentralStore.hpp"

#include <memory>

namespace kc::bench {

//! The store a benchmark prepares before its server opens it: SQLite in `dir`, or, with
//! KC_TEST_STORE set (./kc bench's PostgreSQL pass), the database that belongs to `dir`.
inline std::unique_ptr<server::CentralStore> openBenchStore(const std::filesystem::path& dir) {
    if (test::onPostgres())
        return std::make_unique<server::PgCentralStore>(test::postgresFor(dir),
                                                        server::PgCentralStore::Options{std::chrono::seconds(0), nullptr});
    return std::make_unique<server::SqliteCentralStore>(dir);
}

//! "sqlite" or "postgresql": which store a benchmark ran on, for its JSON line.
inline const char* benchEngine() { return test::onPostgres() ? "postgresql" : "sqlite"; }

} // namespace kc::bench
