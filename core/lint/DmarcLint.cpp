// SPDX-License-Identifier: GPL-3.0-or-later
#include "lint/DmarcLint.h"

#include "dmarc/PolicyDiscovery.h"
#include "dmarc/PublicSuffixList.h"
#include "dmarc/Record.h"
#include "dns/Resolver.h"
#include "lint/DmarcRecordComposer.h"
#include "spf/Record.h"

#include <QList>
#include <QSet>

namespace authlens::lint {

namespace {

using dns::DnsAnswer;
using dns::RecordType;
using Edits = DmarcRecordComposer::Edits;

QString latin(QByteArrayView text)
{
    return QString::fromLatin1(text);
}

Finding finding(const char* id, Severity severity, const QString& subject, const QString& message,
                const QString& fix, const QString& reference, const QString& corrected = {})
{
    return Finding{QString::fromLatin1(id), severity, subject, message, fix, corrected, reference};
}

QString subjectOf(const QByteArray& domain)
{
    return QStringLiteral("DMARC record at _dmarc.%1").arg(latin(domain));
}

int strength(dmarc::Policy policy)
{
    switch (policy) {
    case dmarc::Policy::None:
        return 0;
    case dmarc::Policy::Quarantine:
        return 1;
    case dmarc::Policy::Reject:
        return 2;
    }
    return 0;
}

// The domain of a mailto: report URI, without a "!size" suffix; empty when it has none.
QByteArray reportDomain(const QByteArray& uri)
{
    const qsizetype at = uri.lastIndexOf('@');
    if (at < 0)
        return {};
    QByteArray domain = uri.mid(at + 1);
    if (const qsizetype bang = domain.indexOf('!'); bang >= 0)
        domain.truncate(bang);
    return dns::Resolver::normalizedName(domain.trimmed());
}

// A TXT text that was meant to be DMARC but does not start with v=DMARC1 exactly (case, spaces).
bool looksLikeDmarc(const QByteArray& text)
{
    return text.trimmed().toLower().startsWith("v=dmarc") || text.toLower().contains("v=dmarc1");
}

class Linter
{
public:
    Linter(dns::Resolver& resolver, DmarcLint::Report& report)
        : m_resolver(resolver)
        , m_report(report)
    {}

    void run(const QByteArray& domain)
    {
        const int found = lintName(domain, true);
        checkWrongNames(domain, found > 0);
        if (found != 0)
            return;
        dmarc::PolicyDiscovery discovery(m_resolver);
        const dmarc::DiscoveredPolicy policy = discovery.discoverRfc9989(domain);
        if (policy.status == dmarc::DiscoveredPolicy::Status::Found && policy.policyDomain != domain &&
            policy.record) {
            add(finding("dmarc.record.inherited", Severity::Info, subjectOf(domain),
                        QStringLiteral("%1 has no DMARC record of its own; receivers apply the record of %2 "
                                       "(%3).")
                            .arg(latin(domain), latin(policy.policyDomain), latin(policy.record->text)),
                        QStringLiteral("Nothing to do unless %1 needs a different policy; check %2's record.")
                            .arg(latin(domain), latin(policy.policyDomain)),
                        QStringLiteral("RFC 9989 4.10")));
            lintName(policy.policyDomain, false);
            return;
        }
        if (m_wrongNameFound || m_badVersionFound)
            return; // those findings already say what to publish
        add(finding("dmarc.record.missing", Severity::Error, subjectOf(domain),
                    QStringLiteral("%1 has no DMARC record: receivers apply no policy to mail that fails "
                                   "authentication, and large providers require one for bulk senders.")
                        .arg(latin(domain)),
                    QStringLiteral("Publish a TXT record at _dmarc.%1; start with p=none and a rua= address, "
                                   "then move to quarantine or reject.")
                        .arg(latin(domain)),
                    QStringLiteral("RFC 9989 4.7; Gmail and Yahoo sender requirements 2024"),
                    QStringLiteral("v=DMARC1; p=none; rua=mailto:dmarc-reports@%1").arg(latin(domain))));
    }

private:
    void add(Finding f) { m_report.findings.push_back(std::move(f)); }

