#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace kc::server {

//! The admin CLI on the store in --data DIR (default ./var), safe while the server runs:
//!   users list | add NAME --role R --province P[,P] [--name TEXT] | passwd NAME |
//!         disable NAME | enable NAME        (passwords are read from stdin)
//!   enroll NAME [--device LABEL] [--server URL] [--png FILE]
//!   import facilities|projects FILE.csv
//!   forms publish FILE.json
//!   report [--provinces P,..] [--from Y|DATE] [--to Y|DATE] [--source S] [--format text|csv|json]
//!          [--output FILE]
//!   backup FILE
//! Returns the exit code: 0 done, 1 refused (the message says why), 2 bad usage.
int runAdmin(const std::string& command, std::vector<std::string> args, std::istream& in,
             std::ostream& out, std::ostream& err);

} // namespace kc::server
