// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lint/Finding.h"

#include <QByteArray>

#include <vector>

namespace authlens::dns {
class Resolver;
}

namespace authlens::lint {

// Lints the SPF record of a domain (RFC 7208): the record itself through spf::Record, then the whole
// include / redirect tree fetched through the Resolver, counting DNS-querying terms and void lookups the
// way check_host() would if every term were reached (RFC 7208 4.6.4). Findings, not a verdict: the
// same record can be wrong in several ways at once and the analyst wants them all.
//
// Finding ids: spf.record.missing, spf.record.multiple, spf.record.too-long, spf.txt.string-too-long,
// spf.syntax, spf.syntax.ip4, spf.syntax.ip6, spf.syntax.redirect-twice, spf.syntax.all-twice,
// spf.terms-after-all, spf.all.pass, spf.all.neutral, spf.all.missing, spf.all.softfail, spf.ptr,
// spf.loop, spf.include.no-record, spf.redirect.no-record, spf.lookups.over-limit,
// spf.lookups.near-limit, spf.void-lookups.over-limit, spf.mx.too-many, spf.a.no-address,
// spf.mx.no-address, spf.parked.not-fail, spf.dns.temperror.
class SpfLint
{
public:
    // Guards against hostile trees: the walk never fetches more records than this, nor goes deeper.
    static constexpr int maxRecordsWalked = 60;
    static constexpr int maxDepth = 12;

    struct Report
    {
        std::vector<Finding> findings;
        QByteArray record;   // the selected record of the domain, empty when none
        int dnsTerms = 0;    // DNS-querying terms across the tree (RFC 7208 4.6.4 limit 10)
        int voidLookups = 0; // lookups that answered NXDOMAIN or NODATA (limit 2)
    };

    explicit SpfLint(dns::Resolver& resolver);

    Report check(const QByteArray& domain) const;

private:
    dns::Resolver& m_resolver;
};

} // namespace authlens::lint
