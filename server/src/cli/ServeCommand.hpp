#pragma once

#include <string>
#include <vector>

namespace kc::server {

//! `kcfield-server serve [--listen ADDR:PORT] [--data DIR] [--threads N] [--no-demo]`.
//! Returns the process exit code.
int runServe(const std::vector<std::string>& args);

} // namespace kc::server
