#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace kc::server {

//! An 8-bit PNG (libpng) of `width` × `height`, grey (1 channel) or RGB (3), whose rows
//! `fillRow(y, row)` writes (`row` holds width × channels bytes). Throws std::runtime_error.
std::string encodePng(int width, int height, int channels,
                      const std::function<void(int y, std::uint8_t* row)>& fillRow);

} // namespace kc::server