    // Lints what is at _dmarc.<domain>; returns how many DMARC records it holds, -1 on a DNS failure.
    int lintName(const QByteArray& domain, bool ownRecord)
    {
        const DnsAnswer answer = m_resolver.query("_dmarc." + domain, RecordType::TXT);
        if (answer.isTemporary()) {
            add(finding("dmarc.dns.temperror", Severity::Warning, subjectOf(domain),
                        QStringLiteral("The lookup of _dmarc.%1 failed temporarily (%2); receivers would "
                                       "return temperror.")
                            .arg(latin(domain), answer.error),
                        QStringLiteral("Check the name servers and run the check again."),
                        QStringLiteral("RFC 9989 4.10")));
            return -1;
        }
        QList<dmarc::Record> records;
        for (const dns::DnsRecord& rr : answer.records) {
            const QByteArray text = rr.text();
            if (dmarc::Record::startsWithVersion(text)) {
                records.append(dmarc::Record::parse(text));
            } else if (spf::Record::isSpfRecord(text)) {
                add(finding("dmarc.record.spf-at-dmarc", Severity::Warning, subjectOf(domain),
                            QStringLiteral("An SPF record (\"%1\") is published at _dmarc.%2, where it does "
                                           "nothing; it was probably meant for %2 itself.")
                                .arg(latin(text.left(120)), latin(domain)),
                            QStringLiteral("Remove it from _dmarc.%1 and make sure %1 has its SPF record.")
                                .arg(latin(domain)),
                            QStringLiteral("RFC 7208 3.1, RFC 9989 4.10")));
            } else if (looksLikeDmarc(text)) {
                m_badVersionFound = true;
                dmarc::Record bad =
                    dmarc::Record::parse(QByteArray("v=DMARC1; ") + text.mid(text.indexOf(';') + 1));
                add(finding(
                    "dmarc.syntax.version", Severity::Error, subjectOf(domain),
                    QStringLiteral("\"%1\" does not start with \"v=DMARC1\" exactly (the tag and value "
                                   "are case-sensitive and must come first), so receivers ignore it.")
                        .arg(latin(text.left(120))),
                    QStringLiteral("Start the record with \"v=DMARC1;\"."), QStringLiteral("RFC 9989 4.7"),
                    text.contains(';') ? DmarcRecordComposer::compose(bad, {}) : QString()));
            } else {
                add(finding(
                    "dmarc.record.other-txt", Severity::Info, subjectOf(domain),
                    QStringLiteral("A TXT record that is not DMARC (\"%1\") is published at _dmarc.%2; "
                                   "receivers discard it.")
                        .arg(latin(text.left(120)), latin(domain)),
                    QStringLiteral("Remove it unless a service asked for it there."),
                    QStringLiteral("RFC 9989 4.10")));
            }
        }
        if (records.size() > 1) {
            add(finding("dmarc.record.multiple", Severity::Error, subjectOf(domain),
                        QStringLiteral("_dmarc.%1 has %2 DMARC records; receivers discard them all and apply "
                                       "no policy.")
                            .arg(latin(domain))
                            .arg(records.size()),
                        QStringLiteral("Keep exactly one DMARC record."), QStringLiteral("RFC 9989 4.10"),
                        merged(records)));
        }
        if (!records.isEmpty()) {
            if (ownRecord || m_report.record.isEmpty()) {
                m_report.record = records.first().text;
                m_report.policyDomain = domain;
            }
            lintRecord(domain, records.first());
        }
        return int(records.size());
    }

