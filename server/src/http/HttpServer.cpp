#include "http/HttpServer.hpp"

#include "http/ApiError.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <iostream>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <vector>

namespace kc::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

class SessionBase {
public:
    virtual ~SessionBase() = default;
    //! Closes the connection if it is waiting for a request; a request in flight finishes.
    virtual void closeIfIdle() = 0;
};

struct SharedState {
    SharedState(const ServerOptions& opts, const Router& r) : options(opts), router(r) {}
    const ServerOptions& options;
    const Router& router;
    std::atomic<bool> stopping{false};
    std::atomic<int> liveSessions{0};
    std::mutex sessionsMutex;
    std::vector<std::weak_ptr<SessionBase>> sessions;
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

template <class Body>
void setHeaders(http::response<Body>& message, const Response& response, bool keepAlive, bool tls) {
    message.set(http::field::server, "kcfield-server");
    message.set(http::field::content_type, response.contentType);
    message.set(http::field::cache_control, "no-store");
    // Every answer is data, never a page to run: no type guessing, no framing, no referrer.
    message.set("X-Content-Type-Options", "nosniff");
    message.set("X-Frame-Options", "DENY");
    message.set("Referrer-Policy", "no-referrer");
    message.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
    if (tls)  // a browser that reached us over HTTPS keeps to it
        message.set(http::field::strict_transport_security, "max-age=31536000");
    for (const auto& [name, value] : response.headers)
        message.set(name, value);
    message.keep_alive(keepAlive);
}

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

//! One connection: reads requests one after another, answers each, on its own strand.
template <class Stream>
class Session final : public SessionBase, public std::enable_shared_from_this<Session<Stream>> {
    static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;
    static constexpr std::size_t kReadChunk = 64 * 1024;

public:
    Session(tcp::socket&& socket, SharedState& state, net::ssl::context* tls)
        : m_stream(makeStream(std::move(socket), tls)), m_state(state) {
        // Beast reads as much as the buffer has room for, and at least 512 bytes: without
        // room a 47 kB push arrived in 92 reads, each a trip through the event loop
        // (about 1.5 ms per request on loopback). 64 kB takes most requests in one read.
        m_buffer.reserve(kReadChunk);
        beast::error_code ec;
        auto endpoint = lowest().socket().remote_endpoint(ec);
        m_remote = ec ? std::string() : endpoint.address().to_string();
        ++m_state.liveSessions;
    }
    ~Session() override { --m_state.liveSessions; }

    void start() {
        net::dispatch(lowest().get_executor(), [self = this->shared_from_this()] {
            if constexpr (kTls) {
                self->lowest().expires_after(self->m_state.options.ioTimeout);
                self->m_stream.async_handshake(net::ssl::stream_base::server,
                                               [self](beast::error_code ec) {
                                                   if (ec)
                                                       return self->closeSocket();
                                                   self->readRequest();
                                               });
            } else {
                self->readRequest();
            }
        });
    }

    void closeIfIdle() override {
        net::post(lowest().get_executor(), [self = this->shared_from_this()] {
            if (!self->m_busy)
                self->lowest().cancel();
        });
    }

private:
    static Stream makeStream(tcp::socket&& socket, net::ssl::context* tls) {
        if constexpr (kTls)
            return Stream(std::move(socket), *tls);
        else
            return Stream(std::move(socket));
    }

    beast::tcp_stream& lowest() { return beast::get_lowest_layer(m_stream); }

    //! A client that sends a request's headers and body in two writes waits, under Nagle's
    //! algorithm, for the headers to be acknowledged; Linux delays that ACK by up to 40 ms
    //! unless told otherwise, and forgets being told, so it is told before every read.
    void acknowledgeAtOnce() {
#ifdef TCP_QUICKACK
        const int on = 1;
        ::setsockopt(lowest().socket().native_handle(), IPPROTO_TCP, TCP_QUICKACK, &on, sizeof on);
#endif
    }

