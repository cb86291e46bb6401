#include "kc/db/Database.hpp"
#include "kc/db/DbError.hpp"
#include "kc/db/Migrations.hpp"
#include "kc/db/Transaction.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <sqlite3.h>

using namespace kc::db;

namespace {
std::filesystem::path freshFile(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / "kc-shared-tests";
    std::filesystem::create_directories(dir);
    auto file = dir / (name + ".sqlite3");
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(file.string() + suffix);
    return file;
}

long long countRows(Database& db, const std::string& table) {
    auto statement = db.prepare("SELECT count(*) FROM " + table);
    statement.step();
    return statement.getInt64(0);
}
} // namespace

TEST_CASE("a file database opens with WAL, foreign keys and a busy timeout", "[db]") {
    auto file = freshFile("open");
    auto db = Database::open(file);
    CHECK(db.journalMode() == "wal");
    auto fk = db.prepare("PRAGMA foreign_keys");
    REQUIRE(fk.step());
    CHECK(fk.getInt(0) == 1);
    CHECK(db.fileName() == std::filesystem::canonical(file).string());

    db.exec("CREATE TABLE parent (id INTEGER PRIMARY KEY);"
            "CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent(id))");
    CHECK_THROWS_AS(db.exec("INSERT INTO child VALUES (42)"), DbError);
}

TEST_CASE("opening a file in a missing folder names the file", "[db]") {
    try {
        Database::open("/nonexistent-folder/kc/db.sqlite3");
        FAIL("expected an error");
    } catch (const DbError& error) {
        CHECK_THAT(error.what(), Catch::Contains("/nonexistent-folder/kc/db.sqlite3"));
        CHECK(error.primaryCode() == SQLITE_CANTOPEN);
    }
}

TEST_CASE("statements bind and read every type", "[db]") {
    auto db = Database::openInMemory();
    db.exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)");
    const Blob blob{0x00, 0xff, 0x10};
    db.prepare("INSERT INTO t VALUES (?, ?, ?, ?, ?)")
        .bindAll(std::int64_t{9'000'000'000'000}, 1.5, std::string("Tâm Hòa"), blob, nullptr)
        .run();
    CHECK(db.changes() == 1);

    auto select = db.prepare("SELECT i, r, s, b, n FROM t");
    REQUIRE(select.step());
    CHECK(select.columnCount() == 5);
    CHECK(select.columnName(2) == "s");
    CHECK(select.getInt64(0) == 9'000'000'000'000);
    CHECK(select.getDouble(1) == 1.5);
    CHECK(select.getText(2) == "Tâm Hòa");
    CHECK(select.getBlob(3) == blob);
    CHECK(select.isNull(4));
    CHECK_FALSE(select.getOptionalText(4).has_value());
    CHECK(select.getOptionalInt64(0) == 9'000'000'000'000);
    CHECK_FALSE(select.step());
}

TEST_CASE("named parameters and optionals bind, unknown names are refused", "[db]") {
    auto db = Database::openInMemory();
    db.exec("CREATE TABLE t (name TEXT, workforce INTEGER)");
    auto insert = db.prepare("INSERT INTO t VALUES (:name, :workforce)");
    insert.bind(":name", std::string("HTX Cai Bộ")).bind(":workforce", std::optional<int>{});
    insert.run();
    insert.reset();
    insert.bind(":name", "Phúc Sen").bind(":workforce", std::optional<int>{12});
    insert.run();
    auto select = db.prepare("SELECT workforce FROM t ORDER BY rowid");
    REQUIRE(select.step());
    CHECK(select.isNull(0));
    REQUIRE(select.step());
    CHECK(select.getInt(0) == 12);

    try {
        insert.bind(":capacity", 1);
        FAIL("expected an error");
    } catch (const DbError& error) {
        CHECK_THAT(error.what(), Catch::Contains(":capacity"));
        CHECK(error.sql() == "INSERT INTO t VALUES (:name, :workforce)");
    }
}

