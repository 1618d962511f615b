// SPDX-License-Identifier: GPL-3.0-or-later
// The database file: schema creation, migrations from every earlier version, connection-per-thread
// enforcement, and crash safety (a writer SIGKILLed mid-batch loses only its open batch).
#include "StoreSamples.h"

#include "store/BatchWriter.h"
#include "store/Database.h"
#include "store/ImportLog.h"
#include "store/MessageQueries.h"
#include "store/Schema.h"
#include "store/VerificationRuns.h"

#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <cstdio>

using namespace authlens::store;

namespace {

const char* const kChildVariable = "AUTHLENS_STORE_CRASH_CHILD";

QVariant scalar(Database& database, const QString& sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

// The child half of crashAfterCommitKeepsCommittedRows: commits 10 messages, then writes 5 more in an
// open transaction and waits to be killed.
int runCrashChild(const QString& path)
{
    auto opened = Database::open(path);
    if (!opened.database) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error));
        return 3;
    }
    VerificationRuns runs(*opened.database);
    const qint64 runId = runs.begin(QStringLiteral("import"));
    BatchWriter::Options options;
    options.batchSize = 1000;
    options.maxBatchMilliseconds = 600000;
    BatchWriter writer(*opened.database, options);
    for (int i = 0; i < 10; ++i)
        writer.write(
            samples::message(i, QStringLiteral("example.com"), runId, QStringLiteral("pass"), 0, true));
    if (!writer.flush())
        return 4;
    for (int i = 10; i < 15; ++i)
        writer.write(
            samples::message(i, QStringLiteral("example.com"), runId, QStringLiteral("pass"), 0, true));
    std::printf("mid-batch\n");
    std::fflush(stdout);
    for (;;)
        QThread::sleep(1);
}

} // namespace

class TestStoreDatabase : public QObject
{
    Q_OBJECT

private slots:
    void createsSchemaWithPragmas();
    void migratesFromEveryEarlierVersion_data();
    void migratesFromEveryEarlierVersion();
    void refusesNewerSchemaAndNonDatabases();
    void refusesUseFromAnotherThread();
    void crashMidBatchKeepsCommittedRowsOnly();
    void twoOpenersMigrateOneAfterTheOther();
};

