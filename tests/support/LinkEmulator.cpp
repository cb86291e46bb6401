#include "LinkEmulator.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include <algorithm>
#include <array>
#include <deque>
#include <future>
#include <stdexcept>
#include <thread>

namespace kc::test {

namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

LinkProfile profile2G() { return {"2g", 64'000, 600ms, 0ms, 3000ms}; }
LinkProfile profile3GWeak() { return {"3g-weak", 384'000, 300ms, 45'000ms, 3000ms}; }
LinkProfile profile3G() { return {"3g", 2'000'000, 150ms, 0ms, 3000ms}; }

std::vector<LinkProfile> allProfiles() { return {profile2G(), profile3GWeak(), profile3G()}; }

std::optional<LinkProfile> profileNamed(const std::string& name) {
    if (name == "loopback")
        return LinkProfile{"loopback", 0, 0ms, 0ms, 0ms};
    for (auto profile : allProfiles())
        if (profile.name == name)
            return profile;
    return std::nullopt;
}

namespace {

constexpr std::size_t kSegment = 1448;         // a TCP segment's payload on a 1500-byte MTU
constexpr std::size_t kMostInFlight = 32 * 1024; // per connection and direction

//! One direction of the radio: when it is next free to carry a byte.
struct Lane {
    Clock::time_point freeAt{};
};

struct Packet {
    Clock::time_point deliverAt;
    std::string bytes;
};

} // namespace

struct LinkEmulator::Impl {
    Impl(LinkProfile p, std::string host, unsigned short target)
        : profile(std::move(p)), targetHost(std::move(host)), targetPort(target),
          acceptor(io, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)), dropTimer(io) {}

    struct Pipe;

    //! One direction of one connection: reads a segment, queues it for its delivery time,
    //! writes it then.
    struct Flow {
        Flow(net::io_context& ctx, tcp::socket& f, tcp::socket& t, Lane& l, std::atomic<std::int64_t>& c)
            : from(f), to(t), lane(l), counted(c), timer(ctx) {}
        tcp::socket& from;
        tcp::socket& to;
        Lane& lane;
        std::atomic<std::int64_t>& counted;
        net::steady_timer timer;
        std::deque<Packet> queue;
        std::size_t queued = 0;
        bool reading = false, writing = false, ended = false;
        std::array<char, kSegment> buffer{};
    };

    struct Pipe : std::enable_shared_from_this<Pipe> {
        Pipe(Impl& i, tcp::socket c)
            : impl(i), client(std::move(c)), server(i.io),
              up(i.io, client, server, i.upLane, i.up), down(i.io, server, client, i.downLane, i.down) {}
        Impl& impl;
        tcp::socket client;
        tcp::socket server;
        Flow up, down;
        Clock::time_point readyAt{};
        bool dead = false;
        bool closed = false;

        void start() {
            readyAt = Clock::now() + impl.profile.rtt;  // SYN, SYN-ACK
            auto self = shared_from_this();
            tcp::resolver resolver(impl.io);
            boost::system::error_code ec;
            const auto endpoints = resolver.resolve(impl.targetHost, std::to_string(impl.targetPort), ec);
            if (ec)
                return close();
            net::async_connect(server, endpoints, [self](boost::system::error_code error, const tcp::endpoint&) {
                if (error)
                    return self->close();
                self->read(self->up);
                self->read(self->down);
            });
        }

        void read(Flow& flow) {
            if (closed || flow.reading || flow.ended || flow.queued >= kMostInFlight)
                return;
            flow.reading = true;
            auto self = shared_from_this();
            flow.from.async_read_some(net::buffer(flow.buffer), [self, &flow](boost::system::error_code ec, std::size_t n) {
                flow.reading = false;
                if (self->closed)
                    return;
                if (ec) {
                    if (self->dead) {
                        // The client gave up on a dead connection (its timeout): close both
                        // ends. The server giving up is not told to the client: no FIN
                        // crosses a lost signal, so it finds out by its own timeout.
                        if (&flow == &self->up)
                            return self->close();
                        boost::system::error_code ignored;
                        self->server.close(ignored);
                        return;
                    }
                    flow.ended = true;
                    return self->write(flow);
                }
                if (self->dead)  // nothing crosses a lost signal
                    return self->read(flow);
                self->enqueue(flow, std::string(flow.buffer.data(), n));
                self->read(flow);
            });
        }

        void enqueue(Flow& flow, std::string bytes) {
            const auto now = Clock::now();
            const auto& profile = impl.profile;
            auto start = std::max({now, flow.lane.freeAt, &flow == &up ? readyAt : Clock::time_point{}});
            const auto onAir = std::chrono::duration_cast<Clock::duration>(
                std::chrono::duration<double>(profile.transferSeconds(static_cast<std::int64_t>(bytes.size()))));
            flow.lane.freeAt = start + onAir;
            flow.counted += static_cast<std::int64_t>(bytes.size());
            flow.queued += bytes.size();
            flow.queue.push_back({flow.lane.freeAt + profile.rtt / 2, std::move(bytes)});
            write(flow);
        }

        void write(Flow& flow) {
            if (closed || flow.writing || dead)
                return;
            if (flow.queue.empty()) {
                if (flow.ended) {
                    boost::system::error_code ignored;
                    flow.to.shutdown(tcp::socket::shutdown_send, ignored);
                    if (up.ended && down.ended && up.queue.empty() && down.queue.empty())
                        close();
                }
                return;
            }
            flow.writing = true;
            auto self = shared_from_this();
            flow.timer.expires_at(flow.queue.front().deliverAt);
            flow.timer.async_wait([self, &flow](boost::system::error_code) {
                if (self->closed || self->dead) {
                    flow.writing = false;
                    return;
                }
                net::async_write(flow.to, net::buffer(flow.queue.front().bytes),
                                 [self, &flow](boost::system::error_code ec, std::size_t) {
                                     flow.writing = false;
                                     if (ec)
                                         return self->close();
                                     if (self->closed || flow.queue.empty())
                                         return;
                                     flow.queued -= flow.queue.front().bytes.size();
                                     flow.queue.pop_front();
                                     self->read(flow);
                                     self->write(flow);
                                 });
            });
        }

        //! The signal is lost: whatever was on its way is gone and nothing more crosses.
        //! The sockets stay open, so neither end is told; each finds out by its own timeout.
        void kill() {
            dead = true;
            for (Flow* flow : {&up, &down}) {
                flow->queue.clear();
                flow->queued = 0;
                flow->timer.cancel();
            }
            read(up);
            read(down);
        }

        void close() {
            if (closed)
                return;
            closed = true;
            boost::system::error_code ignored;
            client.close(ignored);
            server.close(ignored);
            up.timer.cancel();
            down.timer.cancel();
        }
    };

    void accept() {
        acceptor.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
            if (ec)
                return;
            ++accepted;
            boost::system::error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);
            auto pipe = std::make_shared<Pipe>(*this, std::move(socket));
            std::erase_if(pipes, [](const std::weak_ptr<Pipe>& weak) { return weak.expired(); });
            pipes.push_back(pipe);
            pipe->start();
            if (Clock::now() < outageUntil)
                pipe->kill();
            accept();
        });
    }

    void dropAll() {
        ++dropCount;
        outageUntil = Clock::now() + profile.outage;
        for (auto& weak : pipes)
            if (auto pipe = weak.lock())
                pipe->kill();
    }

    void scheduleDrop(bool first = false) {
        if (profile.dropEvery.count() <= 0)
            return;
        // The first drop halfway through the period, so that a run shorter than the period
        // meets one too; then one every period.
        dropTimer.expires_after(first ? profile.dropEvery / 2 : profile.dropEvery);
        dropTimer.async_wait([this](boost::system::error_code ec) {
            if (ec)
                return;
            dropAll();
            scheduleDrop();
        });
    }

    LinkProfile profile;
    std::string targetHost;
    unsigned short targetPort;
    net::io_context io;
    tcp::acceptor acceptor;
    net::steady_timer dropTimer;
    Lane upLane, downLane;
    std::atomic<std::int64_t> up{0}, down{0};
    std::atomic<int> accepted{0}, dropCount{0};
    Clock::time_point outageUntil{};
    std::vector<std::weak_ptr<Pipe>> pipes;
    std::thread thread;
};

