// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dns/DnsRecord.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

namespace authlens::dns {

// The outcome of one query, kept whole so a verdict can be explained later: where the answer came
// from, through which CNAMEs, how long it may be cached, whether DNSSEC vouched for it.
struct DnsAnswer
{
    enum class Status
    {
        Ok,       // NOERROR with at least one record of the asked type
        NoData,   // NOERROR, the name exists, no record of this type
        NxDomain, // the name does not exist
        TempFail, // SERVFAIL, timeout, network error: may work later (temperror, never fail)
        Error,    // malformed or oversized answer, refused, bad name: will not work as asked
    };

    QByteArray name; // as asked, lowercase, no final dot
    RecordType type = RecordType::TXT;
    Status status = Status::TempFail;
    QString error;                  // a plain reason when status is TempFail or Error
    std::vector<DnsRecord> records; // of the asked type only, in answer order
    QList<QByteArray> cnameChain;   // names followed, in order, after `name`
    DnssecStatus dnssec = DnssecStatus::Unknown;
    std::uint32_t ttl = 0;  // the smallest TTL of the records, or the negative TTL
    qint64 fetchedAtMs = 0; // Unix time in milliseconds when the answer arrived
    QString source;         // "records file /path", "unbound via 127.0.0.1@53": who answered first
    bool fromCache = false; // served by CachingResolver; fetchedAtMs and source stay the original's

    bool ok() const { return status == Status::Ok; }
    // NXDOMAIN or NODATA: the question was answered and there is nothing (RFC 7208 4.3 "void").
    bool isEmpty() const { return status == Status::NxDomain || status == Status::NoData; }
    bool isTemporary() const { return status == Status::TempFail; }
};

QString statusName(DnsAnswer::Status status);

} // namespace authlens::dns
