// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-bench: the DKIM verification benchmark of issue 3 (Performance). Not a test: it prints figures.
//
//   authlens-bench generate --out DIR [--messages 20000] [--seed N] [--keys DIR]
//   authlens-bench verify DIR [--threads N] [--repeat 3] [--json] [--no-stages] [--openssl-seconds 2]
//   authlens-bench [all] [--messages N] [--seed N] [--threads N] [--out DIR] [--json]
//   authlens-bench import DIR [--threads N] [--repeat 2] [--reference-only] [--json]
//   authlens-bench import-large DIR [--gigabytes 2] [--work DIR] [--threads N] [--json]
//   authlens-bench imap DIR [--messages 5000] [--repeat 3] [--cleartext] [--json]
//
// Exit status: 0 every signature passed, 1 a wrong verdict, 2 a usage or I/O error (or no openssl).

#include "BenchReport.h"
#include "CorpusGenerator.h"
#include "ImapBenchmark.h"
#include "ImportBenchmark.h"
#include "ImportFloor.h"
#include "OpensslBound.h"
#include "ProcessStats.h"
#include "RepeatedMbox.h"
#include "VerifyBenchmark.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdio>
#include <thread>

using namespace authlens::bench;

namespace {

void say(const QString& text)
{
    std::fprintf(stderr, "%s\n", text.toLocal8Bit().constData());
    std::fflush(stderr);
}

void print(const QByteArray& text)
{
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fflush(stdout);
}

int usage(const QString& message)
{
    say(QStringLiteral("authlens-bench: %1 (see --help)").arg(message));
    return 2;
}

CorpusGenerator::Summary generate(const QString& directory, int messages, quint64 seed, const QString& keys)
{
    CorpusGenerator::Options options;
    options.messages = messages;
    options.seed = seed;
    options.keyDirectory = keys;
    int lastTenth = -1;
    options.progress = [&lastTenth](int done, int total) {
        const int tenth = done * 10 / std::max(1, total);
        if (tenth != lastTenth) {
            lastTenth = tenth;
            say(QStringLiteral("generating: %1 / %2 messages").arg(done).arg(total));
        }
    };
    CorpusGenerator generator(options);
    return generator.write(directory);
}

int measure(const CorpusGenerator::Summary& corpus, bool generated, const VerifyBenchmark::Options& options,
            int opensslSeconds, bool json)
{
    BenchReport::Input input;
    input.corpus = corpus;
    input.generated = generated;
    input.cores = int(std::max(1u, std::thread::hardware_concurrency()));
    input.loadBefore = BenchReport::loadAverage();
    // openssl first, alone: nothing of ours runs while it measures.
    say(QStringLiteral("measuring the bound: openssl speed (about %1 s)").arg(5 * opensslSeconds));
    input.rates = OpensslBound::measure(opensslSeconds);
    say(QStringLiteral("verifying %1 messages (1 thread, then %2)")
            .arg(corpus.messages)
            .arg(options.threads > 0 ? options.threads : input.cores));
    input.verify = VerifyBenchmark::run(corpus, options);
    input.loadAfter = BenchReport::loadAverage();
    if (!input.verify.error.isEmpty()) {
        say(QStringLiteral("authlens-bench: %1").arg(input.verify.error));
        return 2;
    }
    if (json)
        print(QJsonDocument(BenchReport::json(input)).toJson(QJsonDocument::Compact) + "\n");
    else
        print(BenchReport::table(input));
    if (input.verify.wrongVerdicts > 0)
        return 1;
    if (!input.rates.ok()) {
        say(QStringLiteral("authlens-bench: no physical bound: %1").arg(input.rates.error));
        return 2;
    }
    return 0;
}

// Issue 5: end-to-end import against verification alone, side by side, alternating.
int measureImport(const CorpusGenerator::Summary& corpus, const ImportBenchmark::Options& options, bool json)
{
    say(QStringLiteral("import benchmark: %1 rounds of verify-only and import over %2 messages")
            .arg(options.repeat)
            .arg(corpus.messages));
    const ImportBenchmark::Report report = ImportBenchmark::run(corpus, options);
    // The floor in the same run: what hashing, compressing and inserting alone cost on this machine now.
    std::optional<ImportFloor::Figures> floor;
    if (!options.only)
        floor = ImportFloor::measure(corpus.mboxPath, options.workDirectory.isEmpty()
                                                          ? QFileInfo(corpus.mboxPath).absolutePath()
                                                          : options.workDirectory);
    const ImportBenchmark::Run* verify = report.best(ImportBenchmark::Mode::VerifyOnly);
    const double verifyCpu = verify ? verify->cpuSeconds : 0;
    if (json) {
        QJsonObject object = ImportBenchmark::json(report);
        if (floor)
            object.insert(QStringLiteral("floor"), ImportFloor::json(*floor, verifyCpu));
        print(QJsonDocument(object).toJson(QJsonDocument::Compact) + "\n");
    } else {
        print(ImportBenchmark::table(report, corpus));
        if (floor)
            print(ImportFloor::text(*floor, verifyCpu).toLocal8Bit());
    }
    if (!report.error.isEmpty()) {
        say(QStringLiteral("authlens-bench: %1").arg(report.error));
        return 2;
    }
    return 0;
}

// Issue 5: a large mbox (the corpus written over and over) imported once; the peak RSS is the figure.
int measureLargeImport(const CorpusGenerator::Summary& corpus, double gigabytes, const QString& workDirectory,
                       int threads, bool json)
{
    const QString mbox = workDirectory + QStringLiteral("/large.mbox");
    const QString database = workDirectory + QStringLiteral("/large.authlens");
    say(QStringLiteral("writing %1 GB of mbox to %2").arg(gigabytes).arg(mbox));
    const RepeatedMbox::Result written = RepeatedMbox::write(corpus.mboxPath, mbox, qint64(gigabytes * 1e9));
    if (!written.ok()) {
        QFile::remove(mbox);
        return usage(written.error);
    }
    say(QStringLiteral("importing %1 messages (%2 MB)").arg(written.messages).arg(written.bytes / 1000000));
    ImportBenchmark::Run run = ImportBenchmark::runOnce(
        ImportBenchmark::Mode::Import, mbox, corpus.recordsPath, corpus.verifyTime,
        threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency())), database);
    QFile::remove(mbox);
    const qint64 processPeak = ProcessStats::peakRssBytes();
    if (json) {
        QJsonObject object = ImportBenchmark::json(run);
        object.insert(QStringLiteral("mboxBytes"), written.bytes);
        object.insert(QStringLiteral("copies"), written.copies);
        print(QJsonDocument(object).toJson(QJsonDocument::Compact) + "\n");
    } else {
        print(
            QStringLiteral("large import: %1 messages, %2 MB mbox (%3 copies of the corpus): %4 s, %5 msg/s, "
                           "%6 CPU s; peak RSS %7 MB (import alone; whole process %8 MB); %9 stored, %10 "
                           "failed; database %11 MB; load %12 > %13%14\n")
                .arg(run.messages)
                .arg(written.bytes / 1000000)
                .arg(written.copies)
                .arg(run.seconds, 0, 'f', 1)
                .arg(run.messagesPerSecond(), 0, 'f', 0)
                .arg(run.cpuSeconds, 0, 'f', 1)
                .arg(double(run.peakRssBytes) / 1048576.0, 0, 'f', 0)
                .arg(double(processPeak) / 1048576.0, 0, 'f', 0)
                .arg(run.stored)
                .arg(run.failed)
                .arg(double(run.databaseBytes) / 1e6, 0, 'f', 0)
                .arg(run.loadBefore, 0, 'f', 1)
                .arg(run.loadAfter, 0, 'f', 1)
                .arg(run.error.isEmpty() ? QString() : QStringLiteral("; ERROR: ") + run.error)
                .toLocal8Bit());
    }
    return run.error.isEmpty() ? 0 : 2;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("authlens-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "DKIM verification benchmark: makes a signed mbox corpus and its records file, verifies it through "
        "the Authlens core on one thread and on every core, and compares with the bound from openssl "
        "speed."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QStringLiteral("generate, verify, import, import-large, imap or all (default)"));
    parser.addPositionalArgument(QStringLiteral("DIR"),
                                 QStringLiteral("verify, import, import-large, imap: the corpus folder"),
                                 QStringLiteral("[DIR]"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Corpus folder to write."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption messagesOption(QStringLiteral("messages"),
                                            QStringLiteral("Messages in the corpus (20000)."),
                                            QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Corpus seed (1)."),
                                        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption keysOption(QStringLiteral("keys"),
                                        QStringLiteral("Signing keys to reuse or create (default DIR/keys)."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption threadsOption(
        QStringLiteral("threads"), QStringLiteral("Threads of the parallel run (default: one per core)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                          QStringLiteral("Timed runs of each kind; the fastest counts (3)."),
                                          QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption opensslSecondsOption(QStringLiteral("openssl-seconds"),
                                                  QStringLiteral("Seconds per openssl speed run (2)."),
                                                  QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption noStagesOption(QStringLiteral("no-stages"),
                                            QStringLiteral("Skip timing each verification step alone."));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QStringLiteral("Print one JSON object instead of the table."));
    const QCommandLineOption referenceOnlyOption(
        QStringLiteral("reference-only"),
        QStringLiteral("import: also time an import that keeps only references (no raw bytes)."));
    const QCommandLineOption gigabytesOption(QStringLiteral("gigabytes"),
                                             QStringLiteral("import-large: size of the mbox (2)."),
                                             QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption workOption(
        QStringLiteral("work"),
        QStringLiteral("import, import-large: folder for the databases and the large mbox (default: the "
                       "corpus folder); both are deleted afterwards."),
        QStringLiteral("DIR"));
    const QCommandLineOption cleartextOption(
        QStringLiteral("cleartext"),
        QStringLiteral("imap: also fetch without TLS (loopback), to show TLS's share."));
    const QCommandLineOption onlyOption(
        QStringLiteral("only"),
        QStringLiteral(
            "import: run only this mode (verify-only, import, import-reference-only), to profile it."),
        QStringLiteral("MODE"));
    const QCommandLineOption keepOption(QStringLiteral("keep-database"),
                                        QStringLiteral("import: keep the last import's database."));
    parser.addOptions({keepOption, onlyOption, cleartextOption, outOption, messagesOption, seedOption,
                       keysOption, threadsOption, repeatOption, opensslSecondsOption, noStagesOption,
                       jsonOption, referenceOnlyOption, gigabytesOption, workOption});
    parser.process(app);

    QStringList positional = parser.positionalArguments();
    const QString command = positional.isEmpty() ? QStringLiteral("all") : positional.takeFirst();
    bool ok = false;
    const int messages = parser.value(messagesOption).toInt(&ok);
    if (!ok || messages < 1 || messages > 10000000)
        return usage(QStringLiteral("--messages must be a number from 1 to 10000000"));
    const quint64 seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return usage(QStringLiteral("--seed must be a non-negative number"));
    VerifyBenchmark::Options verifyOptions;
    verifyOptions.threads = parser.value(threadsOption).toInt(&ok);
    if (!ok || verifyOptions.threads < 0 || verifyOptions.threads > 1024)
        return usage(QStringLiteral("--threads must be a number from 0 to 1024"));
    verifyOptions.repeat = parser.value(repeatOption).toInt(&ok);
    if (!ok || verifyOptions.repeat < 1 || verifyOptions.repeat > 100)
        return usage(QStringLiteral("--repeat must be a number from 1 to 100"));
    const int opensslSeconds = parser.value(opensslSecondsOption).toInt(&ok);
    if (!ok || opensslSeconds < 1 || opensslSeconds > 60)
        return usage(QStringLiteral("--openssl-seconds must be a number from 1 to 60"));
    verifyOptions.stages = !parser.isSet(noStagesOption);
    const bool json = parser.isSet(jsonOption);

    if (command == QLatin1String("generate")) {
        if (!parser.isSet(outOption) || !positional.isEmpty())
            return usage(QStringLiteral("generate takes --out DIR and no other argument"));
        const CorpusGenerator::Summary corpus =
            generate(parser.value(outOption), messages, seed, parser.value(keysOption));
        if (!corpus.ok())
            return usage(corpus.error);
        print(
            QStringLiteral("%1 messages (%2 MB, median %3 B, %4 over 60 KB), %5 rsa + %6 ed25519 signatures, "
                           "in %7 s\n%8\n%9\n")
                .arg(corpus.messages)
                .arg(double(corpus.messageBytes) / 1e6, 0, 'f', 1)
                .arg(corpus.medianMessageBytes)
                .arg(corpus.messagesOver60k)
                .arg(corpus.rsaSignatures)
                .arg(corpus.ed25519Signatures)
                .arg(corpus.seconds, 0, 'f', 1)
                .arg(corpus.mboxPath, corpus.recordsPath)
                .toLocal8Bit());
        return 0;
    }
    if (command == QLatin1String("verify")) {
        if (positional.size() != 1)
            return usage(QStringLiteral("verify takes one corpus folder"));
        const CorpusGenerator::Summary corpus = CorpusGenerator::readManifest(positional.front());
        if (!corpus.ok())
            return usage(corpus.error);
        return measure(corpus, false, verifyOptions, opensslSeconds, json);
    }
    if (command == QLatin1String("import") || command == QLatin1String("import-large")) {
        if (positional.size() != 1)
            return usage(QStringLiteral("%1 takes one corpus folder").arg(command));
        const CorpusGenerator::Summary corpus = CorpusGenerator::readManifest(positional.front());
        if (!corpus.ok())
            return usage(corpus.error);
        const QString work = parser.isSet(workOption) ? parser.value(workOption) : positional.front();
        if (command == QLatin1String("import-large")) {
            const double gigabytes = parser.value(gigabytesOption).toDouble(&ok);
            if (!ok || gigabytes <= 0 || gigabytes > 100)
                return usage(QStringLiteral("--gigabytes must be a number above 0, at most 100"));
            return measureLargeImport(corpus, gigabytes, work, verifyOptions.threads, json);
        }
        ImportBenchmark::Options importOptions;
        importOptions.threads = verifyOptions.threads;
        importOptions.repeat = parser.isSet(repeatOption) ? verifyOptions.repeat : 2;
        importOptions.referenceOnly = parser.isSet(referenceOnlyOption);
        importOptions.keepDatabase = parser.isSet(keepOption);
        if (parser.isSet(onlyOption)) {
            const QString only = parser.value(onlyOption);
            for (ImportBenchmark::Mode mode :
                 {ImportBenchmark::Mode::VerifyOnly, ImportBenchmark::Mode::Import,
                  ImportBenchmark::Mode::ImportReferenceOnly}) {
                if (ImportBenchmark::modeName(mode) == only)
                    importOptions.only = mode;
            }
            if (!importOptions.only)
                return usage(QStringLiteral("--only takes verify-only, import or import-reference-only"));
        }
        importOptions.workDirectory = work;
        return measureImport(corpus, importOptions, json);
    }
    if (command == QLatin1String("imap")) {
        if (positional.size() != 1)
            return usage(QStringLiteral("imap takes one corpus folder"));
        const CorpusGenerator::Summary corpus = CorpusGenerator::readManifest(positional.front());
        if (!corpus.ok())
            return usage(corpus.error);
        ImapBenchmark::Options imapOptions;
        imapOptions.messages = parser.isSet(messagesOption) ? messages : 5000;
        imapOptions.rounds = parser.isSet(repeatOption) ? verifyOptions.repeat : 3;
        imapOptions.cleartext = parser.isSet(cleartextOption);
        say(QStringLiteral("IMAP benchmark: starting Dovecot, storing %1 messages")
                .arg(imapOptions.messages));
        const ImapBenchmark::Report report = ImapBenchmark::run(corpus.mboxPath, imapOptions);
        if (json)
            print(QJsonDocument(ImapBenchmark::json(report)).toJson(QJsonDocument::Compact) + "\n");
        else
            print(ImapBenchmark::table(report));
        if (!report.error.isEmpty()) {
            say(QStringLiteral("authlens-bench: %1").arg(report.error));
            return 2;
        }
        return 0;
    }
    if (command == QLatin1String("all")) {
        if (!positional.isEmpty())
            return usage(QStringLiteral("all takes no folder; use --out DIR to keep the corpus"));
        QTemporaryDir temporary;
        QString directory = parser.value(outOption);
        if (directory.isEmpty()) {
            if (!temporary.isValid())
                return usage(
                    QStringLiteral("cannot make a temporary folder: %1").arg(temporary.errorString()));
            directory = temporary.path();
        }
        const CorpusGenerator::Summary corpus = generate(directory, messages, seed, parser.value(keysOption));
        if (!corpus.ok())
            return usage(corpus.error);
        return measure(corpus, true, verifyOptions, opensslSeconds, json);
    }
    return usage(QStringLiteral("unknown command \"%1\"").arg(command));
}
