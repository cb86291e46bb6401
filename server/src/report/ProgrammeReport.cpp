#include "report/ProgrammeReport.hpp"

#include "kc/domain/Registers.hpp"

namespace kc::server {

namespace bj = boost::json;

namespace {

using money::addChecked;

void add(ProjectMoney& into, const ProjectGroup& group) {
    into.projects = addChecked(into.projects, group.projects, "projects");
    into.extensionFunding = addChecked(into.extensionFunding, group.extensionFunding, "extension funding");
    into.counterpartCapital = addChecked(into.counterpartCapital, group.counterpartCapital, "counterpart capital");
    into.investmentAttracted = addChecked(into.investmentAttracted, group.investmentAttracted, "investment attracted");
}

template <class Count> void add(Count& into, long long amount, std::string_view what) {
    into = addChecked(into, amount, what);
}

bj::object moneyJson(const ProjectMoney& money) {
    return {{"projects", money.projects},
            {"extension_funding", money.extensionFunding},
            {"counterpart_capital", money.counterpartCapital},
            {"investment_attracted", money.investmentAttracted}};
}

template <class Key> bj::object moneyMapJson(const std::map<Key, ProjectMoney>& map) {
    bj::object out;
    for (const auto& [key, money] : map) {
        if constexpr (std::is_same_v<Key, int>)
            out[std::to_string(key)] = moneyJson(money);
        else
            out[key] = moneyJson(money);
    }
    return out;
}

bj::object countsJson(const std::map<std::string, long long>& counts) {
    bj::object out;
    for (const auto& [key, count] : counts)
        out[key] = count;
    return out;
}

} // namespace

ProgrammeReport buildProgrammeReport(const ReportScope& scope,
                                     std::vector<std::pair<std::string, std::string>> provinces,
                                     const ProjectFigures& projects, const std::vector<ApprovedGroup>& approved,
                                     const ProductFacilities& productFacilities) {
    ProgrammeReport report;
    report.scope = scope;
    report.provinces = std::move(provinces);
    for (auto source : domain::kFundingSources)
        if (!scope.fundingSource || *scope.fundingSource == source)
            report.bySource[std::string(source)];
    for (int year = scope.fromYear; year <= scope.toYear; ++year)
        report.byYear[year];
    for (auto status : domain::kProjectStatuses)
        report.byStatus[std::string(status)];
    for (const char* level : kProductLevels) {
        report.productsByLevel[level];
        report.productFacilitiesByLevel[level];
    }

    for (const auto& group : projects.groups) {
        add(report.byStatus[group.status], group.projects, "projects");
        if (group.status == "planned") {
            add(report.planned, group);
            continue;
        }
        if (group.status == "cancelled") {
            add(report.cancelled, group);
            continue;
        }
        if (!domain::isOneOf(group.status, domain::kCarriedOutStatuses))
            continue;
        add(report.total, group);
        add(report.bySource[group.fundingSource], group);
        add(report.byActivity[group.activityType], group);
        add(report.byYear[group.year], group);
        add(report.jobsCreated, group.jobsCreated, "jobs created");
        add(report.peopleTrained, group.peopleTrained, "people trained");
        if (group.activityType == "trade_fair")
            add(report.fairParticipations, group.beneficiaryTimes, "fair participations");
    }
    report.stalledOrCancelled = projects.stalledOrCancelled;
    report.facilitiesSupported = projects.facilitiesSupported;

    for (const auto& group : approved) {
        if (group.formId == "site_survey") {
            add(report.surveys, group.submissions, "surveys");
        } else if (group.formId == "monitoring_visit") {
            add(report.monitoringVisits, group.submissions, "monitoring visits");
        } else if (group.formId == "progress_report") {
            add(report.progressReports, group.submissions, "progress reports");
        } else if (group.formId == "equipment_handover") {
            add(report.handovers, group.submissions, "handovers");
            add(report.itemsHandedOver, group.quantity, "items handed over");
            add(report.equipmentValue, group.value, "equipment value");
        } else if (group.formId == "typical_product") {
            add(report.typicalProducts, group.submissions, "typical products");
            add(report.productsByLevel[group.level], group.submissions, "typical products");
            add(report.productsByYear[group.year][group.level], group.submissions, "typical products");
        }
    }
    report.productFacilities = productFacilities.total;
    for (const auto& [level, facilities] : productFacilities.byLevel)
        report.productFacilitiesByLevel[level] = facilities;
    return report;
}

bj::object reportJson(const ProgrammeReport& report) {
    bj::array provinces;
    for (const auto& [code, name] : report.provinces)
        provinces.push_back(bj::object{{"code", code}, {"name", name}});
    bj::array noted;
    for (const auto& project : report.stalledOrCancelled)
        noted.push_back(bj::object{{"code", project.code},
                                   {"title", project.title},
                                   {"year", project.year},
                                   {"province", project.provinceCode},
                                   {"status", project.status},
                                   {"reason", project.reason}});
    bj::object productsByYear;
    for (const auto& [year, levels] : report.productsByYear)
        productsByYear[std::to_string(year)] = countsJson(levels);
    bj::object out{
        {"title", "Báo cáo kết quả thực hiện chương trình khuyến công"},
        {"provinces", std::move(provinces)},
        {"period", {{"from", report.scope.fromDate}, {"to", report.scope.toDate}}},
        {"projects",
         {{"total", report.total.projects},
          {"carried_out_statuses", bj::array(std::begin(domain::kCarriedOutStatuses), std::end(domain::kCarriedOutStatuses))},
          {"by_status", countsJson(report.byStatus)},
          {"stalled_or_cancelled", std::move(noted)}}},
        {"not_carried_out", {{"planned", moneyJson(report.planned)}, {"cancelled", moneyJson(report.cancelled)}}},
        {"money",
         {{"total", moneyJson(report.total)},
          {"by_funding_source", moneyMapJson(report.bySource)},
          {"by_activity_type", moneyMapJson(report.byActivity)},
          {"by_year", moneyMapJson(report.byYear)}}},
        {"facilities_supported", report.facilitiesSupported},
        {"jobs_created", report.jobsCreated},
        {"people_trained", report.peopleTrained},
        {"fair_participations", report.fairParticipations},
        {"surveys", report.surveys},
        {"monitoring_visits", report.monitoringVisits},
        {"progress_reports", report.progressReports},
        {"equipment", {{"handovers", report.handovers}, {"items", report.itemsHandedOver}, {"value", report.equipmentValue}}},
        {"typical_products",
         {{"total", report.typicalProducts},
          {"by_level", countsJson(report.productsByLevel)},
          {"facilities", report.productFacilities},
          {"facilities_by_level", countsJson(report.productFacilitiesByLevel)},
          {"by_year", std::move(productsByYear)}}}};
    bj::object labels;
    const auto named = [&](const char* group, const std::string& code) {
        auto& names = labels[group];
        if (!names.is_object())
            names.emplace_object();
        names.as_object()[code] = reportLabel(group, code);
    };
    for (auto source : domain::kFundingSources)
        named("funding_source", std::string(source));
    for (auto activity : domain::kActivityTypes)
        named("activity_type", std::string(activity));
    for (auto status : domain::kProjectStatuses)
        named("status", std::string(status));
    for (const char* level : kProductLevels)
        named("level", level);
    out["labels"] = std::move(labels);
    out["funding_source"] = report.scope.fundingSource ? bj::value(*report.scope.fundingSource) : bj::value(nullptr);
    return out;
}

} // namespace kc::server
