// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "spf/ClientAddress.h"
#include "spf/Evaluator.h"
#include "spf/MacroExpander.h"
#include "spf/Record.h"
#include "spf/Result.h"

#include "dns/Resolver.h"

#include <QList>

namespace authlens::spf {

// One run of check_host() with its shared state: the lookup counters that span include and redirect
// (RFC 7208 4.6.4), the chain of domains being evaluated (loop detection) and the trace. Evaluator makes
// one per call; it is not reused.
class CheckHost
{
public:
    CheckHost(dns::Resolver& resolver, const EvaluatorOptions& options, const QHostAddress& ip,
              const QByteArray& sender, const QByteArray& helo);

    // Evaluates the top-level <domain> and fills everything but Result::domain / sender.
    Result run(const QByteArray& domain);

private:
    struct Outcome
    {
        ResultCode code = ResultCode::Neutral;
        QString reason;
        QString explanation;
        QByteArray record;
    };
    enum class Match
    {
        Yes,
        No,
        Error, // `error` holds temperror or permerror and the reason
    };

    Outcome evaluate(const QByteArray& domain, int depth, bool wantExplanation);
    Match evaluateMechanism(const Mechanism& mechanism, const QByteArray& domain, int depth, TraceStep& step,
                            Outcome& error);
    Match matchAddresses(const QByteArray& name, int ip4Prefix, int ip6Prefix, TraceStep& step,
                         Outcome& error);
    Match matchMx(const QByteArray& name, int ip4Prefix, int ip6Prefix, TraceStep& step, Outcome& error);
    Match matchPtr(const QByteArray& targetName, TraceStep& step, Outcome& error);

    dns::DnsAnswer lookup(const QByteArray& name, dns::RecordType type, TraceStep& step, bool countVoid);
    bool voidLimitExceeded() const { return m_voidLookups > m_options.maxVoidLookups; }
    // True with `error` set when a lookup failed temporarily (temperror) or the void-lookup limit is
    // passed (permerror): the checks every querying mechanism makes after its lookup.
    bool lookupFailed(const dns::DnsAnswer& answer, Outcome& error) const;
    bool voidLimitFailed(Outcome& error) const;
    bool countDnsTerm(TraceStep& step, Outcome& error);
    // Expands a domain-spec in the context of `domain`; empty with `error` set on failure.
    QByteArray expandTarget(const QByteArray& spec, const QByteArray& domain, QString& error);
    QByteArray validatedName(const QByteArray& domain, int depth);
    QString explanationFor(const Record& record, const QByteArray& domain, int depth);
    QString defaultExplanation(const QByteArray& domain);
    MacroContext macroContext(const QByteArray& domain, int depth);
    void addStep(TraceStep step);
    void fillStep(std::size_t index, TraceStep step);

    dns::Resolver& m_resolver;
    const EvaluatorOptions& m_options;
    ClientAddress m_client;
    QByteArray m_sender;
    QByteArray m_localPart;
    QByteArray m_senderDomain;
    QByteArray m_helo;
    int m_dnsTerms = 0;
    int m_voidLookups = 0;
    QList<QByteArray> m_chain; // lower-case domains of the check_host() calls in progress
    Trace m_trace;
};

} // namespace authlens::spf
