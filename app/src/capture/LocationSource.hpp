#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <QGeoPositionInfoSource>
class QGeoPositionInfo;

//! The device's position for a geopoint question, with its accuracy; when there is no fix
//! (no GPS, indoors, permission refused) a person types the coordinates, marked as manual.
//! A search ends by itself: when a fix is as accurate as `targetAccuracy`, or after `timeout`
//! seconds (keeping the best fix it had), or when stopped. Only fixes of a running search
//! count, and each one kept is at least as accurate as the one before, so a position typed
//! by hand (which stops the search) is never overwritten by a late fix.
class LocationSource : public QObject {
    Q_OBJECT
    QML_ELEMENT
    //! Whether the platform has a position source at all.
    Q_PROPERTY(bool available READ available NOTIFY settingsChanged)
    Q_PROPERTY(bool active READ active NOTIFY activeChanged)
    Q_PROPERTY(bool hasFix READ hasFix NOTIFY positionChanged)
    Q_PROPERTY(double latitude READ latitude NOTIFY positionChanged)
    Q_PROPERTY(double longitude READ longitude NOTIFY positionChanged)
    //! Horizontal accuracy in metres (negative when unknown).
    Q_PROPERTY(double accuracy READ accuracy NOTIFY positionChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    //! Seconds since the search started.
    Q_PROPERTY(int elapsed READ elapsed NOTIFY progressChanged)
    //! The search stops at a fix this accurate, in metres (10 by default).
    Q_PROPERTY(double targetAccuracy READ targetAccuracy WRITE setTargetAccuracy NOTIFY settingsChanged)
    //! The search stops after this many seconds (120 by default).
    Q_PROPERTY(int timeout READ timeout WRITE setTimeout NOTIFY settingsChanged)
    //! How the search goes, for the screen: "±8 m, 12 s" ("±8 m, 12 giây").
    Q_PROPERTY(QString status READ status NOTIFY progressChanged)

public:
    explicit LocationSource(QObject* parent = nullptr);

    bool available() const { return m_source != nullptr; }
    bool active() const { return m_active; }
    bool hasFix() const { return m_hasFix; }
    double latitude() const { return m_latitude; }
    double longitude() const { return m_longitude; }
    double accuracy() const { return m_accuracy; }
    QString errorString() const { return m_error; }
    int elapsed() const { return m_elapsed; }
    double targetAccuracy() const { return m_target; }
    void setTargetAccuracy(double metres);
    int timeout() const { return m_timeout; }
    void setTimeout(int seconds);
    QString status() const;

    //! Uses `source` (taken over) instead of the platform's: an external receiver speaking
    //! NMEA, or a recorded track in tests.
    void setSource(QGeoPositionInfoSource* source);

    Q_INVOKABLE void start();
    Q_INVOKABLE void stop();
    //! The answer for a geopoint question from the last fix ({lat, lon, accuracy}); empty
    //! without a fix.
    Q_INVOKABLE QVariantMap answer() const;
    //! The answer for coordinates typed by hand ({lat, lon, manual: true}); empty, with
    //! errorString, when they are out of range. Accepts "22,7069" as well as "22.7069".
    Q_INVOKABLE QVariantMap manualAnswer(const QString& latitude, const QString& longitude);

    //! Takes a position as the platform gives it; ignored unless a search is running.
    void acceptPosition(const QGeoPositionInfo& info);

signals:
    void activeChanged();
    void positionChanged();
    void errorStringChanged();
    void progressChanged();
    void settingsChanged();

private:
    void setError(const QString& message);
    void tick();

    QPointer<QGeoPositionInfoSource> m_source;
    bool m_active = false;
    bool m_hasFix = false;
    double m_latitude = 0, m_longitude = 0, m_accuracy = -1;
    QString m_error;
    QTimer m_clock;
    int m_elapsed = 0;
    double m_target = 10;
    int m_timeout = 120;
};
