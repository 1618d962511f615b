// SPDX-License-Identifier: GPL-3.0-or-later
#include "dmarc/PolicyDiscovery.h"

#include "dmarc/PublicSuffixList.h"
#include "dns/Resolver.h"

namespace authlens::dmarc {

namespace {

QByteArray normalized(const QByteArray& domain)
{
    return dns::Resolver::normalizedName(domain);
}

qsizetype labelCount(const QByteArray& domain)
{
    return domain.isEmpty() ? 0 : domain.count('.') + 1;
}

// The last `labels` labels of `domain`.
QByteArray suffix(const QByteArray& domain, qsizetype labels)
{
    const QList<QByteArray> parts = domain.split('.');
    if (labels >= parts.size())
        return domain;
    return parts.mid(parts.size() - labels).join('.');
}

QString str(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes);
}

} // namespace

std::optional<QByteArray> TreeWalk::organizationalDomain() const
{
    // RFC 9989 4.10.2, longest name first.
    const DmarcLookup* fewest = nullptr;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const DmarcLookup& step = steps[i];
        if (!step.hasRecord())
            continue;
        if (step.record->psd == PsdFlag::No)
            return step.domain;
        if (step.record->psd == PsdFlag::Yes && i != 0)
            return suffix(start, labelCount(step.domain) + 1);
        fewest = &step; // steps run from most to fewest labels
    }
    if (tempFailed)
        return std::nullopt; // a record higher up might have decided it
    return fewest ? fewest->domain : start;
}

QStringList TreeWalk::describe() const
{
    QStringList lines;
    for (const DmarcLookup& step : steps)
        lines.append(QStringLiteral("_dmarc.%1: %2").arg(str(step.domain), step.detail));
    return lines;
}

PolicyDiscovery::PolicyDiscovery(dns::Resolver& resolver)
    : m_resolver(resolver)
{}

QList<QByteArray> PolicyDiscovery::walkTargets(const QByteArray& domain)
{
    const QByteArray name = normalized(domain);
    QList<QByteArray> targets;
    if (name.isEmpty())
        return targets;
    targets.append(name);
    qsizetype labels = labelCount(name);
    // RFC 9989 4.10 step 5: from 8 or more labels jump straight to 7, so a walk asks at most 8 names.
    labels = labels >= 8 ? 7 : labels - 1;
    for (; labels >= 1; --labels)
        targets.append(suffix(name, labels));
    return targets;
}

DmarcLookup PolicyDiscovery::lookup(const QByteArray& domain)
{
    const QByteArray name = normalized(domain);
    if (auto it = m_lookups.constFind(name); it != m_lookups.constEnd())
        return *it;

    DmarcLookup result;
    result.domain = name;
    ++m_queries;
    const dns::DnsAnswer answer = m_resolver.query("_dmarc." + name, dns::RecordType::TXT);
    if (answer.status == dns::DnsAnswer::Status::TempFail) {
        result.outcome = DmarcLookup::Outcome::TempFail;
        result.detail =
            QStringLiteral("temporary DNS failure%1")
                .arg(answer.error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(answer.error));
    } else if (answer.status == dns::DnsAnswer::Status::Error) {
        // A name no server will answer (too long, refused): nothing can be published there.
        result.detail = QStringLiteral("no record (DNS error: %1)").arg(answer.error);
    } else {
        QList<Record> records;
        for (const dns::DnsRecord& rr : answer.records) {
            const QByteArray text = rr.text();
            // RFC 9989 4.10 step 2, RFC 7489 6.6.3 step 2: records not starting with v=DMARC1 are discarded.
            if (Record::startsWithVersion(text))
                records.append(Record::parse(text));
            else
                ++result.discarded;
        }
        if (records.size() == 1) {
            result.outcome = DmarcLookup::Outcome::Record;
            result.record = records.first();
            result.detail = QStringLiteral("record \"%1\"").arg(str(records.first().text));
        } else if (records.size() > 1) {
            result.outcome = DmarcLookup::Outcome::MultipleRecords;
            result.detail = QStringLiteral("%1 DMARC records, all discarded").arg(records.size());
        } else if (result.discarded > 0) {
            result.detail =
                QStringLiteral("no DMARC record (%1 other TXT record(s) discarded)").arg(result.discarded);
        } else {
            result.detail = answer.status == dns::DnsAnswer::Status::NxDomain
                                ? QStringLiteral("none (NXDOMAIN)")
                                : QStringLiteral("none");
        }
    }
    m_lookups.insert(name, result);
    return result;
}

