// Catch2 runner for the interface tests: the real QML app, offscreen, Material like the app.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "ui/Language.hpp"

#include <QApplication>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(KCField_CorePlugin)
Q_IMPORT_QML_PLUGIN(KCFieldPlugin)

int main(int argc, char* argv[]) {
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);  // as the app: Qt Charts needs it
    QGuiApplication::setOrganizationName(QStringLiteral("KCField-tests"));
    QGuiApplication::setApplicationName(QStringLiteral("kcfield-ui-tests"));
    QQuickStyle::setStyle(QStringLiteral("Material"));
    // The tests read English labels; the screenshot test switches to Vietnamese itself.
    Language::apply(QStringLiteral("en"));
    return Catch::Session().run(argc, argv);
}
