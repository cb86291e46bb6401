// Gathering single-row INSERTs into multi-row ones for PostgreSQL (store/pg/PgInsertBatches):
// which statements qualify, and that no row is moved ahead of a row it may need.
#include "store/pg/PgInsertBatches.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace kc::server::pg;

namespace {

Values row(std::initializer_list<const char*> values) {
    Values out;
    for (const char* v : values)
        out.emplace_back(v ? std::optional<std::string>(v) : std::nullopt);
    return out;
}

} // namespace

TEST_CASE("insert batches: which statements can be repeated row by row", "[store][pg-batches]") {
    const auto plain = insertShape("INSERT INTO receipts (submission_id, content_hash, receipt) VALUES (?, ?, ?)");
    REQUIRE(plain);
    CHECK(plain->table == "receipts");
    CHECK(plain->params == 3);
    CHECK(plain->row == "(?, ?, ?)");
    CHECK(plain->tail.empty());
    const auto literal = insertShape("INSERT INTO changes (kind, deleted, payload) VALUES (?, 0, lower(?)) ON CONFLICT DO NOTHING");
    REQUIRE(literal);
    CHECK(literal->row == "(?, 0, lower(?))");
    CHECK(literal->params == 2);
    CHECK(literal->tail == " ON CONFLICT DO NOTHING");
    CHECK_FALSE(insertShape("INSERT INTO t (a, b) VALUES (?1, ?1)"));               // numbered
    CHECK_FALSE(insertShape("INSERT INTO t (a) SELECT id FROM u WHERE x = ?"));      // no VALUES
    CHECK_FALSE(insertShape("INSERT INTO t (a) VALUES (?) RETURNING id"));           // rows read back
    CHECK_FALSE(insertShape("INSERT INTO t (a, b) VALUES (?, 'x')"));                // a literal
    CHECK_FALSE(insertShape("INSERT INTO t (a) VALUES (?), (?)"));                   // several rows
    CHECK_FALSE(insertShape("INSERT INTO t (a) VALUES (?) ON CONFLICT (a) DO UPDATE SET a = excluded.a"));
    CHECK_FALSE(insertShape("UPDATE t SET a = ? WHERE b = ?"));
    CHECK_FALSE(insertShape("INSERT INTO t (a) VALUES (1)"));                        // nothing to vary
}

TEST_CASE("insert batches: rows gather by statement, each after what it references", "[store][pg-batches]") {
    const std::set<std::pair<std::string, std::string>> keys{{"revisions", "submissions"},
                                                              {"receipts", "submissions"},
                                                              {"uses", "revisions"}};
    InsertBatches batches([&](const std::string& from, const std::string& to) { return keys.count({from, to}) > 0; });
    const std::string sub = "INSERT INTO submissions (id, owner) VALUES (?, ?)";
    const std::string rev = "INSERT INTO revisions (submission_id, n) VALUES (?, ?)";
    const std::string rcp = "INSERT INTO receipts (submission_id, receipt) VALUES (?, ?)";
    for (const char* id : {"s1", "s2", "s3"}) {
        REQUIRE(batches.add(sub, row({id, "u"})));
        REQUIRE(batches.add(rev, row({id, "1"})));
        REQUIRE(batches.add(rcp, row({id, nullptr})));
    }
    CHECK_FALSE(batches.add(sub, row({"only one value"})));  // not its shape: sent as it is
    CHECK_FALSE(batches.add("DELETE FROM changes WHERE id = ?", row({"x"})));
    CHECK(batches.rows() == 9);
    const auto statements = batches.take();
    REQUIRE(statements.size() == 3);
    CHECK(statements[0].sql == "INSERT INTO submissions (id, owner) VALUES (?, ?), (?, ?), (?, ?)");
    CHECK(statements[0].values == row({"s1", "u", "s2", "u", "s3", "u"}));
    CHECK(statements[1].sql.rfind("INSERT INTO revisions", 0) == 0);
    CHECK(statements[1].rows == 3);
    CHECK(statements[2].values == row({"s1", nullptr, "s2", nullptr, "s3", nullptr}));
    CHECK(batches.rows() == 0);
    CHECK(batches.take().empty());

    // A row never jumps ahead of a table it references, nor of its own table's other statement.
    const std::string use = "INSERT INTO uses (revision, sha) VALUES (?, ?)";
    const std::string subIgnoring = "INSERT INTO submissions (id, owner) VALUES (?, ?) ON CONFLICT DO NOTHING";
    REQUIRE(batches.add(use, row({"r1", "a"})));
    REQUIRE(batches.add(rev, row({"s4", "2"})));
    REQUIRE(batches.add(use, row({"r2", "b"})));  // uses references revisions: after it, apart
    REQUIRE(batches.add(sub, row({"s5", "u"})));
    REQUIRE(batches.add(subIgnoring, row({"s5", "v"})));
    REQUIRE(batches.add(sub, row({"s6", "u"})));  // same table as the group before: apart
    const auto ordered = batches.take();
    REQUIRE(ordered.size() == 6);
    CHECK(ordered[0].values == row({"r1", "a"}));
    CHECK(ordered[1].sql == rev);
    CHECK(ordered[2].values == row({"r2", "b"}));
    CHECK(ordered[4].sql == subIgnoring);
    CHECK(ordered[5].values == row({"s6", "u"}));
}

TEST_CASE("insert batches: a statement never carries more parameters than PostgreSQL takes", "[store][pg-batches]") {
    InsertBatches batches([](const std::string&, const std::string&) { return false; });
    const std::string sql = "INSERT INTO t (a, b, c) VALUES (?, ?, ?)";
    for (int i = 0; i < 25000; ++i)
        REQUIRE(batches.add(sql, row({"1", "2", "3"})));
    const auto statements = batches.take();
    REQUIRE(statements.size() == 3);
    std::size_t rows = 0;
    for (const auto& statement : statements) {
        CHECK(statement.values.size() <= 30000);
        CHECK(statement.values.size() == statement.rows * 3);
        rows += statement.rows;
    }
    CHECK(rows == 25000);
}
