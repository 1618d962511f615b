// SPDX-License-Identifier: GPL-3.0-or-later
#include "dns/CachingResolver.h"

#include <QDateTime>

#include <algorithm>

namespace authlens::dns {

CachingResolver::CachingResolver(std::shared_ptr<Resolver> upstream)
    : CachingResolver(std::move(upstream), Options{})
{}

CachingResolver::CachingResolver(std::shared_ptr<Resolver> upstream, Options options)
    : m_upstream(std::move(upstream))
    , m_options(std::move(options))
{
    m_options.maxEntries = std::max<std::size_t>(m_options.maxEntries, 1);
}

qint64 CachingResolver::now() const
{
    return m_options.nowMs ? m_options.nowMs() : QDateTime::currentMSecsSinceEpoch();
}

QByteArray CachingResolver::keyOf(const QByteArray& normalized, RecordType type)
{
    return QByteArray::number(int(type)) + ' ' + normalized;
}

std::uint32_t CachingResolver::keepSeconds(const DnsAnswer& answer) const
{
    switch (answer.status) {
    case DnsAnswer::Status::Ok:
        return std::min(answer.ttl, m_options.maxPositiveTtl);
    case DnsAnswer::Status::NoData:
    case DnsAnswer::Status::NxDomain:
        // RFC 2308 5: negative answers are cached for the SOA minimum, and a cap keeps a typo'd record
        // that has since been published from staying invisible for long.
        return std::min(answer.ttl, m_options.maxNegativeTtl);
    case DnsAnswer::Status::TempFail:
    case DnsAnswer::Status::Error:
        return m_options.failureTtl;
    }
    return 0;
}

std::optional<DnsAnswer> CachingResolver::findLocked(const QByteArray& key, qint64 nowMs)
{
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return std::nullopt;
    if (nowMs >= it->expiresAtMs || nowMs < it->storedAtMs) { // the clock went back: do not trust it
        m_recency.erase(it->recency);
        m_entries.erase(it);
        return std::nullopt;
    }
    m_recency.splice(m_recency.begin(), m_recency, it->recency);
    DnsAnswer answer = it->answer;
    answer.fromCache = true;
    // As a caching server does: the TTL that is left (RFC 1035 7.4).
    answer.ttl = std::uint32_t((it->expiresAtMs - nowMs + 999) / 1000);
    return answer;
}

void CachingResolver::storeLocked(const QByteArray& key, const DnsAnswer& answer, qint64 nowMs)
{
    const std::uint32_t seconds = keepSeconds(answer);
    if (seconds == 0)
        return;
    if (const auto it = m_entries.find(key); it != m_entries.end()) {
        m_recency.erase(it->recency);
        m_entries.erase(it);
    }
    while (m_entries.size() >= qsizetype(m_options.maxEntries) && !m_recency.empty()) {
        m_entries.remove(m_recency.back());
        m_recency.pop_back();
    }
    m_recency.push_front(key);
    Entry entry;
    entry.answer = answer;
    entry.storedAtMs = nowMs;
    entry.expiresAtMs = nowMs + qint64(seconds) * 1000;
    entry.recency = m_recency.begin();
    m_entries.insert(key, std::move(entry));
}

DnsAnswer CachingResolver::query(const QByteArray& name, RecordType type)
{
    const QByteArray normalized = normalizedName(name);
    const QByteArray key = keyOf(normalized, type);
    std::shared_future<DnsAnswer> waitFor;
    std::promise<DnsAnswer> promise;
    {
        std::lock_guard lock(m_mutex);
        if (auto cached = findLocked(key, now())) {
            ++m_hits;
            return *cached;
        }
        if (const auto it = m_inFlight.constFind(key); it != m_inFlight.cend()) {
            ++m_coalesced;
            waitFor = *it;
        } else {
            ++m_misses;
            m_inFlight.insert(key, promise.get_future().share());
        }
    }
    if (waitFor.valid())
        return waitFor.get();

    DnsAnswer answer;
    try {
        answer = m_upstream->query(name, type);
    } catch (...) { // errors are values here: a throwing resolver must not leave the waiters hanging
        answer.name = normalized;
        answer.type = type;
        answer.status = DnsAnswer::Status::Error;
        answer.error = QStringLiteral("resolver failed unexpectedly");
    }
    {
        std::lock_guard lock(m_mutex);
        storeLocked(key, answer, now());
        m_inFlight.remove(key);
    }
    promise.set_value(answer);
    return answer;
}

void CachingResolver::queryAsync(const QByteArray& name, RecordType type, std::function<void(DnsAnswer)> done)
{
    const QByteArray key = keyOf(normalizedName(name), type);
    std::optional<DnsAnswer> cached;
    {
        std::lock_guard lock(m_mutex);
        cached = findLocked(key, now());
        ++(cached ? m_hits : m_misses);
    }
    if (cached) {
        done(std::move(*cached));
        return;
    }
    // Not coalesced with queries in flight: an asynchronous caller must never be made to wait here.
    m_upstream->queryAsync(name, type, [this, key, done = std::move(done)](DnsAnswer answer) {
        {
            std::lock_guard lock(m_mutex);
            storeLocked(key, answer, now());
        }
        done(std::move(answer));
    });
}

void CachingResolver::clear()
{
    std::lock_guard lock(m_mutex);
    m_entries.clear();
    m_recency.clear();
}

CachingResolver::Statistics CachingResolver::statistics() const
{
    std::lock_guard lock(m_mutex);
    return Statistics{m_hits, m_misses, m_coalesced, std::size_t(m_entries.size())};
}

} // namespace authlens::dns
