// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/MessageQueries.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QHash>
#include <QSet>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace authlens::store {
class Database;
}

namespace authlens::desktop {

// The message list over the database, virtualized: it knows the row count and loads pages of rows
// on demand as the view asks for them, keeping a bounded number of pages, so a million rows cost
// no more than the ones on screen. A page is read by keyset from the page before it or, after a jump,
// from the page index: every page's boundary, computed once per filter and order on a worker thread
// with its own connection. Until that index is ready a jump reads by OFFSET, whose cost grows with the
// depth (tens of milliseconds a million rows down: frames a scroll-bar drag would drop).
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
        FindingsColumn,
        ColumnCount
    };
    // A page is about two screens: a jump reads only rows near the ones shown, and in a large database
    // rows in date order lie on scattered database pages, each read costing a page-cache lookup.
    static constexpr int kPageSize = 64;
    static constexpr int kMaxCachedPages = 256;
    static constexpr int MessageIdRole = Qt::UserRole + 1;
    // The result word of the DKIM, SPF or DMARC column (the DKIM column displays each signature), and
    // the worst severity (info, warning, error) in the findings column.
    static constexpr int ResultRole = Qt::UserRole + 2;

    // Below this many rows OFFSET is cheap at any depth and no page index is built.
    static constexpr int kPageIndexMinimumRows = 4096;

    explicit MessageTableModel(QObject* parent = nullptr);
    ~MessageTableModel() override;

    void setDatabase(store::Database* database);
    void setFilter(const store::MessageFilter& filter);
    const store::MessageFilter& filter() const { return m_query.filter; }
    // Re-read the count and drop cached rows (after an import).
    void reload();

    qint64 messageId(int row) const;
    // The DKIM column's text: "d/s result" per signature.
    static QString signatureSummary(const store::MessageListRow& row);
    // The findings column's text: how many the newest run raised and the worst severity.
    static QString findingsText(const store::MessageListRow& row);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;

    QString lastError() const { return m_lastError; }
    // Large lists read pages on a worker thread: a cell whose page is not in yet shows as empty and is
    // filled (dataChanged) when the page arrives, so no frame waits for the disk. Off by default, so a
    // caller reading data() gets it at once; the messages page turns it on. Lists under
    // kPageIndexMinimumRows always read at once.
    void setAsyncPages(bool on) { m_asyncPages = on; }
    bool isRowLoaded(int row) const { return m_pages.contains(row / kPageSize); }
    // True once the page index for the current filter and order is in (always false for small lists).
    bool hasPageIndex() const { return !m_pageIndex.isEmpty(); }

signals:
    void pageIndexReady();

private:
    // A row with its texts formatted once when its page is read: a repaint asks for every cell several
    // times, and a local date costs a time-zone conversion each time.
    struct ShownRow : store::MessageListRow
    {
        QString dateText;
        QString dkimText;
        QString findingsText;
    };

    struct LoadedPage
    {
        QList<ShownRow> rows;
        std::optional<store::MessageCursor> next;
        QString error;
    };

    static LoadedPage readPage(store::Database& database, store::MessageListQuery query, qsizetype expected);
    // The row, its page read at once when `wait` or the list is small, else requested from the worker
    // (nullptr until it arrives).
    const ShownRow* rowAt(int row, bool wait = true) const;
    store::MessageListQuery pageQuery(int page) const;
    qsizetype expectedRows(int page) const;
    void keepPage(int page, LoadedPage loaded) const;
    void requestPage(int page) const;
    void pageArrived(quint64 generation, int page, LoadedPage loaded);
    bool readsInBackground() const;
    std::optional<store::MessageCursor> cursorBefore(int page) const;
    void startPageIndex();
    void stopPageIndex();

    store::Database* m_database = nullptr;
    store::MessageListQuery m_query;
    int m_rows = 0;
    mutable QHash<int, QList<ShownRow>> m_pages;
    mutable QList<int> m_pageOrder; // least recently loaded first
    // Page -> where the page after it starts (kept when the page itself is evicted): scrolling on
    // continues from there instead of counting OFFSET rows from the top.
    mutable QHash<int, store::MessageCursor> m_cursors;
    mutable QString m_lastError;
    QList<store::MessageCursor> m_pageIndex;
    QFutureWatcher<QList<store::MessageCursor>> m_pageIndexWatcher;
    std::shared_ptr<std::atomic<bool>> m_pageIndexStop;
    bool m_asyncPages = false;
    quint64 m_generation = 0; // a reload makes pages still in flight stale
    mutable QSet<int> m_pendingPages;
    // One reader thread: pages arrive in the order asked, and the GUI thread's reads never compete with
    // several of its own.
    mutable QThreadPool m_pageReaders;
};

} // namespace authlens::desktop
