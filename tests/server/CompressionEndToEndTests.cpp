// The real server on 127.0.0.1 with compressed bodies both ways (docs/protocol.md,
// "Transport"): answers gzipped when asked, photos and workbooks never; pushes taken gzipped;
// a bomb, a corrupt stream and a wrong Content-Encoding refused with words, nothing stored;
// and the one-request announce of many attachments.
#include "../support/HttpClient.hpp"
#include "../support/ServerProcess.hpp"
#include "E2eSteps.hpp"

#include "util/Sha256.hpp"

#include "kc/codec/Gzip.hpp"
#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

using kc::test::bearer;
using kc::test::httpRequest;
using kc::test::ServerProcess;
namespace bj = boost::json;

namespace {

std::map<std::string, std::string> with(std::map<std::string, std::string> headers,
                                        std::map<std::string, std::string> more) {
    headers.merge(more);
    return headers;
}

std::string inflate(const std::string& body) {
    auto inflated = kc::codec::gunzip(body, 64 * 1024 * 1024);
    REQUIRE(inflated.problem == kc::codec::InflateProblem::None);
    return inflated.data;
}

std::size_t pulledSubmissions(const ServerProcess& server, const std::string& token) {
    const auto pulled = kc::json::parse(httpRequest(server.port(), "GET", "/v1/pull?since=0&limit=1000", "", bearer(token)).body);
    std::size_t n = 0;
    for (const auto& change : pulled.at("changes").as_array())
        n += change.at("kind") == "submission";
    return n;
}

std::string errorCode(const kc::test::HttpReply& reply) {
    return std::string(kc::json::parse(reply.body).at("error").at("code").as_string());
}

} // namespace

TEST_CASE("e2e gzip: answers are compressed when the client accepts gzip, and only then", "[e2e][gzip]") {
    ServerProcess server(kc::test::freshTempDir("e2e-gzip-answers"));
    const std::string token = kc::test::signIn(server, "canbo");
    const auto plain = httpRequest(server.port(), "GET", "/v1/pull?since=0&limit=1000", "", bearer(token));
    REQUIRE(plain.status == 200);
    CHECK_FALSE(plain.headers.contains("content-encoding"));
    CHECK(plain.headers.at("vary") == "Accept-Encoding");

    const auto packed = httpRequest(server.port(), "GET", "/v1/pull?since=0&limit=1000", "",
                                    with(bearer(token), {{"accept-encoding", "br;q=1.0, gzip;q=0.8"}}));
    REQUIRE(packed.status == 200);
    REQUIRE(packed.headers.at("content-encoding") == "gzip");
    CHECK(inflate(packed.body) == plain.body);
    CHECK(packed.body.size() * 4 < plain.body.size());  // a page of JSON shrinks at least four times

    const auto refused = httpRequest(server.port(), "GET", "/v1/pull?since=0&limit=1000", "",
                                     with(bearer(token), {{"accept-encoding", "gzip;q=0, identity"}}));
    CHECK_FALSE(refused.headers.contains("content-encoding"));
    CHECK(refused.body == plain.body);

    // A small answer is not worth gzip's header and trailer.
    const auto health = httpRequest(server.port(), "GET", "/healthz", "", {{"accept-encoding", "gzip"}});
    CHECK(health.status == 200);
    CHECK_FALSE(health.headers.contains("content-encoding"));

    // A photo goes as it is: its bytes are compressed already.
    const std::string photo = kc::test::upload(server, token, std::string(4000, 'x'));
    const auto content = httpRequest(server.port(), "GET", "/v1/attachments/" + photo + "/content", "",
                                     with(bearer(token), {{"accept-encoding", "gzip"}}));
    REQUIRE(content.status == 200);
    CHECK_FALSE(content.headers.contains("content-encoding"));
    CHECK(content.body == "\xFF\xD8\xFF" + std::string(4000, 'x'));
}

