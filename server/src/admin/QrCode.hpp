#pragma once

#include <filesystem>
#include <string>

namespace kc::server {

//! The text as a QR code (libqrencode, error correction M) drawn with Unicode half blocks,
//! two modules per character cell, dark on light with the quiet zone, for a terminal.
std::string qrForTerminal(const std::string& text);
//! Writes the QR code as a black-and-white PNG (libpng), `scale` pixels per module.
//! Throws std::runtime_error naming the file when it cannot be written.
void writeQrPng(const std::string& text, const std::filesystem::path& file, int scale = 8);
//! The QR code as an SVG image (one path of dark modules, with the quiet zone), for a page.
std::string qrSvg(const std::string& text);

} // namespace kc::server
