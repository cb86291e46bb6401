#include "models/FormFieldModel.hpp"

#include "models/FormController.hpp"
#include "store/AppStore.hpp"

namespace {
const char* const kRoleNames[] = {"kind",  "path",     "name",     "type",    "label",
                                  "hint",  "required", "relevant", "readOnly", "value",
                                  "message", "choices", "depth",   "page",    "index",
                                  "appearance", "register", "multiple", "count", "repeat", "summary"};
}

FormFieldModel::FormFieldModel(QObject* parent) : QAbstractListModel(parent) {}

void FormFieldModel::setController(FormController* controller) {
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller) {
        connect(m_controller, &FormController::fieldsChanged, this, [this] { refresh(false); });
        connect(m_controller, &FormController::loadedChanged, this, [this] { refresh(true); });
    }
    emit controllerChanged();
    refresh(true);
}

void FormFieldModel::setPage(int page) {
    if (page == m_page)
        return;
    m_page = page;
    emit pageChanged();
    refresh(true);
}

void FormFieldModel::refresh(bool reset) {
    QList<QVariantMap> rows;
    if (m_controller)
        for (const auto& f : m_controller->rows()) {
            QVariantMap field = f.toMap();
            if (m_page < 0 || field.value(QStringLiteral("page")).toInt() == m_page)
                rows.append(field);
        }
    bool samePaths = !reset && rows.size() == m_rows.size();
    for (qsizetype i = 0; samePaths && i < rows.size(); ++i)
        samePaths = rows[i].value(QStringLiteral("path")) == m_rows[i].value(QStringLiteral("path")) &&
                    rows[i].value(QStringLiteral("kind")) == m_rows[i].value(QStringLiteral("kind"));
    if (!samePaths) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        emit countChanged();
        return;
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows[i] == m_rows[i])
            continue;
        QList<int> changed;
        for (int role = KindRole; role <= SummaryRole; ++role) {
            const QString key = QString::fromLatin1(kRoleNames[role - KindRole]);
            if (rows[i].value(key) != m_rows[i].value(key))
                changed.append(role);
        }
        m_rows[i] = rows[i];
        const QModelIndex at = index(static_cast<int>(i));
        emit dataChanged(at, at, changed);
    }
}

int FormFieldModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant FormFieldModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size() || role < KindRole || role > SummaryRole)
        return {};
    return m_rows[index.row()].value(QString::fromLatin1(kRoleNames[role - KindRole]));
}

QHash<int, QByteArray> FormFieldModel::roleNames() const {
    QHash<int, QByteArray> names;
    for (int role = KindRole; role <= SummaryRole; ++role)
        names.insert(role, kRoleNames[role - KindRole]);
    return names;
}

QVariantMap FormFieldModel::rowAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row] : QVariantMap();
}

int FormFieldModel::rowOf(const QString& path) const {
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].value(QStringLiteral("path")).toString() == path)
            return static_cast<int>(i);
    return -1;
}
