#include "HttpClient.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/ssl.hpp>

#include <algorithm>
#include <cctype>

namespace kc::test {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {
HttpReply toReply(http::response<http::string_body>&& response) {
    HttpReply reply;
    reply.status = static_cast<int>(response.result_int());
    for (const auto& field : response) {
        std::string name(field.name_string());
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        reply.headers[name] = std::string(field.value());
    }
    reply.body = std::move(response.body());
    return reply;
}
} // namespace

namespace {
//! Writes one request on `stream` (plain or TLS) and reads its reply.
template <class Stream>
HttpReply exchange(Stream& stream, const std::string& method, const std::string& target, const std::string& body,
                   const std::map<std::string, std::string>& headers) {
    http::request<http::string_body> request{http::string_to_verb(method), target, 11};
    request.set(http::field::host, "127.0.0.1");
    for (const auto& [name, value] : headers)
        request.set(name, value);
    request.body() = body;
    request.prepare_payload();
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    http::read(stream, buffer, parser);
    return toReply(parser.release());
}
} // namespace

HttpReply httpRequest(unsigned short port, const std::string& method, const std::string& target,
                      const std::string& body, const std::map<std::string, std::string>& headers) {
    net::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.expires_after(std::chrono::seconds(30));
    stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    HttpReply reply = exchange(stream, method, target, body, headers);
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    return reply;
}

HttpReply httpsRequest(unsigned short port, const std::string& trustedCertFile, const std::string& method,
                       const std::string& target, const std::string& body) {
    net::io_context ioc;
    net::ssl::context tls(net::ssl::context::tls_client);
    tls.load_verify_file(trustedCertFile);
    tls.set_verify_mode(net::ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(ioc, tls);
    stream.set_verify_callback(net::ssl::host_name_verification("127.0.0.1"));
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(30));
    beast::get_lowest_layer(stream).connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    stream.handshake(net::ssl::stream_base::client);
    HttpReply reply = exchange(stream, method, target, body, {});
    beast::error_code ec;
    stream.shutdown(ec);  // close_notify; the server answers in kind
    return reply;
}

struct HttpConnection::Impl {
    explicit Impl(unsigned short port) : stream(ioc) {
        stream.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
        buffer.reserve(64 * 1024);  // Beast reads only as much as there is room for (at least 512 bytes)
    }
    net::io_context ioc;
    beast::tcp_stream stream;
    beast::flat_buffer buffer;
};

HttpConnection::HttpConnection(unsigned short port) : m_impl(new Impl(port)) {}

HttpConnection::~HttpConnection() {
    beast::error_code ec;
    m_impl->stream.socket().shutdown(tcp::socket::shutdown_both, ec);
    delete m_impl;
}

HttpReply HttpConnection::request(const std::string& method, const std::string& target,
                                  const std::string& body, const std::map<std::string, std::string>& headers) {
    auto& stream = m_impl->stream;
    stream.expires_after(std::chrono::seconds(60));
    http::request<http::string_body> request{http::string_to_verb(method), target, 11};
    request.set(http::field::host, "127.0.0.1");
    request.keep_alive(true);
    for (const auto& [name, value] : headers)
        request.set(name, value);
    request.body() = body;
    request.prepare_payload();
    http::write(stream, request);
    http::response_parser<http::string_body> parser;
    parser.body_limit(256 * 1024 * 1024);
    http::read(stream, m_impl->buffer, parser);
    return toReply(parser.release());
}

void sendAndClose(unsigned short port, const std::string& bytes) {
    net::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    beast::error_code ec;
    net::write(socket, net::buffer(bytes), ec);
    socket.close(ec);
}

std::string rawExchange(unsigned short port, const std::string& bytes) {
    net::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
    beast::error_code ec;
    net::write(socket, net::buffer(bytes), ec);
    std::string answer;
    char chunk[4096];
    for (;;) {
        const std::size_t n = socket.read_some(net::buffer(chunk), ec);
        answer.append(chunk, n);
        if (ec)
            break;
    }
    return answer;
}

} // namespace kc::test