void TestStoreDatabase::createsSchemaWithPragmas()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.authlens"));
    auto opened = Database::open(path);
    QVERIFY2(opened.database, qPrintable(opened.error));
    Database& database = *opened.database;
    QCOMPARE(database.schemaVersion(), Schema::latestVersion());
    QCOMPARE(scalar(database, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(scalar(database, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(scalar(database, QStringLiteral("PRAGMA synchronous")).toInt(), 1); // NORMAL
    QVERIFY(scalar(database, QStringLiteral("PRAGMA busy_timeout")).toInt() >= 1000);
    for (const char* table : {"sources", "imports", "import_errors", "messages", "verification_runs",
                              "dkim_signatures", "spf_results", "dmarc_results", "dns_records",
                              "message_dns_records", "findings", "imap_sync_state"}) {
        QVERIFY2(database.connection().tables().contains(QString::fromLatin1(table)), table);
    }
    QCOMPARE(database.integrityCheck(), QStringLiteral("ok"));

    // Foreign keys are enforced: a signature for a message that does not exist is refused.
    QSqlQuery orphan(database.connection());
    QVERIFY(!orphan.exec(QStringLiteral("INSERT INTO dkim_signatures (message_id, run_id, signature_index, "
                                        "result) VALUES (999, 999, 0, 'pass')")));
}

void TestStoreDatabase::migratesFromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("startVersion");
    for (int version = 0; version < Schema::latestVersion(); ++version)
        QTest::addRow("from v%d", version) << version;
}

void TestStoreDatabase::migratesFromEveryEarlierVersion()
{
    QFETCH(int, startVersion);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.authlens"));
    const qint64 dateMs = QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
    {
        Database::OpenOptions options;
        options.targetVersion = startVersion;
        auto opened = Database::open(path, options);
        QVERIFY2(opened.database, qPrintable(opened.error));
        QCOMPARE(opened.database->schemaVersion(), startVersion);
        if (startVersion >= 1) {
            // A row written by that version, which the migration must carry forward.
            QSqlQuery insert(opened.database->connection());
            insert.prepare(QStringLiteral(
                "INSERT INTO messages (content_hash, from_domain, date_utc, size, imported_at) "
                "VALUES ('abc', 'example.com', ?, 10, 0)"));
            insert.addBindValue(dateMs);
            QVERIFY(insert.exec());
        }
    }
    auto opened = Database::open(path);
    QVERIFY2(opened.database, qPrintable(opened.error));
    Database& database = *opened.database;
    QCOMPARE(database.schemaVersion(), Schema::latestVersion());
    QCOMPARE(database.integrityCheck(), QStringLiteral("ok"));
    if (startVersion >= 1) {
        QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 1);
        // Version 2 filled the day column from the date (a row written at v2 or later fills it itself).
        if (startVersion < 2)
            QCOMPARE(scalar(database, QStringLiteral("SELECT day_utc FROM messages")).toLongLong(),
                     dateMs / 86400000);
    }
    // Version 3: imports keep their resume point.
    ImportLog log(database);
    const qint64 importId = log.beginImport(log.sourceId(QStringLiteral("mbox"), QStringLiteral("/x.mbox")));
    QVERIFY(importId > 0);
    QVERIFY2(log.saveResumePoint(importId, 1234, 5), qPrintable(log.lastError()));
    QCOMPARE(log.importRun(importId)->resumeOffset, std::optional<qint64>(1234));
    // The newest schema is complete whatever the start: the writer works on it.
    VerificationRuns runs(database);
    const qint64 runId = runs.begin(QStringLiteral("after migration"));
    BatchWriter writer(database);
    const auto outcome = writer.write(samples::message(1, QStringLiteral("example.org"), runId));
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    // Version 5: delivery status notifications keep their action, status and original sender; rows
    // from before it read as ordinary messages.
    BatchWriter::MessageWrite bounce = samples::message(2, QStringLiteral("mx.example.net"), runId);
    bounce.message.deliveryStatus = {true, QStringLiteral("failed"), QStringLiteral("5.1.1"),
                                     QStringLiteral("example.org")};
    const auto bounceOutcome = writer.write(bounce);
    QVERIFY2(bounceOutcome.ok, qPrintable(bounceOutcome.error));
    QVERIFY(writer.flush());
    QVERIFY(
        scalar(database, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'messages_by_day'"))
            .toInt() == 1);
    QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = "
                                             "'messages_by_dsn_domain'"))
                 .toInt(),
             1);
    QCOMPARE(scalar(database, QStringLiteral("SELECT dsn_status FROM messages WHERE dsn_original_domain = "
                                             "'example.org' AND dsn_action = 'failed' AND is_dsn = 1"))
                 .toString(),
             QStringLiteral("5.1.1"));
    if (startVersion >= 1)
        QCOMPARE(scalar(database, QStringLiteral("SELECT is_dsn FROM messages WHERE content_hash = 'abc'"))
                     .toInt(),
                 0);
}

void TestStoreDatabase::refusesNewerSchemaAndNonDatabases()
{
    QTemporaryDir dir;
    const QString newer = dir.filePath(QStringLiteral("newer.authlens"));
    {
        auto opened = Database::open(newer);
        QVERIFY(opened.database);
        QSqlQuery stamp(opened.database->connection());
        QVERIFY(stamp.exec(QStringLiteral("PRAGMA user_version=%1").arg(Schema::latestVersion() + 1)));
    }
    auto tooNew = Database::open(newer);
    QVERIFY(!tooNew.database);
    QVERIFY2(tooNew.error.contains(QLatin1String("newer")), qPrintable(tooNew.error));
    QVERIFY(tooNew.error.contains(newer));

    const QString text = dir.filePath(QStringLiteral("mail.eml"));
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    auto notDatabase = Database::open(text);
    QVERIFY(!notDatabase.database);
    QVERIFY2(notDatabase.error.contains(text), qPrintable(notDatabase.error));

    Database::OpenOptions mustExist;
    mustExist.mustExist = true;
    auto missing = Database::open(dir.filePath(QStringLiteral("absent.authlens")), mustExist);
    QVERIFY(!missing.database);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("absent.authlens"))));
    QVERIFY(!Database::open(dir.filePath(QStringLiteral("no/such/folder/x.authlens"))).database);
}

