#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace kc::test {

//! The real kcfield-server binary, started on 127.0.0.1 with a free port and its own data
//! folder, stopped (SIGTERM, then SIGKILL) when this object goes away.
class ServerProcess {
public:
    //! `wrapper` runs the server through a program that execs it (e.g. {"/usr/bin/prlimit",
    //! "--nofile=128", "--"}), so pid() is still the server's.
    explicit ServerProcess(std::filesystem::path dataDir, std::vector<std::string> extraArgs = {},
                           std::vector<std::string> wrapper = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    unsigned short port() const { return m_port; }
    std::string baseUrl() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    //! Everything the server printed to stdout so far (up to its "listening" line).
    const std::string& output() const { return m_output; }
    int pid() const { return m_pid; }
    //! What the server printed after its "listening" line (the request log), so far.
    std::string log() const;

    //! Sends `signal` and waits for the process; returns its exit code, or 128 + the signal
    //! that killed it, or -1 if it did not end within `timeoutMs`.
    int stop(int signal, int timeoutMs = 10'000);

private:
    int m_pid = -1;
    unsigned short m_port = 0;
    std::string m_output;
    struct Log {
        std::mutex mutex;
        std::string text;
    };
    std::shared_ptr<Log> m_log = std::make_shared<Log>();
};

//! A fresh, empty folder under the system temp folder.
std::filesystem::path freshTempDir(const std::string& name);

} // namespace kc::test
