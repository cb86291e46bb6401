#include <QCommandLineParser>
#include <QQuickWindow>
#include <QTimer>
#include <QGuiApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QSettings>
#include <QTranslator>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>

#include "kc/Version.hpp"
#include "models/Labels.hpp"

Q_IMPORT_QML_PLUGIN(KCField_CorePlugin)
Q_IMPORT_QML_PLUGIN(KCFieldPlugin)

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("KCField"));
    QGuiApplication::setApplicationName(QStringLiteral("kcfield"));
    QGuiApplication::setApplicationVersion(QString::fromLatin1(kc::kVersion));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    QSettings settings;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("KCField — field data collection for industrial extension"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption serverOption(QStringLiteral("server"),
                                    QStringLiteral("The sync server's address."), QStringLiteral("url"),
                                    settings.value(QStringLiteral("server"),
                                                   QStringLiteral("http://127.0.0.1:8080")).toString());
    QCommandLineOption languageOption(QStringLiteral("lang"),
                                      QStringLiteral("Interface language: vi (default) or en."),
                                      QStringLiteral("code"),
                                      settings.value(QStringLiteral("language"), QStringLiteral("vi")).toString());
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                        QStringLiteral("Save the window as a PNG after it settles, then quit."),
                                        QStringLiteral("file"));
    parser.addOption(serverOption);
    parser.addOption(languageOption);
    parser.addOption(screenshotOption);
    parser.process(app);

    // Interface strings are written in English in the code; Vietnamese is the default.
    QTranslator translator;
    const QString language = parser.value(languageOption);
    labels::setEnglish(language == QStringLiteral("en")); // forms' own texts follow
    if (language != QStringLiteral("en") &&
        translator.load(QStringLiteral(":/i18n/kcfield_%1.qm").arg(language)))
        QGuiApplication::installTranslator(&translator);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.setInitialProperties({{QStringLiteral("serverUrl"), QUrl(parser.value(serverOption))}});
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/KCField/Main.qml")));
    if (parser.isSet(screenshotOption)) {
        QTimer::singleShot(2500, &app, [&engine, file = parser.value(screenshotOption)] {
            auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().value(0));
            const bool saved = window && window->grabWindow().save(file);
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return QGuiApplication::exec();
}
