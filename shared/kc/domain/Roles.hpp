#pragma once

#include <optional>
#include <string_view>

namespace kc::domain {

//! Who a user is in the programme; decides what they may see and do.
enum class Role {
    Admin,        //!< quản trị: users, devices, forms, provinces
    Reviewer,     //!< cán bộ Trung tâm: reviews submissions, keeps registers, reports
    Officer,      //!< cán bộ khuyến công: surveys, handovers, monitoring visits
    Collaborator  //!< cộng tác viên khuyến công: progress reports on assigned projects
};

//! The stable code stored and sent on the wire: "admin", "reviewer", "officer", "collaborator".
std::string_view roleCode(Role role);
std::optional<Role> roleFromCode(std::string_view code);

} // namespace kc::domain
