// SPDX-License-Identifier: GPL-3.0-or-later
// The batched writer: dedup by content hash, commit and rollback, compression, DNS record dedup,
// re-verification history, findings, and the import log and IMAP sync state beside it.
#include "StoreSamples.h"

#include "store/BatchWriter.h"
#include "store/Database.h"
#include "store/Findings.h"
#include "store/ImapSyncStates.h"
#include "store/ImportLog.h"
#include "store/MessageQueries.h"
#include "store/VerificationRuns.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace authlens::store;

namespace {

qint64 count(Database& database, const QString& table)
{
    QSqlQuery query(database.connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace

class TestStoreWriter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void deduplicatesByContentHash();
    void commitsAndRollsBackBatches();
    void commitsEveryNMessages();
    void failedMessageLeavesNoPartialRowsAndKeepsBatch();
    void compressionRoundTripsByteExact();
    void referenceOnlyKeepsNoBytes();
    void deduplicatesDnsRecords();
    void reverificationKeepsHistory();
    void findingsCountAndDismiss();
    void batchRowsFollowTheirMessages();
    void importLogAndImapSyncState();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    qint64 m_runId = 0;
};

void TestStoreWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto opened = Database::open(m_dir->filePath(QStringLiteral("writer.authlens")));
    QVERIFY2(opened.database, qPrintable(opened.error));
    m_database = std::move(opened.database);
    m_runId = VerificationRuns(*m_database).begin(QStringLiteral("import"));
    QVERIFY(m_runId > 0);
}

void TestStoreWriter::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

void TestStoreWriter::deduplicatesByContentHash()
{
    BatchWriter writer(*m_database);
    const auto first = writer.write(samples::message(1, QStringLiteral("example.com"), m_runId));
    QVERIFY2(first.ok, qPrintable(first.error));
    QVERIFY(first.isNew);
    // Same bytes in the same batch, then after a commit, then with other metadata: one message.
    const auto again = writer.write(samples::message(1, QStringLiteral("example.com"), m_runId));
    QVERIFY(again.ok);
    QVERIFY(!again.isNew);
    QCOMPARE(again.messageId, first.messageId);
    QVERIFY(writer.flush());
    auto relabelled = samples::message(1, QStringLiteral("example.com"), m_runId);
    relabelled.message.locator.path = QStringLiteral("/elsewhere/copy.eml");
    const auto third = writer.write(relabelled);
    QVERIFY(third.ok && !third.isNew);
    QCOMPARE(third.messageId, first.messageId);
    const auto other = writer.write(samples::message(2, QStringLiteral("example.com"), m_runId));
    QVERIFY(other.ok && other.isNew);
    QVERIFY(writer.flush());
    QCOMPARE(count(*m_database, QStringLiteral("messages")), 2);
    // The duplicate's results were not stored a second time.
    QCOMPARE(count(*m_database, QStringLiteral("dkim_signatures")), 2);
    QCOMPARE(MessageQueries(*m_database)
                 .findByContentHash(
                     BatchWriter::contentHash(samples::rawMessage(1, QStringLiteral("example.com")))),
             std::optional<qint64>(first.messageId));
}

void TestStoreWriter::commitsAndRollsBackBatches()
{
    BatchWriter::Options options;
    options.batchSize = 100;
    options.maxBatchMilliseconds = 600000;
    BatchWriter writer(*m_database, options);
    for (int i = 0; i < 3; ++i)
        QVERIFY(writer.write(samples::message(i, QStringLiteral("example.com"), m_runId)).ok);
    QCOMPARE(writer.pending(), 3);
    writer.discard();
    QCOMPARE(writer.pending(), 0);
    QCOMPARE(count(*m_database, QStringLiteral("messages")), 0);
    QCOMPARE(count(*m_database, QStringLiteral("dkim_signatures")), 0);
    QCOMPARE(count(*m_database, QStringLiteral("dns_records")), 0);
    // The DNS record cache forgot the rolled-back rows: the next batch stores the key record again.
    for (int i = 0; i < 3; ++i)
        QVERIFY(writer.write(samples::message(i, QStringLiteral("example.com"), m_runId)).isNew);
    QVERIFY(writer.flush());
    QCOMPARE(count(*m_database, QStringLiteral("messages")), 3);
    QCOMPARE(count(*m_database, QStringLiteral("dns_records")), 1);
    const auto detail = MessageQueries(*m_database).detail(1);
    QVERIFY(detail);
    QVERIFY(detail->dkim.first().keyRecord);
}

void TestStoreWriter::commitsEveryNMessages()
{
    BatchWriter::Options options;
    options.batchSize = 4;
    options.maxBatchMilliseconds = 600000;
    {
        BatchWriter writer(*m_database, options);
        for (int i = 0; i < 10; ++i)
            QVERIFY(writer.write(samples::message(i, QStringLiteral("example.com"), m_runId)).ok);
        QCOMPARE(writer.pending(), 2); // 4 + 4 committed
        // A second connection (as a view would have) sees only committed rows.
        auto reader = Database::open(m_database->path());
        QVERIFY(reader.database);
        QCOMPARE(MessageQueries(*reader.database).count(), 8);
        writer.discard();
    }
    QCOMPARE(count(*m_database, QStringLiteral("messages")), 8);
    // The time limit commits too.
    options.batchSize = 1000;
    options.maxBatchMilliseconds = 0;
    BatchWriter timed(*m_database, options);
    QVERIFY(timed.write(samples::message(50, QStringLiteral("example.com"), m_runId)).ok);
    QCOMPARE(timed.pending(), 0);
    QCOMPARE(count(*m_database, QStringLiteral("messages")), 9);
}

void TestStoreWriter::failedMessageLeavesNoPartialRowsAndKeepsBatch()
{
    BatchWriter writer(*m_database);
    QVERIFY(writer.write(samples::message(1, QStringLiteral("example.com"), m_runId)).ok);
    // A run that does not exist: the message row goes in, its signature violates the foreign key.
    const auto bad = writer.write(samples::message(2, QStringLiteral("example.com"), m_runId + 1000));
    QVERIFY(!bad.ok);
    QVERIFY(!bad.error.isEmpty());
    QVERIFY(writer.write(samples::message(3, QStringLiteral("example.com"), m_runId)).ok);
    QVERIFY(writer.flush());
    QCOMPARE(count(*m_database, QStringLiteral("messages")), 2);
    QCOMPARE(count(*m_database, QStringLiteral("dkim_signatures")), 2);
    QVERIFY(!MessageQueries(*m_database)
                 .findByContentHash(
                     BatchWriter::contentHash(samples::rawMessage(2, QStringLiteral("example.com")))));
}

void TestStoreWriter::compressionRoundTripsByteExact()
{
    BatchWriter writer(*m_database);
    QList<QByteArray> raws;
    // Binary junk, CRLF and bare LF, NUL bytes, an empty body, and a large compressible message.
    raws << QByteArray("From: a@example.com\r\n\r\n\0\x01\xff\r\n\n\r", 31);
    QByteArray random(70000, '\0');
    for (char& byte : random)
        byte = char(QRandomGenerator::global()->bounded(256));
    raws << random << QByteArray("Subject: x\n\n") << QByteArray(3 * 1024 * 1024, 'A') + "tail";
    QList<qint64> ids;
    for (const QByteArray& raw : raws) {
        BatchWriter::MessageWrite item;
        item.raw = raw;
        const auto outcome = writer.write(item);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        ids << outcome.messageId;
    }
    QVERIFY(writer.flush());
    MessageQueries queries(*m_database);
    for (qsizetype i = 0; i < raws.size(); ++i) {
        const auto stored = queries.rawMessage(ids.at(i));
        QVERIFY(stored);
        QCOMPARE(*stored, raws.at(i));
        QCOMPARE(queries.detail(ids.at(i))->message.size, qint64(raws.at(i).size()));
    }
    QSqlQuery size(m_database->connection());
    QVERIFY(size.exec(
        QStringLiteral("SELECT LENGTH(raw_compressed) FROM messages WHERE id = %1").arg(ids.last())));
    QVERIFY(size.next());
    QVERIFY(size.value(0).toLongLong() < 100000); // 3 MB of 'A' compresses
}

void TestStoreWriter::referenceOnlyKeepsNoBytes()
{
    BatchWriter::Options options;
    options.rawStorage = BatchWriter::RawStorage::ReferenceOnly;
    BatchWriter writer(*m_database, options);
    const auto outcome = writer.write(samples::message(7, QStringLiteral("example.com"), m_runId));
    QVERIFY(outcome.ok);
    QVERIFY(writer.flush());
    MessageQueries queries(*m_database);
    QVERIFY(!queries.rawMessage(outcome.messageId));
    const auto detail = queries.detail(outcome.messageId);
    QVERIFY(!detail->message.rawStored);
    QCOMPARE(detail->message.locator.path, QStringLiteral("/samples/box.mbox"));
    QCOMPARE(detail->message.locator.mboxOffset, std::optional<qint64>(1400));
    QCOMPARE(
        QString::fromLatin1(detail->message.contentHash),
        QString::fromLatin1(BatchWriter::contentHash(samples::rawMessage(7, QStringLiteral("example.com")))));
}

void TestStoreWriter::deduplicatesDnsRecords()
{
    BatchWriter writer(*m_database);
    for (int i = 0; i < 50; ++i) {
        auto item =
            samples::message(i, QStringLiteral("example.com"), m_runId, QStringLiteral("pass"), 0, true);
        // The TTL counts down in a cache: still the same record.
        item.results.dkim[0].keyRecord->ttl = 3600 - i;
        item.results.consultedRecords.append(
            samples::keyRecord(QStringLiteral("s1"), QStringLiteral("example.com")));
        QVERIFY(writer.write(item).ok);
        if (i == 25)
            QVERIFY(writer.flush());
    }
    QVERIFY(writer.flush());
    // example.com's key and esp.example's key, once each.
    QCOMPARE(count(*m_database, QStringLiteral("dns_records")), 2);
    QCOMPARE(count(*m_database, QStringLiteral("dkim_signatures")), 100);
    QCOMPARE(count(*m_database, QStringLiteral("message_dns_records")), 50);
    // A second writer (a later import) finds the stored record instead of adding a copy.
    BatchWriter later(*m_database);
    QVERIFY(later.write(samples::message(900, QStringLiteral("example.com"), m_runId)).ok);
    QVERIFY(later.flush());
    QCOMPARE(count(*m_database, QStringLiteral("dns_records")), 2);
    // A changed key is a new record; the old one stays for the history.
    auto rotated = samples::message(901, QStringLiteral("example.com"), m_runId);
    rotated.results.dkim[0].keyRecord->text = QStringLiteral("v=DKIM1; p=NEWKEY");
    QVERIFY(later.write(rotated).ok);
    QVERIFY(later.flush());
    QCOMPARE(count(*m_database, QStringLiteral("dns_records")), 3);
    const auto detail = MessageQueries(*m_database).detail(1);
    QVERIFY(detail);
    QCOMPARE(detail->dkim.size(), 2);
    QCOMPARE(detail->dkim.at(0).keyRecord->name, QStringLiteral("s1._domainkey.example.com"));
    QCOMPARE(detail->dkim.at(0).keyRecord->ttl, 3600); // the first fetch's
    QCOMPARE(detail->consultedRecords.size(), 1);
}

void TestStoreWriter::reverificationKeepsHistory()
{
    BatchWriter writer(*m_database);
    auto item = samples::message(1, QStringLiteral("example.com"), m_runId, QStringLiteral("fail"));
    SpfRecord spf;
    spf.result = QStringLiteral("softfail");
    spf.domain = QStringLiteral("example.com");
    spf.ip = QStringLiteral("192.0.2.1");
    item.results.spf = spf;
    const auto first = writer.write(item);
    QVERIFY(first.ok);
    QVERIFY(writer.flush());

    VerificationRuns runs(*m_database);
    const qint64 secondRun = runs.begin(QStringLiteral("after DNS fix"), QDateTime::currentDateTimeUtc());
    QVERIFY(secondRun > m_runId);
    VerificationResults results;
    results.dkim.append(
        samples::signature(QStringLiteral("example.com"), QStringLiteral("s1"), QStringLiteral("pass")));
    SpfRecord spfPass = spf;
    spfPass.result = QStringLiteral("pass");
    results.spf = spfPass;
    DmarcRecord dmarc;
    dmarc.result = QStringLiteral("pass");
    dmarc.fromDomain = QStringLiteral("example.com");
    dmarc.policyDomain = QStringLiteral("example.com");
    dmarc.policy = QStringLiteral("reject");
    dmarc.dkimAligned = true;
    dmarc.rfc7489Result = QStringLiteral("pass");
    results.dmarc = dmarc;
    QVERIFY(writer.writeVerification(first.messageId, secondRun, results).ok);
    QVERIFY(writer.flush());
    QVERIFY(runs.finish(secondRun));

    MessageQueries queries(*m_database);
    const auto latest = queries.detail(first.messageId);
    QCOMPARE(latest->runId, secondRun);
    QCOMPARE(latest->message.dkimResult, QStringLiteral("pass"));
    QCOMPARE(latest->message.dmarcResult, QStringLiteral("pass"));
    QCOMPARE(latest->dkim.size(), 1);
    QCOMPARE(latest->dkim.first().result, QStringLiteral("pass"));
    QCOMPARE(latest->spf->result, QStringLiteral("pass"));
    QVERIFY(latest->dmarc && latest->dmarc->dkimAligned && !latest->dmarc->spfAligned);
    QCOMPARE(latest->dmarc->rfc7489Result, QStringLiteral("pass"));

    const auto earlier = queries.detail(first.messageId, m_runId);
    QCOMPARE(earlier->dkim.first().result, QStringLiteral("fail"));
    QCOMPARE(earlier->spf->result, QStringLiteral("softfail"));
    QVERIFY(!earlier->dmarc);

    const QList<VerificationRun> history = runs.forMessage(first.messageId);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).id, m_runId);
    QCOMPARE(history.at(1).id, secondRun);
    QVERIFY(history.at(1).finishedAt.isValid());
    QCOMPARE(history.at(1).note, QStringLiteral("after DNS fix"));

    // Writing an older run afterwards adds history but does not move the summary back.
    VerificationResults old;
    old.dkim.append(
        samples::signature(QStringLiteral("example.com"), QStringLiteral("s1"), QStringLiteral("permerror")));
    QVERIFY(writer.writeVerification(first.messageId, m_runId, old).ok);
    QVERIFY(writer.flush());
    QCOMPARE(queries.detail(first.messageId)->message.dkimResult, QStringLiteral("pass"));
}

