// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/HeaderField.h"

namespace authlens::mail {

QByteArrayView HeaderField::value() const
{
    const qsizetype colon = raw.indexOf(':');
    if (colon < 0)
        return {};
    qsizetype end = raw.size();
    if (raw.endsWith("\r\n"))
        end -= 2;
    return QByteArrayView(raw).sliced(colon + 1, end - colon - 1);
}

QByteArray HeaderField::unfoldedValue() const
{
    const QByteArrayView folded = value();
    QByteArray out;
    out.reserve(folded.size());
    for (qsizetype i = 0; i < folded.size(); ++i) {
        if (folded[i] == '\r' && i + 1 < folded.size() && folded[i + 1] == '\n') {
            ++i;
            continue;
        }
        out.append(folded[i]);
    }
    return out;
}

bool HeaderField::hasName(QByteArrayView other) const
{
    return QByteArrayView(name).compare(other, Qt::CaseInsensitive) == 0;
}

} // namespace authlens::mail
