#pragma once

#include "store/LocalStore.hpp"

#include <QAbstractListModel>
#include <QPointer>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

class AppStore;
Q_MOC_INCLUDE("store/AppStore.hpp")

//! The device's submissions in some states ("draft", "returned", "queued", …), newest first,
//! each with what a person needs to recognise it: the form, what it is about, the reviewer's
//! comment, the last sync error.
class SubmissionListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AppStore* store READ store WRITE setStore NOTIFY storeChanged)
    //! The states to list; empty lists every submission.
    Q_PROPERTY(QStringList states READ states WRITE setStates NOTIFY statesChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { IdRole = Qt::UserRole + 1, FormIdRole, FormTitleRole, FormVersionRole, StateRole,
                RevisionRole, SubjectRole, CapturedAtRole, UpdatedAtRole, ConflictRole,
                ReviewCommentRole, ReviewFieldsRole, SyncErrorRole };
    Q_ENUM(Role)

    explicit SubmissionListModel(QObject* parent = nullptr);

    AppStore* store() const { return m_store; }
    void setStore(AppStore* store);
    QStringList states() const { return m_states; }
    void setStates(const QStringList& states);
    int count() const { return static_cast<int>(m_rows.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    Q_INVOKABLE QVariantMap get(int row) const;
    Q_INVOKABLE void reload();

signals:
    void storeChanged();
    void statesChanged();
    void countChanged();

private:
    struct Row {
        kc::app::LocalSubmission submission;
        QString formTitle;
        QString subject;
    };
    QPointer<AppStore> m_store;
    QStringList m_states;
    std::vector<Row> m_rows;
};
