// SPDX-License-Identifier: GPL-3.0-or-later
// UnboundResolver against a real unbound serving a test zone on loopback.
#include "UnboundServer.h"

#include "dns/UnboundResolver.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace authlens::dns;

namespace {

QByteArray testZone()
{
    return "$ORIGIN authlens.test.\n"
           "$TTL 300\n"
           "@        IN SOA ns.authlens.test. hostmaster.authlens.test. 1 3600 600 86400 60\n"
           "@        IN NS  ns\n"
           "ns       IN A   127.0.0.1\n"
           "multi    IN TXT \"part one \" \"part two\"\n"
           "long     IN TXT \"" +
           QByteArray(255, 'a') + "\" \"" + QByteArray(100, 'b') +
           "\"\n"
           "escaped  IN TXT \"say \\\"hi\\\"\\059\"\n"
           "host     IN A   192.0.2.10\n"
           "host     IN A   192.0.2.11\n"
           "host     IN AAAA 2001:db8::10\n"
           "@        IN MX  10 mx1.authlens.test.\n"
           "@        IN MX  20 mx2.authlens.test.\n"
           "null     IN MX  0 .\n"
           "alias1   120 IN CNAME alias2\n"
           "alias2   IN CNAME multi\n"
           "dangling IN CNAME gone\n"
           "10.2.0.192.in-addr IN PTR host.authlens.test.\n";
}

} // namespace

class TestUnboundResolver : public QObject
{
    Q_OBJECT

    UnboundServer m_server;
    std::shared_ptr<UnboundResolver> m_resolver;

private slots:
    void initTestCase()
    {
        if (UnboundServer::executable().isEmpty())
            QSKIP("unbound is not installed (Debian package unbound)");
        const QString error = m_server.start({{"authlens.test.", testZone()}});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        UnboundResolver::Options options;
        options.mode = UnboundResolver::Mode::Forward;
        options.server = m_server.address();
        options.timeoutMs = 3000;
        auto created = UnboundResolver::create(options);
        QVERIFY2(created.ok(), qPrintable(created.error));
        m_resolver = created.resolver;
        QCOMPARE(m_resolver->description(), QStringLiteral("unbound via 127.0.0.1@%1").arg(m_server.port()));
    }

    void cleanupTestCase()
    {
        m_resolver.reset();
        m_server.stop();
    }

    void txtWithSeveralStrings()
    {
        const DnsAnswer answer = m_resolver->query("Multi.Authlens.Test.", RecordType::TXT);
        QCOMPARE(answer.status, DnsAnswer::Status::Ok);
        QCOMPARE(answer.name, QByteArray("multi.authlens.test"));
        QCOMPARE(answer.records.size(), size_t(1));
        QCOMPARE(answer.records[0].strings, (QList<QByteArray>{"part one ", "part two"}));
        QCOMPARE(answer.records[0].text(), QByteArray("part one part two"));
        QCOMPARE(answer.ttl, 300u);
        QVERIFY(answer.fetchedAtMs > 0);
        QCOMPARE(answer.source, m_resolver->description());
        QCOMPARE(answer.dnssec, DnssecStatus::Unknown);

        const DnsAnswer escaped = m_resolver->query("escaped.authlens.test", RecordType::TXT);
        QCOMPARE(escaped.records[0].text(), QByteArray("say \"hi\";"));
    }

    void txtLongerThan255()
    {
        const DnsAnswer answer = m_resolver->query("long.authlens.test", RecordType::TXT);
        QCOMPARE(answer.status, DnsAnswer::Status::Ok);
        QCOMPARE(answer.records[0].strings.size(), 2);
        QCOMPARE(answer.records[0].text(), QByteArray(255, 'a') + QByteArray(100, 'b'));
    }

    void addresses()
    {
        const DnsAnswer a = m_resolver->query("host.authlens.test", RecordType::A);
        QCOMPARE(a.status, DnsAnswer::Status::Ok);
        QCOMPARE(a.records.size(), size_t(2));
        QList<QHostAddress> got{a.records[0].address, a.records[1].address};
        QVERIFY(got.contains(QHostAddress(QStringLiteral("192.0.2.10"))));
        QVERIFY(got.contains(QHostAddress(QStringLiteral("192.0.2.11"))));
        const DnsAnswer aaaa = m_resolver->query("host.authlens.test", RecordType::AAAA);
        QCOMPARE(aaaa.status, DnsAnswer::Status::Ok);
        QCOMPARE(aaaa.records[0].address, QHostAddress(QStringLiteral("2001:db8::10")));
        const DnsAnswer ptr = m_resolver->query("10.2.0.192.in-addr.authlens.test", RecordType::PTR);
        QCOMPARE(ptr.status, DnsAnswer::Status::Ok);
        QCOMPARE(ptr.records[0].target, QByteArray("host.authlens.test"));
    }