void TestStoreDatabase::refusesUseFromAnotherThread()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("threads.authlens"));
    auto opened = Database::open(path);
    QVERIFY(opened.database);
    Database* database = opened.database.get();
    bool foreignValid = true;
    bool ownOpened = false;
    qint64 ownCount = -1;
    QThread* thread = QThread::create([&] {
        foreignValid = database->connection().isValid();
        // The right way: a connection of the thread's own.
        auto own = Database::open(path);
        ownOpened = own.database != nullptr;
        if (own.database)
            ownCount = MessageQueries(*own.database).count();
    });
    thread->start();
    QVERIFY(thread->wait(10000));
    delete thread;
    QVERIFY(!foreignValid);
    QVERIFY(ownOpened);
    QCOMPARE(ownCount, 0);
}

void TestStoreDatabase::crashMidBatchKeepsCommittedRowsOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crash.authlens"));
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kChildVariable), path);
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted(10000));
    QByteArray output;
    QElapsedTimer timer;
    timer.start();
    while (!output.contains("mid-batch") && timer.elapsed() < 30000 && child.state() == QProcess::Running) {
        child.waitForReadyRead(1000);
        output += child.readAllStandardOutput();
    }
    QVERIFY2(output.contains("mid-batch"), child.readAllStandardError().constData());
    child.kill(); // SIGKILL: no destructor, no commit, no WAL checkpoint
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    auto opened = Database::open(path);
    QVERIFY2(opened.database, qPrintable(opened.error));
    Database& database = *opened.database;
    QCOMPARE(database.integrityCheck(), QStringLiteral("ok"));
    QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 10);
    // Each committed message has both its signatures; nothing of the open batch survived.
    QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM dkim_signatures")).toInt(), 20);
    QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM dkim_signatures s WHERE NOT EXISTS "
                                             "(SELECT 1 FROM messages m WHERE m.id = s.message_id)"))
                 .toInt(),
             0);
    QCOMPARE(scalar(database, QStringLiteral("PRAGMA foreign_key_check")).isValid(), false);

    // The restarted import writes the five again, and the ten are recognised as duplicates.
    BatchWriter writer(database);
    const qint64 runId = VerificationRuns(database).begin(QStringLiteral("resumed"));
    int fresh = 0;
    for (int i = 0; i < 15; ++i)
        fresh += writer.write(samples::message(i, QStringLiteral("example.com"), runId)).isNew ? 1 : 0;
    QVERIFY(writer.flush());
    QCOMPARE(fresh, 5);
    QCOMPARE(scalar(database, QStringLiteral("SELECT COUNT(*) FROM messages")).toInt(), 15);
}

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsSet(kChildVariable)) {
        QCoreApplication app(argc, argv);
        return runCrashChild(qEnvironmentVariable(kChildVariable));
    }
    QCoreApplication app(argc, argv);
    TestStoreDatabase test;
    return QTest::qExec(&test, argc, argv);
}

// The desktop and authlens-cli may open one database at the same moment. The one that read the old
// version must wait for the other's migration step and then skip it, not fail on "already exists".
void TestStoreDatabase::twoOpenersMigrateOneAfterTheOther()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.authlens"));
    Database::OpenOptions atVersion1;
    atVersion1.targetVersion = 1;
    auto first = Database::open(path, atVersion1);
    QVERIFY2(first.database, qPrintable(first.error));
    QSqlDatabase firstConnection = first.database->connection();
    QSqlQuery lock(firstConnection);
    QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));

    QString secondError = QStringLiteral("not run");
    int secondVersion = -1;
    QThread* second = QThread::create([&] {
        auto opened = Database::open(path); // reads version 1, then waits for the lock
        secondError = opened.error;
        if (opened.database)
            secondVersion = opened.database->schemaVersion();
    });
    second->start();
    QThread::msleep(300);
    const Migration step2 = Schema::migrations(first.database->dialect()).at(1);
    QCOMPARE(step2.version, 2);
    QStringList statements = step2.statements;
    statements << first.database->dialect().setSchemaVersionStatement(2);
    for (const QString& statement : statements) {
        QSqlQuery query(firstConnection);
        QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
    }
    QVERIFY(firstConnection.commit());
    QVERIFY(second->wait(20000));
    delete second;
    QVERIFY2(secondError.isEmpty(), qPrintable(secondError));
    QCOMPARE(secondVersion, Schema::latestVersion());
}

#include "tst_store_database.moc"
