// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/MaildirFileName.h"

#include <QStringView>

namespace authlens::sources {

namespace {

// A decimal size of at most 15 digits (far beyond any message), or -1.
qint64 sizeValue(QStringView digits)
{
    if (digits.isEmpty() || digits.size() > 15)
        return -1;
    qint64 value = 0;
    for (const QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return -1;
        value = value * 10 + (c.unicode() - '0');
    }
    return value;
}

} // namespace

MaildirFileName MaildirFileName::parse(const QString& fileName)
{
    MaildirFileName name;
    const qsizetype colon = fileName.indexOf(QLatin1Char(':'));
    name.uniqueName = colon < 0 ? fileName : fileName.left(colon);
    if (colon >= 0) {
        name.info = fileName.mid(colon + 1);
        if (name.info.startsWith(QLatin1String("2,"))) {
            for (const QChar c : QStringView(name.info).sliced(2)) {
                if ((c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                    (c >= QLatin1Char('a') && c <= QLatin1Char('z')))
                    name.flags += c;
            }
        }
    }
    // ",S=" and ",W=" follow the unique part proper (Maildir++, Dovecot).
    const QStringView unique(name.uniqueName);
    qsizetype comma = unique.indexOf(QLatin1Char(','));
    while (comma >= 0) {
        const qsizetype nextComma = unique.indexOf(QLatin1Char(','), comma + 1);
        const QStringView field =
            unique.sliced(comma + 1, (nextComma < 0 ? unique.size() : nextComma) - comma - 1);
        if (field.startsWith(QLatin1String("S=")))
            name.size = sizeValue(field.sliced(2));
        else if (field.startsWith(QLatin1String("W=")))
            name.virtualSize = sizeValue(field.sliced(2));
        comma = nextComma;
    }
    return name;
}

} // namespace authlens::sources
