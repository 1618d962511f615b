// SPDX-License-Identifier: GPL-3.0-or-later
#include "dns/CachingResolver.h"
#include "dns/Zone.h"

#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace authlens::dns;

namespace {

// Answers from a Zone, counting the questions, optionally holding each one until released.
class CountingResolver : public Resolver
{
public:
    explicit CountingResolver(std::shared_ptr<const Zone> zone)
        : m_zone(std::move(zone))
    {}

    DnsAnswer query(const QByteArray& name, RecordType type) override
    {
        ++calls;
        if (hold) {
            entered.release();
            release.acquire();
        }
        return m_zone->lookup(name, type, ++fakeFetchTime);
    }

    std::atomic<int> calls{0};
    std::atomic<qint64> fakeFetchTime{1000};
    bool hold = false;
    QSemaphore entered;
    QSemaphore release;

private:
    std::shared_ptr<const Zone> m_zone;
};

std::shared_ptr<Zone> testZone()
{
    auto zone = std::make_shared<Zone>();
    zone->setSource(QStringLiteral("records file t.zone"));
    zone->setNegativeTtl(3600);
    DnsRecord txt;
    txt.type = RecordType::TXT;
    txt.ttl = 60;
    txt.strings = {"v=spf1 -all"};
    zone->add("example.com", txt);
    zone->addTempFail("slow.example.com");
    for (int i = 0; i < 200; ++i) {
        txt.strings = {"n" + QByteArray::number(i)};
        zone->add("n" + QByteArray::number(i) + ".example", txt);
    }
    return zone;
}

} // namespace

class TestCachingResolver : public QObject
{
    Q_OBJECT

    std::atomic<qint64> m_now{1'700'000'000'000};

    CachingResolver::Options options()
    {
        CachingResolver::Options o;
        o.nowMs = [this] { return m_now.load(); };
        return o;
    }

private slots:
    void keepsPositiveAnswersForTheirTtl()
    {
        auto upstream = std::make_shared<CountingResolver>(testZone());
        CachingResolver cache(upstream, options());
        const DnsAnswer first = cache.query("Example.COM.", RecordType::TXT);
        QCOMPARE(first.status, DnsAnswer::Status::Ok);
        QVERIFY(!first.fromCache);
        QCOMPARE(upstream->calls.load(), 1);

        m_now += 59'000;
        const DnsAnswer second = cache.query("example.com", RecordType::TXT);
        QCOMPARE(upstream->calls.load(), 1);
        QVERIFY(second.fromCache);
        QCOMPARE(second.fetchedAtMs, first.fetchedAtMs);
        QCOMPARE(second.source, QStringLiteral("records file t.zone"));
        QCOMPARE(second.records[0].text(), QByteArray("v=spf1 -all"));
        QCOMPARE(second.ttl, 1u); // what is left of 60 s

        // A different type is a different question.
        QCOMPARE(cache.query("example.com", RecordType::MX).status, DnsAnswer::Status::NoData);
        QCOMPARE(upstream->calls.load(), 2);

        m_now += 1'000; // 60 s after: expired
        const DnsAnswer third = cache.query("example.com", RecordType::TXT);
        QVERIFY(!third.fromCache);
        QCOMPARE(upstream->calls.load(), 3);
        QVERIFY(third.fetchedAtMs != first.fetchedAtMs);
        QCOMPARE(cache.statistics().hits, quint64(1));
        QCOMPARE(cache.statistics().misses, quint64(3));
    }

    void capsNegativeCaching()
    {
        auto upstream = std::make_shared<CountingResolver>(testZone()); // negative TTL 3600 in the zone
        CachingResolver cache(upstream, options());
        QCOMPARE(cache.query("nothere.example.com", RecordType::TXT).status, DnsAnswer::Status::NxDomain);
        m_now += 299'000;
        const DnsAnswer cached = cache.query("nothere.example.com", RecordType::TXT);
        QVERIFY(cached.fromCache);
        QCOMPARE(cached.status, DnsAnswer::Status::NxDomain);
        QCOMPARE(upstream->calls.load(), 1);
        m_now += 1'000; // the 300 s cap, not the zone's 3600 s
        QVERIFY(!cache.query("nothere.example.com", RecordType::TXT).fromCache);
        QCOMPARE(upstream->calls.load(), 2);
    }

