// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportBenchmark.h"

#include "ProcessStats.h"

#include "dns/CachingResolver.h"
#include "dns/RecordsFileResolver.h"
#include "mail/Message.h"
#include "pipeline/Analyzer.h"
#include "pipeline/BoundedQueue.h"
#include "pipeline/Importer.h"
#include "sources/SourceFactory.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <thread>

namespace authlens::bench {

namespace {

pipeline::AnalyzerOptions analyzerOptions(qint64 verifyTime)
{
    pipeline::AnalyzerOptions options;
    options.dkim.now = verifyTime;
    // As the importer sets it: the store keeps verdicts, not canonicalized bytes.
    options.dkim.keepSignedData = false;
    return options;
}

// Read on this thread, parse + analyze on `threads` workers, keep nothing: the import's pipeline
// without the store.
void verifyOnly(ImportBenchmark::Run& run, const QString& mboxPath, std::shared_ptr<dns::Resolver> resolver,
                qint64 verifyTime, int threads)
{
    sources::OpenedSource opened = sources::SourceFactory::open(mboxPath);
    if (!opened.source) {
        run.error = opened.error;
        return;
    }
    const pipeline::Analyzer analyzer(std::move(resolver), analyzerOptions(verifyTime));
    pipeline::BoundedQueue<QByteArray> queue(std::size_t(16 * threads)); // the importer's default
    std::atomic<qint64> passed{0};
    std::vector<std::thread> workers;
    for (int i = 0; i < threads; ++i) {
        workers.emplace_back([&] {
            qint64 mine = 0;
            while (std::optional<QByteArray> bytes = queue.pop()) {
                const mail::Message message = mail::Message::parse(*bytes);
                const pipeline::Analysis analysis = analyzer.analyze(message);
                for (const dkim::Result& result : analysis.dkim)
                    mine += result.passed() ? 1 : 0;
            }
            passed += mine;
        });
    }
    while (std::optional<sources::SourceItem> item = opened.source->next()) {
        ++run.messages;
        run.bytes += item->bytes.size();
        queue.push(std::move(item->bytes));
    }
    queue.close();
    for (std::thread& worker : workers)
        worker.join();
    run.dkimPassed = passed;
}

void importInto(ImportBenchmark::Run& run, const QString& mboxPath, std::shared_ptr<dns::Resolver> resolver,
                qint64 verifyTime, int threads, const QString& databasePath, bool referenceOnly)
{
    pipeline::ImportOptions options;
    options.jobs = threads;
    options.analyzer = analyzerOptions(verifyTime);
    options.resume = false;
    options.progressIntervalMs = 1000000;
    if (referenceOnly)
        options.batch.rawStorage = store::BatchWriter::RawStorage::ReferenceOnly;
    pipeline::Importer importer(databasePath, std::move(resolver), options);
    const pipeline::ImportSummary summary = importer.run({mboxPath});
    run.messages = summary.messagesRead;
    run.stored = summary.stored;
    run.failed = summary.failed;
    run.bytes = summary.bytesRead;
    if (!summary.fatalError.isEmpty())
        run.error = summary.fatalError;
    else if (summary.sourceErrors > 0 && !summary.sources.isEmpty())
        run.error = summary.sources.first().error;
    for (const QString& suffix : {QString(), QStringLiteral("-wal")})
        run.databaseBytes += QFileInfo(databasePath + suffix).size();
}

QString figure(double value, int decimals = 0)
{
    return QString::number(value, 'f', decimals);
}

} // namespace

QString ImportBenchmark::modeName(Mode mode)
{
    switch (mode) {
    case Mode::VerifyOnly:
        return QStringLiteral("verify-only");
    case Mode::Import:
        return QStringLiteral("import");
    case Mode::ImportReferenceOnly:
        return QStringLiteral("import-reference-only");
    }
    return QString();
}

ImportBenchmark::Run ImportBenchmark::runOnce(Mode mode, const QString& mboxPath, const QString& recordsPath,
                                              qint64 verifyTime, int threads, const QString& databasePath,
                                              bool keepDatabase)
{
    Run run;
    run.mode = mode;
    dns::RecordsFileResolver::LoadResult records = dns::RecordsFileResolver::fromFile(recordsPath);
    if (!records.ok()) {
        run.error = records.error;
        return run;
    }
    // A fresh cache per run, as a fresh `authlens-cli import --records` has.
    auto resolver = std::make_shared<dns::CachingResolver>(records.resolver);
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(databasePath + suffix);

    run.loadBefore = ProcessStats::loadAverage();
    ProcessStats::resetPeak();
    const double cpuBefore = ProcessStats::cpuSeconds();
    QElapsedTimer clock;
    clock.start();
    if (mode == Mode::VerifyOnly)
        verifyOnly(run, mboxPath, resolver, verifyTime, threads);
    else
        importInto(run, mboxPath, resolver, verifyTime, threads, databasePath,
                   mode == Mode::ImportReferenceOnly);
    run.seconds = double(clock.nsecsElapsed()) / 1e9;
    run.cpuSeconds = ProcessStats::cpuSeconds() - cpuBefore;
    run.peakRssBytes = ProcessStats::peakRssBytes();
    run.loadAfter = ProcessStats::loadAverage();
    if (!keepDatabase) {
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(databasePath + suffix);
    }
    return run;
}

ImportBenchmark::Report ImportBenchmark::run(const CorpusGenerator::Summary& corpus, const Options& options)
{
    Report report;
    report.threads = options.threads > 0 ? options.threads : qMax(1, QThread::idealThreadCount());
    const QString directory =
        options.workDirectory.isEmpty() ? QFileInfo(corpus.mboxPath).absolutePath() : options.workDirectory;
    const QString databasePath = directory + QStringLiteral("/import-bench.authlens");
    QList<Mode> modes = {Mode::VerifyOnly, Mode::Import};
    if (options.referenceOnly)
        modes.append(Mode::ImportReferenceOnly);
    if (options.only)
        modes = {*options.only};
    for (int round = 1; round <= options.repeat; ++round) {
        // Alternate the order each round, so neither mode always runs first on a warm page cache.
        QList<Mode> order = modes;
        if (round % 2 == 0)
            std::reverse(order.begin(), order.end());
        for (Mode mode : order) {
            Run run = runOnce(mode, corpus.mboxPath, corpus.recordsPath, corpus.verifyTime, report.threads,
                              databasePath, options.keepDatabase);
            run.round = round;
            if (!run.error.isEmpty() && report.error.isEmpty())
                report.error = modeName(mode) + QStringLiteral(": ") + run.error;
            report.runs.append(run);
        }
    }
    return report;
}

const ImportBenchmark::Run* ImportBenchmark::Report::best(Mode mode) const
{
    const Run* found = nullptr;
    for (const Run& run : runs) {
        if (run.mode == mode && run.error.isEmpty() && (!found || run.seconds < found->seconds))
            found = &run;
    }
    return found;
}

double ImportBenchmark::Report::ratio(Mode import) const
{
    const Run* verify = best(Mode::VerifyOnly);
    const Run* imported = best(import);
    if (!verify || !imported || verify->messagesPerSecond() <= 0)
        return 0;
    return imported->messagesPerSecond() / verify->messagesPerSecond();
}

QList<double> ImportBenchmark::Report::roundRatios(Mode import) const
{
    QList<double> ratios;
    for (const Run& verify : runs) {
        if (verify.mode != Mode::VerifyOnly || verify.messagesPerSecond() <= 0)
            continue;
        for (const Run& imported : runs) {
            if (imported.mode == import && imported.round == verify.round)
                ratios.append(imported.messagesPerSecond() / verify.messagesPerSecond());
        }
    }
    return ratios;
}

QByteArray ImportBenchmark::table(const Report& report, const CorpusGenerator::Summary& corpus)
{
    QString text;
    text += QStringLiteral("import benchmark: %1 messages, %2 MB mbox, %3 analysis threads, %4 cores\n")
                .arg(corpus.messages)
                .arg(figure(double(corpus.mboxBytes) / 1e6, 1))
                .arg(report.threads)
                .arg(std::thread::hardware_concurrency());
    text += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                .arg(QStringLiteral("round"), -6)
                .arg(QStringLiteral("mode"), -22)
                .arg(QStringLiteral("wall s"), 8)
                .arg(QStringLiteral("msg/s"), 8)
                .arg(QStringLiteral("CPU s"), 8)
                .arg(QStringLiteral("msg/CPU-s"), 10)
                .arg(QStringLiteral("peak RSS"), 10)
                .arg(QStringLiteral("DB MB"), 8)
                .arg(QStringLiteral("load"), 11);
    for (const Run& run : report.runs) {
        text += QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9%10\n")
                    .arg(run.round, -6)
                    .arg(modeName(run.mode), -22)
                    .arg(figure(run.seconds, 2), 8)
                    .arg(figure(run.messagesPerSecond()), 8)
                    .arg(figure(run.cpuSeconds, 2), 8)
                    .arg(figure(run.messagesPerCpuSecond()), 10)
                    .arg(QStringLiteral("%1 MB").arg(figure(double(run.peakRssBytes) / 1048576.0)), 10)
                    .arg(run.mode == Mode::VerifyOnly ? QStringLiteral("-")
                                                      : figure(double(run.databaseBytes) / 1e6, 1),
                         8)
                    .arg(QStringLiteral("%1>%2").arg(figure(run.loadBefore, 1), figure(run.loadAfter, 1)), 11)
                    .arg(run.error.isEmpty() ? QString() : QStringLiteral("  ERROR: ") + run.error);
    }
    const auto line = [&](Mode mode) {
        const Run* verify = report.best(Mode::VerifyOnly);
        const Run* imported = report.best(mode);
        if (!verify || !imported)
            return;
        QStringList rounds;
        for (double r : report.roundRatios(mode))
            rounds << figure(100 * r, 1) + QLatin1Char('%');
        text += QStringLiteral("%1 / verify-only: %2 / %3 msg/s = %4% (best runs); per round %5; by CPU time "
                               "%6%\n")
                    .arg(modeName(mode))
                    .arg(figure(imported->messagesPerSecond()))
                    .arg(figure(verify->messagesPerSecond()))
                    .arg(figure(100 * report.ratio(mode), 1))
                    .arg(rounds.join(QStringLiteral(", ")))
                    .arg(figure(100 * imported->messagesPerCpuSecond() / verify->messagesPerCpuSecond(), 1));
    };
    line(Mode::Import);
    line(Mode::ImportReferenceOnly);
    return text.toLocal8Bit();
}

QJsonObject ImportBenchmark::json(const Run& run)
{
    return QJsonObject{{QStringLiteral("mode"), modeName(run.mode)},
                       {QStringLiteral("round"), run.round},
                       {QStringLiteral("messages"), run.messages},
                       {QStringLiteral("stored"), run.stored},
                       {QStringLiteral("failed"), run.failed},
                       {QStringLiteral("bytes"), run.bytes},
                       {QStringLiteral("dkimPassed"), run.dkimPassed},
                       {QStringLiteral("seconds"), run.seconds},
                       {QStringLiteral("cpuSeconds"), run.cpuSeconds},
                       {QStringLiteral("messagesPerSecond"), run.messagesPerSecond()},
                       {QStringLiteral("messagesPerCpuSecond"), run.messagesPerCpuSecond()},
                       {QStringLiteral("peakRssBytes"), run.peakRssBytes},
                       {QStringLiteral("databaseBytes"), run.databaseBytes},
                       {QStringLiteral("loadBefore"), run.loadBefore},
                       {QStringLiteral("loadAfter"), run.loadAfter},
                       {QStringLiteral("error"), run.error}};
}

QJsonObject ImportBenchmark::json(const Report& report)
{
    QJsonArray runs;
    for (const Run& run : report.runs)
        runs.append(json(run));
    QJsonArray rounds;
    for (double r : report.roundRatios())
        rounds.append(r);
    return QJsonObject{{QStringLiteral("threads"), report.threads},
                       {QStringLiteral("runs"), runs},
                       {QStringLiteral("importOverVerify"), report.ratio()},
                       {QStringLiteral("importOverVerifyPerRound"), rounds},
                       {QStringLiteral("error"), report.error}};
}

} // namespace authlens::bench
