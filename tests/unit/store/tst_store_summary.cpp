// SPDX-License-Identifier: GPL-3.0-or-later
// The pre-aggregated dashboard counts (schema version 7, issue 6). The invariant: each message summary
// table equals a GROUP BY over messages and each selector one a GROUP BY over the newest run's signatures,
// after an import, a re-verification, a stale re-verification, a delivery status update and a direct rewrite
// of a row; and every Dashboard read gives the same answer from the summaries as from the messages.
#include "StoreSamples.h"

#include "store/BatchWriter.h"
#include "store/Dashboard.h"
#include "store/Database.h"
#include "store/ImportLog.h"
#include "store/MessageQueries.h"
#include "store/Schema.h"
#include "store/VerificationRuns.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using namespace authlens::store;

namespace {

QStringList rows(Database& database, const QString& sql)
{
    QStringList result;
    QSqlQuery query(database.connection());
    if (!query.exec(sql))
        return {QStringLiteral("error: ") + sql};
    while (query.next()) {
        QStringList fields;
        for (int i = 0; i < query.record().count(); ++i)
            fields << (query.value(i).isNull() ? QStringLiteral("NULL") : query.value(i).toString());
        result << fields.join(QLatin1Char('|'));
    }
    result.sort();
    return result;
}

const QString kMessageKeys = QStringLiteral("day_utc, from_domain, source_id, dkim_result, spf_result, "
                                            "dmarc_result, is_dsn, is_bounce, bounce_domain");
const QString kMessagesGrouped = QStringLiteral(
    "SELECT day_utc, from_domain, source_id, dkim_result, spf_result, dmarc_result, is_dsn, "
    "CASE WHEN is_dsn = 1 AND dsn_action = 'failed' THEN 1 ELSE 0 END, "
    "CASE WHEN is_dsn = 1 AND dsn_action = 'failed' THEN dsn_original_domain END, COUNT(*) FROM messages "
    "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9");
const QString kSelectorsGrouped = QStringLiteral(
    "SELECT m.day_utc, m.from_domain, m.source_id, s.sdid, s.selector, s.result, COUNT(*), "
    "COUNT(DISTINCT s.message_id) FROM messages m JOIN dkim_signatures s ON s.message_id = m.id AND "
    "s.run_id = m.latest_run_id GROUP BY 1, 2, 3, 4, 5, 6");

QString describe(const QList<DomainStats>& list)
{
    QStringList out;
    for (const DomainStats& s : list)
        out << QStringLiteral("%1 %2 %3 %4 %5")
                   .arg(s.domain)
                   .arg(s.messages)
                   .arg(QDebug::toString(s.dkim.byResult), QDebug::toString(s.spf.byResult),
                        QDebug::toString(s.dmarc.byResult));
    out.sort();
    return out.join(QLatin1Char('\n'));
}

QString describe(const QList<SelectorStats>& list)
{
    QStringList out;
    for (const SelectorStats& s : list)
        out << QStringLiteral("%1 %2 %3 %4 %5")
                   .arg(s.domain, s.sdid, s.selector)
                   .arg(s.messages)
                   .arg(QDebug::toString(s.dkim.byResult));
    out.sort();
    return out.join(QLatin1Char('\n'));
}

QString describe(const QList<PeriodStats>& list)
{
    QStringList out;
    for (const PeriodStats& s : list)
        out << QStringLiteral("%1 %2 %3 %4")
                   .arg(s.start.toString(Qt::ISODate))
                   .arg(s.messages)
                   .arg(QDebug::toString(s.dkim.byResult), QDebug::toString(s.dmarc.byResult));
    return out.join(QLatin1Char('\n'));
}

QString describe(const QList<BounceStats>& list)
{
    QStringList out;
    for (const BounceStats& s : list)
        out << QStringLiteral("%1 %2 %3").arg(s.domain).arg(s.sent).arg(s.bounces);
    return out.join(QLatin1Char('\n'));
}

QString describe(const HeadlineFigures& h)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
        .arg(h.messages)
        .arg(h.domains)
        .arg(h.dkimPassPercent)
        .arg(h.dmarcPassPercent)
        .arg(h.dmarcEvaluated)
        .arg(h.bounces)
        .arg(h.unattributedBounces)
        .arg(h.bounceDomainsOverThreshold);
}

