// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Dashboard.h"

#include "store/ColumnValues.h"
#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace authlens::store {

namespace {

QString wordOr(const QVariant& value, const QString& fallback)
{
    return value.isNull() ? fallback : value.toString();
}

QDate dayToDate(qint64 day)
{
    return QDate(1970, 1, 1).addDays(day);
}

} // namespace

qint64 ResultCounts::total() const
{
    qint64 sum = 0;
    for (qint64 value : byResult)
        sum += value;
    return sum;
}

double ResultCounts::passPercent() const
{
    const qint64 all = total();
    return all == 0 ? 0.0 : 100.0 * double(count(QStringLiteral("pass"))) / double(all);
}

Dashboard::Condition Dashboard::whereClause(const MessageFilter& filter)
{
    QStringList parts;
    Condition condition;
    if (filter.from.isValid()) {
        parts << QStringLiteral("m.date_utc >= ?");
        condition.bindings << filter.from.toMSecsSinceEpoch();
    }
    if (filter.to.isValid()) {
        parts << QStringLiteral("m.date_utc < ?");
        condition.bindings << filter.to.toMSecsSinceEpoch();
    }
    if (filter.sourceId > 0) {
        parts << QStringLiteral("m.source_id = ?");
        condition.bindings << filter.sourceId;
    }
    if (!filter.domain.isEmpty()) {
        parts << QStringLiteral("m.from_domain = ?");
        condition.bindings << filter.domain.toLower();
    }
    if (!filter.text.isEmpty()) {
        // LIKE with an escape character is standard SQL; '%' and '_' typed by the analyst are literal.
        QString pattern = filter.text.toLower();
        pattern.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('%'), QLatin1String("\\%"))
            .replace(QLatin1Char('_'), QLatin1String("\\_"));
        pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
        parts << QStringLiteral(
            "(LOWER(m.from_address) LIKE ? ESCAPE '\\' OR LOWER(m.subject) LIKE ? ESCAPE '\\')");
        condition.bindings << pattern << pattern;
    }
    const std::pair<const char*, const QString*> results[] = {
        {"m.dkim_result", &filter.dkimResult},
        {"m.spf_result", &filter.spfResult},
        {"m.dmarc_result", &filter.dmarcResult},
    };
    for (const auto& [column, value] : results) {
        if (!value->isEmpty()) {
            parts << QStringLiteral("%1 = ?").arg(QLatin1String(column));
            condition.bindings << value->toLower();
        }
    }
    if (!filter.selector.isEmpty()) {
        parts << QStringLiteral("EXISTS (SELECT 1 FROM dkim_signatures ds WHERE ds.message_id = m.id "
                                "AND ds.run_id = m.latest_run_id AND ds.selector = ?)");
        condition.bindings << filter.selector;
    }
    if (!filter.bouncesFor.isEmpty()) {
        parts << QStringLiteral("m.dsn_original_domain = ? AND m.dsn_action = 'failed' AND m.is_dsn = 1");
        condition.bindings << filter.bouncesFor.toLower();
    }
    if (!parts.isEmpty())
        condition.sql = QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    return condition;
}

std::optional<Dashboard::Condition> Dashboard::summaryWhereClause(const MessageFilter& filter,
                                                                  bool withResults)
{
    if (!filter.text.isEmpty() || !filter.selector.isEmpty() || !filter.bouncesFor.isEmpty())
        return std::nullopt;
    if (!withResults &&
        (!filter.dkimResult.isEmpty() || !filter.spfResult.isEmpty() || !filter.dmarcResult.isEmpty()))
        return std::nullopt;
    // day_utc is date_utc / 86400000 truncated toward zero, which equals the day only from 1970 on: a
    // boundary must be a whole day after the epoch.
    constexpr qint64 dayMs = 86400000;
    const auto wholeDay = [](const QDateTime& time) {
        const qint64 ms = time.toMSecsSinceEpoch();
        return ms > 0 && ms % dayMs == 0;
    };
    if ((filter.from.isValid() && !wholeDay(filter.from)) || (filter.to.isValid() && !wholeDay(filter.to)))
        return std::nullopt;
    QStringList parts;
    Condition condition;
    if (filter.from.isValid()) {
        parts << QStringLiteral("m.day_utc >= ?");
        condition.bindings << filter.from.toMSecsSinceEpoch() / dayMs;
    }
    if (filter.to.isValid()) {
        parts << QStringLiteral("m.day_utc < ?");
        condition.bindings << filter.to.toMSecsSinceEpoch() / dayMs;
    }
    if (filter.sourceId > 0) {
        parts << QStringLiteral("m.source_id = ?");
        condition.bindings << filter.sourceId;
    }
    if (!filter.domain.isEmpty()) {
        parts << QStringLiteral("m.from_domain = ?");
        condition.bindings << filter.domain.toLower();
    }
    const std::pair<const char*, const QString*> results[] = {
        {"m.dkim_result", &filter.dkimResult},
        {"m.spf_result", &filter.spfResult},
        {"m.dmarc_result", &filter.dmarcResult},
    };
    for (const auto& [column, value] : results) {
        if (!value->isEmpty()) {
            parts << QStringLiteral("%1 = ?").arg(QLatin1String(column));
            condition.bindings << value->toLower();
        }
    }
    if (!parts.isEmpty())
        condition.sql = QStringLiteral(" WHERE ") + parts.join(QStringLiteral(" AND "));
    return condition;
}

