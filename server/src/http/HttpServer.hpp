#pragma once

#include "http/Router.hpp"
#include "http/TransportStats.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace kc::server {

//! Told about every answered request: for the request log and metrics.
using ResponseObserver = std::function<void(const std::string& method, const std::string& remote,
                                            const Response& response, double seconds)>;

//! Handler threads for a store on this machine's disk: four per core, at least 4. For a
//! store across a socket (PostgreSQL) eight per core, at least 16: a handler there also waits
//! for the database's answers, a round trip each, while the cores could run other handlers.
int defaultThreads(bool storeOverNetwork = false);

struct ServerOptions {
    std::string address = "127.0.0.1";
    unsigned short port = 8080;  // 0 picks a free port; listen() says which
    //! Handler threads. Handlers wait on the disk (a push waits for its group commit to
    //! reach it), so more threads than cores keep the cores busy and let commits group.
    int threads = defaultThreads();
    std::size_t headerLimit = 16 * 1024;
    std::size_t bodyLimit = 16 * 1024 * 1024;
    //! What a gzip request body may inflate to (413 past it).
    std::size_t inflatedLimit = 16 * 1024 * 1024;
    //! Deadline for reading the rest of a request once its first byte arrived, and for
    //! writing one response.
    std::chrono::seconds ioTimeout{30};
    //! How long a connection may stay open without sending a byte: a new connection's first
    //! request, and the next one on a kept-alive connection.
    std::chrono::seconds idleTimeout{10};
    //! Open connections at most; 0 derives it from the descriptor limit (the soft limit,
    //! raised to the hard one where allowed, less a reserve for the store and files).
    //! At the cap the oldest idle connection is closed to make room; when none is idle the
    //! new one is answered 503 with Retry-After.
    int maxConnections = 0;
    //! Memory for request bodies being read, all connections together. A body over
    //! `smallBody` reserves its declared length (a chunked one the body limit) before it is
    //! read; when the budget cannot hold it the request is answered 503 with Retry-After.
    std::size_t bodyBudget = 128 * 1024 * 1024;
    std::size_t smallBody = 64 * 1024;
    //! How long a graceful shutdown waits for requests in flight before giving up.
    std::chrono::seconds drainTimeout{20};
    ResponseObserver observer;
    //! Counted into when set (for /metrics); must outlive the server.
    TransportStats* stats = nullptr;
    //! PEM files for HTTPS; both empty serves plain HTTP. listen() throws naming the file
    //! when one cannot be read.
    std::string tlsCertFile;
    std::string tlsKeyFile;
};

//! The HTTP transport: a listener and one session per connection on its own strand,
//! a connection cap and a body memory budget, a deadline on every read and write, a fresh parser per request with header and body
//! limits (431 / 413 with the JSON error body), keep-alive, optional TLS (OpenSSL, TLS 1.2
//! and newer), chunked streaming of large bodies, and graceful shutdown on
//! SIGTERM / SIGINT: stop accepting, finish what is in flight, then return from run().
class HttpServer {
public:
    HttpServer(ServerOptions options, const Router& router);
    ~HttpServer();

    //! Binds and listens. Returns the port (the chosen one when options.port is 0).
    //! Throws std::runtime_error naming the address when it cannot bind.
    unsigned short listen();
    //! Serves on options.threads threads until a signal or stop(); returns after draining.
    void run();
    //! Begins a graceful shutdown; safe from any thread.
    void stop();
    //! The connection cap in force (after listen()).
    int connectionLimit() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace kc::server
