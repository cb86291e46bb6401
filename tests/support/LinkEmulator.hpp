#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kc::test {

//! A mobile link as a sync meets it: bandwidth each way (shared by every connection, as one
//! radio is), round-trip time, and drops.
struct LinkProfile {
    std::string name;
    double bitsPerSecond = 0;          //!< each way; 0 is unlimited
    std::chrono::milliseconds rtt{0};
    //! The signal goes every `dropEvery` (0: never; the first time after half of it) for
    //! `outage`: every open connection goes silent (no byte either way, no reset, as when a
    //! phone loses its cell) and stays dead, and connections opened during the outage are dead
    //! too.
    std::chrono::milliseconds dropEvery{0};
    std::chrono::milliseconds outage{3000};

    //! Seconds `bytes` take on this link at its bandwidth (0 when unlimited).
    double transferSeconds(std::int64_t bytes) const {
        return bitsPerSecond > 0 ? static_cast<double>(bytes) * 8.0 / bitsPerSecond : 0.0;
    }
};

//! The profiles of issue 24: 2G (EDGE) 64 kbit/s and 600 ms; weak 3G 384 kbit/s, 300 ms and a
//! drop every 45 s; 3G 2 Mbit/s and 150 ms.
LinkProfile profile2G();
LinkProfile profile3GWeak();
LinkProfile profile3G();
//! "2g", "3g-weak", "3g" or "loopback" (no limits); nullopt for another name.
std::optional<LinkProfile> profileNamed(const std::string& name);
std::vector<LinkProfile> allProfiles();

//! A TCP proxy on 127.0.0.1 that carries connections to a target through an emulated link
//! (this machine's kernel has tbf but no netem, and a shaper in the process needs no root):
//! each byte leaves when the shared link in its direction is free and arrives half a
//! round trip later; a new connection waits one round trip (the TCP handshake) before its
//! first byte. Reads are one segment (1,448 bytes) at a time and each connection holds at
//! most 32 kB in flight, so a sender is held back as by a real bottleneck. Counts the bytes
//! it carried each way: the bytes on the wire of what went through it.
class LinkEmulator {
public:
    LinkEmulator(LinkProfile profile, std::string targetHost, unsigned short targetPort);
    ~LinkEmulator();
    LinkEmulator(const LinkEmulator&) = delete;
    LinkEmulator& operator=(const LinkEmulator&) = delete;

    unsigned short port() const;
    std::string baseUrl() const { return "http://127.0.0.1:" + std::to_string(port()); }
    const LinkProfile& profile() const;

    std::int64_t bytesUp() const;   //!< client to server
    std::int64_t bytesDown() const; //!< server to client
    int connections() const;        //!< accepted so far
    int drops() const;              //!< signal losses so far
    //! Loses the signal now, as a scheduled drop does.
    void dropNow();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace kc::test
