// The code scanner reads the enrollment QR code an admin prints (libqrencode, as the server
// makes it) from a picture, and says so plainly when a picture holds no code.
#include <catch2/catch.hpp>

#include "capture/CodeScanner.hpp"

#include "AppTestSupport.hpp"

#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QUrl>

#include <qrencode.h>

namespace {

//! The code as black squares on white, 8 px a module, with the 4-module quiet zone.
QImage qrImage(const std::string& text) {
    QRcode* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    REQUIRE(code != nullptr);
    const int scale = 8, quiet = 4, size = (code->width + 2 * quiet) * scale;
    QImage image(size, size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1)
                painter.fillRect((x + quiet) * scale, (y + quiet) * scale, scale, scale, Qt::black);
    painter.end();
    QRcode_free(code);
    return image;
}

} // namespace

TEST_CASE("code scanner: reads the enrollment link from a picture of its QR code", "[app][capture]") {
    const auto dir = kc::test::freshTempDir("app-code-scanner");
    const std::string link = "kcfield://enroll?server=http%3A%2F%2F10.0.0.5%3A8080&code=7KQ4-MX2P-9HDA";
    const QString file = QString::fromStdString((dir / "code.png").string());
    // Photographed a little rotated and smaller, as a phone would.
    QImage photo(900, 900, QImage::Format_RGB32);
    photo.fill(QColor(230, 228, 220));
    QPainter painter(&photo);
    painter.translate(450, 450);
    painter.rotate(7);
    const QImage code = qrImage(link);
    painter.drawImage(-code.width() / 2, -code.height() / 2, code);
    painter.end();
    REQUIRE(photo.save(file));

    CodeScanner scanner;
    QSignalSpy found(&scanner, &CodeScanner::found);
    CHECK(scanner.decodeFile(QUrl::fromLocalFile(file)).toStdString() == link);
    CHECK(found.count() == 1);
    CHECK(scanner.text().toStdString() == link);
    CHECK(scanner.errorString().isEmpty());
}

TEST_CASE("code scanner: a picture without a code, or no picture, says what is wrong", "[app][capture]") {
    const auto dir = kc::test::freshTempDir("app-code-scanner-none");
    const QString file = QString::fromStdString((dir / "plain.png").string());
    QImage plain(400, 300, QImage::Format_RGB32);
    plain.fill(Qt::darkGreen);
    REQUIRE(plain.save(file));

    CodeScanner scanner;
    CHECK(scanner.decodeFile(QUrl::fromLocalFile(file)).isEmpty());
    CHECK(scanner.errorString() == QStringLiteral("No QR code or barcode was found in the picture."));
    CHECK(scanner.decodeFile(QUrl::fromLocalFile(file + QStringLiteral(".missing"))).isEmpty());
    CHECK(scanner.errorString().startsWith(QStringLiteral("Cannot open the picture")));
}
