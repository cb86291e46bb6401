// Attachments, the audit log, size and backup in the SQLite store.
#include "store/SqlCentralStore.hpp"

#include "store/SqlLists.hpp"

#include "kc/time/Timestamp.hpp"

#include <stdexcept>

namespace kc::server {

std::optional<AttachmentRecord> SqlCentralStore::findAttachment(const std::string& sha256) {
    std::lock_guard lock(m_mutex);
    if (inOwnWork()) {
        const auto known = m_readAhead.attachments.find(sha256);
        if (known != m_readAhead.attachments.end())
            return known->second;
    }
    auto statement = m_db.prepareCached(
        "SELECT sha256, size, content_type, uploaded_by, completed_at, coalesce(origin, '') FROM attachments "
        "WHERE sha256 = ?");
    statement.bindAll(sha256);
    if (!statement.step())
        return std::nullopt;
    return AttachmentRecord{statement.getText(0), statement.getInt64(1), statement.getText(2),
                            statement.getText(3), statement.getText(4), statement.getText(5)};
}

std::optional<UploadRecord> SqlCentralStore::findUpload(const std::string& sha256,
                                                           const std::string& userId) {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached("SELECT sha256, user_id, size, content_type, received, coalesce(origin, '') "
                                        "FROM uploads WHERE sha256 = ? AND user_id = ?");
    statement.bindAll(sha256, userId);
    if (!statement.step())
        return std::nullopt;
    return UploadRecord{statement.getText(0), statement.getText(1), statement.getInt64(2),
                        statement.getText(3), statement.getInt64(4), statement.getText(5)};
}

void SqlCentralStore::saveUpload(const UploadRecord& upload) {
    write([&] {
        m_db.prepareCached("INSERT INTO uploads (sha256, user_id, size, content_type, received, started_at, origin) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sha256, user_id) DO UPDATE SET "
                     "received = excluded.received")
            .bindAll(upload.sha256, upload.userId, upload.size, upload.contentType, upload.received,
                     Timestamp::now().toRfc3339(),
                     upload.origin.empty() ? std::optional<std::string>() : std::optional(upload.origin))
            .run();
    });
}

void SqlCentralStore::deleteUpload(const std::string& sha256, const std::string& userId) {
    write([&] {
        m_db.prepareCached("DELETE FROM uploads WHERE sha256 = ? AND user_id = ?").bindAll(sha256, userId).run();
    });
}

void SqlCentralStore::completeAttachment(const AttachmentRecord& a) {
    write([&] {
        m_db.prepareCached("INSERT INTO attachments (sha256, size, content_type, uploaded_by, completed_at, origin) "
                     "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING")
            .bindAll(a.sha256, a.size, a.contentType, a.uploadedBy, a.completedAt,
                     a.origin.empty() ? std::optional<std::string>() : std::optional(a.origin))
            .run();
        m_db.prepareCached("DELETE FROM uploads WHERE sha256 = ? AND user_id = ?")
            .bindAll(a.sha256, a.uploadedBy)
            .run();
    });
}

std::int64_t SqlCentralStore::bytesUsedBy(const std::string& userId) {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached(
        "SELECT (SELECT coalesce(sum(size), 0) FROM attachments WHERE uploaded_by = ?) + "
        "(SELECT coalesce(sum(size), 0) FROM uploads WHERE user_id = ?)");
    statement.bindAll(userId, userId);
    statement.step();
    return statement.getInt64(0);
}

bool SqlCentralStore::attachmentUsedIn(const std::string& sha256,
                                          const std::vector<std::string>& provinces) {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached(
        "SELECT EXISTS (SELECT 1 FROM submission_attachments a JOIN submissions s ON s.id = a.submission_id "
        "WHERE a.sha256 = ? AND s.province_code IN (" + placeholders(provinces.size()) + "))");
    statement.bind(1, sha256);
    bindList(statement, 2, provinces);
    statement.step();
    return statement.getInt(0) != 0;
}

void SqlCentralStore::appendAudit(const AuditEntry& e) {
    write([&] {
        m_db.prepareCached("INSERT INTO audit_log (at, actor_id, action, record, before, after) "
                     "VALUES (?, ?, ?, ?, ?, ?)")
            .bindAll(e.at, e.actorId, e.action, e.record, e.before, e.after)
            .send();
    });
}

std::vector<AuditEntry> SqlCentralStore::listAudit(const AuditFilter& f) {
    std::lock_guard lock(m_mutex);
    std::string sql = "SELECT id, at, actor_id, action, record, before, after FROM audit_log WHERE id > ?";
    if (f.actorId)
        sql += " AND actor_id = ?";
    if (f.record)
        sql += " AND record = ?";
    // Each kind of record reaches its provinces its own way (forms reach every province); a record of no kind listed here
    // reaches none, so nothing is shown across provinces by default. The list is bound once
    // per kind (positional parameters, never text).
    const std::string in = " IN (" + placeholders(f.provinces ? f.provinces->size() : 0) + ")";
    // The JSON an entry keeps before and after: the assignment's project, the units' provinces.
    const bool pg = m_db.dialect() == Dialect::Postgres;
    const std::string projectOf = pg ? "CAST(coalesce(audit_log.after, audit_log.before) AS jsonb) ->> 'project_id'"
                                     : "json_extract(coalesce(audit_log.after, audit_log.before), '$.project_id')";
    const std::string eachUnit = pg ? "jsonb_array_elements(CAST(audit_log.after AS jsonb) -> 'units') AS u(value)"
                                    : "json_each(audit_log.after, '$.units') u";
    const std::string unitProvince = pg ? "coalesce(u.value ->> 'parent', u.value ->> 'code')"
                                        : "coalesce(json_extract(u.value, '$.parent'), json_extract(u.value, '$.code'))";
    if (f.provinces)
        sql += " AND ("
           "(record LIKE 'submission/%' AND EXISTS (SELECT 1 FROM submissions s WHERE s.id = substr(audit_log.record, 12)"
           " AND s.province_code" + in + "))"
           " OR (record LIKE 'user/%' AND EXISTS (SELECT 1 FROM user_provinces up WHERE up.user_id = substr(audit_log.record, 6)"
           " AND up.province_code" + in + "))"
           " OR (record LIKE 'assignment/%' AND EXISTS (SELECT 1 FROM projects p WHERE"
           " p.id = " + projectOf + " AND p.province_code" + in + "))"
           " OR (record = 'units' AND (audit_log.after IS NULL OR EXISTS (SELECT 1 FROM " + eachUnit +
           " WHERE " + unitProvince + in + ")))"
           " OR (record LIKE 'project/%' AND EXISTS (SELECT 1 FROM projects p WHERE p.id = substr(audit_log.record, 9)"
           " AND p.province_code" + in + "))"
           " OR (record LIKE 'facility/%' AND EXISTS (SELECT 1 FROM facilities f WHERE f.id = substr(audit_log.record, 10)"
           " AND f.province_code" + in + "))"
           // Forms are the same in every province: each admin sees who published what.
           " OR record LIKE 'form/%')";
    sql += " ORDER BY id LIMIT ?";
    auto statement = m_db.prepare(sql);
    int index = 1;
    statement.bind(index++, f.after.value_or(0));
    if (f.actorId)
        statement.bind(index++, *f.actorId);
    if (f.record)
        statement.bind(index++, *f.record);
    if (f.provinces)
        for (int kind = 0; kind < 6; ++kind)
            index = bindList(statement, index, *f.provinces);
    statement.bind(index, f.limit);
    std::vector<AuditEntry> result;
    while (statement.step())
        result.push_back({statement.getInt64(0), statement.getText(1), statement.getText(2),
                          statement.getText(3), statement.getText(4), statement.getOptionalText(5),
                          statement.getOptionalText(6)});
    return result;
}

RateEvents SqlCentralStore::rateEvents(const std::string& key, std::int64_t sinceMs) {
    const auto reading = leaseReader();
    SqlDatabase& reader = *reading;  // as committed by every server, without waiting for a writer
    auto statement = reader.prepareCached("SELECT count(*), coalesce(min(at_ms), 0) FROM rate_events "
                                            "WHERE key = ? AND at_ms >= ?");
    statement.bindAll(key, sinceMs);
    if (!statement.step())
        return {};
    return {statement.getInt(0), statement.getInt64(1)};
}

void SqlCentralStore::recordRateEvent(const std::string& key, std::int64_t atMs, std::int64_t forgetBeforeMs) {
    write([&] {
        m_db.prepareCached("DELETE FROM rate_events WHERE key = ? AND at_ms < ?").bindAll(key, forgetBeforeMs).run();
        m_db.prepareCached("INSERT INTO rate_events (key, at_ms) VALUES (?, ?)").bindAll(key, atMs).run();
    });
}

void SqlCentralStore::clearRateEvents(const std::string& key) {
    write([&] { m_db.prepareCached("DELETE FROM rate_events WHERE key = ?").bindAll(key).run(); });
}

} // namespace kc::server