    void mailExchangers()
    {
        const DnsAnswer mx = m_resolver->query("authlens.test", RecordType::MX);
        QCOMPARE(mx.status, DnsAnswer::Status::Ok);
        QCOMPARE(mx.records.size(), size_t(2));
        for (const DnsRecord& record : mx.records) {
            if (record.preference == 10)
                QCOMPARE(record.target, QByteArray("mx1.authlens.test"));
            else
                QCOMPARE(record.target, QByteArray("mx2.authlens.test"));
        }
        const DnsAnswer nullMx = m_resolver->query("null.authlens.test", RecordType::MX);
        QCOMPARE(nullMx.status, DnsAnswer::Status::Ok);
        QCOMPARE(nullMx.records[0].preference, std::uint16_t(0));
        QCOMPARE(nullMx.records[0].target, QByteArray());
    }

    void cnameChain()
    {
        const DnsAnswer answer = m_resolver->query("alias1.authlens.test", RecordType::TXT);
        QCOMPARE(answer.status, DnsAnswer::Status::Ok);
        QCOMPARE(answer.cnameChain, (QList<QByteArray>{"alias2.authlens.test", "multi.authlens.test"}));
        QCOMPARE(answer.records[0].text(), QByteArray("part one part two"));
        const DnsAnswer dangling = m_resolver->query("dangling.authlens.test", RecordType::TXT);
        QCOMPARE(dangling.status, DnsAnswer::Status::NxDomain);
        QCOMPARE(dangling.cnameChain, QList<QByteArray>{"gone.authlens.test"});
    }

    void nxdomainAndNodata()
    {
        const DnsAnswer nx = m_resolver->query("nothere.authlens.test", RecordType::TXT);
        QCOMPARE(nx.status, DnsAnswer::Status::NxDomain);
        QVERIFY(nx.records.empty());
        const DnsAnswer nodata = m_resolver->query("host.authlens.test", RecordType::TXT);
        QCOMPARE(nodata.status, DnsAnswer::Status::NoData);
        QVERIFY2(nodata.ttl > 0u && nodata.ttl <= 60u,
                 qPrintable(QString::number(nodata.ttl))); // SOA minimum (RFC 2308 5)
        QVERIFY2(nx.ttl > 0u && nx.ttl <= 60u, qPrintable(QString::number(nx.ttl)));
        const DnsAnswer bad = m_resolver->query("a..authlens.test", RecordType::TXT);
        QCOMPARE(bad.status, DnsAnswer::Status::Error);
    }

    void oversizedAnswersAreRefused()
    {
        UnboundResolver::Options options;
        options.mode = UnboundResolver::Mode::Forward;
        options.server = m_server.address();
        options.maxAnswerBytes = 300;
        auto small = UnboundResolver::create(options);
        QVERIFY(small.ok());
        const DnsAnswer answer = small.resolver->query("long.authlens.test", RecordType::TXT);
        QCOMPARE(answer.status, DnsAnswer::Status::Error);
        QVERIFY2(answer.error.startsWith(QStringLiteral("answer too large")), qPrintable(answer.error));
        QVERIFY(answer.records.empty());
        QCOMPARE(small.resolver->query("multi.authlens.test", RecordType::TXT).status, DnsAnswer::Status::Ok);

        options.maxAnswerBytes = 65536;
        options.maxRecords = 1;
        auto few = UnboundResolver::create(options);
        QVERIFY(few.ok());
        const DnsAnswer two = few.resolver->query("host.authlens.test", RecordType::A);
        QCOMPARE(two.status, DnsAnswer::Status::Error);
        QVERIFY2(two.error.startsWith(QStringLiteral("answer too large")), qPrintable(two.error));
    }

    void asyncAnswersOnAnotherThread()
    {
        QSemaphore done;
        DnsAnswer got;
        QThread* answeredOn = nullptr;
        m_resolver->queryAsync("multi.authlens.test", RecordType::TXT, [&](DnsAnswer answer) {
            got = std::move(answer);
            answeredOn = QThread::currentThread();
            done.release();
        });
        QVERIFY(done.tryAcquire(1, 5000));
        QCOMPARE(got.status, DnsAnswer::Status::Ok);
        QVERIFY(answeredOn != QThread::currentThread());
    }