TEST_CASE("reading a column as the wrong type or out of range throws", "[db]") {
    auto db = Database::openInMemory();
    auto select = db.prepare("SELECT 'text', NULL, 5000000000");
    REQUIRE(select.step());
    CHECK_THROWS_WITH(select.getInt64(0), Catch::Contains("is not an integer"));
    CHECK_THROWS_WITH(select.getText(1), Catch::Contains("is NULL"));
    CHECK_THROWS_WITH(select.getInt(2), Catch::Contains("does not fit in an int"));
    CHECK_THROWS_WITH(select.getText(7), Catch::Contains("column 7 is not in the current row"));
}

TEST_CASE("errors carry SQLite's message, code and the statement", "[db]") {
    auto db = Database::openInMemory();
    db.exec("CREATE TABLE users (username TEXT UNIQUE)");
    db.prepare("INSERT INTO users VALUES ('canbo')").run();
    try {
        db.prepare("INSERT INTO users VALUES ('canbo')").run();
        FAIL("expected a constraint error");
    } catch (const DbError& error) {
        CHECK(error.code() == SQLITE_CONSTRAINT_UNIQUE);
        CHECK(error.primaryCode() == SQLITE_CONSTRAINT);
        CHECK_THAT(error.what(), Catch::Contains("UNIQUE constraint failed: users.username"));
        CHECK_THAT(error.what(), Catch::Contains("INSERT INTO users VALUES ('canbo')"));
    }
    CHECK_THROWS_WITH(db.prepare("SELEC 1"), Catch::Contains("syntax error") && Catch::Contains("SELEC 1"));
    CHECK_THROWS_WITH(db.prepare("SELECT 1; SELECT 2"), Catch::Contains("more than one statement"));
}

TEST_CASE("a transaction rolls back when an exception escapes and commits otherwise", "[db]") {
    auto db = Database::open(freshFile("tx"));
    db.exec("CREATE TABLE t (x INTEGER)");

    SECTION("exception: nothing is kept") {
        CHECK_THROWS_AS(inTransaction(db,
                                      [&] {
                                          db.exec("INSERT INTO t VALUES (1)");
                                          db.exec("INSERT INTO t VALUES (2)");
                                          throw std::runtime_error("the app was killed");
                                      }),
                        std::runtime_error);
        CHECK_FALSE(db.inTransaction());
        CHECK(countRows(db, "t") == 0);
    }
    SECTION("scope left without commit: rolled back") {
        {
            Transaction transaction(db);
            db.exec("INSERT INTO t VALUES (1)");
            CHECK(db.inTransaction());
        }
        CHECK(countRows(db, "t") == 0);
    }
    SECTION("commit: kept, and the value is returned") {
        auto id = inTransaction(db, [&] {
            db.exec("INSERT INTO t VALUES (7)");
            return db.lastInsertRowId();
        });
        CHECK(id == 1);
        CHECK(countRows(db, "t") == 1);
    }
}

TEST_CASE("a second connection waits on the busy timeout instead of failing", "[db]") {
    auto file = freshFile("busy");
    auto writer = Database::open(file);
    writer.exec("CREATE TABLE t (x INTEGER)");
    auto other = Database::open(file, {.readOnly = false, .walJournal = true,
                                       .busyTimeout = std::chrono::milliseconds(50)});
    Transaction holding(writer);
    writer.exec("INSERT INTO t VALUES (1)");
    try {
        other.exec("INSERT INTO t VALUES (2)");
        FAIL("expected SQLITE_BUSY while the other connection holds the write lock");
    } catch (const DbError& error) {
        CHECK(error.primaryCode() == SQLITE_BUSY);
    }
    holding.commit();
    other.exec("INSERT INTO t VALUES (2)");
    CHECK(countRows(other, "t") == 2);
}

namespace {
constexpr Migration kSteps[] = {
    {1, "facilities", "CREATE TABLE facilities (id TEXT PRIMARY KEY, name TEXT NOT NULL)"},
    {2, "workforce", "ALTER TABLE facilities ADD COLUMN workforce INTEGER"},
};
}

