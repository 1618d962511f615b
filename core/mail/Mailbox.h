// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace authlens::mail {

// One mailbox of an address header field (RFC 5322 3.4).
struct Mailbox
{
    QString displayName;       // RFC 2047 decoded, for display only
    QByteArray rawDisplayName; // as written, quotes and escapes removed, encoded-words kept
    QByteArray localPart;      // quotes and escapes removed
    QByteArray domain;         // as written (may be UTF-8, RFC 6532); for a domain-literal the brackets
    QByteArray domainAce;      // lower-case A-label form (RFC 8616): the one to compare; empty if invalid
    QString domainUnicode;     // U-label form, for display
    QString group;             // the group it was listed in (RFC 5322 3.4 group), empty if none
    bool domainLiteral = false;
    int position = 0; // offset of the mailbox in the field value

    QByteArray address() const { return localPart + '@' + domain; }
};

} // namespace authlens::mail
