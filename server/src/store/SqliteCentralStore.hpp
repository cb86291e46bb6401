#pragma once

#include "store/SqlCentralStore.hpp"

#include <filesystem>
#include <string>

namespace kc::server {

//! The embedded default: one SQLite file in the data folder, migrated on open.
class SqliteCentralStore final : public SqlCentralStore {
public:
    //! Opens (creating when absent) `dataDir`/kcfield.sqlite3 and migrates it.
    explicit SqliteCentralStore(const std::filesystem::path& dataDir);

    std::string engine() const override { return "sqlite"; }
    std::string location() const override { return m_file; }
    int schemaVersion() override;
    std::int64_t sizeOnDisk() override;
    //! VACUUM INTO: a consistent, compact copy from one read transaction.
    void backup(const std::filesystem::path& destination) override;

    static constexpr const char* kFileName = "kcfield.sqlite3";

private:
    SqliteCentralStore(const std::filesystem::path& dataDir, std::string file);
    std::string m_file;
};

} // namespace kc::server
