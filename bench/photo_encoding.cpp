// How a photo should leave the phone: for synthetic 12 MP workshop photos with a nameplate
// (tests/support/FieldPhoto.hpp), each candidate format, long side and quality is measured
// for its bytes and for whether the nameplate can still be read at 100 %: the nameplate is
// cut out of the decoded photo and read by Tesseract OCR (Debian's tesseract-ocr), and the
// characters it gets wrong are counted against the plate's text. The reference for each size
// is the same scaled photo without compression. Also measured: what MediaCapture (the app's
// own pipeline) makes of the same photos, and the pipeline before issue 24 (1600 px JPEG q80).
#include "../tests/support/FieldPhoto.hpp"

#include "capture/MediaCapture.hpp"
#include "store/AppStore.hpp"

#include "LoopbackBench.hpp"

#include <QBuffer>
#include <QDir>
#include <QGuiApplication>
#include <QImageReader>
#include <QImageWriter>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <vector>

namespace {

struct Candidate {
    QByteArray format;  // "jpeg", "webp", or "png" for the uncompressed reference
    int longSide;
    int quality;
    QString name() const {
        return format == "png" ? QStringLiteral("reference %1 px").arg(longSide)
                               : QStringLiteral("%1 %2 px q%3").arg(QString::fromLatin1(format)).arg(longSide).arg(quality);
    }
};

QImage decodeScaled(const QByteArray& bytes, int longSide) {
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    const double scale = double(longSide) / std::max(size.width(), size.height());
    if (scale < 1.0)
        reader.setScaledSize(QSize(int(std::lround(size.width() * scale)), int(std::lround(size.height() * scale))));
    return reader.read();
}

QByteArray encode(const QImage& image, const QByteArray& format, int quality) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (format == "jpeg")
        writer.setOptimizedWrite(true);
    writer.write(image);
    return bytes;
}

