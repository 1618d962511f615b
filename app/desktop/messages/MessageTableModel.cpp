// SPDX-License-Identifier: GPL-3.0-or-later
#include "messages/MessageTableModel.h"

#include "charts/ChartWidget.h"
#include "store/Dashboard.h"
#include "store/Database.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace authlens::desktop {

MessageTableModel::MessageTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
    m_query.limit = kPageSize;
    m_pageReaders.setMaxThreadCount(1);
    connect(&m_pageIndexWatcher, &QFutureWatcherBase::finished, this, [this] {
        const QFuture<QList<store::MessageCursor>> future = m_pageIndexWatcher.future();
        if (future.isCanceled() || future.resultCount() == 0)
            return;
        m_pageIndex = future.result();
        if (!m_pageIndex.isEmpty())
            emit pageIndexReady();
    });
}

MessageTableModel::~MessageTableModel()
{
    stopPageIndex();
}

void MessageTableModel::stopPageIndex()
{
    // Never waits: the worker owns its connection and copies of the path and query, so it can finish on
    // its own (it stops at its next row; an engine still sorting for an unindexed order may take a
    // second) while the list already shows the new filter. Its result is dropped.
    if (m_pageIndexStop)
        m_pageIndexStop->store(true);
    m_pageIndexStop.reset();
    m_pageIndexWatcher.setFuture(QFuture<QList<store::MessageCursor>>());
    m_pageIndex.clear();
}

void MessageTableModel::startPageIndex()
{
    if (!m_database || m_rows < kPageIndexMinimumRows || m_database->path().isEmpty() ||
        m_database->path() == QLatin1String(":memory:"))
        return;
    auto stop = std::make_shared<std::atomic<bool>>(false);
    m_pageIndexStop = stop;
    const QString path = m_database->path();
    const store::MessageListQuery query = m_query;
    m_pageIndexWatcher.setFuture(QtConcurrent::run([path, query, stop]() -> QList<store::MessageCursor> {
        store::Database::OpenOptions options;
        options.mustExist = true;
        const store::Database::OpenResult opened = store::Database::open(path, options);
        if (!opened.database)
            return {};
        return store::MessageQueries(*opened.database).pageCursors(query, kPageSize, stop.get());
    }));
}

void MessageTableModel::setDatabase(store::Database* database)
{
    m_database = database;
    reload();
}

void MessageTableModel::setFilter(const store::MessageFilter& filter)
{
    m_query.filter = filter;
    reload();
}

void MessageTableModel::reload()
{
    stopPageIndex();
    beginResetModel();
    ++m_generation;
    m_pendingPages.clear();
    m_pages.clear();
    m_pageOrder.clear();
    m_cursors.clear();
    m_rows = 0;
    if (m_database) {
        // The pre-aggregated counts answer most filters without walking the messages (schema v7).
        const qint64 count = store::Dashboard(*m_database).messageCount(m_query.filter);
        m_rows = int(std::min<qint64>(count, std::numeric_limits<int>::max()));
    }
    endResetModel();
    startPageIndex();
}

std::optional<store::MessageCursor> MessageTableModel::cursorBefore(int page) const
{
    // Scrolling on from the page before: an index range from its last row costs the same at any
    // depth, where OFFSET walks every row above (tens of milliseconds deep in a million rows).
    const auto cursor = m_cursors.constFind(page - 1);
    if (cursor != m_cursors.cend() && !cursor->sortValue.isNull())
        return *cursor;
    if (page >= 1 && page - 1 < m_pageIndex.size() && !m_pageIndex.at(page - 1).sortValue.isNull())
        return m_pageIndex.at(page - 1);
    return std::nullopt;
}

store::MessageListQuery MessageTableModel::pageQuery(int page) const
{
    store::MessageListQuery query = m_query;
    query.offset = qint64(page) * kPageSize;
    query.after = cursorBefore(page);
    return query;
}

qsizetype MessageTableModel::expectedRows(int page) const
{
    return std::min<qint64>(kPageSize, m_rows - qint64(page) * kPageSize);
}