LinkEmulator::LinkEmulator(LinkProfile profile, std::string targetHost, unsigned short targetPort)
    : m_impl(std::make_unique<Impl>(std::move(profile), std::move(targetHost), targetPort)) {
    // A small receive buffer on the listening socket (inherited by every accepted one) keeps
    // a sender from parking megabytes in the kernel that the emulated link has not carried.
    m_impl->acceptor.set_option(net::socket_base::receive_buffer_size(64 * 1024));
    m_impl->accept();
    m_impl->scheduleDrop(true);
    m_impl->thread = std::thread([impl = m_impl.get()] { impl->io.run(); });
}

LinkEmulator::~LinkEmulator() {
    net::post(m_impl->io, [impl = m_impl.get()] {
        boost::system::error_code ignored;
        impl->acceptor.close(ignored);
        impl->dropTimer.cancel();
        for (auto& weak : impl->pipes)
            if (auto pipe = weak.lock())
                pipe->close();
        impl->io.stop();
    });
    if (m_impl->thread.joinable())
        m_impl->thread.join();
}

unsigned short LinkEmulator::port() const { return m_impl->acceptor.local_endpoint().port(); }
const LinkProfile& LinkEmulator::profile() const { return m_impl->profile; }
std::int64_t LinkEmulator::bytesUp() const { return m_impl->up; }
std::int64_t LinkEmulator::bytesDown() const { return m_impl->down; }
int LinkEmulator::connections() const { return m_impl->accepted; }
int LinkEmulator::drops() const { return m_impl->dropCount; }

void LinkEmulator::dropNow() {
    std::promise<void> done;
    net::post(m_impl->io, [this, &done] {
        m_impl->dropAll();
        done.set_value();
    });
    done.get_future().wait();
}

} // namespace kc::test
