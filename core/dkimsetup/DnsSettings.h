// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Signature.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>

namespace authlens::dkimsetup {

// What a customer publishes so receivers find the key: a TXT record at <selector>._domainkey.<domain>
// (RFC 6376 3.6.2.1), or, when the customer delegates the selector to the sending platform, a CNAME to a
// name the platform serves and rotates.
struct DnsSettings
{
    QByteArray domain;
    QByteArray selector;
    QByteArray name;           // "s1._domainkey.example.com" (no final dot)
    QByteArray type = "TXT";   //
    QByteArray value;          // "v=DKIM1; k=rsa; p=MIIB..." whole, as web DNS panels want it
    QList<QByteArray> strings; // the value in character-strings of at most 255 octets (RFC 1035 3.3.14)
    std::uint32_t ttl = 3600;
    QByteArray cnameTarget; // delegation target, no final dot; empty when the platform offers none

    // One master-file line (RFC 1035 5.1): `name. TTL IN TXT "part1" "part2"`.
    QByteArray zoneLine() const;
    // `name. TTL IN CNAME target.`; empty without a target.
    QByteArray cnameZoneLine() const;

    // The key record for a public key (the decoded p=). Ed25519 records carry k=ed25519 (RFC 8463 4);
    // RSA records name k=rsa although it is the default, so a reader never has to know that.
    static QByteArray recordValue(dkim::KeyType type, const QByteArray& publicKeyRecordBytes);
    static DnsSettings forKey(const QByteArray& domain, const QByteArray& selector, dkim::KeyType type,
                              const QByteArray& publicKeyRecordBytes);

    // RFC 1035 3.3.14: one TXT record is a series of character-strings of at most 255 octets each,
    // and DKIM joins them with nothing between (RFC 6376 3.6.2.2). Splits on octets, not characters.
    static QList<QByteArray> splitStrings(QByteArrayView value, int maxOctets = 255);
    static QByteArray joinStrings(const QList<QByteArray>& strings);
    // A character-string in master-file form: quoted, with " and \ escaped, other bytes outside
    // printable ASCII as \DDD (RFC 1035 5.1).
    static QByteArray quoted(QByteArrayView string);

    // The delegation target from a platform pattern: "{selector}" and "{domain}" are replaced, e.g.
    // "{selector}.{domain}.dkim.platform.example." gives "s1.example.com.dkim.platform.example".
    static QByteArray cnameTargetFor(const QString& pattern, const QByteArray& domain,
                                     const QByteArray& selector);
};

} // namespace authlens::dkimsetup
