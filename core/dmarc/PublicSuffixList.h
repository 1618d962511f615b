// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace authlens::dmarc {

// RFC 7489 3.2: the Organizational Domain from the Public Suffix List, through libpsl (the newest of the
// system list and libpsl's built-in one). RFC 9989 replaced this with the DNS Tree Walk; it stays for
// the RFC 7489 receivers still in the field. The list is loaded once and is read-only: thread-safe.
class PublicSuffixList
{
public:
    // The registrable domain (public suffix plus one label) of `domain`, lower-cased; the domain itself
    // when it is a public suffix or has no known suffix.
    static QByteArray organizationalDomain(QByteArrayView domain);
    static bool isPublicSuffix(QByteArrayView domain);
    // Where the list came from, for a trace ("libpsl 0.21.2, /usr/share/publicsuffix/...").
    static QString description();
};

} // namespace authlens::dmarc
