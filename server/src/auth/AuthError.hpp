#pragma once

#include <stdexcept>
#include <string>

namespace kc::server {

//! Why a sign-in, an enrollment or a token was refused. The api layer turns each into the
//! status and error code of docs/protocol.md (api/ApiSupport: authFailureResponse).
enum class AuthRefusal {
    MissingToken,        //!< no `Authorization: Bearer` header
    UnknownToken,
    TokenRevoked,
    TokenExpired,
    TokenOfDisabledAccount,  //!< a token whose account is disabled (said before revoked or expired)
    AccountDisabled,         //!< signing in or enrolling to a disabled account
    InvalidCredentials,  //!< wrong username or password
    InvalidCode,         //!< an enrollment code unknown, used or expired
    RateLimited,         //!< too many attempts; retryAfter() says when to try again
    Busy,                //!< every password check is taken past the queue's bound; retryAfter()
};

class AuthError : public std::runtime_error {
public:
    AuthError(AuthRefusal refusal, const std::string& message, int retryAfter = 0)
        : std::runtime_error(message), m_refusal(refusal), m_retryAfter(retryAfter) {}
    AuthRefusal refusal() const { return m_refusal; }
    //! Seconds, for RateLimited and Busy.
    int retryAfter() const { return m_retryAfter; }

private:
    AuthRefusal m_refusal;
    int m_retryAfter;
};

} // namespace kc::server
