#pragma once

#include "kc/forms/Form.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace kc::forms {

struct RegisterReference {
    std::string registerName;  //!< "facility" or "project"
    std::string id;
    std::string path;          //!< where in the answers: "project", "visits[0].facility"
};

//! What a submission points at outside itself: the attachments it needs (photos and
//! signatures, by SHA-256, each once) and the register records it names.
struct SubmissionReferences {
    std::vector<std::string> attachments;
    std::vector<RegisterReference> registers;
};

//! What a submission is about, as review lists and reports name it: the first project and
//! the first facility its answers name (either may be absent).
struct SubmissionAbout {
    std::optional<std::string> projectId;
    std::optional<std::string> facilityId;
};
SubmissionAbout aboutOf(const SubmissionReferences& references);

//! Reads the references out of answers that validateSubmission() accepted.
SubmissionReferences collectReferences(const Form& form, const boost::json::object& answers);

} // namespace kc::forms
