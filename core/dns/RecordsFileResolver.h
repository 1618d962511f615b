// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dns/Resolver.h"
#include "dns/Zone.h"

#include <QStringList>

#include <memory>

namespace authlens::dns {

// Answers from a records file (see RecordsFileParser for the format), never from the network: the
// offline mode of the CLI and the conformance suites. Immutable after loading, so thread-safe.
class RecordsFileResolver : public Resolver
{
public:
    struct LoadResult
    {
        std::shared_ptr<RecordsFileResolver> resolver; // null when the file was refused
        QString error;                                 // "records.zone:12: bad IPv4 address \"1.2.3\""
        QStringList warnings;
        bool ok() const { return resolver != nullptr; }
    };

    // All or nothing: the first bad line refuses the file, and `error` names the file and line.
    static LoadResult fromFile(const QString& path);
    // The same from text in memory; `label` stands for the file name in errors and sources.
    static LoadResult fromText(QByteArrayView text, const QString& label = QStringLiteral("records"));

    explicit RecordsFileResolver(std::shared_ptr<const Zone> zone, DnsLimits limits = {});

    DnsAnswer query(const QByteArray& name, RecordType type) override;
    const Zone& zone() const { return *m_zone; }

    // CNAME chain and answer size bounds; set before the resolver is shared between threads.
    void setLimits(const DnsLimits& limits) { m_limits = limits; }
    const DnsLimits& limits() const { return m_limits; }

private:
    std::shared_ptr<const Zone> m_zone;
    DnsLimits m_limits;
};

} // namespace authlens::dns