// DNS record links and findings are written once per batch (issue 5): a link per message and record, several
// INSERTs' worth of them in one batch, findings counted across batches, nothing of a failed message or a
// discarded batch.
void TestStoreWriter::batchRowsFollowTheirMessages()
{
    FindingRecord weakKey;
    weakKey.id = QStringLiteral("dkim.key.rsa-short");
    weakKey.severity = FindingSeverity::Error;
    weakKey.subject = QStringLiteral("s1._domainkey.example.com");
    weakKey.message = QStringLiteral("The key has 1024 bits.");
    FindingRecord failedOnly = weakKey;
    failedOnly.subject = QStringLiteral("s9._domainkey.example.com");
    const auto withRows = [&](int number) {
        auto item = samples::message(number, QStringLiteral("example.com"), m_runId);
        DnsRecordRecord own =
            samples::keyRecord(QStringLiteral("k%1").arg(number), QStringLiteral("example.com"));
        item.results.consultedRecords << own << own; // twice in one run: one link
        item.results.findings << weakKey << weakKey;
        return item;
    };
    BatchWriter writer(*m_database);
    for (int i = 0; i < 300; ++i)
        QVERIFY2(writer.write(withRows(i)).ok, qPrintable(writer.lastError()));
    auto broken = withRows(300);
    broken.results.dkim[0].result = QString(); // NOT NULL: fails after the message row
    broken.results.findings << failedOnly;
    QVERIFY(!writer.write(broken).ok);
    QVERIFY(writer.flush());
    QCOMPARE(count(*m_database, QStringLiteral("messages")), 300);
    QCOMPARE(count(*m_database, QStringLiteral("message_dns_records")), 300);
    for (int i = 301; i < 311; ++i)
        QVERIFY(writer.write(withRows(i)).ok);
    QVERIFY(writer.flush());
    for (int i = 400; i < 405; ++i)
        QVERIFY(writer.write(withRows(i)).ok);
    writer.discard();
    QCOMPARE(count(*m_database, QStringLiteral("message_dns_records")), 310);
    const QList<FindingRecord> all = Findings(*m_database).list();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().subject, weakKey.subject);
    QCOMPARE(all.first().occurrences, 620);
    QVERIFY(all.first().exampleMessageId > 0);
}