VerificationResults results(const QString& domain, const QString& dkim, const QString& spf,
                            const QString& dmarc, bool twoSameSelector)
{
    VerificationResults out;
    out.dkim.append(samples::signature(domain, QStringLiteral("s1"), dkim));
    if (twoSameSelector)
        out.dkim.append(samples::signature(domain, QStringLiteral("s1"), dkim, 1));
    if (!spf.isEmpty()) {
        SpfRecord record;
        record.result = spf;
        out.spf = record;
    }
    if (!dmarc.isEmpty()) {
        DmarcRecord record;
        record.result = dmarc;
        out.dmarc = record;
    }
    return out;
}

} // namespace

class TestStoreSummary : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void summaryEqualsGroupByAfterImport();
    void reverificationMovesTheCounts();
    void staleReverificationChangesNothing();
    void deliveryStatusUpdateMovesTheCounts();
    void directRewriteAndDeleteKeepTheInvariant();
    void bulkWriteCatchesUpAtCommit();
    void mixedBatchKeepsTheInvariant();
    void discardedBatchRestoresTheTriggers();
    void filtersTheSummaryCannotServeFallBack();
    void migrationFillsFromExistingRows();

private:
    void checkInvariant();
    void checkDashboard();
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    qint64 m_sourceA = 0;
    qint64 m_sourceB = 0;
    qint64 m_run1 = 0;
    qint64 m_run2 = 0;
    QList<qint64> m_ids;
};

void TestStoreSummary::checkInvariant()
{
    const QStringList summary =
        rows(*m_database, QStringLiteral("SELECT %1, messages FROM message_summary").arg(kMessageKeys));
    QCOMPARE(summary, rows(*m_database, kMessagesGrouped));
    QVERIFY(!summary.isEmpty());
    QCOMPARE(
        rows(*m_database, QStringLiteral("SELECT day_utc, from_domain, source_id, sdid, selector, result, "
                                         "signatures, messages FROM selector_summary")),
        rows(*m_database, kSelectorsGrouped));
    // The narrower tables equal the same GROUP BY without the day, or with only the per-day chart's keys.
    QCOMPARE(
        rows(*m_database, QStringLiteral("SELECT from_domain, source_id, dkim_result, spf_result, "
                                         "dmarc_result, is_dsn, is_bounce, bounce_domain, messages FROM "
                                         "message_totals")),
        rows(*m_database, QStringLiteral("SELECT from_domain, source_id, dkim_result, spf_result, "
                                         "dmarc_result, is_dsn, is_bounce, bounce_domain, SUM(messages) FROM "
                                         "message_summary GROUP BY 1, 2, 3, 4, 5, 6, 7, 8")));
    QCOMPARE(rows(*m_database,
                  QStringLiteral(
                      "SELECT day_utc, source_id, dkim_result, dmarc_result, messages FROM day_totals")),
             rows(*m_database,
                  QStringLiteral("SELECT day_utc, source_id, dkim_result, dmarc_result, COUNT(*) FROM "
                                 "messages GROUP BY 1, 2, 3, 4")));
    QCOMPARE(
        rows(*m_database, QStringLiteral("SELECT from_domain, source_id, sdid, selector, result, "
                                         "signatures, messages FROM selector_totals")),
        rows(*m_database, QStringLiteral("SELECT m.from_domain, m.source_id, s.sdid, s.selector, s.result, "
                                         "COUNT(*), COUNT(DISTINCT s.message_id) FROM messages m JOIN "
                                         "dkim_signatures s ON s.message_id = m.id AND s.run_id = "
                                         "m.latest_run_id GROUP BY 1, 2, 3, 4, 5")));
    checkDashboard();
}

