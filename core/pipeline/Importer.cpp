// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/Importer.h"

#include "pipeline/BounceFindings.h"
#include "pipeline/BoundedQueue.h"
#include "pipeline/ImapImportReader.h"
#include "pipeline/ImportWorker.h"
#include "pipeline/ImportWriter.h"
#include "sources/SourceFactory.h"
#include "store/Database.h"
#include "store/ImportLog.h"
#include "store/VerificationRuns.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QThread>

#include <thread>

namespace authlens::pipeline {

struct Importer::Context
{
    store::Database* database = nullptr;
    QElapsedTimer clock;
    QElapsedTimer sinceReport;
    ImportSummary summary;
    int sourceIndex = 0;
    int sourceCount = 0;
    QString source;
    // The source being imported.
    const ImportWriter* writer = nullptr;
    qint64 messagesRead = 0;
    qint64 bytesRead = 0;
    qint64 bytesTotal = 0;
    qint64 bytesAtStart = 0; // skipped by a resume: not counted in the rate
    double sourceStartSeconds = 0;
};

namespace {

QString kindName(sources::SourceKind kind)
{
    switch (kind) {
    case sources::SourceKind::EmlFile:
        return QStringLiteral("eml");
    case sources::SourceKind::EmlFolder:
        return QStringLiteral("folder");
    case sources::SourceKind::Mbox:
        return QStringLiteral("mbox");
    case sources::SourceKind::Maildir:
        return QStringLiteral("maildir");
    }
    return QStringLiteral("eml");
}

ImportJob jobFor(sources::SourceItem&& item)
{
    ImportJob job;
    job.locator.path = item.path;
    job.errorPath = item.path;
    if (item.kind == sources::SourceKind::Mbox) {
        job.locator.mboxOffset = item.offset;
        job.errorOffset = item.offset;
        job.errorContentOffset = item.contentOffset;
    } else if (item.kind == sources::SourceKind::Maildir) {
        job.locator.maildirName = QFileInfo(item.path).fileName();
    }
    job.resume.resumeAfter = item.resumeAfter;
    job.bytes = std::move(item.bytes);
    return job;
}

} // namespace

Importer::Importer(QString databasePath, std::shared_ptr<dns::Resolver> resolver, ImportOptions options)
    : m_databasePath(std::move(databasePath))
    , m_resolver(std::move(resolver))
    , m_options(std::move(options))
{
    if (m_options.jobs <= 0)
        m_options.jobs = qMax(1, QThread::idealThreadCount());
    if (m_options.queueCapacity <= 0)
        m_options.queueCapacity = 16 * m_options.jobs;
    // The store keeps verdicts, not the canonicalized bytes the trace view recomputes on demand.
    m_options.analyzer.dkim.keepSignedData = false;
}

bool Importer::isImapUrl(const QString& source)
{
    return source.startsWith(QLatin1String("imaps://"), Qt::CaseInsensitive) ||
           source.startsWith(QLatin1String("imap://"), Qt::CaseInsensitive);
}

ImportSummary Importer::run(const QStringList& sourceList)
{
    Context context;
    context.clock.start();
    context.sinceReport.start();
    context.sourceCount = int(sourceList.size());
    store::Database::OpenResult opened = store::Database::open(m_databasePath);
    if (!opened.database) {
        context.summary.fatalError = opened.error;
        return context.summary;
    }
    context.database = opened.database.get();
    store::VerificationRuns runs(*context.database);
    const std::optional<qint64> asOf = m_options.analyzer.dkim.now;
    context.summary.runId =
        runs.begin(m_options.runNote, asOf ? QDateTime::fromSecsSinceEpoch(*asOf, Qt::UTC) : QDateTime());
    if (context.summary.runId == 0) {
        context.summary.fatalError = QStringLiteral("cannot start a verification run: ") + runs.lastError();
        return context.summary;
    }
    for (const QString& source : sourceList) {
        if (m_cancel || !context.summary.fatalError.isEmpty())
            break;
        SourceImportSummary one = importSource(context, source);
        ImportSummary& total = context.summary;
        total.messagesRead += one.messagesRead;
        total.stored += one.stored;
        total.duplicates += one.duplicates;
        total.failed += one.failed;
        total.logged += one.logged;
        total.bytesRead += one.bytesRead;
        if (!one.error.isEmpty())
            ++total.sourceErrors;
        total.sources.append(one);
        ++context.sourceIndex;
    }
    runs.finish(context.summary.runId);
    // Bounce rates are counted over the whole store, so they change with every import.
    if (context.summary.fatalError.isEmpty()) {
        const QString bounceError = BounceFindings::refresh(*context.database);
        if (!bounceError.isEmpty())
            context.summary.fatalError =
                QStringLiteral("cannot update the bounce-rate findings: ") + bounceError;
    }
    context.summary.cancelled = m_cancel.load() && context.summary.fatalError.isEmpty();
    context.summary.seconds = double(context.clock.nsecsElapsed()) / 1e9;
    context.writer = nullptr;
    report(context, true);
    return context.summary;
}

SourceImportSummary Importer::importSource(Context& context, const QString& source)
{
    SourceImportSummary summary;
    summary.source = source;
    context.source = source;
    context.messagesRead = 0;
    context.bytesRead = 0;
    context.bytesTotal = 0;
    context.bytesAtStart = 0;
    context.sourceStartSeconds = double(context.clock.nsecsElapsed()) / 1e9;

    // Open the reader first: a path that is no source at all gets no import run.
    std::unique_ptr<sources::MessageSource> reader;
    std::unique_ptr<ImapImportReader> imapReader;
    QString locator;
    if (isImapUrl(source)) {
        imapReader = std::make_unique<ImapImportReader>(source, m_options);
        if (!imapReader->error().isEmpty()) {
            summary.error = imapReader->error();
            return summary;
        }
        summary.kind = QStringLiteral("imap");
        locator = imapReader->locator();
    } else {
        sources::OpenedSource opened = sources::SourceFactory::open(source, m_options.reader);
        if (!opened.source) {
            summary.error = opened.error;
            return summary;
        }
        reader = std::move(opened.source);
        summary.kind = kindName(reader->kind());
        locator = QFileInfo(source).absoluteFilePath();
    }

    store::ImportLog log(*context.database);
    summary.sourceId = log.sourceId(summary.kind, locator, QFileInfo(locator).fileName());
    if (summary.sourceId == 0) {
        summary.error = context.summary.fatalError =
            QStringLiteral("cannot record the source: ") + log.lastError();
        return summary;
    }
    // Continue where the last import of this source stopped, unless it ran to the end.
    std::optional<sources::ResumePoint> resumeFrom;
    const QList<store::ImportRun> earlier = log.imports(summary.sourceId);
    if (reader && m_options.resume && !earlier.isEmpty() &&
        earlier.last().status != QLatin1String("finished") && earlier.last().resumeOffset &&
        earlier.last().resumeIndex) {
        const sources::ResumePoint point{*earlier.last().resumeOffset, *earlier.last().resumeIndex};
        if (reader->seek(point)) {
            resumeFrom = point;
            summary.resumed = true;
            context.bytesAtStart = reader->progress().bytesRead;
        } else {
            // The source changed under us: read it all again (the content hash skips what is stored).
            reader = sources::SourceFactory::open(source, m_options.reader).source;
            if (!reader) {
                summary.error = QStringLiteral("cannot reopen the source");
                return summary;
            }
        }
    }
    if (log.markInterrupted(summary.sourceId) < 0) {
        summary.error = context.summary.fatalError =
            QStringLiteral("cannot update the import log: ") + log.lastError();
        return summary;
    }
    summary.importId = log.beginImport(summary.sourceId);
    if (summary.importId == 0) {
        summary.error = context.summary.fatalError =
            QStringLiteral("cannot start an import: ") + log.lastError();
        return summary;
    }
    if (resumeFrom)
        log.saveResumePoint(summary.importId, resumeFrom->offset, resumeFrom->index);

    // The pipeline: this thread reads, the workers analyze, the writer writes.
    const pipeline::Analyzer analyzer(m_resolver, m_options.analyzer);
    ImportWorker::Context workerContext;
    workerContext.sourceId = summary.sourceId;
    workerContext.importId = summary.importId;
    workerContext.runId = context.summary.runId;
    workerContext.compress = m_options.batch.rawStorage == store::BatchWriter::RawStorage::Compressed;
    workerContext.compressionLevel = m_options.batch.compressionLevel;
    const ImportWorker worker(analyzer, workerContext);
    BoundedQueue<ImportJob> toWorkers(std::size_t(m_options.queueCapacity));
    BoundedQueue<AnalyzedJob> toWriter(std::size_t(m_options.queueCapacity));
    ImportWriter writer({m_databasePath, m_options.batch, summary.importId, true});
    context.writer = &writer;
    std::atomic_bool writerFailed{false};
    std::thread writerThread([&] { writer.run(toWriter, writerFailed); });
    std::vector<std::thread> workers;
    for (int i = 0; i < m_options.jobs; ++i) {
        workers.emplace_back([&] {
            // Each worker asks its own connection whether a message is stored already (Qt SQL
            // connections belong to one thread); without one, every message is analyzed.
            store::Database::OpenResult lookup = store::Database::open(m_databasePath);
            std::optional<QSqlQuery> find;
            if (lookup.database) {
                find.emplace(lookup.database->connection());
                find->prepare(QStringLiteral("SELECT 1 FROM messages WHERE content_hash = ?"));
            }
            const ImportWorker::StoredCheck isStored = [&](const QByteArray& hash) {
                find->bindValue(0, QString::fromLatin1(hash));
                const bool stored = find->exec() && find->next();
                find->finish();
                return stored;
            };
            while (std::optional<ImportJob> job = toWorkers.pop())
                toWriter.push(worker.process(std::move(*job), find ? isStored : ImportWorker::StoredCheck()));
            find.reset();
        });
    }

    qint64 sequence = 0;
    bool exhausted = false;
    const auto push = [&](ImportJob&& job) {
        writer.waitForWindow(sequence, 4 * qint64(m_options.queueCapacity));
        job.sequence = sequence++;
        if (job.bytes)
            ++context.messagesRead;
        toWorkers.push(std::move(job));
        report(context, false);
    };
    if (reader) {
        while (!m_cancel && !writerFailed) {
            std::optional<sources::SourceItem> item = reader->next();
            std::vector<sources::SourceError> errors = reader->takeErrors();
            const sources::SourceProgress progress = reader->progress();
            context.bytesRead = progress.bytesRead;
            context.bytesTotal = progress.bytesTotal;
            if (!item) {
                if (!errors.empty()) {
                    ImportJob job;
                    job.sourceErrors = std::move(errors);
                    push(std::move(job));
                }
                exhausted = true;
                break;
            }
            ImportJob job = jobFor(std::move(*item));
            job.sourceErrors = std::move(errors);
            push(std::move(job));
        }
        if (!reader->openError().isEmpty())
            summary.error = reader->openError();
    } else {
        exhausted = imapReader->read(*context.database, push, m_cancel, writerFailed, context.bytesRead);
        if (!imapReader->error().isEmpty())
            summary.error = imapReader->error();
    }

    toWorkers.close();
    for (std::thread& thread : workers)
        thread.join();
    toWriter.close();
    writerThread.join();
    context.writer = nullptr;

    summary.messagesRead = context.messagesRead;
    summary.stored = writer.stored();
    summary.duplicates = writer.duplicates();
    summary.failed = writer.failed();
    summary.logged = writer.logged();
    summary.bytesRead = context.bytesRead - context.bytesAtStart;

    store::ImportRun run = log.importRun(summary.importId).value_or(store::ImportRun{});
    run.id = summary.importId;
    run.messagesSeen = summary.messagesRead;
    run.messagesNew = summary.stored;
    run.messagesDuplicate = summary.duplicates;
    run.messagesFailed = summary.failed;
    run.bytesRead = summary.bytesRead;
    if (!writer.fatalError().isEmpty()) {
        summary.error = context.summary.fatalError = writer.fatalError();
        run.status = QStringLiteral("failed");
    } else if (!summary.error.isEmpty() && !m_cancel) {
        run.status = QStringLiteral("failed"); // the source broke off (IMAP login refused, connection lost)
    } else if (!exhausted) {
        run.status = QStringLiteral("cancelled");
    } else {
        run.status = QStringLiteral("finished");
    }
    if (!log.finishImport(run) && context.summary.fatalError.isEmpty())
        context.summary.fatalError = QStringLiteral("cannot finish the import run: ") + log.lastError();
    return summary;
}

void Importer::report(Context& context, bool force)
{
    if (!m_progressHandler)
        return;
    if (!force && context.sinceReport.elapsed() < m_options.progressIntervalMs)
        return;
    context.sinceReport.restart();
    ImportProgress progress;
    progress.source = context.source;
    progress.sourceIndex = context.sourceIndex;
    progress.sourceCount = context.sourceCount;
    const ImportSummary& done = context.summary;
    progress.messagesRead = done.messagesRead + (context.writer ? context.messagesRead : 0);
    progress.messagesStored = done.stored + (context.writer ? context.writer->stored() : 0);
    progress.duplicates = done.duplicates + (context.writer ? context.writer->duplicates() : 0);
    progress.errors = done.failed + (context.writer ? context.writer->failed() : 0);
    progress.bytesRead = context.bytesRead;
    progress.bytesTotal = context.bytesTotal;
    progress.seconds = double(context.clock.nsecsElapsed()) / 1e9;
    progress.messagesPerSecond = progress.seconds > 0 ? progress.messagesRead / progress.seconds : 0;
    const double sourceSeconds = progress.seconds - context.sourceStartSeconds;
    const qint64 sourceBytes = context.bytesRead - context.bytesAtStart;
    if (context.bytesTotal > 0 && sourceBytes > 0 && sourceSeconds > 0.5) {
        const double bytesPerSecond = sourceBytes / sourceSeconds;
        progress.etaSeconds =
            double(qMax<qint64>(0, context.bytesTotal - context.bytesRead)) / bytesPerSecond;
    }
    progress.finished = force && context.writer == nullptr;
    m_progressHandler(progress);
}

} // namespace authlens::pipeline
