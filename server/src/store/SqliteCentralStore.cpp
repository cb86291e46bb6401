// The embedded default engine: one SQLite file in the data folder.
#include "store/SqliteCentralStore.hpp"

#include "store/ServerSchema.hpp"
#include "store/SqliteEngine.hpp"

#include "kc/db/Migrations.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <unistd.h>

namespace kc::server {

namespace {

db::Database openStore(const std::filesystem::path& dataDir, std::string& file) {
    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec)
        throw std::runtime_error("cannot create the data folder " + dataDir.string() + ": " +
                                 ec.message());
    // SQLite needs to write beside its file (journal, WAL): a folder this user may not write
    // to is named in words, not as "SQLite error 14 (unable to open database file)".
    const auto folder = std::filesystem::absolute(dataDir).lexically_normal();
    const auto probe = folder / (".kcfield-write-test-" + std::to_string(::getpid()));
    if (std::FILE* test = std::fopen(probe.c_str(), "wb")) {
        std::fclose(test);
        std::filesystem::remove(probe, ec);
    } else {
        const int error = errno;
        throw std::runtime_error("the data folder " + folder.string() + " is not writable by this user (uid " +
                                 std::to_string(::getuid()) + "): " + std::strerror(error) +
                                 "; give the user that runs kcfield-server write access to it, or choose "
                                 "another folder with --data");
    }
    file = (folder / SqliteCentralStore::kFileName).string();
    auto database = db::Database::open(file);
    // What the server acknowledges must survive a power cut, not only a crash.
    database.exec("PRAGMA synchronous = FULL");
    // Savepoints of a group commit keep their undo pages, and sorts their rows, in memory
    // rather than in temporary files.
    database.exec("PRAGMA temp_store = MEMORY");
    db::migrate(database, serverMigrations());
    return database;
}

SqlCentralStore::Engines openEngines(const std::filesystem::path& dataDir, std::string& file) {
    SqlCentralStore::Engines engines;
    engines.writer = sqliteEngine(openStore(dataDir, file));  // first: creates and migrates the file
    engines.readers.push_back(sqliteEngine(db::Database::open(file, {.readOnly = true})));
    return engines;
}

} // namespace

SqliteCentralStore::SqliteCentralStore(const std::filesystem::path& dataDir)
    : SqliteCentralStore(dataDir, std::string()) {}

SqliteCentralStore::SqliteCentralStore(const std::filesystem::path& dataDir, std::string file)
    : SqlCentralStore(openEngines(dataDir, file)), m_file(std::move(file)) {}

int SqliteCentralStore::schemaVersion() {
    std::lock_guard lock(writerMutex());
    auto statement = writer().prepareCached("PRAGMA user_version");
    return statement.step() ? statement.getInt(0) : 0;
}

std::int64_t SqliteCentralStore::sizeOnDisk() {
    std::int64_t total = 0;
    for (const char* suffix : {"", "-wal"}) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(m_file + suffix, ec);
        if (!ec)
            total += static_cast<std::int64_t>(size);
    }
    return total;
}

void SqliteCentralStore::backup(const std::filesystem::path& destination) {
    std::error_code ec;
    if (std::filesystem::exists(destination, ec))
        throw std::invalid_argument("the backup file " + destination.string() +
                                    " already exists; choose a new name");
    const auto folder = std::filesystem::absolute(destination, ec).parent_path();
    if (!std::filesystem::is_directory(folder, ec))
        throw std::invalid_argument("the folder " + folder.string() + " does not exist; create it first");
    std::lock_guard lock(writerMutex());
    writer().prepareCached("VACUUM INTO ?").bindAll(destination.string()).run();
}

} // namespace kc::server
