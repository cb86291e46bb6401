#include "AppTestSupport.hpp"

#include "models/FormController.hpp"
#include "models/RegisterListModel.hpp"
#include "models/SubmissionListModel.hpp"

#include "kc/ids/Uuid.hpp"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace kc;

TEST_CASE("the facility list pages through the store and searches without diacritics", "[app][models]") {
    test::StoreFixture f("model-facilities");
    for (int i = 0; i < 230; ++i)
        f.local().putFacility(test::facilityJson("Cơ sở số " + std::to_string(1000 + i)), false);
    f.local().putFacility(test::facilityJson("HTX Tâm Hòa"), false);

    FacilityListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy counts(&model, &FacilityListModel::countChanged);
    model.setPageSize(100);
    model.setStore(&f.store);
    CHECK(model.rowCount() == 100);
    CHECK(model.canFetchMore());
    model.fetchMore();
    model.fetchMore();
    CHECK(model.rowCount() == 231);
    CHECK_FALSE(model.canFetchMore());
    CHECK(model.roleNames().value(Qt::UserRole + 1) == "id");

    model.setQuery(QStringLiteral("tam hoa"));
    REQUIRE(model.rowCount() == 1);
    CHECK(model.get(0).value(QStringLiteral("name")).toString() == QStringLiteral("HTX Tâm Hòa"));
    CHECK(model.data(model.index(0), FacilityListModel::CommuneRole).toString() == QStringLiteral("04-001"));
    CHECK(counts.count() >= 4);

    // A facility arriving by sync appears without the view asking.
    f.local().putFacility(test::facilityJson("HTX Tâm Hòa 2"), false);
    emit f.store.registersChanged();
    CHECK(model.rowCount() == 2);
}

TEST_CASE("the project list searches code and title", "[app][models]") {
    test::StoreFixture f("model-projects");
    for (int i = 0; i < 3; ++i)
        f.local().putProject(boost::json::object{
            {"id", Uuid::v7().toString()}, {"code", "KC-04-2026-0" + std::to_string(i)},
            {"title", i == 1 ? "Hỗ trợ máy sấy hạt dẻ" : "Đào tạo nghề dệt"}, {"year", 2026},
            {"funding_source", "local"}, {"activity_type", "advanced_machinery"}, {"province", "04"},
            {"status", "in_progress"}, {"extension_funding", 250'000'000}, {"counterpart_capital", 0},
            {"investment_attracted", 0}, {"jobs_created", 0},
            {"beneficiaries", boost::json::array{}}});
    ProjectListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setStore(&f.store);
    CHECK(model.rowCount() == 3);
    model.setQuery(QStringLiteral("may say"));
    REQUIRE(model.rowCount() == 1);
    CHECK(model.get(0).value(QStringLiteral("code")).toString() == QStringLiteral("KC-04-2026-01"));
    CHECK(model.get(0).value(QStringLiteral("extensionFunding")).toLongLong() == 250'000'000);
    model.setQuery(QStringLiteral("kc-04-2026-02"));
    CHECK(model.rowCount() == 1);
}