TreeWalk PolicyDiscovery::treeWalk(const QByteArray& domain)
{
    TreeWalk walk;
    walk.start = normalized(domain);
    for (const QByteArray& target : walkTargets(walk.start)) {
        if (int(walk.steps.size()) >= maxWalkQueries)
            break;
        const DmarcLookup step = lookup(target);
        walk.steps.push_back(step);
        if (step.outcome == DmarcLookup::Outcome::TempFail) {
            walk.tempFailed = true;
            break;
        }
        // RFC 9989 4.10 steps 2 and 7: a record with psd=y or psd=n ends the walk.
        if (step.hasRecord() && step.record->psd != PsdFlag::Unspecified) {
            walk.stoppedAtPsd = true;
            break;
        }
    }
    return walk;
}

std::optional<QByteArray> PolicyDiscovery::organizationalDomain(const QByteArray& domain)
{
    return treeWalk(domain).organizationalDomain();
}

PolicyDiscovery::Existence PolicyDiscovery::domainExists(const QByteArray& domain)
{
    const QByteArray name = normalized(domain);
    if (auto it = m_existence.constFind(name); it != m_existence.constEnd())
        return *it;
    // RFC 9989 3.2.13 (Non-existent Domains) takes RFC 8020's meaning: a name exists unless the DNS
    // answers NXDOMAIN for it. NODATA (e.g. a name with only TXT, or an empty non-terminal) exists.
    ++m_queries;
    const dns::DnsAnswer answer = m_resolver.query(name, dns::RecordType::A);
    Existence existence = Existence::Exists;
    if (answer.isTemporary())
        existence = Existence::Unknown;
    else if (answer.status == dns::DnsAnswer::Status::NxDomain)
        existence = Existence::DoesNotExist;
    m_existence.insert(name, existence);
    return existence;
}

void PolicyDiscovery::choosePolicy(DiscoveredPolicy& discovered, const QByteArray& authorDomain, bool rfc9989)
{
    const Record& record = *discovered.record;
    if (record.hasInvalidPolicy(rfc9989)) {
        // RFC 9989 4.10.1, RFC 7489 6.6.3 step 6: act as p=none if there is a valid rua, else stop.
        if (!record.hasValidRua()) {
            discovered.status = DiscoveredPolicy::Status::NoProcessing;
            discovered.reason =
                QStringLiteral("the record at %1 has no valid p= (or an invalid sp=%2) and no valid "
                               "rua=: no DMARC processing")
                    .arg(str(discovered.policyDomain), rfc9989 ? QStringLiteral("/np=") : QString());
            discovered.steps.append(discovered.reason);
            return;
        }
        discovered.status = DiscoveredPolicy::Status::Found;
        discovered.policy = Policy::None;
        discovered.policyTag = "p";
        discovered.policyReplaced = true;
        discovered.steps.append(
            QStringLiteral("the record at %1 has an invalid or missing policy tag but a valid "
                           "rua=: treated as p=none")
                .arg(str(discovered.policyDomain)));
        return;
    }
    discovered.status = DiscoveredPolicy::Status::Found;
    if (discovered.source == PolicySource::AuthorDomain) {
        discovered.policy = *record.p;
        discovered.policyTag = "p";
        discovered.steps.append(
            QStringLiteral("policy = p (record of the Author Domain) = %1").arg(policyName(*record.p)));
        return;
    }
    if (rfc9989) {
        // RFC 9989 4.10.1: np for a non-existent Author Domain, else sp, falling back to p.
        const Existence existence = domainExists(authorDomain);
        if (existence == Existence::Unknown) {
            discovered.authorExistenceUnknown = true;
            discovered.steps.append(
                QStringLiteral("whether %1 exists could not be checked (temporary DNS failure)")
                    .arg(str(authorDomain)));
        }
        if (existence == Existence::DoesNotExist) {
            if (record.np) {
                discovered.policy = *record.np;
                discovered.policyTag = "np";
                discovered.steps.append(QStringLiteral("policy = np (Author Domain does not exist) = %1")
                                            .arg(policyName(*record.np)));
                return;
            }
            discovered.steps.append(QStringLiteral("Author Domain does not exist, no np="));
        }
    }
    if (record.sp) {
        discovered.policy = *record.sp;
        discovered.policyTag = "sp";
        discovered.steps.append(QStringLiteral("policy = sp = %1").arg(policyName(*record.sp)));
    } else {
        discovered.policy = *record.p;
        discovered.policyTag = "p";
        discovered.steps.append(QStringLiteral("policy = p (no sp) = %1").arg(policyName(*record.p)));
    }
}

