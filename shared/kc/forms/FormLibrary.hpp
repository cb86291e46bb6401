#pragma once

#include <span>
#include <string_view>

namespace kc::forms {

//! A form of the industrial extension library (shared/forms/*.json), as built into the binary.
struct LibraryForm {
    std::string_view id;
    std::string_view json;
};

//! The six forms every province starts with; docs/forms.md describes them.
std::span<const LibraryForm> formLibrary();

} // namespace kc::forms
