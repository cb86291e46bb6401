#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace kc::server {

//! One table as copied: rows on both sides and the SHA-256 of its rows read back from each.
struct CopiedTable {
    std::string name;
    std::int64_t rows = 0;
    std::string sourceHash;
    std::string targetHash;
};

//! Copies the whole SQLite store of `dataDir` (migrated first) into the empty PostgreSQL store
//! `target` in one transaction: every table row for row, the feed's sequence numbers and the
//! audit log's ids kept (a device's cursor stays valid), identities moved past them. Then it
//! counts and hashes every table on both sides. Throws std::invalid_argument when the target is
//! not empty (naming a table that holds rows), std::runtime_error when a count or a hash
//! differs (nothing is committed then). Progress goes to `progress`, a line per table.
std::vector<CopiedTable> copySqliteToPostgres(const std::filesystem::path& dataDir, const std::string& target,
                                              std::ostream& progress);

} // namespace kc::server
