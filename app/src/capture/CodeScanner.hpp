#pragma once

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class QVideoSink;
class QVideoFrame;

//! Reads QR codes and barcodes (zxing-cpp): from the camera's frames while a viewfinder is
//! shown, or from a picture of the code. Enrollment links and equipment serial numbers come
//! in this way; every field that uses it also lets the person type the code.
class CodeScanner : public QObject {
    Q_OBJECT
    QML_ELEMENT
    //! The viewfinder's sink (VideoOutput.videoSink); frames are read while it is set.
    Q_PROPERTY(QObject* videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)
    //! The last code read ("" before one is found).
    Q_PROPERTY(QString text READ text NOTIFY found)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    explicit CodeScanner(QObject* parent = nullptr);

    QObject* videoSink() const;
    void setVideoSink(QObject* sink);
    QString text() const { return m_text; }
    QString errorString() const { return m_error; }

    //! Reads a code from a picture file; "" (and errorString) when there is none.
    Q_INVOKABLE QString decodeFile(const QUrl& file);
    //! Reads a code from an image; "" when there is none.
    static QString decode(const QImage& image);

signals:
    void videoSinkChanged();
    void found(const QString& text);
    void errorStringChanged();

private:
    void onFrame(const QVideoFrame& frame);
    void setError(const QString& message);

    QPointer<QVideoSink> m_sink;
    QString m_text;
    QString m_error;
    int m_frameCount = 0;
};