MessageTableModel::LoadedPage MessageTableModel::readPage(store::Database& database,
                                                          store::MessageListQuery query, qsizetype expected)
{
    store::MessageQueries queries(database);
    store::MessagePage loaded = queries.page(query);
    if (query.after && loaded.error.isEmpty() && loaded.rows.size() < expected) {
        // Rows without a sort value (no Date header) sort after all others and are reached by
        // offset only.
        query.after.reset();
        loaded = queries.page(query);
    }
    LoadedPage page;
    page.next = loaded.next;
    page.error = loaded.error;
    page.rows.reserve(loaded.rows.size());
    const QLocale locale;
    for (const store::MessageListRow& listed : std::as_const(loaded.rows)) {
        ShownRow& r = page.rows.emplace_back();
        static_cast<store::MessageListRow&>(r) = listed;
        r.dateText = listed.date.isValid() ? locale.toString(listed.date.toLocalTime(), QLocale::ShortFormat)
                                           : tr("(no date)");
        r.findingsText = findingsText(listed);
        r.dkimText = listed.signatures.isEmpty() ? (listed.dkimResult.isEmpty() ? tr("—") : listed.dkimResult)
                                                 : signatureSummary(listed);
    }
    return page;
}

void MessageTableModel::keepPage(int page, LoadedPage loaded) const
{
    if (loaded.next)
        m_cursors.insert(page, *loaded.next);
    if (!loaded.error.isEmpty())
        m_lastError = loaded.error;
    if (!m_pages.contains(page)) {
        if (m_pageOrder.size() >= kMaxCachedPages)
            m_pages.remove(m_pageOrder.takeFirst());
        m_pageOrder.append(page);
    }
    m_pages.insert(page, std::move(loaded.rows));
}

bool MessageTableModel::readsInBackground() const
{
    return m_asyncPages && m_database && m_rows >= kPageIndexMinimumRows && !m_database->path().isEmpty() &&
           m_database->path() != QLatin1String(":memory:");
}

void MessageTableModel::requestPage(int page) const
{
    if (page < 0 || qint64(page) * kPageSize >= m_rows || m_pages.contains(page) ||
        m_pendingPages.contains(page))
        return;
    m_pendingPages.insert(page);
    const QString path = m_database->path();
    const store::MessageListQuery query = pageQuery(page);
    const qsizetype expected = expectedRows(page);
    const quint64 generation = m_generation;
    auto* self = const_cast<MessageTableModel*>(this);
    QtConcurrent::run(&m_pageReaders, [path, query, expected]() -> LoadedPage {
        store::Database::OpenOptions options;
        options.mustExist = true;
        const store::Database::OpenResult opened = store::Database::open(path, options);
        if (!opened.database)
            return LoadedPage{{}, std::nullopt, opened.error};
        return readPage(*opened.database, query, expected);
    }).then(self, [self, generation, page](LoadedPage loaded) {
        self->pageArrived(generation, page, std::move(loaded));
    });
}

