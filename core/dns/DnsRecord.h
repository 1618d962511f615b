// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace authlens::dns {

enum class RecordType : std::uint16_t
{
    A = 1,
    CNAME = 5,
    PTR = 12,
    MX = 15,
    TXT = 16,
    AAAA = 28,
};

QString recordTypeName(RecordType type);
// "TXT", "mx", ... to the type; nullopt for a type Authlens does not query.
std::optional<RecordType> recordTypeFromName(QByteArrayView name);

// DNSSEC status of an answer as a validating resolver reports it (RFC 4035 4.3).
enum class DnssecStatus
{
    Unknown,  // not validated (records file, stub resolver without validation)
    Insecure, // validated: no DNSSEC chain for this name
    Secure,   // validated chain of trust
    Bogus,    // validation failed: the data must not be trusted
};

QString dnssecStatusName(DnssecStatus status);

// One resource record of an answer. Which members are set depends on the type.
struct DnsRecord
{
    RecordType type = RecordType::TXT;
    std::uint32_t ttl = 0;
    QList<QByteArray> strings;    // TXT: the character-strings as sent, before joining
    QHostAddress address;         // A, AAAA
    std::uint16_t preference = 0; // MX
    QByteArray target;            // MX exchange, PTR, CNAME: a domain name without the final dot

    // TXT: the character-strings joined without separator (RFC 6376 3.6.2.2, RFC 7208 3.3).
    QByteArray text() const;
};

} // namespace authlens::dns
