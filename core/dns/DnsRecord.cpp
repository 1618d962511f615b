// SPDX-License-Identifier: GPL-3.0-or-later
#include "dns/DnsRecord.h"
#include "dns/DnsAnswer.h"

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

std::optional<RecordType> recordTypeFromName(QByteArrayView name)
{
    const QByteArray upper = name.toByteArray().toUpper();
    for (RecordType type : {RecordType::A, RecordType::CNAME, RecordType::PTR, RecordType::MX,
                            RecordType::TXT, RecordType::AAAA}) {
        if (recordTypeName(type).toLatin1() == upper)
            return type;
    }
    return std::nullopt;
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

} // namespace authlens::dns
