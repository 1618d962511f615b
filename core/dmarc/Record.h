// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace authlens::dmarc {

// RFC 9989 4.7 (RFC 7489 6.3): what a Domain Owner asks receivers to do with failing mail.
enum class Policy
{
    None,
    Quarantine,
    Reject,
};

enum class AlignmentMode
{
    Relaxed, // r: Organizational Domains equal (RFC 9989 4.4.1)
    Strict,  // s: names identical
};

// RFC 9989 4.7 psd=: y (a Public Suffix Domain), n (an Organizational Domain), u (unspecified).
enum class PsdFlag
{
    Unspecified,
    Yes,
    No,
};

QString policyName(Policy policy);
std::optional<Policy> policyFromName(QByteArrayView word); // case-insensitive
// One step weaker: reject -> quarantine -> none (RFC 9989 t=y, RFC 7489 pct=0).
Policy weakerPolicy(Policy policy);

// A problem in a record, with the offset of the tag in the record text.
struct RecordProblem
{
    int position = 0;
    QByteArray tag;
    QString message;
};

// A DMARC Policy Record (RFC 9989 4.7, RFC 7489 6.3): every tag of both, the legacy ones recognised and
// reported. Parsing never stops at the first problem, so a linter sees them all.
struct Record
{
    QByteArray text;

    // RFC 9989 4.7 / RFC 7489 6.4: "v=DMARC1" (case-sensitive) as the first tag. A TXT record without it
    // is not a DMARC record at all and is discarded by policy discovery.
    bool isDmarc = false;

    std::optional<Policy> p, sp, np; // set only when present and valid
    bool pPresent = false, spPresent = false, npPresent = false;
    PsdFlag psd = PsdFlag::Unspecified;
    bool testing = false; // t=y
    AlignmentMode adkim = AlignmentMode::Relaxed;
    AlignmentMode aspf = AlignmentMode::Relaxed;
    QList<QByteArray> rua, ruf; // the URIs as written
    QByteArray fo = "0";
    // Removed by RFC 9989, still used by RFC 7489 receivers.
    std::optional<int> pct;
    QByteArray rf;
    std::optional<quint32> ri;

    QList<QByteArray> tagsInOrder;   // lower-case tag names as written, duplicates included
    QList<QByteArray> unknownTags;   // ignored (RFC 9989 4.7)
    QList<QByteArray> duplicateTags; // the first occurrence is used
    QList<QByteArray> legacyTags;    // pct, rf, ri present (RFC 7489 only)
    QList<RecordProblem> problems;   // syntax errors and invalid values

    static Record parse(QByteArrayView text);
    // The quick test policy discovery needs: does the text start with a v=DMARC1 tag?
    static bool startsWithVersion(QByteArrayView text);

    // A mailto: URI that parses (RFC 9989 4.7 rua); enough for "a valid rua" in 4.10.1.
    bool hasValidRua() const;
    // RFC 9989 4.10.1 / RFC 7489 6.6.3 step 6: no valid p, or an invalid sp (or np, RFC 9989 only).
    bool hasInvalidPolicy(bool considerNp) const;
};

} // namespace authlens::dmarc
