#pragma once

#include "store/CentralStore.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kc::server {

//! The `facilities` or `projects` of `provinces` as a workbook in the import's own layout (the
//! header "Tên cơ sở (name)", one row per record, beneficiaries as ids separated by ";"), so
//! that its columns read the same as the template's and its rows can go into an import.
//! Throws std::invalid_argument for another register.
void writeRegisterWorkbook(CentralStore& store, const std::string& which, const std::vector<std::string>& provinces,
                           const std::filesystem::path& file);

} // namespace kc::server
