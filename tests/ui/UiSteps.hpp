#pragma once

#include "UiHarness.hpp"

#include "../support/ServerProcess.hpp"

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

//! Signs in on the sign-in screen with a password and waits for the app's shell.
void signInWithPassword(AppWindow& app, const std::string& user);
//! Goes to a section through the menu (drawer on a phone, rail when wide).
void openSection(AppWindow& app, const QString& key);
//! Presses "Sync now" on the home screen and waits until the sync has ended well.
void syncAndWait(AppWindow& app);

} // namespace kc::test
