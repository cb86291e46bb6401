// Facilities, projects and assignments in the SQLite store.
#include "store/SqlCentralStore.hpp"

#include "store/SqlLists.hpp"
#include "store/StoreChecks.hpp"

#include "kc/domain/RegisterJson.hpp"
#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"
#include "kc/text/Fold.hpp"
#include "kc/time/Timestamp.hpp"

#include <boost/json/array.hpp>

#include <cmath>
#include <numbers>

namespace kc::server {

namespace {

constexpr const char* kFacilityColumns =
    "id, name, legal_form, sector, province_code, commune_code, village, representative, "
    "phone, workforce, products, latitude, longitude";

domain::Facility readFacility(const SqlStatement& row) {
    domain::Facility f;
    f.id = row.getText(0);
    f.name = row.getText(1);
    f.legalForm = row.getText(2);
    f.sector = row.getText(3);
    f.provinceCode = row.getText(4);
    f.communeCode = row.getOptionalText(5);
    f.village = row.getOptionalText(6);
    f.representative = row.getOptionalText(7);
    f.phone = row.getOptionalText(8);
    if (auto workforce = row.getOptionalInt64(9))
        f.workforce = static_cast<int>(*workforce);
    f.products = row.getOptionalText(10);
    if (!row.isNull(11) && !row.isNull(12)) {
        f.latitude = row.getDouble(11);
        f.longitude = row.getDouble(12);
    }
    return f;
}

constexpr const char* kProjectColumns =
    "id, code, title, year, funding_source, activity_type, province_code, status, "
    "status_reason, extension_funding, counterpart_capital, investment_attracted, jobs_created, people_trained";

domain::Project readProject(const SqlStatement& row) {
    domain::Project p;
    p.id = row.getText(0);
    p.code = row.getText(1);
    p.title = row.getText(2);
    p.year = row.getInt(3);
    p.fundingSource = row.getText(4);
    p.activityType = row.getText(5);
    p.provinceCode = row.getText(6);
    p.status = row.getText(7);
    p.statusReason = row.getOptionalText(8);
    p.extensionFunding = row.getInt64(9);
    p.counterpartCapital = row.getInt64(10);
    p.investmentAttracted = row.getInt64(11);
    p.jobsCreated = row.getInt(12);
    p.peopleTrained = row.getInt(13);
    return p;
}

void loadBeneficiaries(SqlDatabase& db, domain::Project& project) {
    auto statement = db.prepareCached(
        "SELECT facility_id FROM project_beneficiaries WHERE project_id = ? ORDER BY facility_id");
    statement.bindAll(project.id);
    while (statement.step())
        project.beneficiaryIds.push_back(statement.getText(0));
}

double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
    constexpr double earthRadius = 6'371'000.0;
    const double toRad = std::numbers::pi / 180.0;
    const double dLat = (lat2 - lat1) * toRad;
    const double dLon = (lon2 - lon1) * toRad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(lat1 * toRad) * std::cos(lat2 * toRad) * std::sin(dLon / 2) *
                         std::sin(dLon / 2);
    return 2 * earthRadius * std::asin(std::min(1.0, std::sqrt(a)));
}

} // namespace

std::string SqlCentralStore::insertFacility(domain::Facility facility, const std::string& createdBy,
                                               const std::vector<DuplicateCandidate>& duplicates) {
    require(!facility.name.empty(), "facility.name", "is empty");
    requireCode(facility.legalForm, domain::kLegalForms, "facility.legal_form");
    requireCode(facility.sector, domain::kSectors, "facility.sector");
    if (facility.id.empty())
        facility.id = Uuid::v7().toString();
    facility.name = text::toNfc(facility.name);
    const std::string now = Timestamp::now().toRfc3339();
    std::optional<std::string> duplicatesJson;
    if (!duplicates.empty()) {
        boost::json::array list;
        for (const auto& candidate : duplicates) {
            boost::json::object item{{"id", candidate.id}, {"name", candidate.name},
                                     {"reason", candidate.reason}};
            if (candidate.distanceMetres)
                item["distance_m"] = std::round(*candidate.distanceMetres);
            list.emplace_back(std::move(item));
        }
        duplicatesJson = json::serialize(list);
    }
    write([&] {
        m_db.prepareCached(
                "INSERT INTO facilities (id, name, name_folded, legal_form, sector, province_code, "
                "commune_code, village, representative, phone, workforce, products, latitude, "
                "longitude, created_at, updated_at, created_by, needs_review, possible_duplicates) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bindAll(facility.id, facility.name, text::foldForSearch(facility.name),
                     facility.legalForm, facility.sector, facility.provinceCode,
                     facility.communeCode, facility.village, facility.representative,
                     facility.phone, facility.workforce, facility.products, facility.latitude,
                     facility.longitude, now, now,
                     createdBy.empty() ? std::optional<std::string>() : createdBy,
                     duplicatesJson.has_value(), duplicatesJson)
            .run();
        recordFacilityChange(facility.id);
    });
    return facility.id;
}

