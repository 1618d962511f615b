// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CorpusRandom.h"

#include <QByteArray>

namespace authlens::bench {

// Who a corpus message claims to come from.
struct SenderProfile
{
    QByteArray domain;      // the From domain
    QByteArray displayName; // "Example Shop"
    QByteArray localPart;   // "news"
    QByteArray mailer;      // X-Mailer
    bool bulk = true;       // List-Unsubscribe and a bounce address, as bulk senders have
};

// Makes one unsigned message that looks like real mail: a few Received fields, the usual originator
// fields, and a body of plain text, text with HTML, or text with a base64 attachment, near a target
// size. Lines end in CRLF, as signed mail does on the wire. Bodies carry what mbox and canonicalization
// must get right: lines starting "From " and ">From ", runs of spaces and tabs, trailing whitespace,
// UTF-8 text, empty lines at the end.
class MessageComposer
{
public:
    struct Input
    {
        SenderProfile sender;
        qint64 index = 0;         // makes Message-IDs and recipients unique
        qint64 date = 0;          // Unix seconds, for Date and Received
        qsizetype targetSize = 0; // bytes; the result is within a few hundred bytes of it
    };

    static QByteArray compose(const Input& input, CorpusRandom& random);

    // RFC 5322 3.3 date-time, "Thu, 01 Jan 2026 10:00:00 +0000".
    static QByteArray rfc5322Date(qint64 unixSeconds);

private:
    static QByteArray header(const Input& input, CorpusRandom& random, const QByteArray& contentType);
    static QByteArray textBody(CorpusRandom& random, qsizetype size);
    static QByteArray htmlBody(CorpusRandom& random, qsizetype size);
    static QByteArray base64Body(CorpusRandom& random, qsizetype size);
    static QByteArray sentence(CorpusRandom& random);
};

} // namespace authlens::bench