namespace {

struct SummaryTable
{
    const char* name;
    QStringList columns;
};

// Schema version 7's summary tables, smallest first.
const QList<SummaryTable>& messageSummaryTables()
{
    static const QList<SummaryTable> tables = {
        {"day_totals",
         {QStringLiteral("day_utc"), QStringLiteral("source_id"), QStringLiteral("dkim_result"),
          QStringLiteral("dmarc_result")}},
        {"message_totals",
         {QStringLiteral("from_domain"), QStringLiteral("source_id"), QStringLiteral("dkim_result"),
          QStringLiteral("spf_result"), QStringLiteral("dmarc_result"), QStringLiteral("is_dsn"),
          QStringLiteral("is_bounce"), QStringLiteral("bounce_domain")}},
        {"message_summary",
         {QStringLiteral("day_utc"), QStringLiteral("from_domain"), QStringLiteral("source_id"),
          QStringLiteral("dkim_result"), QStringLiteral("spf_result"), QStringLiteral("dmarc_result"),
          QStringLiteral("is_dsn"), QStringLiteral("is_bounce"), QStringLiteral("bounce_domain")}},
    };
    return tables;
}

const QList<SummaryTable>& selectorSummaryTables()
{
    static const QList<SummaryTable> tables = {
        {"selector_totals", {QStringLiteral("from_domain"), QStringLiteral("source_id")}},
        {"selector_summary",
         {QStringLiteral("day_utc"), QStringLiteral("from_domain"), QStringLiteral("source_id")}},
    };
    return tables;
}

// The columns the filter narrows by, as the summary tables name them.
QStringList filterColumns(const MessageFilter& filter)
{
    QStringList columns;
    if (filter.from.isValid() || filter.to.isValid())
        columns << QStringLiteral("day_utc");
    if (filter.sourceId > 0)
        columns << QStringLiteral("source_id");
    if (!filter.domain.isEmpty())
        columns << QStringLiteral("from_domain");
    if (!filter.dkimResult.isEmpty())
        columns << QStringLiteral("dkim_result");
    if (!filter.spfResult.isEmpty())
        columns << QStringLiteral("spf_result");
    if (!filter.dmarcResult.isEmpty())
        columns << QStringLiteral("dmarc_result");
    return columns;
}

// The smallest table holding every needed column.
QString smallestTable(const QList<SummaryTable>& tables, const QStringList& needed)
{
    for (const SummaryTable& table : tables) {
        if (std::all_of(needed.cbegin(), needed.cend(),
                        [&](const QString& column) { return table.columns.contains(column); }))
            return QLatin1String(table.name);
    }
    return {};
}

} // namespace

Dashboard::Counted Dashboard::counted(const MessageFilter& filter, const QStringList& needed) const
{
    if (m_useSummaries) {
        if (auto where = summaryWhereClause(filter, true)) {
            const QString table = smallestTable(messageSummaryTables(), needed + filterColumns(filter));
            if (!table.isEmpty())
                return {table, QStringLiteral("m.messages"), *where, true};
        }
    }
    return {QStringLiteral("messages"), QStringLiteral("1"), whereClause(filter), false};
}

