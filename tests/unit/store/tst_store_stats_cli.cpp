// SPDX-License-Identifier: GPL-3.0-or-later
// `authlens-cli stats`, run as a real process on a database the test fills.
#include "StoreSamples.h"

#include "store/BatchWriter.h"
#include "store/Database.h"
#include "store/VerificationRuns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace authlens::store;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run runCli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(AUTHLENS_CLI_PATH), arguments);
    Run run;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace

class TestStoreStatsCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jsonCountsPerDomainAndSelector();
    void tableByDefault();
    void bounceRatesPerDomain();
    void missingDatabaseExitsTwo();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestStoreStatsCli::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("stats.authlens"));
    auto opened = Database::open(m_path);
    QVERIFY2(opened.database, qPrintable(opened.error));
    const qint64 runId = VerificationRuns(*opened.database).begin(QStringLiteral("import"));
    BatchWriter writer(*opened.database);
    // example.com: 6 pass, 2 fail on s1, 3 of them also signed by esp.example; DMARC on all of them.
    for (int i = 0; i < 8; ++i) {
        auto item = samples::message(i, QStringLiteral("example.com"), runId,
                                     i < 6 ? QStringLiteral("pass") : QStringLiteral("fail"), 0, i < 3);
        DmarcRecord dmarc;
        dmarc.result = i < 6 ? QStringLiteral("pass") : QStringLiteral("fail");
        item.results.dmarc = dmarc;
        QVERIFY(writer.write(item).ok);
    }
    // example.net: 3 with a temperror.
    for (int i = 10; i < 13; ++i)
        QVERIFY(
            writer
                .write(samples::message(i, QStringLiteral("example.net"), runId, QStringLiteral("temperror")))
                .ok);
    QVERIFY(writer.flush());
}

void TestStoreStatsCli::jsonCountsPerDomainAndSelector()
{
    const Run run =
        runCli({QStringLiteral("stats"), QStringLiteral("--db"), m_path, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, run.out.constData());
    const QJsonObject root = document.object();
    QCOMPARE(root.value(QStringLiteral("messages")).toInt(), 11);
    const QJsonArray domains = root.value(QStringLiteral("domains")).toArray();
    QCOMPARE(domains.size(), 2);
    const QJsonObject com = domains.at(0).toObject();
    QCOMPARE(com.value(QStringLiteral("domain")).toString(), QStringLiteral("example.com"));
    QCOMPARE(com.value(QStringLiteral("messages")).toInt(), 8);
    const QJsonObject dkim = com.value(QStringLiteral("dkim")).toObject();
    QCOMPARE(dkim.value(QStringLiteral("pass")).toInt(), 6);
    QCOMPARE(dkim.value(QStringLiteral("fail")).toInt(), 2);
    for (const char* word : {"policy", "neutral", "temperror", "permerror", "none"})
        QVERIFY2(dkim.contains(QLatin1String(word)) && dkim.value(QLatin1String(word)).toInt() == 0, word);
    QCOMPARE(com.value(QStringLiteral("dmarc")).toObject().value(QStringLiteral("pass")).toInt(), 6);
    QVERIFY(!com.contains(QStringLiteral("spf"))); // no SPF rows: no SPF column
    const QJsonArray selectors = com.value(QStringLiteral("selectors")).toArray();
    QCOMPARE(selectors.size(), 2);
    const QJsonObject s1 = selectors.at(0).toObject();
    QCOMPARE(s1.value(QStringLiteral("selector")).toString(), QStringLiteral("s1"));
    QCOMPARE(s1.value(QStringLiteral("messages")).toInt(), 8);
    QCOMPARE(s1.value(QStringLiteral("dkim")).toObject().value(QStringLiteral("fail")).toInt(), 2);
    const QJsonObject esp = selectors.at(1).toObject();
    QCOMPARE(esp.value(QStringLiteral("selector")).toString(), QStringLiteral("esp"));
    QCOMPARE(esp.value(QStringLiteral("sdid")).toString(), QStringLiteral("esp.example"));
    QCOMPARE(esp.value(QStringLiteral("messages")).toInt(), 3);
    const QJsonObject net = domains.at(1).toObject();
    QCOMPARE(net.value(QStringLiteral("dkim")).toObject().value(QStringLiteral("temperror")).toInt(), 3);
}

void TestStoreStatsCli::tableByDefault()
{
    const Run run = runCli({QStringLiteral("stats"), QStringLiteral("--db"), m_path});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains(QLatin1String("messages: 11")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("example.com")));
    QVERIFY(text.contains(QLatin1String("75.0%"))); // 6 of 8 pass DKIM
    QVERIFY(text.contains(QLatin1String("s=esp d=esp.example")));
}

