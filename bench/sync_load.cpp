// Load: 200 simulated devices at once against the real server on loopback (2 worker
// threads on this 2-core machine). Each device signs in, pulls everything in its scope, then
// pushes 10 progress reports one by one. Reported: throughput and p50/p99 latency of the
// sync requests (pull and push pages), and sign-in separately: Argon2id (64 MiB, t=2) is
// deliberately slow and runs once per device, not per sync. Target: sync p99 ≤ 50 ms, 0 errors.
#include "LoopbackBench.hpp"

#include "util/Sha256.hpp"

#include <atomic>
#include <barrier>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

using namespace kc;
using namespace kc::bench;

int main(int argc, char** argv) {
    int devices = 200, items = 10;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--devices") == 0)
            devices = std::atoi(argv[i + 1]);
        if (std::strcmp(argv[i], "--items") == 0)
            items = std::atoi(argv[i + 1]);
    }
    test::ServerProcess server(test::freshTempDir("bench-load"), {"--threads", "2", "--signin-limit", "1000000"});
    std::string project, photo;
    {
        test::HttpConnection setup(server.port());
        const std::string token = signIn(setup, "canbo");
        project = projectId(setup, token, "KCQG-2024-01");
        const std::string bytes(120'000, 'q');
        photo = uploadPhoto(setup, token, bytes, server::sha256Hex(bytes));
    }
    std::mutex mutex;
    std::vector<double> signIns, sync;
    std::atomic<int> errors{0};
    std::barrier ready(devices + 1);
    std::barrier finished(devices + 1);
    std::vector<std::thread> threads;
    for (int d = 0; d < devices; ++d)
        threads.emplace_back([&] {
            std::vector<double> mine;
            std::string token;
            std::unique_ptr<test::HttpConnection> connection;
            try {
                connection = std::make_unique<test::HttpConnection>(server.port());
                const auto start = Clock::now();
                token = signIn(*connection, "canbo");
                std::lock_guard lock(mutex);
                signIns.push_back(secondsSince(start));
            } catch (const std::exception&) {
                ++errors;
            }
            ready.arrive_and_wait();
            if (connection && !token.empty()) {
                try {
                    std::string since = "0";
                    for (bool more = true; more;) {
                        const auto start = Clock::now();
                        const auto reply = connection->request("GET", "/v1/pull?limit=500&since=" + since, "", bearer(token));
                        mine.push_back(secondsSince(start));
                        if (reply.status != 200)
                            throw std::runtime_error(reply.body);
                        const auto body = json::parse(reply.body);
                        since = std::string(body.at("next").as_string());
                        more = body.at("more").as_bool();
                    }
                    for (int i = 0; i < items; ++i) {
                        const std::string body = pushBody({progressReport(project, photo, i * 10)});
                        const auto start = Clock::now();
                        const auto reply = connection->request("POST", "/v1/push", body, bearer(token));
                        mine.push_back(secondsSince(start));
                        if (reply.status != 200 || reply.body.find("\"accepted\"") == std::string::npos)
                            throw std::runtime_error(reply.body);
                    }
                } catch (const std::exception& error) {
                    ++errors;
                    std::fprintf(stderr, "device error: %.200s\n", error.what());
                }
            }
            {
                std::lock_guard lock(mutex);
                sync.insert(sync.end(), mine.begin(), mine.end());
            }
            finished.arrive_and_wait();
        });
    ready.arrive_and_wait();
    const auto start = Clock::now();
    finished.arrive_and_wait();
    const double seconds = secondsSince(start);
    for (auto& thread : threads)
        thread.join();
    const double p50 = percentile(sync, 50) * 1000, p99 = percentile(sync, 99) * 1000;
    const double signP50 = percentile(signIns, 50) * 1000, signP99 = percentile(signIns, 99) * 1000;
    const double throughput = static_cast<double>(sync.size()) / seconds;
    std::printf("%d devices at once, each pulling its scope and pushing %d reports: %zu sync requests in %.2f s "
                "(%.0f requests/s, %.0f submissions/s); latency p50 %.1f ms, p99 %.1f ms (target <= 50 ms); "
                "errors %d\n",
                devices, items, sync.size(), seconds, throughput, devices * items / seconds, p50, p99, errors.load());
    std::printf("sign-in (Argon2id, once per device, all at once before the sync): p50 %.0f ms, p99 %.0f ms\n",
                signP50, signP99);
    std::printf("{\"benchmark\":\"sync_load\",\"devices\":%d,\"items_per_device\":%d,\"requests\":%zu,\"seconds\":%.3f,"
                "\"requests_per_s\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"errors\":%d,\"signin_p50_ms\":%.0f,"
                "\"signin_p99_ms\":%.0f,\"target_p99_ms\":50,\"met\":%s}\n",
                devices, items, sync.size(), seconds, throughput, p50, p99, errors.load(), signP50, signP99,
                (p99 <= 50 && errors == 0) ? "true" : "false");
    return 0;
}