namespace {

// The bounce counts narrow by date range and source only; the domain is matched per side.
MessageFilter bounceNarrowed(const MessageFilter& filter)
{
    MessageFilter narrowed;
    narrowed.from = filter.from;
    narrowed.to = filter.to;
    narrowed.sourceId = filter.sourceId;
    return narrowed;
}

Dashboard::Condition bounceCondition(const MessageFilter& filter, Dashboard::Condition condition,
                                     const QString& domainColumn, const QString& extra)
{
    condition.sql += condition.sql.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ");
    condition.sql += extra;
    if (!filter.domain.isEmpty()) {
        condition.sql += QStringLiteral(" AND %1 = ?").arg(domainColumn);
        condition.bindings << filter.domain.toLower();
    }
    return condition;
}

} // namespace

namespace {

// Every column the bounce counts read, whichever side: one table serves both.
const QStringList kBounceColumns = {QStringLiteral("from_domain"), QStringLiteral("is_dsn"),
                                    QStringLiteral("is_bounce"), QStringLiteral("bounce_domain")};

} // namespace

QList<BounceStats> Dashboard::bounces(const MessageFilter& filter)
{
    QMap<QString, BounceStats> byDomain;
    const Counted base = counted(bounceNarrowed(filter), kBounceColumns);
    // Bounces: reports of a permanent failure (RFC 3464 2.3.3), counted against the original's sender.
    // The summary keeps them as is_bounce with the original's domain in bounce_domain.
    const QString bounceDomain =
        base.summary ? QStringLiteral("m.bounce_domain") : QStringLiteral("m.dsn_original_domain");
    const Condition bounced = bounceCondition(
        filter, base.where, bounceDomain,
        base.summary ? QStringLiteral("m.bounce_domain IS NOT NULL AND m.is_bounce = 1")
                     : QStringLiteral(
                           "m.dsn_original_domain IS NOT NULL AND m.dsn_action = 'failed' AND m.is_dsn = 1"));
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1, SUM(%2) FROM %3 m%4 GROUP BY %1")
                      .arg(bounceDomain, base.weight, base.table, bounced.sql));
    for (const QVariant& value : bounced.bindings)
        query.addBindValue(value);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return {};
    }
    while (query.next()) {
        BounceStats& stats = byDomain[query.value(0).toString()];
        stats.domain = query.value(0).toString();
        stats.bounces = query.value(1).toLongLong();
    }
    // Sent: the domain's own messages, reports excluded (a report's From is the reporting system).
    const Condition sent = bounceCondition(filter, base.where, QStringLiteral("m.from_domain"),
                                           QStringLiteral("m.from_domain IS NOT NULL AND m.is_dsn = 0"));
    QSqlQuery sentQuery(m_database.connection());
    sentQuery.prepare(QStringLiteral("SELECT m.from_domain, SUM(%1) FROM %2 m%3 GROUP BY m.from_domain")
                          .arg(base.weight, base.table, sent.sql));
    for (const QVariant& value : sent.bindings)
        sentQuery.addBindValue(value);
    if (!sentQuery.exec()) {
        m_lastError = sentQuery.lastError().text();
        return {};
    }
    while (sentQuery.next()) {
        const QString domain = sentQuery.value(0).toString();
        if (domain.isEmpty())
            continue;
        BounceStats& stats = byDomain[domain];
        stats.domain = domain;
        stats.sent = sentQuery.value(1).toLongLong();
    }
    QList<BounceStats> result = byDomain.values();
    std::stable_sort(result.begin(), result.end(), [](const BounceStats& a, const BounceStats& b) {
        const double rateA = a.rate().value_or(-1.0);
        const double rateB = b.rate().value_or(-1.0);
        if (rateA != rateB)
            return rateA > rateB;
        if (a.bounces != b.bounces)
            return a.bounces > b.bounces;
        return a.sent > b.sent;
    });
    return result;
}

