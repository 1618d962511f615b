// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Verifier.h"
#include "mail/Envelope.h"
#include "mail/MessageLimits.h"
#include "pipeline/Analysis.h"
#include "pipeline/RecordLinter.h"
#include "spf/Evaluator.h"

#include <QHostAddress>

#include <memory>
#include <optional>

namespace authlens::dns {
class Resolver;
}
namespace authlens::mail {
class Message;
}

namespace authlens::pipeline {

struct AnalyzerOptions
{
    // Header size, field count and line length a message may have before it is refused unanalyzed
    // (callers parse with these; see InputLimits for all the limits in one place).
    mail::MessageLimits message;
    dkim::Verifier::Options dkim;
    spf::EvaluatorOptions spf;
    mail::EnvelopeOptions envelope;
    QList<QByteArray> trustedAuthservIds; // empty: the topmost Authentication-Results only
    // What the analyst knows better than the message's Received fields (the CLI's --ip/--mailfrom/--helo).
    std::optional<QHostAddress> clientIp;
    std::optional<QByteArray> mailFrom; // "" is the null reverse-path
    std::optional<QByteArray> helo;
    // Lint the DKIM keys, SPF and DMARC records the message met, each once per Analyzer.
    bool lintRecords = true;
    // Check the large mailbox providers' sender requirements (SPF+DKIM, DMARC, unsubscribe, ...).
    bool senderRequirements = true;
    // Check the sending platform's best practices (From in the customer's domain, DKIM d= aligned,
    // unsubscribe option, URL shorteners, unrelated link hosts).
    bool sendingPractices = true;
    QByteArray customerDomain;                // empty: the From domain is the customer's
    QList<QByteArray> platformSigningDomains; // the platform's shared DKIM d= domains
};

// Runs DKIM, SPF and DMARC on one message in the order DMARC needs them (RFC 9989 4.4), and collects
// the findings they raise. Stateless after construction: one Analyzer serves every worker thread,
// given a thread-safe resolver.
class Analyzer
{
public:
    Analyzer(std::shared_ptr<dns::Resolver> resolver, AnalyzerOptions options = {});
    ~Analyzer();

    Analysis analyze(const mail::Message& message) const;

    const AnalyzerOptions& options() const { return m_options; }

private:
    mail::Envelope envelopeFor(const mail::Message& message) const;
    void evaluateSpf(Analysis& analysis) const;

    std::shared_ptr<dns::Resolver> m_resolver;
    AnalyzerOptions m_options;
    dkim::Verifier m_dkim;
    spf::Evaluator m_spf;
    std::unique_ptr<RecordLinter> m_linter;
};

} // namespace authlens::pipeline
