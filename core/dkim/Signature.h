// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/TagList.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace authlens::dkim {

enum class Algorithm
{
    RsaSha256,
    RsaSha1, // RFC 8301: checked for diagnostics, never a pass
    Ed25519Sha256,
};

enum class Canonicalization
{
    Simple,
    Relaxed,
};

enum class HashAlgorithm
{
    Sha256,
    Sha1,
};

enum class KeyType
{
    Rsa,
    Ed25519,
};

QByteArray algorithmName(Algorithm algorithm);
QByteArray canonicalizationName(Canonicalization canonicalization);
HashAlgorithm hashOf(Algorithm algorithm);
KeyType keyTypeOf(Algorithm algorithm);
QByteArray hashName(HashAlgorithm hash);
QByteArray keyTypeName(KeyType type);

// A parsed, syntactically valid DKIM-Signature field (RFC 6376 3.5).
struct Signature
{
    TagList tags; // every tag as written
    Algorithm algorithm = Algorithm::RsaSha256;
    QByteArray signature; // b=, decoded
    QByteArray bodyHash;  // bh=, decoded
    Canonicalization headerCanonicalization = Canonicalization::Simple;
    Canonicalization bodyCanonicalization = Canonicalization::Simple;
    QByteArray sdid;                           // d=, lowercase
    QByteArray selector;                       // s=, as written
    std::vector<QByteArray> signedHeaderNames; // h=, in order, as written
    QByteArray auid;                           // i=, decoded; "@" + d= when absent
    std::optional<quint64> bodyLength;         // l=
    std::optional<qint64> timestamp;           // t=
    std::optional<qint64> expiration;          // x=
    QByteArray copiedHeaders;                  // z=, as written

    QByteArray canonicalizationText() const; // "relaxed/simple"
    // The domain part of the AUID.
    QByteArray auidDomain() const;
    // <selector>._domainkey.<d> (RFC 6376 3.6.2.1)
    QByteArray keyName() const;
};

} // namespace authlens::dkim
