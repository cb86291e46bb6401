// Puts an emulated mobile link in front of a server, for trying the app (or curl) by hand:
//   bench_link_proxy --profile 2g --target 127.0.0.1:8080 [--port 8082]
// then point the app at http://127.0.0.1:8082. Prints the bytes carried each way every 5 s.
#include "../tests/support/LinkEmulator.hpp"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

namespace {
volatile std::sig_atomic_t stopping = 0;
}

int main(int argc, char** argv) {
    std::string profileName = "2g", target = "127.0.0.1:8080";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--profile") == 0)
            profileName = argv[i + 1];
        else if (std::strcmp(argv[i], "--target") == 0)
            target = argv[i + 1];
    }
    const auto profile = kc::test::profileNamed(profileName);
    const auto colon = target.rfind(':');
    if (!profile || colon == std::string::npos) {
        std::fprintf(stderr, "usage: bench_link_proxy --profile 2g|3g-weak|3g|loopback --target HOST:PORT\n");
        return 2;
    }
    kc::test::LinkEmulator link(*profile, target.substr(0, colon),
                                static_cast<unsigned short>(std::atoi(target.c_str() + colon + 1)));
    std::printf("link %s (%.0f kbit/s, %lld ms RTT) to %s on %s\n", profile->name.c_str(), profile->bitsPerSecond / 1000,
                static_cast<long long>(profile->rtt.count()), target.c_str(), link.baseUrl().c_str());
    std::fflush(stdout);
    std::signal(SIGINT, [](int) { stopping = 1; });
    std::signal(SIGTERM, [](int) { stopping = 1; });
    for (int tick = 0; !stopping; ++tick) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (tick % 50 == 49) {
            std::printf("up %lld B, down %lld B, %d connections, %d drops\n", static_cast<long long>(link.bytesUp()),
                        static_cast<long long>(link.bytesDown()), link.connections(), link.drops());
            std::fflush(stdout);
        }
    }
    return 0;
}
