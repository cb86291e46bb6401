#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QTimer>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

#include "kc/Version.hpp"
#include "ui/Language.hpp"

Q_IMPORT_QML_PLUGIN(KCField_CorePlugin)
Q_IMPORT_QML_PLUGIN(KCFieldPlugin)

int main(int argc, char* argv[]) {
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);  // Qt Charts draws through the widgets module
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
                                    QStringLiteral("The sync server's address, offered on the sign-in screen."),
                                    QStringLiteral("url"),
                                    settings.value(QStringLiteral("server"),
                                                   QStringLiteral("http://127.0.0.1:8080")).toString());
    QCommandLineOption languageOption(QStringLiteral("lang"),
                                      QStringLiteral("Interface language: vi (default) or en."),
                                      QStringLiteral("code"), Language::remembered());
    QCommandLineOption storeOption(QStringLiteral("store"),
                                   QStringLiteral("The device's database file (default: the app data folder)."),
                                   QStringLiteral("file"));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                        QStringLiteral("Save the window as a PNG after it settles, then quit."),
                                        QStringLiteral("file"));
    QCommandLineOption firstFrameOption(QStringLiteral("first-frame"),
                                        QStringLiteral("Print the milliseconds from start to the first frame and to the "
                                                       "first frame with the data open, then quit."));
    QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Window size, WxH."),
                                  QStringLiteral("size"));
    for (const auto* option : {&serverOption, &languageOption, &storeOption, &screenshotOption,
                               &firstFrameOption, &sizeOption})
        parser.addOption(*option);
    parser.process(app);

    Language::apply(parser.value(languageOption));

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    QVariantMap initial{{QStringLiteral("serverUrl"), parser.value(serverOption)},
                        {QStringLiteral("storePath"), parser.value(storeOption)}};
    if (parser.isSet(sizeOption)) {
        const auto parts = parser.value(sizeOption).split(QLatin1Char('x'));
        if (parts.size() == 2) {
            initial.insert(QStringLiteral("width"), parts[0].toInt());
            initial.insert(QStringLiteral("height"), parts[1].toInt());
        }
    }
    engine.setInitialProperties(initial);
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/KCField/Main.qml")));
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().value(0));
    if (!window)
        return 1;
    if (parser.isSet(firstFrameOption)) {
        // The first frame (the data still opening on its worker thread), then the first frame
        // drawn once the store is open (the home screen, or sign-in).
        auto* store = window->property("store").value<QObject*>();
        QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&sinceStart, store, first = true]() mutable {
            const double ms = static_cast<double>(sinceStart.nsecsElapsed()) / 1e6;
            if (first) {
                std::printf("first_frame_ms %.1f\n", ms);
                first = false;
            }
            if (store && store->property("ready").toBool()) {
                std::printf("ready_frame_ms %.1f\n", ms);
                std::fflush(stdout);
                QCoreApplication::exit(0);
            }
        }, Qt::QueuedConnection);
        if (store)
            QObject::connect(store, SIGNAL(openedChanged()), window, SLOT(update()));
    }
    if (parser.isSet(screenshotOption)) {
        QTimer::singleShot(2500, &app, [window, file = parser.value(screenshotOption)] {
            QCoreApplication::exit(window->grabWindow().save(file) ? 0 : 1);
        });
    }
    return QGuiApplication::exec();
}
