// Qt Quick Test runner that sees the statically linked KCField modules. Each test gets a
// device store (a real SQLite file) holding the form library and a few facilities and
// projects (a fresh copy from `testSupport.freshStore()`), and a photo at `testPhotoUrl`.
#include "kc/forms/FormLibrary.hpp"
#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"
#include "store/LocalStore.hpp"
#include "ui/Language.hpp"

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QQmlContext>
#include <QQmlEngine>
#include <QTemporaryDir>
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

void fillStore(const std::string& file) {
    auto store = kc::app::LocalStore::open(file);
    for (const auto& form : kc::forms::formLibrary()) {
        auto definition = kc::json::parse(form.json);
        store.putForm(boost::json::object{{"id", form.id},
                                          {"version", 1},
                                          {"title", definition.as_object().at("title")},
                                          {"definition", definition}});
    }
    for (const char* name : {"HTX Tâm Hòa", "Cơ sở rèn Phúc Sen", "HTX Miến dong Phja Đén"})
        store.putFacility(boost::json::object{{"id", kc::Uuid::v7().toString()}, {"name", name},
                                              {"legal_form", "cooperative"},
                                              {"sector", "handicrafts"}, {"province", "04"}},
                          false);
}
} // namespace

class Setup : public QObject {
    Q_OBJECT
public slots:
    void qmlEngineAvailable(QQmlEngine* engine) {
        Language::apply(QStringLiteral("en"));
        engine->addImportPath(QStringLiteral("qrc:/"));
        const QString store = m_dir.filePath(QStringLiteral("template.sqlite3"));
        if (!QFile::exists(store))
            fillStore(store.toStdString());
        const QString photo = m_dir.filePath(QStringLiteral("photo.jpg"));
        QImage image(2000, 1500, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        QPainter(&image).fillRect(200, 200, 800, 600, Qt::yellow);
        image.save(photo, "JPEG", 90);
        engine->rootContext()->setContextProperty(QStringLiteral("testSupport"), this);
        engine->rootContext()->setContextProperty(QStringLiteral("testPhotoUrl"), QUrl::fromLocalFile(photo));
    }

public:
    //! A copy of the prepared store, for one test.
    Q_INVOKABLE QString freshStore() {
        const QString file = m_dir.filePath(QStringLiteral("store-%1.sqlite3").arg(++m_count));
        QFile::copy(m_dir.filePath(QStringLiteral("template.sqlite3")), file);
        return file;
    }

private:
    QTemporaryDir m_dir;
    int m_count = 0;
};

QUICK_TEST_MAIN_WITH_SETUP(kcfield_qml, Setup)

#include "QmlTestMain.moc"
