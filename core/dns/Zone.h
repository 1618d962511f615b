// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dns/DnsAnswer.h"
#include "dns/DnsLimits.h"
#include "dns/DnsRecord.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>

#include <vector>

namespace authlens::dns {

// DNS data held in memory, answered the way an authoritative server would: CNAMEs followed, NXDOMAIN
// for names it does not hold, NODATA for names that hold other types only. Filled once, then read:
// lookup() is const and safe from any number of threads as long as nobody adds records meanwhile.
//
// Every name that holds no record is NXDOMAIN, even the parents of names that do (no empty
// non-terminals): the conformance suites' records files are written with that meaning.
class Zone
{
public:
    // CNAME chains longer than this are an error, as in most resolvers (the default of DnsLimits).
    static constexpr int maxCnameHops = DnsLimits().maxCnameHops;
    static QString tempFailReason()
    {
        return QStringLiteral("temporary DNS failure (records file TEMPFAIL)");
    }

    // `owner` in any case, with or without the final dot; record.type says what it is.
    void add(QByteArrayView owner, const DnsRecord& record);
    // Every lookup of `name` (whatever the type) fails temporarily, as for SERVFAIL or a timeout.
    void addTempFail(QByteArrayView name);

    bool holds(QByteArrayView name) const;
    bool isTempFail(QByteArrayView name) const;
    // The records held at `name`, of all types, in the order they were added.
    const std::vector<DnsRecord>& recordsAt(QByteArrayView name) const;
    qsizetype recordCount() const { return m_recordCount; }
    qsizetype nameCount() const { return m_records.size(); }

    // Written into DnsAnswer::source, e.g. "records file /path/records.zone".
    void setSource(const QString& source) { m_source = source; }
    QString source() const { return m_source; }
    // The TTL of NXDOMAIN and NODATA answers (a records file has no SOA to take it from, RFC 2308 5).
    void setNegativeTtl(std::uint32_t seconds) { m_negativeTtl = seconds; }

    // fetchedAtMs is the current time.
    DnsAnswer lookup(QByteArrayView name, RecordType type) const;
    DnsAnswer lookup(QByteArrayView name, RecordType type, qint64 nowMs) const;
    // With other limits on the CNAME chain and on the size of the answer as a server would send it.
    DnsAnswer lookup(QByteArrayView name, RecordType type, qint64 nowMs, const DnsLimits& limits) const;
    // The size of the DNS message a server would send for this answer (question, CNAMEs and records,
    // without name compression): what DnsLimits::maxAnswerBytes is compared with.
    static qsizetype messageSize(const DnsAnswer& answer);

private:
    QHash<QByteArray, std::vector<DnsRecord>> m_records; // key: lowercase, no final dot
    QSet<QByteArray> m_tempFail;
    qsizetype m_recordCount = 0;
    QString m_source = QStringLiteral("zone");
    std::uint32_t m_negativeTtl = 300;
};

} // namespace authlens::dns
