// The change feed in the SQLite store: written by every register, form and review write in
// its own transaction, read by pull.
//
// Why no change is skipped: every write holds the store's one writer lock, and a sequence
// number is taken inside the write's transaction, so sequence numbers become visible in
// order. Pull reads through its own connection, which sees only committed transactions, in
// commit order: a prefix of the sequence, never a later number before an earlier one.
#include "store/SqlCentralStore.hpp"

#include "store/SqlLists.hpp"

#include "kc/domain/Roles.hpp"
#include "kc/json/Json.hpp"
#include "kc/time/Timestamp.hpp"

#include <algorithm>

namespace kc::server {

void SqlCentralStore::recordChange(const std::string& kind, const std::string& recordId,
                                      const std::optional<std::string>& province,
                                      const std::optional<std::string>& owner,
                                      const std::string& payload, FeedRow row) {
    if (row == FeedRow::Replaces)
        m_db.prepareCached("DELETE FROM changes WHERE kind = ? AND record_id = ?").bindAll(kind, recordId).send();
    m_db.prepareCached("INSERT INTO changes (kind, record_id, province_code, owner_id, deleted, payload, "
                 "changed_at) VALUES (?, ?, ?, ?, 0, ?, ?)")
        .bindAll(kind, recordId, province, owner, payload, Timestamp::now().toRfc3339())
        .send();
}

void SqlCentralStore::recordTombstone(const std::string& kind, const std::string& recordId) {
    std::optional<std::string> province, owner;
    auto previous = m_db.prepareCached(
        "SELECT province_code, owner_id FROM changes WHERE kind = ? AND record_id = ?");
    previous.bindAll(kind, recordId);
    if (previous.step()) {
        province = previous.getOptionalText(0);
        owner = previous.getOptionalText(1);
    }
    m_db.prepareCached("DELETE FROM changes WHERE kind = ? AND record_id = ?").bindAll(kind, recordId).run();
    m_db.prepareCached("INSERT INTO changes (kind, record_id, province_code, owner_id, deleted, payload, "
                 "changed_at) VALUES (?, ?, ?, ?, 1, NULL, ?)")
        .bindAll(kind, recordId, province, owner, Timestamp::now().toRfc3339())
        .run();
}

namespace {

//! One part of a caller's feed: the changes after ?1 that `where` selects, its first ?2 by
//! sequence. Each part is read through an index that ends in seq (changes_by_kind_province,
//! changes_by_kind_owner, or the kind index for forms), so it stops after ?2 rows.
std::string feedPart(const std::string& where) {
    return "SELECT * FROM (SELECT seq, kind, record_id, deleted, payload FROM changes WHERE " + where +
           " AND seq > ?1 ORDER BY seq LIMIT ?2) AS part";
}

} // namespace

std::vector<ChangeRecord> SqlCentralStore::changesSince(const FeedScope& scope,
                                                           std::int64_t since, int limit) {
    const auto reading = leaseReader();
    SqlDatabase& reader = *reading;
    const bool collaborator = scope.role == domain::Role::Collaborator;
    const bool staff = scope.role == domain::Role::Admin || scope.role == domain::Role::Reviewer;
    std::vector<std::string> provinces = scope.provinces;
    std::sort(provinces.begin(), provinces.end());
    provinces.erase(std::unique(provinces.begin(), provinces.end()), provinces.end());
    // The feed is the union of disjoint parts, each the first `limit` of its own changes, and
    // the page is the first `limit` of the union by sequence: whatever the feed holds beyond
    // the caller's scope, a page reads at most `limit` rows per part. ?3 is the caller's id,
    // ?4 on the provinces.
    std::vector<std::string> parts = {feedPart("kind = 'form' AND province_code IS NULL")};
    for (std::size_t p = 0; p < provinces.size(); ++p) {
        const std::string province = "?" + std::to_string(4 + p);
        std::string facility = "kind = 'facility' AND province_code = " + province;
        std::string project = "kind = 'project' AND province_code = " + province;
        if (collaborator) {  // only their projects, and those projects' facilities
            project += " AND record_id IN (SELECT project_id FROM assignments WHERE user_id = ?3)";
            facility += " AND record_id IN (SELECT b.facility_id FROM project_beneficiaries b JOIN assignments a "
                        "ON a.project_id = b.project_id WHERE a.user_id = ?3)";
        }
        parts.push_back(feedPart(facility));
        parts.push_back(feedPart(project));
        if (staff)  // the assignments of their provinces, besides their own
            parts.push_back(feedPart("kind = 'assignment' AND province_code = " + province + " AND owner_id IS DISTINCT FROM ?3"));
    }
    parts.push_back(feedPart("kind = 'assignment' AND owner_id = ?3"));
    parts.push_back(feedPart("kind = 'submission' AND owner_id = ?3"));
    std::string sql = "SELECT seq, kind, record_id, deleted, payload FROM (";
    for (std::size_t p = 0; p < parts.size(); ++p)
        sql += (p ? " UNION ALL " : "") + parts[p];
    sql += ") AS feed ORDER BY seq LIMIT ?2";
    auto statement = reader.prepareCached(sql); // a handful of shapes: by role and number of provinces
    statement.bind(1, since);
    statement.bind(2, limit);
    statement.bind(3, scope.userId);
    bindList(statement, 4, provinces);
    std::vector<ChangeRecord> result;
    while (statement.step())
        result.push_back({statement.getInt64(0), statement.getText(1), statement.getText(2),
                          statement.getInt(3) != 0, statement.getOptionalText(4).value_or("")});
    return result;
}

void SqlCentralStore::backfillChanges() {
    write([&] {
        auto empty = m_db.prepareCached("SELECT NOT EXISTS (SELECT 1 FROM changes)");
        empty.step();
        if (!empty.getInt(0))
            return;
        // A store from before the feed existed: put what it holds in the feed once.
        std::vector<std::string> ids;
        auto facilities = m_db.prepareCached("SELECT id FROM facilities ORDER BY id");
        while (facilities.step())
            ids.push_back(facilities.getText(0));
        for (const auto& id : ids)
            recordFacilityChange(id);
        ids.clear();
        auto projects = m_db.prepareCached("SELECT id FROM projects ORDER BY id");
        while (projects.step())
            ids.push_back(projects.getText(0));
        for (const auto& id : ids)
            recordProjectChange(id);
        auto forms = m_db.prepareCached(
            "SELECT f.id, f.version, f.title_vi, f.title_en, f.definition FROM forms f "
            "WHERE f.version = (SELECT max(version) FROM forms g WHERE g.id = f.id)");
        std::vector<std::pair<std::string, std::string>> payloads;
        while (forms.step()) {
            boost::json::object payload{{"id", forms.getText(0)},
                                        {"version", forms.getInt64(1)},
                                        {"title", {{"vi", forms.getText(2)}, {"en", forms.getText(3)}}},
                                        {"definition", json::parse(forms.getText(4))}};
            payloads.emplace_back(forms.getText(0), json::serialize(payload));
        }
        for (const auto& [id, payload] : payloads)
            recordChange("form", id, std::nullopt, std::nullopt, payload);
    });
}

} // namespace kc::server
