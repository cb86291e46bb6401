#pragma once

// A JPEG that compresses like a detailed photo (random pixels), for the app's sync tests and
// benchmarks. Header-only: kc_test_support itself does not link Qt.
#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QRandomGenerator>

namespace kc::test {

inline QByteArray noisyPhoto(quint32 seed, int width, int height, int quality) {
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < image.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x] = random.generate() | 0xff000000u;
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "jpeg", quality);
    return bytes;
}

} // namespace kc::test
