#pragma once

#include <string>

namespace kc::server::xlsform {

//! One problem in a workbook, where its author finds it:
//! `survey, row 22, relevant: unknown field ${danh_gai} (did you mean ${danh_gia}?)`.
struct SheetProblem {
    std::string sheet;   //!< "survey", "choices", "settings"; empty for the workbook itself
    int row = 0;         //!< 1-based as the spreadsheet shows it; 0 when it is about the sheet
    std::string column;  //!< the header as written ("label::English (en)"); may be empty
    std::string cell;    //!< the cell's text, quoted in the message when it adds something
    std::string message;

    std::string toString() const;
};

} // namespace kc::server::xlsform
