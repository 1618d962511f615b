// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lint/Finding.h"

#include <QByteArray>

#include <vector>

namespace authlens::dns {
class Resolver;
}

namespace authlens::lint {

// Lints the DMARC policy record of a domain (RFC 9989, with RFC 7489 where receivers still follow it):
// what is published at _dmarc.<domain> (or inherited from the Organizational Domain), parsed with
// dmarc::Record, and the report addresses it names (authorization records, MX).
//
// Finding ids: dmarc.record.missing, dmarc.record.inherited, dmarc.record.multiple, dmarc.record.wrong-name,
// dmarc.record.spf-at-dmarc, dmarc.record.other-txt, dmarc.syntax, dmarc.syntax.version, dmarc.tag.duplicate,
// dmarc.tag.unknown, dmarc.policy.none, dmarc.policy.sp-none, dmarc.policy.testing, dmarc.rua.missing,
// dmarc.report.unauthorized, dmarc.report.no-mx, dmarc.tag.removed, dmarc.pct.partial, dmarc.np.weaker,
// dmarc.dns.temperror.
class DmarcLint
{
public:
    struct Report
    {
        std::vector<Finding> findings;
        QByteArray record;       // the record linted (empty when none)
        QByteArray policyDomain; // where it was found: the domain, or its Organizational Domain
    };

    explicit DmarcLint(dns::Resolver& resolver);

    Report check(const QByteArray& domain) const;

private:
    dns::Resolver& m_resolver;
};

} // namespace authlens::lint
