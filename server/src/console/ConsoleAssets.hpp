#pragma once

#include <span>
#include <string_view>

namespace kc::server {

//! One file of the web console (web/), built into the binary: its path from the console's
//! root ("/index.html", "/assets/index-3f2a.js"), its type, its bytes and, where it pays,
//! the same bytes gzipped.
struct ConsoleAsset {
    std::string_view path;
    std::string_view contentType;
    std::string_view body;
    std::string_view gzip;  //!< empty when the file is not worth compressing
};

//! Every file of the built console (generated at build time by web/scripts/embed.mjs).
std::span<const ConsoleAsset> consoleAssets();

} // namespace kc::server
