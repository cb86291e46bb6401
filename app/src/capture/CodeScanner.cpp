#include "capture/CodeScanner.hpp"

#include <QImageReader>
#include <QVideoFrame>
#include <QVideoSink>

#define ZX_USE_UTF8 1
#include <ZXing/ReadBarcode.h>

CodeScanner::CodeScanner(QObject* parent) : QObject(parent) {}

QObject* CodeScanner::videoSink() const { return m_sink; }

void CodeScanner::setVideoSink(QObject* sink) {
    auto* videoSink = qobject_cast<QVideoSink*>(sink);
    if (videoSink == m_sink)
        return;
    if (m_sink)
        disconnect(m_sink, nullptr, this, nullptr);
    m_sink = videoSink;
    if (m_sink)
        connect(m_sink, &QVideoSink::videoFrameChanged, this, &CodeScanner::onFrame);
    emit videoSinkChanged();
}

QString CodeScanner::decode(const QImage& image) {
    if (image.isNull())
        return {};
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(gray.constBits(), gray.width(), gray.height(),
                                ZXing::ImageFormat::Lum, static_cast<int>(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    const ZXing::Result result = ZXing::ReadBarcode(view, hints);
    if (!result.isValid())
        return {};
    return QString::fromStdString(result.text()).trimmed();
}

QString CodeScanner::decodeFile(const QUrl& file) {
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        setError(tr("Cannot open the picture %1: %2").arg(path, reader.errorString()));
        return {};
    }
    const QString text = decode(image);
    if (text.isEmpty()) {
        setError(tr("No QR code or barcode was found in the picture."));
        return {};
    }
    setError({});
    m_text = text;
    emit found(text);
    return text;
}

void CodeScanner::onFrame(const QVideoFrame& frame) {
    // Every fourth frame is enough to feel instant and spares a cheap phone's processor.
    if (!frame.isValid() || (m_frameCount++ % 4) != 0)
        return;
    const QString text = decode(frame.toImage());
    if (text.isEmpty() || text == m_text)
        return;
    m_text = text;
    emit found(text);
}

void CodeScanner::setError(const QString& message) {
    if (message == m_error)
        return;
    m_error = message;
    emit errorStringChanged();
}
