// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Signature.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace authlens::dkim {

struct KeyRecordParseResult;

// A DKIM key record (RFC 6376 3.6.1, RFC 8463 4): the TXT text parsed, the key bytes decoded. Whether the
// key bytes load as a key of the stated type is Crypto's job.
struct KeyRecord
{
    std::optional<TagList> tags;
    std::vector<QByteArray> acceptableHashes; // h=; empty: any
    QByteArray keyTypeText = "rsa";           // k= as written (lowercase)
    std::optional<KeyType> keyType;           // empty when k= names a type we do not know
    QByteArray publicKey;                     // p=, base64-decoded; empty means revoked (3.6.1)
    std::vector<QByteArray> serviceTypes;     // s=; default "*"
    std::vector<QByteArray> flags;            // t=
    QByteArray notes;                         // n=

    bool revoked() const { return publicKey.isEmpty(); }
    bool testing() const;        // t=y
    bool strictIdentity() const; // t=s: i= domain must equal d= exactly
    bool allowsHash(HashAlgorithm hash) const;
    bool allowsEmailService() const;

    using ParseResult = KeyRecordParseResult;
    static ParseResult parse(QByteArrayView text);
};

struct KeyRecordParseResult
{
    std::optional<KeyRecord> record;
    QString error; // why the record is unusable (permerror)
};

} // namespace authlens::dkim
