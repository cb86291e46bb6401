#include "kc/domain/Roles.hpp"

namespace kc::domain {

std::string_view roleCode(Role role) {
    switch (role) {
    case Role::Admin:
        return "admin";
    case Role::Reviewer:
        return "reviewer";
    case Role::Officer:
        return "officer";
    case Role::Collaborator:
        return "collaborator";
    }
    return "unknown";
}

std::optional<Role> roleFromCode(std::string_view code) {
    for (Role role : {Role::Admin, Role::Reviewer, Role::Officer, Role::Collaborator})
        if (roleCode(role) == code)
            return role;
    return std::nullopt;
}

} // namespace kc::domain
