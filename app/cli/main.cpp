// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliOutput.h"
#include "Subcommand.h"
#include "Version.h"

#include <QCoreApplication>
#ifdef AUTHLENS_HAVE_REPORT
#include <QApplication>
#endif

#include <memory>

using namespace authlens;

namespace {

void printUsage(QTextStream& stream)
{
    stream << "Usage: authlens-cli <command> [options] [arguments]\n\n"
           << "Checks DKIM, SPF and DMARC on stored mail without a display.\n\n"
           << "Commands:\n";
    for (const cli::Subcommand& command : cli::subcommands())
        stream << "  " << QString::fromLatin1(command.name).leftJustified(16) << command.summary << "\n";
    stream << "\nOptions:\n"
           << "  -h, --help      Show this help, or a command's help with <command> --help\n"
           << "  -v, --version   Show the version\n\n"
           << "Exit status: 0 when every check passed, 1 when something did not pass, 2 on a usage or I/O "
              "error.\n";
    stream.flush();
}

} // namespace

int main(int argc, char* argv[])
{
#ifdef AUTHLENS_HAVE_REPORT
    // `report` draws the desktop app's charts (Qt Charts sits on QGraphicsScene, which needs a
    // QApplication), so it alone gets one, on the offscreen platform unless the caller chose another:
    // it must run without a display. Every other command keeps the plain QCoreApplication.
    const bool report = argc > 1 && qstrcmp(argv[1], "report") == 0;
    if (report && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application;
    if (report)
        application = std::make_unique<QApplication>(argc, argv);
    else
        application = std::make_unique<QCoreApplication>(argc, argv);
#else
    const auto application = std::make_unique<QCoreApplication>(argc, argv);
#endif
    QCoreApplication::setApplicationName(QStringLiteral("authlens-cli"));
    QCoreApplication::setOrganizationName(QString::fromLatin1(kOrganizationName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        printUsage(cli::err());
        return cli::ExitUsage;
    }
    const QString& first = arguments.at(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        printUsage(cli::out());
        return cli::ExitOk;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        cli::out() << "authlens-cli " << kVersion << "\n"
                   << "License " << kLicense
                   << ": GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>\n";
        cli::out().flush();
        return cli::ExitOk;
    }
    for (const cli::Subcommand& command : cli::subcommands()) {
        if (first == QLatin1String(command.name))
            return command.run(arguments);
    }
    cli::err() << "authlens-cli: unknown command '" << first << "'\n\n";
    printUsage(cli::err());
    return cli::ExitUsage;
}
