// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dns/Resolver.h"

#include <QByteArray>
#include <QHash>

#include <functional>
#include <future>
#include <list>
#include <memory>
#include <mutex>
#include <optional>

namespace authlens::dns {

// A cache in front of another Resolver, shared by every thread of an import: a million messages from a
// few hundred domains ask the same few hundred questions.
//
// - Answers with records are kept for their TTL (capped by maxPositiveTtl).
// - NXDOMAIN and NODATA are kept for their negative TTL, capped by maxNegativeTtl (RFC 2308 5).
// - TempFail and Error are kept for failureTtl seconds (default 0: not kept), so a server that is back
//   is asked again at once.
// - Identical questions asked while the first is on its way wait for that answer instead of asking again.
// - At most maxEntries answers; the least recently used goes first.
// An answer from the cache keeps the original fetchedAtMs and source, has fromCache set, and its ttl is
// what is left of the original.
class CachingResolver : public Resolver
{
public:
    struct Options
    {
        std::size_t maxEntries = 50000;
        std::uint32_t maxPositiveTtl = 86400;
        std::uint32_t maxNegativeTtl = 300;
        std::uint32_t failureTtl = 0;
        std::function<qint64()> nowMs; // Unix milliseconds; empty: the system clock (tests inject one)
    };

    struct Statistics
    {
        quint64 hits = 0;
        quint64 misses = 0;    // asked upstream
        quint64 coalesced = 0; // waited for an identical question already on its way
        std::size_t entries = 0;
    };

    explicit CachingResolver(std::shared_ptr<Resolver> upstream);
    CachingResolver(std::shared_ptr<Resolver> upstream, Options options);

    DnsAnswer query(const QByteArray& name, RecordType type) override;
    // Answers from the cache on the calling thread; otherwise asks upstream->queryAsync and runs `done`
    // on the thread the upstream resolver chooses. This object must outlive the queries it started.
    void queryAsync(const QByteArray& name, RecordType type, std::function<void(DnsAnswer)> done) override;

    void clear();
    Statistics statistics() const;
    Resolver& upstream() const { return *m_upstream; }

private:
    struct Entry
    {
        DnsAnswer answer;
        qint64 storedAtMs = 0;
        qint64 expiresAtMs = 0;
        std::list<QByteArray>::iterator recency;
    };

    qint64 now() const;
    static QByteArray keyOf(const QByteArray& normalized, RecordType type);
    // Under m_mutex: the live entry for `key` as a cache answer, or nullopt (expired ones are dropped).
    std::optional<DnsAnswer> findLocked(const QByteArray& key, qint64 nowMs);
    void storeLocked(const QByteArray& key, const DnsAnswer& answer, qint64 nowMs);
    std::uint32_t keepSeconds(const DnsAnswer& answer) const;

    std::shared_ptr<Resolver> m_upstream;
    Options m_options;
    mutable std::mutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
    std::list<QByteArray> m_recency; // front: most recently used
    QHash<QByteArray, std::shared_future<DnsAnswer>> m_inFlight;
    quint64 m_hits = 0;
    quint64 m_misses = 0;
    quint64 m_coalesced = 0;
};

} // namespace authlens::dns
