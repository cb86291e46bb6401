#include "capture/LocationSource.hpp"

#include <QGeoPositionInfoSource>

LocationSource::LocationSource(QObject* parent) : QObject(parent) {
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &LocationSource::tick);
    setSource(QGeoPositionInfoSource::createDefaultSource(this));
}

void LocationSource::setSource(QGeoPositionInfoSource* source) {
    stop();
    if (m_source && m_source != source)
        m_source->deleteLater();
    m_source = source;
    emit settingsChanged();
    if (!m_source)
        return;
    m_source->setParent(this);
    m_source->setUpdateInterval(1000);
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

void LocationSource::setTargetAccuracy(double metres) {
    if (metres == m_target || !(metres > 0))
        return;
    m_target = metres;
    emit settingsChanged();
}

void LocationSource::setTimeout(int seconds) {
    if (seconds == m_timeout || seconds < 1)
        return;
    m_timeout = seconds;
    emit settingsChanged();
}

QString LocationSource::status() const {
    if (!m_hasFix)
        return tr("Searching, %n s", nullptr, m_elapsed);
    if (m_accuracy < 0)
        return tr("accuracy unknown, %n s", nullptr, m_elapsed);
    return tr("±%1 m, %n s", nullptr, m_elapsed).arg(qRound(m_accuracy));
}

void LocationSource::start() {
    if (!m_source) {
        setError(tr("This device cannot tell its position. Enter the coordinates by hand."));
        return;
    }
    // A new search: its own fixes only, from the first.
    m_hasFix = false;
    m_accuracy = -1;
    m_elapsed = 0;
    if (!m_error.isEmpty())
        setError({});
    m_source->startUpdates();
    m_clock.start();
    m_active = true;
    emit activeChanged();
    emit progressChanged();
}

void LocationSource::stop() {
    if (m_source)
        m_source->stopUpdates();
    m_clock.stop();
    if (m_active) {
        m_active = false;
        emit activeChanged();
    }
}

void LocationSource::tick() {
    ++m_elapsed;
    emit progressChanged();
    if (m_elapsed < m_timeout)
        return;
    stop();
    if (!m_hasFix)
        setError(tr("No position after %n s. Go outdoors and try again, or enter the coordinates by hand.", nullptr,
                    m_timeout));
}

void LocationSource::acceptPosition(const QGeoPositionInfo& info) {
    if (!m_active || !info.isValid() || !info.coordinate().isValid())
        return;
    const double accuracy = info.hasAttribute(QGeoPositionInfo::HorizontalAccuracy)
                                ? info.attribute(QGeoPositionInfo::HorizontalAccuracy) : -1;
    // Keep the best: a fix less accurate than the one kept does not replace it.
    const bool better = !m_hasFix || (accuracy >= 0 && (m_accuracy < 0 || accuracy <= m_accuracy));
    if (!better)
        return;
    m_latitude = info.coordinate().latitude();
    m_longitude = info.coordinate().longitude();
    m_accuracy = accuracy;
    m_hasFix = true;
    if (!m_error.isEmpty())
        setError({});
    emit positionChanged();
    emit progressChanged();
    if (m_accuracy >= 0 && m_accuracy <= m_target)
        stop();  // good enough: the search is over
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
