// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageBuilder.h"

#include "dkim/BodyHasher.h"
#include "dkim/HeaderSelector.h"
#include "dkim/Signer.h"
#include "mail/Message.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QTimeZone>

namespace authlens::samples {

namespace {

// A stable, realistic-looking queue id: the same spec and index give the same id.
QByteArray queueId(const QByteArray& seed)
{
    return QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex().left(12).toUpper();
}

QByteArray receivedField(const QByteArray& helo, const QByteArray& reverseDns, const QByteArray& ip,
                         const QByteArray& by, const QByteArray& software, const QByteArray& with,
                         const QByteArray& id, const QDateTime& time)
{
    const QByteArray literal = ip.contains(':') ? "IPv6:" + ip : ip;
    return "Received: from " + helo + " (" + (reverseDns.isEmpty() ? QByteArray("unknown") : reverseDns) +
           " [" + literal + "])\r\n\tby " + by + " (" + software + ") with " + with + " id " + id +
           "\r\n\tfor <" + MessageBuilder::recipient + ">; " + MessageBuilder::rfc5322Date(time) + "\r\n";
}

// The fields the core Signer signs by default (RFC 6376 5.4.1 recommendations) that this message has.
std::vector<QByteArray> signedNames(const SignatureSpec& signature, const mail::Message& message)
{
    std::vector<QByteArray> names;
    for (const char* name : {"From", "To", "Cc", "Subject", "Date", "Message-ID", "Reply-To", "MIME-Version",
                             "Content-Type", "Content-Transfer-Encoding"}) {
        if (message.firstFieldNamed(name) || QByteArrayView(name) == "From")
            names.emplace_back(name);
    }
    for (const QByteArray& name : signature.extraHeaders)
        names.push_back(name);
    return names;
}

} // namespace

MessageBuilder::MessageBuilder(const SampleKeys& keys)
    : m_keys(keys)
{}

QDateTime MessageBuilder::sentAt(const SampleSpec& spec)
{
    const QDateTime first(QDate(2026, 10, 5), QTime(0, 0), QTimeZone::utc());
    return first.addDays(spec.day).addSecs(qint64(spec.minuteOfDay) * 60);
}

QByteArray MessageBuilder::rfc5322Date(const QDateTime& time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, d MMM yyyy HH:mm:ss")).toLatin1() +
           " +0000";
}

QByteArray MessageBuilder::domainOf(const QByteArray& address)
{
    return address.mid(address.lastIndexOf('@') + 1).toLower();
}

QByteArray MessageBuilder::header(const SampleSpec& spec, int index) const
{
    const QDateTime sent = sentAt(spec);
    QByteArray h;
    if (!spec.internalHost.isEmpty()) {
        // The sender's own submission hop, below the signature: never the one SPF is checked on.
        h += receivedField(spec.internalHost, spec.internalHost,
                           "2001:db8:5::" + QByteArray::number(10 + index % 7), spec.hop.helo, "Postfix",
                           "ESMTP", queueId("internal" + QByteArray::number(index)), sent.addSecs(2));
    }
    h += "From: \"" + spec.fromName + "\" <" + spec.fromAddress + ">\r\n";
    h += "To: Seed Box <" + QByteArray(recipient) + ">\r\n";
    h += "Subject: " + spec.subject + "\r\n";
    h += "Date: " + rfc5322Date(sent) + "\r\n";
    h += "Message-ID: <" + sent.toString(QStringLiteral("yyyyMMddHHmmss")).toLatin1() + "." +
         queueId("msgid" + QByteArray::number(index)).toLower().left(8) + "@" + domainOf(spec.fromAddress) +
         ">\r\n";
    h += "MIME-Version: 1.0\r\n";
    if (spec.bodyKind == "newsletter") {
        h += "Content-Type: multipart/alternative;\r\n\tboundary=\"=_al_" + QByteArray::number(index) +
             "\"\r\n";
    } else if (spec.bodyKind == "dsn") {
        // RFC 6522 3: the report's type is named in the top-level Content-Type.
        h += "Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"=_dsn_" +
             QByteArray::number(index) + "\"\r\nAuto-Submitted: auto-replied\r\n";
    } else if (spec.bodyKind == "qp") {
        h += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n";
    } else {
        h += "Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n";
    }
    for (const QByteArray& field : spec.extraHeaders)
        h += field + "\r\n";
    return h;
}

QByteArray MessageBuilder::body(const SampleSpec& spec, int index) const
{
    const QByteArray signature = "-- \r\n" + spec.fromName + "\r\n";
    if (spec.bodyKind == "newsletter") {
        const QByteArray boundary = "=_al_" + QByteArray::number(index);
        return "This is a multi-part message in MIME format.\r\n\r\n--" + boundary +
               "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n" +
               spec.subject + "\r\n\r\n" + spec.bodyText + "\r\n\r\nRead it online: https://www." +
               domainOf(spec.fromAddress) + "/issues/" + QByteArray::number(index) + "\r\n\r\n--" + boundary +
               "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
               "<!DOCTYPE html>\r\n<html><body>\r\n<h1>" +
               spec.subject + "</h1>\r\n<p>" + spec.bodyText + "</p>\r\n<p><a href=\"https://www." +
               domainOf(spec.fromAddress) + "/issues/" + QByteArray::number(index) +
               "\">Read it online</a></p>\r\n</body></html>\r\n\r\n--" + boundary + "--\r\n";
    }
    if (spec.bodyKind == "dsn") {
        // RFC 3464 2: a human-readable part, the per-message and per-recipient fields, and the returned
        // header of the original (RFC 6522 text/rfc822-headers), which says who sent it.
        const DsnSpec& d = spec.dsn;
        const QByteArray boundary = "=_dsn_" + QByteArray::number(index);
        const bool failed = d.action == "failed";
        return "This is a MIME-encapsulated message.\r\n\r\n--" + boundary +
               "\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nThis is the mail system at host " +
               d.reportingMta + ".\r\n\r\n" +
               (failed ? QByteArray("Your message could not be delivered to the recipient below.")
                       : QByteArray("Your message has not been delivered yet; the mail system keeps "
                                    "trying.")) +
               "\r\n\r\n<" + d.finalRecipient + ">: " + d.diagnostic + "\r\n\r\n--" + boundary +
               "\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; " + d.reportingMta +
               "\r\nArrival-Date: " + d.originalDate + "\r\n\r\nFinal-Recipient: rfc822; " +
               d.finalRecipient + "\r\nOriginal-Recipient: rfc822; " + d.finalRecipient +
               "\r\nAction: " + d.action + "\r\nStatus: " + d.status + "\r\nRemote-MTA: dns; " +
               d.reportingMta + "\r\nDiagnostic-Code: smtp; " + d.diagnostic + "\r\n\r\n--" + boundary +
               "\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: " + d.originalFrom + "\r\nTo: <" +
               d.finalRecipient + ">\r\nSubject: " + d.originalSubject + "\r\nDate: " + d.originalDate +
               "\r\nMessage-ID: " + d.originalMessageId + "\r\n\r\n--" + boundary + "--\r\n";
    }
    if (spec.bodyKind == "qp") {
        // Quoted-printable with a soft line break and UTF-8 escapes, as most mail clients send it.
        return "Bonjour,\r\n\r\n" + spec.bodyText +
               "\r\n\r\nMerci de votre confiance et =C3=A0 bient=C3=B4t sur notre site, o=C3=B9 vous =\r\n"
               "retrouverez toutes vos commandes.\r\n\r\n" +
               signature;
    }
    return "Hello,\r\n\r\n" + spec.bodyText + "\r\n\r\nKind regards,\r\n" + signature;
}

QByteArray MessageBuilder::sign(const SignatureSpec& signature, const QByteArray& message, qint64 time,
                                QString* error) const
{
    if (signature.algorithm == dkim::Algorithm::RsaSha1)
        return signRsaSha1(signature, message, time, error);
    const mail::Message parsed = mail::Message::parse(message);
    dkim::Signer::Options options;
    options.algorithm = signature.algorithm;
    options.domain = signature.domain;
    options.selector = signature.selector;
    options.headerCanonicalization = signature.headerCanonicalization;
    options.bodyCanonicalization = signature.bodyCanonicalization;
    options.headers = signedNames(signature, parsed);
    options.oversign = signature.oversign;
    // A fixed t= keeps the output byte-identical; no x=, so the samples never expire.
    options.timestamp = time;
    const dkim::Signer::Output output = dkim::Signer(m_keys.key(signature.keyId), options).sign(parsed);
    if (!output.ok())
        *error = output.error;
    return output.field;
}

QByteArray MessageBuilder::signRsaSha1(const SignatureSpec& signature, const QByteArray& message, qint64 time,
                                       QString* error) const
{
    // The steps of dkim::Signer::sign (RFC 6376 5), with a=rsa-sha1 as old signers still send it.
    const mail::Message parsed = mail::Message::parse(message);
    const std::vector<QByteArray> names = signedNames(signature, parsed);
    const QByteArray bodyHash =
        dkim::BodyHasher::hash(parsed.body(), signature.bodyCanonicalization, dkim::HashAlgorithm::Sha1);
    QByteArray h;
    for (const QByteArray& name : names)
        h += (h.isEmpty() ? "" : ":") + name;
    const QByteArray value =
        " v=1; a=rsa-sha1; c=" + dkim::canonicalizationName(signature.headerCanonicalization) + '/' +
        dkim::canonicalizationName(signature.bodyCanonicalization) + "; d=" + signature.domain +
        "; s=" + signature.selector + "; t=" + QByteArray::number(time) + ";\r\n\th=" + h +
        ";\r\n\tbh=" + bodyHash.toBase64() + ";\r\n\tb=";
    const QByteArray unsignedField = "DKIM-Signature:" + value;
    const dkim::HeaderSelector::Selection selection =
        dkim::HeaderSelector::select(parsed.headerFields(), names, signature.headerCanonicalization);
    const QByteArray signedData =
        selection.canonicalizedHeaders +
        dkim::HeaderSelector::signatureFieldForHash(unsignedField, value.size(), value.size(),
                                                    signature.headerCanonicalization);
    const QByteArray b =
        dkim::Crypto::sign(m_keys.key(signature.keyId), dkim::Algorithm::RsaSha1, signedData);
    if (b.isEmpty()) {
        *error = QStringLiteral("rsa-sha1 signing failed");
        return {};
    }
    return unsignedField + b.toBase64() + "\r\n";
}

QByteArray MessageBuilder::forwardThroughList(QByteArray message, const SampleSpec& spec, int index,
                                              QString* error) const
{
    // What Mailman-style lists do (RFC 6377 3): tag the subject, append a footer, add the list fields,
    // re-sign as the list. The author's signature breaks; the list's own passes but does not align.
    const QDateTime atList = sentAt(spec).addSecs(40);
    message.replace("\r\nSubject: ", "\r\nSubject: [volunteers] ");
    message += "\r\n_______________________________________________\r\n"
               "volunteers mailing list -- volunteers@lists.example\r\n"
               "To unsubscribe send an email to volunteers-leave@lists.example\r\n";
    const qsizetype headerEnd = message.indexOf("\r\n\r\n");
    message.insert(headerEnd + 2, QByteArray("List-Id: Volunteers <volunteers.lists.example>\r\n"
                                             "List-Post: <mailto:volunteers@lists.example>\r\n"
                                             "List-Unsubscribe: <mailto:volunteers-leave@lists.example>\r\n"
                                             "Precedence: list\r\n"));
    message.prepend(receivedField("mail.charity.example", "mail.charity.example", "203.0.113.140",
                                  "lists.example", "Postfix", "ESMTPS",
                                  queueId("list" + QByteArray::number(index)), atList));
    SignatureSpec list;
    list.keyId = "lists-ml";
    list.domain = "lists.example";
    list.selector = "ml";
    list.extraHeaders = {"List-Id", "List-Post", "List-Unsubscribe"};
    const QByteArray field = sign(list, message, atList.toSecsSinceEpoch(), error);
    return dkim::Signer::prepend(field, message);
}

MessageBuilder::Built MessageBuilder::build(const SampleSpec& spec, int index) const
{
    Built built;
    const QDateTime sent = sentAt(spec);
    QByteArray message = header(spec, index) + "\r\n" + body(spec, index);

    for (const SignatureSpec& signature : spec.signatures) {
        const QByteArray field = sign(signature, message, sent.toSecsSinceEpoch() + 1, &built.error);
        if (field.isEmpty())
            return built;
        message = dkim::Signer::prepend(field, message);
    }

    switch (spec.mutation) {
    case Mutation::None:
        break;
    case Mutation::BodyTampered: {
        // A link rewritten on the way, after the signature was made.
        const qsizetype at = message.indexOf("\r\n\r\n");
        message.insert(at + 4,
                       QByteArray("UPDATE: pay the open invoice at https://pay-now.example/inv today.\r\n"));
        break;
    }
    case Mutation::HeaderTampered:
        // A security gateway tagging the subject after DKIM signing.
        message.replace("\r\nSubject: ", "\r\nSubject: [EXTERNAL] ");
        break;
    case Mutation::UnsignedFrom:
        // RFC 6376 8.15: a From field nobody signed, above the signature, shown first by many clients.
        message.prepend("From: \"Bank of Example Security\" <security@bank.example>\r\n");
        break;
    case Mutation::Forwarded:
        message = forwardThroughList(message, spec, index, &built.error);
        if (!built.error.isEmpty())
            return built;
        break;
    }

    built.receivedAt = sent.addSecs(spec.mutation == Mutation::Forwarded ? 55 : 5 + index % 40);
    QByteArray top =
        "Return-Path: <" + spec.returnPath + ">\r\nDelivered-To: " + QByteArray(recipient) + "\r\n";
    top += "Received: from " + QByteArray(receivingMx) +
           "\r\n\tby mailstore.authlens-sample.example (Dovecot) "
           "with LMTP id " +
           queueId("lmtp" + QByteArray::number(index)).toLower() + "\r\n\tfor <" + QByteArray(recipient) +
           ">; " + rfc5322Date(built.receivedAt.addSecs(1)) + "\r\n";
    if (!spec.receiverResults.isEmpty())
        top += "Authentication-Results: " + spec.receiverResults + "\r\n";
    top += receivedField(spec.hop.helo, spec.hop.reverseDns, spec.hop.ip, receivingMx, "Postfix", "ESMTPS",
                         queueId("mx" + QByteArray::number(index)), built.receivedAt);
    built.bytes = top + message;
    built.envelopeSender = spec.returnPath;
    return built;
}

} // namespace authlens::samples
