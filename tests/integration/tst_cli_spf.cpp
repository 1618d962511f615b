// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-cli spf end to end: a records file in a temporary folder, the exit codes, the JSON keys.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCliSpf : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode;
        QByteArray out;
        QByteArray err;
    };

    Run run(QStringList arguments) const
    {
        arguments.prepend(QStringLiteral("spf"));
        QProcess process;
        process.start(QStringLiteral(AUTHLENS_CLI), arguments);
        if (!process.waitForFinished(30000))
            qFatal("authlens-cli did not finish");
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    QStringList withRecords(QStringList arguments) const
    {
        return arguments << QStringLiteral("--records") << m_records;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_records = m_dir.filePath(QStringLiteral("records.zone"));
        QFile file(m_records);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("example.com. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 include:inc.example.com -all "
                   "exp=why.example.com\"\n"
                   "inc.example.com. 300 IN TXT \"v=spf1 a:nx.example.com ip6:2001:db8::/32\"\n"
                   "why.example.com. 300 IN TXT \"%{i} is not allowed for %{d}\"\n"
                   "mx.example.org. 300 IN TXT \"v=spf1 a -all\"\n"
                   "mx.example.org. 300 IN A 198.51.100.25\n"
                   "; TEMPFAIL slow.example.net.\n");
    }

    void passPrintsJsonAndExitsZero()
    {
        const Run r = run(withRecords(
            {"--ip", "2001:db8::25", "--mailfrom", "a@example.com", "--helo", "mx.example.org", "--json"}));
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json.value(QStringLiteral("result")).toString(), QStringLiteral("pass"));
        QCOMPARE(json.value(QStringLiteral("domain")).toString(), QStringLiteral("example.com"));
        QCOMPARE(json.value(QStringLiteral("lookups")).toInt(), 2);
        QCOMPARE(json.value(QStringLiteral("void_lookups")).toInt(), 1);
        const QJsonArray trace = json.value(QStringLiteral("trace")).toArray();
        QVERIFY(trace.size() >= 5);
        QCOMPARE(trace.at(2).toObject().value(QStringLiteral("term")).toString(),
                 QStringLiteral("include:inc.example.com"));
        QCOMPARE(trace.at(2).toObject().value(QStringLiteral("matched")).toBool(), true);
    }

    void failCarriesTheExplanationAndExitsOne()
    {
        const Run r = run(withRecords(
            {"--ip", "203.0.113.9", "--mailfrom", "a@example.com", "--helo", "mx.example.org", "--json"}));
        QCOMPARE(r.exitCode, 1);
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json.value(QStringLiteral("result")).toString(), QStringLiteral("fail"));
        QCOMPARE(json.value(QStringLiteral("explanation")).toString(),
                 QStringLiteral("203.0.113.9 is not allowed for example.com"));
    }

    void nullSenderChecksTheHeloDomain()
    {
        const Run r =
            run(withRecords({"--ip", "198.51.100.25", "--mailfrom", "", "--helo", "mx.example.org"}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("spf: pass\n"), r.out.constData());
        QVERIFY(r.out.contains("postmaster@mx.example.org"));
        QVERIFY(r.out.contains("trace:"));
    }

    void temporaryFailureIsTemperror()
    {
        const Run r = run(withRecords(
            {"--ip", "192.0.2.1", "--mailfrom", "a@slow.example.net", "--helo", "h.example", "--json"}));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("result")).toString(),
                 QStringLiteral("temperror"));
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(run(withRecords({"--mailfrom", "a@example.com", "--helo", "h.example"})).exitCode, 2);
        QCOMPARE(
            run(withRecords({"--ip", "300.1.1.1", "--mailfrom", "a@example.com", "--helo", "h"})).exitCode,
            2);
        QCOMPARE(run({"--ip", "192.0.2.1", "--mailfrom", "a@example.com", "--helo", "h", "--records",
                      m_dir.filePath(QStringLiteral("missing.zone"))})
                     .exitCode,
                 2);
        const Run r = run({"--bogus"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("Usage: authlens-cli spf"));
    }

private:
    QTemporaryDir m_dir;
    QString m_records;
};

QTEST_GUILESS_MAIN(TestCliSpf)
#include "tst_cli_spf.moc"
