#include "AppTestSupport.hpp"

#include "capture/LocationSource.hpp"
#include "capture/MediaCapture.hpp"

#include "../support/ExifPhoto.hpp"
#include "../support/NoisyPhoto.hpp"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QNmeaPositionInfoSource>
#include <QTest>
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
    writer.setText(QStringLiteral("Description"), QStringLiteral("Nông Văn Thắng, HTX Tân Việt"));
    REQUIRE(writer.write(image));
    return bytes;
}

} // namespace

TEST_CASE("a 12 MP photo is stored upright, at most 1600 px, as a WebP within 120 kB, without its metadata",
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
    CHECK(row->contentType == "image/webp");
    CHECK(row->size <= MediaCapture::kPhotoBudget);  // random blocks: busier than any photo
    CHECK(row->size < original.size() / 10);
    // Nothing of the camera's file but its pixels: the comment the camera wrote is gone.
    CHECK(QImageReader(file).text(QStringLiteral("Description")) == QStringLiteral("Nông Văn Thắng, HTX Tân Việt"));
    CHECK(QImageReader(f.store.attachmentUrl(sha).toLocalFile()).textKeys().isEmpty());
    QFile stored(f.store.attachmentUrl(sha).toLocalFile());
    REQUIRE(stored.open(QIODevice::ReadOnly));
    const QByteArray made = stored.readAll();
    CHECK_FALSE(made.contains("EXIF"));
    CHECK_FALSE(made.contains("Exif"));
    CHECK_FALSE(made.contains(QStringLiteral("Nông Văn Thắng").toUtf8()));

    QImageReader reread(f.store.attachmentUrl(sha).toLocalFile());
    reread.setAutoTransform(true);
    const QImage image = reread.read();
    REQUIRE_FALSE(image.isNull());
    CHECK(image.width() <= 1200); // portrait: the EXIF rotation is in the pixels now
    CHECK(image.height() <= 1600);
    CHECK(image.height() * 3 == image.width() * 4);
    CHECK(reread.transformation() == QImageIOHandler::TransformationNone);
    const QColor top = image.pixelColor(image.width() / 2, 10);
    CHECK(top.red() > 200);
    CHECK(top.green() < 60);

    // The same photo again is the same attachment.
    CHECK(capture.importPhotoBytes(original) == sha);
}

TEST_CASE("a photo's time and place are read from its EXIF into its record and the file keeps none of it",
          "[app][capture]") {
    test::StoreFixture f("capture-origin");
    MediaCapture capture;
    capture.setStore(&f.store);
    const QByteArray camera = test::withExif(test::noisyPhoto(5, 800, 600, 90), "2026:10:12 09:14:05", "+07:00",
                                             22.6667, 106.25);
    const QString sha = capture.importPhotoBytes(camera);
    REQUIRE(sha.size() == 64);
    const auto row = f.local().attachment(sha.toStdString());
    REQUIRE(row);
    CHECK(row->origin.at("taken_at") == "2026-10-12T09:14:05+07:00");
    CHECK(row->origin.at("location").at("lat").as_double() == Approx(22.6667).margin(1e-6));
    CHECK(row->origin.at("location").at("lon").as_double() == Approx(106.25).margin(1e-6));
    QFile stored(f.store.attachmentUrl(sha).toLocalFile());
    REQUIRE(stored.open(QIODevice::ReadOnly));
    const QByteArray made = stored.readAll();
    CHECK_FALSE(made.contains("KCField Test Camera"));
    CHECK_FALSE(made.contains("Exif"));

    // South and west, no offset; and a photo without EXIF has no origin.
    const QString other = capture.importPhotoBytes(
        test::withExif(test::noisyPhoto(6, 800, 600, 90), "2025:01:31 23:59:59", nullptr, -8.5, -35.25));
    const auto far = f.local().attachment(other.toStdString());
    CHECK(far->origin.at("taken_at") == "2025-01-31T23:59:59");
    CHECK(far->origin.at("location").at("lat").as_double() == Approx(-8.5).margin(1e-6));
    CHECK(far->origin.at("location").at("lon").as_double() == Approx(-35.25).margin(1e-6));
    const QString plain = capture.importPhotoBytes(test::noisyPhoto(7, 800, 600, 90));
    CHECK(f.local().attachment(plain.toStdString())->origin.empty());
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

    // A fix that arrives when no search runs (after a position was typed) changes nothing.
    QGeoPositionInfo fix(QGeoCoordinate(22.6657, 106.2579), QDateTime::currentDateTimeUtc());
    fix.setAttribute(QGeoPositionInfo::HorizontalAccuracy, 8.5);
    location.acceptPosition(fix);
    CHECK_FALSE(location.hasFix());
    CHECK(location.answer().isEmpty());
}

