// SPDX-License-Identifier: GPL-3.0-or-later
// Bounces in the store (issue 9): delivery status notifications kept per message, counted per sending
// domain against the messages it sent, narrowed by the dashboard's filter, listed behind a bar, filled in
// by a re-verification for rows stored before schema version 5, and the computed findings kept current.
#include "StoreSamples.h"

#include "store/BatchWriter.h"
#include "store/Dashboard.h"
#include "store/Database.h"
#include "store/Findings.h"
#include "store/ImportLog.h"
#include "store/MessageQueries.h"
#include "store/VerificationRuns.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace authlens::store;

namespace {

DeliveryStatusRecord report(const QString& action, const QString& status, const QString& originalDomain)
{
    return {true, action, status, originalDomain};
}

const BounceStats* find(const QList<BounceStats>& list, const QString& domain)
{
    for (const BounceStats& stats : list) {
        if (stats.domain == domain)
            return &stats;
    }
    return nullptr;
}

} // namespace

class TestStoreBounces : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void countsPerSendingDomain();
    void headlineCountsBounces();
    void filterNarrowsBothSides();
    void bouncesForListsTheReports();
    void bounceCountUsesTheIndex();
    void reverificationFillsOlderRows();
    void computedFindingsFollowTheCounts();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    qint64 m_sourceA = 0;
    qint64 m_sourceB = 0;
    qint64 m_runId = 0;
};

// example.com sends 40 (source A, days 0..9) and gets 3 bounces (7.5%, over 5%): two on day 0 from source
// A, one on day 5 from source B. example.org sends 50 (source B) and gets 1 bounce (2%) and 1 delay (not
// a bounce). news.example sends none in the sample and gets 2 bounces (rate unknown). One bounce does not
// say who sent the original. The reports come From mx.example.net, which sends nothing itself.
void TestStoreBounces::initTestCase()
{
    auto opened = Database::open(m_dir.filePath(QStringLiteral("bounces.authlens")));
    QVERIFY2(opened.database, qPrintable(opened.error));
    m_database = std::move(opened.database);
    ImportLog log(*m_database);
    m_sourceA = log.sourceId(QStringLiteral("mbox"), QStringLiteral("/a.mbox"));
    m_sourceB = log.sourceId(QStringLiteral("maildir"), QStringLiteral("/b"));
    m_runId = VerificationRuns(*m_database).begin(QStringLiteral("import"));
    BatchWriter writer(*m_database);
    for (int i = 0; i < 40; ++i) {
        auto item =
            samples::message(i, QStringLiteral("example.com"), m_runId, QStringLiteral("pass"), i % 10);
        item.message.sourceId = m_sourceA;
        QVERIFY(writer.write(item).ok);
    }
    for (int i = 100; i < 150; ++i) {
        auto item =
            samples::message(i, QStringLiteral("example.org"), m_runId, QStringLiteral("pass"), i % 10);
        item.message.sourceId = m_sourceB;
        QVERIFY(writer.write(item).ok);
    }
    struct Report
    {
        int number;
        int day;
        qint64 source;
        DeliveryStatusRecord status;
    };
    const Report reports[] = {
        {200, 0, m_sourceA,
         report(QStringLiteral("failed"), QStringLiteral("5.1.1"), QStringLiteral("example.com"))},
        {201, 0, m_sourceA,
         report(QStringLiteral("failed"), QStringLiteral("5.2.2"), QStringLiteral("Example.COM"))},
        {202, 5, m_sourceB,
         report(QStringLiteral("failed"), QStringLiteral("5.1.1"), QStringLiteral("example.com"))},
        {203, 1, m_sourceB,
         report(QStringLiteral("failed"), QStringLiteral("5.1.1"), QStringLiteral("example.org"))},
        {204, 1, m_sourceB,
         report(QStringLiteral("delayed"), QStringLiteral("4.4.7"), QStringLiteral("example.org"))},
        {205, 2, m_sourceA,
         report(QStringLiteral("failed"), QStringLiteral("5.1.1"), QStringLiteral("news.example"))},
        {206, 3, m_sourceA,
         report(QStringLiteral("failed"), QStringLiteral("5.7.1"), QStringLiteral("news.example"))},
        {207, 3, m_sourceA, report(QStringLiteral("failed"), QStringLiteral("5.0.0"), QString())},
    };
    for (const Report& one : reports) {
        auto item = samples::message(one.number, QStringLiteral("mx.example.net"), m_runId,
                                     QStringLiteral("pass"), one.day);
        item.message.sourceId = one.source;
        item.message.deliveryStatus = one.status;
        QVERIFY(writer.write(item).ok);
    }
    QVERIFY(writer.flush());
}

