#include "kc/db/Database.hpp"

#include "kc/db/DbError.hpp"
#include "kc/db/StatementCache.hpp"

#include <sqlite3.h>

namespace kc::db {

namespace {
[[noreturn]] void failOpen(sqlite3* db, int rc, const std::string& what) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    throw DbError(rc, message + " (opening " + what + ")");
}
} // namespace

Database Database::open(const std::filesystem::path& file, const OpenOptions& options) {
    sqlite3* raw = nullptr;
    int flags = options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    flags |= SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    const std::string name = file.string();
    if (int rc = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr); rc != SQLITE_OK)
        failOpen(raw, rc, name);
    Database db(raw);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, static_cast<int>(options.busyTimeout.count()));
    db.exec("PRAGMA foreign_keys = ON");
    if (options.walJournal && !options.readOnly) {
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = NORMAL");
    }
    return db;
}

Database Database::openInMemory() {
    sqlite3* raw = nullptr;
    if (int rc = sqlite3_open_v2(":memory:", &raw,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
        rc != SQLITE_OK)
        failOpen(raw, rc, ":memory:");
    Database db(raw);
    sqlite3_extended_result_codes(raw, 1);
    db.exec("PRAGMA foreign_keys = ON");
    return db;
}

Database::Database(sqlite3* db) : m_db(db), m_cache(std::make_unique<StatementCache>()) {}

Database::Database(Database&& other) noexcept
    : m_db(other.m_db), m_cache(std::move(other.m_cache)) {
    other.m_db = nullptr;
}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        close();
        m_db = other.m_db;
        m_cache = std::move(other.m_cache);
        other.m_db = nullptr;
    }
    return *this;
}

Database::~Database() { close(); }

void Database::close() {
    m_cache.reset(); // finalizes the idle statements first, so the connection really closes
    sqlite3_close_v2(m_db);
    m_db = nullptr;
}

void Database::exec(std::string_view sql) {
    const std::string text(sql);
    char* message = nullptr;
    if (int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message); rc != SQLITE_OK) {
        std::string what = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw DbError(sqlite3_extended_errcode(m_db), what, text);
    }
}

Statement Database::prepare(std::string_view sql) { return Statement(m_db, sql); }

Statement Database::prepareCached(std::string_view sql) {
    std::string text(sql);
    sqlite3_stmt* idle = m_cache->take(text);
    return Statement(m_db, idle, std::move(text), m_cache.get());
}

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }

int Database::changes() const { return sqlite3_changes(m_db); }

bool Database::inTransaction() const { return sqlite3_get_autocommit(m_db) == 0; }

int Database::userVersion() {
    auto statement = prepare("PRAGMA user_version");
    statement.step();
    return statement.getInt(0);
}

void Database::setUserVersion(int version) {
    exec("PRAGMA user_version = " + std::to_string(version));
}

std::string Database::journalMode() {
    auto statement = prepare("PRAGMA journal_mode");
    statement.step();
    return statement.getText(0);
}

std::string Database::fileName() const {
    const char* name = sqlite3_db_filename(m_db, "main");
    return name ? name : "";
}

} // namespace kc::db
