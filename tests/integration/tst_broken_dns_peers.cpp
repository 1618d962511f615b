// SPDX-License-Identifier: GPL-3.0-or-later
// A DNS server that misbehaves, written here on loopback UDP and TCP: it never answers, answers with
// garbage, or answers truncated over UDP (TC bit) and then closes or stalls the TCP connection that
// follows. Pointed at it, UnboundResolver must give up within its configured timeout (plus slack),
// and DKIM and SPF must say temperror with a reason: a DNS failure is never a failed signature
// (RFC 6376 6.1.2) nor an SPF fail (RFC 7208 5: temperror).
#include "../unit/pipeline/ImportSamples.h"

#include "dkim/Verifier.h"
#include "dns/UnboundResolver.h"
#include "spf/Evaluator.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QNetworkDatagram>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QUdpSocket>

#include <atomic>

using namespace authlens;
using importsamples::Samples;

namespace {

constexpr int kTimeoutMs = 1500;
// Time allowed past the timeout: thread wake-ups on a loaded 2-core machine, never libunbound's own
// 17-24 s of retries.
constexpr int kSlackMs = 2500;

} // namespace

// Answers every query on one loopback port, UDP and TCP, the way a broken server would.
class BrokenDnsPeer : public QObject
{
    Q_OBJECT

public:
    enum class Behaviour
    {
        Silent,             // reads every query, answers none (UDP and TCP)
        Garbage,            // random bytes back, over UDP and TCP
        GarbageWithId,      // the query's ID and QR set, then a header that promises records never sent
        TruncatedThenClose, // UDP: header with TC=1 and no records; TCP: accepted, read, closed
        TruncatedThenStall, // UDP: TC=1; TCP: accepted and never answered
        Refused,            // a well-formed answer with RCODE 5 (REFUSED), over UDP and TCP
    };
    Q_ENUM(Behaviour)

    explicit BrokenDnsPeer(Behaviour behaviour)
        : m_behaviour(behaviour)
    {}

    std::atomic<int> udpQueries{0};
    std::atomic<int> tcpConnections{0};

    // Runs on the peer's thread: binds UDP and TCP on the same free port; 0 on failure.
    quint16 listen()
    {
        for (int attempt = 0; attempt < 20; ++attempt) {
            auto* udp = new QUdpSocket(this);
            if (!udp->bind(QHostAddress::LocalHost, 0)) {
                delete udp;
                continue;
            }
            auto* tcp = new QTcpServer(this);
            if (!tcp->listen(QHostAddress::LocalHost, udp->localPort())) {
                delete udp;
                delete tcp;
                continue;
            }
            connect(udp, &QUdpSocket::readyRead, this, [this, udp] { onDatagrams(udp); });
            connect(tcp, &QTcpServer::newConnection, this, [this, tcp] { onConnections(tcp); });
            return udp->localPort();
        }
        return 0;
    }

private:
    QByteArray garbage(int size)
    {
        QByteArray bytes(size, '\0');
        for (char& c : bytes)
            c = char(m_random.bounded(256));
        return bytes;
    }

    // RFC 1035 4.1.1: ID, then QR|Opcode|AA|TC|RD, RA|Z|RCODE, then the four counts.
    static QByteArray header(const QByteArray& query, bool truncated, quint16 answers)
    {
        QByteArray reply = query.left(12);
        if (reply.size() < 12)
            return reply;
        reply[2] = char((query[2] & 0x79) | 0x80 | (truncated ? 0x02 : 0x00)); // QR=1, opcode, RD kept
        reply[3] = char(0x80);                                                 // RA=1, RCODE 0
        reply[6] = char(answers >> 8);
        reply[7] = char(answers & 0xff);
        reply[8] = reply[9] = reply[10] = reply[11] = 0;
        return reply;
    }

    // The question section copied from the query, so the reply matches what was asked.
    static QByteArray question(const QByteArray& query)
    {
        qsizetype at = 12;
        while (at < query.size() && query[at] != 0)
            at += 1 + static_cast<unsigned char>(query[at]);
        return query.mid(12, at + 1 + 4 - 12);
    }

