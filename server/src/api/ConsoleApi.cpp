// The web console (web/), served from the files built into the binary: GET / is the page,
// GET /assets/{file} its scripts and styles (names carry a content hash, so they are cached
// for good). Pages get a Content-Security-Policy of their own: scripts, styles and data only
// from this server, no inline script, no framing.
#include "api/ApiRoutes.hpp"

#include "api/ApiSupport.hpp"
#include "console/ConsoleAssets.hpp"

namespace kc::server {
namespace {

constexpr const char* kPagePolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
    "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

const ConsoleAsset* findAsset(std::string_view path) {
    for (const auto& asset : consoleAssets())
        if (asset.path == path)
            return &asset;
    return nullptr;
}

bool acceptsGzip(const Request& request) {
    // "gzip" as a coding, not refused with q=0 (browsers send "gzip, deflate, br, zstd").
    const std::string accepted = request.header("accept-encoding");
    const auto at = accepted.find("gzip");
    if (at == std::string::npos)
        return false;
    const auto end = accepted.find(',', at);
    const std::string coding = accepted.substr(at, end == std::string::npos ? std::string::npos : end - at);
    return coding.find("q=0") == std::string::npos || coding.find("q=0.") != std::string::npos;
}

Response serveAsset(const Request& request, const ConsoleAsset& asset, bool immutable) {
    Response response;
    response.contentType = std::string(asset.contentType);
    const bool gzip = !asset.gzip.empty() && acceptsGzip(request);
    response.body = std::string(gzip ? asset.gzip : asset.body);
    if (gzip)
        response.headers.emplace_back("Content-Encoding", "gzip");
    response.headers.emplace_back("Vary", "Accept-Encoding");
    response.headers.emplace_back("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    response.headers.emplace_back("Content-Security-Policy", kPagePolicy);
    response.route = immutable ? "/assets/{file}" : "/";
    return response;
}

} // namespace

void addConsoleRoutes(Router& router, ServerContext&) {
    router.add("GET", "/", [](const Request& request) {
        const auto* page = findAsset("/index.html");
        if (!page)
            notFound("the web console (this server was built without it)");
        return serveAsset(request, *page, false);
    });
    router.add("GET", "/assets/{file}", [](const Request& request) {
        const auto* asset = findAsset("/assets/" + request.pathParams.at("file"));
        if (!asset)
            notFound("console file " + request.pathParams.at("file"));
        return serveAsset(request, *asset, true);
    });
}

} // namespace kc::server
