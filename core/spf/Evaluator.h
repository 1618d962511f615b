// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "spf/Result.h"

#include <QByteArray>
#include <QHostAddress>

#include <optional>

namespace authlens::dns {
class Resolver;
}

namespace authlens::spf {

struct EvaluatorOptions
{
    // RFC 7208 6.2: the explanation of a "fail" when the record has no usable exp=. A macro-string
    // (explanation letters allowed); a string that does not expand is used as written.
    QByteArray defaultExplanation = "%{i} is not one of %{d}'s designated mail servers";
    QByteArray receiver = "unknown"; // %{r}: the receiving MTA's domain (RFC 7208 7.2)
    std::optional<qint64> now;       // %{t}; the current time when unset
    // RFC 7208 4.6.4 processing limits.
    int maxDnsTerms = 10;
    int maxVoidLookups = 2;
    int maxMxNames = 10;
    int maxPtrNames = 10;
};

// RFC 7208 check_host(): evaluates the SPF record of a domain for a client address, through the Resolver,
// and records a Trace of every term it evaluated. Thread-safe as long as the resolver is: every call
// keeps its state on the stack.
class Evaluator
{
public:
    explicit Evaluator(dns::Resolver& resolver, EvaluatorOptions options = {});

    // RFC 7208 2.4: the MAIL FROM identity; a null reverse-path ("" or "<>") checks postmaster@<helo>.
    // An address without "@" is taken as a domain, with local-part "postmaster" (RFC 7208 4.3).
    Result checkMailFrom(const QHostAddress& ip, const QByteArray& mailFrom, const QByteArray& helo) const;
    // RFC 7208 2.3: the HELO identity, sender postmaster@<helo>.
    Result checkHelo(const QHostAddress& ip, const QByteArray& helo) const;
    // RFC 7208 4.1: check_host(<ip>, <domain>, <sender>); `helo` feeds %{h}.
    Result checkHost(const QHostAddress& ip, const QByteArray& domain, const QByteArray& sender,
                     const QByteArray& helo) const;

    const EvaluatorOptions& options() const { return m_options; }

    // RFC 7208 4.3: a syntactically valid, multi-label domain name (labels of 1 to 63 octets, at most 253
    // octets in all, no address literal). A final dot is allowed.
    static bool isValidDomain(QByteArrayView domain);

private:
    dns::Resolver& m_resolver;
    EvaluatorOptions m_options;
};

} // namespace authlens::spf
