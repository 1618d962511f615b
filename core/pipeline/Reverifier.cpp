// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/Reverifier.h"

#include "mail/Message.h"
#include "pipeline/AnalysisRecords.h"
#include "pipeline/BounceFindings.h"
#include "pipeline/BoundedQueue.h"
#include "pipeline/ContentHash.h"
#include "sources/MboxReader.h"
#include "store/BatchWriter.h"
#include "store/Database.h"
#include "store/RawMessageCodec.h"
#include "store/VerificationRuns.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <mutex>
#include <thread>

namespace authlens::pipeline {

namespace {

constexpr int kPageSize = 200;
constexpr qsizetype kMaxErrorsKept = 20;

struct StoredMessage
{
    qint64 id = 0;
    QByteArray compressed;
    QString path;
    std::optional<qint64> mboxOffset;
    QByteArray contentHash;
    QDateTime date;
    QString dkimBefore;
};

struct Reverified
{
    qint64 id = 0;
    std::optional<store::VerificationResults> results;
    bool changed = false;
    QString error;
};

// The bytes of a message kept as a reference only, read again from its source and checked against
// the hash taken at import: a source that changed since is refused rather than judged.
std::optional<QByteArray> readFromSource(const StoredMessage& stored, QString& why)
{
    if (stored.path.isEmpty()) {
        why = QStringLiteral("no raw bytes stored and no source to read them from");
        return std::nullopt;
    }
    QByteArray raw;
    if (stored.mboxOffset) {
        sources::MboxReader reader(stored.path);
        if (!reader.seek({*stored.mboxOffset, 0})) {
            why = QStringLiteral("%1: cannot find the message at byte %2")
                      .arg(stored.path)
                      .arg(*stored.mboxOffset);
            return std::nullopt;
        }
        std::optional<sources::SourceItem> item = reader.next();
        if (!item) {
            why = QStringLiteral("%1: no message at byte %2").arg(stored.path).arg(*stored.mboxOffset);
            return std::nullopt;
        }
        raw = std::move(item->bytes);
    } else {
        QFile file(stored.path);
        if (!file.open(QIODevice::ReadOnly)) {
            why = QStringLiteral("%1: %2").arg(stored.path, file.errorString());
            return std::nullopt;
        }
        raw = file.readAll();
    }
    if (ContentHash::of(raw) != stored.contentHash) {
        why = QStringLiteral("%1: the message changed since it was imported").arg(stored.path);
        return std::nullopt;
    }
    return raw;
}

std::optional<QByteArray> rawOf(const StoredMessage& stored, QString& why)
{
    if (stored.compressed.isEmpty())
        return readFromSource(stored, why);
    store::RawMessageCodec::Decoded decoded = store::RawMessageCodec::decode(stored.compressed);
    if (!decoded.ok()) {
        why = decoded.error;
        return std::nullopt;
    }
    return std::move(decoded.raw);
}

} // namespace

Reverifier::Reverifier(QString databasePath, std::shared_ptr<dns::Resolver> resolver, ReverifyOptions options)
    : m_databasePath(std::move(databasePath))
    , m_resolver(std::move(resolver))
    , m_options(std::move(options))
{
    if (m_options.jobs <= 0)
        m_options.jobs = qMax(1, QThread::idealThreadCount());
    // Only the summary and the rows are stored; the canonicalized bytes are for the trace view.
    m_options.analyzer.dkim.keepSignedData = false;
}

ReverifySummary Reverifier::run()
{
    ReverifySummary summary;
    QElapsedTimer clock;
    clock.start();
    store::Database::OpenResult opened = store::Database::open(m_databasePath, {std::nullopt, true});
    if (!opened.database) {
        summary.fatalError = opened.error;
        return summary;
    }
    store::Database& database = *opened.database;
    AnalyzerOptions fixedOptions = m_options.analyzer;
    QDateTime asOf;
    if (m_options.asOf == ReverifyOptions::AsOf::Fixed) {
        fixedOptions.dkim.now = m_options.asOfSeconds;
        asOf = QDateTime::fromSecsSinceEpoch(m_options.asOfSeconds, Qt::UTC);
    }
    store::VerificationRuns runs(database);
    summary.runId = runs.begin(m_options.asOf == ReverifyOptions::AsOf::MessageDate
                                   ? m_options.note + QStringLiteral(" (as of each message's date)")
                                   : m_options.note,
                               asOf);
    if (summary.runId == 0) {
        summary.fatalError = QStringLiteral("cannot start a verification run: ") + runs.lastError();
        return summary;
    }
    qint64 total = 0;
    {
        QSqlQuery count(database.connection());
        if (count.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) && count.next())
            total = count.value(0).toLongLong();
    }

    const Analyzer sharedAnalyzer(m_resolver, fixedOptions);
    BoundedQueue<StoredMessage> toWorkers(std::size_t(8 * m_options.jobs));
    BoundedQueue<Reverified> toWriter(std::size_t(8 * m_options.jobs));
    std::mutex errorsMutex;
    const auto noteError = [&](const QString& error) {
        std::lock_guard lock(errorsMutex);
        ++summary.failed;
        if (summary.errors.size() < kMaxErrorsKept)
            summary.errors.append(error);
    };