DiscoveredPolicy PolicyDiscovery::discoverRfc9989(const QByteArray& authorDomain)
{
    DiscoveredPolicy discovered;
    const QByteArray author = normalized(authorDomain);
    const TreeWalk walk = treeWalk(author);
    discovered.steps = walk.describe();
    discovered.organizationalDomain = walk.organizationalDomain();

    if (!walk.steps.empty() && walk.steps.front().hasRecord()) {
        discovered.source = PolicySource::AuthorDomain;
        discovered.policyDomain = author;
        discovered.record = walk.steps.front().record;
    } else if (walk.tempFailed) {
        discovered.status = DiscoveredPolicy::Status::TempError;
        discovered.reason = QStringLiteral("a DMARC lookup failed temporarily during the DNS Tree Walk");
        discovered.steps.append(discovered.reason);
        return discovered;
    } else {
        const QByteArray org = discovered.organizationalDomain.value_or(author);
        const DmarcLookup orgLookup = lookup(org);
        if (orgLookup.outcome == DmarcLookup::Outcome::TempFail) {
            discovered.status = DiscoveredPolicy::Status::TempError;
            discovered.reason = QStringLiteral("the DMARC lookup for %1 failed temporarily").arg(str(org));
            discovered.steps.append(discovered.reason);
            return discovered;
        }
        if (orgLookup.hasRecord()) {
            discovered.source = PolicySource::OrganizationalDomain;
            discovered.policyDomain = org;
            discovered.record = orgLookup.record;
        } else if (walk.stoppedAtPsd && walk.steps.back().hasRecord() &&
                   walk.steps.back().record->psd == PsdFlag::Yes) {
            discovered.source = PolicySource::PublicSuffixDomain;
            discovered.policyDomain = walk.steps.back().domain;
            discovered.record = walk.steps.back().record;
        } else {
            discovered.status = DiscoveredPolicy::Status::NoRecord;
            discovered.reason =
                QStringLiteral("no DMARC Policy Record for %1: DMARC does not apply").arg(str(author));
            discovered.steps.append(discovered.reason);
            return discovered;
        }
    }
    discovered.steps.append(
        QStringLiteral("policy record at %1; Organizational Domain %2")
            .arg(str(discovered.policyDomain), discovered.organizationalDomain
                                                   ? str(*discovered.organizationalDomain)
                                                   : QStringLiteral("undetermined (temporary DNS failure)")));
    choosePolicy(discovered, author, true);
    return discovered;
}

DiscoveredPolicy PolicyDiscovery::discoverRfc7489(const QByteArray& authorDomain)
{
    DiscoveredPolicy discovered;
    const QByteArray author = normalized(authorDomain);
    const QByteArray org = PublicSuffixList::organizationalDomain(author);
    discovered.organizationalDomain = org;

    auto fail = [&](const DmarcLookup& step) {
        discovered.status = DiscoveredPolicy::Status::TempError;
        discovered.reason =
            QStringLiteral("the DMARC lookup for %1 failed temporarily").arg(str(step.domain));
        discovered.steps.append(discovered.reason);
    };

    // RFC 7489 6.6.3 steps 1-3.
    const DmarcLookup first = lookup(author);
    discovered.steps.append(QStringLiteral("_dmarc.%1: %2").arg(str(author), first.detail));
    if (first.outcome == DmarcLookup::Outcome::TempFail) {
        fail(first);
        return discovered;
    }
    if (first.outcome == DmarcLookup::Outcome::MultipleRecords) {
        // Step 5: several records end discovery; the Organizational Domain is not asked.
        discovered.status = DiscoveredPolicy::Status::NoRecord;
        discovered.reason =
            QStringLiteral("several DMARC records at %1: policy discovery ends (RFC 7489 6.6.3)")
                .arg(str(author));
        discovered.steps.append(discovered.reason);
        return discovered;
    }
    if (first.hasRecord()) {
        discovered.source = PolicySource::AuthorDomain;
        discovered.policyDomain = author;
        discovered.record = first.record;
    } else {
        discovered.steps.append(QStringLiteral("PSL Organizational Domain %1").arg(str(org)));
        if (org == author) {
            discovered.status = DiscoveredPolicy::Status::NoRecord;
            discovered.reason =
                QStringLiteral("no DMARC record for %1: DMARC does not apply").arg(str(author));
            discovered.steps.append(discovered.reason);
            return discovered;
        }
        const DmarcLookup second = lookup(org);
        discovered.steps.append(QStringLiteral("_dmarc.%1: %2").arg(str(org), second.detail));
        if (second.outcome == DmarcLookup::Outcome::TempFail) {
            fail(second);
            return discovered;
        }
        if (!second.hasRecord()) {
            discovered.status = DiscoveredPolicy::Status::NoRecord;
            discovered.reason = QStringLiteral("no single DMARC record for %1 or %2: DMARC does not apply")
                                    .arg(str(author), str(org));
            discovered.steps.append(discovered.reason);
            return discovered;
        }
        discovered.source = PolicySource::OrganizationalDomain;
        discovered.policyDomain = org;
        discovered.record = second.record;
    }
    discovered.steps.append(QStringLiteral("record at %1; PSL Organizational Domain %2")
                                .arg(str(discovered.policyDomain), str(org)));
    choosePolicy(discovered, author, false);
    return discovered;
}

} // namespace authlens::dmarc