void SqlCentralStore::updateFacility(const domain::Facility& facility) {
    require(!facility.name.empty(), "facility.name", "is empty");
    requireCode(facility.legalForm, domain::kLegalForms, "facility.legal_form");
    requireCode(facility.sector, domain::kSectors, "facility.sector");
    const std::string name = text::toNfc(facility.name);
    write([&] {
        m_db.prepareCached(
                "UPDATE facilities SET name = ?, name_folded = ?, legal_form = ?, sector = ?, province_code = ?, "
                "commune_code = ?, village = ?, representative = ?, phone = ?, workforce = ?, products = ?, "
                "latitude = ?, longitude = ?, updated_at = ? WHERE id = ? AND merged_into IS NULL")
            .bindAll(name, text::foldForSearch(name), facility.legalForm, facility.sector, facility.provinceCode,
                     facility.communeCode, facility.village, facility.representative, facility.phone,
                     facility.workforce, facility.products, facility.latitude, facility.longitude,
                     Timestamp::now().toRfc3339(), facility.id)
            .run();
        if (m_db.changes() == 0)
            throw std::invalid_argument("no facility " + facility.id);
        recordFacilityChange(facility.id);
    });
}

std::string SqlCentralStore::registerFacility(domain::Facility facility, const std::string& createdBy,
                                                 const std::vector<DuplicateCandidate>& duplicates) {
    return insertFacility(std::move(facility), createdBy, duplicates);
}

void SqlCentralStore::recordFacilityChange(const std::string& id) {
    auto facility = findFacility(id);
    if (!facility)
        return;
    recordChange("facility", id, facility->provinceCode, std::nullopt,
                 json::serialize(domain::facilityToJson(*facility)));
}

void SqlCentralStore::recordProjectChange(const std::string& id) {
    auto project = findProject(id);
    if (!project)
        return;
    recordChange("project", id, project->provinceCode, std::nullopt,
                 json::serialize(domain::projectToJson(*project)));
}

std::optional<std::string> SqlCentralStore::provinceName(const std::string& provinceCode) {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached("SELECT name FROM provinces WHERE code = ?");
    statement.bindAll(provinceCode);
    if (!statement.step())
        return std::nullopt;
    return statement.getText(0);
}

std::vector<domain::Province> SqlCentralStore::listProvinces() {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached("SELECT code, name FROM provinces ORDER BY code");
    std::vector<domain::Province> provinces;
    while (statement.step())
        provinces.push_back({statement.getText(0), statement.getText(1)});
    return provinces;
}

std::optional<std::string> SqlCentralStore::communeProvince(const std::string& communeCode) {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached("SELECT province_code FROM communes WHERE code = ?");
    statement.bindAll(communeCode);
    if (!statement.step())
        return std::nullopt;
    return statement.getText(0);
}