// 120 messages over three domains, two sources and 12 days, mixed results; some with two signatures by
// the same selector (one message, two signatures), some by a second signer, some without a date, some
// bounces (attributed and not) and one delayed report.
void TestStoreSummary::initTestCase()
{
    auto opened = Database::open(m_dir.filePath(QStringLiteral("summary.authlens")));
    QVERIFY2(opened.database, qPrintable(opened.error));
    m_database = std::move(opened.database);
    ImportLog log(*m_database);
    m_sourceA = log.sourceId(QStringLiteral("mbox"), QStringLiteral("/a.mbox"));
    m_sourceB = log.sourceId(QStringLiteral("maildir"), QStringLiteral("/b"));
    VerificationRuns runs(*m_database);
    m_run1 = runs.begin(QStringLiteral("import"));
    const QStringList domains = {QStringLiteral("example.com"), QStringLiteral("example.org"),
                                 QStringLiteral("news.example")};
    const QStringList words = {QStringLiteral("pass"), QStringLiteral("fail"), QStringLiteral("temperror")};
    BatchWriter writer(*m_database);
    for (int i = 0; i < 120; ++i) {
        const QString domain = domains.at(i % 3);
        auto item =
            samples::message(i, domain, m_run1, words.at(i % 3 == 0 ? 0 : (i / 3) % 3), i % 12, i % 5 == 0);
        item.message.sourceId = i % 2 ? m_sourceA : m_sourceB;
        if (i % 7 == 0)
            item.results.dkim.append(
                samples::signature(domain, QStringLiteral("s1"), item.results.dkim[0].result, 2));
        if (i % 4 != 0) {
            SpfRecord spf;
            spf.result = words.at(i % 3);
            item.results.spf = spf;
        }
        if (i % 6 != 0) {
            DmarcRecord dmarc;
            dmarc.result = words.at((i / 2) % 2);
            item.results.dmarc = dmarc;
        }
        if (i % 17 == 0)
            item.message.date = QDateTime();
        if (i % 11 == 0) {
            item.message.fromDomain = QStringLiteral("mx.example.net");
            item.message.deliveryStatus = {
                true, i % 22 == 0 ? QStringLiteral("failed") : QStringLiteral("delayed"),
                QStringLiteral("5.1.1"), i % 33 == 0 ? QString() : domains.at((i / 11) % 3)};
        }
        const auto outcome = writer.write(item);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        m_ids << outcome.messageId;
    }
    QVERIFY(writer.flush());
    m_run2 = runs.begin(QStringLiteral("reverify"));
}

void TestStoreSummary::summaryEqualsGroupByAfterImport()
{
    checkInvariant();
    QCOMPARE(rows(*m_database, QStringLiteral("SELECT SUM(messages) FROM message_summary")),
             QStringList{QStringLiteral("120")});
    // The headline counts the bounces with and without a known sender.
    const HeadlineFigures all = Dashboard(*m_database).headline();
    QCOMPARE(all.messages, qint64(120));
    QVERIFY(all.bounces > 0);
    QVERIFY(all.unattributedBounces > 0);
}

// Every read, over filters the summaries serve, equals the same read over the messages.
void TestStoreSummary::checkDashboard()
{
    QList<MessageFilter> filters;
    filters << MessageFilter{};
    MessageFilter byDomain;
    byDomain.domain = QStringLiteral("example.org");
    filters << byDomain;
    MessageFilter bySource;
    bySource.sourceId = m_sourceA;
    filters << bySource;
    MessageFilter byDays;
    byDays.from = QDateTime(QDate(2026, 11, 4), QTime(0, 0), Qt::UTC);
    byDays.to = QDateTime(QDate(2026, 11, 9), QTime(0, 0), Qt::UTC);
    filters << byDays;
    MessageFilter byResult = byDays;
    byResult.dkimResult = QStringLiteral("fail");
    byResult.sourceId = m_sourceB;
    filters << byResult;
    MessageFilter byDmarc;
    byDmarc.dmarcResult = QStringLiteral("pass");
    byDmarc.domain = QStringLiteral("example.com");
    filters << byDmarc;
    int index = 0;
    for (const MessageFilter& filter : filters) {
        QVERIFY(Dashboard::summaryWhereClause(filter, true).has_value());
        Dashboard fromSummary(*m_database);
        Dashboard fromMessages(*m_database);
        fromMessages.setUseSummaries(false);
        const QByteArray where = "filter " + QByteArray::number(index++);
        QVERIFY2(describe(fromSummary.domains(filter)) == describe(fromMessages.domains(filter)), where);
        if (index == 1) // unfiltered
            QVERIFY2(!fromSummary.domains(filter).isEmpty(), where);
        QVERIFY2(describe(fromSummary.selectors(filter)) == describe(fromMessages.selectors(filter)), where);
        QVERIFY2(describe(fromSummary.perDay(filter)) == describe(fromMessages.perDay(filter)), where);
        QVERIFY2(describe(fromSummary.perWeek(filter)) == describe(fromMessages.perWeek(filter)), where);
        QVERIFY2(describe(fromSummary.bounces(filter)) == describe(fromMessages.bounces(filter)), where);
        QVERIFY2(fromSummary.messageCount(filter) == fromMessages.messageCount(filter), where);
        QVERIFY2(fromSummary.messageCount(filter) == MessageQueries(*m_database).count(filter), where);
        QVERIFY2(describe(fromSummary.headline(filter)) == describe(fromMessages.headline(filter)), where);
        QVERIFY2(fromSummary.lastError().isEmpty(), qPrintable(fromSummary.lastError()));
        QVERIFY2(fromMessages.lastError().isEmpty(), qPrintable(fromMessages.lastError()));
    }
}

