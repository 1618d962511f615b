// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Records.h"

#include <QAbstractItemModel>

namespace authlens::store {
class Database;
}

namespace authlens::desktop {

// Findings grouped by domain (the top level), worst domain first; each finding a child row with its
// severity, explanation, fix and corrected record.
class FindingsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        SubjectColumn,
        SeverityColumn,
        MessageColumn,
        OccurrencesColumn,
        ColumnCount
    };
    static constexpr int RowIdRole = Qt::UserRole + 1;

    explicit FindingsModel(QObject* parent = nullptr);

    void setDatabase(store::Database* database);
    void setShowDismissed(bool show);
    void reload();

    // The finding behind an index (child rows only).
    const store::FindingRecord* finding(const QModelIndex& index) const;
    int domainCount() const { return int(m_groups.size()); }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The domain a finding is about, from its subject: the DNS name in it without the _dmarc. or
    // selector._domainkey. prefix, so a domain's DKIM, SPF and DMARC findings are grouped together.
    static QString domainOf(const store::FindingRecord& finding);

private:
    struct Group
    {
        QString domain;
        QList<store::FindingRecord> findings;
        int worst = 0; // 2 error, 1 warning, 0 info
    };
    store::Database* m_database = nullptr;
    bool m_showDismissed = false;
    QList<Group> m_groups;
};

} // namespace authlens::desktop
