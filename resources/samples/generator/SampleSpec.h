// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Signature.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace authlens::samples {

// One DKIM signature to put on a sample message. rsa-sha1 is made by SampleSigner itself, because the
// core Signer refuses it (RFC 8301 3.1) and the samples must show what a verifier does with one.
struct SignatureSpec
{
    QByteArray keyId; // file name under keys/ without .pem
    QByteArray domain;
    QByteArray selector;
    dkim::Algorithm algorithm = dkim::Algorithm::RsaSha256;
    dkim::Canonicalization headerCanonicalization = dkim::Canonicalization::Relaxed;
    dkim::Canonicalization bodyCanonicalization = dkim::Canonicalization::Relaxed;
    bool oversign = false;
    std::vector<QByteArray> extraHeaders; // signed besides the Signer's default list (List-Unsubscribe)
};

// What happens to a message after it was signed and before the receiving MX takes it.
enum class Mutation
{
    None,
    BodyTampered,   // a line of the body changed on the way
    HeaderTampered, // the Subject changed on the way
    UnsignedFrom,   // a second, unsigned From field added above the signature
    Forwarded,      // a mailing list re-sent it: subject tag, footer, its own signature and envelope
};

// The verdicts Authlens must reach today (with records.zone), as the catalog declares them.
struct ExpectedDkim
{
    QByteArray domain;
    QByteArray selector;
    QByteArray result;
};

struct Expected
{
    std::vector<ExpectedDkim> dkim; // in header order, topmost first
    QByteArray spf;                 // RFC 8601 word
    QByteArray dmarc;               // pass, fail, none, temperror, permerror
    QByteArray disposition;         // none, quarantine, reject (RFC 9989 reading)
    QStringList receiverDisagrees;  // "dkim", "spf", "dmarc" against mx.authlens-sample.example
    QStringList senderFindings;     // sender requirement finding ids this message should raise
};

// The SMTP hop into the receiving MX (the Received field SPF takes its client address and HELO from).
struct Hop
{
    QByteArray helo;
    QByteArray reverseDns; // empty: "unknown"
    QByteArray ip;
};

// For bodyKind "dsn": the delivery status notification (RFC 3464, RFC 6522 multipart/report) a receiving
// system sent back about an earlier message, returning that message's header (text/rfc822-headers).
struct DsnSpec
{
    QByteArray reportingMta;
    QByteArray finalRecipient;
    QByteArray action; // failed, delayed
    QByteArray status; // 5.1.1
    QByteArray diagnostic;
    QByteArray originalFrom; // "Name" <address>
    QByteArray originalSubject;
    QByteArray originalMessageId;
    QByteArray originalDate;
};

struct SampleSpec
{
    QString demonstrates; // one line for the README table
    int day = 0;          // days after the first sample day (2026-10-05)
    int minuteOfDay = 0;  // UTC
    QByteArray fromName;
    QByteArray fromAddress;
    QByteArray subject;
    QByteArray returnPath; // MAIL FROM; empty for the null reverse-path "<>"
    Hop hop;
    QByteArray internalHost; // the sender's own first hop, written below the signature; empty: none
    QByteArray bodyKind;     // "plain", "newsletter" (multipart/alternative), "qp" (quoted-printable),
                             // "dsn" (a delivery status notification, see DsnSpec)
    QByteArray bodyText;     // the first paragraph; the rest is made from the subject
    std::vector<QByteArray> extraHeaders;  // complete fields without CRLF ("List-Id: <a.b>")
    std::vector<SignatureSpec> signatures; // signed in order, each prepended (so the last is topmost)
    Mutation mutation = Mutation::None;
    QByteArray receiverResults; // the value of the MX's Authentication-Results; empty: none
    DsnSpec dsn;                // bodyKind "dsn" only
    Expected expected;
};

} // namespace authlens::samples