void MessageTableModel::pageArrived(quint64 generation, int page, LoadedPage loaded)
{
    if (generation != m_generation)
        return; // read for a filter or order no longer shown
    m_pendingPages.remove(page);
    keepPage(page, std::move(loaded));
    const int first = page * kPageSize;
    const int last = std::min(m_rows, first + kPageSize) - 1;
    if (last >= first)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

const MessageTableModel::ShownRow* MessageTableModel::rowAt(int row, bool wait) const
{
    if (!m_database || row < 0 || row >= m_rows)
        return nullptr;
    const int page = row / kPageSize;
    const int inPage = row % kPageSize;
    const bool background = readsInBackground();
    auto it = m_pages.constFind(page);
    if (it == m_pages.cend()) {
        if (background && !wait) {
            requestPage(page);
            return nullptr;
        }
        keepPage(page, readPage(*m_database, pageQuery(page), expectedRows(page)));
        it = m_pages.constFind(page);
    } else if (background) {
        // Read the neighbour before the view reaches it, so scrolling on finds it in.
        if (inPage >= kPageSize * 3 / 4)
            requestPage(page + 1);
        else if (inPage < kPageSize / 4)
            requestPage(page - 1);
    }
    return inPage < it->size() ? &it->at(inPage) : nullptr;
}

QString MessageTableModel::signatureSummary(const store::MessageListRow& row)
{
    // Each signature as d/s and its result, in signature order: which signer failed is what an analyst
    // scans this column for.
    QStringList parts;
    for (const store::SignatureBrief& signature : row.signatures)
        parts << tr("%1/%2 %3").arg(signature.sdid, signature.selector, signature.result);
    return parts.join(QStringLiteral(", "));
}

QString MessageTableModel::findingsText(const store::MessageListRow& row)
{
    if (row.findingCount < 0)
        return tr("—"); // stored before the count was kept; re-verify to fill it
    if (row.findingCount == 0)
        return tr("none");
    const QString worst = row.findingWorst == QLatin1String("error")     ? tr("error")
                          : row.findingWorst == QLatin1String("warning") ? tr("warning")
                                                                         : tr("info");
    return tr("%1 (worst: %2)").arg(row.findingCount).arg(worst);
}

qint64 MessageTableModel::messageId(int row) const
{
    const store::MessageListRow* r = rowAt(row);
    return r ? r->id : 0;
}

int MessageTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int MessageTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows || index.column() >= ColumnCount)
        return {};
    const ShownRow* r = rowAt(index.row(), false);
    if (!r)
        return {}; // its page is on its way
    if (role == MessageIdRole)
        return r->id;
    const auto result = [&]() -> QString {
        switch (index.column()) {
        case DkimColumn:
            return r->dkimResult;
        case SpfColumn:
            return r->spfResult;
        case DmarcColumn:
            return r->dmarcResult;
        case FindingsColumn:
            return r->findingWorst;
        default:
            return {};
        }
    };
    switch (role) {
    case ResultRole:
        return result();
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn:
            return r->dateText;
        case FromColumn:
            return r->fromAddress;
        case SubjectColumn:
            return r->subject;
        case DkimColumn:
            return r->dkimText;
        case FindingsColumn:
            return r->findingsText;
        default:
            return result().isEmpty() ? tr("—") : result();
        }
    case Qt::ForegroundRole:
        if (index.column() >= DkimColumn && !result().isEmpty()) {
            // The result colours are picked for a light base; on a dark palette they are lightened so
            // "fail" stays readable. Findings borrow them: an error reads like a fail.
            const QString word = index.column() != FindingsColumn       ? result()
                                 : result() == QLatin1String("error")   ? QStringLiteral("fail")
                                 : result() == QLatin1String("warning") ? QStringLiteral("softfail")
                                                                        : QStringLiteral("neutral");
            const QColor color = resultColor(word);
            return QGuiApplication::palette().color(QPalette::Base).lightness() < 128 ? color.lighter(170)
                                                                                      : color;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == FromColumn)
            return r->fromDomain;
        if (index.column() == DkimColumn && !r->signatures.isEmpty()) {
            QStringList lines{tr("DKIM: %1").arg(r->dkimResult)};
            for (const store::SignatureBrief& signature : r->signatures)
                lines << tr("d=%1 s=%2: %3").arg(signature.sdid, signature.selector, signature.result);
            return lines.join(QLatin1Char('\n'));
        }
        return {};
    default:
        return {};
    }
}

QVariant MessageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn:
        return tr("Date");
    case FromColumn:
        return tr("From");
    case SubjectColumn:
        return tr("Subject");
    case DkimColumn:
        return tr("DKIM");
    case SpfColumn:
        return tr("SPF");
    case DmarcColumn:
        return tr("DMARC");
    case FindingsColumn:
        return tr("Findings");
    default:
        return {};
    }
}

void MessageTableModel::sort(int column, Qt::SortOrder order)
{
    switch (column) {
    case FromColumn:
        m_query.sortKey = store::MessageSortKey::FromAddress;
        break;
    case SubjectColumn:
        m_query.sortKey = store::MessageSortKey::Subject;
        break;
    case DateColumn:
        m_query.sortKey = store::MessageSortKey::Date;
        break;
    default:
        return; // result columns are not sortable in the store (no index): keep the current order
    }
    m_query.descending = order == Qt::DescendingOrder;
    reload();
}

} // namespace authlens::desktop
