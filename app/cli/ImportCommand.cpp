// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-cli import: reads mail from files, folders, mbox files, Maildirs and IMAP folders, verifies
// each message (DKIM, SPF, DMARC, findings) on every core and stores it in the database, with a progress
// bar on a terminal, resuming where a killed or cancelled import stopped.
#include "CliOutput.h"
#include "Subcommand.h"

#include "LimitOption.h"
#include "dns/ResolverFactory.h"
#include "pipeline/Importer.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace authlens::cli {

namespace {

std::atomic<pipeline::Importer*> g_running{nullptr};

// Ctrl-C stops reading; what was read is still stored, and the next import resumes.
extern "C" void cancelImport(int)
{
    if (pipeline::Importer* importer = g_running.load())
        importer->cancel();
}

QString duration(double seconds)
{
    const qint64 s = qint64(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

class ProgressPrinter
{
public:
    explicit ProgressPrinter(bool terminal)
        : m_terminal(terminal)
    {}

    void operator()(const pipeline::ImportProgress& p)
    {
        QTextStream& e = err();
        const QString name =
            QFileInfo(p.source).fileName().isEmpty() ? p.source : QFileInfo(p.source).fileName();
        const QString eta = p.etaSeconds ? QStringLiteral(" ETA %1").arg(duration(*p.etaSeconds)) : QString();
        const int percent = p.bytesTotal > 0 ? int(100.0 * double(p.bytesRead) / double(p.bytesTotal)) : -1;
        if (m_terminal) {
            // One line redrawn in place: [#####.....] 45%  12345 msgs  678/s  ETA 0:12  box.mbox
            constexpr int kWidth = 24;
            const int filled = percent < 0 ? 0 : percent * kWidth / 100;
            e << "\r[" << QString(filled, QLatin1Char('#')) << QString(kWidth - filled, QLatin1Char('.'))
              << "] " << (percent < 0 ? QStringLiteral("  ?") : QStringLiteral("%1%").arg(percent, 3)) << "  "
              << p.messagesRead << " msgs  " << qint64(p.messagesPerSecond) << "/s" << eta << "  "
              << (p.errors > 0 ? QStringLiteral("%1 errors  ").arg(p.errors) : QString()) << name << "\x1b[K";
            if (p.finished)
                e << "\n";
        } else if (p.finished || m_lines++ % 10 == 0) {
            // Plain lines for logs and pipes, about every two seconds.
            e << "import: " << name << ": " << p.messagesRead << " messages read, " << p.messagesStored
              << " stored, " << p.duplicates << " duplicates, " << p.errors << " errors, "
              << qint64(p.messagesPerSecond) << " messages/s";
            if (percent >= 0)
                e << ", " << percent << "% of the source";
            e << eta << "\n";
        }
        e.flush();
    }

private:
    bool m_terminal;
    qint64 m_lines = 0;
};

// Peak resident memory of this process, from Linux's /proc (VmHWM), in KiB; -1 elsewhere.
qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

bool readSecret(const QCommandLineParser& parser, const QCommandLineOption& passwordStdin,
                const QCommandLineOption& tokenFile, pipeline::ImportOptions& options)
{
    if (parser.isSet(tokenFile)) {
        QFile file(parser.value(tokenFile));
        if (!file.open(QIODevice::ReadOnly)) {
            err() << "import: cannot read " << file.fileName() << ": " << file.errorString() << "\n";
            return false;
        }
        options.imapSecret = file.readAll().trimmed();
        options.imapXOAuth2 = true;
    } else if (parser.isSet(passwordStdin)) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            err() << "import: cannot read the password from standard input\n";
            return false;
        }
        QByteArray line = in.readLine();
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        options.imapSecret = line;
    }
    return true;
}

} // namespace

