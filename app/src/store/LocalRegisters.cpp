#include "store/LocalStore.hpp"

#include "kc/db/Transaction.hpp"
#include "kc/domain/RegisterJson.hpp"
#include "kc/json/Json.hpp"
#include "kc/text/Fold.hpp"

namespace kc::app {

namespace {

FacilityRow readFacility(db::Statement& row) {
    FacilityRow f;
    f.id = row.getText(0);
    f.name = row.getText(1);
    f.folded = row.getText(2);
    f.province = row.getText(3);
    f.commune = row.getOptionalText(4);
    if (auto data = json::parse(row.getText(5)); data.is_object())
        f.data = std::move(data.get_object());
    f.pending = row.getInt(6) != 0;
    f.needsReview = row.getInt(7) != 0;
    f.syncError = row.getOptionalText(8);
    return f;
}

constexpr const char* kFacilityColumns =
    "SELECT id, name, folded, province, commune, data, pending, needs_review, sync_error "
    "FROM facilities ";

ProjectRow readProject(db::Statement& row) {
    ProjectRow p;
    p.id = row.getText(0);
    p.code = row.getText(1);
    p.title = row.getText(2);
    p.folded = row.getText(3);
    p.province = row.getText(4);
    p.year = row.getInt64(5);
    if (auto data = json::parse(row.getText(6)); data.is_object())
        p.data = std::move(data.get_object());
    return p;
}

constexpr const char* kProjectColumns =
    "SELECT id, code, title, folded, province, year, data FROM projects ";

//! One page of a register, by folded text and id, of the rows matching every word of `query`.
template <class Row, class Read>
std::vector<Row> searchPage(db::Database& db, const char* columns, const std::string& query,
                            int limit, const std::optional<PageKey>& after, Read read) {
    std::string sql = columns;
    sql += "WHERE (?1 = '' OR kc_match(folded, ?1)) ";
    if (after)
        sql += "AND (folded, id) > (?3, ?4) ";
    sql += "ORDER BY folded, id LIMIT ?2";
    auto rows = db.prepareCached(sql);
    rows.bind(1, text::foldForSearch(query)).bind(2, limit);
    if (after)
        rows.bind(3, after->folded).bind(4, after->id);
    std::vector<Row> out;
    while (rows.step())
        out.push_back(read(rows));
    return out;
}

} // namespace

void LocalStore::putFacility(const boost::json::object& data, bool pending) {
    // Read through the shared codec: the same rules as the server's, text in NFC.
    const domain::Facility facility = domain::facilityFromJson(data);
    const boost::json::object wire = domain::facilityToJson(facility);
    m_db.prepareCached(
            "INSERT INTO facilities (id, province, commune, name, folded, data, pending) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "province = excluded.province, commune = excluded.commune, name = excluded.name, "
            "folded = excluded.folded, data = excluded.data, pending = excluded.pending, "
            "sync_error = NULL")
        .bindAll(facility.id, facility.provinceCode, facility.communeCode, facility.name,
                 text::foldForSearch(facility.name), json::serialize(wire), pending)
        .run();
    changed(RegistersChanged);
}

std::optional<FacilityRow> LocalStore::facility(const std::string& id) {
    auto row = m_db.prepareCached(std::string(kFacilityColumns) + "WHERE id = ?");
    row.bind(1, id);
    if (!row.step())
        return std::nullopt;
    return readFacility(row);
}

std::vector<FacilityRow> LocalStore::searchFacilities(const std::string& query, int limit,
                                                      const std::optional<PageKey>& after) {
    return searchPage<FacilityRow>(m_db, kFacilityColumns, query, limit, after, readFacility);
}

std::int64_t LocalStore::facilityCount() {
    auto row = m_db.prepareCached("SELECT count(*) FROM facilities");
    row.step();
    return row.getInt64(0);
}

std::vector<FacilityRow> LocalStore::pendingFacilities() {
    auto rows = m_db.prepareCached(std::string(kFacilityColumns) + "WHERE pending = 1 ORDER BY id");
    std::vector<FacilityRow> out;
    while (rows.step())
        out.push_back(readFacility(rows));
    return out;
}

void LocalStore::acknowledgeFacility(const std::string& id, const boost::json::object& stored,
                                     bool needsReview) {
    db::inTransaction(m_db, [&] {
        putFacility(stored, false);
        m_db.prepareCached("UPDATE facilities SET needs_review = ? WHERE id = ?")
            .bindAll(needsReview, id)
            .run();
    });
    changed(RegistersChanged);
}

void LocalStore::setFacilityError(const std::string& id, const std::string& error) {
    m_db.prepareCached("UPDATE facilities SET sync_error = ? WHERE id = ?").bindAll(error, id).run();
    changed(RegistersChanged);
}

void LocalStore::putProject(const boost::json::object& data) {
    const domain::Project project = domain::projectFromJson(data);
    m_db.prepareCached(
            "INSERT INTO projects (id, province, code, title, folded, year, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "province = excluded.province, code = excluded.code, title = excluded.title, "
            "folded = excluded.folded, year = excluded.year, data = excluded.data")
        .bindAll(project.id, project.provinceCode, project.code, project.title,
                 text::foldForSearch(project.code + " " + project.title), project.year,
                 json::serialize(domain::projectToJson(project)))
        .run();
    changed(RegistersChanged);
}

std::optional<ProjectRow> LocalStore::project(const std::string& id) {
    auto row = m_db.prepareCached(std::string(kProjectColumns) + "WHERE id = ?");
    row.bind(1, id);
    if (!row.step())
        return std::nullopt;
    return readProject(row);
}

std::vector<ProjectRow> LocalStore::searchProjects(const std::string& query, int limit,
                                                   const std::optional<PageKey>& after) {
    return searchPage<ProjectRow>(m_db, kProjectColumns, query, limit, after, readProject);
}

} // namespace kc::app