namespace {

//! An NMEA sentence with its checksum, as a GPS receiver sends it.
QByteArray nmea(const QByteArray& body) {
    char sum = 0;
    for (char c : body)
        sum = static_cast<char>(sum ^ c);
    return "$" + body + "*" + QByteArray::number(static_cast<unsigned char>(sum), 16).rightJustified(2, '0').toUpper() + "\r\n";
}

//! A recorded track, one fix a second: GGA (position, HDOP) and RMC (date) each time.
QByteArray track(const std::vector<std::pair<QByteArray, double>>& fixes) {
    QByteArray out;
    int second = 0;
    for (const auto& [position, hdop] : fixes) {
        const QByteArray time = "0830" + QByteArray::number(second++).rightJustified(2, '0') + ".00";
        out += nmea("GPGGA," + time + "," + position + ",1,08," + QByteArray::number(hdop, 'f', 1) + ",300.0,M,0.0,M,,");
        out += nmea("GPRMC," + time + ",A," + position + ",0.0,0.0,021226,,,A");
    }
    return out;
}

//! A position source playing `recorded` back in real time, as a receiver would send it.
QNmeaPositionInfoSource* receiver(const QByteArray& recorded) {
    auto* source = new QNmeaPositionInfoSource(QNmeaPositionInfoSource::SimulationMode);
    auto* device = new QBuffer(source);
    device->setData(recorded);
    device->open(QIODevice::ReadOnly);
    source->setDevice(device);
    source->setUserEquivalentRangeError(2.5);  // Qt: accuracy = 2 × HDOP × UERE, so HDOP × 5 m
    return source;
}

} // namespace

TEST_CASE("a location search keeps the best fix and ends by itself at the target accuracy", "[app][capture]") {
    LocationSource location;
    location.setSource(receiver(track({{"2239.942,N,10615.474,E", 4.0},    // ±20 m
                                       {"2239.990,N,10615.400,E", 6.0},    // ±30 m: worse, not kept
                                       {"2239.950,N,10615.480,E", 1.6},    // ±8 m: the target
                                       {"2240.500,N,10616.000,E", 1.0}}))); // after the end: ignored
    location.setTargetAccuracy(10);
    int kept = 0;
    QObject::connect(&location, &LocationSource::positionChanged, [&] { ++kept; });
    location.start();
    REQUIRE(location.active());
    REQUIRE(QTest::qWaitFor([&] { return !location.active(); }, 15'000));
    CHECK(kept == 2);
    CHECK(location.accuracy() == Approx(8.0));
    CHECK(location.latitude() == Approx(22 + 39.950 / 60).margin(1e-6));
    QTest::qWait(1500);
    CHECK(location.latitude() == Approx(22 + 39.950 / 60).margin(1e-6));  // the last fix came after the end
    CHECK(location.status().contains(QStringLiteral("±8 m")));
}

TEST_CASE("a location search that never reaches its target ends at the timeout with the best it had",
          "[app][capture]") {
    LocationSource location;
    location.setSource(receiver(track({{"2239.942,N,10615.474,E", 4.0}, {"2239.942,N,10615.474,E", 4.0},
                                       {"2239.942,N,10615.474,E", 4.0}, {"2239.942,N,10615.474,E", 4.0}})));
    location.setTimeout(2);
    location.start();
    REQUIRE(QTest::qWaitFor([&] { return !location.active(); }, 10'000));
    CHECK(location.elapsed() == 2);
    CHECK(location.hasFix());
    CHECK(location.answer().value(QStringLiteral("accuracy")).toDouble() == Approx(20.0));
    CHECK(location.errorString().isEmpty());

    // No fix at all: it says so, with the time it waited, and a person types the position.
    LocationSource nothing;
    nothing.setSource(receiver({}));
    nothing.setTimeout(1);
    nothing.start();
    REQUIRE(QTest::qWaitFor([&] { return !nothing.active(); }, 10'000));
    CHECK_FALSE(nothing.hasFix());
    CHECK(nothing.errorString().contains(QStringLiteral("1 s")));
}