    void doesNotKeepTemporaryFailuresUnlessAsked()
    {
        auto upstream = std::make_shared<CountingResolver>(testZone());
        CachingResolver cache(upstream, options());
        QCOMPARE(cache.query("slow.example.com", RecordType::TXT).status, DnsAnswer::Status::TempFail);
        QCOMPARE(cache.query("slow.example.com", RecordType::TXT).status, DnsAnswer::Status::TempFail);
        QCOMPARE(upstream->calls.load(), 2);

        auto o = options();
        o.failureTtl = 5;
        CachingResolver brief(upstream, o);
        brief.query("slow.example.com", RecordType::TXT);
        QVERIFY(brief.query("slow.example.com", RecordType::TXT).fromCache);
        m_now += 5'000;
        QVERIFY(!brief.query("slow.example.com", RecordType::TXT).fromCache);
    }

    void boundsTheNumberOfEntriesDroppingTheLeastRecentlyUsed()
    {
        auto upstream = std::make_shared<CountingResolver>(testZone());
        auto o = options();
        o.maxEntries = 3;
        CachingResolver cache(upstream, o);
        cache.query("n0.example", RecordType::TXT);
        cache.query("n1.example", RecordType::TXT);
        cache.query("n2.example", RecordType::TXT);
        QVERIFY(cache.query("n0.example", RecordType::TXT).fromCache); // n0 now most recent
        cache.query("n3.example", RecordType::TXT);                    // evicts n1
        QCOMPARE(cache.statistics().entries, std::size_t(3));
        QVERIFY(cache.query("n0.example", RecordType::TXT).fromCache);
        QVERIFY(cache.query("n2.example", RecordType::TXT).fromCache);
        QVERIFY(!cache.query("n1.example", RecordType::TXT).fromCache);
        cache.clear();
        QCOMPARE(cache.statistics().entries, std::size_t(0));
    }

    void coalescesIdenticalQuestionsInFlight()
    {
        auto upstream = std::make_shared<CountingResolver>(testZone());
        upstream->hold = true;
        CachingResolver cache(upstream, options());
        std::vector<DnsAnswer> answers(4);
        std::vector<std::unique_ptr<QThread>> threads;
        for (int i = 0; i < 4; ++i) {
            threads.emplace_back(QThread::create(
                [&cache, &answers, i] { answers[i] = cache.query("example.com", RecordType::TXT); }));
            threads.back()->start();
        }
        QVERIFY(upstream->entered.tryAcquire(1, 5000));
        // Give the other three time to find the question in flight.
        QTRY_COMPARE_WITH_TIMEOUT(cache.statistics().coalesced, quint64(3), 5000);
        upstream->release.release(4);
        for (auto& thread : threads)
            QVERIFY(thread->wait(5000));
        QCOMPARE(upstream->calls.load(), 1);
        for (const DnsAnswer& answer : answers)
            QCOMPARE(answer.records[0].text(), QByteArray("v=spf1 -all"));
    }

    void asyncUsesTheCacheToo()
    {
        auto upstream = std::make_shared<CountingResolver>(testZone());
        CachingResolver cache(upstream, options());
        DnsAnswer got;
        cache.queryAsync("example.com", RecordType::TXT, [&got](DnsAnswer a) { got = std::move(a); });
        QCOMPARE(got.status, DnsAnswer::Status::Ok);
        QVERIFY(!got.fromCache);
        cache.queryAsync("example.com", RecordType::TXT, [&got](DnsAnswer a) { got = std::move(a); });
        QVERIFY(got.fromCache);
        QCOMPARE(upstream->calls.load(), 1);
    }

    void manyThreadsHammeringStayConsistent()
    {
        auto upstream = std::make_shared<CountingResolver>(testZone());
        auto o = options();
        o.maxEntries = 50; // constant eviction under contention
        CachingResolver cache(upstream, o);
        std::atomic<int> wrong{0};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back(QThread::create([&cache, &wrong, t, this] {
                for (int i = 0; i < 4000; ++i) {
                    const int n = (i * 7 + t * 13) % 200;
                    const DnsAnswer a =
                        cache.query("n" + QByteArray::number(n) + ".example", RecordType::TXT);
                    if (a.status != DnsAnswer::Status::Ok || a.records.size() != 1 ||
                        a.records[0].text() != "n" + QByteArray::number(n))
                        ++wrong;
                    if (i % 1000 == 0)
                        m_now += 1'000;
                }
            }));
            threads.back()->start();
        }
        for (auto& thread : threads)
            QVERIFY(thread->wait(60000));
        QCOMPARE(wrong.load(), 0);
        const auto stats = cache.statistics();
        QVERIFY(stats.entries <= 50);
        QCOMPARE(stats.hits + stats.misses + stats.coalesced, quint64(8 * 4000));
        QCOMPARE(quint64(upstream->calls.load()), stats.misses);
    }
};

QTEST_GUILESS_MAIN(TestCachingResolver)
#include "tst_caching_resolver.moc"