    void readRequest() {
        m_busy = false;
        if (m_state.stopping)
            return close();
        m_parser.emplace();
        m_parser->header_limit(static_cast<std::uint32_t>(m_state.options.headerLimit));
        m_parser->body_limit(m_state.options.bodyLimit);
        lowest().expires_after(m_state.options.ioTimeout);
        acknowledgeAtOnce();
        http::async_read(m_stream, m_buffer, *m_parser,
                         beast::bind_front_handler(&Session::onRead, this->shared_from_this()));
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
        if (response.stream)
            return writeStreamed(std::move(response), version, keepAlive);
        write(std::move(response), version, keepAlive);
    }

    void reject(int status, const std::string& code, const std::string& message) {
        Response response = errorResponse(status, code, message);
        if (m_state.options.observer)
            m_state.options.observer("", m_remote, response, 0.0);
        write(std::move(response), 11, false);
    }

    void write(Response response, unsigned version, bool keepAlive) {
        auto message = std::make_shared<http::response<http::string_body>>(
            static_cast<http::status>(response.status), version);
        setHeaders(*message, response, keepAlive, kTls);
        message->body() = std::move(response.body);
        message->prepare_payload();
        lowest().expires_after(m_state.options.ioTimeout);
        http::async_write(m_stream, *message,
                          [self = this->shared_from_this(), message](beast::error_code ec, std::size_t) {
                              if (ec || message->need_eof())
                                  return self->close();
                              self->readRequest();
                          });
    }

    //! Streamed bodies: the header with Transfer-Encoding: chunked, then one chunk per piece
    //! the producer makes, then the last (empty) chunk.
    struct Streaming {
        http::response<http::empty_body> header;
        std::optional<http::response_serializer<http::empty_body>> serializer;
        std::function<bool(std::string&)> produce;
        std::string piece;
        bool done = false;
        bool keepAlive = false;
    };

    void writeStreamed(Response response, unsigned version, bool keepAlive) {
        auto streaming = std::make_shared<Streaming>();
        streaming->header = http::response<http::empty_body>(static_cast<http::status>(response.status), version);
        setHeaders(streaming->header, response, keepAlive, kTls);
        streaming->header.chunked(true);
        streaming->produce = std::move(response.stream);
        streaming->keepAlive = keepAlive;
        streaming->serializer.emplace(streaming->header);
        lowest().expires_after(m_state.options.ioTimeout);
        http::async_write_header(m_stream, *streaming->serializer,
                                 [self = this->shared_from_this(), streaming](beast::error_code ec, std::size_t) {
                                     if (ec)
                                         return self->close();
                                     self->writeNextChunk(streaming);
                                 });
    }

    void writeNextChunk(const std::shared_ptr<Streaming>& streaming) {
        streaming->piece.clear();
        try {
            while (!streaming->done && streaming->piece.empty())
                streaming->done = !streaming->produce(streaming->piece);
        } catch (const std::exception& error) {
            std::cerr << "kcfield-server: a streamed response failed part way, connection cut: "
                      << error.what() << "\n";
            return closeSocket();
        }
        lowest().expires_after(m_state.options.ioTimeout);
        auto self = this->shared_from_this();
        if (streaming->piece.empty())
            return net::async_write(m_stream, http::make_chunk_last(),
                                    [self, streaming](beast::error_code ec, std::size_t) {
                                        if (ec || !streaming->keepAlive)
                                            return self->close();
                                        self->readRequest();
                                    });
        net::async_write(m_stream, http::make_chunk(net::buffer(streaming->piece)),
                         [self, streaming](beast::error_code ec, std::size_t) {
                             if (ec)
                                 return self->close();
                             self->writeNextChunk(streaming);
                         });
    }

    //! Ends the connection politely: TLS close_notify first when on TLS.
    void close() {
        if constexpr (kTls) {
            lowest().expires_after(std::chrono::seconds(5));
            m_stream.async_shutdown([self = this->shared_from_this()](beast::error_code) { self->closeSocket(); });
        } else {
            closeSocket();
        }
    }

    void closeSocket() {
        beast::error_code ec;
        lowest().socket().shutdown(tcp::socket::shutdown_send, ec);  // the client still reads what was sent
    }

