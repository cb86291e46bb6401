#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace kc::server {

//! `template facilities|projects [--output FILE.xlsx]`: a workbook to fill in for an import.
int runTemplate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace kc::server
