#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace kc::server {

struct TransportStats;
class StorageFaults;

//! Counters for /metrics in Prometheus's text format: requests by route and status, a
//! latency histogram, items synced, and the store's size (read when rendered).
class Metrics {
public:
    static constexpr std::array<double, 11> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                     0.1,   0.25,   0.5,   1.0,  2.5};

    void observeRequest(const std::string& route, int status, double seconds);
    //! A push item's receipt ("accepted", "duplicate", ...).
    void countPushed(const std::string& status);
    void countPulled(std::int64_t changes);
    //! An attachment chunk: bytes kept, and bytes that arrived again (held already).
    void countChunk(std::int64_t stored, std::int64_t resent);

    //! Also renders the transport's connection and body-memory counters and the storage
    //! faults; both must outlive this object.
    void watch(const TransportStats* transport, const StorageFaults* storage);

    std::string render(std::int64_t storeBytes, std::int64_t submissions) const;

private:
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, int>, std::int64_t> m_requests;
    std::array<std::int64_t, kBuckets.size()> m_bucketCounts{};
    std::int64_t m_latencyCount = 0;
    double m_latencySum = 0;
    std::map<std::string, std::int64_t> m_pushed;
    std::int64_t m_pulled = 0;
    std::int64_t m_chunkBytesStored = 0;
    std::int64_t m_chunkBytesResent = 0;
    const TransportStats* m_transport = nullptr;
    const StorageFaults* m_storage = nullptr;
};

} // namespace kc::server
