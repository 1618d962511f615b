// SPDX-License-Identifier: GPL-3.0-or-later
#include "dmarc/Alignment.h"

#include "dns/Resolver.h"

namespace authlens::dmarc {

bool Alignment::identical(QByteArrayView a, QByteArrayView b)
{
    return !a.isEmpty() && dns::Resolver::normalizedName(a) == dns::Resolver::normalizedName(b);
}

AlignmentCheck Alignment::check(const QByteArray& method, const QByteArray& identifier,
                                const QByteArray& authResult, const QByteArray& authorDomain,
                                const std::optional<QByteArray>& authorOrganizationalDomain,
                                AlignmentMode mode, const OrganizationalDomainOf& organizationalDomainOf)
{
    AlignmentCheck check;
    check.method = method;
    check.identifier = dns::Resolver::normalizedName(identifier);
    check.authResult = authResult.toLower();
    check.mode = mode;
    const QString id = QString::fromUtf8(check.identifier);
    const QString author = QString::fromUtf8(authorDomain);
    const QString modeName =
        mode == AlignmentMode::Strict ? QStringLiteral("strict") : QStringLiteral("relaxed");

    if (check.authResult != "pass") {
        check.explanation = QStringLiteral("%1 %2 is %3, not pass: it cannot align")
                                .arg(QString::fromUtf8(method), id, QString::fromUtf8(check.authResult));
        return check;
    }
    if (check.identifier.isEmpty()) {
        check.explanation =
            QStringLiteral("%1 passed without a domain: nothing to align").arg(QString::fromUtf8(method));
        return check;
    }
    if (identical(check.identifier, authorDomain)) {
        check.aligned = true;
        check.explanation = QStringLiteral("%1 %2 equals the author domain (%3 alignment)")
                                .arg(QString::fromUtf8(method), id, modeName);
        return check;
    }
    if (mode == AlignmentMode::Strict) {
        check.explanation = QStringLiteral("%1 %2 differs from the author domain %3 and alignment is strict")
                                .arg(QString::fromUtf8(method), id, author);
        return check;
    }
    // Names under different top-level domains can never share an Organizational Domain.
    const QByteArray normalizedAuthor = dns::Resolver::normalizedName(authorDomain);
    if (check.identifier.mid(check.identifier.lastIndexOf('.') + 1) !=
        normalizedAuthor.mid(normalizedAuthor.lastIndexOf('.') + 1)) {
        check.explanation = QStringLiteral("%1 %2 is in another top-level domain than %3")
                                .arg(QString::fromUtf8(method), id, author);
        return check;
    }
    // An Organizational Domain is always the name itself or one of its parents, so an identifier outside
    // the author's Organizational Domain cannot share it: no DNS needed (and a message with many
    // signatures of unrelated domains cannot make us walk for each).
    if (authorOrganizationalDomain && check.identifier != *authorOrganizationalDomain &&
        !check.identifier.endsWith('.' + *authorOrganizationalDomain)) {
        check.explanation =
            QStringLiteral("%1 %2 is outside the author's Organizational Domain %3: not aligned (relaxed)")
                .arg(QString::fromUtf8(method), id, QString::fromUtf8(*authorOrganizationalDomain));
        return check;
    }
    check.organizationalDomain = organizationalDomainOf(check.identifier);
    if (!authorOrganizationalDomain || !check.organizationalDomain) {
        check.undecided = true;
        check.explanation = QStringLiteral("%1 %2: the Organizational Domain of %3 could not be determined "
                                           "(temporary DNS failure)")
                                .arg(QString::fromUtf8(method), id, authorOrganizationalDomain ? id : author);
        return check;
    }
    check.aligned = *check.organizationalDomain == *authorOrganizationalDomain;
    check.explanation =
        QStringLiteral("%1 %2 has Organizational Domain %3, the author domain %4: %5 (relaxed)")
            .arg(QString::fromUtf8(method), id, QString::fromUtf8(*check.organizationalDomain),
                 QString::fromUtf8(*authorOrganizationalDomain),
                 check.aligned ? QStringLiteral("aligned") : QStringLiteral("not aligned"));
    return check;
}

} // namespace authlens::dmarc