// Bounces (issue 9): "bounces" and "bounce_rate" per domain; the rate is bounces / messages the domain sent
// (the reports themselves excluded), null when none of its mail is in the database.
void TestStoreStatsCli::bounceRatesPerDomain()
{
    const QString path = m_dir.filePath(QStringLiteral("bounces.authlens"));
    {
        auto opened = Database::open(path);
        QVERIFY2(opened.database, qPrintable(opened.error));
        const qint64 runId = VerificationRuns(*opened.database).begin(QStringLiteral("import"));
        BatchWriter writer(*opened.database);
        for (int i = 0; i < 10; ++i)
            QVERIFY(writer.write(samples::message(i, QStringLiteral("example.com"), runId)).ok);
        for (int i = 10; i < 13; ++i)
            QVERIFY(writer.write(samples::message(i, QStringLiteral("example.net"), runId)).ok);
        const std::pair<int, QString> reports[] = {{20, QStringLiteral("example.com")},
                                                   {21, QStringLiteral("gone.example")}};
        for (const auto& [number, original] : reports) {
            auto item = samples::message(number, QStringLiteral("mx.example.org"), runId);
            item.message.deliveryStatus = {true, QStringLiteral("failed"), QStringLiteral("5.1.1"), original};
            QVERIFY(writer.write(item).ok);
        }
        QVERIFY(writer.flush());
    }
    Run run = runCli({QStringLiteral("stats"), QStringLiteral("--db"), path, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject root = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(root.value(QStringLiteral("bounces")).toInt(), 2);
    QMap<QString, QJsonObject> byDomain;
    for (const QJsonValue& value : root.value(QStringLiteral("domains")).toArray())
        byDomain.insert(value.toObject().value(QStringLiteral("domain")).toString(), value.toObject());
    QVERIFY2(byDomain.contains(QStringLiteral("example.com")), run.out.constData());
    const QJsonObject com = byDomain.value(QStringLiteral("example.com"));
    QCOMPARE(com.value(QStringLiteral("sent")).toInt(), 10);
    QCOMPARE(com.value(QStringLiteral("bounces")).toInt(), 1);
    QCOMPARE(com.value(QStringLiteral("bounce_rate")).toDouble(), 0.1);
    QCOMPARE(com.value(QStringLiteral("bounce_rate_high")).toBool(), true);
    const QJsonObject net = byDomain.value(QStringLiteral("example.net"));
    QCOMPARE(net.value(QStringLiteral("bounces")).toInt(), 0);
    QCOMPARE(net.value(QStringLiteral("bounce_rate")).toDouble(), 0.0);
    QCOMPARE(net.value(QStringLiteral("bounce_rate_high")).toBool(), false);
    // The reporting system sent only reports: no sent mail, no bounces.
    const QJsonObject reporter = byDomain.value(QStringLiteral("mx.example.org"));
    QCOMPARE(reporter.value(QStringLiteral("messages")).toInt(), 2);
    QCOMPARE(reporter.value(QStringLiteral("sent")).toInt(), 0);
    QVERIFY(reporter.value(QStringLiteral("bounce_rate")).isNull());
    // A domain known only from its bounce: listed, rate unknown.
    QVERIFY2(byDomain.contains(QStringLiteral("gone.example")), run.out.constData());
    const QJsonObject gone = byDomain.value(QStringLiteral("gone.example"));
    QCOMPARE(gone.value(QStringLiteral("messages")).toInt(), 0);
    QCOMPARE(gone.value(QStringLiteral("bounces")).toInt(), 1);
    QVERIFY(gone.value(QStringLiteral("bounce_rate")).isNull());

    run = runCli({QStringLiteral("stats"), QStringLiteral("--db"), path});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QString text = QString::fromUtf8(run.out);
    QVERIFY2(text.contains(QLatin1String("1 10.0% !")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("1, rate unknown")), qPrintable(text));
}

void TestStoreStatsCli::missingDatabaseExitsTwo()
{
    const QString absent = m_dir.filePath(QStringLiteral("absent.authlens"));
    Run run = runCli({QStringLiteral("stats"), QStringLiteral("--db"), absent});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(absent.toUtf8()), run.err.constData());
    QVERIFY(!QFile::exists(absent)); // stats never creates a database
    run = runCli({QStringLiteral("stats")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("--db"));
    run = runCli({QStringLiteral("stats"), QStringLiteral("--db"), QStringLiteral(AUTHLENS_CLI_PATH)});
    QCOMPARE(run.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestStoreStatsCli)
#include "tst_store_stats_cli.moc"