// A later run changes results and signatures (two signatures by one selector become one, by another).
void TestStoreSummary::reverificationMovesTheCounts()
{
    BatchWriter writer(*m_database);
    for (int i = 0; i < 60; ++i) {
        const QString domain = i % 3 == 0 ? QStringLiteral("example.com") : QStringLiteral("example.org");
        const auto outcome = writer.writeVerification(
            m_ids.at(i), m_run2,
            results(domain, i % 2 ? QStringLiteral("pass") : QStringLiteral("fail"),
                    i % 4 ? QStringLiteral("softfail") : QString(), QStringLiteral("pass"), i % 3 == 1));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
    }
    QVERIFY(writer.flush());
    checkInvariant();
    QCOMPARE(rows(*m_database,
                  QStringLiteral("SELECT COUNT(*) FROM messages WHERE latest_run_id = %1").arg(m_run2)),
             QStringList{QStringLiteral("60")});
}

void TestStoreSummary::staleReverificationChangesNothing()
{
    const QStringList before = rows(*m_database, QStringLiteral("SELECT * FROM message_summary"));
    const QStringList selectorsBefore = rows(*m_database, QStringLiteral("SELECT * FROM selector_summary"));
    BatchWriter writer(*m_database);
    // Run 1 is older than the newest run of the first 60 messages: history only.
    for (int i = 0; i < 10; ++i)
        QVERIFY(writer
                    .writeVerification(m_ids.at(i), m_run1,
                                       results(QStringLiteral("x.example"), QStringLiteral("permerror"),
                                               QString(), QString(), false))
                    .ok);
    QVERIFY(writer.flush());
    checkInvariant();
    QCOMPARE(rows(*m_database, QStringLiteral("SELECT * FROM message_summary")), before);
    QCOMPARE(rows(*m_database, QStringLiteral("SELECT * FROM selector_summary")), selectorsBefore);
}

void TestStoreSummary::deliveryStatusUpdateMovesTheCounts()
{
    BatchWriter writer(*m_database);
    const qint64 run = VerificationRuns(*m_database).begin(QStringLiteral("reverify bounces"));
    for (int i = 60; i < 70; ++i) {
        VerificationResults update =
            results(QStringLiteral("example.com"), QStringLiteral("pass"), QString(), QString(), false);
        update.deliveryStatus = DeliveryStatusRecord{true, QStringLiteral("failed"), QStringLiteral("5.2.2"),
                                                     QStringLiteral("news.example")};
        QVERIFY(writer.writeVerification(m_ids.at(i), run, update).ok);
    }
    QVERIFY(writer.flush());
    checkInvariant();
}

void TestStoreSummary::directRewriteAndDeleteKeepTheInvariant()
{
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(
        QStringLiteral(
            "UPDATE messages SET from_domain = 'renamed.example', day_utc = day_utc + 1 WHERE id IN "
            "(%1, %2, %3)")
            .arg(m_ids.at(100))
            .arg(m_ids.at(101))
            .arg(m_ids.at(102))));
    checkInvariant();
    QVERIFY(query.exec(
        QStringLiteral("UPDATE messages SET latest_run_id = NULL WHERE id = %1").arg(m_ids.at(103))));
    checkInvariant();
    // A message deleted with its results (no code path does this today; a tool might). Its run is moved
    // away first: signatures have no delete trigger.
    QVERIFY(query.exec(
        QStringLiteral("UPDATE messages SET latest_run_id = NULL WHERE id = %1").arg(m_ids.at(105))));
    for (const char* table : {"dkim_signatures", "spf_results", "dmarc_results", "message_dns_records"})
        QVERIFY(query.exec(QStringLiteral("DELETE FROM %1 WHERE message_id = %2")
                               .arg(QLatin1String(table))
                               .arg(m_ids.at(105))));
    QVERIFY2(query.exec(QStringLiteral("DELETE FROM messages WHERE id = %1").arg(m_ids.at(105))),
             qPrintable(query.lastError().text()));
    checkInvariant();
}