namespace {

std::optional<domain::Facility> facilityById(SqlDatabase& db, const std::string& id) {
    auto statement = db.prepareCached(std::string("SELECT ") + kFacilityColumns + " FROM facilities WHERE id = ?");
    statement.bindAll(id);
    if (!statement.step())
        return std::nullopt;
    return readFacility(statement);
}

//! The project with its beneficiaries, in one query (a push of a report about a project asks it).
std::optional<domain::Project> projectById(SqlDatabase& db, const std::string& id) {
    constexpr int kBeneficiary = 14;  // after kProjectColumns
    auto statement = db.prepareCached(std::string("SELECT p.*, b.facility_id FROM (SELECT ") + kProjectColumns +
                                      " FROM projects WHERE id = ?) AS p LEFT JOIN project_beneficiaries b "
                                      "ON b.project_id = p.id ORDER BY b.facility_id");
    statement.bindAll(id);
    if (!statement.step())
        return std::nullopt;
    auto project = readProject(statement);
    do {
        if (!statement.isNull(kBeneficiary))
            project.beneficiaryIds.push_back(statement.getText(kBeneficiary));
    } while (statement.step());
    return project;
}

} // namespace

std::optional<domain::Facility> SqlCentralStore::findFacility(const std::string& id) {
    std::lock_guard lock(m_mutex);
    return facilityById(m_db, id);
}

std::optional<domain::Project> SqlCentralStore::findProject(const std::string& id) {
    std::lock_guard lock(m_mutex);
    return projectById(m_db, id);
}

std::optional<domain::Facility> SqlCentralStore::findCommittedFacility(const std::string& id) {
    const auto reading = leaseReader();
    SqlDatabase& reader = *reading;
    return facilityById(reader, id);
}

std::optional<domain::Project> SqlCentralStore::findCommittedProject(const std::string& id) {
    const auto reading = leaseReader();
    SqlDatabase& reader = *reading;
    return projectById(reader, id);
}

std::vector<domain::Facility> SqlCentralStore::listFacilities(const RegisterQuery& query) {
    std::lock_guard lock(m_mutex);
    std::string sql = std::string("SELECT ") + kFacilityColumns +
                      " FROM facilities WHERE province_code IN (" +
                      placeholders(query.provinces.size()) + ") AND id > ? AND merged_into IS NULL";
    if (query.projects)
        sql += " AND id IN (SELECT facility_id FROM project_beneficiaries WHERE project_id IN (" +
               placeholders(query.projects->size()) + "))";
    if (!query.search.empty())
        sql += " AND name_folded LIKE ? ESCAPE '\\'";
    sql += " ORDER BY id LIMIT ?";
    auto statement = m_db.prepare(sql);
    int index = bindList(statement, 1, query.provinces);
    statement.bind(index++, query.after);
    if (query.projects)
        index = bindList(statement, index, *query.projects);
    if (!query.search.empty())
        statement.bind(index++, containsPattern(text::foldForSearch(query.search)));
    statement.bind(index, query.limit);
    std::vector<domain::Facility> result;
    while (statement.step())
        result.push_back(readFacility(statement));
    return result;
}

std::vector<domain::Project> SqlCentralStore::listProjects(const RegisterQuery& query) {
    std::lock_guard lock(m_mutex);
    std::string sql = std::string("SELECT ") + kProjectColumns +
                      " FROM projects WHERE province_code IN (" +
                      placeholders(query.provinces.size()) + ") AND id > ?";
    if (query.projects)
        sql += " AND id IN (" + placeholders(query.projects->size()) + ")";
    if (!query.search.empty())
        sql += " AND (lower(code) LIKE lower(?) ESCAPE '\\' OR lower(title) LIKE lower(?) ESCAPE '\\')";
    sql += " ORDER BY id LIMIT ?";
    auto statement = m_db.prepare(sql);
    int index = bindList(statement, 1, query.provinces);
    statement.bind(index++, query.after);
    if (query.projects)
        index = bindList(statement, index, *query.projects);
    if (!query.search.empty()) {
        statement.bind(index++, containsPattern(query.search));
        statement.bind(index++, containsPattern(query.search));
    }
    statement.bind(index, query.limit);
    std::vector<domain::Project> result;
    while (statement.step())
        result.push_back(readProject(statement));
    for (auto& project : result)
        loadBeneficiaries(m_db, project);
    return result;
}

