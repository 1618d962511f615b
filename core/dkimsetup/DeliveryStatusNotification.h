// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail/Message.h"

#include <QByteArray>
#include <QList>

#include <optional>
#include <vector>

namespace authlens::dkimsetup {

// A delivery status notification (RFC 3464) found in an imported mailbox, attributed to the domain that
// sent the original message, so bounce rates can be counted per sending domain. Recognized as
// multipart/report with report-type=delivery-status (RFC 6522) holding a message/delivery-status part
// (a message/global-delivery-status part too, RFC 6533).
struct DeliveryStatusNotification
{
    struct Recipient
    {
        QByteArray finalRecipient; // "rfc822; user@example.net" as written
        QByteArray action;         // failed, delayed, delivered, relayed, expanded (lower case)
        QByteArray status;         // "5.1.1"
        QByteArray diagnosticCode;
        bool failed() const { return action == "failed"; }
    };

    QByteArray reportingMta;
    std::vector<Recipient> recipients;
    // From the returned original (message/rfc822 or text/rfc822-headers): its From domain, the d= of its
    // DKIM signatures, its Message-ID. Empty when the report did not return it.
    QByteArray originalFromDomain;
    QList<QByteArray> originalDkimDomains;
    QByteArray originalMessageId;

    // A permanent failure for at least one recipient: a bounce (a delay is not).
    bool isBounce() const;
    // The domain the bounce counts against: the original From domain, else the first DKIM d=; empty when
    // the report does not say.
    QByteArray sendingDomain() const;

    // nullopt when the message is not a delivery status notification.
    static std::optional<DeliveryStatusNotification> parse(const mail::Message& message);
};

} // namespace authlens::dkimsetup