// The import's writer inserts with the summary triggers off and adds the batch's counts at the commit
// (issue 5): until then the summaries do not have the new rows; after it they equal the GROUP BY again.
void TestStoreSummary::bulkWriteCatchesUpAtCommit()
{
    const qint64 run = VerificationRuns(*m_database).begin(QStringLiteral("bulk"));
    const QStringList before = rows(*m_database, QStringLiteral("SELECT SUM(messages) FROM message_totals"));
    BatchWriter writer(*m_database);
    for (int i = 0; i < 30; ++i) {
        auto item =
            samples::message(1000 + i, i % 2 ? QStringLiteral("example.com") : QStringLiteral("bulk.example"),
                             run, i % 3 ? QStringLiteral("pass") : QStringLiteral("fail"), i % 4, i % 5 == 0);
        if (i % 7 == 0)
            item.results.dkim.append(samples::signature(item.message.fromDomain, QStringLiteral("s1"),
                                                        item.results.dkim[0].result, 2));
        QVERIFY2(writer.write(item).ok, qPrintable(writer.lastError()));
        QVERIFY(writer.summariesDeferred());
    }
    // A duplicate in the same batch is not counted twice.
    QVERIFY(!writer.write(samples::message(1000, QStringLiteral("bulk.example"), run)).isNew);
    QCOMPARE(rows(*m_database, QStringLiteral("SELECT SUM(messages) FROM message_totals")), before);
    QVERIFY(writer.flush());
    QVERIFY(!writer.summariesDeferred());
    QCOMPARE(rows(*m_database, QStringLiteral("SELECT SUM(messages) FROM message_totals")),
             QStringList{QString::number(before.value(0).toLongLong() + 30)});
    checkInvariant();
}

// New messages, re-verification of messages written earlier in the same batch (the update triggers need
// the deferred rows counted first), more new messages, one message failing inside its savepoint: one commit.
void TestStoreSummary::mixedBatchKeepsTheInvariant()
{
    const qint64 first = VerificationRuns(*m_database).begin(QStringLiteral("mixed import"));
    const qint64 second = VerificationRuns(*m_database).begin(QStringLiteral("mixed reverify"));
    BatchWriter writer(*m_database);
    QList<qint64> ids;
    for (int i = 0; i < 20; ++i) {
        const auto outcome = writer.write(
            samples::message(2000 + i, QStringLiteral("mixed.example"), first,
                             i % 2 ? QStringLiteral("pass") : QStringLiteral("fail"), i % 3, i % 2 == 0));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        ids << outcome.messageId;
    }
    for (int i = 0; i < 10; ++i) {
        const auto outcome =
            writer.writeVerification(ids.at(i), second,
                                     results(QStringLiteral("mixed.example"), QStringLiteral("temperror"),
                                             QStringLiteral("pass"), QStringLiteral("fail"), i % 2 == 1));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QVERIFY(!writer.summariesDeferred());
    }
    for (int i = 20; i < 30; ++i)
        QVERIFY(writer.write(samples::message(2000 + i, QStringLiteral("mixed.example"), first)).ok);
    QVERIFY(writer.summariesDeferred());
    // A signature of an unknown run breaks the foreign key: that message is rolled back alone.
    auto broken = samples::message(2100, QStringLiteral("mixed.example"), 999999);
    QVERIFY(!writer.write(broken).ok);
    QVERIFY(writer.write(samples::message(2101, QStringLiteral("mixed.example"), second)).ok);
    QVERIFY(writer.flush());
    checkInvariant();
}

void TestStoreSummary::discardedBatchRestoresTheTriggers()
{
    const QStringList before = rows(*m_database, QStringLiteral("SELECT * FROM message_summary"));
    const qint64 run = VerificationRuns(*m_database).begin(QStringLiteral("discarded"));
    {
        BatchWriter writer(*m_database);
        for (int i = 0; i < 5; ++i)
            QVERIFY(writer.write(samples::message(3000 + i, QStringLiteral("gone.example"), run)).ok);
        QVERIFY(writer.summariesDeferred());
        writer.discard();
        QVERIFY(!writer.summariesDeferred());
    }
    QCOMPARE(rows(*m_database, QStringLiteral("SELECT * FROM message_summary")), before);
    // The connection's triggers run again for a direct write.
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("UPDATE messages SET from_domain = 'moved.example' WHERE id = %1")
                           .arg(m_ids.at(110))));
    QVERIFY(rows(*m_database, QStringLiteral("SELECT * FROM message_summary")) != before);
    checkInvariant();
}

