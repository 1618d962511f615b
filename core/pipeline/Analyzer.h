// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Verifier.h"
#include "mail/Envelope.h"
#include "pipeline/Analysis.h"
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
    dkim::Verifier::Options dkim;
    spf::EvaluatorOptions spf;
    mail::EnvelopeOptions envelope;
    QList<QByteArray> trustedAuthservIds; // empty: the topmost Authentication-Results only
    // What the analyst knows better than the message's Received fields (the CLI's --ip/--mailfrom/--helo).
    std::optional<QHostAddress> clientIp;
    std::optional<QByteArray> mailFrom; // "" is the null reverse-path
    std::optional<QByteArray> helo;
};

// Runs DKIM, SPF and DMARC on one message in the order DMARC needs them (RFC 9989 4.4), and collects
// the findings they raise. Stateless after construction: one Analyzer serves every worker thread,
// given a thread-safe resolver.
class Analyzer
{
public:
    Analyzer(std::shared_ptr<dns::Resolver> resolver, AnalyzerOptions options = {});

    Analysis analyze(const mail::Message& message) const;

    const AnalyzerOptions& options() const { return m_options; }

private:
    mail::Envelope envelopeFor(const mail::Message& message) const;
    void evaluateSpf(Analysis& analysis) const;

    std::shared_ptr<dns::Resolver> m_resolver;
    AnalyzerOptions m_options;
    dkim::Verifier m_dkim;
    spf::Evaluator m_spf;
};

} // namespace authlens::pipeline
