// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-cli reverify: runs verification again over every stored message (after a DNS change, or as of
// a chosen date), into a new verification run; earlier results stay as history.
#include "CliOutput.h"
#include "Subcommand.h"

#include "dns/ResolverFactory.h"
#include "pipeline/Reverifier.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace authlens::cli {

int runReverify(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Verify the stored messages again (DKIM, SPF, DMARC) into a new verification run; the earlier "
        "results are kept as history. --as-of judges DKIM expiry as of a Unix time, or as of each "
        "message's Date with --as-of message-date."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The Authlens database."),
                                      QStringLiteral("FILE"));
    dns::ResolverFactory::addOptions(parser);
    const QCommandLineOption asOfOption(QStringLiteral("as-of"),
                                        QStringLiteral("UNIXTIME, or message-date for each message's Date."),
                                        QStringLiteral("WHEN"));
    const QCommandLineOption jobsOption(QStringLiteral("jobs"),
                                        QStringLiteral("Analysis threads (default: one per core)."),
                                        QStringLiteral("N"));
    const QCommandLineOption noteOption(QStringLiteral("note"), QStringLiteral("A note kept with the run."),
                                        QStringLiteral("TEXT"));
    for (const QCommandLineOption& option : {dbOption, asOfOption, jobsOption, noteOption})
        parser.addOption(option);
    if (!parser.parse(arguments.mid(1))) {
        err() << "reverify: " << parser.errorText() << "\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << helpWithUsage(parser,
                               QStringLiteral("authlens-cli reverify --db FILE [--records FILE | --dns "
                                              "SERVER[:PORT]] [--as-of UNIXTIME|message-date] [--jobs N]"))
              << "\nExit status: 0 when every message was verified again, 1 when some could not be (raw "
                 "bytes unavailable), 2 for a usage or I/O error.\n";
        return ExitOk;
    }
    if (!parser.isSet(dbOption) || !parser.positionalArguments().isEmpty()) {
        err() << "reverify: give --db FILE and no other arguments\n";
        return ExitUsage;
    }
    if (!QFileInfo(parser.value(dbOption)).isFile()) {
        err() << "reverify: " << parser.value(dbOption) << ": no such database\n";
        return ExitUsage;
    }
    pipeline::ReverifyOptions options;
    if (parser.isSet(asOfOption)) {
        const QString when = parser.value(asOfOption);
        bool ok = false;
        if (when == QLatin1String("message-date")) {
            options.asOf = pipeline::ReverifyOptions::AsOf::MessageDate;
        } else if (const qint64 seconds = when.toLongLong(&ok); ok && seconds >= 0) {
            options.asOf = pipeline::ReverifyOptions::AsOf::Fixed;
            options.asOfSeconds = seconds;
        } else {
            err() << "reverify: --as-of needs a Unix time in seconds or message-date\n";
            return ExitUsage;
        }
    }
    if (parser.isSet(jobsOption)) {
        bool ok = false;
        options.jobs = parser.value(jobsOption).toInt(&ok);
        if (!ok || options.jobs < 1 || options.jobs > 256) {
            err() << "reverify: --jobs needs a number from 1 to 256\n";
            return ExitUsage;
        }
    }
    if (parser.isSet(noteOption))
        options.note = parser.value(noteOption);
    const dns::ResolverFactory::Result resolver = dns::ResolverFactory::create(parser);
    if (!resolver.ok()) {
        err() << "reverify: " << resolver.error << "\n";
        return ExitUsage;
    }
    for (const QString& warning : resolver.warnings)
        err() << "reverify: " << warning << "\n";

    pipeline::Reverifier reverifier(parser.value(dbOption), resolver.resolver, options);
    const pipeline::ReverifySummary summary = reverifier.run();
    if (!summary.fatalError.isEmpty()) {
        err() << "reverify: " << summary.fatalError << "\n";
        return ExitUsage;
    }
    for (const QString& error : summary.errors)
        err() << "reverify: " << error << "\n";
    out() << "Verified again: " << summary.reverified << " of " << summary.messages << " messages in run "
          << summary.runId << " (" << QString::number(summary.seconds, 'f', 1)
          << " s); DKIM summary changed for " << summary.changed << "; " << summary.failed
          << " could not be read.\n";
    out().flush();
    return summary.failed > 0 ? ExitNegative : ExitOk;
}

} // namespace authlens::cli
