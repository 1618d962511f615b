// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageQueries.h"

#include <QAbstractTableModel>
#include <QHash>

namespace authlens::store {
class Database;
}

namespace authlens::desktop {

// The message list over the database, virtualized: it knows the row count and loads pages of rows
// on demand as the view asks for them, keeping a bounded number of pages, so a million rows cost
// no more than the ones on screen.
class MessageTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DateColumn,
        FromColumn,
        SubjectColumn,
        DkimColumn,
        SpfColumn,
        DmarcColumn,
        ColumnCount
    };
    static constexpr int kPageSize = 256;
    static constexpr int kMaxCachedPages = 64;
    static constexpr int MessageIdRole = Qt::UserRole + 1;

    explicit MessageTableModel(QObject* parent = nullptr);

    void setDatabase(store::Database* database);
    void setFilter(const store::MessageFilter& filter);
    const store::MessageFilter& filter() const { return m_query.filter; }
    // Re-read the count and drop cached rows (after an import).
    void reload();

    qint64 messageId(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;

    QString lastError() const { return m_lastError; }

private:
    const store::MessageListRow* rowAt(int row) const;

    store::Database* m_database = nullptr;
    store::MessageListQuery m_query;
    int m_rows = 0;
    mutable QHash<int, QList<store::MessageListRow>> m_pages;
    mutable QList<int> m_pageOrder; // least recently loaded first
    // Page -> where the page after it starts (kept when the page itself is evicted): scrolling on
    // continues from there instead of counting OFFSET rows from the top.
    mutable QHash<int, store::MessageCursor> m_cursors;
    mutable QString m_lastError;
};

} // namespace authlens::desktop
