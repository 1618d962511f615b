// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SampleKeys.h"
#include "SampleSpec.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace authlens::samples {

// Turns one SampleSpec into the bytes the receiving mailbox stored: the sender's header and MIME body,
// its first Received hop, the DKIM signatures, what happened on the way (tampering, a mailing list),
// then the receiving MX's Received field (client address and HELO for SPF), its
// Authentication-Results, the delivery hop and Return-Path. Everything is derived from the spec and the
// index, so the same input gives the same bytes.
class MessageBuilder
{
public:
    struct Built
    {
        QByteArray bytes; // CRLF line endings
        QByteArray envelopeSender;
        QDateTime receivedAt;
        QString error;
    };

    explicit MessageBuilder(const SampleKeys& keys);

    Built build(const SampleSpec& spec, int index) const;

    static QDateTime sentAt(const SampleSpec& spec);
    // RFC 5322 3.3 date-time, always +0000.
    static QByteArray rfc5322Date(const QDateTime& time);
    static QByteArray domainOf(const QByteArray& address);

    // The only recipient of the samples, and the receiving system.
    static constexpr const char* recipient = "seedbox@authlens-sample.example";
    static constexpr const char* receivingMx = "mx.authlens-sample.example";

private:
    QByteArray header(const SampleSpec& spec, int index) const;
    QByteArray body(const SampleSpec& spec, int index) const;
    // The DKIM-Signature field for `message`, or an error.
    QByteArray sign(const SignatureSpec& signature, const QByteArray& message, qint64 time,
                    QString* error) const;
    // rsa-sha1, which dkim::Signer refuses to make (RFC 8301 3.1): the same steps with SHA-1.
    QByteArray signRsaSha1(const SignatureSpec& signature, const QByteArray& message, qint64 time,
                           QString* error) const;
    QByteArray forwardThroughList(QByteArray message, const SampleSpec& spec, int index,
                                  QString* error) const;

    const SampleKeys& m_keys;
};

} // namespace authlens::samples
