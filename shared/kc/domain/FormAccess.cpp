#include "kc/domain/FormAccess.hpp"

namespace kc::domain {

bool maySubmitForm(Role role, std::string_view formId) {
    return role != Role::Collaborator || formId == kProgressReportForm;
}

} // namespace kc::domain
