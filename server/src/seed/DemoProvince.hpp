#pragma once

#include "store/CentralStore.hpp"

#include <ostream>
#include <string>

namespace kc::server {

//! The password every demo user signs in with (printed when the store is seeded).
inline constexpr const char* kDemoPassword = "khuyencong";

//! Seeds an empty store with a demo province (Cao Bằng, figures in the spirit of its public
//! reports): one user of each role, communes, facilities and projects. Does nothing when
//! the store already holds users. Writes the sign-in details to `out`. Returns true when it
//! seeded. All of it lands in one transaction.
bool seedDemoProvince(CentralStore& store, std::ostream& out);

} // namespace kc::server
