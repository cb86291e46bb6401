#pragma once

#include "auth/AuthError.hpp"
#include "auth/Caller.hpp"
#include "auth/RateLimiter.hpp"
#include "store/CentralStore.hpp"

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>

namespace kc::server {

struct AuthSettings {
    std::chrono::hours tokenLifetime{24 * 30};
    std::chrono::hours enrollmentLifetime{72};
    //! Failed sign-ins of one account from one address before that address must wait for
    //! that account (OWASP: lock out slowly, not forever). Counted per account and address,
    //! so that whoever knows a username cannot lock its officer out from elsewhere.
    int accountFailures = 5;
    std::chrono::seconds accountWindow{15 * 60};
    //! Failed sign-ins of one account from all addresses together before it must wait:
    //! a guesser spread over many addresses is stopped too.
    int accountWideFailures = 100;
    //! A sign-in whose password check would wait longer than this for a core is answered
    //! 503 with Retry-After instead of waiting (docs/protocol.md, sign-in).
    std::chrono::milliseconds signInQueue{5000};
    //! Sign-in and enrollment attempts from one address.
    int addressAttempts = 30;
    std::chrono::seconds addressWindow{60};
};

//! A bearer token just issued; the token itself exists only in this answer.
struct TokenGrant {
    std::string token;
    std::string expiresAt;
    Caller caller;
};

struct IssuedEnrollmentCode {
    std::string code;  //!< "7KQ4-MX2P-9HDA": typed or scanned once
    std::string expiresAt;
};

//! Sign-in, enrollment, tokens and rate limits, on credentials (no HTTP here). A refusal
//! throws AuthError saying why; the api layer answers it with the protocol's status.
class Authenticator {
public:
    Authenticator(CentralStore& store, AuthSettings settings = {});

    TokenGrant signIn(const std::string& username, const std::string& password,
                      const std::string& device, const std::string& address);
    TokenGrant enroll(const std::string& code, const std::string& device, const std::string& address);
    //! The caller behind an `Authorization` header's value ("Bearer kct_..."); AuthError
    //! when it is missing, unknown, expired or revoked, or the account is disabled.
    Caller authenticate(std::string_view authorization);
    void signOut(const Caller& caller);
    IssuedEnrollmentCode issueEnrollmentCode(const std::string& userId, const std::string& device,
                                             const std::string& createdBy);
    //! The caller a user record makes (scope and assigned projects resolved).
    Caller callerFor(const UserRecord& user);

private:
    //! The same, with the provinces its scope covers already read (withPredecessors()).
    Caller callerFor(const UserRecord& user, std::vector<std::string> coveredProvinces);
    TokenGrant issueToken(const UserRecord& user, const std::string& device);
    void checkAddress(const std::string& address);

    CentralStore& m_store;
    AuthSettings m_settings;
    RateLimiter m_accountFailures;      //!< per account and address
    RateLimiter m_accountWideFailures;  //!< per account
    RateLimiter m_addressAttempts;
    std::once_flag m_dummyOnce;
    std::string m_dummyHash;  //!< verified against for unknown users, so timing tells nothing
};

//! "kct_" and 64 hex digits from 32 random bytes.
std::string newBearerToken();
//! 12 characters of Crockford's base32 (no I, L, O, U) in groups of four.
std::string newEnrollmentCode();
//! The code as typed: upper case, without spaces and dashes, O read as 0 and I/L as 1.
std::string normalizeEnrollmentCode(const std::string& typed);

} // namespace kc::server
