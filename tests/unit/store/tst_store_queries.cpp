// SPDX-License-Identifier: GPL-3.0-or-later
// The views' reads: dashboard figures per domain, selector, day and week; the message list's pages,
// their index use, and their speed at 50,000 rows, or AUTHLENS_STORE_ROWS (measured and reported, not
// asserted).
#include "StoreSamples.h"

#include "store/BatchWriter.h"
#include "store/Dashboard.h"
#include "store/Database.h"
#include "store/ImportLog.h"
#include "store/MessageQueries.h"
#include "store/VerificationRuns.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <ctime>

using namespace authlens::store;

namespace {

bool usesIndexWithoutSorting(const QStringList& plan)
{
    const QString joined = plan.join(QLatin1String(" | "));
    return joined.contains(QLatin1String("USING INDEX")) ||
           joined.contains(QLatin1String("USING COVERING INDEX")) ||
           joined.contains(QLatin1String("USING INTEGER PRIMARY KEY"));
}

bool sortsInTempTree(const QStringList& plan)
{
    return plan.join(QLatin1Char(' ')).contains(QLatin1String("TEMP B-TREE"));
}

} // namespace

class TestStoreQueries : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dashboardPerDomainAndSelector();
    void dashboardPerDayAndWeek();
    void headlineFigures();
    void filtersNarrow();
    void pagesByOffsetAndKeyset();
    void pageQueriesUseAnIndex();
    void pageRowsCarryTheirSignatures();
    void pageRowsCountTheNewestRunsFindings();
    void pageCursorsJumpLikeOffsets_data();
    void pageCursorsJumpLikeOffsets();
    void pagesAtScale();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    qint64 m_sourceA = 0;
    qint64 m_sourceB = 0;
};

// 30 messages from example.com (20 pass, 10 fail; 10 with a second, passing ESP signature), 12 from
// example.org (all without signatures), spread over 10 days; example.com has DMARC results.
void TestStoreQueries::initTestCase()
{
    auto opened = Database::open(m_dir.filePath(QStringLiteral("queries.authlens")));
    QVERIFY2(opened.database, qPrintable(opened.error));
    m_database = std::move(opened.database);
    ImportLog log(*m_database);
    m_sourceA = log.sourceId(QStringLiteral("mbox"), QStringLiteral("/a.mbox"));
    m_sourceB = log.sourceId(QStringLiteral("maildir"), QStringLiteral("/b"));
    const qint64 runId = VerificationRuns(*m_database).begin(QStringLiteral("import"));
    BatchWriter writer(*m_database);
    for (int i = 0; i < 30; ++i) {
        auto item =
            samples::message(i, QStringLiteral("example.com"), runId,
                             i < 20 ? QStringLiteral("pass") : QStringLiteral("fail"), i % 10, i % 3 == 0);
        item.message.sourceId = m_sourceA;
        DmarcRecord dmarc;
        dmarc.result = i < 20 ? QStringLiteral("pass") : QStringLiteral("fail");
        dmarc.fromDomain = QStringLiteral("example.com");
        item.results.dmarc = dmarc;
        SpfRecord spf;
        spf.result = i < 15 ? QStringLiteral("pass") : QStringLiteral("softfail");
        item.results.spf = spf;
        if (i == 0) {
            FindingRecord finding;
            finding.id = QStringLiteral("dkim.key.rsa-short");
            finding.severity = FindingSeverity::Error;
            finding.subject = QStringLiteral("s1._domainkey.example.com");
            item.results.findings << finding;
        }
        QVERIFY(writer.write(item).ok);
    }
    for (int i = 100; i < 112; ++i) {
        auto item = samples::message(i, QStringLiteral("example.org"), runId, QString(), i % 10);
        item.results.dkim.clear();
        item.message.sourceId = m_sourceB;
        QVERIFY(writer.write(item).ok);
    }
    QVERIFY(writer.flush());
}

