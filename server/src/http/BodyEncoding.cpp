#include "http/BodyEncoding.hpp"

#include "http/ApiError.hpp"

#include "kc/codec/Gzip.hpp"

#include <algorithm>
#include <cctype>
#include <memory>

namespace kc::server {

namespace {

std::string lowerTrimmed(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto first = text.find_first_not_of(" \t");
    const auto last = text.find_last_not_of(" \t");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

bool hasHeader(const Response& response, std::string_view name) {
    return std::any_of(response.headers.begin(), response.headers.end(), [name](const auto& header) {
        return header.first.size() == name.size() &&
               std::equal(header.first.begin(), header.first.end(), name.begin(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
               });
    });
}

} // namespace

std::optional<Response> decodeRequestBody(Request& request, std::size_t inflatedLimit) {
    const auto found = request.headers.find("content-encoding");
    if (found == request.headers.end())
        return std::nullopt;
    const std::string coding = lowerTrimmed(found->second);
    if (coding.empty() || coding == "identity") {
        request.headers.erase(found);
        return std::nullopt;
    }
    const std::string contentType = lowerTrimmed(request.header("content-type"));
    if (contentType.rfind("application/offset+octet-stream", 0) == 0)
        return errorResponse(415, "unsupported_encoding",
                             "attachment chunks are sent as they are, without Content-Encoding (" + found->second +
                                 "): their offsets count the file's own bytes, and photos do not shrink; "
                                 "nothing was stored");
    if (coding != "gzip" && coding != "x-gzip")
        return errorResponse(415, "unsupported_encoding",
                             "Content-Encoding \"" + found->second +
                                 "\" is not supported; send the body as gzip or without Content-Encoding. "
                                 "Nothing was stored");
    auto inflated = codec::gunzip(request.body, inflatedLimit);
    switch (inflated.problem) {
    case codec::InflateProblem::TooLarge:
        return errorResponse(413, "payload_too_large",
                             "the gzip body of " + std::to_string(request.body.size()) +
                                 " bytes inflates past the limit of " + std::to_string(inflatedLimit) +
                                 " bytes; nothing was stored");
    case codec::InflateProblem::Corrupt:
        return errorResponse(400, "bad_encoding",
                             "the body says Content-Encoding: gzip but cannot be inflated (" + inflated.detail +
                                 "); nothing was stored");
    case codec::InflateProblem::None:
        break;
    }
    request.body = std::move(inflated.data);
    request.headers.erase(found);
    return std::nullopt;
}

void encodeResponse(Response& response, std::string_view acceptEncoding, TransportStats& stats) {
    if (!codec::compressible(response.contentType) || hasHeader(response, "Content-Encoding"))
        return;
    if (!response.stream && response.body.size() < kCompressFrom)
        return;
    response.headers.emplace_back("Vary", "Accept-Encoding");
    if (!codec::acceptsGzip(acceptEncoding))
        return;
    response.headers.emplace_back("Content-Encoding", "gzip");
    ++stats.compressedResponses;
    if (!response.stream) {
        stats.plainBytes += static_cast<std::int64_t>(response.body.size());
        response.body = codec::gzip(response.body);
        stats.compressedBytes += static_cast<std::int64_t>(response.body.size());
        return;
    }
    // Level 5 for streams: an export of a million rows spends its time here, and the
    // last few per cent of size are not worth twice the CPU.
    auto deflater = std::make_shared<codec::GzipStream>(5);
    response.stream = [inner = std::move(response.stream), deflater, &stats,
                       ended = false](std::string& out) mutable {
        if (ended)
            return false;
        std::string piece;
        const bool more = inner(piece);
        stats.plainBytes += static_cast<std::int64_t>(piece.size());
        out = deflater->feed(piece);
        if (!more) {
            out += deflater->finish();
            ended = true;
        }
        stats.compressedBytes += static_cast<std::int64_t>(out.size());
        return more;
    };
}

} // namespace kc::server
