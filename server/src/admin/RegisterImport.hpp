#pragma once

#include "admin/Csv.hpp"
#include "store/CentralStore.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kc::server {

struct ImportReport {
    int imported = 0;
    //! "line 4: legal_form: unknown code \"htx\" (expected one of ...)"; when there is any,
    //! nothing was imported.
    std::vector<std::string> errors;
};

//! Imports administrative units from CSV (code, name, kind, parent, valid_from, valid_to,
//! successor): new units added, known ones updated, all or none.
ImportReport importUnits(CentralStore& store, std::string_view csv);
//! "province 04 is not in the store; import the administrative units first: ...".
std::string missingProvinceMessage(const std::string& code);

//! Imports facilities from CSV (docs/operations.md names the columns). Every row is checked
//! first; the rows land in one transaction only when all of them are good.
ImportReport importFacilities(CentralStore& store, std::string_view csv);
//! Imports projects from CSV the same way; `beneficiaries` lists facility ids or exact names
//! (in the project's province) separated by ";".
ImportReport importProjects(CentralStore& store, std::string_view csv);
//! The same from a table read already (CSV, or a workbook's first sheet: admin/RegisterWorkbook).
//! With a `scope`, a row of a province outside it is an error of that row.
ImportReport importFacilities(CentralStore& store, const CsvTable& table, const std::vector<std::string>* scope = nullptr);
ImportReport importProjects(CentralStore& store, const CsvTable& table, const std::vector<std::string>* scope = nullptr);

//! What a project must be to enter the register, from a file or the API alike: its province
//! known (and one of `scope`'s, when given), its code not another project's of the province,
//! the year, money and counts in range, a reason when stalled or cancelled, its beneficiaries
//! facilities of its province. Throws json::JsonError naming the field.
void checkProject(CentralStore& store, const domain::Project& project, const std::vector<std::string>* scope);

//! A register's columns: its code in the file's header, and its Vietnamese title (for the
//! template's header, "Tên cơ sở (name)", which the import reads as "name").
struct RegisterColumn {
    const char* name;
    const char* title;
    bool required;
    bool number;  //!< a whole number or decimal, not text
};
const std::vector<RegisterColumn>& facilityColumns();
const std::vector<RegisterColumn>& projectColumns();

} // namespace kc::server
