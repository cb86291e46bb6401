#pragma once

#include "kc/domain/Registers.hpp"
#include "kc/domain/Roles.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace kc::server {

//! Who is asking, with their scope, as established from a bearer token. Every handler
//! decides what the caller may read or write from this alone.
struct Caller {
    std::string userId;
    std::string username;
    std::string displayName;
    domain::Role role = domain::Role::Collaborator;
    std::vector<std::string> provinces;   //!< the scope
    std::vector<std::string> projects;    //!< assigned projects (what bounds a collaborator)
    std::vector<std::string> facilities;  //!< a collaborator's: their projects' beneficiaries
    std::string tokenHash;

    bool isStaff() const { return role == domain::Role::Admin || role == domain::Role::Reviewer; }
    bool isCollaborator() const { return role == domain::Role::Collaborator; }
    bool inProvince(const std::string& code) const { return contains(provinces, code); }

    bool maySee(const domain::Project& project) const {
        return inProvince(project.provinceCode) && (!isCollaborator() || contains(projects, project.id));
    }
    bool maySee(const domain::Facility& facility) const {
        return inProvince(facility.provinceCode) &&
               (!isCollaborator() || contains(facilities, facility.id));
    }

private:
    static bool contains(const std::vector<std::string>& list, const std::string& value) {
        return std::find(list.begin(), list.end(), value) != list.end();
    }
};

} // namespace kc::server