    // One record from several: the same tags must not disagree.
    QString merged(const QList<dmarc::Record>& records) const
    {
        dmarc::Record base = records.first();
        for (qsizetype i = 1; i < records.size(); ++i) {
            const dmarc::Record& other = records[i];
            for (const QByteArray& tag : other.tagsInOrder) {
                const auto mine = DmarcRecordComposer::valueOf(base, tag);
                const auto theirs = DmarcRecordComposer::valueOf(other, tag);
                if (mine && theirs && *mine != *theirs)
                    return {}; // conflicting values: the analyst must choose
                if (!base.tagsInOrder.contains(tag) && theirs) {
                    // Take the other record's value by re-parsing a two-tag record: cheap and exact.
                    dmarc::Record merged = dmarc::Record::parse(
                        DmarcRecordComposer::compose(base, {}).toLatin1() + "; " + tag + "=" + *theirs);
                    base = merged;
                }
            }
        }
        return DmarcRecordComposer::compose(base, {});
    }

    void lintRecord(const QByteArray& domain, const dmarc::Record& record)
    {
        const QString subject = subjectOf(domain);
        bool duplicateReported = false;
        for (const dmarc::RecordProblem& problem : record.problems) {
            const bool duplicate = record.duplicateTags.contains(problem.tag) &&
                                   problem.message.contains(QLatin1String("more than once"));
            if (duplicate && duplicateReported)
                continue;
            duplicateReported = duplicateReported || duplicate;
            add(finding(duplicate ? "dmarc.tag.duplicate" : "dmarc.syntax", Severity::Error, subject,
                        QStringLiteral("At offset %1 (%2=): %3.")
                            .arg(problem.position)
                            .arg(latin(problem.tag), problem.message),
                        duplicate ? QStringLiteral("Write each tag once.")
                                  : QStringLiteral("Correct the %1= tag.").arg(latin(problem.tag)),
                        QStringLiteral("RFC 9989 4.7"),
                        duplicate ? DmarcRecordComposer::compose(record, {}) : QString()));
        }
        if (!record.unknownTags.isEmpty()) {
            add(finding("dmarc.tag.unknown", Severity::Info, subject,
                        QStringLiteral("Unknown tag(s) %1 are ignored by receivers; a typo of a real tag?")
                            .arg(latin(record.unknownTags.join(", "))),
                        QStringLiteral("Remove them or correct their names."),
                        QStringLiteral("RFC 9989 4.7")));
        }
        if (record.p && *record.p == dmarc::Policy::None) {
            Edits quarantine;
            quarantine.p = dmarc::Policy::Quarantine;
            add(finding("dmarc.policy.none", Severity::Warning, subject,
                        QStringLiteral("p=none only monitors: receivers deliver mail that fails DMARC as if "
                                       "there were no policy."),
                        QStringLiteral("When the aggregate reports show all your mail passing, move to "
                                       "p=quarantine, then p=reject."),
                        QStringLiteral("RFC 9989 4.7, 8.1"),
                        DmarcRecordComposer::compose(record, quarantine)));
        }
        if (record.spPresent && record.sp && *record.sp == dmarc::Policy::None) {
            Edits edits;
            edits.dropSp = true;
            add(finding(
                "dmarc.policy.sp-none", Severity::Warning, subject,
                QStringLiteral("sp=none explicitly leaves every subdomain unprotected, whatever p= says."),
                QStringLiteral("Remove sp= so subdomains follow p=, or set it to quarantine or reject."),
                QStringLiteral("RFC 9989 4.7"), DmarcRecordComposer::compose(record, edits)));
        }
        if (record.testing) {
            add(finding("dmarc.policy.testing", Severity::Info, subject,
                        QStringLiteral("t=y: receivers apply the next weaker policy while you test."),
                        QStringLiteral("Remove t=y when testing is over."), QStringLiteral("RFC 9989 4.7")));
        }
        if (record.rua.isEmpty()) {
            Edits edits;
            edits.addRua = {"mailto:dmarc-reports@" + domain};
            add(finding("dmarc.rua.missing", Severity::Warning, subject,
                        QStringLiteral("No rua= address: you receive no aggregate reports, so you cannot see "
                                       "who sends mail as %1 or whether it passes.")
                            .arg(latin(domain)),
                        QStringLiteral("Add rua=mailto:<a mailbox you read>."),
                        QStringLiteral("RFC 9989 4.7; RFC 9990"),
                        DmarcRecordComposer::compose(record, edits)));
        }
        checkReportAddresses(domain, record);
        if (!record.legacyTags.isEmpty()) {
            Edits edits;
            edits.dropLegacy = true;
            add(finding("dmarc.tag.removed", Severity::Info, subject,
                        QStringLiteral("%1 no longer exist in RFC 9989; receivers following it ignore them.")
                            .arg(latin(record.legacyTags.join(", "))),
                        QStringLiteral("Remove them (t=y replaces a partial pct=)."),
                        QStringLiteral("RFC 9989 A.6"), DmarcRecordComposer::compose(record, edits)));
        }
        if (record.pct && *record.pct < 100) {
            Edits edits;
            edits.dropPct = true;
            add(finding(
                "dmarc.pct.partial", Severity::Warning, subject,
                QStringLiteral("pct=%1: RFC 7489 receivers apply the policy to only %1% of failing mail; "
                               "RFC 9989 receivers ignore pct and apply it to all.")
                    .arg(*record.pct),
                QStringLiteral("Remove pct= (use t=y while testing)."),
                QStringLiteral("RFC 7489 6.3; RFC 9989 A.6"), DmarcRecordComposer::compose(record, edits)));
        }
        if (record.np && record.p) {
            const dmarc::Policy subdomain = record.sp.value_or(*record.p);
            if (strength(*record.np) < strength(subdomain)) {
                Edits edits;
                edits.dropNp = true;
                add(finding("dmarc.np.weaker", Severity::Warning, subject,
                            QStringLiteral("np=%1 is weaker than the %2 policy for existing subdomains (%3): "
                                           "mail from made-up subdomains is treated more leniently than from "
                                           "real ones.")
                                .arg(dmarc::policyName(*record.np),
                                     record.sp ? QStringLiteral("sp=") : QStringLiteral("p="),
                                     dmarc::policyName(subdomain)),
                            QStringLiteral("Remove np= or make it at least as strict."),
                            QStringLiteral("RFC 9989 4.7"), DmarcRecordComposer::compose(record, edits)));
            }
        }
    }

