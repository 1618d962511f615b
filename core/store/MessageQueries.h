// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Dashboard.h"
#include "store/Records.h"

#include <atomic>
#include <optional>

namespace authlens::store {

class Database;

enum class MessageSortKey
{
    Date,       // indexed (messages_by_date; messages_by_domain with a domain filter)
    FromDomain, // indexed (messages_by_domain)
    Id,         // import order
    FromAddress,
    Subject,
    Size,
};

// Keyset position: the sort value and id of the last row of the previous page.
struct MessageCursor
{
    QVariant sortValue;
    qint64 id = 0;
};

struct MessageListQuery
{
    MessageFilter filter;
    MessageSortKey sortKey = MessageSortKey::Date;
    bool descending = true;
    int limit = 200;
    // Either a row offset (the virtualized table asks for rows by index) or a keyset cursor (cheap at
    // any depth; rows whose sort value is NULL, e.g. no Date header, are only reached by offset).
    qint64 offset = 0;
    std::optional<MessageCursor> after;
};

// One DKIM signature of a list row, as the newest run judged it.
struct SignatureBrief
{
    QString sdid;
    QString selector;
    QString result;
};

struct MessageListRow
{
    qint64 id = 0;
    QDateTime date;
    QString fromAddress;
    QString fromDomain;
    QString subject;
    qint64 size = 0;
    QString dkimResult;
    QString spfResult;
    QString dmarcResult;
    QList<SignatureBrief> signatures; // in signature order; empty for an unsigned message
    int findingCount = -1;            // the newest run's findings; -1 when not recorded (before schema 8)
    QString findingWorst;             // info, warning or error; empty without findings
};

struct MessagePage
{
    QList<MessageListRow> rows;
    std::optional<MessageCursor> next; // set when the page was full
    QString error;
};

// One message with the results of one verification run, for the trace view.
struct MessageDetail
{
    MessageRecord message;
    qint64 runId = 0;
    QList<DkimSignatureRecord> dkim;
    std::optional<SpfRecord> spf;
    std::optional<DmarcRecord> dmarc;
    QList<DnsRecordRecord> consultedRecords;
};

class MessageQueries
{
public:
    explicit MessageQueries(Database& database)
        : m_database(database)
    {}

    MessagePage page(const MessageListQuery& query);
    qint64 count(const MessageFilter& filter = {});
    // Where each full page of `pageSize` rows ends, in the query's order (element i: the cursor after
    // page i), so a list can jump to any page with a keyset range instead of an OFFSET walk. One pass
    // over the sort index, a page per step, returning only the page boundaries; `stop` set by another
    // thread ends it between steps (empty result). The walk ends at the first boundary without a sort
    // value (its cursor is the last one, with a null sort value): later pages are reached by offset.
    QList<MessageCursor> pageCursors(const MessageListQuery& query, int pageSize,
                                     const std::atomic<bool>* stop = nullptr);
    // The results of `runId`, or of the newest run when 0.
    std::optional<MessageDetail> detail(qint64 messageId, qint64 runId = 0);
    // The raw bytes as imported; nullopt when only a reference to the source was kept.
    std::optional<QByteArray> rawMessage(qint64 messageId);
    std::optional<qint64> findByContentHash(const QByteArray& hexHash);
    QString lastError() const { return m_lastError; }

    // The page's SQL and bindings, so tests can check the engine's plan uses an index.
    struct Statement
    {
        QString sql;
        QVariantList bindings;
    };
    static Statement pageStatement(const MessageListQuery& query);

private:
    bool attachSignatures(QList<MessageListRow>& rows);
    // The list's filter, keyset range and order around the given select list.
    static Statement orderedStatement(const MessageListQuery& query, const QString& columns);

    Database& m_database;
    QString m_lastError;
};

} // namespace authlens::store
