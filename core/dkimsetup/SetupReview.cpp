// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkimsetup/SetupReview.h"

#include <map>
#include <set>

namespace authlens::dkimsetup {

namespace {

QString latin(QByteArrayView text)
{
    return QString::fromLatin1(text);
}

lint::Finding finding(const char* id, lint::Severity severity, const QString& subject, const QString& message,
                      const QString& fix, const QString& reference)
{
    return lint::Finding{QString::fromLatin1(id), severity, subject, message, fix, QString(), reference};
}

QString selectorSubject(const QByteArray& domain, const QByteArray& selector)
{
    return QStringLiteral("selector %1 of %2").arg(latin(selector), latin(domain));
}

} // namespace

std::vector<lint::Finding> SetupReview::review(const std::vector<SetupEntry>& entries,
                                               const std::vector<SigningSelector>& signing)
{
    std::vector<lint::Finding> findings;
    std::map<std::pair<QByteArray, QByteArray>, const SigningSelector*> seen;
    for (const SigningSelector& row : signing) {
        if (row.signatures > 0)
            seen[{row.domain, row.selector}] = &row;
    }
    std::set<QByteArray> listedDomains;
    std::map<QByteArray, std::pair<int, int>> enabledByDomain; // domain -> (enabled, enabled Ed25519)
    for (const SetupEntry& entry : entries) {
        listedDomains.insert(entry.domain);
        const auto it = seen.find({entry.domain, entry.selector});
        const SigningSelector* row = it == seen.end() ? nullptr : it->second;
        if (entry.state == SetupState::Enabled) {
            auto& [enabled, ed25519] = enabledByDomain[entry.domain];
            ++enabled;
            ed25519 += entry.keyType == dkim::KeyType::Ed25519 ? 1 : 0;
            if (!row) {
                findings.push_back(finding(
                    "dkim.setup.enabled-not-seen", lint::Severity::Info,
                    selectorSubject(entry.domain, entry.selector),
                    QStringLiteral("The selector is enabled but no imported message is signed with it."),
                    QStringLiteral(
                        "Import recent mail from %1 (a seed account) to confirm the platform signs "
                        "with it.")
                        .arg(latin(entry.domain)),
                    QStringLiteral("RFC 6376 3.1")));
            }
        }
        const bool stopped = entry.state == SetupState::Retired || entry.state == SetupState::Disabled;
        if (stopped && row && row->lastSeenMs > entry.updatedAtMs) {
            const bool retired = entry.state == SetupState::Retired;
            findings.push_back(finding(
                retired ? "dkim.setup.retired-still-signing" : "dkim.setup.disabled-still-signing",
                lint::Severity::Warning, selectorSubject(entry.domain, entry.selector),
                QStringLiteral("The selector is %1 but signed mail dated after that (%2 signature(s) in "
                               "imported mail).")
                    .arg(setupStateName(entry.state))
                    .arg(row->signatures),
                retired
                    ? QStringLiteral("Stop signing with it on the platform before removing its record, or "
                                     "that mail fails DKIM.")
                    : QStringLiteral("Switch signing off on the platform too, or enable the selector "
                                     "again."),
                QStringLiteral("RFC 6376 3.1, 6.1.2")));
        }
    }
    for (const auto& [domain, counts] : enabledByDomain) {
        if (counts.first > 0 && counts.first == counts.second) {
            findings.push_back(finding(
                "dkim.setup.ed25519-only", lint::Severity::Warning, latin(domain),
                QStringLiteral("Every enabled selector of %1 is Ed25519; many receivers verify only RSA, so "
                               "to them the mail is unsigned.")
                    .arg(latin(domain)),
                QStringLiteral("Also enable an RSA 2048 key under another selector and sign with both."),
                QStringLiteral("RFC 8463 5; RFC 6376 4.2")));
        }
    }
    for (const auto& [key, row] : seen) {
        if (row->setupState || !listedDomains.count(row->domain))
            continue;
        findings.push_back(finding(
            "dkim.setup.unlisted-selector", lint::Severity::Info, selectorSubject(row->domain, row->selector),
            QStringLiteral(
                "Imported mail is signed with this selector (%1 signature(s), %2 passed), but it is "
                "not in the setup list of %3.")
                .arg(row->signatures)
                .arg(row->passes)
                .arg(latin(row->domain)),
            QStringLiteral(
                "Find out who signs with it (another platform, an old setup) and list or retire it."),
            QStringLiteral("RFC 6376 3.1")));
    }
    return findings;
}

} // namespace authlens::dkimsetup
