// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety of `authlens-cli import`: a 5,000-message signed mbox is imported by a real process that
// is killed with SIGKILL twenty times at seeded random points (during start-up, mid-batch, right after
// a commit), then run to the end. After every kill the database must pass PRAGMA integrity_check, hold
// no message twice, never hold fewer messages than before, and hold every stored message together with
// its verification results; at the end it holds all 5,000 with their results.
//
// The seed is printed; AUTHLENS_KILL_SEED=N replays a run.
#include "../unit/pipeline/ImportSamples.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using authlens::importsamples::Samples;

namespace {

constexpr int kMessages = 5000;
constexpr int kKills = 20;
// Small transactions give a hundred commit points, so kills land all through the import however fast
// the machine is (with the default 1,000 a fast machine finished the whole import between two kills).
constexpr int kBatch = 50;

// A plain SQLite connection, so the test never migrates or repairs the database itself: what it sees
// is exactly what the killed process left.
class RawDatabase
{
public:
    explicit RawDatabase(const QString& path)
        : m_name(QStringLiteral("kill-check-%1").arg(++s_serial))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        m_open = db.open();
    }
    ~RawDatabase()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawDatabase(const RawDatabase&) = delete;
    RawDatabase& operator=(const RawDatabase&) = delete;

    bool isOpen() const { return m_open; }

    // -1 when the query fails (no table yet, locked, ...).
    qint64 scalar(const QString& sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    QString text(const QString& sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql))
            return query.lastError().text();
        QStringList rows;
        while (query.next())
            rows << query.value(0).toString();
        return rows.join(QLatin1Char('\n'));
    }

private:
    static inline int s_serial = 0;
    QString m_name;
    bool m_open = false;
};

// Messages stored without their DKIM, SPF or DMARC results of the run that stored them.
const QString kWithoutResults = QStringLiteral(
    "SELECT COUNT(*) FROM messages m WHERE m.latest_run_id IS NULL"
    " OR NOT EXISTS (SELECT 1 FROM dkim_signatures d WHERE d.message_id = m.id AND d.run_id = "
    "m.latest_run_id)"
    " OR NOT EXISTS (SELECT 1 FROM spf_results s WHERE s.message_id = m.id AND s.run_id = m.latest_run_id)"
    " OR NOT EXISTS (SELECT 1 FROM dmarc_results r WHERE r.message_id = m.id AND r.run_id = "
    "m.latest_run_id)");

} // namespace

