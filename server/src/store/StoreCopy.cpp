#include "store/StoreCopy.hpp"

#include "store/SqliteCentralStore.hpp"
#include "store/SqliteEngine.hpp"
#include "store/pg/PgCentralStore.hpp"
#include "store/pg/PgEngine.hpp"
#include "util/Sha256.hpp"

#include "kc/db/Database.hpp"

#include <cstdio>
#include <ostream>
#include <stdexcept>

namespace kc::server {

namespace {

// Every table of the store, parents before children (foreign keys), with the columns that order
// its rows. rate_events (recent sign-in failures) is left behind on purpose: it is minutes long.
struct TableOrder {
    const char* name;
    const char* orderBy;
};
constexpr TableOrder kTables[] = {
    {"meta", "key"},
    {"provinces", "code"},
    {"communes", "code"},
    {"users", "id"},
    {"user_provinces", "user_id, province_code"},
    {"facilities", "id"},
    {"projects", "id"},
    {"project_beneficiaries", "project_id, facility_id"},
    {"forms", "id, version"},
    {"tokens", "hash"},
    {"enrollment_codes", "hash"},
    {"assignments", "id"},
    {"changes", "seq"},
    {"submissions", "id"},
    {"submission_revisions", "submission_id, revision"},
    {"submission_attachments", "sha256, submission_id, revision"},
    {"receipts", "submission_id, content_hash"},
    {"attachments", "sha256"},
    {"uploads", "sha256, user_id"},
    {"audit_log", "id"},
    {"report_facts", "submission_id"},
};

enum class Kind { Integer, Real, Text };
struct Column {
    std::string name;
    Kind kind;
};

std::vector<Column> columnsOf(SqlDatabase& sqlite, const std::string& table) {
    std::vector<Column> columns;
    auto info = sqlite.prepare("SELECT name, upper(type) FROM pragma_table_info(?) ORDER BY cid");
    info.bindAll(table);
    while (info.step()) {
        const std::string type = info.getText(1);
        columns.push_back({info.getText(0), type.find("INT") != std::string::npos ? Kind::Integer
                                            : type == "REAL"                      ? Kind::Real
                                                                                  : Kind::Text});
    }
    if (columns.empty())
        throw std::runtime_error("the SQLite store has no table " + table);
    return columns;
}

std::string columnList(const std::vector<Column>& columns) {
    std::string list;
    for (const auto& column : columns)
        list += (list.empty() ? "" : ", ") + column.name;
    return list;
}

//! A value as the hash sees it: typed the same way on both engines.
void hashValue(Sha256& hash, const SqlStatement& row, int index, Kind kind) {
    if (row.isNull(index)) {
        hash.update(std::string_view("\x01N", 2));
        return;
    }
    std::string text;
    if (kind == Kind::Integer) {
        text = std::to_string(row.getInt64(index));
    } else if (kind == Kind::Real) {
        char buffer[40];
        const int written = std::snprintf(buffer, sizeof buffer, "%.17g", row.getDouble(index));
        text.assign(buffer, static_cast<std::size_t>(written));
    } else {
        text = row.getText(index);
    }
    hash.update(std::string_view("\x01V", 2));
    hash.update(std::to_string(text.size()) + ":");
    hash.update(text);
}

std::pair<std::int64_t, std::string> countAndHash(SqlDatabase& db, const TableOrder& table,
                                                  const std::vector<Column>& columns) {
    auto rows = db.prepare("SELECT " + columnList(columns) + " FROM " + table.name + " ORDER BY " + table.orderBy);
    Sha256 hash;
    std::int64_t count = 0;
    while (rows.step()) {
        ++count;
        for (std::size_t c = 0; c < columns.size(); ++c)
            hashValue(hash, rows, static_cast<int>(c), columns[c].kind);
        hash.update(std::string_view("\x02", 1));
    }
    return {count, hash.hexDigest()};
}

//! One value read from the source, as its column's kind.
struct Value {
    bool null = true;
    std::int64_t integer = 0;
    double real = 0;
    std::string text;
};

Value readValue(const SqlStatement& row, int column, Kind kind) {
    Value value;
    value.null = row.isNull(column);
    if (value.null)
        return value;
    if (kind == Kind::Integer)
        value.integer = row.getInt64(column);
    else if (kind == Kind::Real)
        value.real = row.getDouble(column);
    else
        value.text = row.getText(column);
    return value;
}

void bindValue(SqlStatement& insert, int index, const Value& value, Kind kind) {
    if (value.null)
        insert.bind(index, nullptr);
    else if (kind == Kind::Integer)
        insert.bind(index, value.integer);
    else if (kind == Kind::Real)
        insert.bind(index, value.real);
    else
        insert.bind(index, value.text);
}

//! Copies one table in multi-row INSERTs of up to 500 rows; returns the rows copied.
std::int64_t copyTable(SqlDatabase& from, SqlDatabase& to, const TableOrder& table, const std::vector<Column>& columns,
                       std::ostream& progress) {
    const std::string list = columnList(columns);
    auto rows = from.prepare("SELECT " + list + " FROM " + table.name + " ORDER BY " + table.orderBy);
    constexpr std::size_t kBatch = 500;
    std::string oneRow = "(";
    for (std::size_t c = 0; c < columns.size(); ++c)
        oneRow += c ? ", ?" : "?";
    oneRow += ")";
    const auto insertSql = [&](std::size_t count) {
        // The feed's sequence numbers and the audit log's ids are copied as they are.
        std::string sql = std::string("INSERT INTO ") + table.name + " (" + list + ") OVERRIDING SYSTEM VALUE VALUES ";
        for (std::size_t r = 0; r < count; ++r)
            sql += (r ? ", " : "") + oneRow;
        return sql;
    };
    const std::string fullBatch = insertSql(kBatch);
    std::int64_t copied = 0;
    std::vector<Value> batch;
    for (bool more = rows.step(); more;) {
        batch.clear();
        std::size_t count = 0;
        for (; more && count < kBatch; ++count, more = rows.step())
            for (std::size_t c = 0; c < columns.size(); ++c)
                batch.push_back(readValue(rows, static_cast<int>(c), columns[c].kind));
        auto insert = count == kBatch ? to.prepareCached(fullBatch) : to.prepare(insertSql(count));
        for (std::size_t v = 0; v < batch.size(); ++v)
            bindValue(insert, static_cast<int>(v) + 1, batch[v], columns[v % columns.size()].kind);
        insert.run();
        copied += static_cast<std::int64_t>(count);
        if (copied / 50'000 != (copied - static_cast<std::int64_t>(count)) / 50'000)
            progress << "  " << table.name << ": " << copied << " rows…\n" << std::flush;
    }
    return copied;
}

} // namespace

std::vector<CopiedTable> copySqliteToPostgres(const std::filesystem::path& dataDir, const std::string& target,
                                              std::ostream& progress) {
    std::error_code ec;
    const auto file = std::filesystem::absolute(dataDir).lexically_normal() / SqliteCentralStore::kFileName;
    if (!std::filesystem::is_regular_file(file, ec))
        throw std::invalid_argument("there is no SQLite store at " + file.string() + "; check --from");
    { SqliteCentralStore migrated(dataDir); }  // the source at this program's schema
    { PgCentralStore created(target, {std::chrono::seconds(10), &progress}); }  // the target's schema
    auto from = sqliteEngine(db::Database::open(file, {.readOnly = true}));
    auto to = postgresEngine(target);

    for (const auto& table : kTables) {
        auto rows = to->prepare(std::string("SELECT EXISTS (SELECT 1 FROM ") + table.name + ")");
        if (rows.step() && rows.getInt64(0))
            throw std::invalid_argument("the PostgreSQL store is not empty (its table " + std::string(table.name) +
                                        " has rows): copy into a new, empty database");
    }
    std::vector<CopiedTable> report;
    SqlTransaction snapshot(*from, SqlTransaction::Mode::Snapshot);  // one consistent state of the source
    SqlTransaction transaction(*to);  // all of it, or none
    for (const auto& table : kTables) {
        const auto columns = columnsOf(*from, table.name);
        CopiedTable copied{table.name, copyTable(*from, *to, table, columns, progress), {}, {}};
        progress << "copied " << table.name << ": " << copied.rows << " rows\n" << std::flush;
        report.push_back(std::move(copied));
    }
    // Identities continue after the copied numbers: the next change gets the next sequence number.
    to->exec("SELECT setval(pg_get_serial_sequence('changes', 'seq'), "
             "(SELECT coalesce(max(seq), 0) + 1 FROM changes), false)");
    to->exec("SELECT setval(pg_get_serial_sequence('audit_log', 'id'), "
             "(SELECT coalesce(max(id), 0) + 1 FROM audit_log), false)");
    for (auto& copied : report) {
        const TableOrder* table = nullptr;
        for (const auto& t : kTables)
            if (copied.name == t.name)
                table = &t;
        const auto columns = columnsOf(*from, copied.name);
        const auto [sourceRows, sourceHash] = countAndHash(*from, *table, columns);
        const auto [targetRows, targetHash] = countAndHash(*to, *table, columns);
        copied.sourceHash = sourceHash;
        copied.targetHash = targetHash;
        if (sourceRows != copied.rows || targetRows != copied.rows || sourceHash != targetHash)
            throw std::runtime_error("the copy of " + copied.name + " differs from the source (" +
                                     std::to_string(sourceRows) + " rows there, " + std::to_string(targetRows) +
                                     " here): nothing was committed");
    }
    transaction.commit();
    snapshot.commit();
    // Millions of rows just written have no planner statistics and no visibility map yet: the
    // first reports would plan blind and read the heap beside every index. VACUUM (ANALYZE)
    // now, rather than whenever autovacuum comes by.
    progress << "vacuuming and analysing the copied tables…\n" << std::flush;
    to->exec("VACUUM (ANALYZE)");
    return report;
}

} // namespace kc::server
