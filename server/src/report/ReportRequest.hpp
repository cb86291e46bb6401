#pragma once

#include "store/ReportRecords.hpp"

#include <optional>
#include <stdexcept>
#include <string>

// What a person asks a programme report for, as the API's query and the CLI's flags say it.
namespace kc::server {

//! A request that cannot be answered: which parameter, and what was expected.
class ReportRequestError : public std::runtime_error {
public:
    ReportRequestError(std::string parameter, const std::string& message)
        : std::runtime_error(message), m_parameter(std::move(parameter)) {}
    const std::string& parameter() const { return m_parameter; }

private:
    std::string m_parameter;
};

struct ReportRequest {
    std::optional<std::string> provinces;  //!< "04,96"; unset: the caller's whole scope
    std::optional<std::string> from;       //!< "2021" or "2021-03-01"
    std::optional<std::string> to;         //!< "2025" or "2025-06-30"
    std::optional<std::string> source;     //!< national or local
};

//! The year now (UTC): what a report covers when no period is given.
int currentYear();

//! The scope a report covers for a caller whose provinces are `allowed`. A year stands for
//! the whole year; without `from` and `to` the report covers the current year. Throws
//! ReportRequestError for a malformed value, a period that ends before it starts, or a
//! province outside `allowed` (`forbidden` is then true).
ReportScope reportScope(const ReportRequest& request, const std::vector<std::string>& allowed, int currentYear,
                        bool* forbidden = nullptr);

} // namespace kc::server