void TestStoreBounces::countsPerSendingDomain()
{
    Dashboard dashboard(*m_database);
    const QList<BounceStats> bounces = dashboard.bounces();
    QVERIFY2(dashboard.lastError().isEmpty(), qPrintable(dashboard.lastError()));
    QCOMPARE(bounces.size(), 3); // mx.example.net sent only reports: not a sender
    // Highest known rate first; the unknown rate last.
    QCOMPARE(bounces.at(0).domain, QStringLiteral("example.com"));
    QCOMPARE(bounces.at(0).sent, 40);
    QCOMPARE(bounces.at(0).bounces, 3); // the domain is compared in lower case
    QCOMPARE(*bounces.at(0).rate(), 0.075);
    QVERIFY(bounces.at(0).overThreshold());
    QCOMPARE(bounces.at(1).domain, QStringLiteral("example.org"));
    QCOMPARE(bounces.at(1).sent, 50);
    QCOMPARE(bounces.at(1).bounces, 1); // the delay is no bounce
    QCOMPARE(*bounces.at(1).rate(), 0.02);
    QVERIFY(!bounces.at(1).overThreshold());
    QCOMPARE(bounces.at(2).domain, QStringLiteral("news.example"));
    QCOMPARE(bounces.at(2).sent, 0);
    QCOMPARE(bounces.at(2).bounces, 2);
    QVERIFY(!bounces.at(2).rate());
    QVERIFY(!bounces.at(2).overThreshold());

    // Exactly 5% is not over.
    const BounceStats edge{QStringLiteral("edge.example"), 20, 1};
    QVERIFY(!edge.overThreshold());
    const BounceStats over{QStringLiteral("edge.example"), 20, 2};
    QVERIFY(over.overThreshold());
}

void TestStoreBounces::headlineCountsBounces()
{
    Dashboard dashboard(*m_database);
    const HeadlineFigures all = dashboard.headline();
    QCOMPARE(all.bounces, 7); // 3 + 1 + 2 attributed, 1 not
    QCOMPARE(all.unattributedBounces, 1);
    QCOMPARE(all.bounceDomainsOverThreshold, 1);
    QCOMPARE(all.messages, 98); // the reports are messages too

    MessageFilter org;
    org.domain = QStringLiteral("example.org");
    const HeadlineFigures one = dashboard.headline(org);
    QCOMPARE(one.bounces, 1);
    QCOMPARE(one.bounceDomainsOverThreshold, 0);
}

void TestStoreBounces::filterNarrowsBothSides()
{
    Dashboard dashboard(*m_database);
    // Days 0..4: example.com sent 20 (days 0-4 of 0..9) and got the two bounces of day 0.
    MessageFilter firstDays;
    firstDays.from = QDateTime(QDate(2026, 11, 2), QTime(0, 0), Qt::UTC);
    firstDays.to = QDateTime(QDate(2026, 11, 7), QTime(0, 0), Qt::UTC);
    // Held in a variable: find() points into the list, which must outlive the comparisons.
    const QList<BounceStats> firstDaysStats = dashboard.bounces(firstDays);
    const BounceStats* com = find(firstDaysStats, QStringLiteral("example.com"));
    QVERIFY(com);
    QCOMPARE(com->sent, 20);
    QCOMPARE(com->bounces, 2);

    // Source B holds example.org's mail and one of example.com's bounces, none of its sent mail.
    MessageFilter sourceB;
    sourceB.sourceId = m_sourceB;
    const QList<BounceStats> inB = dashboard.bounces(sourceB);
    com = find(inB, QStringLiteral("example.com"));
    QVERIFY(com);
    QCOMPARE(com->sent, 0);
    QCOMPARE(com->bounces, 1);
    QVERIFY(!com->rate());
    QVERIFY(!find(inB, QStringLiteral("news.example")));

    // The domain filter matches the sender on one side and the original's sender on the other.
    MessageFilter domain;
    domain.domain = QStringLiteral("NEWS.example");
    const QList<BounceStats> news = dashboard.bounces(domain);
    QCOMPARE(news.size(), 1);
    QCOMPARE(news.at(0).domain, QStringLiteral("news.example"));
    QCOMPARE(news.at(0).bounces, 2);
}

void TestStoreBounces::bouncesForListsTheReports()
{
    MessageQueries queries(*m_database);
    MessageFilter filter;
    filter.bouncesFor = QStringLiteral("example.com");
    QCOMPARE(queries.count(filter), 3);
    MessageListQuery list;
    list.filter = filter;
    const MessagePage page = queries.page(list);
    QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
    QCOMPARE(page.rows.size(), 3);
    for (const MessageListRow& row : page.rows)
        QCOMPARE(row.fromDomain, QStringLiteral("mx.example.net"));
    filter.bouncesFor = QStringLiteral("example.org");
    QCOMPARE(queries.count(filter), 1); // not the delay
    filter.bouncesFor = QStringLiteral("mx.example.net");
    QCOMPARE(queries.count(filter), 0);
}