QList<DomainStats> Dashboard::domains(const MessageFilter& filter)
{
    const Counted source = counted(filter, {QStringLiteral("from_domain"), QStringLiteral("dkim_result"),
                                            QStringLiteral("spf_result"), QStringLiteral("dmarc_result")});
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT m.from_domain, m.dkim_result, m.spf_result, m.dmarc_result, SUM(%1) "
                       "FROM %2 m%3 GROUP BY m.from_domain, m.dkim_result, m.spf_result, m.dmarc_result")
            .arg(source.weight, source.table, source.where.sql));
    for (const QVariant& value : source.where.bindings)
        query.addBindValue(value);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return {};
    }
    QMap<QString, DomainStats> byDomain;
    while (query.next()) {
        const QString domain = query.value(0).toString();
        const qint64 count = query.value(4).toLongLong();
        DomainStats& stats = byDomain[domain];
        stats.domain = domain;
        stats.messages += count;
        stats.dkim.add(wordOr(query.value(1), QStringLiteral("none")), count);
        if (!query.value(2).isNull())
            stats.spf.add(query.value(2).toString(), count);
        if (!query.value(3).isNull())
            stats.dmarc.add(query.value(3).toString(), count);
    }
    QList<DomainStats> result = byDomain.values();
    std::stable_sort(result.begin(), result.end(),
                     [](const DomainStats& a, const DomainStats& b) { return a.messages > b.messages; });
    return result;
}

QList<SelectorStats> Dashboard::selectors(const MessageFilter& filter)
{
    QSqlQuery query(m_database.connection());
    const std::optional<Condition> summaryWhere =
        m_useSummaries ? summaryWhereClause(filter, false) : std::nullopt;
    const Condition where = summaryWhere ? *summaryWhere : whereClause(filter);
    if (summaryWhere)
        query.prepare(
            QStringLiteral("SELECT m.from_domain, m.sdid, m.selector, m.result, SUM(m.signatures), "
                           "SUM(m.messages) FROM %1 m%2 "
                           "GROUP BY m.from_domain, m.sdid, m.selector, m.result")
                .arg(smallestTable(selectorSummaryTables(),
                                   QStringList{QStringLiteral("from_domain")} + filterColumns(filter)),
                     where.sql));
    else // Only the newest run's signatures: s.run_id = m.latest_run_id.
        query.prepare(
            QStringLiteral(
                "SELECT m.from_domain, s.sdid, s.selector, s.result, COUNT(*), COUNT(DISTINCT s.message_id) "
                "FROM messages m JOIN dkim_signatures s ON s.message_id = m.id AND s.run_id = m.latest_run_id"
                "%1 GROUP BY m.from_domain, s.sdid, s.selector, s.result")
                .arg(where.sql));
    for (const QVariant& value : where.bindings)
        query.addBindValue(value);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return {};
    }
    QMap<QStringList, SelectorStats> bySelector;
    while (query.next()) {
        const QStringList key = {query.value(0).toString(), query.value(1).toString(),
                                 query.value(2).toString()};
        SelectorStats& stats = bySelector[key];
        stats.domain = key.at(0);
        stats.sdid = key.at(1);
        stats.selector = key.at(2);
        stats.dkim.add(query.value(3).toString(), query.value(4).toLongLong());
        stats.messages += query.value(5).toLongLong();
    }
    QList<SelectorStats> result = bySelector.values();
    std::stable_sort(result.begin(), result.end(),
                     [](const SelectorStats& a, const SelectorStats& b) { return a.messages > b.messages; });
    return result;
}

QList<PeriodStats> Dashboard::perDay(const MessageFilter& filter)
{
    const Counted source = counted(
        filter, {QStringLiteral("day_utc"), QStringLiteral("dkim_result"), QStringLiteral("dmarc_result")});
    Condition where = source.where;
    where.sql += where.sql.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ");
    where.sql += QStringLiteral("m.day_utc IS NOT NULL");
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT m.day_utc, m.dkim_result, m.dmarc_result, SUM(%1) FROM %2 m%3 "
                                 "GROUP BY m.day_utc, m.dkim_result, m.dmarc_result ORDER BY m.day_utc")
                      .arg(source.weight, source.table, where.sql));
    for (const QVariant& value : where.bindings)
        query.addBindValue(value);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return {};
    }
    QList<PeriodStats> result;
    while (query.next()) {
        const QDate day = dayToDate(query.value(0).toLongLong());
        if (result.isEmpty() || result.last().start != day)
            result.append(PeriodStats{day, 0, {}, {}});
        PeriodStats& stats = result.last();
        const qint64 count = query.value(3).toLongLong();
        stats.messages += count;
        stats.dkim.add(wordOr(query.value(1), QStringLiteral("none")), count);
        if (!query.value(2).isNull())
            stats.dmarc.add(query.value(2).toString(), count);
    }
    return result;
}

