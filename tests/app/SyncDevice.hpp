#pragma once
// A phone in a test: a real device store, the Session and the SyncEngine on Qt Network.
#include "AppTestSupport.hpp"

#include "models/FormController.hpp"
#include "sync/Session.hpp"
#include "sync/SyncEngine.hpp"

#include "../support/HttpClient.hpp"

#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTest>

namespace kc::test {

//! A bearer token for a demo user, through the real sign-in endpoint.
inline std::string signInHttp(const ServerProcess& server, const std::string& user) {
    const auto reply = httpRequest(server.port(), "POST", "/v1/auth/sign-in",
                                   R"({"username":")" + user + R"(","password":"khuyencong"})");
    REQUIRE(reply.status == 200);
    return std::string(json::parse(reply.body).at("token").as_string());
}

struct Device {
    StoreFixture f;
    Session session;
    SyncEngine sync;

    explicit Device(const std::string& name) : f(name) {
        session.setStore(&f.store);
        sync.setStore(&f.store);
        sync.setSession(&session);
        sync.setBackoff(50, 200);
    }
    app::LocalStore& local() { return f.local(); }

    void signIn(const ServerProcess& server, const std::string& user) { signIn(server.baseUrl(), user); }
    //! Signs in through `baseUrl` (the server, or a link emulator in front of it).
    void signIn(const std::string& baseUrl, const std::string& user) {
        session.signIn(qs(baseUrl), qs(user), QStringLiteral("khuyencong"));
        REQUIRE(QTest::qWaitFor([&] { return session.signedIn() || !session.errorString().isEmpty(); },
                                60'000));
        INFO(session.errorString().toStdString());
        REQUIRE(session.signedIn());
    }

    //! Runs one sync to its end; true when it succeeded.
    bool syncOnce(int timeoutMs = 120'000) {
        QSignalSpy done(&sync, &SyncEngine::finished);
        sync.syncNow();
        if (done.isEmpty() && !done.wait(timeoutMs)) {
            UNSCOPED_INFO("the sync did not end within " << timeoutMs << " ms");
            return false;
        }
        if (!done.first().at(0).toBool())
            UNSCOPED_INFO("the sync failed: " << done.first().at(1).toString().toStdString());
        return done.first().at(0).toBool();
    }

    std::string firstProject() {
        const auto projects = local().searchProjects("", 1);
        REQUIRE_FALSE(projects.empty());
        return projects[0].id;
    }

    //! Fills and finalizes a progress report through the form controller, as a person would.
    std::string report(const std::string& project, int percent, const QString& photo = {}) {
        FormController form;
        form.setStore(&f.store);
        REQUIRE(form.begin(QStringLiteral("progress_report"), {{QStringLiteral("project"), qs(project)}}));
        form.setAnswer(QStringLiteral("period_start"), QStringLiteral("2026-01-01"));
        form.setAnswer(QStringLiteral("period_end"), QStringLiteral("2026-06-30"));
        form.setAnswer(QStringLiteral("percent_done"), percent);
        form.setAnswer(QStringLiteral("amount_disbursed"), 1000);
        form.setAnswer(QStringLiteral("jobs_created"), 2);
        form.setAnswer(QStringLiteral("has_difficulties"), QStringLiteral("no"));
        if (!photo.isEmpty())
            form.setAnswer(QStringLiteral("photos"), QStringList{photo});
        const std::string problem = form.missing().isEmpty()
            ? std::string() : form.missing().at(0).toMap().value(QStringLiteral("path")).toString().toStdString() +
                  ": " + form.missing().at(0).toMap().value(QStringLiteral("message")).toString().toStdString();
        INFO(problem);
        REQUIRE(form.finalize());
        return form.submissionId().toStdString();
    }
};

} // namespace kc::test
