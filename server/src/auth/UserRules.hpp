#pragma once

#include <optional>
#include <string>

namespace kc::server {

//! What a new username may be: 3 to 32 of a-z, 0-9, '.', '_' and '-', starting with a letter
//! (typed on a phone, read aloud on the telephone). nullopt when fine, else what is wrong.
std::optional<std::string> usernameProblem(const std::string& username);
//! A display name: 1 to 100 characters of text once trimmed.
std::optional<std::string> displayNameProblem(const std::string& name);
//! A password made for a person to type once and change: 12 characters from an alphabet
//! without look-alikes (no 0/O, 1/l/I), from libsodium's random source.
std::string generatePassword();

} // namespace kc::server