TEST_CASE("the submission list shows states with their form and subject", "[app][models]") {
    test::StoreFixture f("model-submissions");
    test::putLibraryForm(f.local(), "site_survey");
    auto facility = test::facilityJson("HTX Tâm Hòa");
    f.local().putFacility(facility, false);
    const std::string draft = f.local().createDraft("site_survey", {{"facility", facility.at("id")}});
    const std::string queued = f.local().createDraft("site_survey");
    f.local().finalize(queued, {});

    SubmissionListModel drafts;
    QAbstractItemModelTester tester(&drafts, QAbstractItemModelTester::FailureReportingMode::Fatal);
    drafts.setStates({QStringLiteral("draft")});
    drafts.setStore(&f.store);
    REQUIRE(drafts.rowCount() == 1);
    const auto row = drafts.get(0);
    CHECK(row.value(QStringLiteral("id")).toString() == test::qs(draft));
    CHECK(row.value(QStringLiteral("subject")).toString() == QStringLiteral("HTX Tâm Hòa"));
    CHECK(row.value(QStringLiteral("formTitle")).toString().contains(QStringLiteral("Khảo sát")));

    SubmissionListModel all;
    all.setStore(&f.store);
    CHECK(all.rowCount() == 2);
    SubmissionListModel unknown;
    unknown.setStates({QStringLiteral("nonsense")});
    unknown.setStore(&f.store);
    CHECK(unknown.rowCount() == 0); // an unknown state lists nothing, not everything
    CHECK(f.store.unsentCount() == 1);

    // A record of this officer pulled from the server without its answers (a new phone) is
    // named by what the server says it is about, with the server's time, not the pull's.
    const boost::json::object pulled{
        {"id", "01a2370a-cd76-760c-ac1c-062f1298b0e6"}, {"form_id", "site_survey"}, {"form_version", 1},
        {"state", "approved"}, {"revision", 1}, {"conflict", false}, {"facility_id", facility.at("id")},
        {"project_id", nullptr}, {"updated_at", "2026-11-18T02:30:00.000Z"}, {"review_comment", nullptr},
        {"review_fields", boost::json::array{}}, {"reviewed_at", "2026-11-18T02:30:00.000Z"}};
    kc::app::PullPage page;
    page.changes.emplace_back(boost::json::object{
        {"seq", 1}, {"kind", "submission"}, {"id", pulled.at("id")}, {"deleted", false}, {"data", pulled}});
    page.next = "1";
    REQUIRE(f.local().applyPull(page).applied == 1);
    SubmissionListModel approved;
    approved.setStates({QStringLiteral("approved")});
    approved.setStore(&f.store);
    REQUIRE(approved.rowCount() == 1);
    CHECK(approved.get(0).value(QStringLiteral("subject")).toString() == QStringLiteral("HTX Tâm Hòa"));
    CHECK(approved.get(0).value(QStringLiteral("updatedAt")).toString() == QStringLiteral("2026-11-18T02:30:00.000Z"));
    // And it is in the facility's history.
    CHECK(f.store.historyOf(QStringLiteral("facility"), test::qs(std::string(facility.at("id").as_string()))).size() == 2);
}

