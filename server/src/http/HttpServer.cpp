#include "http/HttpServer.hpp"

#include "http/ApiError.hpp"
#include "http/BodyEncoding.hpp"
#include "util/ThrottledLog.hpp"

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
#include <sys/resource.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <functional>
#include <iostream>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace kc::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t nowTicks() { return Clock::now().time_since_epoch().count(); }

//! What the server may ask of any session, TLS or not. Plain functions, not virtual ones:
//! shedding runs when descriptors have run out, and UBSan's check of a virtual call then
//! finds no descriptor to look at memory with and calls every object invalid.
struct SessionControl {
    //! Closes the connection if it is waiting for a request; a request in flight finishes.
    std::function<void()> closeIfIdle;
    //! Closes the connection if it is still waiting for the first byte of a request (its
    //! idleSince claimed as -1), to make room for a new one.
    std::function<void()> shed;
    //! When the connection began waiting for a request's first byte (steady clock ticks);
    //! 0 while a request is being read, handled or answered, -1 once claimed for shedding.
    std::atomic<std::int64_t> idleSince{0};
};

struct SharedState {
    SharedState(const ServerOptions& opts, const Router& r)
        : options(opts), router(r), stats(opts.stats ? *opts.stats : ownStats) {}
    const ServerOptions& options;
    const Router& router;
    TransportStats ownStats;
    TransportStats& stats;
    std::atomic<bool> stopping{false};
    std::atomic<int> liveSessions{0};
    std::mutex sessionsMutex;
    std::vector<std::weak_ptr<SessionControl>> sessions;

    //! Takes `bytes` of the body budget; false when it cannot hold them now.
    bool reserveBody(std::size_t bytes) {
        const auto budget = static_cast<std::int64_t>(options.bodyBudget);
        const auto want = static_cast<std::int64_t>(bytes);
        std::int64_t held = stats.bodyBytesInFlight.load();
        do {
            if (want > budget - held)
                return false;
        } while (!stats.bodyBytesInFlight.compare_exchange_weak(held, held + want));
        return true;
    }
    void releaseBody(std::size_t bytes) { stats.bodyBytesInFlight -= static_cast<std::int64_t>(bytes); }

    //! Claims the connection that has waited longest for a request and tells it to close.
    //! False when no connection is idle.
    bool shedOldestIdle() {
        std::shared_ptr<SessionControl> oldest;
        std::int64_t oldestSince = 0;
        {
            std::lock_guard lock(sessionsMutex);
            for (const auto& weak : sessions) {
                auto session = weak.lock();
                if (!session)
                    continue;
                const std::int64_t since = session->idleSince.load();
                if (since > 0 && (!oldest || since < oldestSince)) {
                    oldest = std::move(session);
                    oldestSince = since;
                }
            }
        }
        if (!oldest || !oldest->idleSince.compare_exchange_strong(oldestSince, -1))
            return false;
        oldest->shed();
        return true;
    }
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
class Session final : public std::enable_shared_from_this<Session<Stream>> {
    static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;
    static constexpr std::size_t kReadChunk = 64 * 1024;
    static constexpr std::size_t kIdleChunk = 4 * 1024;

public:
    Session(tcp::socket&& socket, SharedState& state, net::ssl::context* tls)
        : m_stream(makeStream(std::move(socket), tls)), m_state(state) {
        beast::error_code ec;
        auto endpoint = lowest().socket().remote_endpoint(ec);
        m_remote = ec ? std::string() : endpoint.address().to_string();
        ++m_state.liveSessions;
        ++m_state.stats.open;
        m_control.closeIfIdle = [this] { closeIfIdle(); };
        m_control.shed = [this] { shed(); };
    }
    ~Session() {
        releaseBody();
        --m_state.stats.open;
        --m_state.liveSessions;
    }

    void start() {
        net::dispatch(lowest().get_executor(), [self = this->shared_from_this()] {
            if constexpr (kTls) {
                // Until the handshake is done the connection has sent nothing of use.
                self->m_control.idleSince = nowTicks();
                self->lowest().expires_after(self->m_state.options.idleTimeout);
                self->m_stream.async_handshake(net::ssl::stream_base::server,
                                               [self](beast::error_code ec) {
                                                   self->m_control.idleSince = 0;
                                                   if (ec)
                                                       return self->closeSocket();
                                                   self->readRequest();
                                               });
            } else {
                self->readRequest();
            }
        });
    }