    Stream m_stream;
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
                // Answers go out at once, not held back by Nagle's algorithm.
                beast::error_code ignored;
                socket.set_option(tcp::no_delay(true), ignored);
                if (tls)
                    startSession(std::make_shared<Session<TlsStream>>(std::move(socket), state, &*tls));
                else
                    startSession(std::make_shared<Session<PlainStream>>(std::move(socket), state, nullptr));
            }
            accept();
        });
    }

    template <class S> void startSession(std::shared_ptr<S> session) {
        {
            std::lock_guard lock(state.sessionsMutex);
            std::erase_if(state.sessions, [](const auto& weak) { return weak.expired(); });
            state.sessions.push_back(session);
        }
        session->start();
    }

    void loadTls() {
        if (options.tlsCertFile.empty() && options.tlsKeyFile.empty())
            return;
        if (options.tlsCertFile.empty() || options.tlsKeyFile.empty())
            throw std::runtime_error("TLS needs both a certificate (--tls-cert) and its private key (--tls-key)");
        tls.emplace(net::ssl::context::tls_server);
        tls->set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                         net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 |
                         net::ssl::context::no_tlsv1_1 | net::ssl::context::single_dh_use);
        beast::error_code ec;
        tls->use_certificate_chain_file(options.tlsCertFile, ec);
        if (ec)
            throw std::runtime_error("cannot use the TLS certificate " + options.tlsCertFile + ": " + ec.message());
        tls->use_private_key_file(options.tlsKeyFile, net::ssl::context::pem, ec);
        if (ec)
            throw std::runtime_error("cannot use the TLS private key " + options.tlsKeyFile + ": " + ec.message());
        if (SSL_CTX_check_private_key(tls->native_handle()) != 1)
            throw std::runtime_error("the TLS private key " + options.tlsKeyFile +
                                     " does not belong to the certificate " + options.tlsCertFile);
    }

    void beginStop() {
        if (state.stopping.exchange(true))
            return;
        net::post(acceptor.get_executor(), [this] {
            beast::error_code ec;
            acceptor.close(ec);
        });
        signals.cancel();
        std::vector<std::shared_ptr<SessionBase>> live;
        {
            std::lock_guard lock(state.sessionsMutex);
            for (auto& weak : state.sessions)
                if (auto session = weak.lock())
                    live.push_back(std::move(session));
        }
        for (auto& session : live)
            session->closeIfIdle();
        live.clear();
        drainDeadline = std::chrono::steady_clock::now() + options.drainTimeout;
        waitForDrain();
    }

    //! Looks every 50 ms whether the last session is gone; then nothing is left for the
    //! threads to run and run() returns. Only this chain touches the timer, so no thread
    //! cancels it while another arms it (a session ending on one thread just as the timer
    //! was armed on another once left the server waiting the whole drain timeout).
    void waitForDrain() {
        if (state.liveSessions == 0)
            return;
        if (std::chrono::steady_clock::now() >= drainDeadline) {
            std::cerr << "kcfield-server: requests still in flight after " << options.drainTimeout.count()
                      << " s; stopping anyway\n";
            ioc.stop();
            return;
        }
        drainTimer.expires_after(std::chrono::milliseconds(50));
        drainTimer.async_wait([this](beast::error_code ec) {
            if (!ec)
                waitForDrain();
        });
    }

    ServerOptions options;
    net::io_context ioc;
    tcp::acceptor acceptor;
    net::signal_set signals;
    net::steady_timer drainTimer;
    std::chrono::steady_clock::time_point drainDeadline;
    SharedState state;
    std::optional<net::ssl::context> tls;
};

int defaultThreads() {
    return static_cast<int>(std::clamp(4u * std::thread::hardware_concurrency(), 4u, 64u));
}

HttpServer::HttpServer(ServerOptions options, const Router& router)
    : m_impl(std::make_unique<Impl>(std::move(options), router)) {}

HttpServer::~HttpServer() = default;

unsigned short HttpServer::listen() {
    auto& impl = *m_impl;
    impl.loadTls();
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
