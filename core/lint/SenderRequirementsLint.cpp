// SPDX-License-Identifier: GPL-3.0-or-later
#include "lint/SenderRequirementsLint.h"

namespace authlens::lint {

namespace {

const QString gmailRule =
    QStringLiteral("Gmail email sender guidelines and Yahoo sender requirements (February 2024)");

Finding finding(const char* id, Severity severity, const QString& subject, const QString& message,
                const QString& fix, const QString& reference)
{
    return Finding{QString::fromLatin1(id), severity, subject, message, fix, QString(), reference};
}

// The URIs of a List-Unsubscribe field (RFC 2369 3.2): each inside angle brackets, comma-separated.
QList<QByteArray> unsubscribeUris(const QByteArray& value)
{
    QList<QByteArray> uris;
    qsizetype pos = 0;
    while ((pos = value.indexOf('<', pos)) >= 0) {
        const qsizetype end = value.indexOf('>', pos);
        if (end < 0)
            break;
        uris.append(value.mid(pos + 1, end - pos - 1).trimmed());
        pos = end + 1;
    }
    return uris;
}

} // namespace

bool SenderRequirementsLint::looksBulk(const mail::Message& message)
{
    if (message.firstFieldNamed("List-Id") || message.firstFieldNamed("List-Unsubscribe"))
        return true;
    for (const mail::HeaderField* field : message.fieldsNamed("Precedence")) {
        const QByteArray value = field->unfoldedValue().trimmed().toLower();
        if (value == "bulk" || value == "list")
            return true;
    }
    return false;
}

std::vector<Finding> SenderRequirementsLint::check(const SenderFacts& facts)
{
    std::vector<Finding> findings;
    const bool bulk = facts.bulk.value_or(looksBulk(facts.message));
    const QString subject =
        facts.fromDomain.isEmpty()
            ? QStringLiteral("Message")
            : QStringLiteral("Message from %1").arg(QString::fromLatin1(facts.fromDomain));
    const QString kind = bulk ? QStringLiteral("bulk mail") : QStringLiteral("mail");
    // Every sender needs SPF or DKIM; bulk senders need both.
    auto authSeverity = [&](bool otherPasses) {
        return bulk || !otherPasses ? Severity::Error : Severity::Warning;
    };
    if (!facts.spfPass) {
        findings.push_back(finding(
            "sender.spf.missing", authSeverity(facts.dkimPass), subject,
            QStringLiteral("SPF does not pass for this %1; Gmail and Yahoo require SPF and DKIM "
                           "from bulk senders, and at least one of them from everyone.")
                .arg(kind),
            QStringLiteral("Publish an SPF record listing the servers that send this mail."), gmailRule));
    }
    if (!facts.dkimPass) {
        findings.push_back(
            finding("sender.dkim.missing", authSeverity(facts.spfPass), subject,
                    QStringLiteral("No DKIM signature passes on this %1; Gmail and Yahoo require SPF "
                                   "and DKIM from bulk senders.")
                        .arg(kind),
                    QStringLiteral("Sign outgoing mail with DKIM for the From domain."), gmailRule));
    }
    if (!facts.dmarcPolicy) {
        findings.push_back(
            finding("sender.dmarc.missing", bulk ? Severity::Error : Severity::Warning, subject,
                    QStringLiteral("The From domain has no DMARC record; bulk senders need one "
                                   "(p=none is enough)."),
                    QStringLiteral("Publish v=DMARC1; p=none; rua=mailto:... at _dmarc of the From "
                                   "domain."),
                    gmailRule + QStringLiteral("; RFC 9989")));
    }
    if (!facts.aligned) {
        findings.push_back(
            finding("sender.from.unaligned", bulk ? Severity::Error : Severity::Warning, subject,
                    QStringLiteral("The From domain is aligned with neither a passing DKIM d= nor the "
                                   "SPF domain; bulk senders must align at least one."),
                    QStringLiteral("Sign with d= in the From domain, or use a MAIL FROM in it."),
                    gmailRule + QStringLiteral("; RFC 9989 4.4")));
    }
    if (facts.dkimKeyBits > 0 && facts.dkimKeyBits < 1024) {
        findings.push_back(finding(
            "sender.dkim.key-short", Severity::Error, subject,
            QStringLiteral("The DKIM key is %1 bits; providers require at least 1024 (and "
                           "RFC 8301 forbids verifying shorter keys).")
                .arg(facts.dkimKeyBits),
            QStringLiteral("Sign with a 2048-bit key."), gmailRule + QStringLiteral("; RFC 8301 3.2")));
    }
    if (!bulk)
        return findings;

    const mail::HeaderField* unsubscribe = facts.message.firstFieldNamed("List-Unsubscribe");
    if (!unsubscribe) {
        findings.push_back(
            finding("sender.unsubscribe.missing", Severity::Error, subject,
                    QStringLiteral("Bulk mail without List-Unsubscribe: providers require one-click "
                                   "unsubscribe."),
                    QStringLiteral("Add List-Unsubscribe: <https://...> and List-Unsubscribe-Post: "
                                   "List-Unsubscribe=One-Click, both covered by the DKIM signature."),
                    gmailRule + QStringLiteral("; RFC 8058")));
        return findings;
    }
    bool https = false;
    for (const QByteArray& uri : unsubscribeUris(unsubscribe->unfoldedValue()))
        https = https || uri.toLower().startsWith("https://");
    if (!https) {
        findings.push_back(
            finding("sender.unsubscribe.no-https", Severity::Error, subject,
                    QStringLiteral("List-Unsubscribe has no https URI; one-click unsubscribe needs "
                                   "one (a mailto: alone is not enough)."),
                    QStringLiteral("Add <https://...> to List-Unsubscribe."),
                    gmailRule + QStringLiteral("; RFC 8058 3.1")));
    }
    bool oneClick = false;
    for (const mail::HeaderField* post : facts.message.fieldsNamed("List-Unsubscribe-Post")) {
        // RFC 8058 3.1: exactly the key/value "List-Unsubscribe=One-Click".
        oneClick = oneClick || post->unfoldedValue().trimmed() == "List-Unsubscribe=One-Click";
    }
    if (!oneClick) {
        findings.push_back(
            finding("sender.unsubscribe.not-one-click", Severity::Error, subject,
                    QStringLiteral("No List-Unsubscribe-Post: List-Unsubscribe=One-Click field: the "
                                   "unsubscribe link is not one-click, as providers require."),
                    QStringLiteral("Add List-Unsubscribe-Post: List-Unsubscribe=One-Click and answer "
                                   "POSTs to the https URI."),
                    gmailRule + QStringLiteral("; RFC 8058 3.1")));
    }
    return findings;
}

} // namespace authlens::lint