TEST_CASE("e2e gzip: a streamed CSV export is compressed as it is produced", "[e2e][gzip]") {
    ServerProcess server(kc::test::freshTempDir("e2e-gzip-export"));
    const std::string officer = kc::test::signIn(server, "canbo");
    const std::string project = kc::test::projectId(server, officer, "KCQG-2024-01");
    const std::string photo = kc::test::upload(server, officer, "a photo");
    std::vector<std::string> items;
    for (int i = 0; i < 40; ++i)
        items.push_back(kc::test::report(kc::Uuid::v7().toString(), project, photo, i));
    REQUIRE(httpRequest(server.port(), "POST", "/v1/push", kc::test::batch(items), bearer(officer)).status == 200);
    const std::string reviewer = kc::test::signIn(server, "duyet");
    const auto plain = httpRequest(server.port(), "GET", "/v1/exports/progress_report.csv", "", bearer(reviewer));
    REQUIRE(plain.status == 200);
    REQUIRE(plain.body.size() > 1000);
    const auto packed = httpRequest(server.port(), "GET", "/v1/exports/progress_report.csv", "",
                                    with(bearer(reviewer), {{"accept-encoding", "gzip"}}));
    REQUIRE(packed.status == 200);
    REQUIRE(packed.headers.at("content-encoding") == "gzip");
    CHECK(packed.headers.at("transfer-encoding") == "chunked");
    CHECK(inflate(packed.body) == plain.body);
    const auto workbook = httpRequest(server.port(), "GET", "/v1/exports/progress_report.xlsx", "",
                                      with(bearer(reviewer), {{"accept-encoding", "gzip"}}));
    REQUIRE(workbook.status == 200);
    CHECK_FALSE(workbook.headers.contains("content-encoding"));  // a zip already
}

TEST_CASE("e2e gzip: a gzipped push is taken as the plain one, and its replay is a duplicate", "[e2e][gzip]") {
    ServerProcess server(kc::test::freshTempDir("e2e-gzip-push"));
    const std::string token = kc::test::signIn(server, "canbo");
    const std::string project = kc::test::projectId(server, token, "KCQG-2024-01");
    const std::string photo = kc::test::upload(server, token, "a photo of the new machine");
    const std::string id = kc::Uuid::v7().toString();
    const std::string body = kc::test::batch({kc::test::report(id, project, photo, 40)});
    const auto gzipped = with(bearer(token), {{"content-encoding", "gzip"}, {"content-type", "application/json"}});
    const auto first = httpRequest(server.port(), "POST", "/v1/push", kc::codec::gzip(body), gzipped);
    REQUIRE(first.status == 200);
    CHECK(kc::json::parse(first.body).at("receipts").at(0).at("status") == "accepted");
    const auto replay = httpRequest(server.port(), "POST", "/v1/push", body, bearer(token));
    CHECK(kc::json::parse(replay.body).at("receipts").at(0).at("status") == "duplicate");
    const auto metrics = httpRequest(server.port(), "GET", "/metrics", "", bearer(kc::test::signIn(server, "quantri")));
    CHECK_THAT(metrics.body, Catch::Contains("kcfield_http_gzip_requests_total 1\n"));
}