TEST_CASE("migrations run in order once and record user_version", "[db][migrations]") {
    auto file = freshFile("migrate");
    {
        auto db = Database::open(file);
        CHECK(db.userVersion() == 0);
        CHECK(migrate(db, std::span(kSteps).first(1)) == 1);
        CHECK(db.userVersion() == 1);
    }
    auto db = Database::open(file);
    CHECK(migrate(db, kSteps) == 2);
    CHECK(db.userVersion() == 2);
    db.exec("INSERT INTO facilities VALUES ('a', 'HTX Tâm Hòa', 35)");
    CHECK(migrate(db, kSteps) == 2);  // again: nothing to do, nothing lost
    CHECK(countRows(db, "facilities") == 1);
}

TEST_CASE("a failing migration leaves the last good version and says which step failed",
          "[db][migrations]") {
    auto db = Database::openInMemory();
    const Migration broken[] = {
        kSteps[0],
        {2, "bad step", "ALTER TABLE facilities ADD COLUMN x INTEGER; CREATE TABLE oops (;"},
    };
    CHECK_THROWS_WITH(migrate(db, broken),
                      Catch::Contains("migration 2 (bad step) failed") && Catch::Contains("syntax error"));
    CHECK(db.userVersion() == 1);
    auto columns = db.prepare("SELECT count(*) FROM pragma_table_info('facilities') WHERE name = 'x'");
    columns.step();
    CHECK(columns.getInt(0) == 0);
}

TEST_CASE("a database newer than the program, or a gap in the list, is refused", "[db][migrations]") {
    auto db = Database::openInMemory();
    db.setUserVersion(5);
    CHECK_THROWS_WITH(migrate(db, kSteps), Catch::Contains("schema version 5 is newer"));
    auto fresh = Database::openInMemory();
    const Migration gap[] = {kSteps[0], {3, "skips 2", "SELECT 1"}};
    CHECK_THROWS_WITH(migrate(fresh, gap), Catch::Contains("out of order"));
    CHECK(fresh.userVersion() == 0);
}

namespace {
int openStatements(Database& db) {
    int count = 0;
    for (sqlite3_stmt* s = sqlite3_next_stmt(db.handle(), nullptr); s; s = sqlite3_next_stmt(db.handle(), s))
        ++count;
    return count;
}
} // namespace

TEST_CASE("cached statements are compiled once, come back clean and survive schema changes", "[db]") {
    auto db = Database::openInMemory();
    db.exec("CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)");
    const char* insert = "INSERT INTO t (k, v) VALUES (?, ?)";
    for (int i = 0; i < 5; ++i)
        db.prepareCached(insert).bindAll(std::to_string(i), i).run();
    CHECK(openStatements(db) == 1); // one compiled statement, reused five times
    CHECK(countRows(db, "t") == 5);

    {   // used while another copy is in use: a second statement, and both are kept
        auto outer = db.prepareCached("SELECT v FROM t WHERE k = ?");
        outer.bind(1, "3");
        auto inner = db.prepareCached("SELECT v FROM t WHERE k = ?");
        inner.bind(1, "4");
        REQUIRE(outer.step());
        REQUIRE(inner.step());
        CHECK(outer.getInt(0) == 3);
        CHECK(inner.getInt(0) == 4);
    }
    CHECK(openStatements(db) == 3);

    // A statement comes back reset with its bindings cleared: an unbound parameter is NULL.
    auto again = db.prepareCached("SELECT v FROM t WHERE k = ?");
    CHECK_FALSE(again.step());

    db.exec("ALTER TABLE t ADD COLUMN w INTEGER DEFAULT 7");
    db.prepareCached(insert).bindAll(std::string("new"), 9).run();
    auto check = db.prepare("SELECT v, w FROM t WHERE k = 'new'");
    REQUIRE(check.step());
    CHECK(check.getInt(0) == 9);
    CHECK(check.getInt(1) == 7);
}
