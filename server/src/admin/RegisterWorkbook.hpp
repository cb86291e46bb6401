#pragma once

#include "admin/Csv.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace kc::server {

//! The first sheet of an .xlsx as a table: its first row the header, each later non-empty row
//! one record, numbered as the spreadsheet numbers it ("row 5: ..."). Dates arrive as
//! YYYY-MM-DD, whole numbers without ".0". Throws sheets::WorkbookError.
CsvTable tableFromWorkbook(std::string_view bytes);

//! A workbook to fill in for `facilities` or `projects`: a sheet with the header row (each
//! column's Vietnamese title with its code), lists that allow only valid codes, an example
//! row on a sheet of its own, and the codes with their meaning. Throws std::invalid_argument
//! for another register, sheets::WorkbookError when the file cannot be written.
void writeRegisterTemplate(const std::string& which, const std::filesystem::path& file);

} // namespace kc::server
