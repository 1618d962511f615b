// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkimsetup/SendingPracticesLint.h"

#include "dkimsetup/MessageLinks.h"
#include "dkimsetup/UrlShorteners.h"
#include "dmarc/AuthorDomain.h"
#include "dmarc/PublicSuffixList.h"

#include <map>

namespace authlens::dkimsetup {

namespace {

const QString guideReference =
    QStringLiteral("Sending platform DKIM setup guides; Gmail email sender guidelines (2024)");

QString latin(QByteArrayView text)
{
    return QString::fromLatin1(text);
}

lint::Finding finding(const char* id, lint::Severity severity, const QString& subject, const QString& message,
                      const QString& fix, const QString& reference = guideReference)
{
    return lint::Finding{QString::fromLatin1(id), severity, subject, message, fix, QString(), reference};
}

QByteArray organizational(QByteArrayView domain)
{
    QByteArray name = domain.toByteArray().trimmed().toLower();
    while (name.endsWith('.'))
        name.chop(1);
    const QByteArray org = dmarc::PublicSuffixList::organizationalDomain(name);
    return org.isEmpty() ? name : org;
}

// RFC 7489 3.1.1 relaxed alignment: the same organizational domain.
bool aligned(QByteArrayView a, QByteArrayView b)
{
    return !a.isEmpty() && !b.isEmpty() && organizational(a) == organizational(b);
}

bool isPlatformDomain(const QByteArray& domain, const QList<QByteArray>& platformDomains)
{
    for (const QByteArray& platform : platformDomains) {
        if (aligned(domain, platform))
            return true;
    }
    return false;
}

void checkDomains(const SendingFacts& facts, const QByteArray& fromDomain, const QString& subject,
                  std::vector<lint::Finding>& findings)
{
    if (fromDomain.isEmpty())
        return; // no single From domain: DMARC's own notes say why
    if (!facts.customerDomain.isEmpty() && !aligned(fromDomain, facts.customerDomain)) {
        findings.push_back(finding(
            "practice.from.not-customer-domain", lint::Severity::Warning, subject,
            QStringLiteral("The From address is in %1, not in the customer's domain %2: recipients and their "
                           "filters judge the customer by a domain it does not control.")
                .arg(latin(fromDomain), latin(facts.customerDomain)),
            QStringLiteral("Send from an address in %1 (or a subdomain of it) and sign with d=%1.")
                .arg(latin(facts.customerDomain))));
    }
    if (facts.passingDkimDomains.isEmpty())
        return; // no passing signature at all: lint::SenderRequirementsLint reports sender.dkim.missing
    for (const QByteArray& d : facts.passingDkimDomains) {
        if (aligned(d, fromDomain))
            return;
    }
    QList<QByteArray> platform;
    for (const QByteArray& d : facts.passingDkimDomains) {
        if (isPlatformDomain(d, facts.platformSigningDomains))
            platform.append(d.toLower());
    }
    if (!platform.isEmpty()) {
        findings.push_back(finding(
            "practice.dkim.platform-domain", lint::Severity::Warning, subject,
            QStringLiteral("The message is signed only with the platform's shared domain %1, not with %2: "
                           "DMARC does not pass on DKIM, and the customer shares the platform's reputation.")
                .arg(latin(platform.join(", ")), latin(fromDomain)),
            QStringLiteral("Set up DKIM for %1: generate a key for a selector, have the customer publish it, "
                           "and sign with d=%1.")
                .arg(latin(fromDomain)),
            guideReference + QStringLiteral("; RFC 7489 3.1.1")));
        return;
    }
    QList<QByteArray> domains;
    for (const QByteArray& d : facts.passingDkimDomains)
        domains.append(d.toLower());
    findings.push_back(finding(
        "practice.dkim.unaligned", lint::Severity::Warning, subject,
        QStringLiteral("No passing DKIM signature has a d= aligned with the From domain %1 (signed by %2).")
            .arg(latin(fromDomain), latin(domains.join(", "))),
        QStringLiteral("Sign with d=%1 or a subdomain of it.").arg(latin(fromDomain)),
        guideReference + QStringLiteral("; RFC 7489 3.1.1")));
}

void checkUnsubscribe(const SendingFacts& facts, const MessageLinks& links, const QString& subject,
                      std::vector<lint::Finding>& findings)
{
    // List-Unsubscribe present: its form (https, one-click) is SenderRequirementsLint's.
    if (facts.message.firstFieldNamed("List-Unsubscribe"))
        return;
    const bool bulk = facts.bulk.value_or(true);
    if (links.unsubscribeLink) {
        findings.push_back(
            finding("practice.unsubscribe.body-only", lint::Severity::Info, subject,
                    QStringLiteral(
                        "The body has an unsubscribe link but there is no List-Unsubscribe header: mailbox "
                        "providers show their own unsubscribe button only with the header."),
                    QStringLiteral("Add List-Unsubscribe: <https://...> and List-Unsubscribe-Post: "
                                   "List-Unsubscribe=One-Click (RFC 8058), signed by DKIM."),
                    guideReference + QStringLiteral("; RFC 2369; RFC 8058")));
        return;
    }
    findings.push_back(finding(
        "practice.unsubscribe.none", bulk ? lint::Severity::Warning : lint::Severity::Info, subject,
        QStringLiteral("No way to unsubscribe: neither a List-Unsubscribe header nor an unsubscribe link in "
                       "the body. Recipients who cannot leave report the mail as spam."),
        QStringLiteral("Add List-Unsubscribe with List-Unsubscribe-Post (one-click, RFC 8058) and a visible "
                       "unsubscribe link in the body."),
        guideReference + QStringLiteral("; RFC 2369; RFC 8058")));
}

void checkLinks(const MessageLinks& links, const QByteArray& fromDomain, const SendingFacts& facts,
                const QString& subject, std::vector<lint::Finding>& findings)
{
    std::map<QByteArray, int> shorteners;
    struct HostCount
    {
        int links = 0;
        int images = 0;
    };
    std::map<QByteArray, HostCount> unrelated;
    for (const MessageLinks::Link& link : links.links) {
        if (UrlShorteners::isShortener(link.host)) {
            ++shorteners[link.host];
            continue;
        }
        bool related = aligned(link.host, fromDomain) || aligned(link.host, facts.customerDomain);
        for (const QByteArray& d : facts.passingDkimDomains)
            related = related || aligned(link.host, d);
        if (related)
            continue;
        HostCount& count = unrelated[organizational(link.host)];
        (link.image ? count.images : count.links) += 1;
    }
    if (!shorteners.empty()) {
        QStringList hosts;
        for (const auto& [host, count] : shorteners)
            hosts.append(QStringLiteral("%1 (%2)").arg(latin(host)).arg(count));
        findings.push_back(finding(
            "practice.links.shortener", lint::Severity::Warning, subject,
            QStringLiteral("Links go through URL shorteners: %1. Shorteners hide the destination and are "
                           "widely abused, so filters score them down.")
                .arg(hosts.join(QStringLiteral(", "))),
            QStringLiteral("Link to the destination directly, or through a click-tracking domain of the "
                           "sender's own (a subdomain of %1).")
                .arg(latin(fromDomain.isEmpty() ? QByteArray("the From domain") : fromDomain))));
    }
    if (!unrelated.empty()) {
        QStringList hosts;
        for (const auto& [host, count] : unrelated) {
            QStringList parts;
            if (count.links)
                parts.append(QStringLiteral("%1 link(s)").arg(count.links));
            if (count.images)
                parts.append(QStringLiteral("%1 image(s)").arg(count.images));
            hosts.append(QStringLiteral("%1 (%2)").arg(latin(host), parts.join(QStringLiteral(", "))));
        }
        findings.push_back(finding(
            "practice.links.unrelated-hosts", lint::Severity::Info, subject,
            QStringLiteral(
                "Links and images point to %1 host(s) unrelated to the sender: %2. Filters compare "
                "link domains with the sender's; unknown ones weigh on the message.")
                .arg(unrelated.size())
                .arg(hosts.join(QStringLiteral(", "))),
            QStringLiteral("Serve images and tracked links from a subdomain of the sender's domain where the "
                           "platform allows it.")));
    }
}

} // namespace

std::vector<lint::Finding> SendingPracticesLint::check(const SendingFacts& facts)
{
    std::vector<lint::Finding> findings;
    const dmarc::AuthorDomain author = dmarc::AuthorDomain::fromMessage(facts.message);
    const QByteArray fromDomain = author.ok() ? author.domain : QByteArray();
    const QString subject = fromDomain.isEmpty()
                                ? QStringLiteral("Message")
                                : QStringLiteral("Message from %1").arg(QString::fromLatin1(fromDomain));
    checkDomains(facts, fromDomain, subject, findings);
    const MessageLinks links = MessageLinks::of(facts.message);
    checkUnsubscribe(facts, links, subject, findings);
    checkLinks(links, fromDomain, facts, subject, findings);
    return findings;
}

} // namespace authlens::dkimsetup
