// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dns/DnsRecord.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace authlens::dkim {

// RFC 8601 2.7.1 result words for one DKIM signature.
enum class ResultWord
{
    Pass,
    Fail,
    Neutral,
    Policy,
    TempError,
    PermError,
};

QString resultWordName(ResultWord word);

// Why a signature most likely failed, where that can be told from the message.
enum class LikelyCause
{
    None,
    BodyChanged,            // the body hash does not match
    BodyLineEndings,        // the file mixes CRLF and bare LF line endings
    BodyTrailingWhitespace, // simple body canonicalization over lines with trailing whitespace
    BodyQuotedPrintable,    // quoted-printable body: an 8-bit to QP conversion on the way
    HeaderChanged,          // body hash fine, signature does not verify: a signed header changed or the key
    KeyMismatch,            // the key cannot have made this signature (type, size of signature)
};

QString likelyCauseText(LikelyCause cause);

// Everything the trace view shows for one signature. Filled as far as verification got.
struct Diagnostics
{
    QList<QPair<QByteArray, QByteArray>> tags; // every tag of the field, as written
    QByteArray rawField;                       // the DKIM-Signature field as received
    // Key lookup (RFC 6376 3.6.2)
    QByteArray keyDnsName;
    bool keyLooked = false;
    QString keyLookupStatus;  // "Ok", "NxDomain", "TempFail", ...
    QByteArray keyRecordText; // the TXT strings joined
    QList<QByteArray> cnameChain;
    std::uint32_t keyTtl = 0;
    dns::DnssecStatus dnssec = dns::DnssecStatus::Unknown;
    qint64 keyFetchedAtMs = 0;
    QString keySource;
    QByteArray keyType; // "rsa", "ed25519"
    int keyBits = 0;
    bool keyTesting = false; // t=y
    // Body (RFC 6376 3.7 step 1)
    QByteArray bodyHashClaimed;  // bh=, base64
    QByteArray bodyHashComputed; // base64
    quint64 bodyCanonicalLength = 0;
    quint64 bodyBytesCovered = 0;
    quint64 bodyBytesNotCovered = 0; // past l=
    // Header (RFC 6376 3.7 step 2)
    QList<QByteArray> signedHeaderNames;
    QList<QByteArray> oversignedHeaderNames; // h= entries with no instance left: sign "nothing" on purpose
    QList<QByteArray> absentHeaderNames;     // h= names with no field at all in the message
    // Singleton fields (RFC 5322 3.6) with an unsigned copy added after signing: above this
    // DKIM-Signature field, or for From anywhere.
    QList<QByteArray> unsignedSingletons;
    QByteArray canonicalizedHeaders; // the selected fields, canonicalized, in hash order
    QByteArray signedData;           // canonicalizedHeaders + the signature field without b=
    LikelyCause likelyCause = LikelyCause::None;
};

// The verdict on one DKIM-Signature field.
struct Result
{
    ResultWord result = ResultWord::Neutral;
    QString reason;              // plain language
    int index = 0;               // 0 for the topmost DKIM-Signature field
    QByteArray domain;           // d= (FWS removed); empty if absent
    QByteArray selector;         // s=
    QByteArray algorithm;        // a= as written
    QByteArray auid;             // i= decoded, or "@" + d=
    QByteArray canonicalization; // "relaxed/relaxed"
    int keyBits = 0;
    std::optional<bool> bodyHashOk;   // empty when the body was not checked
    std::optional<bool> signatureOk;  // the cryptographic check; empty when not reached
    std::optional<qint64> timestamp;  // t=
    std::optional<qint64> expiration; // x=
    Diagnostics diagnostics;

    QString word() const { return resultWordName(result); }
    bool passed() const { return result == ResultWord::Pass; }
};

} // namespace authlens::dkim
