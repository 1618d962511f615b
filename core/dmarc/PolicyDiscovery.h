// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dmarc/Record.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

#include <optional>
#include <vector>

namespace authlens::dns {
class Resolver;
}

namespace authlens::dmarc {

// The answer at one _dmarc name, after discarding TXT records that are not DMARC records.
struct DmarcLookup
{
    enum class Outcome
    {
        NoRecord,        // NXDOMAIN, NODATA, or only TXT records that are not DMARC (RFC 9989 4.10 step 2)
        Record,          // exactly one DMARC record
        MultipleRecords, // several: all discarded (RFC 9989 4.10), discovery ends (RFC 7489 6.6.3 step 5)
        TempFail,        // the query failed temporarily
    };

    QByteArray domain; // without the _dmarc label
    Outcome outcome = Outcome::NoRecord;
    std::optional<Record> record;
    int discarded = 0; // TXT records that were not DMARC records
    QString detail;    // a plain description for the trace

    bool hasRecord() const { return outcome == Outcome::Record && record.has_value(); }
};

// RFC 9989 4.10: the DNS Tree Walk from one domain, every query in order.
struct TreeWalk
{
    QByteArray start;
    std::vector<DmarcLookup> steps;
    bool tempFailed = false;   // the walk stopped at a temporary failure
    bool stoppedAtPsd = false; // a record with psd=y or psd=n ended it

    // RFC 9989 4.10.2; nullopt when a temporary failure leaves it undecided.
    std::optional<QByteArray> organizationalDomain() const;
    QStringList describe() const;
};

// Where the applicable policy record came from.
enum class PolicySource
{
    AuthorDomain,
    OrganizationalDomain,
    PublicSuffixDomain, // RFC 9989 only: a psd=y record above the Organizational Domain
};

struct DiscoveredPolicy
{
    enum class Status
    {
        Found,        // a policy applies (possibly p=none because of an invalid policy tag)
        NoRecord,     // no DMARC Policy Record: DMARC does not apply (result none)
        NoProcessing, // a record without a valid p (or with an invalid sp/np) and no valid rua
        TempError,    // a DNS failure during discovery
    };

    Status status = Status::NoRecord;
    QByteArray policyDomain; // where the record was found (also set for NoProcessing)
    std::optional<Record> record;
    PolicySource source = PolicySource::AuthorDomain;
    std::optional<QByteArray> organizationalDomain; // of the author domain, by the method used
    Policy policy = Policy::None;
    QByteArray policyTag;                // "p", "sp" or "np": the tag the policy came from
    bool policyReplaced = false;         // an invalid p/sp/np with a valid rua: acted as p=none
    bool authorExistenceUnknown = false; // RFC 9989 np check failed temporarily
    QStringList steps;
    QString reason;
};

// Policy discovery both ways: RFC 9989 4.10 (Tree Walk, at most 8 queries per walk, psd=, np=) and
// RFC 7489 6.6.3 with the Public Suffix List. Answers are cached per instance, so one instance serves
// one evaluation (author domain and every identifier) without asking the same question twice. Not
// thread-safe; create one per evaluation.
class PolicyDiscovery
{
public:
    static constexpr int maxWalkQueries = 8; // RFC 9989 4.10

    explicit PolicyDiscovery(dns::Resolver& resolver);

    DmarcLookup lookup(const QByteArray& domain);
    TreeWalk treeWalk(const QByteArray& domain);
    // RFC 9989 4.10.2 via the Tree Walk; nullopt when DNS failed temporarily.
    std::optional<QByteArray> organizationalDomain(const QByteArray& domain);

    enum class Existence
    {
        Exists,
        DoesNotExist, // RFC 9989 3.2.13: the DNS answers NXDOMAIN (RFC 8020)
        Unknown,      // a temporary failure
    };
    Existence domainExists(const QByteArray& domain);

    DiscoveredPolicy discoverRfc9989(const QByteArray& authorDomain);
    DiscoveredPolicy discoverRfc7489(const QByteArray& authorDomain);

    int queryCount() const { return m_queries; }

    // The names a Tree Walk asks for, in order (RFC 9989 4.10 steps 4-8): the domain, then its 7-label
    // suffix when it has 8 or more labels (else its parent), then one label less at a time to the TLD.
    static QList<QByteArray> walkTargets(const QByteArray& domain);

private:
    void choosePolicy(DiscoveredPolicy& discovered, const QByteArray& authorDomain, bool rfc9989);

    dns::Resolver& m_resolver;
    QHash<QByteArray, DmarcLookup> m_lookups;
    QHash<QByteArray, Existence> m_existence;
    int m_queries = 0;
};

} // namespace authlens::dmarc