    //! Shares the session's ownership: the session lives while the control is used.
    std::shared_ptr<SessionControl> control() { return {this->shared_from_this(), &m_control}; }

    void closeIfIdle() {
        net::post(lowest().get_executor(), [self = this->shared_from_this()] {
            if (!self->m_busy)
                self->lowest().cancel();
        });
    }

    void shed() {
        net::post(lowest().get_executor(), [self = this->shared_from_this()] {
            if (self->m_control.idleSince.load() != -1)
                return;  // its request began to arrive meanwhile: it stays
            ++self->m_state.stats.shed;
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

    //! Waits for the first byte of the next request, for at most the idle deadline, with
    //! a small buffer: a connection that sends nothing costs little and may be shed.
    void readRequest() {
        m_busy = false;
        releaseBody();
        if (m_state.stopping)
            return close();
        if (m_buffer.size() > 0)  // the next request is already here (pipelined)
            return readHeader();
        m_buffer.shrink_to_fit();
        m_control.idleSince = nowTicks();
        lowest().expires_after(m_state.options.idleTimeout);
        acknowledgeAtOnce();
        m_stream.async_read_some(m_buffer.prepare(kIdleChunk),
                                 beast::bind_front_handler(&Session::onFirstBytes, this->shared_from_this()));
    }

    void onFirstBytes(beast::error_code ec, std::size_t bytes) {
        m_control.idleSince = 0;
        if (ec)  // nothing sent in time, shed, closed by the client, or shutting down
            return close();
        m_buffer.commit(bytes);
        readHeader();
    }

    void readHeader() {
        // Beast reads as much as the buffer has room for, and at least 512 bytes: without
        // room a 47 kB push arrived in 92 reads, each a trip through the event loop
        // (about 1.5 ms per request on loopback). 64 kB takes most requests in one read.
        m_buffer.reserve(kReadChunk);
        m_parser.emplace();
        m_parser->header_limit(static_cast<std::uint32_t>(m_state.options.headerLimit));
        m_parser->body_limit(m_state.options.bodyLimit);
        lowest().expires_after(m_state.options.ioTimeout);
        acknowledgeAtOnce();
        http::async_read_header(m_stream, m_buffer, *m_parser,
                                beast::bind_front_handler(&Session::onHeader, this->shared_from_this()));
    }

    //! The header is in: the body's memory is taken from the budget before it is read.
    void onHeader(beast::error_code ec, std::size_t) {
        if (ec)
            return onRead(ec, 0);
        const auto declared = m_parser->content_length();
        const std::size_t need = declared ? static_cast<std::size_t>(std::min<std::uint64_t>(*declared, m_state.options.bodyLimit))
                                 : m_parser->chunked() ? m_state.options.bodyLimit : 0;
        if (need > m_state.options.smallBody) {
            if (!m_state.reserveBody(need)) {
                ++m_state.stats.bodyRefusals;
                m_busy = true;
                return reject(503, "busy",
                              "the server is reading as many large requests as its memory allows; "
                              "nothing was stored, send this again in a few seconds",
                              {{"Retry-After", "2"}});
            }
            m_reservedBody = need;
        }
        if (m_parser->is_done())
            return onRead({}, 0);
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
        m_state.stats.requestBodyBytes += static_cast<std::int64_t>(message.body().size());
        Request request = toRequest(message, m_remote);
        const std::string acceptEncoding = request.header("accept-encoding");
        const bool encoded = request.headers.contains("content-encoding");
        auto refused = decodeRequestBody(request, m_state.options.inflatedLimit);
        if (encoded && !refused)
            ++m_state.stats.inflatedRequests;
        Response response = refused ? std::move(*refused) : m_state.router.dispatch(std::move(request));
        encodeResponse(response, acceptEncoding, m_state.stats);
        if (!response.stream)
            m_state.stats.responseBodyBytes += static_cast<std::int64_t>(response.body.size());
        releaseBody();  // the request, body and all, is gone by now
        if (m_state.options.observer)
            m_state.options.observer(
                method, m_remote, response,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
        if (response.stream)
            return writeStreamed(std::move(response), version, keepAlive);
        write(std::move(response), version, keepAlive);
    }

    void releaseBody() {
        if (m_reservedBody > 0)
            m_state.releaseBody(std::exchange(m_reservedBody, 0));
    }

    //! Answers a request whose body was not read (or not all of it), then closes.
    void reject(int status, const std::string& code, const std::string& message,
                std::vector<std::pair<std::string, std::string>> headers = {}) {
        Response response = errorResponse(status, code, message);
        response.headers = std::move(headers);
        if (m_state.options.observer)
            m_state.options.observer("", m_remote, response, 0.0);
        write(std::move(response), 11, false, true);
    }

    //! `bodyUnread`: the client may still be sending; what it sends is read and dropped for
    //! a moment after the answer, so that closing does not reset the connection before the
    //! client has read why.
    void write(Response response, unsigned version, bool keepAlive, bool bodyUnread = false) {
        auto message = std::make_shared<http::response<http::string_body>>(
            static_cast<http::status>(response.status), version);
        setHeaders(*message, response, keepAlive, kTls);
        message->body() = std::move(response.body);
        message->prepare_payload();
        lowest().expires_after(m_state.options.ioTimeout);
        http::async_write(m_stream, *message,
                          [self = this->shared_from_this(), message, bodyUnread](beast::error_code ec, std::size_t) {
                              if (!ec && bodyUnread)
                                  return self->lingerThenClose();
                              if (ec || message->need_eof())
                                  return self->close();
                              self->readRequest();
                          });
    }

    void lingerThenClose() {
        if constexpr (kTls) {
            close();
        } else {
            closeSocket();
            lowest().expires_after(std::chrono::seconds(2));
            discardInput();
        }
    }

    void discardInput() {
        m_buffer.clear();
        m_stream.async_read_some(m_buffer.prepare(kReadChunk),
                                 [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                                     if (!ec)
                                         self->discardInput();
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
        m_state.stats.responseBodyBytes += static_cast<std::int64_t>(streaming->piece.size());
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
    SessionControl m_control;
    std::string m_remote;
    bool m_busy = false;
    std::size_t m_reservedBody = 0;  //!< of the body budget, for the request being read
};

} // namespace

struct HttpServer::Impl {
    Impl(ServerOptions opts, const Router& router)
        : options(std::move(opts)), ioc(std::max(1, options.threads)),
          acceptor(net::make_strand(ioc)), acceptTimer(acceptor.get_executor()),
          signals(ioc, SIGINT, SIGTERM), drainTimer(ioc), state(options, router) {}

    void accept() {
        acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
            if (ec == net::error::operation_aborted || !acceptor.is_open())
                return;
            if (ec)
                return backOff(ec);
            acceptDelay = std::chrono::milliseconds(0);
            if (!state.stopping) {
                ++state.stats.accepted;
                if (state.liveSessions >= connectionCap && !state.shedOldestIdle())
                    refuse(std::move(socket));
                else
                    openSession(std::move(socket));
            }
            accept();
        });
    }

    //! accept() failed, most often because descriptors ran out: trying again at once would
    //! spin a core. Make room by closing the oldest idle connection and wait a little,
    //! longer each time it fails again.
    void backOff(const beast::error_code& ec) {
        ++state.stats.acceptErrors;
        acceptDelay = std::clamp(acceptDelay * 2, std::chrono::milliseconds(10), std::chrono::milliseconds(1000));
        acceptLog.say("cannot accept a connection (" + ec.message() + ") with " +
                      std::to_string(state.liveSessions.load()) + " open; waiting " +
                      std::to_string(acceptDelay.count()) + " ms before the next try");
        state.shedOldestIdle();
        acceptTimer.expires_after(acceptDelay);
        acceptTimer.async_wait([this](beast::error_code waited) {
            if (!waited && !state.stopping)
                accept();
        });
    }

    void openSession(tcp::socket socket) {
        // Answers go out at once, not held back by Nagle's algorithm.
        beast::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        if (tls)
            startSession(std::make_shared<Session<TlsStream>>(std::move(socket), state, &*tls));
        else
            startSession(std::make_shared<Session<PlainStream>>(std::move(socket), state, nullptr));
    }

    //! At the cap with every connection busy: a short 503 on the new connection and close.
    //! What the client already sent is read first, so the close does not reset the answer.
    void refuse(tcp::socket socket) {
        ++state.stats.refused;
        acceptLog.say("at the connection limit of " + std::to_string(connectionCap) +
                      " with none idle: new connections are answered 503");
        beast::error_code ec;
        socket.non_blocking(true, ec);
        char scratch[4096];
        while (!ec && socket.read_some(net::buffer(scratch), ec) > 0) {
        }
        if (tls) {  // a TLS client cannot read a plain answer; it sees the connection end
            socket.close(ec);
            return;
        }
        static const std::string kBusy = [] {
            const std::string body =
                R"({"error":{"code":"busy","message":"the server has as many connections as it can take; try again in a few seconds","fields":[]}})";
            return "HTTP/1.1 503 Service Unavailable\r\nServer: kcfield-server\r\nRetry-After: 2\r\n"
                   "Content-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n"
                   "Connection: close\r\nContent-Length: " +
                   std::to_string(body.size()) + "\r\n\r\n" + body;
        }();
        socket.non_blocking(false, ec);
        net::write(socket, net::buffer(kBusy), ec);
        socket.shutdown(tcp::socket::shutdown_both, ec);
        socket.close(ec);
    }

    template <class S> void startSession(std::shared_ptr<S> session) {
        {
            std::lock_guard lock(state.sessionsMutex);
            std::erase_if(state.sessions, [](const auto& weak) { return weak.expired(); });
            state.sessions.push_back(session->control());
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
            acceptTimer.cancel();
        });
        signals.cancel();
        std::vector<std::shared_ptr<SessionControl>> live;
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
    net::steady_timer acceptTimer;
    std::chrono::milliseconds acceptDelay{0};
    ThrottledLog acceptLog;
    int connectionCap = 0;
    net::signal_set signals;
    net::steady_timer drainTimer;
    std::chrono::steady_clock::time_point drainDeadline;
    SharedState state;
    std::optional<net::ssl::context> tls;
};

namespace {
//! The connection cap from the descriptor limit: the soft limit is raised towards the hard
//! one first, and a reserve is kept for the store, attachment files and the log.
int connectionCapFor(int threads) {
    constexpr rlim_t kMostConnections = 8192;
    const rlim_t reserve = 64 + static_cast<rlim_t>(std::max(threads, 0));
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 256;
    const rlim_t wanted = std::min<rlim_t>(limit.rlim_max, kMostConnections + reserve);
    if (limit.rlim_cur < wanted) {
        rlimit raised{wanted, limit.rlim_max};
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit.rlim_cur = wanted;
    }
    if (limit.rlim_cur == RLIM_INFINITY)
        return static_cast<int>(kMostConnections);
    const rlim_t usable = limit.rlim_cur > reserve + 8 ? limit.rlim_cur - reserve : 8;
    return static_cast<int>(std::min(usable, kMostConnections));
}
} // namespace

int defaultThreads(bool storeOverNetwork) {
    const unsigned cores = std::thread::hardware_concurrency();
    return static_cast<int>(storeOverNetwork ? std::clamp(8u * cores, 16u, 128u) : std::clamp(4u * cores, 4u, 64u));
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
    impl.connectionCap = impl.options.maxConnections > 0 ? impl.options.maxConnections
                                                         : connectionCapFor(impl.options.threads);
    impl.state.stats.connectionLimit = impl.connectionCap;
    impl.state.stats.bodyBudget = static_cast<std::int64_t>(impl.options.bodyBudget);
    return impl.acceptor.local_endpoint().port();
}

int HttpServer::connectionLimit() const { return m_impl->connectionCap; }

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
