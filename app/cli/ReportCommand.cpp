// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-cli report: the desktop app's PDF report, headless. Needs the QApplication that main()
// builds for this command (on the offscreen platform unless QT_QPA_PLATFORM says otherwise), because
// the charts are drawn by the dashboard's chart widgets.
#include "CliOutput.h"
#include "Subcommand.h"

#include "report/ReportWriter.h"
#include "store/Database.h"

#include <QCommandLineParser>
#include <QDate>

namespace authlens::cli {

namespace {

// YYYY-MM-DD, or an invalid date.
QDate parseDay(const QString& text)
{
    return QDate::fromString(text, Qt::ISODate);
}

} // namespace

int runReport(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write a PDF report: scope and sources, headline figures, the dashboard's charts, "
                       "per-domain and per-selector tables, findings with fixes, and the failing messages."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("The Authlens database."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption pdfOption(QStringLiteral("pdf"), QStringLiteral("The PDF file to write."),
                                       QStringLiteral("OUT"));
    const QCommandLineOption fromOption(QStringLiteral("from"),
                                        QStringLiteral("Only messages dated on or after this day (UTC)."),
                                        QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption toOption(QStringLiteral("to"),
                                      QStringLiteral("Only messages dated on or before this day (UTC)."),
                                      QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption domainOption(QStringLiteral("domain"),
                                          QStringLiteral("Only messages from this sending domain."),
                                          QStringLiteral("D"));
    const QCommandLineOption titleOption(QStringLiteral("title"), QStringLiteral("The report's title."),
                                         QStringLiteral("TEXT"));
    const QCommandLineOption pageOption(QStringLiteral("page-size"),
                                        QStringLiteral("a4 or letter (default: from the locale)."),
                                        QStringLiteral("SIZE"));
    parser.addOptions({dbOption, pdfOption, fromOption, toOption, domainOption, titleOption, pageOption});
    if (!parser.parse(arguments.mid(1))) {
        err() << "authlens-cli report: " << parser.errorText() << "\n";
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << helpWithUsage(parser, QStringLiteral("authlens-cli report --db FILE --pdf OUT [--from DATE "
                                                      "--to DATE] [--domain D] [--title TEXT] "
                                                      "[--page-size a4|letter]"));
        return ExitOk;
    }
    if (!parser.isSet(dbOption) || !parser.isSet(pdfOption)) {
        err() << "authlens-cli report: --db FILE and --pdf OUT are required\n";
        return ExitUsage;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err() << "authlens-cli report: unexpected argument '" << parser.positionalArguments().first()
              << "'\n";
        return ExitUsage;
    }

    desktop::ReportOptions options;
    if (parser.isSet(fromOption)) {
        const QDate from = parseDay(parser.value(fromOption));
        if (!from.isValid()) {
            err() << "authlens-cli report: --from: '" << parser.value(fromOption)
                  << "' is not a YYYY-MM-DD date\n";
            return ExitUsage;
        }
        options.filter.from = QDateTime(from, QTime(0, 0), Qt::UTC);
    }
    if (parser.isSet(toOption)) {
        const QDate to = parseDay(parser.value(toOption));
        if (!to.isValid()) {
            err() << "authlens-cli report: --to: '" << parser.value(toOption)
                  << "' is not a YYYY-MM-DD date\n";
            return ExitUsage;
        }
        // The filter's end is exclusive: the midnight after the last day asked for.
        options.filter.to = QDateTime(to.addDays(1), QTime(0, 0), Qt::UTC);
    }
    if (options.filter.from.isValid() && options.filter.to.isValid() &&
        options.filter.to <= options.filter.from) {
        err() << "authlens-cli report: --to is before --from\n";
        return ExitUsage;
    }
    options.filter.domain = parser.value(domainOption).trimmed().toLower();
    options.title = parser.value(titleOption);
    if (parser.isSet(pageOption)) {
        const QString size = parser.value(pageOption).toLower();
        if (size == QLatin1String("a4")) {
            options.pageSize = QPageSize(QPageSize::A4);
        } else if (size == QLatin1String("letter")) {
            options.pageSize = QPageSize(QPageSize::Letter);
        } else {
            err() << "authlens-cli report: --page-size: '" << parser.value(pageOption)
                  << "' is not a4 or letter\n";
            return ExitUsage;
        }
    }

    store::Database::OpenOptions openOptions;
    openOptions.mustExist = true;
    auto opened = store::Database::open(parser.value(dbOption), openOptions);
    if (!opened.database) {
        err() << "authlens-cli report: cannot open the database " << opened.error << "\n";
        return ExitUsage;
    }

    desktop::ReportWriter writer(*opened.database);
    const desktop::ReportResult result = writer.write(parser.value(pdfOption), options);
    if (!result.ok) {
        err() << "authlens-cli report: " << result.error << "\n";
        return ExitUsage;
    }
    out() << "Wrote " << parser.value(pdfOption) << ": " << result.pages << " pages, " << result.messages
          << " messages, " << result.failingListed << " failing messages listed"
          << (result.failingTruncated ? " (more not listed)" : "") << "\n";
    return ExitOk;
}

} // namespace authlens::cli
