// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail/AuthenticationResults.h"
#include "mail/ReceivedSpf.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <vector>

namespace authlens::mail {

class Message;

// What the receiving system concluded when the message arrived, from the trusted Authentication-Results
// instances (and the topmost Received-SPF when they say nothing about SPF). Shown beside our own
// verdicts, which use today's DNS, so disagreements stand out.
struct ReceiverVerdict
{
    struct Dkim
    {
        QByteArray domain;   // header.d
        QByteArray selector; // header.s
        QByteArray result;
        QByteArray reason;
    };

    QList<QByteArray> authservIds; // of the instances used, in order
    std::vector<Dkim> dkim;
    QByteArray spfResult;   // empty when the receiver recorded nothing
    QByteArray spfMailFrom; // smtp.mailfrom (or Received-SPF envelope-from)
    QByteArray spfHelo;     // smtp.helo (or Received-SPF helo)
    QByteArray dmarcResult;
    QByteArray dmarcFrom;   // header.from
    QByteArray dmarcPolicy; // policy.dmarc (as Gmail and others write it) or polrec.p
    QStringList sources;    // "Authentication-Results by mx.example (line 3)", ...

    bool isEmpty() const { return dkim.empty() && spfResult.isEmpty() && dmarcResult.isEmpty(); }

    static ReceiverVerdict fromMessage(const Message& message,
                                       const QList<QByteArray>& trustedAuthservIds = {});
    static ReceiverVerdict fromResults(const std::vector<AuthenticationResults>& trusted,
                                       const std::vector<ReceivedSpf>& receivedSpf);
};

} // namespace authlens::mail
