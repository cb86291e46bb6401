#include "auth/UserRules.hpp"

#include "kc/text/Fold.hpp"

#include <stdexcept>

#include <sodium.h>

namespace kc::server {

std::optional<std::string> usernameProblem(const std::string& username) {
    if (username.size() < 3 || username.size() > 32)
        return "a username is 3 to 32 characters long";
    if (username[0] < 'a' || username[0] > 'z')
        return "a username starts with a letter a-z";
    for (char c : username)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
            return std::string("a username holds only a-z, 0-9, '.', '_' and '-' (not \"") + c + "\")";
    return std::nullopt;
}

std::optional<std::string> displayNameProblem(const std::string& name) {
    const auto first = name.find_first_not_of(" \t");
    if (first == std::string::npos)
        return "the name shown for the user is empty";
    if (!kc::text::isValidUtf8(name))
        return "the name is not valid UTF-8 text";
    std::size_t characters = 0;
    for (unsigned char c : name)
        characters += (c & 0xC0) != 0x80;
    if (characters > 100)
        return "the name is longer than 100 characters";
    return std::nullopt;
}

std::string generatePassword() {
    static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not start");
    std::string password;
    for (int i = 0; i < 12; ++i)
        password += kAlphabet[randombytes_uniform(sizeof(kAlphabet) - 1)];
    return password;
}

} // namespace kc::server
