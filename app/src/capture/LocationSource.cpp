#include "capture/LocationSource.hpp"

#include <QGeoPositionInfoSource>

LocationSource::LocationSource(QObject* parent)
    : QObject(parent), m_source(QGeoPositionInfoSource::createDefaultSource(this)) {
    if (!m_source)
        return;
    m_source->setUpdateInterval(2000);
    connect(m_source, &QGeoPositionInfoSource::positionUpdated, this, &LocationSource::acceptPosition);
    connect(m_source, &QGeoPositionInfoSource::errorOccurred, this,
            [this](QGeoPositionInfoSource::Error error) {
        if (error == QGeoPositionInfoSource::AccessError)
            setError(tr("The app may not use the location. Allow it in the phone's settings, or "
                        "enter the coordinates by hand."));
        else if (error != QGeoPositionInfoSource::NoError)
            setError(tr("No position yet. Go outdoors, wait, or enter the coordinates by hand."));
    });
}

void LocationSource::setError(const QString& message) {
    m_error = message;
    emit errorStringChanged();
}

void LocationSource::start() {
    if (!m_source) {
        setError(tr("This device cannot tell its position. Enter the coordinates by hand."));
        return;
    }
    m_source->startUpdates();
    m_active = true;
    emit activeChanged();
}

void LocationSource::stop() {
    if (m_source)
        m_source->stopUpdates();
    if (m_active) {
        m_active = false;
        emit activeChanged();
    }
}

void LocationSource::acceptPosition(const QGeoPositionInfo& info) {
    if (!info.isValid() || !info.coordinate().isValid())
        return;
    m_latitude = info.coordinate().latitude();
    m_longitude = info.coordinate().longitude();
    m_accuracy = info.hasAttribute(QGeoPositionInfo::HorizontalAccuracy)
                     ? info.attribute(QGeoPositionInfo::HorizontalAccuracy) : -1;
    m_hasFix = true;
    if (!m_error.isEmpty())
        setError({});
    emit positionChanged();
}

QVariantMap LocationSource::answer() const {
    if (!m_hasFix)
        return {};
    QVariantMap out{{QStringLiteral("lat"), m_latitude}, {QStringLiteral("lon"), m_longitude}};
    if (m_accuracy >= 0)
        out.insert(QStringLiteral("accuracy"), m_accuracy);
    return out;
}

QVariantMap LocationSource::manualAnswer(const QString& latitude, const QString& longitude) {
    bool okLat = false, okLon = false;
    const double lat = QString(latitude).replace(QLatin1Char(','), QLatin1Char('.')).trimmed().toDouble(&okLat);
    const double lon = QString(longitude).replace(QLatin1Char(','), QLatin1Char('.')).trimmed().toDouble(&okLon);
    if (!okLat || lat < -90 || lat > 90) {
        setError(tr("The latitude \"%1\" is not a number from -90 to 90.").arg(latitude));
        return {};
    }
    if (!okLon || lon < -180 || lon > 180) {
        setError(tr("The longitude \"%1\" is not a number from -180 to 180.").arg(longitude));
        return {};
    }
    if (!m_error.isEmpty())
        setError({});
    return {{QStringLiteral("lat"), lat}, {QStringLiteral("lon"), lon}, {QStringLiteral("manual"), true}};
}