void TestStoreSummary::filtersTheSummaryCannotServeFallBack()
{
    MessageFilter text;
    text.text = QStringLiteral("message 1");
    QVERIFY(!Dashboard::summaryWhereClause(text, true));
    MessageFilter selector;
    selector.selector = QStringLiteral("s1");
    QVERIFY(!Dashboard::summaryWhereClause(selector, true));
    MessageFilter partDay;
    partDay.from = QDateTime(QDate(2026, 11, 4), QTime(12, 0), Qt::UTC);
    QVERIFY(!Dashboard::summaryWhereClause(partDay, true));
    MessageFilter epoch;
    epoch.to = QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
    QVERIFY(!Dashboard::summaryWhereClause(epoch, true));
    MessageFilter result;
    result.dkimResult = QStringLiteral("pass");
    QVERIFY(Dashboard::summaryWhereClause(result, true));
    QVERIFY(!Dashboard::summaryWhereClause(result, false)); // selector_summary keeps no message results
    // A part-day range still answers, from the messages.
    Dashboard dashboard(*m_database);
    Dashboard reference(*m_database);
    reference.setUseSummaries(false);
    QCOMPARE(describe(dashboard.domains(partDay)), describe(reference.domains(partDay)));
    QCOMPARE(describe(dashboard.selectors(result)), describe(reference.selectors(result)));
}

// Rows written at version 6 (before the summaries existed), re-verified there, then migrated: the
// migration's fill equals the GROUP BY, and the triggers carry on from it.
void TestStoreSummary::migrationFillsFromExistingRows()
{
    const QString path = m_dir.filePath(QStringLiteral("v6.authlens"));
    {
        Database::OpenOptions options;
        options.targetVersion = 6;
        auto opened = Database::open(path, options);
        QVERIFY2(opened.database, qPrintable(opened.error));
        VerificationRuns runs(*opened.database);
        const qint64 run = runs.begin(QStringLiteral("import at v6"));
        BatchWriter writer(*opened.database);
        QList<qint64> ids;
        for (int i = 0; i < 40; ++i) {
            auto item =
                samples::message(i, i % 2 ? QStringLiteral("a.example") : QStringLiteral("b.example"), run,
                                 i % 3 ? QStringLiteral("pass") : QStringLiteral("fail"), i % 5, i % 4 == 0);
            if (i % 9 == 0)
                item.message.deliveryStatus = {true, QStringLiteral("failed"), QStringLiteral("5.1.1"),
                                               QStringLiteral("a.example")};
            const auto outcome = writer.write(item);
            QVERIFY2(outcome.ok, qPrintable(outcome.error));
            ids << outcome.messageId;
        }
        const qint64 later = runs.begin(QStringLiteral("reverify at v6"));
        for (int i = 0; i < 10; ++i)
            QVERIFY(writer
                        .writeVerification(ids.at(i), later,
                                           results(QStringLiteral("a.example"), QStringLiteral("neutral"),
                                                   QString(), QStringLiteral("fail"), true))
                        .ok);
        QVERIFY(writer.flush());
    }
    auto opened = Database::open(path);
    QVERIFY2(opened.database, qPrintable(opened.error));
    QCOMPARE(opened.database->schemaVersion(), Schema::latestVersion());
    std::swap(m_database, opened.database);
    checkInvariant();
    QCOMPARE(rows(*m_database, QStringLiteral("SELECT SUM(messages) FROM message_totals")),
             QStringList{QStringLiteral("40")});
    QCOMPARE(rows(*m_database, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE "
                                              "'messages_summary_by_%'")),
             QStringList{QStringLiteral("1")}); // the date one stays for the message list
    BatchWriter writer(*m_database);
    const qint64 run = VerificationRuns(*m_database).begin(QStringLiteral("after migration"));
    QVERIFY(writer.write(samples::message(500, QStringLiteral("c.example"), run)).ok);
    QVERIFY(writer.flush());
    checkInvariant();
    std::swap(m_database, opened.database);
}

QTEST_GUILESS_MAIN(TestStoreSummary)
#include "tst_store_summary.moc"
