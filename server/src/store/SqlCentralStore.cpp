#include "store/SqlCentralStore.hpp"

#include "store/StoreChecks.hpp"

#include "kc/json/Json.hpp"
#include "kc/ids/Uuid.hpp"
#include "kc/text/Fold.hpp"
#include "kc/time/Timestamp.hpp"

#include <optional>
#include <stdexcept>

namespace kc::server {

SqlCentralStore::SqlCentralStore(Engines engines)
    : m_writerEngine(std::move(engines.writer)), m_db(*m_writerEngine) {
    for (auto& reader : engines.readers)
        m_readers.push_back({std::move(reader)});
    if (m_readers.empty())
        throw std::logic_error("a store needs a connection that reads");
    backfillChanges();
}

SqlCentralStore::ReaderLease SqlCentralStore::leaseReader() const {
    const std::size_t first = m_nextReader.fetch_add(1, std::memory_order_relaxed);
    const auto tryEach = [&]() -> std::optional<ReaderLease> {
        for (std::size_t i = 0; i < m_readers.size(); ++i) {
            auto& reader = m_readers[(first + i) % m_readers.size()];
            std::unique_lock lock(*reader.mutex, std::try_to_lock);
            if (lock.owns_lock())
                return ReaderLease(std::move(lock), *reader.db, this);
        }
        return std::nullopt;
    };
    if (auto lease = tryEach())
        return std::move(*lease);
    // All busy: wait for whichever is freed first, not for one in particular. A lease ends by
    // freeing its reader, then taking this mutex to tell: a reader freed while this thread
    // tries them all is either found or told of once this thread waits.
    std::unique_lock pool(m_readerPoolMutex);
    for (;;) {
        if (auto lease = tryEach())
            return std::move(*lease);
        m_readerFreedCv.wait(pool);
    }
}

void SqlCentralStore::readerFreed() const {
    std::lock_guard pool(m_readerPoolMutex);
    m_readerFreedCv.notify_one();
}

SqlCentralStore::ReaderLease SqlCentralStore::leaseReader(std::size_t i) const {
    auto& reader = m_readers.at(i);
    return {std::unique_lock(*reader.mutex), *reader.db, this};
}

bool SqlCentralStore::ping() {
    std::lock_guard lock(m_mutex);
    try {
        auto statement = m_db.prepareCached("SELECT 1");
        return statement.step() && statement.getInt(0) == 1;
    } catch (const std::exception&) {
        return false;
    }
}

StoreCounts SqlCentralStore::counts() {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached(
        "SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM provinces), "
        "(SELECT count(*) FROM facilities), (SELECT count(*) FROM projects), "
        "(SELECT count(*) FROM forms), (SELECT count(*) FROM submissions), "
        "(SELECT count(*) FROM attachments)");
    statement.step();
    return {statement.getInt64(0), statement.getInt64(1), statement.getInt64(2),
            statement.getInt64(3), statement.getInt64(4), statement.getInt64(5),
            statement.getInt64(6)};
}

std::string SqlCentralStore::metaValue(const std::string& key) {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached("SELECT value FROM meta WHERE key = ?");
    statement.bindAll(key);
    return statement.step() ? statement.getText(0) : std::string();
}

void SqlCentralStore::setMetaValue(const std::string& key, const std::string& value) {
    write([&] {
        m_db.prepareCached("INSERT INTO meta (key, value) VALUES (?, ?) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            .bindAll(key, value)
            .run();
    });
}

void SqlCentralStore::upsertProvince(const domain::Province& province) {
    require(!province.code.empty(), "province.code", "is empty");
    require(!province.name.empty(), "province.name", "is empty");
    write([&] {
        m_db.prepareCached("INSERT INTO provinces (code, name) VALUES (?, ?) "
                     "ON CONFLICT (code) DO UPDATE SET name = excluded.name")
            .bindAll(province.code, text::toNfc(province.name))
            .run();
    });
}

void SqlCentralStore::upsertCommune(const domain::Commune& commune) {
    require(!commune.code.empty(), "commune.code", "is empty");
    require(!commune.name.empty(), "commune.name", "is empty");
    write([&] {
        m_db.prepareCached("INSERT INTO communes (code, province_code, name) VALUES (?, ?, ?) "
                     "ON CONFLICT (code) DO UPDATE SET province_code = excluded.province_code, "
                     "name = excluded.name")
            .bindAll(commune.code, commune.provinceCode, text::toNfc(commune.name))
            .run();
    });
}

std::string SqlCentralStore::createUser(const NewUser& user) {
    require(!user.username.empty(), "user.username", "is empty");
    require(user.passwordHash.rfind("$argon2id$", 0) == 0, "user.password_hash",
            "must be an Argon2id hash");
    const std::string id = Uuid::v7().toString();
    const std::string now = Timestamp::now().toRfc3339();
    write([&] {
        m_db.prepareCached("INSERT INTO users (id, username, display_name, role, password_hash, "
                     "created_at) VALUES (?, ?, ?, ?, ?, ?)")
            .bindAll(id, user.username, text::toNfc(user.displayName),
                     std::string(domain::roleCode(user.role)), user.passwordHash, now)
            .run();
        auto scope = m_db.prepareCached("INSERT INTO user_provinces (user_id, province_code) VALUES (?, ?)");
        for (const auto& province : user.provinceCodes) {
            scope.reset();
            scope.bindAll(id, province).run();
        }
    });
    return id;
}

std::string SqlCentralStore::createFacility(domain::Facility facility) {
    return insertFacility(std::move(facility), {}, {});
}

std::string SqlCentralStore::createProject(domain::Project project) {
    require(!project.code.empty(), "project.code", "is empty");
    require(!project.title.empty(), "project.title", "is empty");
    requireCode(project.fundingSource, domain::kFundingSources, "project.funding_source");
    requireCode(project.activityType, domain::kActivityTypes, "project.activity_type");
    requireCode(project.status, domain::kProjectStatuses, "project.status");
    require(project.extensionFunding >= 0, "project.extension_funding", "must not be negative");
    require(project.peopleTrained >= 0, "project.people_trained", "must not be negative");
    if (project.id.empty())
        project.id = Uuid::v7().toString();
    const std::string now = Timestamp::now().toRfc3339();
    write([&] {
        m_db.prepareCached("INSERT INTO projects (id, code, title, year, funding_source, activity_type, "
                     "province_code, status, status_reason, extension_funding, "
                     "counterpart_capital, investment_attracted, jobs_created, people_trained, "
                     "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bindAll(project.id, project.code, text::toNfc(project.title), project.year,
                     project.fundingSource, project.activityType, project.provinceCode,
                     project.status, project.statusReason, project.extensionFunding,
                     project.counterpartCapital, project.investmentAttracted,
                     project.jobsCreated, project.peopleTrained, now, now)
            .run();
        auto link = m_db.prepareCached(
            "INSERT INTO project_beneficiaries (project_id, facility_id) VALUES (?, ?)");
        for (const auto& facilityId : project.beneficiaryIds) {
            link.reset();
            link.bindAll(project.id, facilityId).run();
        }
        recordProjectChange(project.id);
    });
    return project.id;
}

void SqlCentralStore::updateProject(const domain::Project& project) {
    require(!project.code.empty(), "project.code", "is empty");
    require(!project.title.empty(), "project.title", "is empty");
    requireCode(project.fundingSource, domain::kFundingSources, "project.funding_source");
    requireCode(project.activityType, domain::kActivityTypes, "project.activity_type");
    requireCode(project.status, domain::kProjectStatuses, "project.status");
    write([&] {
        m_db.prepareCached("UPDATE projects SET code = ?, title = ?, year = ?, funding_source = ?, activity_type = ?, "
                           "province_code = ?, status = ?, status_reason = ?, extension_funding = ?, "
                           "counterpart_capital = ?, investment_attracted = ?, jobs_created = ?, people_trained = ?, "
                           "updated_at = ? WHERE id = ?")
            .bindAll(project.code, text::toNfc(project.title), project.year, project.fundingSource,
                     project.activityType, project.provinceCode, project.status, project.statusReason,
                     project.extensionFunding, project.counterpartCapital, project.investmentAttracted,
                     project.jobsCreated, project.peopleTrained, Timestamp::now().toRfc3339(), project.id)
            .run();
        if (m_db.changes() == 0)
            throw std::invalid_argument("no project " + project.id);
        m_db.prepareCached("DELETE FROM project_beneficiaries WHERE project_id = ?").bindAll(project.id).run();
        auto link = m_db.prepareCached("INSERT INTO project_beneficiaries (project_id, facility_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
        for (const auto& facilityId : project.beneficiaryIds) {
            link.reset();
            link.bindAll(project.id, facilityId).run();
        }
        recordProjectChange(project.id);
    });
}

bool SqlCentralStore::publishForm(const forms::Form& form) {
    require(!form.id.empty() && form.version >= 1, "form", "is not a loaded, checked form");
    const std::string definition = json::serialize(form.definition);
    return write([&] {
        auto existing = m_db.prepareCached("SELECT definition FROM forms WHERE id = ? AND version = ?");
        existing.bindAll(form.id, form.version);
        if (existing.step()) {
            if (existing.getText(0) == definition)
                return false;
            throw std::invalid_argument("form " + form.id + " version " +
                                        std::to_string(form.version) +
                                        " is already published with another definition; "
                                        "publish it as version " +
                                        std::to_string(form.version + 1));
        }
        m_db.prepareCached("INSERT INTO forms (id, version, title_vi, title_en, definition, "
                     "published_at) VALUES (?, ?, ?, ?, ?, ?)")
            .bindAll(form.id, form.version, form.title.vi, form.title.en, definition,
                     Timestamp::now().toRfc3339())
            .run();
        boost::json::object payload{{"id", form.id},
                                    {"version", form.version},
                                    {"title", {{"vi", form.title.vi}, {"en", form.title.en}}},
                                    {"definition", form.definition}};
        recordChange("form", form.id, std::nullopt, std::nullopt, json::serialize(payload));
        return true;
    });
}

std::optional<PublishedForm> SqlCentralStore::findForm(const std::string& id, long long version) {
    // As committed, through the reader: validation asks for forms, also from a helper thread
    // while the batch's transaction holds the writer (a published version never changes).
    const auto reading = leaseReader();
    SqlDatabase& reader = *reading;
    auto statement = reader.prepareCached(
        "SELECT id, version, title_vi, definition FROM forms WHERE id = ? AND version = ?");
    statement.bindAll(id, static_cast<std::int64_t>(version));
    if (!statement.step())
        return std::nullopt;
    return PublishedForm{statement.getText(0), statement.getInt64(1), statement.getText(2),
                         statement.getText(3)};
}

std::vector<PublishedForm> SqlCentralStore::latestForms() {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached(
        "SELECT f.id, f.version, f.title_vi, f.definition FROM forms f "
        "WHERE f.version = (SELECT max(version) FROM forms g WHERE g.id = f.id) ORDER BY f.id");
    std::vector<PublishedForm> result;
    while (statement.step())
        result.push_back({statement.getText(0), statement.getInt64(1), statement.getText(2),
                          statement.getText(3)});
    return result;
}

} // namespace kc::server
