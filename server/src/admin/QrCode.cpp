#include "admin/QrCode.hpp"

#include <png.h>
#include <qrencode.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <vector>

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

void writeQrPng(const std::string& text, const std::filesystem::path& file, int scale) {
    const auto code = encode(text);
    const int size = (code->width + 2 * kQuiet) * scale;
    std::unique_ptr<FILE, int (*)(FILE*)> out(std::fopen(file.c_str(), "wb"), &std::fclose);
    if (!out)
        throw std::runtime_error("cannot write " + file.string());
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        throw std::runtime_error("libpng could not start");
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        throw std::runtime_error("libpng failed writing " + file.string());
    }
    png_init_io(png, out.get());
    png_set_IHDR(png, info, static_cast<png_uint_32>(size), static_cast<png_uint_32>(size), 8,
                 PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    std::vector<png_byte> row(static_cast<std::size_t>(size));
    for (int py = 0; py < size; ++py) {
        for (int px = 0; px < size; ++px)
            row[static_cast<std::size_t>(px)] = dark(*code, px / scale - kQuiet, py / scale - kQuiet) ? 0 : 255;
        png_write_row(png, row.data());
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
}

} // namespace kc::server