int editDistance(const QString& a, const QString& b) {
    std::vector<int> row(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

//! Letters and digits only: OCR's stray quotes and full stops are not what a reviewer misreads.
QString normalized(const QString& text) {
    QString out;
    for (const QChar c : text.toUpper())
        if ((c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            out += c;
    return out;
}

//! The share of the plate's characters OCR gets wrong (0 = all read), or -1 without Tesseract.
double plateErrors(const QImage& photo, quint32 seed, const QString& scratch) {
    const QRectF area = kc::test::nameplateArea();
    const QRect crop(int(photo.width() * area.x()), int(photo.height() * area.y()), int(photo.width() * area.width()),
                     int(photo.height() * area.height()));
    const QString file = scratch + QStringLiteral("/plate.png");
    photo.copy(crop).save(file);  // at 100 %: no enlarging, as a reviewer sees it
    QProcess ocr;
    ocr.start(QStringLiteral("tesseract"), {file, QStringLiteral("-"), QStringLiteral("--psm"), QStringLiteral("6"),
                                            QStringLiteral("-l"), QStringLiteral("eng")});
    if (!ocr.waitForFinished(60'000) || ocr.exitCode() != 0)
        return -1;
    const QString read = normalized(QString::fromUtf8(ocr.readAllStandardOutput()));
    const QString truth = normalized(kc::test::nameplateLines(seed).join(QLatin1Char(' ')));
    return double(editDistance(read, truth)) / double(truth.size());
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    int photos = 5;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::strcmp(argv[i], "--photos") == 0)
            photos = std::max(1, std::atoi(argv[i + 1]));
    const bool webp = QImageWriter::supportedImageFormats().contains("webp");
    std::printf("photo encoding: %d synthetic 12 MP workshop photos; WebP %s; OCR: %s\n", photos,
                webp ? "available" : "NOT available (install qt6-image-formats-plugins)",
                [] {
                    QProcess probe;
                    probe.start(QStringLiteral("tesseract"), {QStringLiteral("--version")});
                    return probe.waitForFinished(10'000) && probe.exitCode() == 0;
                }() ? "tesseract" : "NOT available (install tesseract-ocr): no readability figures");

    std::vector<Candidate> candidates;
    for (const int side : {1600, 1280, 1024}) {
        candidates.push_back({"png", side, 0});
        for (const int quality : {80, 70, 60, 50})
            candidates.push_back({"jpeg", side, quality});
        if (webp)
            for (const int quality : {80, 70, 60, 50})
                candidates.push_back({"webp", side, quality});
    }
    QTemporaryDir scratch;
    std::map<QString, std::vector<double>> bytes, errors;
    std::vector<double> appBytes, appErrors, sourceBytes;
    const auto deviceDir = kc::test::freshTempDir("bench-photo-encoding");
    AppStore store;
    store.setPath(QString::fromStdString((deviceDir / "device.sqlite3").string()));
    if (!store.open())
        throw std::runtime_error(store.errorString().toStdString());
    MediaCapture capture;
    capture.setStore(&store);
    for (int i = 0; i < photos; ++i) {
        const auto seed = static_cast<quint32>(i + 1);
        const QByteArray source = kc::test::fieldPhoto(seed);
        sourceBytes.push_back(double(source.size()));
        for (const auto& candidate : candidates) {
            const QImage scaled = decodeScaled(source, candidate.longSide);
            if (candidate.format == "png") {
                errors[candidate.name()].push_back(plateErrors(scaled, seed, scratch.path()));
                continue;
            }
            const QByteArray encoded = encode(scaled, candidate.format, candidate.quality);
            bytes[candidate.name()].push_back(double(encoded.size()));
            errors[candidate.name()].push_back(plateErrors(QImage::fromData(encoded), seed, scratch.path()));
        }
        const QString sha = capture.importPhotoBytes(source);
        if (sha.isEmpty())
            throw std::runtime_error(capture.errorString().toStdString());
        QFile file(store.attachmentUrl(sha).toLocalFile());
        file.open(QIODevice::ReadOnly);
        const QByteArray made = file.readAll();
        appBytes.push_back(double(made.size()));
        appErrors.push_back(plateErrors(QImage::fromData(made), seed, scratch.path()));
        std::printf("  photo %d: source %.0f kB, the app's %.0f kB\n", i + 1, double(source.size()) / 1000.0, double(made.size()) / 1000.0);
        std::fflush(stdout);
    }
    std::printf("%-22s %10s %14s\n", "candidate", "median kB", "OCR errors");
    for (const auto& candidate : candidates) {
        const QString name = candidate.name();
        const double kb = bytes.count(name) ? median(bytes[name]) / 1000.0 : 0.0;
        std::printf("%-22s %10s %13.1f%%\n", name.toStdString().c_str(),
                    candidate.format == "png" ? "-" : QByteArray::number(kb, 'f', 0).constData(),
                    100.0 * median(errors[name]));
    }
    const auto before = QStringLiteral("jpeg 1600 px q80");
    const double beforeKb = median(bytes[before]) / 1000.0, appKb = median(appBytes) / 1000.0;
    std::printf("the app's pipeline (MediaCapture): median %.0f kB, largest %.0f kB, OCR errors %.1f%%; "
                "before issue 24 (%s): %.0f kB, OCR errors %.1f%%; ratio app / before %.2f; target <= 120 kB\n",
                appKb, *std::max_element(appBytes.begin(), appBytes.end()) / 1000.0, 100.0 * median(appErrors),
                before.toStdString().c_str(), beforeKb, 100.0 * median(errors[before]), appKb / beforeKb);
    std::printf("{\"benchmark\":\"photo_encoding\",\"photos\":%d,\"source_kb\":%.0f,\"app_kb\":%.1f,\"app_max_kb\":%.1f,"
                "\"app_ocr_errors\":%.4f,\"before_kb\":%.1f,\"before_ocr_errors\":%.4f,\"ratio\":%.3f,\"target_kb\":120,"
                "\"met\":%s}\n",
                photos, median(sourceBytes) / 1000.0, appKb, *std::max_element(appBytes.begin(), appBytes.end()) / 1000.0,
                median(appErrors), beforeKb, median(errors[before]), appKb / beforeKb,
                *std::max_element(appBytes.begin(), appBytes.end()) <= 120'000 ? "true" : "false");
    return 0;
}
