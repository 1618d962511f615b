// SPDX-License-Identifier: GPL-3.0-or-later
#include "dmarc/Evaluator.h"

#include "dmarc/Alignment.h"
#include "dmarc/PolicyDiscovery.h"
#include "dmarc/PublicSuffixList.h"
#include "dns/Resolver.h"

namespace authlens::dmarc {

namespace {

QString str(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes);
}

// The outcome of applying a discovered policy to the mechanism results, shared by both RFCs.
struct Applied
{
    Result result = Result::None;
    std::optional<bool> dkimAligned, spfAligned;
    std::vector<AlignmentCheck> checks;
    QString reason;
};

Applied apply(const DiscoveredPolicy& discovered, const QByteArray& author,
              const std::vector<DkimOutcome>& dkim, const SpfOutcome& spf,
              const Alignment::OrganizationalDomainOf& orgOf)
{
    Applied applied;
    switch (discovered.status) {
    case DiscoveredPolicy::Status::TempError:
        applied.result = Result::TempError;
        applied.reason = discovered.reason;
        return applied;
    case DiscoveredPolicy::Status::NoRecord:
    case DiscoveredPolicy::Status::NoProcessing:
        applied.result = Result::None;
        applied.reason = discovered.reason;
        return applied;
    case DiscoveredPolicy::Status::Found:
        break;
    }
    const Record& record = *discovered.record;
    bool dkimAligned = false, spfAligned = false, undecided = false;
    for (const DkimOutcome& signature : dkim) {
        AlignmentCheck check = Alignment::check("dkim", signature.domain, signature.result, author,
                                                discovered.organizationalDomain, record.adkim, orgOf);
        dkimAligned = dkimAligned || check.aligned;
        undecided = undecided || check.undecided;
        applied.checks.push_back(check);
    }
    if (!spf.result.isEmpty() || !spf.domain.isEmpty()) {
        AlignmentCheck check = Alignment::check("spf", spf.domain, spf.result, author,
                                                discovered.organizationalDomain, record.aspf, orgOf);
        spfAligned = check.aligned;
        undecided = undecided || check.undecided;
        applied.checks.push_back(check);
    }
    // RFC 9989 4.4: DMARC passes when either mechanism passes with an aligned identifier.
    if (dkimAligned || spfAligned) {
        applied.result = Result::Pass;
        applied.reason = QStringLiteral("%1 aligned with the author domain %2")
                             .arg(dkimAligned && spfAligned ? QStringLiteral("DKIM and SPF passed and")
                                  : dkimAligned             ? QStringLiteral("DKIM passed and")
                                                            : QStringLiteral("SPF passed and"),
                                  str(author));
    } else if (undecided || discovered.authorExistenceUnknown) {
        applied.result = Result::TempError;
        applied.reason =
            QStringLiteral("alignment or the policy could not be decided: a DNS lookup failed temporarily");
        return applied;
    } else {
        applied.result = Result::Fail;
        applied.reason =
            QStringLiteral("no passing DKIM signature or SPF result aligned with the author domain %1")
                .arg(str(author));
    }
    applied.dkimAligned = dkimAligned;
    applied.spfAligned = spfAligned;
    return applied;
}

void addRecordNotes(Verdict& verdict, const DiscoveredPolicy& discovered)
{
    if (!discovered.record)
        return;
    const Record& record = *discovered.record;
    const QString where = str(discovered.policyDomain);
    for (const RecordProblem& problem : record.problems)
        verdict.notes.push_back({"dmarc.record.syntax", "warning",
                                 QStringLiteral("DMARC record at %1, offset %2: %3")
                                     .arg(where)
                                     .arg(problem.position)
                                     .arg(problem.message)});
    if (!record.legacyTags.isEmpty())
        verdict.notes.push_back(
            {"dmarc.record.legacy-tags", "info",
             QStringLiteral("DMARC record at %1 uses %2, removed by RFC 9989 (RFC 7489 receivers "
                            "still read them)")
                 .arg(where, str(record.legacyTags.join(", ")))});
    if (record.testing)
        verdict.notes.push_back(
            {"dmarc.record.testing", "info",
             QStringLiteral("DMARC record at %1 has t=y: receivers apply one step less than the "
                            "published policy")
                 .arg(where)});
}

} // namespace

SpfOutcome SpfOutcome::forEnvelope(const QByteArray& result, const QByteArray& mailFrom,
                                   const QByteArray& helo)
{
    SpfOutcome outcome;
    outcome.result = result;
    QByteArray path = mailFrom.trimmed();
    if (path.startsWith('<') && path.endsWith('>'))
        path = path.mid(1, path.size() - 2);
    const qsizetype at = path.lastIndexOf('@');
    outcome.domain = path.isEmpty() ? helo : (at < 0 ? path : path.mid(at + 1));
    outcome.domain = dns::Resolver::normalizedName(outcome.domain);
    return outcome;
}

Evaluator::Evaluator(dns::Resolver& resolver)
    : m_resolver(resolver)
{}

