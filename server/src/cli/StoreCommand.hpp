#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace kc::server {

//! `kcfield-server store copy --from DIR --to URI`: a whole SQLite store into an empty
//! PostgreSQL store (StoreCopy.hpp), counted and hashed on both sides.
int runStore(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace kc::server
