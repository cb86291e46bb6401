#include "kc/ids/Uuid.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <thread>
#include <vector>

using kc::Uuid;

TEST_CASE("UUIDv7 has version 7, the RFC variant and the creation time", "[uuid]") {
    const auto before = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    const Uuid id = Uuid::v7();
    const auto after = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    CHECK(id.version() == 7);
    CHECK((id.bytes()[8] & 0xc0) == 0x80);
    CHECK(id.unixMillis() >= before);
    CHECK(id.unixMillis() <= after);
    CHECK_FALSE(id.isNil());
}

TEST_CASE("UUIDv7 at a fixed time encodes it in the first 48 bits", "[uuid]") {
    const Uuid id = Uuid::v7At(0x0190'f3a2'6b1c);
    CHECK(id.toString().substr(0, 13) == "0190f3a2-6b1c");
    CHECK(id.unixMillis() == 0x0190'f3a2'6b1c);
    CHECK_THROWS_AS(Uuid::v7At(-1), std::out_of_range);
    CHECK_THROWS_AS(Uuid::v7At(std::int64_t{1} << 48), std::out_of_range);
}

TEST_CASE("ids made one after another sort in creation order, even within a millisecond",
          "[uuid]") {
    std::vector<Uuid> ids;
    for (int i = 0; i < 10'000; ++i)
        ids.push_back(Uuid::v7());
    for (std::size_t i = 1; i < ids.size(); ++i) {
        INFO("index " << i);
        REQUIRE(ids[i - 1] < ids[i]);
        REQUIRE(ids[i - 1].toString() < ids[i].toString());  // text order matches too
    }
}

TEST_CASE("ids are unique across threads", "[uuid]") {
    std::vector<std::vector<Uuid>> perThread(4);
    std::vector<std::thread> threads;
    for (auto& bucket : perThread)
        threads.emplace_back([&bucket] {
            for (int i = 0; i < 5'000; ++i)
                bucket.push_back(Uuid::v7());
        });
    for (auto& thread : threads)
        thread.join();
    std::set<Uuid> all;
    for (const auto& bucket : perThread)
        all.insert(bucket.begin(), bucket.end());
    CHECK(all.size() == 20'000);
}

TEST_CASE("the canonical text form round-trips and bad text is refused", "[uuid]") {
    const Uuid id = Uuid::v7();
    const std::string text = id.toString();
    CHECK(text.size() == 36);
    CHECK(text[14] == '7');
    CHECK(Uuid::parse(text) == id);

    // One id, one spelling: upper-case hex would let two texts name the same id.
    CHECK_FALSE(Uuid::parse("0190F3A2-6B1C-7D4E-8F00-1A2B3C4D5E6F"));
    CHECK_FALSE(Uuid::parse("0190f3a2-6b1c-7d4e-8f00-1a2b3c4d5E6f"));
    CHECK(Uuid::parse("0190f3a2-6b1c-7d4e-8f00-1a2b3c4d5e6f")->toString() == "0190f3a2-6b1c-7d4e-8f00-1a2b3c4d5e6f");

    CHECK_FALSE(Uuid::parse(""));
    CHECK_FALSE(Uuid::parse("0190f3a2-6b1c-7d4e-8f00-1a2b3c4d5e6"));    // short
    CHECK_FALSE(Uuid::parse("0190f3a2-6b1c-7d4e-8f00-1a2b3c4d5e6fa"));  // long
    CHECK_FALSE(Uuid::parse("0190f3a2x6b1c-7d4e-8f00-1a2b3c4d5e6f"));   // separator
    CHECK_FALSE(Uuid::parse("0190f3a2-6b1c-7d4e-8f00-1a2b3c4d5e6g"));   // not hex
    CHECK(Uuid::parse("00000000-0000-0000-0000-000000000000")->isNil());
}
