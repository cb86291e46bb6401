#pragma once

// Which store engine the tests run on. By default SQLite in each test's folder; with
// KC_TEST_STORE set to a PostgreSQL connection string (CTest's second run of the server tests,
// on the throwaway cluster of scripts/pg-test-cluster.sh) each test folder gets a database of
// its own on that server, made afresh with the folder.
#include <filesystem>
#include <string>
#include <vector>

namespace kc::test {

//! Whether the tests run on PostgreSQL (KC_TEST_STORE is set).
bool onPostgres();
//! The connection string of the database that belongs to `dir`, made when missing.
std::string postgresFor(const std::filesystem::path& dir);
//! Drops the database that belongs to `dir`, when there is one (a fresh folder, a fresh store).
void dropPostgresFor(const std::filesystem::path& dir);
//! {"--store", postgresFor(dir)} on PostgreSQL, nothing on SQLite: for the server and its CLI.
std::vector<std::string> storeArgs(const std::filesystem::path& dir);

} // namespace kc::test
