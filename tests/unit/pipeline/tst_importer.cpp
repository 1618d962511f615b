// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportSamples.h"

#include "pipeline/ContentHash.h"
#include "pipeline/Importer.h"
#include "pipeline/Reverifier.h"
#include "store/Database.h"
#include "store/ImportLog.h"
#include "store/VerificationRuns.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens;
using importsamples::Samples;

class TestImporter : public QObject
{
    Q_OBJECT

    Samples m_samples;
    QTemporaryDir m_dir;
    QString m_db;

    qint64 scalar(const QString& sql) const
    {
        auto opened = store::Database::open(m_db);
        if (!opened.database)
            return -1;
        QSqlQuery query(opened.database->connection());
        if (!query.exec(sql) || !query.next())
            return -1;
        return query.value(0).toLongLong();
    }

    pipeline::ImportSummary import(const QStringList& sources, pipeline::ImportOptions options = {})
    {
        pipeline::Importer importer(m_db, m_samples.resolver(), options);
        return importer.run(sources);
    }

    QList<store::ImportError> errorsOf(qint64 importId) const
    {
        auto opened = store::Database::open(m_db);
        store::ImportLog log(*opened.database);
        return log.errors(importId);
    }

    QString path(const QString& name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase() { QVERIFY(m_samples.ok()); }

    void init() { m_db = m_dir.filePath(QStringLiteral("%1.authlens").arg(QTest::currentTestFunction())); }

    void contentHashMatchesTheStore()
    {
        // The workers hash with OpenSSL; the store's deduplication key must come out the same.
        QByteArray bytes;
        for (int size : {0, 1, 55, 56, 64, 1000, 1 << 20}) {
            bytes.resize(size);
            for (int i = 0; i < size; ++i)
                bytes[i] = char((i * 131 + size) & 0xff);
            QCOMPARE(pipeline::ContentHash::of(bytes), store::BatchWriter::contentHash(bytes));
        }
        QCOMPARE(
            pipeline::ContentHash::of("abc"),
            QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")); // FIPS 180-2
    }

    void importsMboxMaildirAndEmlFolder()
    {
        // 10 messages in each kind of source, every third one tampered with after signing.
        QList<QByteArray> mbox;
        for (int n = 0; n < 10; ++n)
            mbox.append(m_samples.message(n, "mbox", n % 3 == 0));
        QVERIFY(Samples::write(path(QStringLiteral("all/box.mbox")), Samples::mbox(mbox)));
        for (int n = 0; n < 10; ++n) {
            const QString name = QStringLiteral("17000000%1.M1P1.host").arg(n);
            const QString file = n < 5 ? QStringLiteral("all/Maildir/cur/%1:2,S").arg(name)
                                       : QStringLiteral("all/Maildir/new/%1").arg(name);
            QVERIFY(Samples::write(path(file), m_samples.message(n, "maildir", n % 3 == 0)));
            QVERIFY(Samples::write(path(QStringLiteral("all/eml/sub%1/%2.eml").arg(n % 2).arg(n)),
                                   m_samples.message(n, "eml", n % 3 == 0)));
        }
        QDir().mkpath(path(QStringLiteral("all/Maildir/tmp")));

        QList<pipeline::ImportProgress> reports;
        pipeline::ImportOptions options;
        options.jobs = 3;
        options.batch.batchSize = 4;
        options.progressIntervalMs = 0;
        pipeline::Importer importer(m_db, m_samples.resolver(), options);
        importer.setProgressHandler([&](const pipeline::ImportProgress& p) { reports.append(p); });
        const pipeline::ImportSummary summary =
            importer.run({path(QStringLiteral("all/box.mbox")), path(QStringLiteral("all/Maildir")),
                          path(QStringLiteral("all/eml"))});
        QVERIFY2(summary.fatalError.isEmpty(), qPrintable(summary.fatalError));
        QCOMPARE(summary.sources.size(), 3);
        QCOMPARE(summary.sources.at(0).kind, QStringLiteral("mbox"));
        QCOMPARE(summary.sources.at(1).kind, QStringLiteral("maildir"));
        QCOMPARE(summary.sources.at(2).kind, QStringLiteral("folder"));
        QCOMPARE(summary.messagesRead, 30);
        QCOMPARE(summary.stored, 30);
        QCOMPARE(summary.duplicates, 0);
        QCOMPARE(summary.failed, 0);
        QVERIFY(!summary.cancelled);

        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), 30);
        // Real verification: 4 of every 10 were tampered with (n = 0, 3, 6, 9).
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE dkim_result = 'pass'")), 18);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE dkim_result = 'fail'")), 12);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM dkim_signatures WHERE sdid = 'example.com' AND "
                                       "selector = 'sel' AND key_record_id IS NOT NULL")),
                 30);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE spf_result = 'pass'")), 30);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE dmarc_result = 'pass'")), 30);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE from_domain = 'example.com' AND "
                                       "date_utc IS NOT NULL AND subject LIKE '% number %'")),
                 30);
        // The key record is stored once however many messages rest on it.
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT COUNT(*) FROM dns_records WHERE name = 'sel._domainkey.example.com'")),
                 1);
        // Where each came from: mbox offsets, Maildir names.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE mbox_offset IS NOT NULL")), 10);
        QCOMPARE(scalar(QStringLiteral("SELECT MIN(mbox_offset) FROM messages")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE maildir_name LIKE '17000000%'")),
                 10);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE raw_compressed IS NULL")), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM imports WHERE status = 'finished'")), 3);

        QVERIFY(!reports.isEmpty());
        QVERIFY(reports.last().finished);
        QCOMPARE(reports.last().messagesRead, 30);
        QCOMPARE(reports.last().messagesStored, 30);
        for (qsizetype i = 1; i < reports.size(); ++i)
            QVERIFY(reports.at(i).messagesRead >= reports.at(i - 1).messagesRead);
    }

    void reimportStoresNoDuplicate()
    {
        QList<QByteArray> messages;
        for (int n = 0; n < 20; ++n)
            messages.append(m_samples.message(n, "again"));
        messages.append(messages.at(3)); // the same message twice in one source
        QVERIFY(Samples::write(path(QStringLiteral("again.mbox")), Samples::mbox(messages)));
        const pipeline::ImportSummary first = import({path(QStringLiteral("again.mbox"))});
        QCOMPARE(first.messagesRead, 21);
        QCOMPARE(first.stored, 20);
        QCOMPARE(first.duplicates, 1);
        const pipeline::ImportSummary second = import({path(QStringLiteral("again.mbox"))});
        QVERIFY(!second.sources.first().resumed); // the first run finished: read it all again
        QCOMPARE(second.messagesRead, 21);
        QCOMPARE(second.stored, 0);
        QCOMPARE(second.duplicates, 21);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), 20);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM sources")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM imports")), 2);
    }

    void cancelMidwayThenResumeStoresEachMessageOnce()
    {
        const int total = 400;
        QList<QByteArray> messages;
        for (int n = 0; n < total; ++n)
            messages.append(m_samples.message(n, "resume", n % 7 == 0));
        QVERIFY(Samples::write(path(QStringLiteral("resume.mbox")), Samples::mbox(messages)));

        pipeline::ImportOptions options;
        options.jobs = 2;
        options.batch.batchSize = 16;
        options.progressIntervalMs = 0;
        pipeline::Importer first(m_db, m_samples.resolver(), options);
        first.setProgressHandler([&](const pipeline::ImportProgress& p) {
            if (p.messagesRead >= 150)
                first.cancel();
        });
        const pipeline::ImportSummary cancelled = first.run({path(QStringLiteral("resume.mbox"))});
        QVERIFY(cancelled.cancelled);
        QVERIFY2(cancelled.messagesRead >= 150 && cancelled.messagesRead < total,
                 qPrintable(QString::number(cancelled.messagesRead)));
        // Everything read before the cancel is stored.
        QCOMPARE(cancelled.stored, cancelled.messagesRead);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), cancelled.messagesRead);
        QCOMPARE(scalar(QStringLiteral("SELECT status = 'cancelled' FROM imports")), 1);
        QVERIFY(scalar(QStringLiteral("SELECT resume_index FROM imports")) == cancelled.messagesRead);

        const pipeline::ImportSummary resumed = import({path(QStringLiteral("resume.mbox"))}, options);
        QVERIFY(resumed.sources.first().resumed);
        // Read on from where the first run stopped: nothing read twice, nothing skipped.
        QCOMPARE(resumed.messagesRead, total - cancelled.messagesRead);
        QCOMPARE(resumed.stored, total - cancelled.messagesRead);
        QCOMPARE(resumed.duplicates, 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages")), total);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(DISTINCT message_id_header) FROM messages")), total);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(DISTINCT mbox_offset) FROM messages")), total);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE dkim_result = 'fail'")),
                 (total + 6) / 7);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM imports WHERE status = 'finished'")), 1);
    }

    void badInputIsLoggedPerMessageAndTheRestImports()
    {
        QList<QByteArray> messages;
        messages.append(m_samples.message(0, "bad"));
        messages.append(m_samples.message(1, "bad", false, std::nullopt, std::nullopt,
                                          QByteArray("NUL here \0 and there\n", 21)));
        QByteArray invalidUtf8 = m_samples.message(2, "bad");
        invalidUtf8.replace("Subject: bad number 2", "Subject: caf\xe9 \xff\xfe number 2");
        messages.append(invalidUtf8);
        messages.append(m_samples.message(3, "bad", false, std::nullopt, std::nullopt,
                                          QByteArray(1200 * 1024, 'x') + "\n"));
        messages.append(m_samples.message(4, "bad"));
        QByteArray box = Samples::mbox(messages);
        const qint64 truncatedAt = box.size();
        box += Samples::postmark() + "From: Ann <ann@example.com>\nSubject: cut off\nDate: Mon, 1 Jan 2024";
        const QString mboxPath = path(QStringLiteral("bad.mbox"));
        QVERIFY(Samples::write(mboxPath, box));
        // A Maildir with files that are no messages.
        QVERIFY(Samples::write(path(QStringLiteral("badmaildir/cur/1700000000.M1P1.host:2,S")),
                               m_samples.message(5, "bad")));
        QVERIFY(Samples::write(path(QStringLiteral("badmaildir/cur/notes.pdf")),
                               QByteArray("%PDF-1.4\n\x00\x01\x02 binary", 20)));
        QVERIFY(Samples::write(path(QStringLiteral("badmaildir/new/.hidden")), "x"));
        QDir().mkpath(path(QStringLiteral("badmaildir/tmp")));

        const pipeline::ImportSummary summary =
            import({mboxPath, path(QStringLiteral("badmaildir")), path(QStringLiteral("missing.mbox"))});
        QVERIFY2(summary.fatalError.isEmpty(), qPrintable(summary.fatalError));
        QCOMPARE(summary.sources.size(), 3);
        QVERIFY(!summary.sources.at(2).error.isEmpty()); // no such source; the others still import
        QCOMPARE(summary.sourceErrors, 1);
        QVERIFY(summary.stored >= 5);
        // Message 3 has a line over the 1 MiB line-length limit: an error for it alone, not stored.
        QCOMPARE(
            scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE message_id_header LIKE '<bad-%'")), 5);

        const QList<store::ImportError> mboxErrors = errorsOf(summary.sources.at(0).importId);
        for (const store::ImportError& e : mboxErrors)
            qInfo("%s @%lld: %s", qPrintable(e.path), e.offset.value_or(-1), qPrintable(e.message));
        QVERIFY(!mboxErrors.isEmpty());
        for (const store::ImportError& e : mboxErrors) {
            QCOMPARE(e.path, mboxPath);
            QVERIFY(e.offset.has_value());
        }
        const auto has = [&](const QString& text, qint64 from, qint64 to) {
            return std::any_of(mboxErrors.begin(), mboxErrors.end(), [&](const store::ImportError& e) {
                return e.message.contains(text, Qt::CaseInsensitive) && *e.offset >= from && *e.offset < to;
            });
        };
        const qint64 second = Samples::postmark().size() + messages.at(0).size() + 1;
        const qint64 third = second + Samples::postmark().size() + messages.at(1).size() + 1;
        QVERIFY(has(QStringLiteral("NUL"), second, third));
        QVERIFY(has(QStringLiteral("UTF-8"), third, third + messages.at(2).size() + 100));
        QVERIFY(has(QStringLiteral("truncated"), truncatedAt, box.size() + 1));
        const qint64 fourth = third + Samples::postmark().size() + messages.at(2).size() + 1;
        QVERIFY(has(QStringLiteral("over the line-length limit of 1048576 bytes"), fourth,
                    fourth + messages.at(3).size()));
        // A position inside a message is the byte in the file: the postmark line before it counts.
        const auto offsetOf = [&](const QString& text) -> qint64 {
            for (const store::ImportError& e : mboxErrors) {
                if (e.message.contains(text, Qt::CaseInsensitive))
                    return e.offset.value_or(-1);
            }
            return -2;
        };
        QCOMPARE(offsetOf(QStringLiteral("not valid UTF-8")), qint64(box.indexOf("Subject: caf")));
        QCOMPARE(offsetOf(QStringLiteral("over the line-length limit")), qint64(box.indexOf("xxxxxxxx")));

        const QList<store::ImportError> maildirErrors = errorsOf(summary.sources.at(1).importId);
        QVERIFY(std::any_of(maildirErrors.begin(), maildirErrors.end(), [](const store::ImportError& e) {
            return e.path.endsWith(QLatin1String("notes.pdf"));
        }));
    }

    void reverifyKeepsHistory()
    {
        // Signed in November 2023, expiring a day later: today the signatures have expired.
        const qint64 signedAt = 1700000000;
        QList<QByteArray> messages;
        for (int n = 0; n < 12; ++n)
            messages.append(m_samples.message(n, "history", n == 5, signedAt, signedAt + 86400));
        QVERIFY(Samples::write(path(QStringLiteral("history.mbox")), Samples::mbox(messages)));
        const pipeline::ImportSummary imported = import({path(QStringLiteral("history.mbox"))});
        QCOMPARE(imported.stored, 12);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE dkim_result = 'pass'")), 0);

        // As of an hour after signing they pass (except the tampered one).
        pipeline::ReverifyOptions options;
        options.asOf = pipeline::ReverifyOptions::AsOf::Fixed;
        options.asOfSeconds = signedAt + 3600;
        options.jobs = 2;
        options.batchSize = 5;
        pipeline::Reverifier reverifier(m_db, m_samples.resolver(), options);
        const pipeline::ReverifySummary summary = reverifier.run();
        QVERIFY2(summary.fatalError.isEmpty(), qPrintable(summary.fatalError));
        QCOMPARE(summary.messages, 12);
        QCOMPARE(summary.reverified, 12);
        QCOMPARE(summary.changed, 12); // the tampered one now fails on its body instead of its expiry
        QCOMPARE(summary.failed, 0);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE dkim_result = 'pass'")), 11);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE dkim_result = 'fail'")), 1);
        QCOMPARE(
            scalar(
                QStringLiteral("SELECT COUNT(*) FROM messages WHERE latest_run_id = %1").arg(summary.runId)),
            12);
        // The import's results stay as history: two runs per message, two signature rows each.
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM dkim_signatures")), 24);
        QCOMPARE(scalar(QStringLiteral(
                            "SELECT COUNT(*) FROM dkim_signatures WHERE run_id = %1 AND result = 'pass'")
                            .arg(imported.runId)),
                 0);
        QCOMPARE(
            scalar(QStringLiteral("SELECT as_of FROM verification_runs WHERE id = %1").arg(summary.runId)),
            (signedAt + 3600) * 1000);
        auto opened = store::Database::open(m_db);
        store::VerificationRuns runs(*opened.database);
        const QList<store::VerificationRun> history = runs.forMessage(1);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).id, imported.runId);
        QCOMPARE(history.at(1).id, summary.runId);

        // As of each message's Date (January 2024, after expiry): they fail again, a third run.
        pipeline::ReverifyOptions byDate;
        byDate.asOf = pipeline::ReverifyOptions::AsOf::MessageDate;
        const pipeline::ReverifySummary third =
            pipeline::Reverifier(m_db, m_samples.resolver(), byDate).run();
        QCOMPARE(third.reverified, 12);
        QCOMPARE(third.changed, 12);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE dkim_result = 'pass'")), 0);
        QCOMPARE(runs.forMessage(1).size(), 3);
    }

    void referenceOnlyMessagesAreReverifiedFromTheirSource()
    {
        QList<QByteArray> messages;
        for (int n = 0; n < 5; ++n)
            messages.append(m_samples.message(n, "reference"));
        const QString box = path(QStringLiteral("reference.mbox"));
        QVERIFY(Samples::write(box, Samples::mbox(messages)));
        QVERIFY(Samples::write(path(QStringLiteral("reference.eml")), m_samples.message(9, "reference")));
        pipeline::ImportOptions options;
        options.batch.rawStorage = store::BatchWriter::RawStorage::ReferenceOnly;
        const pipeline::ImportSummary imported =
            import({box, path(QStringLiteral("reference.eml"))}, options);
        QCOMPARE(imported.stored, 6);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE raw_compressed IS NULL")), 6);
        const pipeline::ReverifySummary summary = pipeline::Reverifier(m_db, m_samples.resolver()).run();
        QCOMPARE(summary.reverified, 6);
        QCOMPARE(summary.failed, 0);
        // A source that changed since is refused, not judged.
        QVERIFY(Samples::write(path(QStringLiteral("reference.eml")), m_samples.message(10, "reference")));
        const pipeline::ReverifySummary changed = pipeline::Reverifier(m_db, m_samples.resolver()).run();
        QCOMPARE(changed.reverified, 5);
        QCOMPARE(changed.failed, 1);
        QVERIFY2(changed.errors.first().contains(QLatin1String("changed since")),
                 qPrintable(changed.errors.first()));
    }
};

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