    QByteArray reply(const QByteArray& query, bool overTcp)
    {
        switch (m_behaviour) {
        case Behaviour::Silent:
            return {};
        case Behaviour::Garbage:
            return garbage(48 + m_random.bounded(200));
        case Behaviour::GarbageWithId:
            // QDCOUNT 1 and ANCOUNT 3 promised, then random bytes where the records should be.
            return header(query, false, 3).left(4) + QByteArray("\x00\x01\x00\x03\x00\x00\x00\x00", 8) +
                   garbage(30);
        case Behaviour::Refused: {
            QByteArray refused = header(query, false, 0);
            refused[3] = char(0x80 | 5);
            refused[5] = 1; // QDCOUNT 1
            return refused + question(query);
        }
        case Behaviour::TruncatedThenClose:
        case Behaviour::TruncatedThenStall:
            if (overTcp)
                return {};
            {
                QByteArray truncated = header(query, true, 0);
                truncated[5] = 1; // QDCOUNT 1
                return truncated + question(query);
            }
        }
        return {};
    }

    void onDatagrams(QUdpSocket* udp)
    {
        while (udp->hasPendingDatagrams()) {
            const QNetworkDatagram datagram = udp->receiveDatagram();
            ++udpQueries;
            const QByteArray answer = reply(datagram.data(), false);
            if (!answer.isEmpty())
                udp->writeDatagram(datagram.makeReply(answer));
        }
    }

    void onConnections(QTcpServer* server)
    {
        while (QTcpSocket* socket = server->nextPendingConnection()) {
            ++tcpConnections;
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                const QByteArray data = socket->readAll();
                if (m_behaviour == Behaviour::TruncatedThenClose) {
                    socket->close();
                    return;
                }
                // RFC 1035 4.2.2: over TCP each message has a two-octet length in front.
                const QByteArray answer = reply(data.mid(2), true);
                if (answer.isEmpty())
                    return;
                const quint16 length = quint16(answer.size());
                socket->write(QByteArray(1, char(length >> 8)) + char(length & 0xff) + answer);
            });
        }
    }

    Behaviour m_behaviour;
    QRandomGenerator m_random{20261123};
};

class TestBrokenDnsPeers : public QObject
{
    Q_OBJECT

    Samples m_samples;

    // The peer lives on its own thread: the resolver's lookups block the test thread.
    struct RunningPeer
    {
        QThread thread;
        BrokenDnsPeer* peer = nullptr;
        quint16 port = 0;

        explicit RunningPeer(BrokenDnsPeer::Behaviour behaviour)
        {
            peer = new BrokenDnsPeer(behaviour);
            peer->moveToThread(&thread);
            thread.start();
            QMetaObject::invokeMethod(
                peer, [this] { port = peer->listen(); }, Qt::BlockingQueuedConnection);
        }
        ~RunningPeer()
        {
            QMetaObject::invokeMethod(
                peer, [this] { delete peer; }, Qt::BlockingQueuedConnection);
            thread.quit();
            thread.wait();
        }
    };

    static std::shared_ptr<dns::UnboundResolver> resolverFor(quint16 port)
    {
        dns::UnboundResolver::Options options;
        options.mode = dns::UnboundResolver::Mode::Forward;
        options.server = QStringLiteral("127.0.0.1:%1").arg(port);
        options.timeoutMs = kTimeoutMs;
        auto created = dns::UnboundResolver::create(options);
        if (!created.ok())
            qWarning("%s", qPrintable(created.error));
        return created.resolver;
    }

    static void addRows()
    {
        QTest::addColumn<BrokenDnsPeer::Behaviour>("behaviour");
        QTest::newRow("never answers") << BrokenDnsPeer::Behaviour::Silent;
        QTest::newRow("answers garbage") << BrokenDnsPeer::Behaviour::Garbage;
        QTest::newRow("garbage after the right ID") << BrokenDnsPeer::Behaviour::GarbageWithId;
        QTest::newRow("truncated, then TCP closes") << BrokenDnsPeer::Behaviour::TruncatedThenClose;
        QTest::newRow("truncated, then TCP stalls") << BrokenDnsPeer::Behaviour::TruncatedThenStall;
        QTest::newRow("answers REFUSED") << BrokenDnsPeer::Behaviour::Refused;
    }

private slots:
    void initTestCase() { QVERIFY(m_samples.ok()); }

