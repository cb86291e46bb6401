#include "UiHarness.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QPointer>
#include <QTest>

#include <stdexcept>

namespace kc::test {

namespace {

bool reallyVisible(const QQuickItem* item) {
    for (auto* i = item; i; i = i->parentItem())
        if (!i->isVisible() || i->opacity() <= 0.0)
            return false;
    return true;
}

QQuickItem* findIn(QQuickItem* root, const QString& name) {
    if (!root)
        return nullptr;
    if (root->objectName() == name && reallyVisible(root))
        return root;
    for (auto* child : root->childItems())
        if (auto* found = findIn(child, name))
            return found;
    return nullptr;
}

void collectOverflow(QQuickItem* item, QQuickWindow* window, qreal slack, std::string& out) {
    if (!item->isVisible() || item->opacity() <= 0.0 || item->clip())
        return;
    const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    if (r.width() > 0 && r.right() > window->width() + slack && r.left() < window->width())
        out += (item->objectName().isEmpty() ? std::string("(unnamed)") : item->objectName().toStdString()) +
               " (" + item->metaObject()->className() + ") right=" + std::to_string(r.right()) + "\n";
    for (auto* child : item->childItems())
        collectOverflow(child, window, slack, out);
}

} // namespace

bool waitUntil(const std::function<bool()>& condition, int ms) {
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > ms)
            return false;
        QTest::qWait(10);
    }
    return true;
}

AppWindow::AppWindow(const std::filesystem::path& storeFile, const std::string& serverUrl,
                     int width, int height)
    : m_engine(std::make_unique<QQmlApplicationEngine>()) {
    m_engine->addImportPath(QStringLiteral("qrc:/"));
    m_engine->setInitialProperties({{QStringLiteral("storePath"), QString::fromStdString(storeFile.string())},
                                    {QStringLiteral("serverUrl"), QString::fromStdString(serverUrl)},
                                    {QStringLiteral("width"), width},
                                    {QStringLiteral("height"), height}});
    m_engine->load(QUrl(QStringLiteral("qrc:/KCField/Main.qml")));
    m_window = qobject_cast<QQuickWindow*>(m_engine->rootObjects().value(0));
    if (!m_window)
        throw std::runtime_error("Main.qml did not load");
    if (!QTest::qWaitForWindowExposed(m_window))
        throw std::runtime_error("the window was not shown");
}

AppWindow::~AppWindow() = default;

QQuickItem* AppWindow::find(const QString& name) const {
    if (auto* item = findIn(m_window->contentItem(), name))
        return item;
    // Popups and dialogs live in the overlay; a named dialog is found by its content.
    if (auto* item = findIn(m_window->property("overlay").value<QQuickItem*>(), name))
        return item;
    for (auto* popup : m_window->findChildren<QObject*>(name))
        if (popup->property("opened").toBool())
            return popup->property("contentItem").value<QQuickItem*>();
    return nullptr;
}

QQuickItem* AppWindow::waitFor(const QString& name, int ms) const {
    QQuickItem* item = nullptr;
    if (!waitUntil([&] { return (item = find(name)) != nullptr; }, ms)) {
        // What the screen showed instead, for the person reading the failure.
        const auto file = std::filesystem::temp_directory_path() / ("kcfield-ui-missing-" + name.toStdString() + ".png");
        m_window->grabWindow().save(QString::fromStdString(file.string()));
        throw std::runtime_error("never shown: " + name.toStdString() + " (the screen is in " + file.string() + ")");
    }
    return item;
}

void AppWindow::scrollIntoView(QQuickItem* item) {
    for (QQuickItem* p = item->parentItem(); p; p = p->parentItem()) {
        if (!p->inherits("QQuickFlickable"))
            continue;
        const QRectF inView = item->mapRectToItem(p, QRectF(0, 0, item->width(), item->height()));
        if (inView.top() >= 0 && inView.bottom() <= p->height())
            continue;
        const qreal contentY = p->property("contentY").toReal();
        p->setProperty("contentY", contentY + inView.top() - p->height() / 3);
        QTest::qWait(50);
    }
}

void AppWindow::click(const QString& name) { click(waitFor(name)); }

void AppWindow::click(QQuickItem* item) {
    scrollIntoView(item);
    if (!waitUntil([item] { return item->isEnabled(); }, 10'000))
        throw std::runtime_error("never enabled: " + item->objectName().toStdString());
    // Wait for transitions (a page sliding in, a dialog opening) to end: the item stays put.
    // A list still laying itself out can move the item off the screen again: scroll once more.
    const QRectF screen(0, 0, m_window->width(), m_window->height());
    QPointF centre;
    for (int round = 0; round < 5; ++round) {
        centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        for (int still = 0, tries = 0; still < 3 && tries < 200; ++tries) {
            QTest::qWait(30);
            const QPointF now = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
            still = now == centre ? still + 1 : 0;
            centre = now;
        }
        if (screen.contains(centre))
            break;
        scrollIntoView(item);
    }
    if (!screen.contains(centre))
        throw std::runtime_error("could not bring " + item->objectName().toStdString() + " onto the screen to tap it");
    QTest::mouseClick(m_window, Qt::LeftButton, {}, centre.toPoint());
    QTest::qWait(30);
}

void AppWindow::type(const QString& name, const QString& text) {
    QQuickItem* field = waitFor(name);
    scrollIntoView(field);
    QPointF at = field->mapToScene(QPointF());
    for (int still = 0, tries = 0; still < 3 && tries < 200; ++tries) {
        QTest::qWait(30);
        const QPointF now = field->mapToScene(QPointF());
        still = now == at ? still + 1 : 0;
        at = now;
    }
    field->forceActiveFocus();
    QMetaObject::invokeMethod(field, "selectAll");
    typeKeys(text);
    QTest::keyClick(m_window, Qt::Key_Return);
    QTest::qWait(30);
}

void AppWindow::typeKeys(const QString& text) {
    // Key events carrying text, as an on-screen keyboard sends them (any Vietnamese letter).
    for (const QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(m_window, &press);
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(m_window, &release);
    }
}

void AppWindow::tapAndType(const QString& name, const QString& text) {
    QPointer<QQuickItem> field = waitFor(name);
    click(field);
    // The field tapped must stay: a screen rebuilt under the finger loses what is typed next.
    if (!waitUntil([&field] { return !field || field->hasActiveFocus(); }, 2'000) || !field)
        throw std::runtime_error(field ? "a tap did not put the cursor in " + name.toStdString()
                                       : "the field " + name.toStdString() + " was rebuilt right after it was tapped");
    QTest::keyClick(m_window, Qt::Key_A, Qt::ControlModifier);
    typeKeys(text);
}

void AppWindow::resize(int width, int height) {
    m_window->resize(width, height);
    QTest::qWait(200);
}

QImage AppWindow::grab(const std::filesystem::path& file) {
    QTest::qWait(300);
    QImage image = m_window->grabWindow();
    std::filesystem::create_directories(file.parent_path());
    image.save(QString::fromStdString(file.string()));
    return image;
}

std::string overflowingItems(QQuickWindow* window, qreal slack) {
    std::string out;
    collectOverflow(window->contentItem(), window, slack, out);
    return out;
}

} // namespace kc::test
