#pragma once

#include <string>

namespace kc::server {

//! A small landscape PNG (libpng), different for each seed: the demo's photos and signatures.
std::string demoPicturePng(unsigned seed, int width = 320, int height = 240);

} // namespace kc::server
