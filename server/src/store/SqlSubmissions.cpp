// Submissions, their revisions and receipts in the SQLite store.
#include "store/SqlCentralStore.hpp"

#include "store/SqlLists.hpp"

#include "kc/json/Json.hpp"
#include "kc/text/Fold.hpp"

#include <boost/json/monotonic_resource.hpp>

#include <algorithm>
#include <stdexcept>

namespace kc::server {

namespace {

constexpr const char* kHeadColumns =
    "s.id, s.form_id, s.form_version, s.owner_id, u.username, s.province_code, s.project_id, "
    "s.facility_id, s.state, s.current_revision, s.conflict, s.review_comment, s.review_fields, "
    "s.reviewed_by, s.reviewed_at, s.received_at, s.updated_at, u.display_name";

SubmissionHead readHead(const SqlStatement& row) {
    SubmissionHead h;
    h.id = row.getText(0);
    h.formId = row.getText(1);
    h.formVersion = row.getInt64(2);
    h.ownerId = row.getText(3);
    h.ownerName = row.getText(4);
    h.provinceCode = row.getText(5);
    h.projectId = row.getOptionalText(6);
    h.facilityId = row.getOptionalText(7);
    const std::string state = row.getText(8);
    const auto parsed = protocol::parseSubmissionState(state);
    if (!parsed)  // the schema's CHECK keeps this from happening
        throw std::runtime_error("submission " + h.id + " is in an unknown state \"" + state + "\"");
    h.state = *parsed;
    h.currentRevision = row.getInt64(9);
    h.conflict = row.getInt(10) != 0;
    h.reviewComment = row.getOptionalText(11);
    h.reviewFields = row.getOptionalText(12);
    h.reviewedBy = row.getOptionalText(13);
    h.reviewedAt = row.getOptionalText(14);
    h.receivedAt = row.getText(15);
    h.updatedAt = row.getText(16);
    h.ownerDisplayName = row.getText(17);
    return h;
}

} // namespace

std::optional<std::string> SqlCentralStore::findReceipt(const std::string& submissionId,
                                                           const std::string& contentHash) {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached(
        "SELECT receipt FROM receipts WHERE submission_id = ? AND content_hash = ?");
    statement.bindAll(submissionId, contentHash);
    if (!statement.step())
        return std::nullopt;
    return statement.getText(0);
}

void SqlCentralStore::storeReceipt(const std::string& submissionId, const std::string& contentHash,
                                      const std::string& receipt) {
    write([&] {
        m_db.prepareCached("INSERT INTO receipts (submission_id, content_hash, receipt) VALUES (?, ?, ?)")
            .bindAll(submissionId, contentHash, receipt)
            .send();
    });
}

void SqlCentralStore::readAhead(const std::vector<GroupedWork*>& group) {
    if (m_db.dialect() == Dialect::Sqlite)
        return;  // a lookup in SQLite is a function call: reading ahead would only hold the writer longer
    std::vector<std::string> submissionIds, attachmentShas;
    for (const auto* grouped : group)
        if (grouped->keys) {
            submissionIds.insert(submissionIds.end(), grouped->keys->submissionIds.begin(),
                                 grouped->keys->submissionIds.end());
            attachmentShas.insert(attachmentShas.end(), grouped->keys->attachmentShas.begin(),
                                  grouped->keys->attachmentShas.end());
        }
    std::sort(attachmentShas.begin(), attachmentShas.end());
    attachmentShas.erase(std::unique(attachmentShas.begin(), attachmentShas.end()), attachmentShas.end());
    // One query for both (a round trip under the store's write lock costs every server's
    // writers): part 0 the ids already stored, part 1 the photos, at most 500 of each a query.
    constexpr std::size_t kPerQuery = 500;
    m_readAhead.absentSubmissions.insert(submissionIds.begin(), submissionIds.end());
    const auto slice = [&](const std::vector<std::string>& all, std::size_t round) {
        const std::size_t first = std::min(round * kPerQuery, all.size());
        return std::vector<std::string>(all.begin() + static_cast<std::ptrdiff_t>(first),
                                        all.begin() + static_cast<std::ptrdiff_t>(std::min(first + kPerQuery, all.size())));
    };
    for (std::size_t round = 0; round * kPerQuery < std::max(submissionIds.size(), attachmentShas.size()); ++round) {
        const auto ids = slice(submissionIds, round), shas = slice(attachmentShas, round);
        const std::string sql =
            "SELECT 0, id, NULL, NULL, NULL, NULL, NULL FROM submissions WHERE id IN (" + placeholders(ids.size()) +
            ") UNION ALL SELECT 1, sha256, size, content_type, uploaded_by, completed_at, coalesce(origin, '') "
            "FROM attachments WHERE sha256 IN (" + placeholders(shas.size()) + ")";
        // Planned each time, not kept prepared: a plan made while the tables were small would
        // go on scanning them whole once they have grown (seen: 1.8 ms a query at 10,000 rows).
        auto both = m_db.prepare(sql);
        bindList(both, bindList(both, 1, ids), shas);
        while (both.step()) {
            if (both.getInt(0) == 0) {
                m_readAhead.absentSubmissions.erase(both.getText(1));
                continue;
            }
            m_readAhead.attachments.emplace(
                both.getText(1), AttachmentRecord{both.getText(1), both.getInt64(2), both.getText(3), both.getText(4),
                                                  both.getText(5), both.getText(6)});
        }
    }
}

std::optional<SubmissionHead> SqlCentralStore::findSubmission(const std::string& id) {
    std::lock_guard lock(m_mutex);
    if (inOwnWork() && m_readAhead.absentSubmissions.count(id))
        return std::nullopt;
    auto statement = m_db.prepareCached(std::string("SELECT ") + kHeadColumns +
                                  " FROM submissions s JOIN users u ON u.id = s.owner_id WHERE s.id = ?");
    statement.bindAll(id);
    if (!statement.step())
        return std::nullopt;
    return readHead(statement);
}

void SqlCentralStore::insertSubmission(const SubmissionHead& head, const SubmissionRevision& first) {
    write([&] {
        m_readAhead.absentSubmissions.erase(head.id);  // stored now: a second item with its id finds it
        m_db.prepareCached("INSERT INTO submissions (id, form_id, form_version, owner_id, province_code, "
                     "project_id, facility_id, state, current_revision, conflict, received_at, "
                     "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bindAll(head.id, head.formId, head.formVersion, head.ownerId, head.provinceCode,
                     head.projectId, head.facilityId, protocol::stateCode(head.state), head.currentRevision,
                     head.conflict, head.receivedAt, head.updatedAt)
            .send();
        addRevision(head.id, first);
        recordSubmissionChange(head, FeedRow::First);  // a new id has no feed row yet
    });
}

void SqlCentralStore::addRevision(const std::string& submissionId, const SubmissionRevision& r) {
    write([&] {
        m_db.prepareCached("INSERT INTO submission_revisions (submission_id, revision, base_revision, "
                     "form_version, content_hash, answers, captured_at, conflict, received_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bindAll(submissionId, r.revision, r.baseRevision, r.formVersion, r.contentHash,
                     r.answers, r.capturedAt, r.conflict, r.receivedAt)
            .send();
        auto uses = m_db.prepareCached(
            "INSERT INTO submission_attachments (submission_id, revision, sha256) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING");
        for (const auto& sha : r.attachments) {
            uses.reset();
            uses.bindAll(submissionId, r.revision, sha).send();
        }
    });
}

void SqlCentralStore::updateSubmission(const SubmissionHead& head) {
    write([&] {
        m_db.prepareCached("UPDATE submissions SET form_version = ?, state = ?, current_revision = ?, "
                     "conflict = ?, review_comment = ?, review_fields = ?, reviewed_by = ?, "
                     "reviewed_at = ?, updated_at = ?, project_id = ?, facility_id = ? WHERE id = ?")
            .bindAll(head.formVersion, protocol::stateCode(head.state), head.currentRevision, head.conflict,
                     head.reviewComment, head.reviewFields, head.reviewedBy, head.reviewedAt,
                     head.updatedAt, head.projectId, head.facilityId, head.id)
            .send();
        recordSubmissionChange(head, FeedRow::Replaces);
        refreshReportFact(head.id);
    });
}

void SqlCentralStore::recordSubmissionChange(const SubmissionHead& head, FeedRow row) {
    // What the submitter's devices learn: the state of their submission and the review.
    // Built in one stack buffer: this runs for every pushed submission.
    unsigned char buffer[2048];
    boost::json::monotonic_resource memory(buffer, sizeof buffer);
    boost::json::object payload(&memory);
    payload.reserve(12);
    payload.emplace("id", head.id);
    payload.emplace("form_id", head.formId);
    payload.emplace("form_version", head.formVersion);
    payload.emplace("state", protocol::stateCode(head.state));
    payload.emplace("revision", head.currentRevision);
    payload.emplace("conflict", head.conflict);
    payload.emplace("updated_at", head.updatedAt);
    // What it is about, so a device that pulls it without its answers can name it.
    payload.emplace("facility_id", head.facilityId ? boost::json::value(*head.facilityId, &memory)
                                                   : boost::json::value(nullptr));
    payload.emplace("project_id", head.projectId ? boost::json::value(*head.projectId, &memory)
                                                 : boost::json::value(nullptr));
    payload.emplace("review_comment", head.reviewComment ? boost::json::value(*head.reviewComment, &memory)
                                                         : boost::json::value(nullptr));
    if (head.reviewFields)
        payload.emplace("review_fields", json::parse(*head.reviewFields));
    else
        payload.emplace("review_fields", boost::json::array(&memory));
    payload.emplace("reviewed_at", head.reviewedAt ? boost::json::value(*head.reviewedAt, &memory)
                                                   : boost::json::value(nullptr));
    recordChange("submission", head.id, head.provinceCode, head.ownerId, json::serialize(payload), row);
}

std::vector<SubmissionRevision> SqlCentralStore::revisions(const std::string& submissionId) {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached(
        "SELECT revision, base_revision, form_version, content_hash, answers, captured_at, "
        "conflict, received_at FROM submission_revisions WHERE submission_id = ? ORDER BY revision");
    statement.bindAll(submissionId);
    std::vector<SubmissionRevision> result;
    while (statement.step())
        result.push_back({statement.getInt64(0), statement.getOptionalInt64(1), statement.getInt64(2),
                          statement.getText(3), statement.getText(4), statement.getOptionalText(5),
                          statement.getInt(6) != 0, statement.getText(7), {}});
    return result;
}

std::int64_t SqlCentralStore::lastRevision(const std::string& submissionId) {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached(
        "SELECT coalesce(max(revision), 0) FROM submission_revisions WHERE submission_id = ?");
    statement.bindAll(submissionId);
    statement.step();
    return statement.getInt64(0);
}

namespace {
//! The folded words of a search ("Tâm  Hòa" → "tam", "hoa"), at most eight.
std::vector<std::string> searchWords(const std::string& typed) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text::foldForSearch(typed) + " ") {
        if (c == ' ') {
            if (!word.empty() && words.size() < 8)
                words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    return words;
}

//! The WHERE of a submission list or count (`s` the submission, `u` its owner), with the
//! values its placeholders take, in order. The state and the keyset only when `paged`.
std::string submissionWhere(const SubmissionFilter& f, bool paged, std::vector<std::string>& values) {
    std::string sql = " WHERE s.province_code IN (" + placeholders(f.provinces.size()) + ")";
    values = f.provinces;
    const auto where = [&](const std::optional<std::string>& value, const char* clause) {
        if (value) {
            sql += clause;
            values.push_back(*value);
        }
    };
    where(f.ownerId, " AND s.owner_id = ?");
    where(f.formId, " AND s.form_id = ?");
    if (f.state && paged)
        where(std::string(protocol::stateCode(*f.state)), " AND s.state = ?");
    where(f.province, " AND s.province_code = ?");
    where(f.officer, " AND u.username = ?");
    where(f.receivedFrom, " AND s.received_at >= ?");
    where(f.receivedTo, " AND s.received_at < ?");
    if (paged && f.before) {
        using protocol::SubmissionOrder;
        if (f.order == SubmissionOrder::Changed) {
            sql += " AND (s.updated_at < ? OR (s.updated_at = ? AND s.id < ?))";
            values.insert(values.end(), {f.beforeChangedAt.value_or(""), f.beforeChangedAt.value_or(""), *f.before});
        } else {
            where(f.before, f.order == SubmissionOrder::Oldest ? " AND s.id > ?" : " AND s.id < ?");
        }
    }
    if (f.conflict)
        sql += *f.conflict ? " AND s.conflict = 1" : " AND s.conflict = 0";
    if (f.search)
        for (const auto& word : searchWords(*f.search)) {
            sql += " AND (EXISTS (SELECT 1 FROM facilities f WHERE f.id = s.facility_id AND f.name_folded LIKE ? ESCAPE '\\')"
                   " OR EXISTS (SELECT 1 FROM projects p WHERE p.id = s.project_id AND lower(p.code) LIKE ? ESCAPE '\\')"
                   " OR lower(u.username) LIKE ? ESCAPE '\\')";
            for (int i = 0; i < 3; ++i)
                values.push_back(containsPattern(word));
        }
    return sql;
}

//! The ORDER BY of a review list (the keyset in submissionWhere follows it).
const char* orderBy(protocol::SubmissionOrder order) {
    switch (order) {
    case protocol::SubmissionOrder::Oldest: return " ORDER BY s.id";
    case protocol::SubmissionOrder::Changed: return " ORDER BY s.updated_at DESC, s.id DESC";
    case protocol::SubmissionOrder::Newest: break;
    }
    return " ORDER BY s.id DESC";
}
} // namespace

std::vector<SubmissionHead> SqlCentralStore::listSubmissions(const SubmissionFilter& f) {
    std::lock_guard lock(m_mutex);
    std::vector<std::string> values;
    const std::string sql = std::string("SELECT ") + kHeadColumns + " FROM submissions s JOIN users u ON u.id = s.owner_id" +
                            submissionWhere(f, true, values) + orderBy(f.order) + " LIMIT ?";
    auto statement = m_db.prepare(sql);
    const int next = bindList(statement, 1, values);
    statement.bind(next, f.limit);
    std::vector<SubmissionHead> result;
    while (statement.step())
        result.push_back(readHead(statement));
    return result;
}

SubmissionCounts SqlCentralStore::countSubmissions(const SubmissionFilter& f) {
    const auto reading = leaseReader();
    SqlDatabase& reader = *reading;
    std::vector<std::string> values;
    const std::string sql = "SELECT s.state, count(*), sum(s.conflict) FROM submissions s JOIN users u ON u.id = s.owner_id" +
                            submissionWhere(f, false, values) + " GROUP BY s.state";
    auto statement = reader.prepare(sql);
    bindList(statement, 1, values);
    SubmissionCounts counts;
    while (statement.step()) {
        counts.byState[statement.getText(0)] = statement.getInt64(1);
        counts.conflicts += statement.getInt64(2);
    }
    return counts;
}

std::vector<CurrentSubmission> SqlCentralStore::currentSubmissions(const std::string& formId,
                                                                      const std::vector<std::string>& provinces,
                                                                      const std::string& afterId, int limit) {
    const auto reading = leaseReader();
    SqlDatabase& reader = *reading;
    auto statement = reader.prepareCached(
        std::string("SELECT ") + kHeadColumns + ", r.answers FROM submissions s "
        "JOIN users u ON u.id = s.owner_id "
        "JOIN submission_revisions r ON r.submission_id = s.id AND r.revision = s.current_revision "
        // The keyset on both sides of the join: a merge join (PostgreSQL's choice) then starts
        // the revisions at the page too, instead of reading every one before it (each page cost
        // the pages before it: 330 ms at row 900,000 of 1,000,000, 1.7 ms with this).
        "WHERE s.form_id = ? AND s.id > ? AND r.submission_id > ? AND s.province_code IN (" +
        placeholders(provinces.size()) + ") ORDER BY s.id LIMIT ?");
    statement.bind(1, formId);
    statement.bind(2, afterId);
    statement.bind(3, afterId);
    const int next = bindList(statement, 4, provinces);
    statement.bind(next, limit);
    std::vector<CurrentSubmission> page;
    while (statement.step())
        page.push_back({readHead(statement), statement.getText(18)});
    return page;
}

} // namespace kc::server
