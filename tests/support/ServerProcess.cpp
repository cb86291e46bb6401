#include "ServerProcess.hpp"

#include "TestStore.hpp"

#include <algorithm>

#include <chrono>
#include <csignal>
#include <cstring>
#include <stdexcept>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace kc::test {

std::filesystem::path freshTempDir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() /
               ("kc-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    dropPostgresFor(dir);  // on PostgreSQL, a fresh folder comes with a fresh database
    return dir;
}

ServerProcess::ServerProcess(std::filesystem::path dataDir, std::vector<std::string> extraArgs,
                             std::vector<std::string> wrapper) {
    int pipeFds[2];
    if (::pipe(pipeFds) != 0)
        throw std::runtime_error("pipe failed");
    std::vector<std::string> args = {KC_SERVER_BINARY, "serve", "--listen", "127.0.0.1:0",
                                     "--data", dataDir.string(), "--no-demo-activity"};  // tests make their own
    if (std::find(extraArgs.begin(), extraArgs.end(), "--store") == extraArgs.end())
        for (auto& arg : storeArgs(dataDir))  // the engine under test (TestStore.hpp)
            args.push_back(std::move(arg));
    args.insert(args.end(), extraArgs.begin(), extraArgs.end());
    args.insert(args.begin(), wrapper.begin(), wrapper.end());
    std::vector<char*> argv;
    for (auto& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipeFds[0]);
    const int rc = posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipeFds[1]);
    if (rc != 0) {
        ::close(pipeFds[0]);
        throw std::runtime_error(std::string("cannot start ") + argv[0] + ": " +
                                 std::strerror(rc));
    }

    // Read stdout until the "listening on http(s)://127.0.0.1:PORT" line (seeding hashes
    // passwords with Argon2id first, which takes a moment under sanitizers).
    const std::string marker = "://127.0.0.1:";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd pfd{pipeFds[0], POLLIN, 0};
        if (::poll(&pfd, 1, 200) <= 0)
            continue;
        char buffer[4096];
        const ssize_t n = ::read(pipeFds[0], buffer, sizeof buffer);
        if (n <= 0)
            break;
        m_output.append(buffer, static_cast<std::size_t>(n));
        const auto at = m_output.find(marker);
        if (at != std::string::npos && m_output.find(' ', at + marker.size()) != std::string::npos) {
            m_port = static_cast<unsigned short>(std::stoi(m_output.substr(at + marker.size())));
            break;
        }
    }
    // Keep draining stdout so the server never blocks on a full pipe.
    std::thread([fd = pipeFds[0], log = m_log] {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n <= 0)
                break;
            std::lock_guard lock(log->mutex);
            log->text.append(buffer, static_cast<std::size_t>(n));
        }
        ::close(fd);
    }).detach();
    if (m_port == 0) {
        stop(SIGKILL);
        throw std::runtime_error("kcfield-server did not report its port; it printed: " + m_output);
    }
}

std::string ServerProcess::log() const {
    std::lock_guard lock(m_log->mutex);
    return m_log->text;
}

int ServerProcess::stop(int signal, int timeoutMs) {
    if (m_pid <= 0)
        return -1;
    ::kill(m_pid, signal);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
        if (done == m_pid) {
            m_pid = -1;
            if (WIFEXITED(status))
                return WEXITSTATUS(status);
            return 128 + WTERMSIG(status);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
}

ServerProcess::~ServerProcess() {
    if (m_pid > 0 && stop(SIGTERM) < 0)
        stop(SIGKILL);
}

} // namespace kc::test