void TestStoreWriter::findingsCountAndDismiss()
{
    BatchWriter writer(*m_database);
    FindingRecord weakKey;
    weakKey.id = QStringLiteral("dkim.key.rsa-short");
    weakKey.severity = FindingSeverity::Error;
    weakKey.subject = QStringLiteral("s1._domainkey.example.com");
    weakKey.message = QStringLiteral("The key has 1024 bits.");
    weakKey.fix = QStringLiteral("Publish a 2048-bit key.");
    weakKey.reference = QStringLiteral("RFC 8301 3.2");
    FindingRecord noDmarc;
    noDmarc.id = QStringLiteral("dmarc.record.missing");
    noDmarc.severity = FindingSeverity::Warning;
    noDmarc.subject = QStringLiteral("_dmarc.example.com");
    noDmarc.message = QStringLiteral("No DMARC record.");
    for (int i = 0; i < 5; ++i) {
        auto item = samples::message(i, QStringLiteral("example.com"), m_runId);
        item.results.findings << weakKey;
        if (i == 0)
            item.results.findings << noDmarc;
        QVERIFY(writer.write(item).ok);
    }
    QVERIFY(writer.flush());
    Findings findings(*m_database);
    QList<FindingRecord> all = findings.list();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.first().id, weakKey.id); // worst first
    QCOMPARE(all.first().occurrences, 5);
    QCOMPARE(all.first().reference, QStringLiteral("RFC 8301 3.2"));
    QVERIFY(all.first().exampleMessageId > 0);
    QVERIFY(findings.dismiss(all.first().rowId, QStringLiteral("legacy selector, retired next week")));
    QCOMPARE(findings.list().size(), 1);
    all = findings.list(true);
    QCOMPARE(all.size(), 2);
    QVERIFY(all.first().dismissed);
    QCOMPARE(all.first().dismissedReason, QStringLiteral("legacy selector, retired next week"));
    QVERIFY(!findings.dismiss(999999, QStringLiteral("x")));
    QVERIFY(findings.restore(all.first().rowId));
    QCOMPARE(findings.list().size(), 2);
}