void TestStoreQueries::dashboardPerDomainAndSelector()
{
    Dashboard dashboard(*m_database);
    const QList<DomainStats> domains = dashboard.domains();
    QVERIFY2(dashboard.lastError().isEmpty(), qPrintable(dashboard.lastError()));
    QCOMPARE(domains.size(), 2);
    QCOMPARE(domains.at(0).domain, QStringLiteral("example.com"));
    QCOMPARE(domains.at(0).messages, 30);
    // Messages 20..29 fail on s1; those of them with an ESP signature (21, 24, 27) pass overall.
    QCOMPARE(domains.at(0).dkim.count(QStringLiteral("pass")), 23);
    QCOMPARE(domains.at(0).dkim.count(QStringLiteral("fail")), 7);
    QCOMPARE(domains.at(0).dmarc.count(QStringLiteral("pass")), 20);
    QCOMPARE(domains.at(0).spf.count(QStringLiteral("softfail")), 15);
    QCOMPARE(domains.at(1).domain, QStringLiteral("example.org"));
    QCOMPARE(domains.at(1).dkim.count(QStringLiteral("none")), 12);
    QCOMPARE(domains.at(1).spf.total(), 0);

    const QList<SelectorStats> selectors = dashboard.selectors();
    QCOMPARE(selectors.size(), 2);
    QCOMPARE(selectors.at(0).selector, QStringLiteral("s1"));
    QCOMPARE(selectors.at(0).domain, QStringLiteral("example.com"));
    QCOMPARE(selectors.at(0).messages, 30);
    QCOMPARE(selectors.at(0).dkim.count(QStringLiteral("pass")), 20);
    QCOMPARE(selectors.at(0).dkim.count(QStringLiteral("fail")), 10);
    QCOMPARE(selectors.at(1).sdid, QStringLiteral("esp.example"));
    QCOMPARE(selectors.at(1).messages, 10);
    QCOMPARE(selectors.at(1).dkim.passPercent(), 100.0);
}

void TestStoreQueries::dashboardPerDayAndWeek()
{
    Dashboard dashboard(*m_database);
    const QList<PeriodStats> days = dashboard.perDay();
    QCOMPARE(days.size(), 10);
    QCOMPARE(days.first().start, QDate(2026, 11, 2));
    qint64 total = 0;
    for (const PeriodStats& day : days) {
        QCOMPARE(day.messages, day.start == QDate(2026, 11, 2) || day.start == QDate(2026, 11, 3) ? 5 : 4);
        total += day.messages;
    }
    QCOMPARE(total, 42);
    // 2026-11-02 is a Monday: days 0-6 fall in one week, 7-9 in the next.
    const QList<PeriodStats> weeks = dashboard.perWeek();
    QCOMPARE(weeks.size(), 2);
    QCOMPARE(weeks.at(0).start, QDate(2026, 11, 2));
    QCOMPARE(weeks.at(1).start, QDate(2026, 11, 9));
    QCOMPARE(weeks.at(0).messages + weeks.at(1).messages, 42);
    QCOMPARE(weeks.at(1).messages, 12);
}

void TestStoreQueries::headlineFigures()
{
    const HeadlineFigures figures = Dashboard(*m_database).headline();
    QCOMPARE(figures.messages, 42);
    QCOMPARE(figures.domains, 2);
    QCOMPARE(qRound(figures.dkimPassPercent * 100), qRound(100.0 * 23 / 42 * 100));
    QCOMPARE(figures.dmarcEvaluated, 30);
    QCOMPARE(qRound(figures.dmarcPassPercent * 100), qRound(100.0 * 20 / 30 * 100));
    QCOMPARE(figures.findingsBySeverity.value(QStringLiteral("error")), 1);
}

void TestStoreQueries::filtersNarrow()
{
    Dashboard dashboard(*m_database);
    MessageFilter bySource;
    bySource.sourceId = m_sourceB;
    QCOMPARE(dashboard.headline(bySource).messages, 12);
    MessageFilter byDomain;
    byDomain.domain = QStringLiteral("Example.COM");
    QCOMPARE(dashboard.domains(byDomain).size(), 1);
    QCOMPARE(dashboard.selectors(byDomain).size(), 2);
    MessageFilter byDate;
    byDate.from = QDateTime(QDate(2026, 11, 4), QTime(0, 0), Qt::UTC);
    byDate.to = QDateTime(QDate(2026, 11, 6), QTime(0, 0), Qt::UTC);
    QCOMPARE(dashboard.headline(byDate).messages, 8);
    QCOMPARE(dashboard.perDay(byDate).size(), 2);
    QCOMPARE(MessageQueries(*m_database).count(byDate), 8);
}

