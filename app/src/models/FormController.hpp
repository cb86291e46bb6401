#pragma once

#include "store/LocalStore.hpp"

#include "kc/forms/Validator.hpp"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

class AppStore;
Q_MOC_INCLUDE("store/AppStore.hpp")

//! Drives one form being filled in with the shared form engine: answers, live relevance and
//! calculations, a message next to each field, repeat entries, drafts saved on every change,
//! and finalizing with the list of what is missing.
//!
//! Paths name answers as the protocol does: "workforce", "items[1].serial_number".
class FormController : public QObject {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(AppStore* store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString submissionId READ submissionId NOTIFY loadedChanged)
    Q_PROPERTY(QString formId READ formId NOTIFY loadedChanged)
    Q_PROPERTY(QString formTitle READ formTitle NOTIFY loadedChanged)
    Q_PROPERTY(int formVersion READ formVersion NOTIFY loadedChanged)
    //! The submission's state on the device (draft, returned, queued, …).
    Q_PROPERTY(QString state READ state NOTIFY recordChanged)
    //! Whether answers may be changed (a draft, or a returned submission to correct).
    Q_PROPERTY(bool editable READ editable NOTIFY recordChanged)
    Q_PROPERTY(int pageCount READ pageCount NOTIFY fieldsChanged)
    Q_PROPERTY(QStringList pageTitles READ pageTitles NOTIFY fieldsChanged)
    //! After a refused finalize: [{path, label, message, page}] of what must be fixed.
    Q_PROPERTY(QVariantList missing READ missing NOTIFY fieldsChanged)
    //! Answers an upgrade to a new form version could not carry: [{path, label, value, reason}].
    Q_PROPERTY(QVariantList lostAnswers READ lostAnswers NOTIFY loadedChanged)
    Q_PROPERTY(QString reviewComment READ reviewComment NOTIFY recordChanged)
    Q_PROPERTY(QStringList reviewFields READ reviewFields NOTIFY recordChanged)
    //! The server's objections from the last push, in plain words ("" when none).
    Q_PROPERTY(QString syncError READ syncError NOTIFY recordChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    explicit FormController(QObject* parent = nullptr);

    AppStore* store() const { return m_store; }
    void setStore(AppStore* store);
    QString submissionId() const { return m_submission ? qs(m_submission->id) : QString(); }
    QString formId() const;
    QString formTitle() const;
    int formVersion() const;
    QString state() const { return m_submission ? qs(m_submission->state) : QString(); }
    bool editable() const;
    //! Every question, group, repeat and repeat entry in order, each a map: kind ("question",
    //! "group", "repeat", "entry"), path, name, type, label, hint, required, relevant,
    //! readOnly, value, message, choices [{name, label}], depth, page, index (of an entry).
    //! Screens read them through a FormFieldModel, whose rows stay put as answers change;
    //! fieldsChanged says they were rebuilt.
    const QVariantList& rows() const { return m_fields; }
    int pageCount() const { return static_cast<int>(m_pageTitles.size()); }
    QStringList pageTitles() const { return m_pageTitles; }
    QVariantList missing() const { return m_missing; }
    QVariantList lostAnswers() const;
    QString reviewComment() const;
    QStringList reviewFields() const;
    QString syncError() const;
    QString errorString() const { return m_error; }

    //! Starts a new draft of the newest version of `formId`; false (and errorString) if the
    //! form is not on the device. `prefill` sets answers first ({"facility": id}).
    Q_INVOKABLE bool begin(const QString& formId, const QVariantMap& prefill = {});
    //! Opens a submission the device holds. A draft begun on an older form version is moved to
    //! the newest, listing in lostAnswers what could not be carried.
    Q_INVOKABLE bool open(const QString& submissionId);
    Q_INVOKABLE QVariant answer(const QString& path) const;
    //! Sets (or, with an empty value, clears) one answer and saves the draft. A returned
    //! submission becomes a correction, sent later as its next revision.
    Q_INVOKABLE bool setAnswer(const QString& path, const QVariant& value);
    Q_INVOKABLE bool isRelevant(const QString& path) const;
    //! The message for one field ("" when it is fine or not yet touched).
    Q_INVOKABLE QString messageFor(const QString& path) const;
    //! Adds an entry to a repeat ("items", or "visits[0].items"); returns its index or -1.
    Q_INVOKABLE int addEntry(const QString& repeatPath);
    Q_INVOKABLE bool removeEntry(const QString& repeatPath, int index);
    //! Saves the answers as they are (done after every change as well).
    Q_INVOKABLE bool saveDraft();
    //! Checks the whole record as finalize would: fills `missing` (empty when complete and
    //! valid), shows every message, and says whether it may be finalized. Changes nothing.
    Q_INVOKABLE bool check();
    //! The answers as a person reads them (answers::readable), for the summary before finalize.
    Q_INVOKABLE QVariantList summary() const;
    //! Queues the submission for sending when it is complete and valid; otherwise fills
    //! `missing`, shows every message, and returns false.
    Q_INVOKABLE bool finalize();
    //! Deletes a draft that was never sent.
    Q_INVOKABLE bool discard();
    //! A finalized record that has not started to be sent becomes a draft again, to be
    //! changed and finalized anew; false, with errorString, once it is on its way.
    Q_INVOKABLE bool backToDraft();
    //! The page the open draft was left on (0 when never remembered), so it reopens there.
    Q_INVOKABLE int lastPage();
    Q_INVOKABLE void rememberPage(int page);

signals:
    void storeChanged();
    //! Another record or form was loaded: every widget is rebuilt.
    void loadedChanged();
    //! The open record's state and review notes changed (also on every load). A returned
    //! record turning into a correction on its first edit changes only these: the widgets
    //! stay, so what is being typed in another field is kept.
    void recordChanged();
    void fieldsChanged();
    void errorStringChanged();
    void finalized(const QString& submissionId);

private:
    static QString qs(const std::string& s) { return QString::fromStdString(s); }
    bool load(const std::string& id);
    void evaluate();
    void rebuildFields();
    kc::forms::ValidationOptions options();
    void setError(const QString& message);
    bool ensureEditable();

    QPointer<AppStore> m_store;
    std::optional<kc::app::LocalSubmission> m_submission;
    std::optional<kc::app::LocalForm> m_form;
    kc::forms::ValidationResult m_result;
    QSet<QString> m_hidden;
    QSet<QString> m_requiredNow; //!< made required by an expression, as answered now
    QHash<QString, QString> m_messages; //!< by path, every current message
    QSet<QString> m_touched;
    bool m_showAll = false;
    QVariantList m_fields;
    QStringList m_pageTitles;
    QVariantList m_missing;
    QString m_error;
};
