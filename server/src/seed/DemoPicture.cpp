#include "seed/DemoPicture.hpp"

#include "util/PngImage.hpp"

namespace kc::server {

std::string demoPicturePng(unsigned seed, int width, int height) {
    // A sky over green hills, tinted by the seed, so that each picture differs.
    const int r0 = 90 + static_cast<int>(seed * 37 % 120), g0 = 140 + static_cast<int>(seed * 53 % 80);
    return encodePng(width, height, 3, [&](int y, std::uint8_t* row) {
        for (int x = 0; x < width; ++x) {
            const int hill = height / 2 + static_cast<int>((x * (seed % 7 + 3)) % (height / 4));
            std::uint8_t* pixel = row + static_cast<std::ptrdiff_t>(x) * 3;
            if (y < height - hill) {
                pixel[0] = static_cast<std::uint8_t>(150 + y * 80 / height);
                pixel[1] = static_cast<std::uint8_t>(190 + y * 50 / height);
                pixel[2] = 240;
            } else {
                pixel[0] = static_cast<std::uint8_t>(r0 / 3);
                pixel[1] = static_cast<std::uint8_t>(g0 - (y * 60 / height));
                pixel[2] = static_cast<std::uint8_t>(60 + (x % 40));
            }
        }
    });
}

} // namespace kc::server