void TestStoreQueries::pagesByOffsetAndKeyset()
{
    MessageQueries queries(*m_database);
    MessageListQuery request;
    request.limit = 10;
    QList<qint64> byOffset;
    for (int pageNumber = 0; pageNumber < 5; ++pageNumber) {
        request.offset = pageNumber * 10;
        const MessagePage page = queries.page(request);
        QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
        for (const MessageListRow& row : page.rows)
            byOffset << row.id;
    }
    QCOMPARE(byOffset.size(), 42);
    request.offset = 0;
    QList<qint64> byKeyset;
    QDateTime previous;
    for (;;) {
        const MessagePage page = queries.page(request);
        for (const MessageListRow& row : page.rows) {
            byKeyset << row.id;
            if (previous.isValid())
                QVERIFY(row.date <= previous); // newest first
            previous = row.date;
        }
        if (!page.next)
            break;
        request.after = page.next;
    }
    QCOMPARE(byKeyset, byOffset);
    // Sorted by domain, ascending, filtered to one domain.
    MessageListQuery byDomain;
    byDomain.sortKey = MessageSortKey::FromDomain;
    byDomain.descending = false;
    byDomain.filter.domain = QStringLiteral("example.org");
    byDomain.limit = 100;
    const MessagePage page = queries.page(byDomain);
    QCOMPARE(page.rows.size(), 12);
    QCOMPARE(page.rows.first().fromDomain, QStringLiteral("example.org"));
    QCOMPARE(page.rows.first().dkimResult, QStringLiteral("none")); // verified, no signature
    QVERIFY(!page.next);
}

void TestStoreQueries::pageRowsCarryTheirSignatures()
{
    MessageQueries queries(*m_database);
    MessageListQuery request;
    request.limit = 100;
    request.sortKey = MessageSortKey::Id;
    request.descending = false;
    const MessagePage page = queries.page(request);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.rows.size(), 42);
    int withTwo = 0;
    for (const MessageListRow& row : page.rows) {
        if (row.fromDomain == QLatin1String("example.org")) {
            QVERIFY(row.signatures.isEmpty());
            continue;
        }
        QVERIFY(!row.signatures.isEmpty());
        const SignatureBrief& first = row.signatures.first();
        QCOMPARE(first.sdid, QStringLiteral("example.com"));
        QCOMPARE(first.selector, QStringLiteral("s1"));
        // Messages 20..29 (by import order) fail on s1.
        const int number = row.subject.mid(8).toInt();
        QCOMPARE(first.result, number < 20 ? QStringLiteral("pass") : QStringLiteral("fail"));
        if (row.signatures.size() == 2) {
            ++withTwo;
            QCOMPARE(row.signatures.at(1).sdid, QStringLiteral("esp.example"));
            QCOMPARE(row.signatures.at(1).selector, QStringLiteral("esp"));
            QCOMPARE(row.signatures.at(1).result, QStringLiteral("pass"));
            QCOMPARE(number % 3, 0);
        }
    }
    QCOMPARE(withTwo, 10);
    // Message 0 carries one error finding; every other verified message none.
    for (const MessageListRow& row : page.rows) {
        const bool first = row.subject == QLatin1String("Message 0");
        QCOMPARE(row.findingCount, first ? 1 : 0);
        QCOMPARE(row.findingWorst, first ? QStringLiteral("error") : QString());
    }
}

void TestStoreQueries::pageRowsCountTheNewestRunsFindings()
{
    QTemporaryDir dir;
    auto opened = Database::open(dir.filePath(QStringLiteral("findings.authlens")));
    QVERIFY(opened.database);
    Database& database = *opened.database;
    VerificationRuns runs(database);
    const qint64 first = runs.begin(QStringLiteral("import"));
    BatchWriter writer(database);
    const BatchWriter::Outcome stored =
        writer.write(samples::message(1, QStringLiteral("example.com"), first));
    QVERIFY(stored.ok);
    auto unverified = samples::message(2, QStringLiteral("example.com"), 0);
    QVERIFY(writer.write(unverified).ok);
    QVERIFY(writer.flush());
    auto rowOf = [&](qint64 id) {
        MessageListQuery query;
        query.limit = 10;
        for (const MessageListRow& row : MessageQueries(database).page(query).rows)
            if (row.id == id)
                return row;
        return MessageListRow{};
    };
    QCOMPARE(rowOf(stored.messageId).findingCount, 0);
    QCOMPARE(rowOf(stored.messageId + 1).findingCount, -1); // never verified: unknown, not zero

    // A newer run with a warning and an error replaces the count; an older run's results do not.
    const qint64 second = runs.begin(QStringLiteral("reverify"));
    VerificationResults results;
    FindingRecord warning;
    warning.id = QStringLiteral("dmarc.policy.none");
    warning.severity = FindingSeverity::Warning;
    FindingRecord error = warning;
    error.id = QStringLiteral("dkim.key.revoked");
    error.severity = FindingSeverity::Error;
    results.findings << warning << error;
    QVERIFY(writer.writeVerification(stored.messageId, second, results).ok);
    QVERIFY(writer.flush());
    QCOMPARE(rowOf(stored.messageId).findingCount, 2);
    QCOMPARE(rowOf(stored.messageId).findingWorst, QStringLiteral("error"));
    VerificationResults older;
    older.findings << warning;
    QVERIFY(writer.writeVerification(stored.messageId, first, older).ok);
    QVERIFY(writer.flush());
    QCOMPARE(rowOf(stored.messageId).findingCount, 2);
}

