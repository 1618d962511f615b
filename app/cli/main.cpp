// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliOutput.h"
#include "Subcommand.h"
#include "Version.h"

#include <QCoreApplication>

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
    QCoreApplication app(argc, argv);
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