std::vector<DuplicateCandidate> SqlCentralStore::likelyDuplicates(const domain::Facility& facility,
                                                                     double metres) {
    std::lock_guard lock(m_mutex);
    std::vector<DuplicateCandidate> result;
    if (facility.communeCode) {
        auto same = m_db.prepareCached(
            "SELECT id, name FROM facilities WHERE commune_code = ? AND name_folded = ? AND id <> ? "
            "AND merged_into IS NULL");
        same.bindAll(*facility.communeCode, text::foldForSearch(text::toNfc(facility.name)),
                     facility.id);
        while (same.step())
            result.push_back({same.getText(0), same.getText(1), "same_name_same_commune", std::nullopt});
    }
    if (facility.latitude && facility.longitude) {
        const double lat = *facility.latitude, lon = *facility.longitude;
        const double dLat = metres / 111'320.0;
        const double dLon = metres / (111'320.0 * std::max(0.01, std::cos(lat * std::numbers::pi / 180)));
        auto near = m_db.prepareCached(
            "SELECT id, name, latitude, longitude FROM facilities WHERE latitude BETWEEN ? AND ? "
            "AND longitude BETWEEN ? AND ? AND id <> ? AND merged_into IS NULL");
        near.bindAll(lat - dLat, lat + dLat, lon - dLon, lon + dLon, facility.id);
        while (near.step()) {
            const double distance = distanceMetres(lat, lon, near.getDouble(2), near.getDouble(3));
            if (distance > metres)
                continue;
            const std::string id = near.getText(0);
            bool listed = false;
            for (auto& candidate : result)
                if (candidate.id == id) {
                    candidate.distanceMetres = distance;
                    listed = true;
                }
            if (!listed)
                result.push_back({id, near.getText(1), "nearby", distance});
        }
    }
    return result;
}

std::vector<FlaggedFacility> SqlCentralStore::flaggedFacilities(const std::vector<std::string>& provinces,
                                                                   int limit) {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepare(std::string("SELECT ") + kFacilityColumns +
                                  ", coalesce(possible_duplicates, '[]') FROM facilities WHERE needs_review = 1 "
                                  "AND merged_into IS NULL AND province_code IN (" + placeholders(provinces.size()) +
                                  ") ORDER BY id LIMIT ?");
    const int index = bindList(statement, 1, provinces);
    statement.bind(index, limit);
    std::vector<FlaggedFacility> result;
    while (statement.step())
        result.push_back({readFacility(statement), statement.getText(13)});
    return result;
}

void SqlCentralStore::keepFacilityApart(const std::string& id) {
    write([&] {
        m_db.prepareCached("UPDATE facilities SET needs_review = 0, updated_at = ? WHERE id = ? AND merged_into IS NULL")
            .bindAll(Timestamp::now().toRfc3339(), id)
            .run();
        if (m_db.changes() == 0)
            throw std::invalid_argument("no facility " + id);
    });
}

void SqlCentralStore::mergeFacility(const std::string& duplicateId, const std::string& keptId) {
    if (duplicateId == keptId)
        throw std::invalid_argument("a facility cannot be merged into itself");
    write([&] {
        auto check = m_db.prepareCached("SELECT province_code, merged_into FROM facilities WHERE id = ?");
        check.bindAll(keptId);
        if (!check.step() || !check.isNull(1))
            throw std::invalid_argument("no facility " + keptId + " to keep");
        const std::string now = Timestamp::now().toRfc3339();
        m_db.prepareCached("UPDATE facilities SET merged_into = ?, needs_review = 0, updated_at = ? "
                           "WHERE id = ? AND merged_into IS NULL")
            .bindAll(keptId, now, duplicateId)
            .run();
        if (m_db.changes() == 0)
            throw std::invalid_argument("no facility " + duplicateId + " to merge");
        // Whatever the duplicate was merged with before follows it.
        m_db.prepareCached("UPDATE facilities SET merged_into = ? WHERE merged_into = ?").bindAll(keptId, duplicateId).run();
        m_db.prepareCached("UPDATE submissions SET facility_id = ? WHERE facility_id = ?").bindAll(keptId, duplicateId).run();
        m_db.prepareCached("UPDATE report_facts SET facility_id = ? WHERE facility_id = ?").bindAll(keptId, duplicateId).run();
        std::vector<std::string> projects;
        auto benefited = m_db.prepareCached("SELECT project_id FROM project_beneficiaries WHERE facility_id = ?");
        benefited.bindAll(duplicateId);
        while (benefited.step())
            projects.push_back(benefited.getText(0));
        m_db.prepareCached("INSERT INTO project_beneficiaries (project_id, facility_id) "
                           "SELECT project_id, ? FROM project_beneficiaries WHERE facility_id = ? ON CONFLICT DO NOTHING")
            .bindAll(keptId, duplicateId)
            .run();
        m_db.prepareCached("DELETE FROM project_beneficiaries WHERE facility_id = ?").bindAll(duplicateId).run();
        recordTombstone("facility", duplicateId);
        recordFacilityChange(keptId);
        for (const auto& project : projects)
            recordProjectChange(project);
    });
}

std::optional<std::string> SqlCentralStore::mergedInto(const std::string& id) {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached("SELECT merged_into FROM facilities WHERE id = ?");
    statement.bindAll(id);
    if (!statement.step())
        return std::nullopt;
    return statement.getOptionalText(0);
}

std::vector<AssignmentRecord> SqlCentralStore::projectAssignments(const std::string& projectId) {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached(
        "SELECT a.id, a.project_id, a.user_id, p.province_code FROM assignments a "
        "JOIN projects p ON p.id = a.project_id WHERE a.project_id = ? ORDER BY a.id");
    statement.bindAll(projectId);
    std::vector<AssignmentRecord> result;
    while (statement.step())
        result.push_back({statement.getText(0), statement.getText(1), statement.getText(2), statement.getText(3)});
    return result;
}

std::optional<AssignmentRecord> SqlCentralStore::findAssignment(const std::string& id) {
    std::lock_guard lock(m_mutex);
    auto statement = m_db.prepareCached(
        "SELECT a.id, a.project_id, a.user_id, p.province_code FROM assignments a "
        "JOIN projects p ON p.id = a.project_id WHERE a.id = ?");
    statement.bindAll(id);
    if (!statement.step())
        return std::nullopt;
    return AssignmentRecord{statement.getText(0), statement.getText(1), statement.getText(2),
                            statement.getText(3)};
}

void SqlCentralStore::createAssignment(const AssignmentRecord& assignment,
                                          const std::string& createdBy) {
    write([&] {
        auto exists = m_db.prepareCached("SELECT 1 FROM assignments WHERE project_id = ? AND user_id = ?");
        exists.bindAll(assignment.projectId, assignment.userId);
        if (exists.step())
            throw std::invalid_argument("the user is already assigned to this project");
        m_db.prepareCached("INSERT INTO assignments (id, project_id, user_id, created_by, created_at) "
                     "VALUES (?, ?, ?, ?, ?)")
            .bindAll(assignment.id, assignment.projectId, assignment.userId, createdBy,
                     Timestamp::now().toRfc3339())
            .run();
        boost::json::object payload{{"id", assignment.id},
                                    {"project_id", assignment.projectId},
                                    {"user_id", assignment.userId}};
        recordChange("assignment", assignment.id, assignment.provinceCode, assignment.userId,
                     json::serialize(payload));
        // The assignee's cursor is already past the project and its facilities: send them
        // again so the new scope arrives through the same feed.
        recordProjectChange(assignment.projectId);
        auto beneficiaries = m_db.prepareCached(
            "SELECT facility_id FROM project_beneficiaries WHERE project_id = ?");
        beneficiaries.bindAll(assignment.projectId);
        std::vector<std::string> facilities;
        while (beneficiaries.step())
            facilities.push_back(beneficiaries.getText(0));
        for (const auto& facilityId : facilities)
            recordFacilityChange(facilityId);
    });
}

void SqlCentralStore::deleteAssignment(const std::string& id) {
    write([&] {
        m_db.prepareCached("DELETE FROM assignments WHERE id = ?").bindAll(id).run();
        if (m_db.changes() == 0)
            throw std::invalid_argument("no assignment " + id);
        recordTombstone("assignment", id);
    });
}

} // namespace kc::server
