// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/RecordLinter.h"

#include "dns/Resolver.h"
#include "lint/DkimKeyLint.h"
#include "lint/DmarcLint.h"
#include "lint/SenderRequirementsLint.h"
#include "lint/SpfLint.h"
#include "mail/Message.h"

namespace authlens::pipeline {

RecordLinter::RecordLinter(std::shared_ptr<dns::Resolver> resolver)
    : m_resolver(std::move(resolver))
{}

std::vector<lint::Finding>
RecordLinter::remembered(const QByteArray& key, const std::function<std::vector<lint::Finding>()>& lint) const
{
    {
        const std::lock_guard lock(m_mutex);
        const auto it = m_done.constFind(key);
        if (it != m_done.cend())
            return *it;
    }
    // Lint outside the lock: it asks DNS. Two threads may lint the same record once each; the
    // answers are cached by the resolver and the results are equal.
    std::vector<lint::Finding> findings = lint();
    const std::lock_guard lock(m_mutex);
    if (m_done.size() >= kMaxRemembered)
        m_done.clear();
    m_done.insert(key, findings);
    return findings;
}

std::vector<lint::Finding> RecordLinter::recordFindings(const Analysis& analysis) const
{
    std::vector<lint::Finding> all;
    const auto append = [&all](std::vector<lint::Finding> more) {
        for (lint::Finding& f : more) {
            if (std::find(all.cbegin(), all.cend(), f) == all.cend())
                all.push_back(std::move(f));
        }
    };
    for (const dkim::Result& r : analysis.dkim) {
        if (r.domain.isEmpty() || r.selector.isEmpty())
            continue;
        const QByteArray domain = r.domain.toLower();
        const QByteArray selector = r.selector.toLower();
        append(remembered("dkim " + selector + ' ' + domain, [this, &domain, &selector] {
            return lint::DkimKeyLint(*m_resolver).check(domain, selector).findings;
        }));
    }
    if (analysis.spf && !analysis.spf->domain.isEmpty()) {
        const QByteArray domain = analysis.spf->domain.toLower();
        append(remembered("spf " + domain,
                          [this, &domain] { return lint::SpfLint(*m_resolver).check(domain).findings; }));
    }
    if (!analysis.dmarc.fromDomain.isEmpty()) {
        const QByteArray domain = analysis.dmarc.fromDomain;
        append(remembered("dmarc " + domain,
                          [this, &domain] { return lint::DmarcLint(*m_resolver).check(domain).findings; }));
    }
    return all;
}

std::vector<lint::Finding> RecordLinter::senderFindings(const Analysis& analysis,
                                                        const mail::Message& message)
{
    if (analysis.dmarc.fromDomain.isEmpty())
        return {}; // no author domain: the DMARC findings already say why
    lint::SenderFacts facts;
    facts.message = message;
    facts.fromDomain = analysis.dmarc.fromDomain;
    facts.spfPass = analysis.spf && analysis.spf->word() == QLatin1String("pass");
    for (const dkim::Result& r : analysis.dkim) {
        if (r.passed()) {
            facts.dkimPass = true;
            facts.dkimKeyBits = std::max(facts.dkimKeyBits, r.keyBits);
        }
    }
    facts.dmarcPolicy = analysis.dmarc.policy;
    facts.aligned = analysis.dmarc.dkimAligned.value_or(false) || analysis.dmarc.spfAligned.value_or(false);
    return lint::SenderRequirementsLint::check(facts);
}

} // namespace authlens::pipeline
