// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-cli import end to end: a real process on a signed mbox of a few thousand messages, killed
// with SIGKILL partway through, then run again: every message must be stored exactly once, the
// database must be intact, and the second run must have continued rather than started over.
#include "../unit/pipeline/ImportSamples.h"

#include "store/Database.h"
#include "store/ImportLog.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens;
using importsamples::Samples;

namespace {

constexpr int kMessages = 4000;

qint64 scalar(const QString& db, const QString& sql)
{
    auto opened = store::Database::open(db, {std::nullopt, true});
    if (!opened.database)
        return -1;
    QSqlQuery query(opened.database->connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_mbox;
    QString m_records;

    QStringList importArguments(const QString& db) const
    {
        return {
            QStringLiteral("import"), QStringLiteral("--db"), db,    QStringLiteral("--records"), m_records,
            QStringLiteral("--jobs"), QStringLiteral("2"),    m_mbox};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Samples samples;
        QVERIFY(samples.ok());
        QList<QByteArray> messages;
        messages.reserve(kMessages);
        for (int n = 0; n < kMessages; ++n)
            messages.append(samples.message(n, "cli", n % 10 == 0));
        m_mbox = m_dir.filePath(QStringLiteral("signed.mbox"));
        m_records = m_dir.filePath(QStringLiteral("records.zone"));
        QVERIFY(Samples::write(m_mbox, Samples::mbox(messages)));
        QVERIFY(Samples::write(m_records, samples.records()));
    }

    void killedImportResumesWithoutLossOrDuplicates()
    {
        const QString db = m_dir.filePath(QStringLiteral("killed.authlens"));
        QProcess first;
        first.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        first.start(QStringLiteral(AUTHLENS_CLI), importArguments(db));
        QVERIFY(first.waitForStarted());
        // Kill it once some batches are committed but well before the end.
        QElapsedTimer clock;
        clock.start();
        qint64 storedBeforeKill = 0;
        while (clock.elapsed() < 120000 && first.state() == QProcess::Running) {
            storedBeforeKill = qMax<qint64>(0, scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages")));
            if (storedBeforeKill >= 300)
                break;
            QTest::qWait(10);
        }
        QVERIFY2(
            first.state() == QProcess::Running,
            "the import finished before it could be killed; the machine is faster than this test assumes");
        first.kill(); // SIGKILL: no chance to commit or clean up
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        const qint64 afterKill = scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages"));
        QVERIFY2(afterKill >= 300 && afterKill < kMessages, qPrintable(QString::number(afterKill)));
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM imports WHERE status = 'running'")), 1);

        QProcess second;
        second.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        second.start(QStringLiteral(AUTHLENS_CLI), importArguments(db));
        QVERIFY(second.waitForFinished(300000));
        const QByteArray output = second.readAllStandardOutput();
        QVERIFY2(second.exitStatus() == QProcess::NormalExit && second.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("Imported:"), output.constData());

        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages")), kMessages);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(DISTINCT message_id_header) FROM messages")),
                 kMessages);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(DISTINCT mbox_offset) FROM messages")), kMessages);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE dkim_result = 'fail'")),
                 kMessages / 10);
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM messages WHERE dkim_result = 'pass'")),
                 kMessages - kMessages / 10);
        // The second run continued from the first one's last commit instead of reading everything again.
        const qint64 secondSeen =
            scalar(db, QStringLiteral("SELECT messages_seen FROM imports ORDER BY id DESC LIMIT 1"));
        QVERIFY2(secondSeen > 0 && secondSeen <= kMessages - afterKill + 2000,
                 qPrintable(QString::number(secondSeen)));
        QVERIFY2(secondSeen < kMessages, qPrintable(QString::number(secondSeen)));
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM imports WHERE status = 'finished'")), 1);

        auto opened = store::Database::open(db, {std::nullopt, true});
        QVERIFY(opened.database);
        QCOMPARE(opened.database->integrityCheck(), QStringLiteral("ok"));
    }

    void statsShowsTheImportedData()
    {
        const QString db = m_dir.filePath(QStringLiteral("killed.authlens"));
        QProcess stats;
        stats.start(QStringLiteral(AUTHLENS_CLI),
                    {QStringLiteral("stats"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QVERIFY(stats.waitForFinished(60000));
        const QByteArray output = stats.readAllStandardOutput();
        QCOMPARE(stats.exitCode(), 0);
        QVERIFY2(output.contains("\"messages\":4000"), output.left(400).constData());
        QVERIFY2(output.contains("\"domain\":\"example.com\""), output.left(400).constData());
        QVERIFY2(output.contains("\"pass\":3600"), output.left(600).constData());
    }

    void reverifyAddsARunAndUsageErrorsExitTwo()
    {
        const QString db = m_dir.filePath(QStringLiteral("killed.authlens"));
        QProcess reverify;
        reverify.start(QStringLiteral(AUTHLENS_CLI), {QStringLiteral("reverify"), QStringLiteral("--db"), db,
                                                      QStringLiteral("--records"), m_records});
        QVERIFY(reverify.waitForFinished(300000));
        const QByteArray output = reverify.readAllStandardOutput();
        QVERIFY2(reverify.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("4000 of 4000"), output.constData());
        QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM dkim_signatures")), 2 * kMessages);

        QProcess usage;
        usage.start(QStringLiteral(AUTHLENS_CLI), {QStringLiteral("import"), QStringLiteral("--db"), db});
        QVERIFY(usage.waitForFinished(30000));
        QCOMPARE(usage.exitCode(), 2);
        QProcess missing;
        missing.start(QStringLiteral(AUTHLENS_CLI),
                      {QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--records"),
                       m_records, m_dir.filePath(QStringLiteral("nothing-here.mbox"))});
        QVERIFY(missing.waitForFinished(30000));
        QCOMPARE(missing.exitCode(), 2);
        QProcess badBatch;
        badBatch.start(QStringLiteral(AUTHLENS_CLI),
                       {QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--batch"),
                        QStringLiteral("0"), m_mbox});
        QVERIFY(badBatch.waitForFinished(30000));
        QCOMPARE(badBatch.exitCode(), 2);
        QVERIFY(badBatch.readAllStandardError().contains("--batch needs a number"));
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"
