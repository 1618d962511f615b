// SPDX-License-Identifier: GPL-3.0-or-later
#include "LimitOption.h"

#include "CliOutput.h"
#include "Subcommand.h"

namespace authlens::cli {

QCommandLineOption LimitOption::option()
{
    return QCommandLineOption(
        QStringLiteral("limit"),
        QStringLiteral("Change an input limit, e.g. line-length=2M (repeatable; --limit help lists them)."),
        QStringLiteral("NAME=VALUE"));
}

LimitOption::Read LimitOption::read(const QCommandLineParser& parser, const QString& command)
{
    Read read;
    const QStringList values = parser.values(option());
    if (values.contains(QLatin1String("help"), Qt::CaseInsensitive)) {
        out() << pipeline::InputLimits::helpText();
        out().flush();
        read.exitCode = ExitOk;
        return read;
    }
    pipeline::InputLimits limits;
    if (const QString error = limits.assignAll(values); !error.isEmpty()) {
        err() << command << ": --limit: " << error << " (--limit help lists the limits)\n";
        read.exitCode = ExitUsage;
        return read;
    }
    read.limits = limits;
    return read;
}

} // namespace authlens::cli