QList<PeriodStats> Dashboard::perWeek(const MessageFilter& filter)
{
    QList<PeriodStats> result;
    for (const PeriodStats& day : perDay(filter)) {
        // ISO weeks start on Monday.
        const QDate monday = day.start.addDays(1 - day.start.dayOfWeek());
        if (result.isEmpty() || result.last().start != monday)
            result.append(PeriodStats{monday, 0, {}, {}});
        PeriodStats& week = result.last();
        week.messages += day.messages;
        for (auto it = day.dkim.byResult.cbegin(); it != day.dkim.byResult.cend(); ++it)
            week.dkim.add(it.key(), it.value());
        for (auto it = day.dmarc.byResult.cbegin(); it != day.dmarc.byResult.cend(); ++it)
            week.dmarc.add(it.key(), it.value());
    }
    return result;
}

qint64 Dashboard::messageCount(const MessageFilter& filter)
{
    const Counted source = counted(filter, {});
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT COALESCE(SUM(%1), 0) FROM %2 m%3")
                      .arg(source.weight, source.table, source.where.sql));
    for (const QVariant& value : source.where.bindings)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        m_lastError = query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

HeadlineFigures Dashboard::headline(const MessageFilter& filter)
{
    HeadlineFigures figures;
    const Counted source = counted(filter, {QStringLiteral("from_domain"), QStringLiteral("dkim_result"),
                                            QStringLiteral("dmarc_result")});
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT SUM(%1), COUNT(DISTINCT m.from_domain),"
                                 " SUM(CASE WHEN m.dkim_result = 'pass' THEN %1 ELSE 0 END),"
                                 " SUM(CASE WHEN m.dmarc_result IS NOT NULL THEN %1 ELSE 0 END),"
                                 " SUM(CASE WHEN m.dmarc_result = 'pass' THEN %1 ELSE 0 END) FROM %2 m%3")
                      .arg(source.weight, source.table, source.where.sql));
    for (const QVariant& value : source.where.bindings)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        m_lastError = query.lastError().text();
        return figures;
    }
    figures.messages = query.value(0).toLongLong();
    figures.domains = query.value(1).toLongLong();
    const qint64 dkimPass = query.value(2).toLongLong();
    figures.dmarcEvaluated = query.value(3).toLongLong();
    const qint64 dmarcPass = query.value(4).toLongLong();
    figures.dkimPassPercent =
        figures.messages == 0 ? 0.0 : 100.0 * double(dkimPass) / double(figures.messages);
    figures.dmarcPassPercent =
        figures.dmarcEvaluated == 0 ? 0.0 : 100.0 * double(dmarcPass) / double(figures.dmarcEvaluated);

    const QList<BounceStats> bounceStats = bounces(filter);
    for (const BounceStats& stats : bounceStats) {
        figures.bounces += stats.bounces;
        if (stats.overThreshold())
            ++figures.bounceDomainsOverThreshold;
    }
    const Counted base = counted(bounceNarrowed(filter), kBounceColumns);
    const Condition unattributed = bounceCondition(
        filter, base.where, QStringLiteral("m.dsn_original_domain"),
        base.summary
            ? QStringLiteral("m.bounce_domain IS NULL AND m.is_bounce = 1")
            : QStringLiteral("m.dsn_original_domain IS NULL AND m.dsn_action = 'failed' AND m.is_dsn = 1"));
    if (filter.domain.isEmpty()) {
        QSqlQuery count(m_database.connection());
        count.prepare(QStringLiteral("SELECT COALESCE(SUM(%1), 0) FROM %2 m%3")
                          .arg(base.weight, base.table, unattributed.sql));
        for (const QVariant& value : unattributed.bindings)
            count.addBindValue(value);
        if (count.exec() && count.next())
            figures.unattributedBounces = count.value(0).toLongLong();
        figures.bounces += figures.unattributedBounces;
    }

    // Findings are about records and senders, not one message: the filter does not narrow them.
    QSqlQuery findings(m_database.connection());
    if (!findings.exec(QStringLiteral(
            "SELECT severity, COUNT(*) FROM findings WHERE dismissed = 0 GROUP BY severity"))) {
        m_lastError = findings.lastError().text();
        return figures;
    }
    while (findings.next())
        figures.findingsBySeverity.insert(findings.value(0).toString(), findings.value(1).toLongLong());
    return figures;
}

} // namespace authlens::store
