// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Records.h"

#include <QDate>
#include <QMap>

#include <optional>

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
    // The bounces of mail from this domain: delivery status notifications reporting a permanent failure
    // (RFC 3464 action "failed") whose original was sent from it, lowercase.
    QString bouncesFor;
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

// The bounce rate of one sending domain in the sample. Denominator: the messages it sent that are in
// the sample (From this domain and not themselves reports). The analyst's mailbox holds a sample of
// what the domain sent and the bounces that came back, so bounces / sent-in-sample is the rate they can
// check by hand; with nothing sent in the sample there is no rate, only the count.
struct BounceStats
{
    static constexpr double threshold = 0.05; // providers and sending platforms act above 5%

    QString domain;
    qint64 sent = 0;
    qint64 bounces = 0;

    // bounces / sent; nullopt when none of its sent messages are in the sample ("rate unknown").
    std::optional<double> rate() const
    {
        return sent > 0 ? std::optional<double>(double(bounces) / double(sent)) : std::nullopt;
    }
    bool overThreshold() const { return rate().value_or(0.0) > threshold; }
};

struct HeadlineFigures
{
    qint64 messages = 0;
    qint64 domains = 0;
    double dkimPassPercent = 0;  // of all messages
    double dmarcPassPercent = 0; // of messages with a DMARC result
    qint64 dmarcEvaluated = 0;
    QMap<QString, qint64> findingsBySeverity; // not dismissed; "error", "warning", "info"
    qint64 bounces = 0;                       // delivery status notifications reporting a permanent failure
    qint64 unattributedBounces = 0;           // of those, the ones that do not say who sent the original
    qint64 bounceDomainsOverThreshold = 0;
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
    // How many messages the filter selects (the message list's row count), from the summaries when the
    // filter allows; -1 on error.
    qint64 messageCount(const MessageFilter& filter = {});
    // Per sending domain: sent, bounced, rate; highest known rate first, then most bounces. Only the
    // filter's date range, source and domain narrow it (a bounce is dated and sourced by its report).
    QList<BounceStats> bounces(const MessageFilter& filter = {});
    QString lastError() const { return m_lastError; }
    // Whether to read the pre-aggregated tables (schema version 7) when the filter allows; off: every
    // count is taken over messages (the tests compare both).
    void setUseSummaries(bool use) { m_useSummaries = use; }

    // "WHERE ..." (or nothing) over messages aliased m, with its bindings; shared with the message list.
    struct Condition
    {
        QString sql;
        QVariantList bindings;
    };
    static Condition whereClause(const MessageFilter& filter);
    // The same filter over a message summary table (withResults) or a selector one, aliased m; nullopt
    // when the filter narrows by something the summaries do not keep (text, selector, bounces, a time of
    // day; message results for the selector tables).
    static std::optional<Condition> summaryWhereClause(const MessageFilter& filter, bool withResults);

private:
    // The table to count over, how one row counts, and the filter: message_summary when it can.
    struct Counted
    {
        QString table;
        QString weight; // "1" per message row, "m.messages" per summary row
        Condition where;
        bool summary = false;
    };
    // needed: the summary columns the read groups or filters on besides the filter's own.
    Counted counted(const MessageFilter& filter, const QStringList& needed) const;

    Database& m_database;
    QString m_lastError;
    bool m_useSummaries = true;
};

} // namespace authlens::store
