#pragma once

// A stand-in for a 12-megapixel photo taken in a workshop: a textured scene with the 1/f
// spectrum of natural images (fractal noise, not white noise, which no real photo is), a
// painted machine, and an aluminium nameplate whose text is what a reviewer must read, plus
// sensor noise. Header-only: kc_test_support itself does not link Qt.
#include <QBuffer>
#include <QByteArray>
#include <QFont>
#include <QImage>
#include <QLinearGradient>
#include <QPainter>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <vector>

namespace kc::test {

//! The nameplate's lines, as a reviewer should read them.
inline QStringList nameplateLines(quint32 seed) {
    return {QStringLiteral("CO KHI TAN VIET"),
            QStringLiteral("MODEL MN-%1").arg(2000 + seed % 90),
            QStringLiteral("SO MAY %1-04-%2").arg(2015 + seed % 9).arg(100 + seed % 800),
            QStringLiteral("380V 50HZ %1KW").arg(3 + seed % 12),
            QStringLiteral("NAM SX %1").arg(2016 + seed % 9)};
}

//! Where the nameplate is, as fractions of the photo's width and height.
//! A plate of a hand's width seen from two metres: its letters are about 30 px high in the
//! 12 MP original, 12 px at 1600 px, so the encoding decides whether they stay readable.
inline QRectF nameplateArea() { return {0.46, 0.44, 0.11, 0.075}; }

inline QImage fieldPhotoImage(quint32 seed, int width = 4000, int height = 3000) {
    QRandomGenerator random(seed);
    // Fractal noise: octaves of random grids, each twice as fine and half as strong.
    std::vector<float> field(static_cast<std::size_t>(width) * height, 0.0f);
    float amplitude = 1.0f;
    for (int cells = 6; cells < width; cells *= 2, amplitude *= 0.62f) {
        const int gw = cells + 1, gh = std::max(2, cells * height / width + 1);
        QImage grid(gw, gh, QImage::Format_Grayscale8);
        for (int y = 0; y < gh; ++y)
            for (int x = 0; x < gw; ++x)
                grid.scanLine(y)[x] = static_cast<uchar>(random.bounded(256));
        const QImage up = grid.scaled(width, height, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        for (int y = 0; y < height; ++y) {
            const uchar* line = up.constScanLine(y);
            float* out = field.data() + static_cast<std::size_t>(y) * width;
            for (int x = 0; x < width; ++x)
                out[x] += amplitude * (static_cast<float>(line[x]) - 127.5f);
        }
    }
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        const float* in = field.data() + static_cast<std::size_t>(y) * width;
        for (int x = 0; x < width; ++x) {
            const float v = std::clamp(in[x] * 0.9f, -127.0f, 127.0f);
            // Earth, concrete and plants: the floor of a rural workshop.
            const int r = std::clamp(static_cast<int>(120 + v * 0.9f), 0, 255);
            const int g = std::clamp(static_cast<int>(112 + v * 0.8f + (v > 20 ? 18 : 0)), 0, 255);
            const int b = std::clamp(static_cast<int>(96 + v * 0.7f), 0, 255);
            line[x] = qRgb(r, g, b);
        }
    }
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        // The machine: painted steel, lit from the left.
        const QRectF body(width * 0.25, height * 0.22, width * 0.55, height * 0.58);
        QLinearGradient paint(body.topLeft(), body.topRight());
        paint.setColorAt(0, QColor(40, 80, 140));
        paint.setColorAt(1, QColor(18, 36, 70));
        painter.setPen(QPen(QColor(10, 20, 40), width / 400.0));
        painter.setBrush(paint);
        painter.drawRoundedRect(body, width / 100.0, width / 100.0);
        painter.setBrush(QColor(150, 150, 150));
        for (int i = 0; i < 6; ++i)
            painter.drawEllipse(QPointF(body.left() + body.width() * (0.1 + 0.16 * i), body.top() + body.height() * 0.08),
                                width / 250.0, width / 250.0);
        // The nameplate: brushed aluminium, black stamped letters.
        const QRectF area = nameplateArea();
        const QRectF plate(width * area.x(), height * area.y(), width * area.width(), height * area.height());
        QLinearGradient metal(plate.topLeft(), plate.bottomRight());
        metal.setColorAt(0, QColor(205, 205, 200));
        metal.setColorAt(1, QColor(165, 168, 165));
        painter.setBrush(metal);
        painter.setPen(QPen(QColor(90, 90, 90), width / 1000.0));
        painter.drawRect(plate);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(static_cast<int>(plate.height() / 7.5));
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(QColor(25, 25, 25));
        const QStringList lines = nameplateLines(seed);
        for (int i = 0; i < lines.size(); ++i)
            painter.drawText(QRectF(plate.left() + plate.width() * 0.05, plate.top() + plate.height() * (0.06 + 0.18 * i),
                                    plate.width() * 0.9, plate.height() * 0.18),
                             Qt::AlignLeft | Qt::AlignVCenter, lines[i]);
    }
    // Sensor noise, as a phone's small sensor adds it.
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const int n = static_cast<int>(random.bounded(9)) - 4;
            const QRgb p = line[x];
            line[x] = qRgb(std::clamp(qRed(p) + n, 0, 255), std::clamp(qGreen(p) + n, 0, 255),
                           std::clamp(qBlue(p) + n, 0, 255));
        }
    }
    return image;
}

//! The photo as a phone's camera app saves it: a JPEG at quality 92.
inline QByteArray fieldPhoto(quint32 seed, int width = 4000, int height = 3000) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    fieldPhotoImage(seed, width, height).save(&buffer, "jpeg", 92);
    return bytes;
}

} // namespace kc::test
