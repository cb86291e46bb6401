#pragma once

#include "sheets/Workbook.hpp"
#include "xlsform/SheetProblem.hpp"

#include "kc/forms/Form.hpp"

#include <boost/json/value.hpp>

#include <memory>
#include <string>
#include <vector>

namespace kc::server::xlsform {

struct Conversion {
    boost::json::value definition;       //!< KCField's form JSON (docs/forms.md)
    std::shared_ptr<const forms::Form> form;  //!< set when there are no errors
    std::vector<SheetProblem> errors;    //!< every problem found, in sheet and row order
    std::vector<SheetProblem> notices;   //!< what was kept differently, named (nothing is dropped silently)
    bool ok() const { return errors.empty() && form != nullptr; }
};

//! Converts an XLSForm workbook (survey, choices and settings sheets, xlsform.org) into a
//! KCField form, then runs the engine's own definition check and maps its findings back to
//! the sheet, row and column they came from. `fallbackId` names the form when the settings
//! sheet does not (the file's name, as pyxform does).
Conversion convertXlsForm(const sheets::Workbook& workbook, const std::string& fallbackId = {});

} // namespace kc::server::xlsform
