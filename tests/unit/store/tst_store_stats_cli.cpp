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
