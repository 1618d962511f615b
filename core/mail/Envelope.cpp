// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/Envelope.h"

#include "mail/Message.h"
#include "mail/ReceivedField.h"
#include "mail/ReceivedSpf.h"

namespace authlens::mail {

namespace {

bool matchesHost(const QByteArray& host, const QList<QByteArray>& trusted)
{
    if (host.isEmpty())
        return false;
    for (const QByteArray& name : trusted) {
        if (QByteArrayView(host).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool isTrustedHop(const ReceivedField& field, const QList<QByteArray>& trusted)
{
    return matchesHost(field.fromDomain, trusted) || matchesHost(field.reverseDns, trusted) ||
           matchesHost(field.helo, trusted) ||
           (!field.fromIp.isNull() && matchesHost(field.fromIp.toString().toLatin1(), trusted));
}

} // namespace

QByteArray Envelope::parseReturnPath(QByteArrayView value, bool* isNull)
{
    // Drop comments, then take what is between the angle brackets (or the bare address).
    QByteArray text;
    int depth = 0;
    for (char c : value) {
        if (c == '(')
            ++depth;
        else if (c == ')' && depth > 0)
            --depth;
        else if (depth == 0)
            text.append(c);
    }
    text = text.trimmed();
    const qsizetype open = text.indexOf('<');
    const qsizetype close = text.lastIndexOf('>');
    if (open >= 0 && close > open)
        text = text.mid(open + 1, close - open - 1).trimmed();
    // RFC 5321 4.1.2 source routes ("@a,@b:user@c") are ignored.
    const qsizetype colon = text.indexOf(':');
    if (text.startsWith('@') && colon > 0)
        text = text.mid(colon + 1);
    if (isNull)
        *isNull = text.isEmpty();
    return text;
}

Envelope Envelope::fromMessage(const Message& message, const EnvelopeOptions& options)
{
    Envelope envelope;
    const std::vector<ReceivedField> received = ReceivedField::fromMessage(message);
    for (const ReceivedField& field : received) {
        if (!field.hasFromIp())
            continue;
        if (!options.trustedHosts.isEmpty()) {
            // The hop into the trusted hosts from outside: "by" one of ours, "from" not one of ours.
            if (!matchesHost(field.by, options.trustedHosts) || isTrustedHop(field, options.trustedHosts))
                continue;
        }
        envelope.clientIp = field.fromIp;
        envelope.helo = field.helo;
        envelope.receivedIndex = field.fieldIndex;
        envelope.notes.append(QStringLiteral("client %1 and HELO %2 from Received field %3 (line %4), by %5")
                                  .arg(field.fromIp.toString(), QString::fromUtf8(field.helo))
                                  .arg(field.fieldIndex + 1)
                                  .arg(field.line)
                                  .arg(QString::fromUtf8(field.by)));
        break;
    }
    if (envelope.clientIp.isNull())
        envelope.notes.append(options.trustedHosts.isEmpty()
                                  ? QStringLiteral("no Received field names a client address")
                                  : QStringLiteral("no Received field from outside into the trusted hosts"));

    if (const HeaderField* returnPath = message.firstFieldNamed("Return-Path")) {
        envelope.mailFrom = parseReturnPath(returnPath->unfoldedValue(), &envelope.nullMailFrom);
        envelope.hasMailFrom = true;
        envelope.notes.append(QStringLiteral("MAIL FROM %1 from Return-Path (line %2)")
                                  .arg(envelope.nullMailFrom ? QStringLiteral("<> (null)")
                                                             : QString::fromUtf8(envelope.mailFrom))
                                  .arg(returnPath->line));
    } else {
        // No Return-Path (the message never reached final delivery): the receiver's Received-SPF may say.
        for (const ReceivedSpf& spf : ReceivedSpf::fromMessage(message)) {
            if (spf.value("envelope-from").isNull())
                continue;
            envelope.mailFrom = parseReturnPath(spf.envelopeFrom(), &envelope.nullMailFrom);
            envelope.hasMailFrom = true;
            envelope.notes.append(
                QStringLiteral("no Return-Path: MAIL FROM taken from Received-SPF envelope-from"));
            break;
        }
        if (!envelope.hasMailFrom)
            envelope.notes.append(QStringLiteral("no Return-Path: MAIL FROM unknown"));
    }
    return envelope;
}

} // namespace authlens::mail