    void checkReportAddresses(const QByteArray& domain, const dmarc::Record& record)
    {
        const QByteArray ownOrganization = dmarc::PublicSuffixList::organizationalDomain(domain);
        QList<QByteArray> targets;
        for (const QByteArray& uri : record.rua + record.ruf) {
            if (!uri.toLower().startsWith("mailto:"))
                continue;
            const QByteArray target = reportDomain(uri);
            if (!target.isEmpty() && dns::Resolver::nameError(target).isEmpty() && !targets.contains(target))
                targets.append(target);
        }
        for (const QByteArray& target : targets) {
            if (dmarc::PublicSuffixList::organizationalDomain(target) != ownOrganization)
                checkAuthorization(domain, target);
            const DnsAnswer mx = m_resolver.query(target, RecordType::MX);
            if (mx.isEmpty()) {
                add(finding(
                    "dmarc.report.no-mx", Severity::Warning, subjectOf(domain),
                    QStringLiteral("Reports go to %1, which has no MX record: most reporters will not "
                                   "deliver them.")
                        .arg(latin(target)),
                    QStringLiteral("Publish an MX for %1 or send reports to a domain that receives mail.")
                        .arg(latin(target)),
                    QStringLiteral("RFC 9990 2; RFC 5321 5.1")));
            }
        }
    }

