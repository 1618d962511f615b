// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace authlens::mail {
class Message;
}

namespace authlens::dmarc {

// The RFC5322.From domain DMARC is about (RFC 9989 4.4, 5.3.1), taken from the message's From field(s).
struct AuthorDomain
{
    enum class Status
    {
        Ok,                 // exactly one author domain (several mailboxes of one domain included)
        MissingFrom,        // no From field (RFC 5322 3.6 requires one)
        MultipleFromFields, // more than one From field
        Unparseable,        // the From field does not parse, or a domain is not a valid name
        NoMailbox,          // From parses but holds no mailbox (e.g. an empty group)
        MultipleDomains,    // mailboxes in more than one domain
    };

    Status status = Status::MissingFrom;
    QByteArray domain;         // A-label, lower case (RFC 8616); set when status is Ok
    QString displayDomain;     // U-label form
    QList<QByteArray> domains; // every distinct domain found (A-labels)
    QString problem;           // what is wrong, with the position, when status is not Ok

    bool ok() const { return status == Status::Ok; }
    QByteArray noteId() const; // "dmarc.from.missing", ... (empty when Ok)

    static AuthorDomain fromMessage(const mail::Message& message);
    // From the unfolded values of every From field of a message, in order.
    static AuthorDomain fromFieldValues(const QList<QByteArray>& values);
    // A domain known by other means (the analyst typed it, a test).
    static AuthorDomain fromDomain(QByteArrayView domain);
};

} // namespace authlens::dmarc
