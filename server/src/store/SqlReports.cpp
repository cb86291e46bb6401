// Programme report figures in the SQLite store: the register's projects, and approved
// submissions through the summary table kept in step with review decisions.
#include "store/SqlCentralStore.hpp"

#include "store/ReportFactsSql.hpp"
#include "store/SqlLists.hpp"

namespace kc::server {

namespace {

//! "p.province_code IN (?, ...) AND p.year BETWEEN ? AND ?[ AND p.funding_source = ?]"
std::string projectConditions(const ReportScope& scope) {
    return "p.province_code IN (" + placeholders(scope.provinces.size()) + ") AND p.year BETWEEN ? AND ?" +
           (scope.fundingSource ? " AND p.funding_source = ?" : "");
}

int bindProjectConditions(SqlStatement& statement, int index, const ReportScope& scope) {
    index = bindList(statement, index, scope.provinces);
    statement.bind(index++, scope.fromYear);
    statement.bind(index++, scope.toYear);
    if (scope.fundingSource)
        statement.bind(index++, *scope.fundingSource);
    return index;
}

} // namespace

void SqlCentralStore::refreshReportFact(const std::string& submissionId) {
    m_db.prepareCached("DELETE FROM report_facts WHERE submission_id = ?").bindAll(submissionId).send();
    static const std::string inserts[] = {"INSERT INTO report_facts " + reportFactsSelect("s.id = ?", Dialect::Sqlite),
                                          "INSERT INTO report_facts " + reportFactsSelect("s.id = ?", Dialect::Postgres)};
    const std::string& insert = inserts[m_db.dialect() == Dialect::Sqlite ? 0 : 1];
    m_db.prepareCached(insert).bindAll(submissionId).send();
}

ProjectFigures SqlCentralStore::projectFigures(const ReportScope& scope) {
    const auto reading = leaseReader();
    SqlDatabase& reader = *reading;
    SqlTransaction snapshot(reader, SqlTransaction::Mode::Snapshot);  // one committed state for all
    ProjectFigures figures;
    const std::string where = projectConditions(scope);
    auto groups = reader.prepare(
        "SELECT p.funding_source, p.activity_type, p.year, p.status, count(*), sum(p.extension_funding), "
        "sum(p.counterpart_capital), sum(p.investment_attracted), sum(p.jobs_created), sum(p.people_trained), "
        "sum((SELECT count(*) FROM project_beneficiaries b WHERE b.project_id = p.id)) "
        "FROM projects p WHERE " + where + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
    bindProjectConditions(groups, 1, scope);
    while (groups.step())
        figures.groups.push_back({groups.getText(0), groups.getText(1), groups.getInt(2), groups.getText(3),
                                  groups.getInt64(4), groups.getInt64(5), groups.getInt64(6), groups.getInt64(7),
                                  groups.getInt64(8), groups.getInt64(9), groups.getInt64(10)});
    auto facilities = reader.prepare(
        "SELECT count(DISTINCT b.facility_id) FROM project_beneficiaries b JOIN projects p ON p.id = b.project_id "
        "WHERE " + where + " AND p.status IN (" + placeholders(std::size(domain::kCarriedOutStatuses)) + ")");
    {
        int index = bindProjectConditions(facilities, 1, scope);
        for (auto status : domain::kCarriedOutStatuses)
            facilities.bind(index++, std::string(status));
    }
    if (facilities.step())
        figures.facilitiesSupported = facilities.getInt64(0);
    auto noted = reader.prepare(
        "SELECT p.code, p.title, p.year, p.province_code, p.status, coalesce(p.status_reason, '') "
        "FROM projects p WHERE " + where + " AND p.status IN ('stalled', 'cancelled') ORDER BY p.year, p.code");
    bindProjectConditions(noted, 1, scope);
    while (noted.step())
        figures.stalledOrCancelled.push_back({noted.getText(0), noted.getText(1), noted.getInt(2),
                                              noted.getText(3), noted.getText(4), noted.getText(5)});
    snapshot.commit();
    return figures;
}

namespace {

//! "FROM <facts> f [JOIN projects p ...] WHERE <scope>" for approved figures.
std::string factsInScope(const ReportScope& scope, FigureSource source, Dialect dialect) {
    const std::string from = source == FigureSource::Summary ? "report_facts" : "(" + reportFactsSelect("TRUE", dialect) + ")";
    return " FROM " + from + " f " +
           (scope.fundingSource ? "JOIN projects p ON p.id = f.project_id AND p.funding_source = ? " : "") +
           "WHERE f.province_code IN (" + placeholders(scope.provinces.size()) + ") AND "
           "(f.event_date BETWEEN ? AND ? OR (f.form_id = 'typical_product' AND f.year BETWEEN ? AND ?)) ";
}

int bindFactsInScope(SqlStatement& statement, const ReportScope& scope) {
    int index = 1;
    if (scope.fundingSource)
        statement.bind(index++, *scope.fundingSource);
    index = bindList(statement, index, scope.provinces);
    statement.bind(index++, scope.fromDate);
    statement.bind(index++, scope.toDate);
    statement.bind(index++, scope.fromYear);
    statement.bind(index++, scope.toYear);
    return index;
}

} // namespace

std::vector<ApprovedGroup> SqlCentralStore::approvedFigures(const ReportScope& scope, FigureSource source) {
    const auto reading = leaseReader();
    SqlDatabase& reader = *reading;
    auto statement = reader.prepare(
        "SELECT f.form_id, f.year, coalesce(f.level, ''), count(*), sum(f.quantity), sum(f.value)" +
        factsInScope(scope, source, reader.dialect()) + "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
    bindFactsInScope(statement, scope);
    std::vector<ApprovedGroup> groups;
    while (statement.step())
        groups.push_back({statement.getText(0), statement.getInt(1), statement.getText(2), statement.getInt64(3),
                          statement.getInt64(4), statement.getInt64(5)});
    return groups;
}

ProductFacilities SqlCentralStore::productFacilities(const ReportScope& scope, FigureSource source) {
    const auto reading = leaseReader();
    SqlDatabase& reader = *reading;
    auto statement = reader.prepare(
        "SELECT coalesce(f.level, ''), count(DISTINCT f.facility_id)" + factsInScope(scope, source, reader.dialect()) +
        "AND f.form_id = 'typical_product' GROUP BY 1 ORDER BY 1");
    bindFactsInScope(statement, scope);
    ProductFacilities facilities;
    while (statement.step())
        facilities.byLevel[statement.getText(0)] = statement.getInt64(1);
    auto total = reader.prepare("SELECT count(DISTINCT f.facility_id)" + factsInScope(scope, source, reader.dialect()) +
                                  "AND f.form_id = 'typical_product'");
    bindFactsInScope(total, scope);
    if (total.step())
        facilities.total = total.getInt64(0);
    return facilities;
}

} // namespace kc::server
