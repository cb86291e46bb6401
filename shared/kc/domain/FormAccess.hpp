#pragma once

#include "kc/domain/Roles.hpp"

#include <string_view>

namespace kc::domain {

//! Which role may submit which form: the one home of that rule. The server refuses the rest
//! at push; the app offers only these in its form chooser and home screen.
//! Collaborators report progress on their assigned projects (`progress_report`) and nothing
//! else; officers and central staff may submit every form.
bool maySubmitForm(Role role, std::string_view formId);

//! The form a collaborator's work is made of.
inline constexpr std::string_view kProgressReportForm = "progress_report";

} // namespace kc::domain
