#pragma once

#include "store/ReportRecords.hpp"

#include <boost/json/object.hpp>

#include <map>
#include <string>
#include <vector>

// The programme report (báo cáo kết quả thực hiện chương trình khuyến công): the figures
// provincial reports publish, added up from the register and from approved submissions.
namespace kc::server {

//! Projects and their money: a count and three sums in whole đồng.
struct ProjectMoney {
    long long projects = 0;
    money::Dong extensionFunding = 0;
    money::Dong counterpartCapital = 0;
    money::Dong investmentAttracted = 0;
};

struct ProgrammeReport {
    ReportScope scope;
    std::vector<std::pair<std::string, std::string>> provinces;  //!< code, name

    //! Projects carried out (domain::kCarriedOutStatuses): the headline figures, as
    //! provincial reports publish them. Every breakdown below counts these alone.
    ProjectMoney total;
    ProjectMoney planned;    //!< not carried out: not started yet
    ProjectMoney cancelled;  //!< not carried out: cancelled
    std::map<std::string, ProjectMoney> bySource;    //!< every funding source, zeros included
    std::map<std::string, ProjectMoney> byActivity;  //!< activity types that occur
    std::map<int, ProjectMoney> byYear;              //!< every year of the period
    std::map<std::string, long long> byStatus;       //!< every status, zeros included
    std::vector<NotedProject> stalledOrCancelled;

    long long facilitiesSupported = 0;
    long long jobsCreated = 0;
    long long peopleTrained = 0;
    long long fairParticipations = 0;  //!< facility-times at trade fairs

    long long surveys = 0;
    long long monitoringVisits = 0;
    long long progressReports = 0;
    long long handovers = 0;
    long long itemsHandedOver = 0;
    money::Dong equipmentValue = 0;

    long long typicalProducts = 0;
    std::map<std::string, long long> productsByLevel;                //!< every level, zeros included
    long long productFacilities = 0;                                 //!< distinct facilities of those products
    std::map<std::string, long long> productFacilitiesByLevel;       //!< every level, zeros included
    std::map<int, std::map<std::string, long long>> productsByYear;  //!< years with products
};

//! Adds up what the store grouped. Pure: tested without a store.
ProgrammeReport buildProgrammeReport(const ReportScope& scope,
                                     std::vector<std::pair<std::string, std::string>> provinces,
                                     const ProjectFigures& projects, const std::vector<ApprovedGroup>& approved,
                                     const ProductFacilities& productFacilities);

//! The report as docs/protocol.md describes it (money as JSON integers of đồng).
boost::json::object reportJson(const ProgrammeReport& report);
//! One figure a row: indicator, breakdown, key, value, unit; UTF-8 with a BOM for Excel.
std::string reportCsv(const ProgrammeReport& report);
//! The report as an .xlsx laid out as a provincial report's tables: the indicators, by source,
//! by activity, by year, products by level, stalled and cancelled projects; money in whole
//! đồng with grouping.
std::string reportXlsx(const ProgrammeReport& report);
//! "năm 2025", "giai đoạn 2021–2025" or "từ 01/03/2025 đến 30/06/2025".
std::string reportPeriodText(const ReportScope& scope);
//! A plain-text report in Vietnamese, for the terminal (money in tỷ đồng).
std::string reportText(const ProgrammeReport& report);

//! The Vietnamese name of a code of `group` (funding_source, activity_type, status, level),
//! as provincial reports write it; the code itself when it has none.
std::string reportLabel(const std::string& group, const std::string& code);

//! Recognition levels of typical products, lowest first.
inline constexpr const char* kProductLevels[] = {"district", "provincial", "regional", "national"};

} // namespace kc::server
