// SPDX-License-Identifier: GPL-3.0-or-later
#include "dns/DnsAnswer.h"
#include "dns/DnsRecord.h"
#include "dns/Resolver.h"

namespace authlens::dns {

QString recordTypeName(RecordType type)
{
    switch (type) {
    case RecordType::A:
        return QStringLiteral("A");
    case RecordType::CNAME:
        return QStringLiteral("CNAME");
    case RecordType::PTR:
        return QStringLiteral("PTR");
    case RecordType::MX:
        return QStringLiteral("MX");
    case RecordType::TXT:
        return QStringLiteral("TXT");
    case RecordType::AAAA:
        return QStringLiteral("AAAA");
    }
    return QStringLiteral("TYPE%1").arg(int(type));
}

QString dnssecStatusName(DnssecStatus status)
{
    switch (status) {
    case DnssecStatus::Unknown:
        return QStringLiteral("unknown");
    case DnssecStatus::Insecure:
        return QStringLiteral("insecure");
    case DnssecStatus::Secure:
        return QStringLiteral("secure");
    case DnssecStatus::Bogus:
        return QStringLiteral("bogus");
    }
    return {};
}

QString statusName(DnsAnswer::Status status)
{
    switch (status) {
    case DnsAnswer::Status::Ok:
        return QStringLiteral("ok");
    case DnsAnswer::Status::NoData:
        return QStringLiteral("nodata");
    case DnsAnswer::Status::NxDomain:
        return QStringLiteral("nxdomain");
    case DnsAnswer::Status::TempFail:
        return QStringLiteral("tempfail");
    case DnsAnswer::Status::Error:
        return QStringLiteral("error");
    }
    return {};
}

QByteArray DnsRecord::text() const
{
    QByteArray joined;
    for (const QByteArray& s : strings)
        joined += s;
    return joined;
}

QByteArray Resolver::normalizedName(QByteArrayView name)
{
    QByteArray out = name.toByteArray().toLower();
    while (out.endsWith('.'))
        out.chop(1);
    return out;
}

} // namespace authlens::dns
