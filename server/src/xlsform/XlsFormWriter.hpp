#pragma once

#include <boost/json/value.hpp>

#include <filesystem>

namespace kc::server::xlsform {

//! Writes a KCField form definition as an XLSForm workbook (survey, choices, settings), with
//! Vietnamese and English columns and KCField's own types (`money`, `reference facility`,
//! `signature`) and columns (`multiple`, `min_count`, `max_count`). Converting the workbook
//! back gives the same definition. Throws sheets::WorkbookError when the file cannot be written.
void writeXlsForm(const boost::json::value& definition, const std::filesystem::path& file);

} // namespace kc::server::xlsform
