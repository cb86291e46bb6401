// The content hash that makes replays duplicates: SHA-256 over canonical JSON (keys sorted,
// strings as Boost.JSON writes them), so stored receipts keep matching across versions.
#include "sync/ContentHash.hpp"
#include "util/Sha256.hpp"

#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

namespace bj = boost::json;
using namespace kc::server;

TEST_CASE("SHA-256 gives the standard digests, in one piece or in chunks", "[hash]") {
    CHECK(sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    Sha256 chunked;
    chunked.update("a");
    chunked.update("bc");
    CHECK(chunked.hexDigest() == sha256Hex("abc"));
    CHECK(isSha256Hex(sha256Hex("x")));
    CHECK_FALSE(isSha256Hex("ABC"));
}

TEST_CASE("the content hash is over canonical JSON: sorted keys, Boost.JSON's string escapes", "[hash]") {
    std::string awkward;
    for (int c = 1; c < 0x80; ++c)
        awkward += static_cast<char>(c);
    awkward += "Tâm Hòa – “đ” 😀";
    const bj::value answers = bj::object{{"z", awkward}, {"a", bj::array{1, -2, 2.5, true, nullptr}},
                                         {"m", bj::object{{"y", "1"}, {"b", bj::object{}}}}};
    // Built independently: keys sorted by hand, every scalar through Boost.JSON's serializer.
    const auto s = [](const bj::value& v) { return kc::json::serialize(v); };
    const std::string canonical =
        "{\"answers\":{\"a\":[1,-2," + s(2.5) + ",true,null],\"m\":{\"b\":{},\"y\":\"1\"},\"z\":" + s(bj::string(awkward)) +
        "},\"base_revision\":3,\"form_id\":\"site_survey\",\"form_version\":2}";
    CHECK(submissionContentHash("site_survey", 2, 3, answers) == sha256Hex(canonical));

    // Key order in the message does not matter; content does.
    const bj::value reordered = bj::object{{"m", bj::object{{"b", bj::object{}}, {"y", "1"}}},
                                           {"a", bj::array{1, -2, 2.5, true, nullptr}}, {"z", awkward}};
    CHECK(submissionContentHash("site_survey", 2, 3, reordered) == submissionContentHash("site_survey", 2, 3, answers));
    CHECK(submissionContentHash("site_survey", 2, std::nullopt, answers) != submissionContentHash("site_survey", 2, 3, answers));
}