TEST_CASE("the form controller drives relevance, calculations, messages and repeats", "[app][models]") {
    test::StoreFixture f("model-form");
    test::putLibraryForm(f.local(), "site_survey");
    FormController form;
    form.setStore(&f.store);
    CHECK_FALSE(form.begin(QStringLiteral("no_such_form")));
    CHECK(form.errorString().contains(QStringLiteral("no_such_form")));
    REQUIRE(form.begin(QStringLiteral("site_survey")));
    CHECK(form.state() == QStringLiteral("draft"));
    CHECK(form.editable());
    CHECK(form.pageCount() >= 3);

    // The recommendation is asked for only when the facility is not judged unfeasible.
    CHECK(form.isRelevant(QStringLiteral("recommended_activity")));
    REQUIRE(form.setAnswer(QStringLiteral("feasibility"), QStringLiteral("low")));
    CHECK_FALSE(form.isRelevant(QStringLiteral("recommended_activity")));
    bool listedHidden = false;
    for (const auto& field : form.rows())
        if (field.toMap().value(QStringLiteral("path")).toString() == QStringLiteral("recommended_activity"))
            listedHidden = !field.toMap().value(QStringLiteral("relevant")).toBool();
    CHECK(listedHidden);
    REQUIRE(form.setAnswer(QStringLiteral("needs"), QStringList{QStringLiteral("machinery")}));
    CHECK(form.answer(QStringLiteral("needs")).toList().size() == 1);

    // Repeats: the calculated count follows the entries.
    CHECK(form.addEntry(QStringLiteral("equipment")) == 0);
    CHECK(form.addEntry(QStringLiteral("equipment")) == 1);
    REQUIRE(form.setAnswer(QStringLiteral("equipment[1].equipment_name"), QStringLiteral("Máy sấy")));
    CHECK(form.answer(QStringLiteral("equipment_count")).toInt() == 2);
    CHECK(form.removeEntry(QStringLiteral("equipment"), 0));
    CHECK(form.answer(QStringLiteral("equipment[0].equipment_name")).toString() == QStringLiteral("Máy sấy"));
    CHECK(form.answer(QStringLiteral("equipment_count")).toInt() == 1);
    CHECK_FALSE(form.setAnswer(QStringLiteral("equipment[5].equipment_name"), QStringLiteral("x")));
    CHECK(form.errorString().contains(QStringLiteral("equipment[5]")));

    // Messages appear for touched fields; money typed with separators is read as đồng.
    REQUIRE(form.setAnswer(QStringLiteral("workforce"), QStringLiteral("mười")));
    CHECK_FALSE(form.messageFor(QStringLiteral("workforce")).isEmpty());
    CHECK(form.answer(QStringLiteral("workforce")).toString() == QStringLiteral("mười")); // kept as typed
    REQUIRE(form.setAnswer(QStringLiteral("workforce"), 12));
    CHECK(form.messageFor(QStringLiteral("workforce")).isEmpty());
    REQUIRE(form.setAnswer(QStringLiteral("feasibility"), QStringLiteral("high")));
    REQUIRE(form.setAnswer(QStringLiteral("expected_funding"), QStringLiteral("1.500.000")));
    CHECK(form.answer(QStringLiteral("expected_funding")).toLongLong() == 1'500'000);
    CHECK(form.messageFor(QStringLiteral("survey_date")).isEmpty()); // untouched: quiet

    // Finalizing an incomplete form lists what is missing and queues nothing.
    CHECK_FALSE(form.finalize());
    CHECK(form.state() == QStringLiteral("draft"));
    bool listsDate = false;
    for (const auto& m : form.missing())
        listsDate |= m.toMap().value(QStringLiteral("path")).toString() == QStringLiteral("survey_date");
    CHECK(listsDate);
    CHECK_FALSE(form.messageFor(QStringLiteral("survey_date")).isEmpty()); // now shown

    // The draft was saved all along: another controller sees the same answers.
    FormController again;
    again.setStore(&f.store);
    REQUIRE(again.open(form.submissionId()));
    CHECK(again.answer(QStringLiteral("equipment[0].equipment_name")).toString() == QStringLiteral("Máy sấy"));
    bool hasEntry = false;
    for (const auto& field : again.rows())
        hasEntry |= field.toMap().value(QStringLiteral("path")).toString() == QStringLiteral("equipment[0]");
    CHECK(hasEntry);
    CHECK(again.discard());
    CHECK_FALSE(f.local().submission(form.submissionId().toStdString()));
}

