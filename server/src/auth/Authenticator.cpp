#include "auth/Authenticator.hpp"

#include "auth/PasswordHasher.hpp"
#include "auth/AuthError.hpp"
#include "util/Sha256.hpp"

#include "kc/time/Timestamp.hpp"

#include <sodium.h>

#include <cctype>

namespace kc::server {

namespace {

std::string nowText() { return Timestamp::now().toRfc3339(); }

std::string inFuture(std::chrono::hours hours) {
    return Timestamp{Timestamp::now().unixMillis +
                     std::chrono::duration_cast<std::chrono::milliseconds>(hours).count()}
        .toRfc3339();
}

[[noreturn]] void refuse(AuthRefusal refusal, const std::string& message) { throw AuthError(refusal, message); }

[[noreturn]] void tooMany(int seconds, const std::string& message) {
    throw AuthError(AuthRefusal::RateLimited, message + "; try again in " + std::to_string(seconds) + " s",
                    seconds);
}

} // namespace

std::string newBearerToken() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return std::string("kct_") + hex;
}

std::string newEnrollmentCode() {
    static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    std::string code;
    for (int i = 0; i < 12; ++i) {
        if (i > 0 && i % 4 == 0)
            code += '-';
        code += kAlphabet[randombytes_uniform(32)];
    }
    return code;
}

std::string normalizeEnrollmentCode(const std::string& typed) {
    std::string out;
    for (char c : typed) {
        if (c == '-' || c == ' ')
            continue;
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (c == 'O')
            c = '0';
        if (c == 'I' || c == 'L')
            c = '1';
        out += c;
    }
    return out;
}

Authenticator::Authenticator(CentralStore& store, AuthSettings settings)
    : m_store(store), m_settings(settings),
      // Several servers on one store count together; one alone counts in memory.
      m_accountFailures(settings.accountFailures, settings.accountWindow, store.sharedByServers() ? &store : nullptr),
      m_accountWideFailures(settings.accountWideFailures, settings.accountWindow,
                            store.sharedByServers() ? &store : nullptr),
      m_addressAttempts(settings.addressAttempts, settings.addressWindow, store.sharedByServers() ? &store : nullptr) {
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
}

void Authenticator::checkAddress(const std::string& address) {
    if (const int wait = m_addressAttempts.retryAfter(address))
        tooMany(wait, "too many sign-in attempts from this address");
    m_addressAttempts.record(address);
}

Caller Authenticator::callerFor(const UserRecord& user) {
    // A province's scope covers the units merged into it: their records keep their codes.
    return callerFor(user, m_store.withPredecessors(user.provinces));
}

Caller Authenticator::callerFor(const UserRecord& user, std::vector<std::string> coveredProvinces) {
    Caller caller;
    caller.userId = user.id;
    caller.username = user.username;
    caller.displayName = user.displayName;
    caller.role = user.role;
    caller.provinces = std::move(coveredProvinces);
    caller.projects = user.projects;
    if (caller.isCollaborator())
        for (const auto& projectId : user.projects)
            if (auto project = m_store.findCommittedProject(projectId))
                for (const auto& facilityId : project->beneficiaryIds)
                    caller.facilities.push_back(facilityId);
    return caller;
}

TokenGrant Authenticator::issueToken(const UserRecord& user, const std::string& device) {
    TokenGrant grant;
    grant.token = newBearerToken();
    grant.expiresAt = inFuture(m_settings.tokenLifetime);
    m_store.storeToken({sha256Hex(grant.token), user.id, device, nowText(), grant.expiresAt, {}});
    grant.caller = callerFor(user);
    return grant;
}