    void checkAuthorization(const QByteArray& domain, const QByteArray& target)
    {
        // RFC 9990 3 / RFC 7489 7.1: the report receiver must publish <domain>._report._dmarc.<target>.
        const QByteArray name = domain + "._report._dmarc." + target;
        if (!dns::Resolver::nameError(name).isEmpty())
            return;
        const DnsAnswer answer = m_resolver.query(name, RecordType::TXT);
        if (answer.isTemporary())
            return;
        for (const dns::DnsRecord& rr : answer.records) {
            if (dmarc::Record::startsWithVersion(rr.text()))
                return;
        }
        const DnsAnswer wildcard = m_resolver.query("*._report._dmarc." + target, RecordType::TXT);
        for (const dns::DnsRecord& rr : wildcard.records) {
            if (dmarc::Record::startsWithVersion(rr.text()))
                return;
        }
        add(finding(
            "dmarc.report.unauthorized", Severity::Warning, subjectOf(domain),
            QStringLiteral("Reports go to %1, another organization, which has not published %2 TXT "
                           "\"v=DMARC1\" to accept them: receivers will not send reports there.")
                .arg(latin(target), latin(name)),
            QStringLiteral("Ask the operator of %1 to publish the authorization record (the corrected "
                           "record below, at %2).")
                .arg(latin(target), latin(name)),
            QStringLiteral("RFC 9990 3; RFC 7489 7.1"), QStringLiteral("v=DMARC1")));
    }

    // A DMARC record published where receivers never look: at the domain itself, at "dmarc." without the
    // underscore, or with the domain doubled by a DNS console that appends the zone name.
    void checkWrongNames(const QByteArray& domain, bool hasRecord)
    {
        const QList<QByteArray> names{domain, "dmarc." + domain, "_dmarc." + domain + "." + domain};
        for (const QByteArray& name : names) {
            if (!dns::Resolver::nameError(name).isEmpty())
                continue;
            const DnsAnswer answer = m_resolver.query(name, RecordType::TXT);
            for (const dns::DnsRecord& rr : answer.records) {
                const QByteArray text = rr.text();
                if (!dmarc::Record::startsWithVersion(text))
                    continue;
                m_wrongNameFound = true;
                add(finding(
                    "dmarc.record.wrong-name", hasRecord ? Severity::Warning : Severity::Error,
                    QStringLiteral("TXT record at %1").arg(latin(name)),
                    QStringLiteral("A DMARC record is published at %1; receivers only look at _dmarc.%2%3.")
                        .arg(latin(name), latin(domain),
                             hasRecord ? QStringLiteral(", where another record is in force")
                                       : QStringLiteral(", where there is none")),
                    hasRecord ? QStringLiteral("Remove the record at %1.").arg(latin(name))
                              : QStringLiteral("Move it to _dmarc.%1 (a TXT record).").arg(latin(domain)),
                    QStringLiteral("RFC 9989 4.10"),
                    hasRecord ? QString() : DmarcRecordComposer::compose(dmarc::Record::parse(text), {})));
            }
        }
    }

    dns::Resolver& m_resolver;
    DmarcLint::Report& m_report;
    bool m_wrongNameFound = false;
    bool m_badVersionFound = false;
};

} // namespace

DmarcLint::DmarcLint(dns::Resolver& resolver)
    : m_resolver(resolver)
{}

DmarcLint::Report DmarcLint::check(const QByteArray& domain) const
{
    Report report;
    const QByteArray name = dns::Resolver::normalizedName(domain);
    if (name.isEmpty() || !dns::Resolver::nameError("_dmarc." + name).isEmpty()) {
        report.findings.push_back(
            finding("dmarc.record.missing", Severity::Error, subjectOf(name),
                    QStringLiteral("\"%1\" is not a domain name that can be looked up: %2")
                        .arg(latin(domain), dns::Resolver::nameError("_dmarc." + name)),
                    QStringLiteral("Check the domain name."), QStringLiteral("RFC 9989 4.10")));
        return report;
    }
    Linter(m_resolver, report).run(name);
    return report;
}

} // namespace authlens::lint