void TestStoreBounces::bounceCountUsesTheIndex()
{
    const QStringList plan = m_database->dialect().queryPlan(
        m_database->connection(),
        QStringLiteral("SELECT m.dsn_original_domain, COUNT(*) FROM messages m WHERE m.date_utc >= ? AND "
                       "m.dsn_original_domain IS NOT NULL AND m.dsn_action = 'failed' AND m.is_dsn = 1 "
                       "GROUP BY m.dsn_original_domain"),
        {qint64(0)});
    QVERIFY2(plan.join(QLatin1Char(' ')).contains(QLatin1String("messages_by_dsn_domain")),
             qPrintable(plan.join(QLatin1String(" | "))));
}

// A row stored before schema version 5 reads as an ordinary message; re-verification reads its bytes
// again and says it is a report.
void TestStoreBounces::reverificationFillsOlderRows()
{
    QTemporaryDir dir;
    auto opened = Database::open(dir.filePath(QStringLiteral("older.authlens")));
    QVERIFY(opened.database);
    Database& database = *opened.database;
    VerificationRuns runs(database);
    const qint64 firstRun = runs.begin(QStringLiteral("import"));
    BatchWriter writer(database);
    for (int i = 0; i < 10; ++i)
        QVERIFY(writer.write(samples::message(i, QStringLiteral("example.com"), firstRun)).ok);
    const BatchWriter::Outcome stored =
        writer.write(samples::message(50, QStringLiteral("mx.example.net"), firstRun));
    QVERIFY(stored.ok);
    QVERIFY(writer.flush());
    Dashboard dashboard(database);
    QCOMPARE(dashboard.bounces().at(0).bounces, 0);

    const qint64 secondRun = runs.begin(QStringLiteral("reverify"));
    VerificationResults results;
    results.deliveryStatus =
        report(QStringLiteral("failed"), QStringLiteral("5.1.1"), QStringLiteral("example.com"));
    QVERIFY(writer.writeVerification(stored.messageId, secondRun, results).ok);
    QVERIFY(writer.flush());
    const QList<BounceStats> after = dashboard.bounces();
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.at(0).domain, QStringLiteral("example.com"));
    QCOMPARE(after.at(0).sent, 10);
    QCOMPARE(after.at(0).bounces, 1);
    QVERIFY(after.at(0).overThreshold());

    // Results without a delivery status leave the stored one alone.
    QVERIFY(writer.writeVerification(stored.messageId, secondRun, VerificationResults{}).ok);
    QVERIFY(writer.flush());
    QCOMPARE(dashboard.bounces().at(0).bounces, 1);
}

void TestStoreBounces::computedFindingsFollowTheCounts()
{
    QTemporaryDir dir;
    auto opened = Database::open(dir.filePath(QStringLiteral("findings.authlens")));
    QVERIFY(opened.database);
    Findings findings(*opened.database);
    const QString id = QStringLiteral("practice.bounce.rate-high");
    const auto finding = [&](const QString& domain, const QString& text, qint64 bounces) {
        FindingRecord record;
        record.id = id;
        record.severity = FindingSeverity::Warning;
        record.subject = QStringLiteral("Mail from ") + domain;
        record.message = text;
        record.fix = QStringLiteral("Remove addresses that bounced.");
        record.occurrences = bounces;
        return record;
    };
    QVERIFY2(
        findings.replaceComputed(id, {finding(QStringLiteral("a.example"), QStringLiteral("3 of 40"), 3),
                                      finding(QStringLiteral("b.example"), QStringLiteral("5 of 50"), 5)}),
        qPrintable(findings.lastError()));
    QCOMPARE(findings.list().size(), 2);

    // New counts update the text in place; b.example is no longer over and goes.
    QVERIFY(
        findings.replaceComputed(id, {finding(QStringLiteral("a.example"), QStringLiteral("4 of 41"), 4)}));
    QList<FindingRecord> listed = findings.list();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).subject, QStringLiteral("Mail from a.example"));
    QCOMPARE(listed.at(0).message, QStringLiteral("4 of 41"));
    QCOMPARE(listed.at(0).occurrences, 4);

    // A dismissed one stays dismissed while it holds, and is kept when it no longer does.
    QVERIFY(findings.dismiss(listed.at(0).rowId, QStringLiteral("known list clean-up")));
    QVERIFY(
        findings.replaceComputed(id, {finding(QStringLiteral("a.example"), QStringLiteral("5 of 42"), 5)}));
    QCOMPARE(findings.list().size(), 0);
    QVERIFY(findings.replaceComputed(id, {}));
    QCOMPARE(findings.list(true).size(), 1);
    QCOMPARE(findings.list(true).at(0).dismissedReason, QStringLiteral("known list clean-up"));

    // Other findings are never touched.
    FindingRecord other = finding(QStringLiteral("c.example"), QStringLiteral("x"), 1);
    other.id = QStringLiteral("dkim.key.rsa-short");
    QVERIFY(findings.replaceComputed(other.id, {other}));
    QVERIFY(findings.replaceComputed(id, {}));
    QCOMPARE(findings.list().size(), 1);
    QCOMPARE(findings.list().at(0).id, QStringLiteral("dkim.key.rsa-short"));
}

QTEST_GUILESS_MAIN(TestStoreBounces)
#include "tst_store_bounces.moc"
