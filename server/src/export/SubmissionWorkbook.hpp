#pragma once

#include "store/CentralStore.hpp"

#include "kc/forms/Form.hpp"
#include "kc/protocol/Review.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kc::server {

//! The answer-holding questions of one scope (the top level, or a repeat's body), in
//! document order: the columns of an export.
std::vector<const forms::Question*> exportColumns(const forms::Form& form, int scope);

struct SubmissionExport {
    std::string formId;
    std::vector<std::string> provinces;         //!< the caller's scope
    std::optional<protocol::SubmissionState> state;  //!< only this state; unset: all
    std::shared_ptr<const forms::Form> form;     //!< the latest version's definition
};

//! Writes a form's current submissions as an .xlsx, in libxlsxwriter's constant-memory mode
//! (one row in memory per sheet, the store read 500 submissions at a time): a sheet of
//! submissions, one sheet per repeat whose rows name their submission and entry, typed cells
//! (numbers, money as whole đồng with grouping, dates as dates shown dd/mm/yyyy), the
//! Vietnamese labels as titles above the field names, both rows frozen. Returns the number of
//! submissions written.
std::size_t writeSubmissionWorkbook(CentralStore& store, const SubmissionExport& what,
                                    const std::filesystem::path& file, const std::filesystem::path& tmpdir);

} // namespace kc::server
