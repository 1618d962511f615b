// SPDX-License-Identifier: GPL-3.0-or-later
// Bounces through the pipeline (issue 9): an imported mbox's delivery status notifications (RFC 3464)
// are stored with their action, status and the original's sending domain, the bounce-rate finding
// appears for a domain over 5% (and not for one under it), and a re-verification fills in rows stored
// before the store knew about reports.
#include "dns/RecordsFileResolver.h"
#include "pipeline/Importer.h"
#include "pipeline/Reverifier.h"
#include "store/Dashboard.h"
#include "store/Database.h"
#include "store/Findings.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace authlens;

namespace {

QByteArray plain(int n, const QByteArray& domain)
{
    const QByteArray number = QByteArray::number(n);
    return "From sender@" + domain + " Mon Jan  1 10:00:00 2024\nFrom: News <news@" + domain +
           ">\nTo: reader" + number + "@reader.test\nSubject: Issue " + number +
           "\nDate: Mon, 1 Jan 2024 10:00:00 +0000\nMessage-ID: <" + number + "@" + domain +
           ">\n\nHello reader.\n\n";
}

// A report from the reader's mail system about `domain`'s message `n`.
QByteArray report(int n, const QByteArray& domain, const QByteArray& action, const QByteArray& status)
{
    const QByteArray number = QByteArray::number(n);
    return "From MAILER-DAEMON Mon Jan  1 11:00:00 2024\nFrom: Mail Delivery System "
           "<MAILER-DAEMON@mx.reader.test>\nTo: bounces@" +
           domain +
           "\nSubject: Undelivered Mail Returned to Sender\nDate: Mon, 1 Jan 2024 11:00:00 +0000\n"
           "Message-ID: <dsn" +
           number +
           "@mx.reader.test>\nMIME-Version: 1.0\nContent-Type: multipart/report; "
           "report-type=delivery-status; boundary=\"B" +
           number + "\"\n\n--B" + number +
           "\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n--B" + number +
           "\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.reader.test\n\n"
           "Final-Recipient: rfc822; gone" +
           number + "@reader.test\nAction: " + action + "\nStatus: " + status + "\n\n--B" + number +
           "\nContent-Type: text/rfc822-headers\n\nFrom: News <news@" + domain + ">\nSubject: Issue " +
           number + "\nMessage-ID: <" + number + "@" + domain + ">\n\n--B" + number + "--\n\n";
}

} // namespace

class TestBounceImport : public QObject
{
    Q_OBJECT

private slots:
    // news.example sends 20 and gets 2 bounces and a delay; shop.example sends 40 and gets 1 bounce.
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QByteArray mbox;
        int n = 0;
        for (int i = 0; i < 20; ++i)
            mbox += plain(n++, "news.example");
        for (int i = 0; i < 40; ++i)
            mbox += plain(n++, "shop.example");
        mbox += report(1, "news.example", "failed", "5.1.1");
        mbox += report(2, "news.example", "failed", "5.2.1");
        mbox += report(3, "news.example", "delayed", "4.4.7");
        mbox += report(30, "shop.example", "failed", "5.1.1");
        QFile file(m_dir.filePath(QStringLiteral("box.mbox")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(mbox);
        file.close();
        m_db = m_dir.filePath(QStringLiteral("bounces.authlens"));
        m_resolver = dns::RecordsFileResolver::fromText("", QStringLiteral("no records")).resolver;
        QVERIFY(m_resolver);
        pipeline::ImportOptions options;
        options.jobs = 2;
        const pipeline::ImportSummary summary =
            pipeline::Importer(m_db, m_resolver, options).run({file.fileName()});
        QVERIFY2(summary.fatalError.isEmpty(), qPrintable(summary.fatalError));
        QCOMPARE(summary.stored, 64);
    }

    void reportsAreStoredWithTheirOriginalSender()
    {
        auto opened = store::Database::open(m_db);
        QVERIFY(opened.database);
        QSqlQuery query(opened.database->connection());
        QVERIFY(
            query.exec(QStringLiteral("SELECT dsn_action, dsn_status, dsn_original_domain, from_domain FROM "
                                      "messages WHERE is_dsn = 1 ORDER BY dsn_status")));
        QStringList rows;
        while (query.next())
            rows << QStringLiteral("%1 %2 %3 %4")
                        .arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                             query.value(3).toString());
        QCOMPARE(rows, QStringList({QStringLiteral("delayed 4.4.7 news.example mx.reader.test"),
                                    QStringLiteral("failed 5.1.1 news.example mx.reader.test"),
                                    QStringLiteral("failed 5.1.1 shop.example mx.reader.test"),
                                    QStringLiteral("failed 5.2.1 news.example mx.reader.test")}));
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM messages WHERE is_dsn = 0")) && query.next());
        QCOMPARE(query.value(0).toInt(), 60);
    }

    void findingOnlyForTheDomainOverFivePercent()
    {
        auto opened = store::Database::open(m_db);
        QVERIFY(opened.database);
        const QList<store::BounceStats> bounces = store::Dashboard(*opened.database).bounces();
        QCOMPARE(bounces.size(), 2);
        QCOMPARE(bounces.at(0).domain, QStringLiteral("news.example"));
        QCOMPARE(bounces.at(0).bounces, 2);
        QCOMPARE(bounces.at(0).sent, 20);
        QCOMPARE(bounces.at(1).domain, QStringLiteral("shop.example"));
        QVERIFY(!bounces.at(1).overThreshold()); // 1 of 40: 2.5%
        QStringList subjects;
        for (const store::FindingRecord& f : store::Findings(*opened.database).list()) {
            if (f.id == QLatin1String("practice.bounce.rate-high"))
                subjects << f.subject;
        }
        QCOMPARE(subjects, QStringList({QStringLiteral("Mail from news.example")}));
    }

    // Rows stored before schema version 5 read as ordinary messages; a re-verification reads the bytes
    // again and recognizes them.
    void reverificationRecognizesOlderRows()
    {
        {
            auto opened = store::Database::open(m_db);
            QVERIFY(opened.database);
            QSqlQuery forget(opened.database->connection());
            QVERIFY(
                forget.exec(QStringLiteral("UPDATE messages SET is_dsn = 0, dsn_action = NULL, dsn_status = "
                                           "NULL, dsn_original_domain = NULL")));
            QCOMPARE(store::Dashboard(*opened.database).headline().bounces, 0);
        }
        const pipeline::ReverifySummary summary = pipeline::Reverifier(m_db, m_resolver).run();
        QVERIFY2(summary.fatalError.isEmpty(), qPrintable(summary.fatalError));
        auto opened = store::Database::open(m_db);
        QVERIFY(opened.database);
        const store::HeadlineFigures figures = store::Dashboard(*opened.database).headline();
        QCOMPARE(figures.bounces, 3);
        QCOMPARE(figures.bounceDomainsOverThreshold, 1);
    }

private:
    QTemporaryDir m_dir;
    QString m_db;
    std::shared_ptr<dns::Resolver> m_resolver;
};

QTEST_GUILESS_MAIN(TestBounceImport)
#include "tst_bounce_import.moc"
