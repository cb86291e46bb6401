// Attachments, the audit log, size and backup in the SQLite store.
#include "store/SqliteCentralStore.hpp"

#include "store/SqlLists.hpp"

#include "kc/time/Timestamp.hpp"

#include <stdexcept>

namespace kc::server {

std::optional<AttachmentRecord> SqliteCentralStore::findAttachment(const std::string& sha256) {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached(
        "SELECT sha256, size, content_type, uploaded_by, completed_at FROM attachments WHERE sha256 = ?");
    statement.bindAll(sha256);
    if (!statement.step())
        return std::nullopt;
    return AttachmentRecord{statement.getText(0), statement.getInt64(1), statement.getText(2),
                            statement.getText(3), statement.getText(4)};
}

std::optional<UploadRecord> SqliteCentralStore::findUpload(const std::string& sha256,
                                                           const std::string& userId) {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached("SELECT sha256, user_id, size, content_type, received FROM uploads "
                                  "WHERE sha256 = ? AND user_id = ?");
    statement.bindAll(sha256, userId);
    if (!statement.step())
        return std::nullopt;
    return UploadRecord{statement.getText(0), statement.getText(1), statement.getInt64(2),
                        statement.getText(3), statement.getInt64(4)};
}

void SqliteCentralStore::saveUpload(const UploadRecord& upload) {
    write([&] {
        m_db.prepareCached("INSERT INTO uploads (sha256, user_id, size, content_type, received, started_at) "
                     "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256, user_id) DO UPDATE SET "
                     "received = excluded.received")
            .bindAll(upload.sha256, upload.userId, upload.size, upload.contentType, upload.received,
                     Timestamp::now().toRfc3339())
            .run();
    });
}

void SqliteCentralStore::deleteUpload(const std::string& sha256, const std::string& userId) {
    write([&] {
        m_db.prepareCached("DELETE FROM uploads WHERE sha256 = ? AND user_id = ?").bindAll(sha256, userId).run();
    });
}

void SqliteCentralStore::completeAttachment(const AttachmentRecord& a) {
    write([&] {
        m_db.prepareCached("INSERT INTO attachments (sha256, size, content_type, uploaded_by, completed_at) "
                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING")
            .bindAll(a.sha256, a.size, a.contentType, a.uploadedBy, a.completedAt)
            .run();
        m_db.prepareCached("DELETE FROM uploads WHERE sha256 = ? AND user_id = ?")
            .bindAll(a.sha256, a.uploadedBy)
            .run();
    });
}

std::int64_t SqliteCentralStore::bytesUsedBy(const std::string& userId) {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached(
        "SELECT (SELECT coalesce(sum(size), 0) FROM attachments WHERE uploaded_by = ?) + "
        "(SELECT coalesce(sum(size), 0) FROM uploads WHERE user_id = ?)");
    statement.bindAll(userId, userId);
    statement.step();
    return statement.getInt64(0);
}

bool SqliteCentralStore::attachmentUsedIn(const std::string& sha256,
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

void SqliteCentralStore::appendAudit(const AuditEntry& e) {
    write([&] {
        m_db.prepareCached("INSERT INTO audit_log (at, actor_id, action, record, before, after) "
                     "VALUES (?, ?, ?, ?, ?, ?)")
            .bindAll(e.at, e.actorId, e.action, e.record, e.before, e.after)
            .run();
    });
}

std::vector<AuditEntry> SqliteCentralStore::listAudit(const AuditFilter& f) {
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
    if (f.provinces)
        sql += " AND ("
           "(record LIKE 'submission/%' AND EXISTS (SELECT 1 FROM submissions s WHERE s.id = substr(audit_log.record, 12)"
           " AND s.province_code" + in + "))"
           " OR (record LIKE 'user/%' AND EXISTS (SELECT 1 FROM user_provinces up WHERE up.user_id = substr(audit_log.record, 6)"
           " AND up.province_code" + in + "))"
           " OR (record LIKE 'assignment/%' AND EXISTS (SELECT 1 FROM projects p WHERE"
           " p.id = json_extract(coalesce(audit_log.after, audit_log.before), '$.project_id') AND p.province_code" + in + "))"
           " OR (record = 'units' AND (audit_log.after IS NULL OR EXISTS (SELECT 1 FROM json_each(audit_log.after, '$.units') u"
           " WHERE coalesce(json_extract(u.value, '$.parent'), json_extract(u.value, '$.code'))" + in + ")))"
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
    std::lock_guard lock(m_mutex);
    // VACUUM INTO writes a consistent, compact copy from one read transaction.
    m_db.prepareCached("VACUUM INTO ?").bindAll(destination.string()).run();
}

} // namespace kc::server
