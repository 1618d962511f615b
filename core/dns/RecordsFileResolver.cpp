// SPDX-License-Identifier: GPL-3.0-or-later
#include "dns/RecordsFileResolver.h"

#include "dns/RecordsFileParser.h"

#include <QDateTime>

namespace authlens::dns {

namespace {

RecordsFileResolver::LoadResult toLoadResult(RecordsFileParser::Result parsed)
{
    RecordsFileResolver::LoadResult result;
    result.error = parsed.error;
    result.warnings = parsed.warnings;
    if (parsed.ok())
        result.resolver = std::make_shared<RecordsFileResolver>(std::move(parsed.zone));
    return result;
}

} // namespace

RecordsFileResolver::LoadResult RecordsFileResolver::fromFile(const QString& path)
{
    return toLoadResult(RecordsFileParser::parseFile(path));
}

RecordsFileResolver::LoadResult RecordsFileResolver::fromText(QByteArrayView text, const QString& label)
{
    return toLoadResult(RecordsFileParser::parse(text, label));
}

RecordsFileResolver::RecordsFileResolver(std::shared_ptr<const Zone> zone, DnsLimits limits)
    : m_zone(zone ? std::move(zone) : std::make_shared<const Zone>())
    , m_limits(limits)
{}

DnsAnswer RecordsFileResolver::query(const QByteArray& name, RecordType type)
{
    return m_zone->lookup(name, type, QDateTime::currentMSecsSinceEpoch(), m_limits);
}

} // namespace authlens::dns