void TestStoreQueries::pageCursorsJumpLikeOffsets_data()
{
    QTest::addColumn<int>("sortKey");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("date, newest first, 5 per page") << int(MessageSortKey::Date) << true << QString() << 5;
    QTest::newRow("date, oldest first, 7 per page") << int(MessageSortKey::Date) << false << QString() << 7;
    QTest::newRow("subject, 4 per page") << int(MessageSortKey::Subject) << false << QString() << 4;
    QTest::newRow("one domain, 3 per page")
        << int(MessageSortKey::Date) << true << QStringLiteral("example.com") << 3;
    QTest::newRow("one page larger than all") << int(MessageSortKey::Date) << true << QString() << 100;
}

// Every page reached through its boundary cursor holds exactly the rows the OFFSET query gives.
void TestStoreQueries::pageCursorsJumpLikeOffsets()
{
    QFETCH(int, sortKey);
    QFETCH(bool, descending);
    QFETCH(QString, domain);
    QFETCH(int, pageSize);
    MessageQueries queries(*m_database);
    MessageListQuery request;
    request.sortKey = MessageSortKey(sortKey);
    request.descending = descending;
    request.filter.domain = domain;
    request.limit = pageSize;
    const QList<MessageCursor> cursors = queries.pageCursors(request, pageSize);
    const qint64 total = queries.count(request.filter);
    QCOMPARE(qint64(cursors.size()), total / pageSize);
    for (int pageNumber = 1; pageNumber * pageSize < total; ++pageNumber) {
        MessageListQuery byOffset = request;
        byOffset.offset = qint64(pageNumber) * pageSize;
        MessageListQuery byCursor = request;
        byCursor.after = cursors.at(pageNumber - 1);
        const MessagePage expected = queries.page(byOffset);
        const MessagePage jumped = queries.page(byCursor);
        QVERIFY2(jumped.error.isEmpty(), qPrintable(jumped.error));
        QCOMPARE(jumped.rows.size(), expected.rows.size());
        for (qsizetype i = 0; i < expected.rows.size(); ++i)
            QCOMPARE(jumped.rows.at(i).id, expected.rows.at(i).id);
        // The cursor is the last row of the page before.
        MessageListQuery previous = request;
        previous.offset = qint64(pageNumber - 1) * pageSize;
        QCOMPARE(cursors.at(pageNumber - 1).id, queries.page(previous).rows.last().id);
    }
    std::atomic<bool> stop{true};
    QVERIFY(queries.pageCursors(request, pageSize, &stop).isEmpty());
}

void TestStoreQueries::pageQueriesUseAnIndex()
{
    const SqlDialect& dialect = m_database->dialect();
    MessageListQuery newest;
    MessageQueries::Statement statement = MessageQueries::pageStatement(newest);
    QStringList plan = dialect.queryPlan(m_database->connection(), statement.sql, statement.bindings);
    QVERIFY2(usesIndexWithoutSorting(plan) && !sortsInTempTree(plan),
             qPrintable(plan.join(QLatin1String(" | "))));

    MessageListQuery keyset;
    keyset.after = MessageCursor{QVariant(qint64(1790000000000)), 5};
    statement = MessageQueries::pageStatement(keyset);
    plan = dialect.queryPlan(m_database->connection(), statement.sql, statement.bindings);
    QVERIFY2(usesIndexWithoutSorting(plan) && !sortsInTempTree(plan),
             qPrintable(plan.join(QLatin1String(" | "))));

    MessageListQuery oneDomain;
    oneDomain.filter.domain = QStringLiteral("example.com");
    statement = MessageQueries::pageStatement(oneDomain);
    plan = dialect.queryPlan(m_database->connection(), statement.sql, statement.bindings);
    QVERIFY2(plan.join(QLatin1Char(' ')).contains(QLatin1String("messages_by_domain")) &&
                 !sortsInTempTree(plan),
             qPrintable(plan.join(QLatin1String(" | "))));

    MessageListQuery oneSource;
    oneSource.filter.sourceId = m_sourceA;
    statement = MessageQueries::pageStatement(oneSource);
    plan = dialect.queryPlan(m_database->connection(), statement.sql, statement.bindings);
    QVERIFY2(usesIndexWithoutSorting(plan) && !sortsInTempTree(plan),
             qPrintable(plan.join(QLatin1String(" | "))));
}

