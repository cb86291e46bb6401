#pragma once

#include "UiHarness.hpp"

#include "../support/ServerProcess.hpp"

#include <QByteArray>
#include <boost/json/object.hpp>

#include <string>

namespace kc::test {

//! A token for a demo user, through the real sign-in endpoint.
std::string signInHttp(const ServerProcess& server, const std::string& user);
//! A one-time enrollment code for `user`, issued by the demo admin.
std::string enrollmentCode(const ServerProcess& server, const std::string& user);
//! The server's view of one submission (its head), as a reviewer sees it.
std::string serverState(const ServerProcess& server, const std::string& id);

//! A monitoring visit to the first project in `user`'s scope, sent through /v1/push as a
//! device would; returns its id.
std::string pushMonitoringVisit(const ServerProcess& server, const std::string& user);

//! A site survey of `user`'s first facility with one photo (`jpeg`, uploaded first), sent
//! through /v1/push as a device would; returns its id. With `editOf` set, a revision of that
//! submission made from `base` instead.
std::string pushSiteSurvey(const ServerProcess& server, const std::string& user, const std::string& mainProduct,
                           const QByteArray& jpeg, const std::string& editOf = {}, int base = 0);
//! The current revision's answers of a submission, as the server holds them.
boost::json::object serverAnswers(const ServerProcess& server, const std::string& id);

//! A reviewer's decision on the current revision, through the real endpoint ("return",
//! "reject" with a comment, "approve").
void reviewHttp(const ServerProcess& server, const std::string& id, const std::string& action,
                const std::string& comment = {});

//! From the summary after a form's last page: "Finalize…", then confirms it. Returns false
//! (with the list of what is missing open) when the record is not complete.
bool finalizeRecord(AppWindow& app);

//! On a form being filled: "Next" page by page until the page holds the question at `path`
//! (asked of the page's rows, which exist before a long page lays its widgets out), then the
//! list scrolled to it. Throws when no page holds it.
void goToQuestion(AppWindow& app, const QString& path);

//! Signs in on the sign-in screen with a password and waits for the app's shell.
void signInWithPassword(AppWindow& app, const std::string& user);
//! Goes to a section through the menu (drawer on a phone, rail when wide).
void openSection(AppWindow& app, const QString& key);
//! Presses "Sync now" on the home screen and waits until the sync has ended well.
void syncAndWait(AppWindow& app);

} // namespace kc::test
