#pragma once

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QString>
#include <QVariant>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace kc::test {

//! The real app's window (Main.qml, the real KCField modules, a real SQLite file), driven as
//! a person would: find a control by its objectName, scroll it into view, click it, type.
class AppWindow {
public:
    AppWindow(const std::filesystem::path& storeFile, const std::string& serverUrl, int width,
              int height);
    ~AppWindow();

    QQuickWindow* window() const { return m_window; }
    QObject* root() const { return m_window; }
    //! The visible item named `name`, or null.
    QQuickItem* find(const QString& name) const;
    //! Waits up to `ms` for `name` to be visible; throws naming it if it never is.
    QQuickItem* waitFor(const QString& name, int ms = 10'000) const;
    //! Clicks the middle of the item named `name`, scrolling it into view first.
    void click(const QString& name);
    void click(QQuickItem* item);
    //! Focuses the text field `name`, selects its text and types `text`, then Enter.
    void type(const QString& name, const QString& text);
    //! Taps the text field `name` as a finger would (the field that had focus loses it), selects
    //! its text with Ctrl+A and types `text` key by key, without Enter.
    void tapAndType(const QString& name, const QString& text);
    //! Resizes the window and lets the layout settle.
    void resize(int width, int height);
    //! Saves what the window shows as a PNG; returns the image.
    QImage grab(const std::filesystem::path& file);

private:
    void scrollIntoView(QQuickItem* item);
    void typeKeys(const QString& text);

    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow* m_window = nullptr;
};

//! Processes events until `condition` holds; false after `ms`.
bool waitUntil(const std::function<bool()>& condition, int ms = 10'000);

//! Every visible item whose right edge goes past the window's (by more than `slack` px):
//! "name (Type) right=…", one per line; empty when nothing needs horizontal scrolling.
std::string overflowingItems(QQuickWindow* window, qreal slack = 1.0);

} // namespace kc::test
