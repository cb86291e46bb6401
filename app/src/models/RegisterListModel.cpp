#include "models/RegisterListModel.hpp"

#include "models/Labels.hpp"
#include "store/AppStore.hpp"

namespace {

QVariant text(const boost::json::object& data, const char* key) {
    if (const auto* v = data.if_contains(key)) {
        if (v->is_string())
            return QString::fromStdString(std::string(v->get_string()));
        if (v->is_int64())
            return QVariant::fromValue(v->get_int64());
        if (v->is_uint64())
            return QVariant::fromValue(static_cast<qint64>(v->get_uint64()));
        if (v->is_double())
            return v->get_double();
    }
    return {};
}

QString qs(const std::string& s) { return QString::fromStdString(s); }

} // namespace

RegisterListModel::RegisterListModel(QObject* parent) : QAbstractListModel(parent) {}

void RegisterListModel::setStore(AppStore* store) {
    if (store == m_store)
        return;
    if (m_store)
        m_store->disconnect(this);
    m_store = store;
    if (m_store) {
        connect(m_store, &AppStore::registersChanged, this, &RegisterListModel::reload);
        connect(m_store, &AppStore::openedChanged, this, &RegisterListModel::reload);
    }
    emit storeChanged();
    reload();
}

void RegisterListModel::setQuery(const QString& query) {
    if (query == m_query)
        return;
    m_query = query;
    emit queryChanged();
    reload();
}

void RegisterListModel::setPageSize(int size) {
    if (size < 1 || size == m_pageSize)
        return;
    m_pageSize = size;
    emit pageSizeChanged();
}

void RegisterListModel::reload() {
    beginResetModel();
    clearRows();
    m_visible = 0;
    m_atEnd = true;
    if (m_store && m_store->local()) {
        const int loaded = loadPage(*m_store->local(), m_query.toStdString(), m_pageSize, {});
        m_atEnd = loaded < m_pageSize;
    }
    m_visible = cachedRows();
    // Views (and QAbstractItemModelTester) may ask for more from their handlers of these
    // signals: such a request is served once the change has been announced everywhere.
    m_announcing = true;
    endResetModel();
    m_announcing = false;
    emit countChanged();
}

bool RegisterListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !m_atEnd;
}

void RegisterListModel::fetchMore(const QModelIndex& parent) {
    if (parent.isValid() || m_atEnd || !m_store || !m_store->local())
        return;
    if (m_announcing) {
        QMetaObject::invokeMethod(this, [this] { fetchMore(); }, Qt::QueuedConnection);
        return;
    }
    const int first = cachedRows();
    const kc::app::PageKey after = keyOf(first - 1);
    // Load into the cache first, then announce exactly the rows that arrived.
    const int loaded = loadPage(*m_store->local(), m_query.toStdString(), m_pageSize, after);
    m_atEnd = loaded < m_pageSize;
    if (loaded > 0) {
        m_announcing = true;
        beginInsertRows({}, first, first + loaded - 1);
        m_visible = cachedRows();
        endInsertRows();
        m_announcing = false;
        emit countChanged();
    }
}

QVariantMap RegisterListModel::get(int row) const { return labels::rowAsMap(*this, row); }

// --- facilities

int FacilityListModel::loadPage(kc::app::LocalStore& store, const std::string& query, int limit,
                                const std::optional<kc::app::PageKey>& after) {
    auto page = store.searchFacilities(query, limit, after);
    const int n = static_cast<int>(page.size());
    for (auto& row : page)
        m_rows.push_back(std::move(row));
    return n;
}

kc::app::PageKey FacilityListModel::keyOf(int row) const {
    const auto& r = m_rows.at(static_cast<std::size_t>(row));
    return {r.folded, r.id};
}

QVariant FacilityListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return qs(r.name);
    case IdRole: return qs(r.id);
    case ProvinceRole: return qs(r.province);
    case CommuneRole: return text(r.data, "commune");
    case VillageRole: return text(r.data, "village");
    case LegalFormRole: return text(r.data, "legal_form");
    case SectorRole: return text(r.data, "sector");
    case RepresentativeRole: return text(r.data, "representative");
    case PendingRole: return r.pending;
    case NeedsReviewRole: return r.needsReview;
    case SyncErrorRole: return r.syncError ? qs(*r.syncError) : QString();
    default: return {};
    }
}

QHash<int, QByteArray> FacilityListModel::roleNames() const {
    return {{IdRole, "id"}, {NameRole, "name"}, {ProvinceRole, "province"},
            {CommuneRole, "commune"}, {VillageRole, "village"}, {LegalFormRole, "legalForm"},
            {SectorRole, "sector"}, {RepresentativeRole, "representative"},
            {PendingRole, "pending"}, {NeedsReviewRole, "needsReview"},
            {SyncErrorRole, "syncError"}};
}

// --- projects

int ProjectListModel::loadPage(kc::app::LocalStore& store, const std::string& query, int limit,
                               const std::optional<kc::app::PageKey>& after) {
    auto page = store.searchProjects(query, limit, after);
    const int n = static_cast<int>(page.size());
    for (auto& row : page)
        m_rows.push_back(std::move(row));
    return n;
}

kc::app::PageKey ProjectListModel::keyOf(int row) const {
    const auto& r = m_rows.at(static_cast<std::size_t>(row));
    return {r.folded, r.id};
}

QVariant ProjectListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto& r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return qs(r.title);
    case IdRole: return qs(r.id);
    case CodeRole: return qs(r.code);
    case YearRole: return QVariant::fromValue(r.year);
    case ProvinceRole: return qs(r.province);
    case FundingSourceRole: return text(r.data, "funding_source");
    case ActivityTypeRole: return text(r.data, "activity_type");
    case StatusRole: return text(r.data, "status");
    case ExtensionFundingRole: return text(r.data, "extension_funding");
    case CounterpartCapitalRole: return text(r.data, "counterpart_capital");
    case BeneficiaryCountRole: {
        const auto* b = r.data.if_contains("beneficiaries");
        return b && b->is_array() ? static_cast<int>(b->get_array().size()) : 0;
    }
    default: return {};
    }
}

QHash<int, QByteArray> ProjectListModel::roleNames() const {
    return {{IdRole, "id"}, {CodeRole, "code"}, {TitleRole, "title"}, {YearRole, "year"},
            {ProvinceRole, "province"}, {FundingSourceRole, "fundingSource"},
            {ActivityTypeRole, "activityType"}, {StatusRole, "status"},
            {ExtensionFundingRole, "extensionFunding"},
            {CounterpartCapitalRole, "counterpartCapital"},
            {BeneficiaryCountRole, "beneficiaryCount"}};
}
