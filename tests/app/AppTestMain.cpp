// Catch2 runner for the app's C++: a QCoreApplication must exist for Qt Network.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QGuiApplication>

int main(int argc, char* argv[]) {
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv); // images and fonts for capture
    return Catch::Session().run(argc, argv);
}
