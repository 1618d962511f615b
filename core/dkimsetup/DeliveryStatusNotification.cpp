// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkimsetup/DeliveryStatusNotification.h"

#include "dkim/TagList.h"
#include "dkimsetup/MimePart.h"
#include "dmarc/AuthorDomain.h"
#include "mail/HeaderField.h"

namespace authlens::dkimsetup {

namespace {

// RFC 3464 2.1: the delivery-status body is groups of header-style fields separated by empty lines; the
// first group is about the message, each later one about a recipient.
std::vector<std::vector<std::pair<QByteArray, QByteArray>>> fieldGroups(QByteArray text)
{
    text.replace("\r\n", "\n");
    std::vector<std::vector<std::pair<QByteArray, QByteArray>>> groups(1);
    for (const QByteArray& line : text.split('\n')) {
        if (line.trimmed().isEmpty()) {
            if (!groups.back().empty())
                groups.emplace_back();
            continue;
        }
        if ((line.startsWith(' ') || line.startsWith('\t')) && !groups.back().empty()) {
            groups.back().back().second += ' ' + line.trimmed(); // folded continuation
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        groups.back().emplace_back(line.first(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    if (groups.back().empty())
        groups.pop_back();
    return groups;
}

void readStatus(DeliveryStatusNotification& dsn, const MimePart& part)
{
    const auto groups = fieldGroups(part.decodedBody());
    for (size_t i = 0; i < groups.size(); ++i) {
        DeliveryStatusNotification::Recipient recipient;
        for (const auto& [name, value] : groups[i]) {
            if (i == 0 && name == "reporting-mta")
                dsn.reportingMta = value;
            else if (name == "final-recipient")
                recipient.finalRecipient = value;
            else if (name == "action")
                recipient.action = value.toLower();
            else if (name == "status")
                recipient.status = value;
            else if (name == "diagnostic-code")
                recipient.diagnosticCode = value;
        }
        if (!recipient.action.isEmpty() || !recipient.finalRecipient.isEmpty())
            dsn.recipients.push_back(recipient);
    }
}

void readOriginal(DeliveryStatusNotification& dsn, const MimePart& part)
{
    QByteArray bytes = part.decodedBody();
    // text/rfc822-headers holds the header only; make it a message with an empty body.
    if (part.contentType == "text/rfc822-headers" && !bytes.contains("\n\n") && !bytes.contains("\r\n\r\n"))
        bytes += bytes.endsWith('\n') ? "\r\n" : "\r\n\r\n";
    const mail::Message original = mail::Message::parse(bytes);
    const dmarc::AuthorDomain author = dmarc::AuthorDomain::fromMessage(original);
    if (author.ok())
        dsn.originalFromDomain = author.domain;
    for (const mail::HeaderField* field : original.fieldsNamed("DKIM-Signature")) {
        const auto parsed = dkim::TagList::parse(field->unfoldedValue());
        if (!parsed.tags)
            continue;
        if (const dkim::Tag* d = parsed.tags->find("d")) {
            const QByteArray domain = dkim::TagList::withoutWhitespace(d->value).toLower();
            if (!domain.isEmpty() && !dsn.originalDkimDomains.contains(domain))
                dsn.originalDkimDomains.append(domain);
        }
    }
    if (const mail::HeaderField* id = original.firstFieldNamed("Message-ID"))
        dsn.originalMessageId = id->unfoldedValue().trimmed();
}

} // namespace

bool DeliveryStatusNotification::isBounce() const
{
    for (const Recipient& recipient : recipients) {
        if (recipient.failed())
            return true;
    }
    return false;
}

QByteArray DeliveryStatusNotification::sendingDomain() const
{
    if (!originalFromDomain.isEmpty())
        return originalFromDomain;
    return originalDkimDomains.isEmpty() ? QByteArray() : originalDkimDomains.first();
}

std::optional<DeliveryStatusNotification> DeliveryStatusNotification::parse(const mail::Message& message)
{
    const MimePart top = MimePart::ofMessage(message);
    // RFC 6522 3: multipart/report; the report-type says which kind.
    if (top.contentType != "multipart/report" || top.boundary.isEmpty())
        return std::nullopt;
    DeliveryStatusNotification dsn;
    bool statusSeen = false;
    for (QByteArrayView bytes : top.parts()) {
        const MimePart part = MimePart::parse(bytes);
        if (part.contentType == "message/delivery-status" ||
            part.contentType == "message/global-delivery-status") {
            readStatus(dsn, part);
            statusSeen = true;
        } else if (part.contentType == "message/rfc822" || part.contentType == "message/global" ||
                   part.contentType == "text/rfc822-headers" ||
                   part.contentType == "message/global-headers") {
            readOriginal(dsn, part);
        }
    }
    if (!statusSeen && top.reportType != "delivery-status")
        return std::nullopt;
    return dsn;
}

} // namespace authlens::dkimsetup
