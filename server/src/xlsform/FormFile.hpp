#pragma once

#include "kc/forms/Form.hpp"

#include <boost/json/value.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kc::server::xlsform {

//! A form read from a file: KCField's JSON, or an XLSForm workbook (.xlsx) converted.
struct FormFile {
    std::shared_ptr<const forms::Form> form;  //!< set when there are no problems
    boost::json::value definition;
    //! "questions[4].relevant: ..." for JSON, "survey, row 22, relevant: ..." for a workbook.
    std::vector<std::string> problems;
    std::vector<std::string> notices;
    //! The file could not be opened at all (missing, a folder, no permission): its one
    //! problem says so, and a command line reports it as an error rather than a finding.
    bool unreadable = false;
    bool ok() const { return form && problems.empty(); }
};

bool isWorkbookPath(const std::filesystem::path& path);
//! Checks the form in `bytes`: an XLSForm workbook when `workbook`, else KCField's JSON.
//! `fallbackId` names a workbook's form when its settings sheet does not.
FormFile readFormBytes(std::string_view bytes, bool workbook, const std::string& fallbackId);
//! Reads and checks the form in `path`, by its extension; an unreadable file is one problem.
FormFile readFormFile(const std::filesystem::path& path);

} // namespace kc::server::xlsform
