#pragma once

#include <atomic>
#include <cstdint>

namespace kc::server {

//! What the transport counts, for /metrics: written by HttpServer, read when rendered.
struct TransportStats {
    std::atomic<std::int64_t> open{0};            //!< connections now open
    std::atomic<std::int64_t> accepted{0};        //!< connections accepted since start
    std::atomic<std::int64_t> shed{0};            //!< idle connections closed to make room
    std::atomic<std::int64_t> refused{0};         //!< connections answered 503 at the cap
    std::atomic<std::int64_t> acceptErrors{0};    //!< accept() failures (descriptors ran out, ...)
    std::atomic<std::int64_t> bodyRefusals{0};    //!< requests answered 503: body memory spent
    std::atomic<std::int64_t> bodyBytesInFlight{0};
    std::atomic<std::int64_t> connectionLimit{0}; //!< the cap in force
    std::atomic<std::int64_t> bodyBudget{0};      //!< the body memory budget in force
    std::atomic<std::int64_t> compressedResponses{0}; //!< answers sent with gzip
    std::atomic<std::int64_t> plainBytes{0};      //!< their bodies' bytes before gzip
    std::atomic<std::int64_t> compressedBytes{0}; //!< and after
    std::atomic<std::int64_t> inflatedRequests{0}; //!< request bodies that came with gzip
    std::atomic<std::int64_t> requestBodyBytes{0};  //!< request bodies as they arrived
    std::atomic<std::int64_t> responseBodyBytes{0}; //!< response bodies as they were sent
};

} // namespace kc::server