int runImport(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import messages into an Authlens database, verifying each (DKIM, SPF, DMARC) on every core. SOURCE "
        "is an .eml file, a folder of them, an mbox file, a Maildir, or imaps://user@host[:port]/Folder. "
        "An import that was killed or cancelled (Ctrl-C) continues where it stopped; a message already "
        "stored is never stored twice."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The database (created if new)."),
                                      QStringLiteral("FILE"));
    dns::ResolverFactory::addOptions(parser);
    const QCommandLineOption jobsOption(QStringLiteral("jobs"),
                                        QStringLiteral("Analysis threads (default: one per core)."),
                                        QStringLiteral("N"));
    const QCommandLineOption batchOption(
        QStringLiteral("batch"),
        QStringLiteral("Messages per database transaction (default 1000): fewer lose less work to a "
                       "kill and let readers see progress sooner; more import faster."),
        QStringLiteral("N"));
    const QCommandLineOption referenceOption(
        QStringLiteral("keep-reference-only"),
        QStringLiteral("Keep only where each message is, not its bytes (the source must stay in place)."));
    const QCommandLineOption noResumeOption(
        QStringLiteral("no-resume"),
        QStringLiteral("Read every source from the start (duplicates are skipped)."));
    const QCommandLineOption passwordOption(
        QStringLiteral("password-stdin"),
        QStringLiteral("Read the IMAP password from the first line of standard input."));
    const QCommandLineOption tokenOption(
        QStringLiteral("xoauth2-token-file"),
        QStringLiteral("Authenticate to IMAP with XOAUTH2, the access token in FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption pinOption(
        QStringLiteral("pin-sha256"),
        QStringLiteral("Accept the IMAP server's certificate with this SHA-256 fingerprint."),
        QStringLiteral("HEX"));
    const QCommandLineOption imapTimeoutOption(
        QStringLiteral("imap-timeout"),
        QStringLiteral(
            "Give up on an IMAP server that stays silent this long while connecting or during a "
            "command, a stall inside a message included (default: 20 connecting, 60 in a command)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption quietOption(QStringLiteral("quiet"),
                                         QStringLiteral("No progress, only the summary."));
    const QCommandLineOption verboseOption(
        QStringLiteral("verbose"), QStringLiteral("Also print each source's counts and the peak memory."));
    for (const QCommandLineOption& option :
         {dbOption, jobsOption, batchOption, referenceOption, noResumeOption, passwordOption, tokenOption,
          pinOption, imapTimeoutOption, quietOption, verboseOption})
        parser.addOption(option);
    parser.addOption(LimitOption::option());
    parser.addPositionalArgument(QStringLiteral("SOURCE"), QStringLiteral("Where to read mail from."),
                                 QStringLiteral("SOURCE..."));
    if (!parser.parse(arguments.mid(1))) {
        err() << "import: " << parser.errorText() << "\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << helpWithUsage(parser,
                               QStringLiteral("authlens-cli import --db FILE [--records FILE | --dns "
                                              "SERVER[:PORT]] [--jobs N] [--password-stdin] "
                                              "[--xoauth2-token-file F] [--keep-reference-only] SOURCE..."))
              << "\nExit status: 0 when every message was imported, 1 when some could not be or the import "
                 "was cancelled "
                 "(see the import log), 2 for a usage or I/O error.\n\n"
              << pipeline::InputLimits::helpText();
        return ExitOk;
    }
    const LimitOption::Read limitsRead = LimitOption::read(parser, QStringLiteral("import"));
    if (!limitsRead.limits)
        return limitsRead.exitCode;
    const QStringList sources = parser.positionalArguments();
    if (!parser.isSet(dbOption) || sources.isEmpty()) {
        err() << "import: give --db FILE and at least one SOURCE\n";
        return ExitUsage;
    }
    pipeline::ImportOptions options;
    limitsRead.limits->applyTo(options);
    if (parser.isSet(jobsOption)) {
        bool ok = false;
        options.jobs = parser.value(jobsOption).toInt(&ok);
        if (!ok || options.jobs < 1 || options.jobs > 256) {
            err() << "import: --jobs needs a number from 1 to 256\n";
            return ExitUsage;
        }
    }
    if (parser.isSet(batchOption)) {
        bool ok = false;
        options.batch.batchSize = parser.value(batchOption).toInt(&ok);
        if (!ok || options.batch.batchSize < 1 || options.batch.batchSize > 1000000) {
            err() << "import: --batch needs a number from 1 to 1000000\n";
            return ExitUsage;
        }
    }
    if (parser.isSet(referenceOption))
        options.batch.rawStorage = store::BatchWriter::RawStorage::ReferenceOnly;
    options.resume = !parser.isSet(noResumeOption);
    options.imapPinnedSha256 = parser.value(pinOption).toLatin1();
    if (parser.isSet(imapTimeoutOption)) {
        bool ok = false;
        const double seconds = parser.value(imapTimeoutOption).toDouble(&ok);
        if (!ok || seconds < 0.1 || seconds > 3600) {
            err() << "import: --imap-timeout needs a number of seconds from 0.1 to 3600\n";
            return ExitUsage;
        }
        options.imapConnectTimeoutMs = options.imapCommandTimeoutMs = int(seconds * 1000);
    }
    const bool hasImap = std::any_of(sources.begin(), sources.end(), &pipeline::Importer::isImapUrl);
    if (!readSecret(parser, passwordOption, tokenOption, options))
        return ExitUsage;
    if (hasImap && options.imapSecret.isEmpty()) {
        err() << "import: an IMAP source needs --password-stdin or --xoauth2-token-file (the command line "
                 "does not read the system keychain)\n";
        return ExitUsage;
    }

    const dns::ResolverFactory::Result resolver =
        dns::ResolverFactory::create(parser, limitsRead.limits->dnsLimits());
    if (!resolver.ok()) {
        err() << "import: " << resolver.error << "\n";
        return ExitUsage;
    }
    for (const QString& warning : resolver.warnings)
        err() << "import: " << warning << "\n";

    const bool terminal = isatty(fileno(stderr)) != 0;
    options.progressIntervalMs = 200;
    pipeline::Importer importer(parser.value(dbOption), resolver.resolver, options);
    ProgressPrinter printer(terminal);
    if (!parser.isSet(quietOption))
        importer.setProgressHandler([&](const pipeline::ImportProgress& p) { printer(p); });
    g_running = &importer;
    const auto previousInt = std::signal(SIGINT, cancelImport);
    const auto previousTerm = std::signal(SIGTERM, cancelImport);
    const pipeline::ImportSummary summary = importer.run(sources);
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    g_running = nullptr;

    QTextStream& e = err();
    for (const pipeline::SourceImportSummary& source : summary.sources) {
        if (!source.error.isEmpty())
            e << "import: " << source.source << ": " << source.error << "\n";
        // The core's message names the certificate's fingerprint; say how to accept it here. Never
        // automatic: the analyst must check the fingerprint first.
        if (source.kind == QLatin1String("imap") &&
            source.error.contains(QLatin1String("SHA-256 fingerprint")) && options.imapPinnedSha256.isEmpty())
            e << "import: if that fingerprint is the server's (ask its administrator), run again with "
                 "--pin-sha256 FINGERPRINT\n";
        if (parser.isSet(verboseOption)) {
            e << "import: " << source.source << " (" << source.kind << (source.resumed ? ", resumed" : "")
              << "): " << source.messagesRead << " read, " << source.stored << " stored, "
              << source.duplicates << " duplicates, " << source.failed << " errors, " << source.logged
              << " import-log entries\n";
        }
    }
    if (!summary.fatalError.isEmpty())
        e << "import: " << summary.fatalError << "\n";
    out() << (summary.cancelled ? "Cancelled: " : "Imported: ") << summary.messagesRead << " messages read, "
          << summary.stored << " stored, " << summary.duplicates << " duplicates, " << summary.failed
          << " errors in " << QString::number(summary.seconds, 'f', 1) << " s ("
          << QString::number(summary.messagesPerSecond(), 'f', 0) << " messages/s, "
          << QString::number(double(summary.bytesRead) / 1048576.0 / qMax(summary.seconds, 1e-9), 'f', 1)
          << " MB/s)\n";
    if (summary.logged > 0)
        out() << "The import log holds " << summary.logged << " entries (errors, warnings and notes).\n";
    if (summary.cancelled)
        out() << "Run the same command again to continue where it stopped.\n";
    if (parser.isSet(verboseOption))
        out() << "Peak memory (VmHWM): " << peakRssKiB() / 1024 << " MiB; verification run " << summary.runId
              << "\n";
    out().flush();
    e.flush();
    if (!summary.fatalError.isEmpty() || summary.sourceErrors > 0)
        return ExitUsage;
    if (summary.failed > 0 || summary.cancelled)
        return ExitNegative;
    return ExitOk;
}

} // namespace authlens::cli
