// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/Analyzer.h"

#include <algorithm>

#include "dkimsetup/SendingPracticesLint.h"
#include "dmarc/AuthorDomain.h"
#include "dmarc/Evaluator.h"
#include "mail/Message.h"
#include "pipeline/MessageFindings.h"

namespace authlens::pipeline {

namespace {

QStringList disagreements(const Analysis& analysis)
{
    QStringList methods;
    const mail::ReceiverVerdict& received = analysis.received;
    if (analysis.spf && !received.spfResult.isEmpty() &&
        received.spfResult.toLower() != analysis.spf->word().toLatin1())
        methods << QStringLiteral("spf");
    if (!received.dmarcResult.isEmpty() &&
        received.dmarcResult.toLower() != dmarc::resultName(analysis.dmarc.result).toLatin1())
        methods << QStringLiteral("dmarc");
    for (const mail::ReceiverVerdict::Dkim& theirs : received.dkim) {
        for (const dkim::Result& ours : analysis.dkim) {
            const bool same = ours.domain.compare(theirs.domain, Qt::CaseInsensitive) == 0 &&
                              (theirs.selector.isEmpty() ||
                               ours.selector.compare(theirs.selector, Qt::CaseInsensitive) == 0);
            if (same && (theirs.result.toLower() == "pass") != ours.passed()) {
                methods << QStringLiteral("dkim");
                return methods;
            }
        }
    }
    return methods;
}

} // namespace

Analyzer::Analyzer(std::shared_ptr<dns::Resolver> resolver, AnalyzerOptions options)
    : m_resolver(std::move(resolver))
    , m_options(std::move(options))
    , m_dkim(m_resolver, m_options.dkim)
    , m_spf(*m_resolver, m_options.spf)
    , m_linter(std::make_unique<RecordLinter>(m_resolver))
{}

Analyzer::~Analyzer() = default;

mail::Envelope Analyzer::envelopeFor(const mail::Message& message) const
{
    mail::Envelope envelope = mail::Envelope::fromMessage(message, m_options.envelope);
    if (m_options.clientIp) {
        envelope.clientIp = *m_options.clientIp;
        envelope.notes << QStringLiteral("client address given by the analyst");
    }
    if (m_options.helo) {
        envelope.helo = *m_options.helo;
        envelope.notes << QStringLiteral("HELO given by the analyst");
    }
    if (m_options.mailFrom) {
        QByteArray mailFrom = *m_options.mailFrom;
        if (mailFrom == "<>")
            mailFrom.clear();
        envelope.mailFrom = mailFrom;
        envelope.hasMailFrom = true;
        envelope.nullMailFrom = mailFrom.isEmpty();
        envelope.notes << QStringLiteral("MAIL FROM given by the analyst");
    }
    return envelope;
}

void Analyzer::evaluateSpf(Analysis& analysis) const
{
    const mail::Envelope& envelope = analysis.envelope;
    if (envelope.clientIp.isNull()) {
        analysis.spfNote = QStringLiteral("SPF not evaluated: no client address in the Received fields");
        return;
    }
    if (!envelope.hasMailFrom && envelope.helo.isEmpty()) {
        analysis.spfNote =
            QStringLiteral("SPF not evaluated: neither a Return-Path nor a HELO name is known");
        return;
    }
    // RFC 7208 2.4: a null reverse-path is checked as postmaster@HELO; without any Return-Path we can
    // still check the HELO identity (RFC 7208 2.3).
    analysis.spf = envelope.hasMailFrom
                       ? m_spf.checkMailFrom(envelope.clientIp, envelope.mailFrom, envelope.helo)
                       : m_spf.checkHelo(envelope.clientIp, envelope.helo);
    // The receiver evaluated SPF with the DNS of the day the message arrived; we can only ask today's.
    analysis.spfNote = QStringLiteral("evaluated now, against today's DNS, not the DNS at delivery time");
}

Analysis Analyzer::analyze(const mail::Message& message) const
{
    Analysis analysis;
    analysis.dkim = m_dkim.verify(message);
    analysis.envelope = envelopeFor(message);
    evaluateSpf(analysis);

    std::vector<dmarc::DkimOutcome> dkimOutcomes;
    dkimOutcomes.reserve(analysis.dkim.size());
    for (const dkim::Result& result : analysis.dkim)
        dkimOutcomes.push_back({result.domain, result.word().toLatin1()});
    const QByteArray spfWord = analysis.spf ? analysis.spf->word().toLatin1() : QByteArray("none");
    const QByteArray spfDomain = analysis.spf ? analysis.spf->domain : QByteArray();
    dmarc::SpfOutcome spfOutcome{spfWord, spfDomain};
    if (analysis.spf && analysis.envelope.hasMailFrom)
        spfOutcome =
            dmarc::SpfOutcome::forEnvelope(spfWord, analysis.envelope.mailFrom, analysis.envelope.helo);

    const dmarc::Evaluator dmarcEvaluator(*m_resolver);
    analysis.dmarc =
        dmarcEvaluator.evaluate(dmarc::AuthorDomain::fromMessage(message), dkimOutcomes, spfOutcome);

    analysis.received = mail::ReceiverVerdict::fromMessage(message, m_options.trustedAuthservIds);
    analysis.disagreesWithReceiver = disagreements(analysis);
    analysis.findings = findingsFor(analysis);
    // The record linter repeats some checks the verdicts already raised (short key, t=y, rsa-sha1):
    // keep the message's own finding for those ids.
    const auto hasId = [&analysis](const QString& id) {
        return std::any_of(analysis.findings.cbegin(), analysis.findings.cend(),
                           [&id](const lint::Finding& f) { return f.id == id; });
    };
    if (m_options.lintRecords) {
        for (lint::Finding& f : m_linter->recordFindings(analysis)) {
            // The DMARC evaluator already noted tags RFC 9989 removed.
            const bool sameAsNote = f.id == QLatin1String("dmarc.tag.removed") &&
                                    hasId(QStringLiteral("dmarc.record.legacy-tags"));
            if (!hasId(f.id) && !sameAsNote)
                analysis.findings.push_back(std::move(f));
        }
    }
    if (m_options.senderRequirements) {
        for (lint::Finding& f : RecordLinter::senderFindings(analysis, message))
            analysis.findings.push_back(std::move(f));
    }
    if (m_options.sendingPractices && !analysis.dmarc.fromDomain.isEmpty()) {
        dkimsetup::SendingFacts facts;
        facts.message = message;
        facts.customerDomain = m_options.customerDomain;
        facts.platformSigningDomains = m_options.platformSigningDomains;
        for (const dkim::Result& r : analysis.dkim) {
            if (r.passed())
                facts.passingDkimDomains.append(r.domain.toLower());
        }
        for (lint::Finding& f : dkimsetup::SendingPracticesLint::check(facts)) {
            if (!hasId(f.id))
                analysis.findings.push_back(std::move(f));
        }
    }
    return analysis;
}

} // namespace authlens::pipeline
