#include "seed/DemoPicture.hpp"

#include <png.h>

#include <stdexcept>
#include <vector>

namespace kc::server {

namespace {
void append(png_structp png, png_bytep data, png_size_t length) {
    static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
}
void flush(png_structp) {}
} // namespace

std::string demoPicturePng(unsigned seed, int width, int height) {
    std::string out;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        throw std::runtime_error("libpng could not start");
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        throw std::runtime_error("libpng failed drawing a demo picture");
    }
    png_set_write_fn(png, &out, append, flush);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    // A sky over green hills, tinted by the seed, so that each picture differs.
    const int r0 = 90 + static_cast<int>(seed * 37 % 120), g0 = 140 + static_cast<int>(seed * 53 % 80);
    std::vector<png_byte> row(static_cast<std::size_t>(width) * 3);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const int hill = height / 2 + static_cast<int>((x * (seed % 7 + 3)) % (height / 4));
            png_byte* pixel = &row[static_cast<std::size_t>(x) * 3];
            if (y < height - hill) {
                pixel[0] = static_cast<png_byte>(150 + y * 80 / height);
                pixel[1] = static_cast<png_byte>(190 + y * 50 / height);
                pixel[2] = 240;
            } else {
                pixel[0] = static_cast<png_byte>(r0 / 3);
                pixel[1] = static_cast<png_byte>(g0 - (y * 60 / height));
                pixel[2] = static_cast<png_byte>(60 + (x % 40));
            }
        }
        png_write_row(png, row.data());
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return out;
}

} // namespace kc::server
