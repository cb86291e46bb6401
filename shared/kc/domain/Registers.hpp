#pragma once

#include "kc/money/Money.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kc::domain {

// Codes below are stable identifiers stored and sent on the wire; the interface shows
// their Vietnamese or English names. Provinces and communes are data (codes and names),
// never an enum: administrative units change (as they did in 2025).

//! Legal forms of a rural industrial facility (cơ sở CNNT).
inline constexpr std::string_view kLegalForms[] = {"cooperative", "limited_company",
                                                   "private_enterprise", "household_business"};
//! Sectors (ngành nghề).
inline constexpr std::string_view kSectors[] = {
    "agro_forestry_processing", "building_materials", "handicrafts",
    "mechanics",                "seafood_processing", "other"};
//! Funding sources (nguồn kinh phí): khuyến công quốc gia / địa phương.
inline constexpr std::string_view kFundingSources[] = {"national", "local"};
//! Activity types of extension projects, as named in provincial reports.
inline constexpr std::string_view kActivityTypes[] = {
    "advanced_machinery",    "demonstration_model", "technology_transfer",
    "cleaner_production",    "vocational_training", "trade_fair",
    "brand_registration",    "packaging_design",    "management_capacity",
    "study_tour",            "investment_consulting", "industrial_cluster"};
//! Project status; stalled and cancelled ones carry a reason.
inline constexpr std::string_view kProjectStatuses[] = {"planned", "in_progress", "completed",
                                                        "stalled", "cancelled"};

//! The statuses of projects "carried out" (đề án đã thực hiện) as provincial reports count
//! them: implemented, even if stalled since. Planned and cancelled projects are shown apart.
inline constexpr std::string_view kCarriedOutStatuses[] = {"in_progress", "completed", "stalled"};

struct Province {
    std::string code;
    std::string name;
};

struct Commune {
    std::string code;
    std::string provinceCode;
    std::string name;
};

//! An administrative unit as the General Statistics Office publishes it: a province or a
//! commune, the days it was valid, and the unit it was merged into. Records made under a
//! unit that no longer exists keep its code; its successor's scopes and reports include them.
struct AdministrativeUnit {
    std::string code;
    std::string name;
    std::string kind;                       //!< "province" or "commune"
    std::optional<std::string> parent;      //!< a commune's province
    std::optional<std::string> validFrom;   //!< YYYY-MM-DD; unset: since before records began
    std::optional<std::string> validTo;     //!< the last day it was valid; unset: still valid
    std::optional<std::string> successor;   //!< the unit of the same kind it became part of
};

inline constexpr std::string_view kUnitKinds[] = {"province", "commune"};

//! A rural industrial facility (cơ sở CNNT).
struct Facility {
    std::string id;  // UUIDv7
    std::string name;
    std::string legalForm;
    std::string sector;
    std::string provinceCode;
    std::optional<std::string> communeCode;
    std::optional<std::string> village;
    std::optional<std::string> representative;
    std::optional<std::string> phone;
    std::optional<int> workforce;
    std::optional<std::string> products;
    std::optional<double> latitude;
    std::optional<double> longitude;
};

//! An extension project (đề án khuyến công); money in whole đồng.
struct Project {
    std::string id;  // UUIDv7
    std::string code;
    std::string title;
    int year = 0;
    std::string fundingSource;
    std::string activityType;
    std::string provinceCode;
    std::string status = "planned";
    std::optional<std::string> statusReason;
    money::Dong extensionFunding = 0;     // kinh phí khuyến công hỗ trợ
    money::Dong counterpartCapital = 0;   // vốn đối ứng
    money::Dong investmentAttracted = 0;  // vốn đầu tư thu hút
    int jobsCreated = 0;
    int peopleTrained = 0;  // người được đào tạo, tập huấn
    std::vector<std::string> beneficiaryIds;  // facility ids (đơn vị thụ hưởng)
};

//! True when `code` is one of `codes`.
template <std::size_t N> bool isOneOf(std::string_view code, const std::string_view (&codes)[N]) {
    for (auto candidate : codes)
        if (candidate == code)
            return true;
    return false;
}

} // namespace kc::domain