TEST_CASE("e2e gzip: a bomb, a corrupt or cut stream and an unknown coding are refused and change nothing",
          "[e2e][gzip]") {
    ServerProcess server(kc::test::freshTempDir("e2e-gzip-hostile"));
    const std::string token = kc::test::signIn(server, "canbo");
    const std::string project = kc::test::projectId(server, token, "KCQG-2024-01");
    const std::string photo = kc::test::upload(server, token, "a photo");
    const std::size_t before = pulledSubmissions(server, token);
    const std::string body = kc::test::batch({kc::test::report(kc::Uuid::v7().toString(), project, photo, 40)});
    const auto gzipped = with(bearer(token), {{"content-encoding", "gzip"}, {"content-type", "application/json"}});
    kc::test::HttpConnection connection(server.port());

    // 64 MiB of spaces inside a valid push shape: about 64 kB on the wire, past the 16 MiB limit.
    const std::string bomb = kc::codec::gzip(body.substr(0, body.size() - 1) + std::string(64u << 20, ' ') + "}", 9);
    REQUIRE(bomb.size() < 1'000'000);
    const auto tooLarge = connection.request("POST", "/v1/push", bomb, gzipped);
    CHECK(tooLarge.status == 413);
    CHECK(errorCode(tooLarge) == "payload_too_large");
    CHECK_THAT(tooLarge.body, Catch::Contains("inflates past the limit of 16777216 bytes"));

    std::string corrupt = kc::codec::gzip(body);
    corrupt[corrupt.size() / 2] = static_cast<char>(corrupt[corrupt.size() / 2] ^ 0x55);
    corrupt[corrupt.size() / 2 + 1] = static_cast<char>(corrupt[corrupt.size() / 2 + 1] ^ 0x55);
    const auto bad = connection.request("POST", "/v1/push", corrupt, gzipped);  // the same connection: kept alive
    CHECK(bad.status == 400);
    CHECK(errorCode(bad) == "bad_encoding");

    const std::string whole = kc::codec::gzip(body);
    const auto cut = connection.request("POST", "/v1/push", whole.substr(0, whole.size() - 12), gzipped);
    CHECK(cut.status == 400);
    CHECK_THAT(cut.body, Catch::Contains("ends before its last block"));

    const auto notGzip = connection.request("POST", "/v1/push", body, gzipped);  // says gzip, is not
    CHECK(notGzip.status == 400);
    CHECK(errorCode(notGzip) == "bad_encoding");

    const auto brotli = connection.request("POST", "/v1/push", body,
                                           with(bearer(token), {{"content-encoding", "br"}}));
    CHECK(brotli.status == 415);
    CHECK(errorCode(brotli) == "unsupported_encoding");
    CHECK_THAT(brotli.body, Catch::Contains("\\\"br\\\" is not supported"));

    CHECK(pulledSubmissions(server, token) == before);

    // A chunk of a photo is never taken compressed: its offsets count the file's own bytes.
    const std::string bytes = "\xFF\xD8\xFF" + std::string(3000, 'p');
    const std::string sha = kc::server::sha256Hex(bytes);
    REQUIRE(connection.request("POST", "/v1/attachments",
                               kc::json::serialize(bj::object{{"sha256", sha}, {"size", bytes.size()},
                                                              {"content_type", "image/jpeg"}}),
                               bearer(token)).status == 201);
    const auto chunk = connection.request("PATCH", "/v1/attachments/" + sha, kc::codec::gzip(bytes),
                                          with(bearer(token), {{"upload-offset", "0"},
                                                               {"content-encoding", "gzip"},
                                                               {"content-type", "application/offset+octet-stream"}}));
    CHECK(chunk.status == 415);
    CHECK(errorCode(chunk) == "unsupported_encoding");
    const auto status = connection.request("GET", "/v1/attachments/" + sha, "", bearer(token));
    CHECK(kc::json::parse(status.body).at("offset") == 0);
}

TEST_CASE("e2e attachments: one request announces many and says where each one stands", "[e2e][gzip][attachments]") {
    ServerProcess server(kc::test::freshTempDir("e2e-announce"));
    const std::string token = kc::test::signIn(server, "canbo");
    const std::string done = kc::test::upload(server, token, "already here");
    const std::string partBytes = "\xFF\xD8\xFF" + std::string(5000, 'q');
    const std::string part = kc::server::sha256Hex(partBytes);
    const std::string fresh = kc::server::sha256Hex(std::string("\xFF\xD8\xFF") + "fresh");
    const auto announce = [&](bj::array items) {
        return httpRequest(server.port(), "POST", "/v1/attachments",
                           kc::json::serialize(bj::object{{"attachments", std::move(items)}}), bearer(token));
    };
    // The partial upload: started and sent in part.
    REQUIRE(announce({bj::object{{"sha256", part}, {"size", partBytes.size()}, {"content_type", "image/jpeg"}}}).status == 200);
    REQUIRE(httpRequest(server.port(), "PATCH", "/v1/attachments/" + part, partBytes.substr(0, 2000),
                        with(bearer(token), {{"upload-offset", "0"}, {"content-type", "application/offset+octet-stream"}}))
                .status == 200);

    const auto reply = announce({
        bj::object{{"sha256", done}, {"size", 15}, {"content_type", "image/jpeg"}},
        bj::object{{"sha256", part}, {"size", partBytes.size()}, {"content_type", "image/jpeg"}},
        bj::object{{"sha256", fresh}, {"size", 8}, {"content_type", "image/jpeg"}},
        bj::object{{"sha256", fresh}, {"size", 8}, {"content_type", "application/pdf"}},
        bj::object{{"sha256", "NOT-A-HASH"}, {"size", 8}, {"content_type", "image/jpeg"}},
        bj::value("not an object"),
    });
    REQUIRE(reply.status == 200);
    const auto answers = kc::json::parse(reply.body).at("attachments").as_array();
    REQUIRE(answers.size() == 6);
    CHECK(answers[0].at("complete") == true);
    CHECK(answers[0].at("status") == 200);
    CHECK(answers[1].at("complete") == false);
    CHECK(answers[1].at("offset") == 2000);
    CHECK(answers[2].at("status") == 201);
    CHECK(answers[2].at("offset") == 0);
    CHECK(answers[3].at("status") == 415);
    CHECK(answers[3].at("error").at("code") == "unsupported_media_type");
    CHECK(answers[3].at("sha256").as_string() == fresh);
    CHECK(answers[4].at("status") == 400);
    CHECK(answers[4].at("error").at("fields").at(0).at("path") == "attachments[4].sha256");
    CHECK(answers[5].at("status") == 400);

    bj::array tooMany;
    for (int i = 0; i < 501; ++i)
        tooMany.push_back(bj::object{{"sha256", fresh}, {"size", 8}, {"content_type", "image/jpeg"}});
    const auto refused = announce(std::move(tooMany));
    CHECK(refused.status == 400);
    CHECK_THAT(refused.body, Catch::Contains("at most 500 attachments per request"));
}

