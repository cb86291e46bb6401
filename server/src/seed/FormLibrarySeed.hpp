#pragma once

#include "store/CentralStore.hpp"

#include <ostream>

namespace kc::server {

//! Publishes every form of the built-in library (shared/forms/) that the store does not hold
//! yet, at its version; a store already up to date is left alone. Returns how many versions
//! were published and says so on `out`. Throws when a library form does not load.
int installFormLibrary(CentralStore& store, std::ostream& out);

} // namespace kc::server
