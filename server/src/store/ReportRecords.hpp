#pragma once

#include "kc/money/Money.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

// What the store hands the programme report: figures already grouped, no SQL, no JSON.
namespace kc::server {

//! What a programme report covers. The provinces are already within the caller's scope.
struct ReportScope {
    std::vector<std::string> provinces;
    int fromYear = 0;        //!< projects and typical products count by their year
    int toYear = 0;
    std::string fromDate;    //!< dated records (surveys, handovers, visits, progress) by their
    std::string toDate;      //!< date, YYYY-MM-DD, both ends included
    std::optional<std::string> fundingSource;  //!< national or local; unset: both
};

//! Register projects that share a funding source, activity type, year and status.
struct ProjectGroup {
    std::string fundingSource;
    std::string activityType;
    int year = 0;
    std::string status;
    long long projects = 0;
    money::Dong extensionFunding = 0;
    money::Dong counterpartCapital = 0;
    money::Dong investmentAttracted = 0;
    long long jobsCreated = 0;
    long long peopleTrained = 0;
    long long beneficiaryTimes = 0;  //!< facility-times supported (lượt cơ sở)
};

//! A stalled or cancelled project, with the reason the register records.
struct NotedProject {
    std::string code;
    std::string title;
    int year = 0;
    std::string provinceCode;
    std::string status;
    std::string reason;
};

struct ProjectFigures {
    std::vector<ProjectGroup> groups;
    std::vector<NotedProject> stalledOrCancelled;
    long long facilitiesSupported = 0;  //!< distinct beneficiaries of projects carried out
};

//! Approved submissions of one form that share a year (and, for typical products, a level).
struct ApprovedGroup {
    std::string formId;
    int year = 0;
    std::string level;         //!< typical products: district, provincial, regional, national
    long long submissions = 0;
    long long quantity = 0;    //!< equipment handovers: items handed over
    money::Dong value = 0;     //!< equipment handovers: their value
};

//! Distinct facilities whose typical products were recognised (approved) in a scope.
struct ProductFacilities {
    long long total = 0;                      //!< a facility with products at two levels counts once
    std::map<std::string, long long> byLevel; //!< level -> distinct facilities
};

//! Where approved figures are read from: the summary kept up to date as submissions are
//! approved, or a full scan of the submissions' answers (to check the summary against).
enum class FigureSource { Summary, FullScan };

} // namespace kc::server