    void manyThreadsAtOnce()
    {
        std::atomic<int> wrong{0};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back(QThread::create([this, &wrong, t] {
                for (int i = 0; i < 40; ++i) {
                    const bool txt = (i + t) % 2 == 0;
                    const DnsAnswer a = m_resolver->query(txt ? "multi.authlens.test" : "host.authlens.test",
                                                          txt ? RecordType::TXT : RecordType::AAAA);
                    if (a.status != DnsAnswer::Status::Ok || a.records.size() != 1)
                        ++wrong;
                }
            }));
            threads.back()->start();
        }
        for (auto& thread : threads)
            QVERIFY(thread->wait(30000));
        QCOMPARE(wrong.load(), 0);
    }

    void silentServerTimesOutOnTime()
    {
        // A socket that reads nothing and answers nothing: only our own deadline can end the wait.
        QUdpSocket blackHole;
        QVERIFY(blackHole.bind(QHostAddress::LocalHost, 0));
        UnboundResolver::Options options;
        options.mode = UnboundResolver::Mode::Forward;
        options.server = QStringLiteral("127.0.0.1:%1").arg(blackHole.localPort());
        options.timeoutMs = 1500;
        auto created = UnboundResolver::create(options);
        QVERIFY2(created.ok(), qPrintable(created.error));
        QElapsedTimer timer;
        timer.start();
        const DnsAnswer answer = created.resolver->query("multi.authlens.test", RecordType::TXT);
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(answer.status, DnsAnswer::Status::TempFail);
        qInfo("silent server: TempFail after %lld ms (timeout 1500 ms)", elapsed);
        QCOMPARE(answer.error, QStringLiteral("DNS timeout after 1.5 s"));
        QVERIFY2(elapsed >= 1400 && elapsed < 2500, qPrintable(QString::number(elapsed)));

        // Several at once all end on time too, and the resolver shuts down promptly afterwards.
        std::atomic<int> timeouts{0};
        QSemaphore finished;
        timer.restart();
        for (int i = 0; i < 5; ++i) {
            created.resolver->queryAsync("n" + QByteArray::number(i) + ".authlens.test", RecordType::A,
                                         [&](DnsAnswer a) {
                                             if (a.status == DnsAnswer::Status::TempFail)
                                                 ++timeouts;
                                             finished.release();
                                         });
        }
        QVERIFY(finished.tryAcquire(5, 4000));
        QCOMPARE(timeouts.load(), 5);
        QVERIFY(timer.elapsed() < 2500);
        created.resolver.reset();
        QVERIFY(timer.elapsed() < 4000);
    }

    void deadPortIsTempFailWithinTheTimeout()
    {
        UnboundResolver::Options options;
        options.mode = UnboundResolver::Mode::Forward;
        options.server = QStringLiteral("127.0.0.1:%1").arg(UnboundServer::freePort());
        options.timeoutMs = 1000;
        auto created = UnboundResolver::create(options);
        QVERIFY(created.ok());
        QElapsedTimer timer;
        timer.start();
        const DnsAnswer answer = created.resolver->query("multi.authlens.test", RecordType::TXT);
        qInfo("closed port: %s after %lld ms (timeout 1000 ms)", qPrintable(answer.error), timer.elapsed());
        QCOMPARE(answer.status, DnsAnswer::Status::TempFail);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }

    void badServerSpecsAreRefused()
    {
        QVERIFY(!UnboundResolver::parseServer(QStringLiteral("dns.example.com")).error.isEmpty());
        QVERIFY(!UnboundResolver::parseServer(QStringLiteral("127.0.0.1:0")).error.isEmpty());
        QVERIFY(!UnboundResolver::parseServer(QStringLiteral("127.0.0.1:99999")).error.isEmpty());
        QVERIFY(!UnboundResolver::parseServer(QStringLiteral("[::1")).error.isEmpty());
        QCOMPARE(UnboundResolver::parseServer(QStringLiteral("192.0.2.1")).unboundForm,
                 QStringLiteral("192.0.2.1@53"));
        QCOMPARE(UnboundResolver::parseServer(QStringLiteral("[2001:db8::1]:5300")).unboundForm,
                 QStringLiteral("2001:db8::1@5300"));
        QCOMPARE(UnboundResolver::parseServer(QStringLiteral("2001:db8::1")).unboundForm,
                 QStringLiteral("2001:db8::1@53"));
        UnboundResolver::Options options;
        options.mode = UnboundResolver::Mode::Forward;
        options.server = QStringLiteral("not an address");
        QVERIFY(!UnboundResolver::create(options).ok());
    }
};

QTEST_GUILESS_MAIN(TestUnboundResolver)
#include "tst_unbound_resolver.moc"
