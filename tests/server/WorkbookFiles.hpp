#pragma once

// Workbooks built by the tests: whole ones through libxlsxwriter, and raw zips of hand-made XML
// for the damaged and hostile cases no spreadsheet program writes.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace kc::test {

using SheetRows = std::vector<std::vector<std::string>>;

//! An .xlsx with these sheets, each a list of rows of text cells ("" leaves a cell empty).
//! A cell written "#12.5" is stored as the number 12.5.
std::filesystem::path writeWorkbook(const std::filesystem::path& file,
                                    const std::vector<std::pair<std::string, SheetRows>>& sheets);

//! A zip archive of these parts (name, bytes), compressed.
std::string zipOf(const std::vector<std::pair<std::string, std::string>>& parts);

//! A minimal, valid .xlsx package around one sheet's XML (named "survey").
std::string xlsxAround(const std::string& sheetXml, const std::string& sharedStringsXml = "");

std::string readBytes(const std::filesystem::path& file);

} // namespace kc::test
