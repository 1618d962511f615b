// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QStringList>

namespace authlens::mail {

class Message;

struct EnvelopeOptions
{
    // Names (or addresses) of the receiving organisation's own MTAs. Empty: the topmost Received field
    // with a from-address is taken as the one the receiving system added.
    QList<QByteArray> trustedHosts;
};

// The SMTP envelope of a stored message, as far as its trace fields tell it, for re-evaluating SPF and
// DMARC: the client address and HELO name from the Received field the receiving system added (RFC 5321
// 4.4), MAIL FROM from Return-Path (RFC 5321 4.4, added at final delivery).
struct Envelope
{
    QHostAddress clientIp; // null when no usable Received field was found
    QByteArray helo;
    QByteArray mailFrom;       // the reverse-path without angle brackets; empty for the null path
    bool hasMailFrom = false;  // a Return-Path (or Received-SPF envelope-from) was found
    bool nullMailFrom = false; // Return-Path: <> (bounces): SPF then checks the HELO identity
    int receivedIndex = -1;    // which Received field (0 = topmost) gave the client address
    QStringList notes;         // where each value came from, and what was missing

    bool complete() const { return !clientIp.isNull() && hasMailFrom; }

    static Envelope fromMessage(const Message& message, const EnvelopeOptions& options = {});
    // "<a@example.com>", "<>", "a@example.com" (with comments): the reverse-path; nullopt-like empty
    // result with `isNull` set for "<>".
    static QByteArray parseReturnPath(QByteArrayView value, bool* isNull);
};

} // namespace authlens::mail
