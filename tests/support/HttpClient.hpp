#pragma once

#include <map>
#include <string>

namespace kc::test {

struct HttpReply {
    int status = 0;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
};

//! A minimal blocking HTTP/1.1 client for tests (Beast), one connection per call.
HttpReply httpRequest(unsigned short port, const std::string& method, const std::string& target,
                      const std::string& body = {},
                      const std::map<std::string, std::string>& headers = {});

//! The same over TLS, trusting only `trustedCertFile` (PEM) and checking that the server's
//! certificate is for 127.0.0.1. Throws when the handshake or the verification fails.
HttpReply httpsRequest(unsigned short port, const std::string& trustedCertFile, const std::string& method,
                       const std::string& target, const std::string& body = {});

//! One keep-alive connection for many requests, as a device or a benchmark uses it.
class HttpConnection {
public:
    explicit HttpConnection(unsigned short port);
    ~HttpConnection();
    HttpConnection(const HttpConnection&) = delete;
    HttpConnection& operator=(const HttpConnection&) = delete;

    HttpReply request(const std::string& method, const std::string& target, const std::string& body = {},
                      const std::map<std::string, std::string>& headers = {});

private:
    struct Impl;
    Impl* m_impl;
};

//! Sends raw bytes and closes the connection at once, as a phone losing its signal does.
void sendAndClose(unsigned short port, const std::string& bytes);

//! Sends raw bytes and returns whatever the server answers before closing.
std::string rawExchange(unsigned short port, const std::string& bytes);

} // namespace kc::test
