// SPDX-License-Identifier: GPL-3.0-or-later
#include "dns/Resolver.h"

namespace authlens::dns {

QByteArray Resolver::normalizedName(QByteArrayView name)
{
    QByteArray out = name.toByteArray().toLower();
    while (out.endsWith('.'))
        out.chop(1);
    return out;
}

QString Resolver::nameError(QByteArrayView name)
{
    QByteArrayView view = name;
    if (view.endsWith('.'))
        view.chop(1);
    if (view.isEmpty())
        return QStringLiteral("empty domain name");
    // RFC 1035 2.3.4: 255 octets on the wire, which is 253 characters in text without the final dot.
    if (view.size() > 253)
        return QStringLiteral("domain name longer than 253 characters");
    qsizetype labelStart = 0;
    for (qsizetype i = 0; i <= view.size(); ++i) {
        if (i < view.size() && view[i] != '.') {
            const auto c = static_cast<unsigned char>(view[i]);
            if (c <= 0x20 || c == 0x7f)
                return QStringLiteral("domain name contains a space or control character");
            continue;
        }
        const qsizetype labelLength = i - labelStart;
        if (labelLength == 0)
            return QStringLiteral("domain name has an empty label");
        if (labelLength > 63) // RFC 1035 2.3.4
            return QStringLiteral("domain name label longer than 63 characters");
        labelStart = i + 1;
    }
    return {};
}

} // namespace authlens::dns