    std::vector<std::thread> workers;
    for (int i = 0; i < m_options.jobs; ++i) {
        workers.emplace_back([&] {
            while (std::optional<StoredMessage> stored = toWorkers.pop()) {
                Reverified done;
                done.id = stored->id;
                QString why;
                const std::optional<QByteArray> raw = rawOf(*stored, why);
                if (!raw) {
                    done.error = QStringLiteral("message %1: %2").arg(stored->id).arg(why);
                    toWriter.push(std::move(done));
                    continue;
                }
                const mail::Message message = mail::Message::parse(*raw, fixedOptions.message);
                if (message.limitError()) {
                    // Stored under other limits: report it rather than judge half a message.
                    done.error =
                        QStringLiteral("message %1: %2").arg(stored->id).arg(message.limitError()->message);
                    toWriter.push(std::move(done));
                    continue;
                }
                Analysis analysis;
                if (m_options.asOf == ReverifyOptions::AsOf::MessageDate && stored->date.isValid()) {
                    AnalyzerOptions options = fixedOptions;
                    options.dkim.now = stored->date.toSecsSinceEpoch();
                    analysis = Analyzer(m_resolver, options).analyze(message);
                } else {
                    analysis = sharedAnalyzer.analyze(message);
                }
                done.results = AnalysisRecords::results(analysis);
                done.results->deliveryStatus = AnalysisRecords::deliveryStatus(message);
                done.changed = store::BatchWriter::summarizeDkim(done.results->dkim) != stored->dkimBefore;
                toWriter.push(std::move(done));
            }
        });
    }
    QString writerError;
    std::atomic_bool writerFailed{false};
    std::thread writerThread([&] {
        store::Database::OpenResult writerDb = store::Database::open(m_databasePath);
        if (!writerDb.database) {
            writerError = writerDb.error;
            writerFailed = true;
        }
        std::optional<store::BatchWriter> writer;
        if (writerDb.database)
            writer.emplace(*writerDb.database,
                           store::BatchWriter::Options{m_options.batchSize, 2000,
                                                       store::BatchWriter::RawStorage::Compressed, 6});
        while (std::optional<Reverified> done = toWriter.pop()) {
            if (!writer)
                continue;
            if (!done->results) {
                noteError(done->error);
                continue;
            }
            const store::BatchWriter::Outcome outcome =
                writer->writeVerification(done->id, summary.runId, *done->results);
            if (!outcome.ok) {
                noteError(QStringLiteral("message %1: %2").arg(done->id).arg(outcome.error));
                continue;
            }
            ++summary.reverified;
            if (done->changed)
                ++summary.changed;
        }
        if (writer && !writer->flush()) {
            writerError = writer->lastError();
            writerFailed = true;
        }
    });

    // Page through the messages by id, so no read transaction stays open for the whole run.
    qint64 lastId = 0;
    while (!m_cancel && !writerFailed) {
        QSqlQuery page(database.connection());
        page.prepare(QStringLiteral("SELECT id, raw_compressed, locator_path, mbox_offset, content_hash, "
                                    "date_utc, dkim_result FROM messages WHERE id > ? ORDER BY id LIMIT %1")
                         .arg(kPageSize));
        page.addBindValue(lastId);
        if (!page.exec()) {
            summary.fatalError = QStringLiteral("cannot read the messages: ") + page.lastError().text();
            break;
        }
        std::vector<StoredMessage> batch;
        while (page.next()) {
            StoredMessage stored;
            stored.id = page.value(0).toLongLong();
            stored.compressed = page.value(1).toByteArray();
            stored.path = page.value(2).toString();
            if (!page.value(3).isNull())
                stored.mboxOffset = page.value(3).toLongLong();
            stored.contentHash = page.value(4).toString().toLatin1();
            if (!page.value(5).isNull())
                stored.date = QDateTime::fromMSecsSinceEpoch(page.value(5).toLongLong(), Qt::UTC);
            stored.dkimBefore = page.value(6).toString();
            batch.push_back(std::move(stored));
        }
        page.finish();
        if (batch.empty())
            break;
        lastId = batch.back().id;
        for (StoredMessage& stored : batch) {
            toWorkers.push(std::move(stored));
            ++summary.messages;
        }
        if (m_progress)
            m_progress(summary.messages, total);
    }
    toWorkers.close();
    for (std::thread& worker : workers)
        worker.join();
    toWriter.close();
    writerThread.join();
    if (!writerError.isEmpty() && summary.fatalError.isEmpty())
        summary.fatalError = writerError;
    runs.finish(summary.runId);
    // Messages stored before schema version 5 may just have been recognized as bounces.
    if (summary.fatalError.isEmpty()) {
        const QString bounceError = BounceFindings::refresh(database);
        if (!bounceError.isEmpty())
            summary.fatalError = QStringLiteral("cannot update the bounce-rate findings: ") + bounceError;
    }
    summary.cancelled = m_cancel.load();
    summary.seconds = double(clock.nsecsElapsed()) / 1e9;
    return summary;
}

} // namespace authlens::pipeline