void TestStoreQueries::pagesAtScale()
{
    QTemporaryDir dir;
    auto opened = Database::open(dir.filePath(QStringLiteral("large.authlens")));
    QVERIFY(opened.database);
    Database& database = *opened.database;
    const qint64 runId = VerificationRuns(database).begin(QStringLiteral("bulk"));
    const int total = qEnvironmentVariableIntValue("AUTHLENS_STORE_ROWS") > 0
                          ? qEnvironmentVariableIntValue("AUTHLENS_STORE_ROWS")
                          : 50000;
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    {
        BatchWriter writer(database);
        for (int i = 0; i < total; ++i) {
            const QString domain = QStringLiteral("sender%1.example").arg(i % 500);
            const auto outcome = writer.write(samples::message(
                i, domain, runId, i % 7 == 0 ? QStringLiteral("fail") : QStringLiteral("pass"), i % 365,
                i % 2 == 0));
            if (!outcome.ok)
                QFAIL(qPrintable(outcome.error));
        }
        QVERIFY(writer.flush());
    }
    const double insertSeconds = double(timer.elapsed()) / 1000.0;
    // CPU time too: on a shared machine the wall clock mostly measures the other processes.
    const double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    qInfo("insert: %d messages (1-2 DKIM signatures each, raw compressed) in %.1f s wall = %.0f messages/s; "
          "%.1f s CPU = %.0f messages/CPU-second",
          total, insertSeconds, total / insertSeconds, cpuSeconds, total / cpuSeconds);

    MessageQueries queries(database);
    MessageListQuery request;
    request.limit = 200;
    auto measure = [&](const char* label, const MessageListQuery& query) {
        QElapsedTimer clock;
        clock.start();
        const MessagePage page = queries.page(query);
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        qInfo("page %s: %lld rows in %.2f ms", label, qint64(page.rows.size()), ms);
        return page;
    };
    MessagePage first = measure("first, newest first", request);
    QCOMPARE(first.rows.size(), 200);
    request.offset = total / 2;
    QCOMPARE(measure("at offset total/2", request).rows.size(), 200);
    request.offset = 0;
    request.after = first.next;
    QCOMPARE(measure("second by keyset", request).rows.size(), 200);
    {
        QElapsedTimer cursorClock;
        cursorClock.start();
        MessageListQuery all;
        const QList<MessageCursor> cursors = queries.pageCursors(all, 64);
        qInfo("page cursors: %lld boundaries in %.0f ms", qint64(cursors.size()),
              double(cursorClock.elapsed()));
        QCOMPARE(qint64(cursors.size()), qint64(total / 64));
        all.limit = 64;
        all.after = cursors.at(cursors.size() / 2);
        QCOMPARE(measure("in the middle by its page cursor", all).rows.size(), 64);
    }
    MessageListQuery oneDomain;
    oneDomain.filter.domain = QStringLiteral("sender42.example");
    QCOMPARE(measure("one domain, newest first", oneDomain).rows.size(), qMin(200, total / 500));

    QElapsedTimer clock;
    clock.start();
    Dashboard dashboard(database);
    const QList<DomainStats> domains = dashboard.domains();
    qInfo("dashboard domains: %lld domains in %.0f ms", qint64(domains.size()), double(clock.elapsed()));
    QCOMPARE(domains.size(), 500);
    clock.restart();
    const QList<SelectorStats> selectors = dashboard.selectors();
    qInfo("dashboard selectors: %lld rows in %.0f ms", qint64(selectors.size()), double(clock.elapsed()));
    clock.restart();
    QCOMPARE(dashboard.headline().messages, total);
    qInfo("headline: %.0f ms", double(clock.elapsed()));
}

QTEST_GUILESS_MAIN(TestStoreQueries)
#include "tst_store_queries.moc"
