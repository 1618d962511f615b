// SPDX-License-Identifier: GPL-3.0-or-later
#include "dmarc/AuthorDomain.h"

#include "mail/AddressParser.h"
#include "mail/Message.h"

#include <QUrl>

namespace authlens::dmarc {

QByteArray AuthorDomain::noteId() const
{
    switch (status) {
    case Status::Ok:
        return {};
    case Status::MissingFrom:
        return "dmarc.from.missing";
    case Status::MultipleFromFields:
        return "dmarc.from.multiple-fields";
    case Status::Unparseable:
        return "dmarc.from.unparseable";
    case Status::NoMailbox:
        return "dmarc.from.no-mailbox";
    case Status::MultipleDomains:
        return "dmarc.from.multiple-domains";
    }
    return {};
}

AuthorDomain AuthorDomain::fromMessage(const mail::Message& message)
{
    QList<QByteArray> values;
    for (const mail::HeaderField* field : message.fieldsNamed("From"))
        values.append(field->unfoldedValue());
    return fromFieldValues(values);
}

AuthorDomain AuthorDomain::fromFieldValues(const QList<QByteArray>& values)
{
    AuthorDomain author;
    if (values.isEmpty()) {
        author.status = Status::MissingFrom;
        author.problem = QStringLiteral("the message has no From field");
        return author;
    }
    if (values.size() > 1) {
        author.status = Status::MultipleFromFields;
        author.problem =
            QStringLiteral("the message has %1 From fields (RFC 5322 3.6 allows one)").arg(values.size());
        return author;
    }
    const mail::AddressList list = mail::AddressParser::parse(values.first());
    for (const mail::Mailbox& mailbox : list.mailboxes) {
        if (!mailbox.domainAce.isEmpty() && !author.domains.contains(mailbox.domainAce))
            author.domains.append(mailbox.domainAce);
    }
    if (!list.ok()) {
        author.status = Status::Unparseable;
        const mail::AddressProblem& first = list.problems.first();
        author.problem = QStringLiteral("the From field does not parse: %1 (at offset %2)")
                             .arg(first.message)
                             .arg(first.position);
        return author;
    }
    if (author.domains.isEmpty()) {
        author.status = Status::NoMailbox;
        author.problem = QStringLiteral("the From field holds no mailbox with a domain");
        return author;
    }
    if (author.domains.size() > 1) {
        author.status = Status::MultipleDomains;
        author.problem = QStringLiteral("the From field names mailboxes in %1 domains (%2)")
                             .arg(author.domains.size())
                             .arg(QString::fromUtf8(author.domains.join(", ")));
        return author;
    }
    author.status = Status::Ok;
    author.domain = author.domains.first();
    author.displayDomain = QUrl::fromAce(author.domain, QUrl::IgnoreIDNWhitelist);
    return author;
}

AuthorDomain AuthorDomain::fromDomain(QByteArrayView domain)
{
    AuthorDomain author;
    const QByteArray ace = mail::AddressParser::toAce(domain);
    if (ace.isEmpty()) {
        author.status = Status::Unparseable;
        author.problem =
            QStringLiteral("\"%1\" is not a valid domain name").arg(QString::fromUtf8(domain.toByteArray()));
        return author;
    }
    author.status = Status::Ok;
    author.domain = ace;
    author.domains = {ace};
    author.displayDomain = QUrl::fromAce(ace, QUrl::IgnoreIDNWhitelist);
    return author;
}

} // namespace authlens::dmarc
