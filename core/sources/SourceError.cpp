// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/SourceError.h"

namespace authlens::sources {

QString SourceError::severityWord(Severity severity)
{
    switch (severity) {
    case Severity::Note:
        return QStringLiteral("note");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

QString SourceError::toString() const
{
    QString where = path;
    if (offset >= 0)
        where += QLatin1Char(':') + QString::number(offset);
    return QStringLiteral("%1: %2: %3").arg(where, severityWord(severity), message);
}

} // namespace authlens::sources
