#pragma once

#include "store/CentralStore.hpp"

#include "kc/forms/Form.hpp"

#include <string>

namespace kc::server {

//! What publishing a checked form did. A published version never changes, and versions only
//! go forward: the one rule the CLI's `forms publish` and the API's publishing both keep.
struct PublishOutcome {
    enum class Kind { Published, AlreadyPublished, VersionTaken, VersionBehind } kind;
    long long latest = 0;  //!< the newest version published before, 0 for a new form
    std::string message;   //!< in words, for the person publishing
    bool ok() const { return kind == Kind::Published || kind == Kind::AlreadyPublished; }
};

//! Publishes `form` unless its version is taken by another definition or is older than the
//! newest published one; the same definition again is AlreadyPublished (nothing changes).
PublishOutcome publishForm(CentralStore& store, const forms::Form& form);

} // namespace kc::server