    void resolverGivesTempFailInTime_data() { addRows(); }
    void resolverGivesTempFailInTime()
    {
        QFETCH(BrokenDnsPeer::Behaviour, behaviour);
        RunningPeer running(behaviour);
        QVERIFY(running.port != 0);
        auto resolver = resolverFor(running.port);
        QVERIFY(resolver);
        QElapsedTimer clock;
        clock.start();
        const dns::DnsAnswer answer = resolver->query("sel._domainkey.example.com", dns::RecordType::TXT);
        const qint64 elapsed = clock.elapsed();
        qInfo("%s after %lld ms: %s", qPrintable(dns::statusName(answer.status)), elapsed,
              qPrintable(answer.error));
        QCOMPARE(answer.status, dns::DnsAnswer::Status::TempFail);
        QVERIFY2(!answer.error.isEmpty(), "a temporary failure must say why");
        QVERIFY2(elapsed < kTimeoutMs + kSlackMs, qPrintable(QString::number(elapsed)));
        QVERIFY2(running.peer->udpQueries > 0, "the resolver never asked the peer: the test proves nothing");
        if (behaviour == BrokenDnsPeer::Behaviour::TruncatedThenClose ||
            behaviour == BrokenDnsPeer::Behaviour::TruncatedThenStall)
            QVERIFY2(running.peer->tcpConnections > 0, "a truncated UDP answer must be retried over TCP");
    }

    void dkimSaysTempErrorInTime_data() { addRows(); }
    void dkimSaysTempErrorInTime()
    {
        QFETCH(BrokenDnsPeer::Behaviour, behaviour);
        RunningPeer running(behaviour);
        QVERIFY(running.port != 0);
        auto resolver = resolverFor(running.port);
        QVERIFY(resolver);
        const dkim::Verifier verifier(resolver);
        const mail::Message message = mail::Message::parse(m_samples.message(1, "peer"));
        QElapsedTimer clock;
        clock.start();
        const std::vector<dkim::Result> results = verifier.verify(message);
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(results.size(), size_t(1));
        const dkim::Result& result = results.front();
        qInfo("dkim=%s after %lld ms: %s", qPrintable(result.word()), elapsed, qPrintable(result.reason));
        QCOMPARE(result.word(), QStringLiteral("temperror"));
        QVERIFY2(result.reason.contains(QStringLiteral("sel._domainkey.example.com")),
                 qPrintable(result.reason));
        QCOMPARE(result.diagnostics.keyLookupStatus, QStringLiteral("tempfail"));
        QVERIFY2(elapsed < kTimeoutMs + kSlackMs, qPrintable(QString::number(elapsed)));
    }

    void spfSaysTempErrorInTime_data() { addRows(); }
    void spfSaysTempErrorInTime()
    {
        QFETCH(BrokenDnsPeer::Behaviour, behaviour);
        RunningPeer running(behaviour);
        QVERIFY(running.port != 0);
        auto resolver = resolverFor(running.port);
        QVERIFY(resolver);
        const spf::Evaluator evaluator(*resolver);
        QElapsedTimer clock;
        clock.start();
        const spf::Result result = evaluator.checkMailFrom(QHostAddress(QStringLiteral("192.0.2.10")),
                                                           "bounce@example.com", "mta1.example.com");
        const qint64 elapsed = clock.elapsed();
        qInfo("spf=%s after %lld ms: %s", qPrintable(result.word()), elapsed, qPrintable(result.reason));
        QCOMPARE(result.word(), QStringLiteral("temperror"));
        QVERIFY2(!result.reason.isEmpty(), "temperror must say why");
        QVERIFY2(elapsed < kTimeoutMs + kSlackMs, qPrintable(QString::number(elapsed)));
    }

    // Many lookups at once against a server that never answers: each still ends by its own deadline,
    // none waits behind the others.
    void concurrentLookupsAllEndInTime()
    {
        RunningPeer running(BrokenDnsPeer::Behaviour::Silent);
        QVERIFY(running.port != 0);
        auto resolver = resolverFor(running.port);
        QVERIFY(resolver);
        constexpr int kLookups = 40;
        std::atomic<int> answered{0};
        std::atomic<int> tempFails{0};
        QElapsedTimer clock;
        clock.start();
        for (int n = 0; n < kLookups; ++n) {
            resolver->queryAsync("s" + QByteArray::number(n) + "._domainkey.example.com",
                                 dns::RecordType::TXT, [&](dns::DnsAnswer answer) {
                                     if (answer.status == dns::DnsAnswer::Status::TempFail)
                                         ++tempFails;
                                     ++answered;
                                 });
        }
        QTRY_VERIFY_WITH_TIMEOUT(answered == kLookups, kTimeoutMs + kSlackMs);
        QCOMPARE(tempFails.load(), kLookups);
        QVERIFY2(clock.elapsed() < kTimeoutMs + kSlackMs, qPrintable(QString::number(clock.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestBrokenDnsPeers)
#include "tst_broken_dns_peers.moc"
