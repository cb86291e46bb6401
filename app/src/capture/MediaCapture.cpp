#include "capture/MediaCapture.hpp"

#include "capture/PhotoOrigin.hpp"
#include "store/AppStore.hpp"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

MediaCapture::MediaCapture(QObject* parent) : QObject(parent) {}

void MediaCapture::setStore(AppStore* store) {
    if (store == m_store)
        return;
    m_store = store;
    emit storeChanged();
}

QString MediaCapture::fail(const QString& message) {
    m_error = message;
    emit errorStringChanged();
    return {};
}

namespace {

//! Reads, orients and scales in one pass: the decoder scales while decoding, so a 12 MP
//! photo never sits in memory at full size.
QImage readScaled(QImageReader& reader) {
    reader.setAutoTransform(true);
    const QSize stored = reader.size();
    if (stored.isValid()) {
        const int longSide = std::max(stored.width(), stored.height());
        if (longSide > MediaCapture::kMaxLongSide) {
            const double scale = double(MediaCapture::kMaxLongSide) / longSide;
            reader.setScaledSize(QSize(std::max(1, int(std::lround(stored.width() * scale))),
                                       std::max(1, int(std::lround(stored.height() * scale)))));
        }
    }
    QImage image = reader.read();
    if (!image.isNull() && std::max(image.width(), image.height()) > MediaCapture::kMaxLongSide)
        image = image.scaled(MediaCapture::kMaxLongSide, MediaCapture::kMaxLongSide,
                             Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

//! The photo as it leaves the phone (docs/app.md, "Photos"; bench/photo_encoding.cpp):
//! WebP at quality 75 where Qt has the WebP plugin, else JPEG at 70, stepped down until it
//! fits the budget. Only the pixels are written: no EXIF, no thumbnail, no maker notes.
struct Encoded {
    QByteArray bytes;
    QString contentType;
};

Encoded encodePhoto(const QImage& image) {
    static const bool webp = QImageWriter::supportedImageFormats().contains("webp");
    const QByteArray format = webp ? "webp" : "jpeg";
    // A photo with transparency (a PNG picked from files) goes on white, not black.
    QImage flat = image;
    if (image.hasAlphaChannel()) {
        flat = QImage(image.size(), QImage::Format_RGB32);
        flat.fill(Qt::white);
        QPainter painter(&flat);
        painter.drawImage(0, 0, image);
    }
    QByteArray bytes;
    for (int quality = webp ? MediaCapture::kWebpQuality : MediaCapture::kJpegQuality;; quality -= 10) {
        bytes.clear();
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, format);
        writer.setQuality(quality);
        if (!webp)
            writer.setOptimizedWrite(true);
        if (!writer.write(flat))
            return {};
        if (bytes.size() <= MediaCapture::kPhotoBudget)
            break;
        if (quality <= MediaCapture::kLeastQuality) {
            // Busier than any workshop photo measured (leaves, gravel, noise): smaller, then.
            if (std::max(flat.width(), flat.height()) < 400)
                break;
            flat = flat.scaled(flat.width() * 4 / 5, flat.height() * 4 / 5, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            quality = (webp ? MediaCapture::kWebpQuality : MediaCapture::kJpegQuality) - 10;  // -10 by the loop
        }
    }
    return {bytes, webp ? QStringLiteral("image/webp") : QStringLiteral("image/jpeg")};
}

} // namespace

QString MediaCapture::importPhoto(const QUrl& file) {
    if (!m_store || !m_store->local())
        return fail(tr("The data on this device is not open."));
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QImageReader reader(path);
    if (!reader.canRead())
        return fail(tr("\"%1\" is not a photo this app can read (%2).").arg(path, reader.errorString()));
    const QImage image = readScaled(reader);
    if (image.isNull())
        return fail(tr("The photo \"%1\" could not be read: %2").arg(path, reader.errorString()));
    const Encoded photo = encodePhoto(image);
    if (photo.bytes.isEmpty())
        return fail(tr("The photo could not be compressed."));
    QFile original(path);
    const PhotoOrigin origin = original.open(QIODevice::ReadOnly) ? readPhotoOrigin(original.read(256 * 1024))
                                                                  : PhotoOrigin{};
    const QString sha = m_store->addAttachment(photo.bytes, photo.contentType, origin.toJson());
    return sha.isEmpty() ? fail(m_store->errorString()) : sha;
}

QString MediaCapture::importPhotoBytes(const QByteArray& bytes) {
    if (!m_store || !m_store->local())
        return fail(tr("The data on this device is not open."));
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QImage image = readScaled(reader);
    if (image.isNull())
        return fail(tr("The photo could not be read: %1").arg(reader.errorString()));
    const Encoded photo = encodePhoto(image);
    if (photo.bytes.isEmpty())
        return fail(tr("The photo could not be compressed."));
    const QString sha = m_store->addAttachment(photo.bytes, photo.contentType, readPhotoOrigin(bytes).toJson());
    return sha.isEmpty() ? fail(m_store->errorString()) : sha;
}

QString MediaCapture::saveSignature(const QVariantList& strokes, const QSize& padSize) {
    if (!m_store || !m_store->local())
        return fail(tr("The data on this device is not open."));
    if (!padSize.isValid() || padSize.isEmpty())
        return fail(tr("The signature pad has no size."));
    QPainterPath path;
    int points = 0;
    for (const auto& stroke : strokes) {
        const QVariantList list = stroke.toList();
        bool first = true;
        for (const auto& p : list) {
            const QVariantMap m = p.toMap();
            const QPointF point = m.isEmpty() ? p.toPointF()
                                              : QPointF(m.value(QStringLiteral("x")).toDouble(),
                                                        m.value(QStringLiteral("y")).toDouble());
            if (first)
                path.moveTo(point);
            else
                path.lineTo(point);
            first = false;
            ++points;
        }
    }
    if (points < 2)
        return fail(tr("Nothing is signed yet."));
    QImage image(padSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(QColor(0x10, 0x20, 0x60), 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(path);
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.convertToFormat(QImage::Format_Grayscale8).save(&buffer, "png"))
        return fail(tr("The signature could not be saved."));
    const QString sha = m_store->addAttachment(png, QStringLiteral("image/png"));
    return sha.isEmpty() ? fail(m_store->errorString()) : sha;
}