TokenGrant Authenticator::signIn(const std::string& username, const std::string& password,
                                 const std::string& device, const std::string& address) {
    checkAddress(address);
    const std::string accountKey = "user:" + username;
    const std::string accountAtAddress = accountKey + "@" + address;
    if (const int wait = m_accountFailures.retryAfter(accountAtAddress))
        tooMany(wait, "too many failed sign-ins for this account from this address");
    if (const int wait = m_accountWideFailures.retryAfter(accountKey))
        tooMany(wait, "too many failed sign-ins for this account");
    const auto user = m_store.findUserByName(username);
    bool good = false;
    try {
        if (user) {
            good = verifyPassword(password, user->passwordHash, m_settings.signInQueue);
        } else {
            std::call_once(m_dummyOnce, [this] { m_dummyHash = hashPassword("not a password"); });
            verifyPassword(password, m_dummyHash, m_settings.signInQueue);
        }
    } catch (const HashingBusy& busy) {
        throw AuthError(AuthRefusal::Busy,
                        "the server is checking as many passwords as it can; try again in " +
                            std::to_string(busy.retryAfter) + " s",
                        busy.retryAfter);
    }
    if (!good) {
        m_accountFailures.record(accountAtAddress);
        m_accountWideFailures.record(accountKey);
        refuse(AuthRefusal::InvalidCredentials, "wrong username or password");
    }
    if (user->disabled)
        refuse(AuthRefusal::AccountDisabled, "this account is disabled; ask your administrator");
    m_accountFailures.clear(accountAtAddress);
    return issueToken(*user, device);
}

TokenGrant Authenticator::enroll(const std::string& code, const std::string& device,
                                 const std::string& address) {
    checkAddress(address);
    const auto redeemed = m_store.redeemEnrollmentCode(sha256Hex(normalizeEnrollmentCode(code)), nowText());
    if (!redeemed)
        refuse(AuthRefusal::InvalidCode, "this enrollment code is unknown, already used or expired; "
                                         "ask your administrator for a new one");
    const auto user = m_store.findUser(redeemed->userId);
    if (!user || user->disabled)
        refuse(AuthRefusal::AccountDisabled, "this account is disabled; ask your administrator");
    return issueToken(*user, device.empty() ? redeemed->device : device);
}

Caller Authenticator::authenticate(std::string_view authorization) {
    constexpr std::string_view prefix = "Bearer ";
    if (authorization.size() <= prefix.size() || authorization.substr(0, prefix.size()) != prefix)
        refuse(AuthRefusal::MissingToken, "sign in first: this endpoint needs Authorization: Bearer <token>");
    const std::string hash = sha256Hex(authorization.substr(prefix.size()));
    // One query: every request asks it.
    auto holder = m_store.findTokenHolder(hash);
    if (!holder)
        refuse(AuthRefusal::UnknownToken, "the token is not valid; sign in again");
    const auto& token = holder->token;
    // A disabled account first: disabling revokes its tokens too, and "sign in again" would
    // send its owner round in circles.
    const auto& user = holder->user;
    if (!user || user->disabled)
        refuse(AuthRefusal::TokenOfDisabledAccount, "this account is disabled; ask your administrator");
    if (token.revokedAt)
        refuse(AuthRefusal::TokenRevoked, "the token was revoked; sign in again");
    if (token.expiresAt <= nowText())
        refuse(AuthRefusal::TokenExpired, "the token has expired; sign in again");
    Caller caller = callerFor(*user, std::move(holder->coveredProvinces));
    caller.tokenHash = hash;
    return caller;
}

void Authenticator::signOut(const Caller& caller) { m_store.revokeToken(caller.tokenHash, nowText()); }

IssuedEnrollmentCode Authenticator::issueEnrollmentCode(const std::string& userId,
                                                        const std::string& device,
                                                        const std::string& createdBy) {
    IssuedEnrollmentCode issued{newEnrollmentCode(), inFuture(m_settings.enrollmentLifetime)};
    m_store.storeEnrollmentCode({sha256Hex(normalizeEnrollmentCode(issued.code)), userId, device,
                                 createdBy, nowText(), issued.expiresAt, {}});
    return issued;
}

} // namespace kc::server