void TestStoreWriter::importLogAndImapSyncState()
{
    ImportLog log(*m_database);
    const qint64 sourceId = log.sourceId(QStringLiteral("mbox"), QStringLiteral("/samples/box.mbox"));
    QVERIFY(sourceId > 0);
    QCOMPARE(log.sourceId(QStringLiteral("mbox"), QStringLiteral("/samples/box.mbox")), sourceId);
    const qint64 importId = log.beginImport(sourceId);
    QVERIFY(importId > 0);
    QCOMPARE(log.importRun(importId)->status, QStringLiteral("running"));
    QVERIFY(!log.importRun(importId)->resumeOffset);
    QVERIFY(log.saveResumePoint(importId, 98765, 42));
    QCOMPARE(log.importRun(importId)->resumeOffset, std::optional<qint64>(98765));
    QCOMPARE(log.importRun(importId)->resumeIndex, std::optional<qint64>(42));
    QVERIFY(log.logError({0,
                          importId,
                          QStringLiteral("/samples/box.mbox"),
                          123456,
                          std::nullopt,
                          QStringLiteral("truncated message at byte 123456"),
                          {}}));
    BatchWriter writer(*m_database);
    auto item = samples::message(1, QStringLiteral("example.com"), m_runId);
    item.message.sourceId = sourceId;
    item.message.importId = importId;
    // Bytes compressed beforehand (by the import's workers) are stored as given.
    item.compressedRaw = qCompress(item.raw, 1);
    QVERIFY(writer.write(item).ok);
    QVERIFY(writer.flush());
    QSqlQuery raw(m_database->connection());
    QVERIFY(raw.exec(QStringLiteral("SELECT raw_compressed FROM messages")) && raw.next());
    QCOMPARE(raw.value(0).toByteArray(), item.compressedRaw);
    QCOMPARE(qUncompress(raw.value(0).toByteArray()), item.raw);
    raw.finish();
    ImportRun run = *log.importRun(importId);
    run.messagesSeen = 2;
    run.messagesNew = 1;
    run.messagesFailed = 1;
    run.bytesRead = 4096;
    run.status = QStringLiteral("finished");
    QVERIFY(log.finishImport(run));
    const ImportRun stored = *log.importRun(importId);
    QCOMPARE(stored.status, QStringLiteral("finished"));
    QVERIFY(stored.finishedAt.isValid());
    QCOMPARE(stored.messagesFailed, 1);
    QCOMPARE(stored.bytesRead, 4096);
    QCOMPARE(stored.resumeIndex, std::optional<qint64>(42));
    const QList<ImportError> errors = log.errors(importId);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().offset, std::optional<qint64>(123456));
    QVERIFY(!errors.first().uid);
    QCOMPARE(log.sources().size(), 1);
    QCOMPARE(log.imports(sourceId).size(), 1);

    ImapSyncStates states(*m_database);
    QVERIFY(!states.find(QStringLiteral("seed@imap.example:993"), QStringLiteral("INBOX")));
    QVERIFY(
        states.save({QStringLiteral("seed@imap.example:993"), QStringLiteral("INBOX"), 1700000000, 42, {}}));
    QVERIFY(
        states.save({QStringLiteral("seed@imap.example:993"), QStringLiteral("INBOX"), 1700000000, 99, {}}));
    const auto state = states.find(QStringLiteral("seed@imap.example:993"), QStringLiteral("INBOX"));
    QVERIFY(state);
    QCOMPARE(state->highestUid, 99);
    QCOMPARE(state->uidValidity, 1700000000);
    QCOMPARE(count(*m_database, QStringLiteral("imap_sync_state")), 1);
}

QTEST_GUILESS_MAIN(TestStoreWriter)
#include "tst_store_writer.moc"
