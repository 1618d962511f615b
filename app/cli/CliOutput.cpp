// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliOutput.h"

#include <cstdio>

namespace authlens::cli {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString helpWithUsage(const QCommandLineParser& parser, const QString& usage)
{
    QString text = parser.helpText();
    text.replace(0, text.indexOf(QLatin1Char('\n')), QStringLiteral("Usage: ") + usage);
    return text;
}

} // namespace authlens::cli
