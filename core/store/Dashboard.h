// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Records.h"

#include <QDate>
#include <QMap>

namespace authlens::store {

class Database;

// What the dashboard and the message list narrow by. Empty members do not filter.
struct MessageFilter
{
    QDateTime from; // Date header at or after
    QDateTime to;   // Date header before
    qint64 sourceId = 0;
    QString domain; // From domain, lowercase
    QString text;   // part of the From address or the subject, case-insensitive
    // The summary result word of the newest run ("pass", "fail", ...), as a dashboard bar stands for.
    QString dkimResult;
    QString spfResult;
    QString dmarcResult;
    QString selector; // messages with a signature by this selector (of the newest run)
};

// Counts per RFC 8601 result word.
struct ResultCounts
{
    QMap<QString, qint64> byResult;

    void add(const QString& result, qint64 count) { byResult[result] += count; }
    qint64 count(const QString& result) const { return byResult.value(result); }
    qint64 total() const;
    // Share of pass among all counted, 0..100; 0 when nothing was counted.
    double passPercent() const;
};

struct DomainStats
{
    QString domain;
    qint64 messages = 0;
    ResultCounts dkim; // per message (the best signature); no signature counts as "none"
    ResultCounts spf;  // messages with an SPF result
    ResultCounts dmarc;
};

struct SelectorStats
{
    QString domain; // From domain of the messages
    QString sdid;
    QString selector;
    qint64 messages = 0;
    ResultCounts dkim; // per signature
};

struct PeriodStats
{
    QDate start; // the day, or the Monday that starts the week (UTC)
    qint64 messages = 0;
    ResultCounts dkim;
    ResultCounts dmarc;
};

struct HeadlineFigures
{
    qint64 messages = 0;
    qint64 domains = 0;
    double dkimPassPercent = 0;  // of all messages
    double dmarcPassPercent = 0; // of messages with a DMARC result
    qint64 dmarcEvaluated = 0;
    QMap<QString, qint64> findingsBySeverity; // not dismissed; "error", "warning", "info"
};

// The dashboard's reads, over the newest verification run of each message.
class Dashboard
{
public:
    explicit Dashboard(Database& database)
        : m_database(database)
    {}

    QList<DomainStats> domains(const MessageFilter& filter = {}); // most messages first
    QList<SelectorStats> selectors(const MessageFilter& filter = {});
    QList<PeriodStats> perDay(const MessageFilter& filter = {});
    QList<PeriodStats> perWeek(const MessageFilter& filter = {});
    HeadlineFigures headline(const MessageFilter& filter = {});
    QString lastError() const { return m_lastError; }

    // "WHERE ..." (or nothing) over messages aliased m, with its bindings; shared with the message list.
    struct Condition
    {
        QString sql;
        QVariantList bindings;
    };
    static Condition whereClause(const MessageFilter& filter);

private:
    Database& m_database;
    QString m_lastError;
};

} // namespace authlens::store
