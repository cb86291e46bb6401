#pragma once

#include "store/SqlCentralStore.hpp"
#include "store/pg/PgEngine.hpp"

#include <chrono>
#include <iosfwd>
#include <string>

namespace kc::server {

//! The central store on PostgreSQL, for deployments where several servers share one database.
class PgCentralStore final : public SqlCentralStore {
public:
    struct Options {
        //! How long to wait for a database that does not answer yet at start (it may be starting
        //! too), with a line on `log` per try; zero: fail at once.
        std::chrono::seconds waitAtStart{60};
        std::ostream* log = nullptr;
    };
    //! Connects to `conninfo` and migrates the schema; throws StoreUnavailable when the database
    //! did not answer in time, std::invalid_argument when it refuses (the password, no such
    //! database, a schema newer than this program, a collation other than C).
    PgCentralStore(const std::string& conninfo, const Options& options);

    std::string engine() const override { return "postgresql"; }
    bool sharedByServers() const override { return true; }
    std::string location() const override { return m_where; }
    int schemaVersion() override;
    std::int64_t sizeOnDisk() override;
    //! Refused: a PostgreSQL store is backed up with pg_dump or continuous archiving.
    void backup(const std::filesystem::path& destination) override;
    //! The writer's and the reader's figures added up.
    PgEngineStats stats();
    //! Connections, statements and their time, reconnects, and what to watch on the database:
    //! its backends and the age of its oldest transaction id (wraparound comes at 2^31).
    std::string metricsText() override;

private:
    PgCentralStore(const std::string& conninfo, Engines engines);
    std::string m_where;
};

} // namespace kc::server
