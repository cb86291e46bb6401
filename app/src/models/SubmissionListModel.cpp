#include "models/SubmissionListModel.hpp"

#include "models/Labels.hpp"
#include "store/AppStore.hpp"

#include "kc/json/Json.hpp"

namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }
} // namespace

SubmissionListModel::SubmissionListModel(QObject* parent) : QAbstractListModel(parent) {}

void SubmissionListModel::setStore(AppStore* store) {
    if (store == m_store)
        return;
    if (m_store)
        m_store->disconnect(this);
    m_store = store;
    if (m_store) {
        connect(m_store, &AppStore::submissionsChanged, this, &SubmissionListModel::reload);
        connect(m_store, &AppStore::openedChanged, this, &SubmissionListModel::reload);
    }
    emit storeChanged();
    reload();
}

void SubmissionListModel::setStates(const QStringList& states) {
    if (states == m_states)
        return;
    m_states = states;
    emit statesChanged();
    reload();
}

void SubmissionListModel::reload() {
    beginResetModel();
    m_rows.clear();
    if (m_store && m_store->local()) {
        auto& local = *m_store->local();
        std::vector<std::string> states;
        for (const auto& s : m_states)
            if (kc::app::isSubmissionState(s.toStdString()))
                states.push_back(s.toStdString());
        if (states.empty() == m_states.isEmpty()) {
            for (auto& s : local.submissions(states)) {
                Row row{std::move(s), {}, {}};
                if (auto form = local.formVersion(row.submission.formId, row.submission.formVersion))
                    row.formTitle = labels::localized(form->title);
                else
                    row.formTitle = qs(row.submission.formId);
                row.subject = labels::subjectOf(local, row.submission.answers);
                if (row.subject.isEmpty())  // pulled without its answers: what the server says
                    row.subject = labels::subjectOf(local, row.submission.about);
                m_rows.push_back(std::move(row));
            }
        }
    }
    endResetModel();
    emit countChanged();
}

int SubmissionListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant SubmissionListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const auto& s = row.submission;
    switch (role) {
    case Qt::DisplayRole:
    case FormTitleRole: return row.formTitle;
    case IdRole: return qs(s.id);
    case FormIdRole: return qs(s.formId);
    case FormVersionRole: return QVariant::fromValue(s.formVersion);
    case StateRole: return qs(s.state);
    case RevisionRole: return s.revision ? QVariant::fromValue(*s.revision) : QVariant();
    case SubjectRole: return row.subject;
    case CapturedAtRole: return qs(s.capturedAt);
    case UpdatedAtRole: return qs(s.updatedAt);
    case ConflictRole: return s.conflict;
    case ReviewCommentRole: return s.reviewComment ? qs(*s.reviewComment) : QString();
    case ReviewFieldsRole: {
        QStringList fields;
        for (const auto& f : s.reviewFields)
            fields << qs(f);
        return fields;
    }
    case SyncErrorRole: return s.syncError ? labels::syncErrorText(*s.syncError) : QString();
    default: return {};
    }
}

QHash<int, QByteArray> SubmissionListModel::roleNames() const {
    return {{IdRole, "id"}, {FormIdRole, "formId"}, {FormTitleRole, "formTitle"},
            {FormVersionRole, "formVersion"}, {StateRole, "state"}, {RevisionRole, "revision"},
            {SubjectRole, "subject"}, {CapturedAtRole, "capturedAt"}, {UpdatedAtRole, "updatedAt"},
            {ConflictRole, "conflict"}, {ReviewCommentRole, "reviewComment"},
            {ReviewFieldsRole, "reviewFields"}, {SyncErrorRole, "syncError"}};
}

QVariantMap SubmissionListModel::get(int row) const { return labels::rowAsMap(*this, row); }