TEST_CASE("e2e attachments: a photo's origin is kept in its record and shown to who may see the photo",
          "[e2e][attachments]") {
    ServerProcess server(kc::test::freshTempDir("e2e-origin"));
    const std::string officer = kc::test::signIn(server, "canbo");
    const std::string bytes = "\xFF\xD8\xFF" + std::string(3000, 'o');
    const std::string sha = kc::server::sha256Hex(bytes);
    const bj::object origin{{"taken_at", "2026-10-12T09:14:05+07:00"}, {"location", {{"lat", 22.6667}, {"lon", 106.25}}}};
    const auto announce = [&](bj::value item) {
        return httpRequest(server.port(), "POST", "/v1/attachments",
                           kc::json::serialize(bj::object{{"attachments", bj::array{std::move(item)}}}), bearer(officer));
    };
    // Bad origins are refused naming the field, and start nothing.
    const std::string other = kc::server::sha256Hex(std::string("\xFF\xD8\xFF") + "other");
    for (const auto& [bad, field] : std::vector<std::pair<bj::object, std::string>>{
             {{{"taken_at", "12/10/2026"}}, "attachments[0].origin.taken_at"},
             {{{"location", {{"lat", 91}, {"lon", 0}}}}, "attachments[0].origin.location.lat"},
             {{{"location", {{"lat", 0}, {"lon", -181}}}}, "attachments[0].origin.location.lon"},
             {{{"camera", "Nokia"}}, "attachments[0].origin.camera"}}) {
        const auto reply = announce(bj::object{{"sha256", other}, {"size", 8}, {"content_type", "image/jpeg"}, {"origin", bad}});
        REQUIRE(reply.status == 200);
        const auto answer = kc::json::parse(reply.body).at("attachments").at(0);
        CHECK(answer.at("status") == 400);
        CHECK(answer.at("error").at("fields").at(0).at("path").as_string() == field);
    }
    CHECK(httpRequest(server.port(), "GET", "/v1/attachments/" + other, "", bearer(officer)).status == 404);

    const auto started = announce(bj::object{{"sha256", sha}, {"size", bytes.size()}, {"content_type", "image/jpeg"}, {"origin", origin}});
    CHECK(kc::json::parse(started.body).at("attachments").at(0).at("origin") == origin);
    REQUIRE(httpRequest(server.port(), "PATCH", "/v1/attachments/" + sha, bytes,
                        with(bearer(officer), {{"upload-offset", "0"}, {"content-type", "application/offset+octet-stream"}}))
                .status == 200);
    const auto mine = kc::json::parse(httpRequest(server.port(), "GET", "/v1/attachments/" + sha, "", bearer(officer)).body);
    CHECK(mine.at("complete") == true);
    CHECK(mine.at("origin") == origin);

    // A reviewer of the province sees it once a submission there uses the photo; one of
    // another province, and another officer, do not.
    const std::string reviewer = kc::test::signIn(server, "duyet");
    CHECK_FALSE(kc::json::parse(httpRequest(server.port(), "GET", "/v1/attachments/" + sha, "", bearer(reviewer)).body)
                    .as_object().contains("origin"));
    const std::string project = kc::test::projectId(server, officer, "KCQG-2024-01");
    REQUIRE(httpRequest(server.port(), "POST", "/v1/push",
                        kc::test::batch({kc::test::report(kc::Uuid::v7().toString(), project, sha, 60)}), bearer(officer))
                .status == 200);
    CHECK(kc::json::parse(httpRequest(server.port(), "GET", "/v1/attachments/" + sha, "", bearer(reviewer)).body)
              .at("origin") == origin);
    const std::string elsewhere = kc::test::signIn(server, "duyet_cm");
    CHECK_FALSE(kc::json::parse(httpRequest(server.port(), "GET", "/v1/attachments/" + sha, "", bearer(elsewhere)).body)
                    .as_object().contains("origin"));
}
