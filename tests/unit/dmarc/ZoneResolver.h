// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A test-local Resolver over an in-memory zone: records added by hand or read from a records.zone file
// (../shared/conformance README section 2: one RR per line, "; TEMPFAIL name." = temporary failure).
// A name not listed is NXDOMAIN, a listed name without the asked type NODATA. Counts queries.

#include "dns/Resolver.h"

#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QSet>

#include <atomic>

namespace authlens::dmarc::test {

class ZoneResolver : public dns::Resolver
{
public:
    void addTxt(const QByteArray& name, const QByteArray& text)
    {
        dns::DnsRecord record;
        record.type = dns::RecordType::TXT;
        record.strings = {text};
        m_records[normalizedName(name)].push_back(record);
    }
    void addA(const QByteArray& name, const QByteArray& address)
    {
        dns::DnsRecord record;
        record.type = dns::RecordType::A;
        record.address = QHostAddress(QString::fromLatin1(address));
        m_records[normalizedName(name)].push_back(record);
    }
    void addTempFail(const QByteArray& name) { m_tempFail.insert(normalizedName(name)); }

    bool loadZoneFile(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return false;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.startsWith("; TEMPFAIL ")) {
                addTempFail(line.mid(11).trimmed());
                continue;
            }
            if (line.isEmpty() || line.startsWith(';'))
                continue;
            // name ttl class type rdata
            const QList<QByteArray> head = line.simplified().split(' ');
            if (head.size() < 5)
                continue;
            const QByteArray name = normalizedName(head[0]);
            const QByteArray type = head[3].toUpper();
            qsizetype rdataStart = 0;
            for (int field = 0; field < 4; ++field) {
                while (rdataStart < line.size() && (line[rdataStart] == ' ' || line[rdataStart] == '\t'))
                    ++rdataStart;
                while (rdataStart < line.size() && line[rdataStart] != ' ' && line[rdataStart] != '\t')
                    ++rdataStart;
            }
            const QByteArray rdata = line.mid(rdataStart).trimmed();
            dns::DnsRecord record;
            if (type == "TXT") {
                record.type = dns::RecordType::TXT;
                record.strings = txtStrings(rdata);
            } else if (type == "A" || type == "AAAA") {
                record.type = type == "A" ? dns::RecordType::A : dns::RecordType::AAAA;
                record.address = QHostAddress(QString::fromLatin1(rdata));
            } else if (type == "MX") {
                record.type = dns::RecordType::MX;
                const QList<QByteArray> parts = rdata.split(' ');
                record.preference = quint16(parts.value(0).toUInt());
                record.target = normalizedName(parts.value(1));
            } else if (type == "CNAME") {
                record.type = dns::RecordType::CNAME;
                record.target = normalizedName(rdata);
            } else {
                continue;
            }
            m_records[name].push_back(record);
        }
        return true;
    }

    dns::DnsAnswer query(const QByteArray& name, dns::RecordType type) override
    {
        ++m_queries;
        dns::DnsAnswer answer;
        answer.name = normalizedName(name);
        answer.type = type;
        answer.source = QStringLiteral("test zone");
        if (m_tempFail.contains(answer.name)) {
            answer.status = dns::DnsAnswer::Status::TempFail;
            answer.error = QStringLiteral("simulated timeout");
            return answer;
        }
        const auto it = m_records.constFind(answer.name);
        if (it == m_records.constEnd()) {
            answer.status = dns::DnsAnswer::Status::NxDomain;
            return answer;
        }
        for (const dns::DnsRecord& record : *it) {
            if (record.type == type)
                answer.records.push_back(record);
        }
        answer.status = answer.records.empty() ? dns::DnsAnswer::Status::NoData : dns::DnsAnswer::Status::Ok;
        return answer;
    }

    int queries() const { return m_queries; }

private:
    static QList<QByteArray> txtStrings(const QByteArray& rdata)
    {
        QList<QByteArray> strings;
        qsizetype i = 0;
        while (i < rdata.size()) {
            if (rdata[i] != '"') {
                ++i;
                continue;
            }
            QByteArray current;
            ++i;
            while (i < rdata.size() && rdata[i] != '"') {
                if (rdata[i] == '\\' && i + 1 < rdata.size()) {
                    current.append(rdata[i + 1]);
                    i += 2;
                    continue;
                }
                current.append(rdata[i++]);
            }
            ++i;
            strings.append(current);
        }
        return strings;
    }

    QHash<QByteArray, std::vector<dns::DnsRecord>> m_records;
    QSet<QByteArray> m_tempFail;
    std::atomic<int> m_queries{0};
};

} // namespace authlens::dmarc::test
