// SPDX-License-Identifier: GPL-3.0-or-later
#include "dns/Zone.h"

#include "dns/Resolver.h"

#include <QDateTime>

#include <algorithm>
#include <limits>

namespace authlens::dns {

void Zone::add(QByteArrayView owner, const DnsRecord& record)
{
    m_records[Resolver::normalizedName(owner)].push_back(record);
    ++m_recordCount;
}

void Zone::addTempFail(QByteArrayView name)
{
    m_tempFail.insert(Resolver::normalizedName(name));
}

bool Zone::holds(QByteArrayView name) const
{
    return m_records.contains(Resolver::normalizedName(name));
}

bool Zone::isTempFail(QByteArrayView name) const
{
    return m_tempFail.contains(Resolver::normalizedName(name));
}

const std::vector<DnsRecord>& Zone::recordsAt(QByteArrayView name) const
{
    static const std::vector<DnsRecord> none;
    const auto it = m_records.constFind(Resolver::normalizedName(name));
    return it == m_records.cend() ? none : *it;
}

DnsAnswer Zone::lookup(QByteArrayView name, RecordType type) const
{
    return lookup(name, type, QDateTime::currentMSecsSinceEpoch());
}

DnsAnswer Zone::lookup(QByteArrayView name, RecordType type, qint64 nowMs) const
{
    return lookup(name, type, nowMs, DnsLimits());
}

qsizetype Zone::messageSize(const DnsAnswer& answer)
{
    // RFC 1035 4.1: a 12-octet header; a name is its labels with a length octet each plus the root.
    const auto nameSize = [](const QByteArray& name) { return name.isEmpty() ? 1 : name.size() + 2; };
    constexpr qsizetype kFixed = 10; // type, class, TTL, RDLENGTH of a resource record
    qsizetype size = 12 + nameSize(answer.name) + 4;
    QByteArray owner = answer.name;
    for (const QByteArray& target : answer.cnameChain) {
        size += nameSize(owner) + kFixed + nameSize(target);
        owner = target;
    }
    for (const DnsRecord& record : answer.records) {
        size += nameSize(owner) + kFixed;
        switch (record.type) {
        case RecordType::A:
            size += 4;
            break;
        case RecordType::AAAA:
            size += 16;
            break;
        case RecordType::MX:
            size += 2 + nameSize(record.target);
            break;
        case RecordType::CNAME:
        case RecordType::PTR:
            size += nameSize(record.target);
            break;
        case RecordType::TXT:
            for (const QByteArray& string : record.strings)
                size += 1 + string.size();
            break;
        }
    }
    return size;
}

DnsAnswer Zone::lookup(QByteArrayView name, RecordType type, qint64 nowMs, const DnsLimits& limits) const
{
    DnsAnswer answer;
    answer.name = Resolver::normalizedName(name);
    answer.type = type;
    answer.source = m_source;
    answer.fetchedAtMs = nowMs;
    answer.dnssec = DnssecStatus::Unknown;
    if (const QString error = Resolver::nameError(name); !error.isEmpty()) {
        answer.status = DnsAnswer::Status::Error;
        answer.error = error;
        return answer;
    }

    std::uint32_t chainTtl = std::numeric_limits<std::uint32_t>::max();
    QByteArray current = answer.name;
    for (;;) {
        if (m_tempFail.contains(current)) {
            answer.status = DnsAnswer::Status::TempFail;
            answer.error = tempFailReason();
            answer.ttl = 0;
            return answer;
        }
        const auto it = m_records.constFind(current);
        if (it == m_records.cend()) {
            // RFC 6604 3: after a CNAME the status is the last name's.
            answer.status = DnsAnswer::Status::NxDomain;
            answer.ttl = std::min(chainTtl, m_negativeTtl);
            return answer;
        }
        const DnsRecord* cname = nullptr;
        for (const DnsRecord& record : *it) {
            if (record.type == type)
                answer.records.push_back(record);
            else if (record.type == RecordType::CNAME && !cname)
                cname = &record;
        }
        if (!answer.records.empty()) {
            if (const qsizetype size = messageSize(answer); size > limits.maxAnswerBytes) {
                answer.records.clear();
                answer.status = DnsAnswer::Status::Error;
                answer.error =
                    QStringLiteral("answer too large: %1 octets, over the dns-answer-size limit of "
                                   "%2 octets")
                        .arg(size)
                        .arg(limits.maxAnswerBytes);
                return answer;
            }
            std::uint32_t ttl = chainTtl;
            for (const DnsRecord& record : answer.records)
                ttl = std::min(ttl, record.ttl);
            answer.status = DnsAnswer::Status::Ok;
            answer.ttl = ttl;
            return answer;
        }
        if (!cname) {
            answer.status = DnsAnswer::Status::NoData;
            answer.ttl = std::min(chainTtl, m_negativeTtl);
            return answer;
        }
        // RFC 1034 3.6.2: restart the query at the canonical name.
        const QByteArray target = Resolver::normalizedName(cname->target);
        if (target == answer.name || answer.cnameChain.contains(target)) {
            answer.status = DnsAnswer::Status::Error;
            answer.error = QStringLiteral("CNAME loop: %1 points back to %2")
                               .arg(QString::fromLatin1(current), QString::fromLatin1(target));
            return answer;
        }
        if (answer.cnameChain.size() >= limits.maxCnameHops) {
            answer.status = DnsAnswer::Status::Error;
            answer.error = QStringLiteral("CNAME chain longer than %1 names (the cname-chain limit), at %2")
                               .arg(limits.maxCnameHops)
                               .arg(QString::fromLatin1(target));
            return answer;
        }
        answer.cnameChain.append(target);
        chainTtl = std::min(chainTtl, cname->ttl);
        current = target;
    }
}

} // namespace authlens::dns