TEST_CASE("a handover line whose total passes 10^15 dong is named on the device, before any sync", "[app][models]") {
    test::StoreFixture f("model-money-range");
    test::putLibraryForm(f.local(), "equipment_handover");
    FormController form;
    form.setStore(&f.store);
    REQUIRE(form.begin(QStringLiteral("equipment_handover")));
    REQUIRE(form.addEntry(QStringLiteral("items")) == 0);
    REQUIRE(form.setAnswer(QStringLiteral("items[0].quantity"), 1000));
    REQUIRE(form.setAnswer(QStringLiteral("items[0].unit_price"), QStringLiteral("1.000.000.000.000.000")));
    CHECK(form.answer(QStringLiteral("items[0].unit_price")).toLongLong() == 1'000'000'000'000'000);
    // Not 10^18 shown as a total, nor a wrapped negative one: no total, and a message.
    const QVariant total = form.answer(QStringLiteral("items[0].line_total"));
    INFO(total.toString().toStdString());
    CHECK((!total.isValid() || total.isNull() || total.toString().isEmpty()));
    CHECK_FALSE(form.finalize());
    bool named = false;
    for (const auto& m : form.missing())
        named |= m.toMap().value(QStringLiteral("path")).toString() == QStringLiteral("items[0].line_total");
    CHECK(named);
    CHECK(form.messageFor(QStringLiteral("items[0].line_total")).contains(QStringLiteral("line_total")));
    REQUIRE(form.setAnswer(QStringLiteral("items[0].unit_price"), QStringLiteral("45.000.000")));
    CHECK(form.answer(QStringLiteral("items[0].line_total")).toLongLong() == 45'000'000'000);
    CHECK(form.messageFor(QStringLiteral("items[0].line_total")).isEmpty());
}

TEST_CASE("a complete form is finalized with its attachments and no longer editable", "[app][models]") {
    test::StoreFixture f("model-finalize");
    test::putLibraryForm(f.local(), "progress_report");
    boost::json::object project{{"id", "0190f3a2-6b1c-7d4e-8f00-1a2b3c4d5e6f"}, {"code", "KC-04-2026-01"},
                                {"title", "Hỗ trợ máy sấy"}, {"year", 2026},
                                {"funding_source", "local"}, {"activity_type", "advanced_machinery"},
                                {"province", "04"}, {"status", "in_progress"},
                                {"extension_funding", 300'000'000}, {"counterpart_capital", 0},
                                {"investment_attracted", 0}, {"jobs_created", 0},
                                {"beneficiaries", boost::json::array{}}};
    f.local().putProject(project);
    const QString photo = f.store.addAttachment(QByteArray("jpeg bytes"), QStringLiteral("image/jpeg"));
    REQUIRE(photo.size() == 64);

    FormController form;
    form.setStore(&f.store);
    QSignalSpy finalized(&form, &FormController::finalized);
    REQUIRE(form.begin(QStringLiteral("progress_report"),
                       {{QStringLiteral("project"), QStringLiteral("0190f3a2-6b1c-7d4e-8f00-1a2b3c4d5e6f")}}));
    CHECK(form.answer(QStringLiteral("project_funding")).toLongLong() == 300'000'000); // lookup()
    form.setAnswer(QStringLiteral("period_start"), QStringLiteral("2026-01-01"));
    form.setAnswer(QStringLiteral("period_end"), QStringLiteral("2026-06-30"));
    form.setAnswer(QStringLiteral("percent_done"), 40);
    form.setAnswer(QStringLiteral("amount_disbursed"), QStringLiteral("400.000.000"));
    form.setAnswer(QStringLiteral("jobs_created"), 5);
    form.setAnswer(QStringLiteral("has_difficulties"), QStringLiteral("no"));
    form.setAnswer(QStringLiteral("photos"), QStringList{photo});
    CHECK_FALSE(form.finalize()); // more than the project's funding
    CHECK(form.missing().size() == 1);
    CHECK(form.missing().at(0).toMap().value(QStringLiteral("path")).toString() ==
          QStringLiteral("amount_disbursed"));
    form.setAnswer(QStringLiteral("amount_disbursed"), 120'000'000);
    REQUIRE(form.finalize());
    CHECK(finalized.count() == 1);
    // The collaborator's home shows how far the project was last reported.
    const auto progress = f.store.projectProgress();
    REQUIRE(progress.size() == 1);
    CHECK(progress[0].toMap().value(QStringLiteral("percent")).toDouble() == 40);
    CHECK(form.state() == QStringLiteral("queued"));
    CHECK_FALSE(form.editable());
    CHECK_FALSE(form.setAnswer(QStringLiteral("jobs_created"), 6));
    const auto stored = f.local().submission(form.submissionId().toStdString());
    CHECK(stored->answers.at("project_funding").as_int64() == 300'000'000); // calculated, stored
    REQUIRE(f.local().attachmentsToUpload().size() == 1);
    CHECK(f.local().attachmentsToUpload()[0].sha256 == photo.toStdString());

    // Until it is sent it can be taken back to draft, changed and finalized again.
    REQUIRE(form.backToDraft());
    CHECK(form.state() == QStringLiteral("draft"));
    CHECK(form.editable());
    CHECK(f.local().attachmentsToUpload().empty()); // a draft sends nothing
    REQUIRE(form.setAnswer(QStringLiteral("jobs_created"), 6));
    REQUIRE(form.finalize());
    CHECK(f.local().submission(form.submissionId().toStdString())->answers.at("jobs_created").as_int64() == 6);
    // Once a sync hands it to the network, it stays as it went.
    f.local().markSending({form.submissionId().toStdString()});
    CHECK_FALSE(form.backToDraft());
    CHECK(form.errorString().contains(QStringLiteral("already being sent")));
    CHECK(f.local().submission(form.submissionId().toStdString())->state == "sending");
}

TEST_CASE("a draft reopens on the page it was left on", "[app][models]") {
    test::StoreFixture f("model-last-page");
    test::putLibraryForm(f.local(), "site_survey");
    std::string id;
    {
        FormController form;
        form.setStore(&f.store);
        REQUIRE(form.begin(QStringLiteral("site_survey"), {}));
        REQUIRE(form.pageCount() >= 3);
        CHECK(form.lastPage() == 0);
        form.rememberPage(2);
        id = form.submissionId().toStdString();
    }
    FormController again;
    again.setStore(&f.store);
    REQUIRE(again.open(test::qs(id)));
    CHECK(again.lastPage() == 2);
    again.rememberPage(99);  // past the last page: the last page
    CHECK(again.lastPage() == again.pageCount() - 1);
}

TEST_CASE("the form chooser offers the forms a role may submit that fit where it starts", "[app][models]") {
    test::StoreFixture f("model-forms-for");
    for (const char* id : {"site_survey", "progress_report", "equipment_handover", "monitoring_visit"})
        test::putLibraryForm(f.local(), id);
    const auto ids = [&](const QString& role, const QVariantMap& prefill) {
        QStringList out;
        for (const auto& form : f.store.formsFor(role, prefill))
            out << form.toMap().value(QStringLiteral("id")).toString();
        out.sort();
        return out;
    };
    const QVariantMap none;
    const QVariantMap facility{{QStringLiteral("facility"), QStringLiteral("x")}};
    const QVariantMap project{{QStringLiteral("project"), QStringLiteral("x")}};
    CHECK(ids(QStringLiteral("officer"), none) ==
          QStringList({"equipment_handover", "monitoring_visit", "progress_report", "site_survey"}));
    CHECK(ids(QStringLiteral("officer"), facility) == QStringList({"equipment_handover", "site_survey"}));
    CHECK(ids(QStringLiteral("officer"), project) ==
          QStringList({"equipment_handover", "monitoring_visit", "progress_report"}));
    // The same rule the server applies at push (kc::domain::maySubmitForm).
    CHECK(ids(QStringLiteral("collaborator"), none) == QStringList({"progress_report"}));
    CHECK(ids(QStringLiteral("collaborator"), facility).isEmpty());
    CHECK(ids(QStringLiteral("nobody"), none).isEmpty());
}

TEST_CASE("a choice filter offers only the choices it lets through, and follows the answers", "[app][models]") {
    test::StoreFixture f("app-models-choice-filter");
    test::putLibraryForm(f.local(), "facility_profile");
    FormController form;
    form.setStore(&f.store);
    REQUIRE(form.begin(QStringLiteral("facility_profile")));
    const auto communeChoices = [&form] {
        QStringList names;
        for (const auto& field : form.rows())
            if (field.toMap().value(QStringLiteral("path")).toString() == QStringLiteral("commune"))
                for (const auto& c : field.toMap().value(QStringLiteral("choices")).toList())
                    names << c.toMap().value(QStringLiteral("name")).toString();
        return names;
    };
    REQUIRE(form.setAnswer(QStringLiteral("province"), QStringLiteral("96")));
    const QStringList inCaMau = communeChoices();
    REQUIRE_FALSE(inCaMau.isEmpty());
    for (const auto& name : inCaMau)
        CHECK(name.startsWith(QStringLiteral("96-")));
    REQUIRE(form.setAnswer(QStringLiteral("province"), QStringLiteral("04")));
    const QStringList inCaoBang = communeChoices();
    REQUIRE_FALSE(inCaoBang.isEmpty());
    for (const auto& name : inCaoBang)
        CHECK(name.startsWith(QStringLiteral("04-")));
}
