#pragma once

#include <QObject>
#include <QPointer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <QGeoPositionInfoSource>
class QGeoPositionInfo;

//! The device's position for a geopoint question, with its accuracy; when there is no fix
//! (no GPS, indoors, permission refused) a person types the coordinates, marked as manual.
class LocationSource : public QObject {
    Q_OBJECT
    QML_ELEMENT
    //! Whether the platform has a position source at all.
    Q_PROPERTY(bool available READ available CONSTANT)
    Q_PROPERTY(bool active READ active NOTIFY activeChanged)
    Q_PROPERTY(bool hasFix READ hasFix NOTIFY positionChanged)
    Q_PROPERTY(double latitude READ latitude NOTIFY positionChanged)
    Q_PROPERTY(double longitude READ longitude NOTIFY positionChanged)
    //! Horizontal accuracy in metres (negative when unknown).
    Q_PROPERTY(double accuracy READ accuracy NOTIFY positionChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    explicit LocationSource(QObject* parent = nullptr);

    bool available() const { return m_source != nullptr; }
    bool active() const { return m_active; }
    bool hasFix() const { return m_hasFix; }
    double latitude() const { return m_latitude; }
    double longitude() const { return m_longitude; }
    double accuracy() const { return m_accuracy; }
    QString errorString() const { return m_error; }

    Q_INVOKABLE void start();
    Q_INVOKABLE void stop();
    //! The answer for a geopoint question from the last fix ({lat, lon, accuracy}); empty
    //! without a fix.
    Q_INVOKABLE QVariantMap answer() const;
    //! The answer for coordinates typed by hand ({lat, lon, manual: true}); empty, with
    //! errorString, when they are out of range. Accepts "22,7069" as well as "22.7069".
    Q_INVOKABLE QVariantMap manualAnswer(const QString& latitude, const QString& longitude);

    //! Feeds a position as the platform would (tests, and platforms that push positions).
    void acceptPosition(const QGeoPositionInfo& info);

signals:
    void activeChanged();
    void positionChanged();
    void errorStringChanged();

private:
    void setError(const QString& message);

    QPointer<QGeoPositionInfoSource> m_source;
    bool m_active = false;
    bool m_hasFix = false;
    double m_latitude = 0, m_longitude = 0, m_accuracy = -1;
    QString m_error;
};