Verdict Evaluator::evaluate(const AuthorDomain& author, const std::vector<DkimOutcome>& dkim,
                            const SpfOutcome& spf) const
{
    Verdict verdict;
    Rfc7489Verdict& legacy = verdict.rfc7489;
    verdict.fromDomain = author.domain;
    verdict.fromDomainDisplay = author.displayDomain;

    if (!author.ok()) {
        // RFC 9989 5.3.1: without exactly one author domain DMARC validation is not possible; RFC 7489
        // 6.6.1 leaves it to the receiver. We report permerror: the message itself is at fault.
        verdict.result = Result::PermError;
        verdict.reason = author.problem + QStringLiteral(": DMARC cannot be evaluated");
        verdict.steps.append(verdict.reason);
        verdict.notes.push_back({author.noteId(), "error", author.problem});
        legacy.result = Result::PermError;
        legacy.reason = verdict.reason;
        legacy.steps = verdict.steps;
        return verdict;
    }

    PolicyDiscovery discovery(m_resolver);

    // RFC 9989.
    const DiscoveredPolicy d9 = discovery.discoverRfc9989(author.domain);
    verdict.steps = d9.steps;
    verdict.organizationalDomain = d9.organizationalDomain;
    if (d9.status == DiscoveredPolicy::Status::Found || d9.status == DiscoveredPolicy::Status::NoProcessing)
        verdict.policyDomain = d9.policyDomain;
    if (d9.status == DiscoveredPolicy::Status::Found) {
        verdict.policy = d9.policy;
        verdict.policyTag = d9.policyTag;
    }
    const Applied a9 = apply(d9, author.domain, dkim, spf, [&discovery](const QByteArray& name) {
        return discovery.organizationalDomain(name);
    });
    verdict.result = a9.result;
    verdict.reason = a9.reason;
    verdict.dkimAligned = a9.dkimAligned;
    verdict.spfAligned = a9.spfAligned;
    verdict.alignment = a9.checks;
    for (const AlignmentCheck& check : a9.checks)
        verdict.steps.append(check.explanation);
    if (verdict.result == Result::Fail) {
        verdict.disposition = d9.policy;
        // RFC 9989 4.7 t=y: apply the next weaker policy.
        if (d9.record && d9.record->testing) {
            verdict.disposition = weakerPolicy(d9.policy);
            verdict.testing = true;
            verdict.steps.append(QStringLiteral("t=y: %1 applied as %2")
                                     .arg(policyName(d9.policy), policyName(verdict.disposition)));
        }
    }
    verdict.steps.append(QStringLiteral("result %1, disposition %2")
                             .arg(resultName(verdict.result), policyName(verdict.disposition)));
    addRecordNotes(verdict, d9);

    // RFC 7489 with the Public Suffix List.
    const DiscoveredPolicy d7 = discovery.discoverRfc7489(author.domain);
    legacy.steps = d7.steps;
    legacy.organizationalDomain = d7.organizationalDomain;
    if (d7.status == DiscoveredPolicy::Status::Found || d7.status == DiscoveredPolicy::Status::NoProcessing)
        legacy.policyDomain = d7.policyDomain;
    if (d7.status == DiscoveredPolicy::Status::Found)
        legacy.policy = d7.policy;
    const Applied a7 = apply(d7, author.domain, dkim, spf, [](const QByteArray& name) {
        return PublicSuffixList::organizationalDomain(name);
    });
    legacy.result = a7.result;
    legacy.reason = a7.reason;
    legacy.dkimAligned = a7.dkimAligned;
    legacy.spfAligned = a7.spfAligned;
    for (const AlignmentCheck& check : a7.checks)
        legacy.steps.append(check.explanation);
    if (legacy.result == Result::Fail) {
        legacy.disposition = d7.policy;
        // RFC 7489 6.6.4: pct selects the share of failing mail the policy applies to; the rest gets the
        // next weaker policy. pct=0 therefore always means the weaker one.
        if (d7.record && d7.record->pct && *d7.record->pct < 100) {
            const int pct = *d7.record->pct;
            if (pct == 0) {
                legacy.disposition = weakerPolicy(d7.policy);
            } else {
                legacy.unsampledDisposition = weakerPolicy(d7.policy);
            }
            legacy.steps.append(QStringLiteral("pct=%1: %2 for %1% of failing mail, %3 for the rest")
                                    .arg(pct)
                                    .arg(policyName(d7.policy), policyName(weakerPolicy(d7.policy))));
        }
    }
    legacy.steps.append(QStringLiteral("result %1, disposition %2")
                            .arg(resultName(legacy.result), policyName(legacy.disposition)));

    verdict.organizationalDomainDiffers = verdict.organizationalDomain != legacy.organizationalDomain;
    verdict.policyDiffers = verdict.policyDomain != legacy.policyDomain || verdict.policy != legacy.policy;
    verdict.resultDiffers = verdict.result != legacy.result || verdict.disposition != legacy.disposition;
    if (verdict.differs())
        verdict.notes.push_back(
            {"dmarc.rfc7489.differs", "info",
             QStringLiteral("RFC 7489 receivers (Public Suffix List) reach %1/%2 here, RFC 9989 "
                            "receivers %3/%4")
                 .arg(resultName(legacy.result), policyName(legacy.disposition), resultName(verdict.result),
                      policyName(verdict.disposition))});
    verdict.dnsQueries = discovery.queryCount();
    return verdict;
}

QString resultName(Result result)
{
    switch (result) {
    case Result::Pass:
        return QStringLiteral("pass");
    case Result::Fail:
        return QStringLiteral("fail");
    case Result::None:
        return QStringLiteral("none");
    case Result::TempError:
        return QStringLiteral("temperror");
    case Result::PermError:
        return QStringLiteral("permerror");
    }
    return QStringLiteral("none");
}

} // namespace authlens::dmarc
