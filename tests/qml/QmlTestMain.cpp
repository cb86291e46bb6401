// Qt Quick Test runner that sees the statically linked KCField modules.
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(KCField_CorePlugin)
Q_IMPORT_QML_PLUGIN(KCFieldPlugin)

namespace {
// Headless by default (CTest discovery and CI have no display), Material like the app.
const bool kEnvironmentReady = [] {
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_QUICK_CONTROLS_STYLE", "Material");
    return true;
}();
} // namespace

class Setup : public QObject {
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/")); }
};

QUICK_TEST_MAIN_WITH_SETUP(kcfield_qml, Setup)

#include "QmlTestMain.moc"
