#pragma once

#include <QAbstractListModel>
#include <QPointer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class FormController;
Q_MOC_INCLUDE("models/FormController.hpp")

//! The fields of one page of the form being filled, as a list model whose rows stay put while
//! answers change: a delegate keeps its focus and cursor while its value, message and
//! relevance update in place. Rows are added or removed only when repeat entries are.
class FormFieldModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(FormController* controller READ controller WRITE setController NOTIFY controllerChanged)
    //! The page shown; -1 shows every page.
    Q_PROPERTY(int page READ page WRITE setPage NOTIFY pageChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role { KindRole = Qt::UserRole + 1, PathRole, NameRole, TypeRole, LabelRole, HintRole,
                RequiredRole, RelevantRole, ReadOnlyRole, ValueRole, MessageRole, ChoicesRole,
                DepthRole, PageRole, IndexRole, AppearanceRole, RegisterRole, MultipleRole, CountRole,
                RepeatRole, SummaryRole };
    Q_ENUM(Role)

    explicit FormFieldModel(QObject* parent = nullptr);

    FormController* controller() const { return m_controller; }
    void setController(FormController* controller);
    int page() const { return m_page; }
    void setPage(int page);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    //! The row of a path on this page, or -1.
    Q_INVOKABLE int rowOf(const QString& path) const;
    //! Row `row` as a map of its roles; {} past the end.
    Q_INVOKABLE QVariantMap rowAt(int row) const;

signals:
    void controllerChanged();
    void pageChanged();
    void countChanged();

private:
    void refresh(bool reset);

    QPointer<FormController> m_controller;
    int m_page = 0;
    QList<QVariantMap> m_rows;
};
