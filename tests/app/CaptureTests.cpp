#include "AppTestSupport.hpp"

#include "capture/LocationSource.hpp"
#include "capture/MediaCapture.hpp"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QRandomGenerator>

using namespace kc;

namespace {

//! A 4000×3000 photo (12 MP) with camera-like detail, stored on its side with EXIF
//! orientation "rotate 90°", as phones write them.
QByteArray cameraPhoto() {
    QImage image(4000, 3000, QImage::Format_RGB32);
    QPainter painter(&image);
    QRandomGenerator random(42);
    for (int y = 0; y < 3000; y += 20)
        for (int x = 0; x < 4000; x += 20)
            painter.fillRect(x, y, 20, 20, QColor::fromRgb(random.generate() | 0xff000000u));
    painter.fillRect(0, 0, 400, 3000, Qt::red); // the left edge: the top once rotated
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(95);
    writer.setTransformation(QImageIOHandler::TransformationRotate90);
    REQUIRE(writer.write(image));
    return bytes;
}

} // namespace

TEST_CASE("a 12 MP photo is stored upright, at most 1600 px, as a JPEG of a few hundred kB",
          "[app][capture]") {
    test::StoreFixture f("capture-photo");
    MediaCapture capture;
    capture.setStore(&f.store);
    const QByteArray original = cameraPhoto();
    const QString file = QString::fromStdString((f.dir / "camera.jpg").string());
    {
        QFile out(file);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(original);
    }
    const QString sha = capture.importPhoto(QUrl::fromLocalFile(file));
    REQUIRE(sha.size() == 64);
    const auto row = f.local().attachment(sha.toStdString());
    REQUIRE(row);
    CHECK(row->contentType == "image/jpeg");
    CHECK(row->size < 1'000'000);
    CHECK(row->size < original.size() / 3);

    QImageReader stored(f.store.attachmentUrl(sha).toLocalFile());
    stored.setAutoTransform(true);
    const QImage image = stored.read();
    REQUIRE_FALSE(image.isNull());
    CHECK(image.width() == 1200); // portrait: the EXIF rotation is in the pixels now
    CHECK(image.height() == 1600);
    CHECK(stored.transformation() == QImageIOHandler::TransformationNone);
    const QColor top = image.pixelColor(600, 20);
    CHECK(top.red() > 200);
    CHECK(top.green() < 60);

    // The same photo again is the same attachment.
    CHECK(capture.importPhotoBytes(original) == sha);
}

TEST_CASE("a file that is not a photo is refused with its name, and nothing is stored", "[app][capture]") {
    test::StoreFixture f("capture-bad");
    MediaCapture capture;
    capture.setStore(&f.store);
    const QString file = QString::fromStdString((f.dir / "notes.txt").string());
    {
        QFile out(file);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write("not an image");
    }
    CHECK(capture.importPhoto(QUrl::fromLocalFile(file)).isEmpty());
    CHECK(capture.errorString().contains(QStringLiteral("notes.txt")));
    CHECK(f.local().countByState().empty());
}

TEST_CASE("a signature is drawn from strokes to a PNG", "[app][capture]") {
    test::StoreFixture f("capture-signature");
    MediaCapture capture;
    capture.setStore(&f.store);
    CHECK(capture.saveSignature({}, QSize(400, 200)).isEmpty());
    CHECK_FALSE(capture.errorString().isEmpty());
    QVariantList stroke;
    for (int x = 20; x <= 380; x += 10)
        stroke << QVariantMap{{QStringLiteral("x"), x}, {QStringLiteral("y"), 100 + (x % 40) - 20}};
    const QString sha = capture.saveSignature({QVariant(stroke)}, QSize(400, 200));
    REQUIRE(sha.size() == 64);
    CHECK(f.local().attachment(sha.toStdString())->contentType == "image/png");
    const QImage png(f.store.attachmentUrl(sha).toLocalFile());
    REQUIRE(png.size() == QSize(400, 200));
    CHECK(qGray(png.pixel(200, 80)) < 128);  // ink where the pen went (x = 200, y = 80)
    CHECK(qGray(png.pixel(200, 150)) > 200); // paper elsewhere
}

TEST_CASE("a location typed by hand is checked and marked manual", "[app][capture]") {
    LocationSource location;
    CHECK(location.answer().isEmpty()); // no fix yet
    const auto typed = location.manualAnswer(QStringLiteral("22,7069"), QStringLiteral("106.1653"));
    CHECK(typed.value(QStringLiteral("lat")).toDouble() == Approx(22.7069));
    CHECK(typed.value(QStringLiteral("manual")).toBool());
    CHECK(location.manualAnswer(QStringLiteral("95"), QStringLiteral("106")).isEmpty());
    CHECK(location.errorString().contains(QStringLiteral("95")));

    QGeoPositionInfo fix(QGeoCoordinate(22.6657, 106.2579), QDateTime::currentDateTimeUtc());
    fix.setAttribute(QGeoPositionInfo::HorizontalAccuracy, 8.5);
    location.acceptPosition(fix);
    CHECK(location.hasFix());
    const auto answer = location.answer();
    CHECK(answer.value(QStringLiteral("accuracy")).toDouble() == Approx(8.5));
    CHECK_FALSE(answer.contains(QStringLiteral("manual")));
}
