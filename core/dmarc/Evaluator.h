// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dmarc/AuthorDomain.h"
#include "dmarc/Verdict.h"

#include <QByteArray>

#include <vector>

namespace authlens::dns {
class Resolver;
}

namespace authlens::dmarc {

// One DKIM signature's outcome as DMARC needs it: the d= domain and the RFC 8601 result word.
struct DkimOutcome
{
    QByteArray domain; // d=
    QByteArray result; // pass, fail, neutral, policy, temperror, permerror
};

// The SPF outcome: the result word and the domain SPF authenticated (RFC 9989 4.4.2: the MAIL FROM
// domain, or the HELO domain when MAIL FROM was null).
struct SpfOutcome
{
    QByteArray result; // pass, fail, softfail, neutral, none, temperror, permerror
    QByteArray domain;

    // Picks the domain from the envelope: the part after the last "@" of MAIL FROM, or the HELO name
    // when MAIL FROM is null ("" or "<>").
    static SpfOutcome forEnvelope(const QByteArray& result, const QByteArray& mailFrom,
                                  const QByteArray& helo);
};

// The DMARC evaluation (RFC 9989 4.10 and 5.3), computed beside the RFC 7489 reading (6.6 with the Public
// Suffix List). DNS goes through the Resolver; each evaluate() keeps its state on the stack, so one
// Evaluator serves many threads when the resolver does.
class Evaluator
{
public:
    explicit Evaluator(dns::Resolver& resolver);

    Verdict evaluate(const AuthorDomain& author, const std::vector<DkimOutcome>& dkim,
                     const SpfOutcome& spf) const;

private:
    dns::Resolver& m_resolver;
};

} // namespace authlens::dmarc
