// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QHostAddress>
#include <QStringList>

#include <vector>

namespace authlens::mail {

class Message;

// A Received trace field (RFC 5321 4.4 Time-stamp-line), read the way MTAs actually write it:
//   from helo.example (rdns.example [192.0.2.1]) by mx.example with ESMTPS id X for <a@b>; <date>
// Postfix, Sendmail, Exim ("from rdns ([192.0.2.1] helo=helo.example)"), Microsoft and others differ in
// the comment, so the client address is the first address literal of the from-clause's comments (or
// the from-domain itself when that is a literal).
struct ReceivedField
{
    QByteArray fromDomain; // what follows "from": the HELO/EHLO name as the receiver recorded it
    QByteArray helo; // the HELO name: fromDomain, or "helo=" from the comment when fromDomain is a literal
    QByteArray reverseDns; // the name the receiver found for the address, when written
    QHostAddress fromIp;   // the connecting client, null when the field has none
    QByteArray by, via, with, id, forPath;
    QStringList comments;
    QByteArray dateText;
    QDateTime date;      // invalid when the date does not parse
    int fieldIndex = -1; // 0 = topmost (the last one added)
    int line = 0;

    bool hasFromIp() const { return !fromIp.isNull(); }

    static ReceivedField parse(QByteArrayView unfoldedValue);
    static std::vector<ReceivedField> fromMessage(const Message& message); // topmost first
};

} // namespace authlens::mail
