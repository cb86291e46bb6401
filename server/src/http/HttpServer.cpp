#include "http/HttpServer.hpp"

#include "http/ApiError.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <iostream>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

namespace kc::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

class Session;

struct SharedState {
    SharedState(const ServerOptions& opts, const Router& r) : options(opts), router(r) {}
    const ServerOptions& options;
    const Router& router;
    std::atomic<bool> stopping{false};
    std::atomic<int> liveSessions{0};
    std::mutex sessionsMutex;
    std::vector<std::weak_ptr<Session>> sessions;
    std::function<void()> onLastSessionGone;
};

Request toRequest(http::request<http::string_body>& message, const std::string& remote) {
    Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    for (const auto& field : message) {
        std::string name(field.name_string());
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        request.headers[name] = std::string(field.value());
    }
    request.body = std::move(message.body());
    request.remoteAddress = remote;
    return request;
}

http::response<http::string_body> toMessage(const Response& response, unsigned version,
                                            bool keepAlive) {
    http::response<http::string_body> message{static_cast<http::status>(response.status), version};
    message.set(http::field::server, "kcfield-server");
    message.set(http::field::content_type, response.contentType);
    message.set(http::field::cache_control, "no-store");
    for (const auto& [name, value] : response.headers)
        message.set(name, value);
    message.body() = response.body;
    message.keep_alive(keepAlive);
    message.prepare_payload();
    return message;
}

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket&& socket, SharedState& state)
        : m_stream(std::move(socket)), m_state(state) {
        beast::error_code ec;
        auto endpoint = m_stream.socket().remote_endpoint(ec);
        m_remote = ec ? std::string() : endpoint.address().to_string();
        ++m_state.liveSessions;
    }
    ~Session() {
        if (--m_state.liveSessions == 0 && m_state.stopping && m_state.onLastSessionGone)
            m_state.onLastSessionGone();
    }

    void start() {
        net::dispatch(m_stream.get_executor(),
                      beast::bind_front_handler(&Session::readRequest, shared_from_this()));
    }

    //! Closes the connection if it is waiting for a request; a request in flight finishes.
    void closeIfIdle() {
        net::post(m_stream.get_executor(), [self = shared_from_this()] {
            if (!self->m_busy)
                self->m_stream.cancel();
        });
    }

private:
    void readRequest() {
        m_busy = false;
        if (m_state.stopping)
            return close();
        m_parser.emplace();
        m_parser->header_limit(static_cast<std::uint32_t>(m_state.options.headerLimit));
        m_parser->body_limit(m_state.options.bodyLimit);
        m_stream.expires_after(m_state.options.ioTimeout);
        http::async_read(m_stream, m_buffer, *m_parser,
                         beast::bind_front_handler(&Session::onRead, shared_from_this()));
    }

    void onRead(beast::error_code ec, std::size_t) {
        m_busy = true;
        if (ec == http::error::end_of_stream || ec == net::error::operation_aborted ||
            ec == beast::error::timeout)
            return close();
        if (ec == http::error::body_limit)
            return reject(413, "payload_too_large",
                          "the request body is larger than the limit of " +
                              std::to_string(m_state.options.bodyLimit) + " bytes");
        if (ec == http::error::header_limit)
            return reject(431, "headers_too_large",
                          "the request headers are larger than the limit of " +
                              std::to_string(m_state.options.headerLimit) + " bytes");
        if (ec && ec.category() == http::make_error_code(http::error::bad_target).category())
            return reject(400, "bad_request", "malformed HTTP request: " + ec.message());
        if (ec)
            return close();

        auto message = m_parser->release();
        const unsigned version = message.version();
        const bool keepAlive = message.keep_alive() && !m_state.stopping;
        const std::string method(message.method_string());
        const auto started = std::chrono::steady_clock::now();
        Response response = m_state.router.dispatch(toRequest(message, m_remote));
        if (m_state.options.observer)
            m_state.options.observer(
                method, m_remote, response,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        write(toMessage(response, version, keepAlive));
    }

    void reject(int status, const std::string& code, const std::string& message) {
        const Response response = errorResponse(status, code, message);
        if (m_state.options.observer)
            m_state.options.observer("", m_remote, response, 0.0);
        write(toMessage(response, 11, false));
    }

    void write(http::response<http::string_body>&& message) {
        auto shared = std::make_shared<http::response<http::string_body>>(std::move(message));
        m_stream.expires_after(m_state.options.ioTimeout);
        http::async_write(m_stream, *shared,
                          [self = shared_from_this(), shared](beast::error_code ec, std::size_t) {
                              if (ec || shared->need_eof())
                                  return self->close();
                              self->readRequest();
                          });
    }

    void close() {
        beast::error_code ec;
        m_stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    }

    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    SharedState& m_state;
    std::string m_remote;
    bool m_busy = false;
};

} // namespace

