#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace kc::server {

//! `kcfield-server forms check FILE...`: loads each form definition and prints every issue
//! as "FILE: path: message". Exit 0 when all are clean, 1 when any has an issue, 2 on bad
//! usage. `forms list` prints the built-in library.
int runForms(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace kc::server
