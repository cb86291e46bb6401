#include "admin/QrCode.hpp"

#include "util/PngImage.hpp"

#include <qrencode.h>

#include <fstream>
#include <memory>
#include <stdexcept>

namespace kc::server {

namespace {

constexpr int kQuiet = 2;  // modules of white border

struct QrDeleter {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

std::unique_ptr<QRcode, QrDeleter> encode(const std::string& text) {
    std::unique_ptr<QRcode, QrDeleter> code(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code)
        throw std::runtime_error("cannot make a QR code of " + std::to_string(text.size()) + " bytes");
    return code;
}

bool dark(const QRcode& code, int x, int y) {
    if (x < 0 || y < 0 || x >= code.width || y >= code.width)
        return false;
    return (code.data[y * code.width + x] & 1) != 0;
}

} // namespace

std::string qrForTerminal(const std::string& text) {
    const auto code = encode(text);
    std::string out;
    for (int y = -kQuiet; y < code->width + kQuiet; y += 2) {
        for (int x = -kQuiet; x < code->width + kQuiet; ++x) {
            const bool top = dark(*code, x, y), bottom = dark(*code, x, y + 1);
            // Light modules are drawn, so the code reads on dark and light terminals alike.
            if (!top && !bottom)
                out += "\u2588";
            else if (!top)
                out += "\u2580";
            else if (!bottom)
                out += "\u2584";
            else
                out += ' ';
        }
        out += '\n';
    }
    return out;
}

std::string qrSvg(const std::string& text) {
    const auto code = encode(text);
    const int size = code->width + 2 * kQuiet;
    std::string path;
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (dark(*code, x, y))
                path += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h1v1h-1z";
    const std::string box = std::to_string(size);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + box + " " + box +
           "\" shape-rendering=\"crispEdges\"><rect width=\"" + box + "\" height=\"" + box +
           "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

void writeQrPng(const std::string& text, const std::filesystem::path& file, int scale) {
    const auto code = encode(text);
    const int size = (code->width + 2 * kQuiet) * scale;
    const std::string png = encodePng(size, size, 1, [&](int py, std::uint8_t* row) {
        for (int px = 0; px < size; ++px)
            row[px] = dark(*code, px / scale - kQuiet, py / scale - kQuiet) ? 0 : 255;
    });
    std::ofstream out(file, std::ios::binary);
    out.write(png.data(), static_cast<std::streamsize>(png.size()));
    if (!out.flush())
        throw std::runtime_error("cannot write " + file.string());
}

} // namespace kc::server