struct HttpServer::Impl {
    Impl(ServerOptions opts, const Router& router)
        : options(std::move(opts)), ioc(std::max(1, options.threads)),
          acceptor(net::make_strand(ioc)), signals(ioc, SIGINT, SIGTERM), drainTimer(ioc),
          state(options, router) {}

    void accept() {
        acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
            if (ec == net::error::operation_aborted || !acceptor.is_open())
                return;
            if (!ec && !state.stopping) {
                auto session = std::make_shared<Session>(std::move(socket), state);
                {
                    std::lock_guard lock(state.sessionsMutex);
                    std::erase_if(state.sessions, [](const auto& weak) { return weak.expired(); });
                    state.sessions.push_back(session);
                }
                session->start();
            }
            accept();
        });
    }

    void beginStop() {
        if (state.stopping.exchange(true))
            return;
        net::post(acceptor.get_executor(), [this] {
            beast::error_code ec;
            acceptor.close(ec);
        });
        signals.cancel();
        std::vector<std::shared_ptr<Session>> live;
        {
            std::lock_guard lock(state.sessionsMutex);
            for (auto& weak : state.sessions)
                if (auto session = weak.lock())
                    live.push_back(std::move(session));
        }
        for (auto& session : live)
            session->closeIfIdle();
        live.clear();
        if (state.liveSessions == 0)
            return;
        drainTimer.expires_after(options.drainTimeout);
        drainTimer.async_wait([this](beast::error_code ec) {
            if (!ec) {
                std::cerr << "kcfield-server: requests still in flight after "
                          << options.drainTimeout.count() << " s; stopping anyway\n";
                ioc.stop();
            }
        });
    }

    ServerOptions options;
    net::io_context ioc;
    tcp::acceptor acceptor;
    net::signal_set signals;
    net::steady_timer drainTimer;
    SharedState state;
};

HttpServer::HttpServer(ServerOptions options, const Router& router)
    : m_impl(std::make_unique<Impl>(std::move(options), router)) {
    m_impl->state.onLastSessionGone = [impl = m_impl.get()] {
        net::post(impl->ioc, [impl] { impl->drainTimer.cancel(); });
    };
}

HttpServer::~HttpServer() = default;

unsigned short HttpServer::listen() {
    auto& impl = *m_impl;
    beast::error_code ec;
    const auto address = net::ip::make_address(impl.options.address, ec);
    if (ec)
        throw std::runtime_error("cannot listen on \"" + impl.options.address +
                                 "\": not an IP address");
    const tcp::endpoint endpoint{address, impl.options.port};
    const std::string where = impl.options.address + ":" + std::to_string(impl.options.port);
    impl.acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        impl.acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        impl.acceptor.bind(endpoint, ec);
    if (!ec)
        impl.acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec)
        throw std::runtime_error("cannot listen on " + where + ": " + ec.message());
    return impl.acceptor.local_endpoint().port();
}

void HttpServer::run() {
    auto& impl = *m_impl;
    impl.signals.async_wait([&impl](beast::error_code ec, int) {
        if (!ec)
            impl.beginStop();
    });
    impl.accept();
    std::vector<std::thread> workers;
    for (int i = 1; i < impl.options.threads; ++i)
        workers.emplace_back([&impl] { impl.ioc.run(); });
    impl.ioc.run();
    for (auto& worker : workers)
        worker.join();
}

void HttpServer::stop() {
    net::post(m_impl->ioc, [impl = m_impl.get()] { impl->beginStop(); });
}

} // namespace kc::server
