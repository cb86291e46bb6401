#pragma once

#include "report/ProgrammeReport.hpp"
#include "store/CentralStore.hpp"

namespace kc::server {

//! The programme report of `scope`, read from `store` (its provinces named as the store has them).
ProgrammeReport programmeReport(CentralStore& store, const ReportScope& scope,
                                FigureSource source = FigureSource::Summary);

} // namespace kc::server
