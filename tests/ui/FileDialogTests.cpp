// A photo chosen from a file, through Qt's own file dialog as a desktop user picks it: the
// dialog opens (it needs Qt.labs.folderlistmodel, which scripts/setup.sh installs), speaks
// Vietnamese, and the file picked becomes the answer.
#include <catch2/catch.hpp>

#include "UiSteps.hpp"
#include "ui/Language.hpp"

#include "../support/NoisyPhoto.hpp"

#include <QFile>
#include <QGuiApplication>
#include <QWindow>
#include <QQmlProperty>
#include <QTest>

using namespace kc::test;

namespace {
QVariant prop(QObject* o, const char* name) { return QQmlProperty::read(o, QString::fromLatin1(name)); }

//! The visible item under `root` for which `match` holds (depth first), or null.
QQuickItem* findItem(QQuickItem* root, const std::function<bool(QQuickItem*)>& match) {
    if (!root)
        return nullptr;
    if (root->isVisible() && match(root))
        return root;
    for (QQuickItem* child : root->childItems())
        if (QQuickItem* found = findItem(child, match))
            return found;
    return nullptr;
}
} // namespace

TEST_CASE("ui files: a photo is picked in the file dialog and becomes the answer", "[ui][files]") {
    Language::apply(QStringLiteral("vi"));
    const auto dir = freshTempDir("ui-file-dialog");
    ServerProcess server(dir / "server", {"--no-demo-activity"});
    const auto pictures = dir / "pictures";
    std::filesystem::create_directories(pictures);
    {
        QFile f(QString::fromStdString((pictures / "xuong-mien.jpg").string()));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(noisyPhoto(9, 1200, 900, 85));
    }

    AppWindow officer(dir / "officer.sqlite3", server.baseUrl(), 1280, 800);
    signInWithPassword(officer, "canbo");
    syncAndWait(officer);
    openSection(officer, QStringLiteral("facilities"));
    officer.click(QStringLiteral("facility_0"));
    officer.click(QStringLiteral("newRecordForFacility"));
    officer.click(QStringLiteral("form_site_survey"));
    goToQuestion(officer, QStringLiteral("photos"));
    officer.click(QStringLiteral("file_photos"));
    QObject* widget = prop(officer.waitFor(QStringLiteral("field_photos")), "item").value<QObject*>();
    REQUIRE(widget);
    QObject* dialog = widget->findChild<QObject*>(QStringLiteral("photoFiles_photos"));
    REQUIRE(dialog);
    // The dialog on screen: its list of files, as the person sees it.
    const auto dialogShown = [&] {
        return findItem(officer.window()->contentItem(), [](QQuickItem* i) {
                   return i->objectName() == QStringLiteral("fileDialogListView");
               }) != nullptr;
    };
    // Generous waits: the folder is read and the photo shrunk on other threads, slow under ASan.
    REQUIRE(waitUntil(dialogShown, 30'000));
    // Where the person has their pictures (the dialog starts in the system's Pictures folder).
    REQUIRE(QQmlProperty::write(dialog, QStringLiteral("currentFolder"),
                                QUrl::fromLocalFile(QString::fromStdString(pictures.string()))));
    // The dialog's items, wherever Qt puts them in the window (the overlay, or beside it).
    QQuickItem* overlay = officer.window()->contentItem();
    QQuickItem* file = nullptr;
    const bool listed = waitUntil([&] {
        file = findItem(overlay, [](QQuickItem* i) {
            return i->objectName().startsWith(QStringLiteral("fileDialogDelegate")) &&
                   i->property("fileName").toString() == QStringLiteral("xuong-mien.jpg");
        });
        return file != nullptr;
    }, 30'000);
    if (!listed) {
        QStringList seen;
        findItem(overlay, [&](QQuickItem* i) {
            if (i->objectName().startsWith(QStringLiteral("fileDialog")))
                seen << i->objectName() + "=" + i->property("fileName").toString();
            return false;
        });
        for (QObject* o : officer.window()->findChildren<QObject*>())
            if (o->objectName().startsWith(QStringLiteral("fileDialog")) || o->inherits("QQuickFileDialogImpl")) {
                seen << QStringLiteral("object ") + o->metaObject()->className() + " " + o->objectName();
                if (auto* item = qobject_cast<QQuickItem*>(o))
                    for (QQuickItem* p = item->parentItem(); p; p = p->parentItem())
                        seen << QStringLiteral("  in ") + p->metaObject()->className() + " " + p->objectName() +
                                    (p->isVisible() ? "" : " (hidden)");
            }
        for (QWindow* w : QGuiApplication::topLevelWindows())
            seen << QStringLiteral("window ") + w->metaObject()->className() + " " + w->title();
        FAIL("the dialog shows [" << seen.join(QStringLiteral(", ")).toStdString() << "] in "
                                  << prop(dialog, "currentFolder").toString().toStdString());
    }
    officer.click(file);
    // Qt's own buttons and labels, in Vietnamese.
    QQuickItem* open = findItem(overlay, [](QQuickItem* i) {
        return i->inherits("QQuickAbstractButton") && i->property("text").toString() == QStringLiteral("Mở");
    });
    REQUIRE(open);
    CHECK(findItem(overlay, [](QQuickItem* i) {
        return i->inherits("QQuickAbstractButton") && i->property("text").toString() == QStringLiteral("Huỷ");
    }));
    officer.click(open);
    REQUIRE(waitUntil([&] { return !dialogShown(); }, 30'000));

    // The photo is the answer, kept on the device, and shown.
    QObject* form = prop(officer.waitFor(QStringLiteral("formPage")), "controller").value<QObject*>();
    REQUIRE(waitUntil([&] {
        QVariant photos;
        QMetaObject::invokeMethod(form, "answer", Q_RETURN_ARG(QVariant, photos), Q_ARG(QString, QStringLiteral("photos")));
        return !photos.toList().isEmpty();
    }, 30'000));
    QQuickItem* photos = officer.waitFor(QStringLiteral("field_photos"));
    REQUIRE(waitUntil([&] {
        return findItem(photos, [](QQuickItem* i) {
                   return i->inherits("QQuickImage") && i->property("status").toInt() == 1;
               }) != nullptr;
    }, 30'000));
}
