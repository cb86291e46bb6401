#include "report/ProgrammeReportQuery.hpp"

#include "kc/db/DbError.hpp"

#include <stdexcept>
#include <string_view>

namespace kc::server {

ProgrammeReport programmeReport(CentralStore& store, const ReportScope& scope, FigureSource source) {
    std::vector<std::pair<std::string, std::string>> provinces;
    for (const auto& code : scope.provinces)
        provinces.emplace_back(code, store.provinceName(code).value_or(code));
    // The figures of a province include those recorded under the units merged into it.
    ReportScope covered = scope;
    covered.provinces = store.withPredecessors(scope.provinces);
    try {
        return buildProgrammeReport(scope, std::move(provinces), store.projectFigures(covered),
                                    store.approvedFigures(covered, source), store.productFacilities(covered, source));
    } catch (const db::DbError& error) {
        // SQLite's sum() refuses to wrap: say so in words, not as a store failure.
        if (std::string_view(error.what()).find("integer overflow") != std::string_view::npos)
            throw std::overflow_error("the report's totals are larger than a 64-bit count can hold; "
                                      "narrow the period or the provinces");
        throw;
    }
}

} // namespace kc::server