class TestImportKill : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_mbox;
    QString m_records;
    QString m_db;
    QString m_log;
    quint32 m_seed = 0;

    QStringList importArguments() const
    {
        return {QStringLiteral("import"),
                QStringLiteral("--db"),
                m_db,
                QStringLiteral("--records"),
                m_records,
                QStringLiteral("--jobs"),
                QStringLiteral("2"),
                QStringLiteral("--batch"),
                QString::number(kBatch),
                QStringLiteral("--quiet"),
                m_mbox};
    }

    void startImport(QProcess& process) const
    {
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setStandardOutputFile(m_log, QIODevice::Append);
        process.start(QStringLiteral(AUTHLENS_CLI), importArguments());
    }

    QByteArray logTail() const
    {
        QFile file(m_log);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll().right(2000);
    }

    static qint64 storedCount(const QString& db)
    {
        if (!QFile::exists(db))
            return 0;
        RawDatabase raw(db);
        return raw.isOpen() ? std::max<qint64>(0, raw.scalar(QStringLiteral("SELECT COUNT(*) FROM messages")))
                            : 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        bool seedGiven = false;
        m_seed = qEnvironmentVariableIntValue("AUTHLENS_KILL_SEED", &seedGiven);
        if (!seedGiven)
            m_seed = QRandomGenerator::global()->generate();
        qInfo("kill seed %u (AUTHLENS_KILL_SEED=%u replays this run)", m_seed, m_seed);

        Samples samples;
        QVERIFY(samples.ok());
        QList<QByteArray> messages;
        messages.reserve(kMessages);
        for (int n = 0; n < kMessages; ++n)
            messages.append(samples.message(n, "kill", n % 10 == 0));
        m_mbox = m_dir.filePath(QStringLiteral("signed.mbox"));
        m_records = m_dir.filePath(QStringLiteral("records.zone"));
        m_db = m_dir.filePath(QStringLiteral("killed.authlens"));
        m_log = m_dir.filePath(QStringLiteral("import.log"));
        QVERIFY(Samples::write(m_mbox, Samples::mbox(messages)));
        QVERIFY(Samples::write(m_records, samples.records()));
    }

    void twentyKillsThenCompletion()
    {
        QRandomGenerator random(m_seed);
        // Kill points spread over the import: a stored-message count to reach (sorted, so the import
        // moves on), then a random extra delay so the kill lands anywhere in the next batch or two. A
        // target already reached means the kill hits start-up, the resume or the first batch instead.
        // The delays stay short so even a fast machine cannot finish the last 20% before the kill.
        QList<int> targets;
        for (int i = 0; i < kKills; ++i)
            targets.append(1 + int(random.bounded(kMessages * 4 / 5)));
        std::sort(targets.begin(), targets.end());

        QElapsedTimer total;
        total.start();
        qint64 previous = 0;
        int kills = 0;
        int finishedEarly = 0;
        for (int round = 0; kills < kKills; ++round) {
            QVERIFY2(round < 2 * kKills, "too many rounds ended before the kill");
            const int target = targets.value(kills, kMessages);
            const int delayMs = int(random.bounded(previous >= target ? 200 : 60));
            QProcess import;
            startImport(import);
            QVERIFY2(import.waitForStarted(30000), qPrintable(import.errorString()));
            QElapsedTimer clock;
            clock.start();
            if (previous < target) {
                while (import.state() == QProcess::Running && clock.elapsed() < 120000 &&
                       storedCount(m_db) < target)
                    QTest::qWait(5);
            }
            QTest::qWait(delayMs);
            if (import.state() == QProcess::Running)
                import.kill(); // SIGKILL: no chance to commit, roll back or clean up
            QVERIFY(import.state() == QProcess::NotRunning || import.waitForFinished(30000));
            // A run may end by itself just before the kill lands: then it must have completed cleanly.
            const bool running = import.exitStatus() == QProcess::CrashExit;
            if (running) {
                ++kills;
            } else {
                ++finishedEarly;
                QVERIFY2(import.exitCode() == 0, logTail().constData());
            }

            RawDatabase raw(m_db);
            QVERIFY2(raw.isOpen(), "the database cannot be opened after the kill");
            const qint64 count =
                std::max<qint64>(0, raw.scalar(QStringLiteral("SELECT COUNT(*) FROM messages")));
            qInfo("round %d: %s after %lld ms (target %d, delay %d ms): %lld messages stored", round + 1,
                  running ? "killed" : "finished", clock.elapsed(), target, delayMs, count);
            QCOMPARE(raw.text(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
            QCOMPARE(raw.text(QStringLiteral("PRAGMA foreign_key_check")), QString());
            QVERIFY2(count >= previous, qPrintable(QStringLiteral("%1 < %2").arg(count).arg(previous)));
            if (count > 0) {
                QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(DISTINCT content_hash) FROM messages")),
                         count);
                QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(DISTINCT message_id_header) FROM messages")),
                         count);
                QCOMPARE(raw.scalar(kWithoutResults), 0);
                QCOMPARE(raw.scalar(QStringLiteral(
                             "SELECT COUNT(*) FROM (SELECT message_id, run_id, signature_index FROM "
                             "dkim_signatures GROUP BY 1, 2, 3 HAVING COUNT(*) > 1)")),
                         0);
            }
            previous = count;
            if (!running && count == kMessages)
                break; // the import completed before it could be killed again
        }
        qInfo("%d kills, %d runs finished before their kill, %lld ms", kills, finishedEarly, total.elapsed());
        QVERIFY2(kills >= kKills * 3 / 4, qPrintable(QStringLiteral("only %1 kills").arg(kills)));

        QProcess last;
        startImport(last);
        QVERIFY(last.waitForFinished(180000));
        QVERIFY2(last.exitStatus() == QProcess::NormalExit && last.exitCode() == 0, logTail().constData());

        RawDatabase raw(m_db);
        QVERIFY(raw.isOpen());
        QCOMPARE(raw.text(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), kMessages);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(DISTINCT content_hash) FROM messages")), kMessages);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(DISTINCT message_id_header) FROM messages")),
                 kMessages);
        QCOMPARE(raw.scalar(kWithoutResults), 0);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE dkim_result = 'fail'")),
                 kMessages / 10);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE dkim_result = 'pass'")),
                 kMessages - kMessages / 10);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE spf_result = 'pass'")),
                 kMessages);
        // SPF passes aligned for every message, so DMARC passes even where DKIM failed.
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE dmarc_result = 'pass'")),
                 kMessages);
        QCOMPARE(raw.text(QStringLiteral("SELECT status FROM imports ORDER BY id DESC LIMIT 1")),
                 QStringLiteral("finished"));
        // A killed run cannot record its end; the next run of the source marks it "interrupted".
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM imports WHERE status = 'running'")), 0);
        qInfo("import runs marked interrupted after the kills: %lld",
              raw.scalar(QStringLiteral("SELECT COUNT(*) FROM imports WHERE status = 'interrupted'")));
        qInfo("whole test: %lld ms", total.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestImportKill)
#include "tst_import_kill.moc"
