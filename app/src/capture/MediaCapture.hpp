#pragma once

#include <QObject>
#include <QPointer>
#include <QSize>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class AppStore;
Q_MOC_INCLUDE("store/AppStore.hpp")

//! Turns what the camera, a file or a finger gives into attachments in the device's store:
//! photos resized (long side at most 1600 px, the least at which a nameplate's letters stay
//! readable) and written as WebP at quality 75 (JPEG at 70 without Qt's WebP plugin), EXIF
//! orientation applied and all metadata dropped, within a budget of 120 kB: a 12 MP photo
//! costs about 50 kB, not 2 MB (bench/photo_encoding.cpp measured the choice); signatures
//! drawn from pen strokes to PNG.
class MediaCapture : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AppStore* store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    static constexpr int kMaxLongSide = 1600;
    static constexpr int kWebpQuality = 75;
    static constexpr int kJpegQuality = 70;
    //! Bytes a photo may take; a busier one is written at lower qualities, down to this one.
    static constexpr qsizetype kPhotoBudget = 120'000;
    static constexpr int kLeastQuality = 45;

    explicit MediaCapture(QObject* parent = nullptr);

    AppStore* store() const { return m_store; }
    void setStore(AppStore* store);
    QString errorString() const { return m_error; }

    //! Imports a photo file (a camera capture or a picked file); returns its SHA-256, or ""
    //! with errorString naming the problem.
    Q_INVOKABLE QString importPhoto(const QUrl& file);
    //! The same from bytes in memory.
    QString importPhotoBytes(const QByteArray& bytes);
    //! Draws strokes (each a list of points {x, y}, in a pad of `padSize`) to a PNG attachment;
    //! "" with errorString when there is nothing drawn.
    Q_INVOKABLE QString saveSignature(const QVariantList& strokes, const QSize& padSize);

signals:
    void storeChanged();
    void errorStringChanged();

private:
    QString fail(const QString& message);

    QPointer<AppStore> m_store;
    QString m_error;
};
