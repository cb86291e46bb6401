#pragma once

#include "store/LocalStore.hpp"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <vector>

class AppStore;
Q_MOC_INCLUDE("store/AppStore.hpp")

//! A searchable, paged list of one register held on the device. The search folds case and
//! Vietnamese diacritics ("tam hoa" finds "HTX Tâm Hòa"); rows come a page at a time.
class RegisterListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(AppStore* store READ store WRITE setStore NOTIFY storeChanged)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)

public:
    explicit RegisterListModel(QObject* parent = nullptr);

    AppStore* store() const { return m_store; }
    void setStore(AppStore* store);
    QString query() const { return m_query; }
    void setQuery(const QString& query);
    int count() const { return m_visible; }
    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : m_visible;
    }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int size);

    bool canFetchMore(const QModelIndex& parent = {}) const override;
    void fetchMore(const QModelIndex& parent = {}) override;
    //! The row's values by role name, for QML ({"id": …, "name": …}).
    Q_INVOKABLE QVariantMap get(int row) const;
    Q_INVOKABLE void reload();

signals:
    void storeChanged();
    void queryChanged();
    void countChanged();
    void pageSizeChanged();

protected:
    //! Loads up to `limit` rows after `after`; returns how many were appended to the cache.
    virtual int loadPage(kc::app::LocalStore& store, const std::string& query, int limit,
                         const std::optional<kc::app::PageKey>& after) = 0;
    virtual int cachedRows() const = 0;
    virtual kc::app::PageKey keyOf(int row) const = 0;
    virtual void clearRows() = 0;

private:
    QPointer<AppStore> m_store;
    QString m_query;
    int m_pageSize = 50;
    bool m_atEnd = true;
    bool m_announcing = false;
    int m_visible = 0; //!< rows announced to views; the cache runs ahead inside fetchMore()
};

class FacilityListModel : public RegisterListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, ProvinceRole, CommuneRole, VillageRole,
                LegalFormRole, SectorRole, RepresentativeRole, PendingRole, NeedsReviewRole,
                SyncErrorRole };
    Q_ENUM(Role)
    using RegisterListModel::RegisterListModel;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

protected:
    int loadPage(kc::app::LocalStore& store, const std::string& query, int limit,
                 const std::optional<kc::app::PageKey>& after) override;
    int cachedRows() const override { return static_cast<int>(m_rows.size()); }
    kc::app::PageKey keyOf(int row) const override;
    void clearRows() override { m_rows.clear(); }

private:
    std::vector<kc::app::FacilityRow> m_rows;
};

class ProjectListModel : public RegisterListModel {
    Q_OBJECT
    QML_ELEMENT
public:
    enum Role { IdRole = Qt::UserRole + 1, CodeRole, TitleRole, YearRole, ProvinceRole,
                FundingSourceRole, ActivityTypeRole, StatusRole, ExtensionFundingRole,
                CounterpartCapitalRole, BeneficiaryCountRole };
    Q_ENUM(Role)
    using RegisterListModel::RegisterListModel;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

protected:
    int loadPage(kc::app::LocalStore& store, const std::string& query, int limit,
                 const std::optional<kc::app::PageKey>& after) override;
    int cachedRows() const override { return static_cast<int>(m_rows.size()); }
    kc::app::PageKey keyOf(int row) const override;
    void clearRows() override { m_rows.clear(); }

private:
    std::vector<kc::app::ProjectRow> m_rows;
};
