// SPDX-License-Identifier: GPL-3.0-or-later
#include "dns/Zone.h"

#include <QTest>

using namespace authlens::dns;

namespace {

DnsRecord txt(const QByteArray& text, std::uint32_t ttl = 300)
{
    DnsRecord record;
    record.type = RecordType::TXT;
    record.ttl = ttl;
    record.strings = {text};
    return record;
}

DnsRecord cname(const QByteArray& target, std::uint32_t ttl = 300)
{
    DnsRecord record;
    record.type = RecordType::CNAME;
    record.ttl = ttl;
    record.target = target;
    return record;
}

} // namespace

class TestZone : public QObject
{
    Q_OBJECT
private slots:
    void answersCaseInsensitivelyWithAndWithoutFinalDot()
    {
        Zone zone;
        zone.setSource(QStringLiteral("test zone"));
        zone.add("Sel._DomainKey.Example.COM.", txt("v=DKIM1; p=abc", 120));
        const DnsAnswer answer = zone.lookup("sel._domainkey.example.com", RecordType::TXT, 42);
        QCOMPARE(answer.status, DnsAnswer::Status::Ok);
        QCOMPARE(answer.name, QByteArray("sel._domainkey.example.com"));
        QCOMPARE(answer.records.size(), size_t(1));
        QCOMPARE(answer.records[0].text(), QByteArray("v=DKIM1; p=abc"));
        QCOMPARE(answer.ttl, 120u);
        QCOMPARE(answer.fetchedAtMs, qint64(42));
        QCOMPARE(answer.source, QStringLiteral("test zone"));
        QCOMPARE(answer.dnssec, DnssecStatus::Unknown);
        QVERIFY(!answer.fromCache);
        QCOMPARE(zone.lookup("SEL._domainkey.example.com.", RecordType::TXT).status, DnsAnswer::Status::Ok);
    }

    void nxdomainAndNodataDiffer()
    {
        Zone zone;
        zone.add("example.com", txt("v=spf1 -all"));
        const DnsAnswer nodata = zone.lookup("example.com", RecordType::MX);
        QCOMPARE(nodata.status, DnsAnswer::Status::NoData);
        QVERIFY(nodata.isEmpty());
        QVERIFY(nodata.records.empty());
        QCOMPARE(nodata.ttl, 300u);
        const DnsAnswer nx = zone.lookup("nothere.example.com", RecordType::TXT);
        QCOMPARE(nx.status, DnsAnswer::Status::NxDomain);
        // No empty non-terminals: a parent of a held name is NXDOMAIN like any other unlisted name.
        zone.add("a.b.example.org", txt("x"));
        QCOMPARE(zone.lookup("b.example.org", RecordType::TXT).status, DnsAnswer::Status::NxDomain);
    }

    void returnsOnlyTheAskedTypeInOrder()
    {
        Zone zone;
        DnsRecord a;
        a.type = RecordType::A;
        a.address = QHostAddress(QStringLiteral("192.0.2.1"));
        a.ttl = 60;
        zone.add("example.com", txt("one", 100));
        zone.add("example.com", a);
        zone.add("example.com", txt("two", 30));
        const DnsAnswer answer = zone.lookup("example.com", RecordType::TXT);
        QCOMPARE(answer.records.size(), size_t(2));
        QCOMPARE(answer.records[0].text(), QByteArray("one"));
        QCOMPARE(answer.records[1].text(), QByteArray("two"));
        QCOMPARE(answer.ttl, 30u);
        const DnsAnswer addresses = zone.lookup("example.com", RecordType::A);
        QCOMPARE(addresses.records.size(), size_t(1));
        QCOMPARE(addresses.records[0].address, QHostAddress(QStringLiteral("192.0.2.1")));
    }

    void followsCnameChainRecordingIt()
    {
        Zone zone;
        zone.add("alias.example.com", cname("Middle.example.net", 50));
        zone.add("middle.example.net", cname("key.example.org.", 400));
        zone.add("key.example.org", txt("v=DKIM1; p=xyz", 200));
        const DnsAnswer answer = zone.lookup("alias.example.com", RecordType::TXT);
        QCOMPARE(answer.status, DnsAnswer::Status::Ok);
        QCOMPARE(answer.cnameChain, (QList<QByteArray>{"middle.example.net", "key.example.org"}));
        QCOMPARE(answer.records.size(), size_t(1));
        QCOMPARE(answer.records[0].text(), QByteArray("v=DKIM1; p=xyz"));
        QCOMPARE(answer.ttl, 50u); // the smallest TTL along the chain
        QCOMPARE(answer.name, QByteArray("alias.example.com"));

        // Asking for the CNAME itself does not follow it.
        const DnsAnswer itself = zone.lookup("alias.example.com", RecordType::CNAME);
        QCOMPARE(itself.status, DnsAnswer::Status::Ok);
        QVERIFY(itself.cnameChain.isEmpty());
        QCOMPARE(itself.records[0].target, QByteArray("Middle.example.net"));

        // A chain ending nowhere is NXDOMAIN (RFC 6604), and keeps the chain.
        zone.add("dangling.example.com", cname("gone.example.com"));
        const DnsAnswer dangling = zone.lookup("dangling.example.com", RecordType::TXT);
        QCOMPARE(dangling.status, DnsAnswer::Status::NxDomain);
        QCOMPARE(dangling.cnameChain, QList<QByteArray>{"gone.example.com"});
        // ...and NODATA when the target exists without the type.
        QCOMPARE(zone.lookup("alias.example.com", RecordType::MX).status, DnsAnswer::Status::NoData);
    }

    void cnameLoopAndOverlongChainAreErrors()
    {
        Zone zone;
        zone.add("a.example", cname("b.example"));
        zone.add("b.example", cname("c.example"));
        zone.add("c.example", cname("a.example"));
        const DnsAnswer loop = zone.lookup("a.example", RecordType::TXT);
        QCOMPARE(loop.status, DnsAnswer::Status::Error);
        QVERIFY2(loop.error.contains(QStringLiteral("loop")), qPrintable(loop.error));
        zone.add("self.example", cname("self.example"));
        QCOMPARE(zone.lookup("self.example", RecordType::A).status, DnsAnswer::Status::Error);

        Zone chain;
        for (int i = 0; i < 9; ++i)
            chain.add(QByteArray("n") + QByteArray::number(i) + ".example",
                      cname(QByteArray("n") + QByteArray::number(i + 1) + ".example"));
        chain.add("n9.example", txt("end"));
        const DnsAnswer tooLong = chain.lookup("n0.example", RecordType::TXT);
        QCOMPARE(tooLong.status, DnsAnswer::Status::Error);
        QVERIFY2(tooLong.error.contains(QStringLiteral("longer than 8")), qPrintable(tooLong.error));
        // Exactly 8 hops is still fine.
        const DnsAnswer eight = chain.lookup("n1.example", RecordType::TXT);
        QCOMPARE(eight.status, DnsAnswer::Status::Ok);
        QCOMPARE(eight.cnameChain.size(), 8);
    }

    void tempFailNamesFailTemporarilyForEveryType()
    {
        Zone zone;
        zone.add("held.example", txt("x"));
        zone.addTempFail("Held.Example.");
        zone.addTempFail("slow.example");
        zone.add("via.example", cname("slow.example"));
        for (RecordType type : {RecordType::TXT, RecordType::A, RecordType::MX}) {
            const DnsAnswer answer = zone.lookup("held.example", type);
            QCOMPARE(answer.status, DnsAnswer::Status::TempFail);
            QCOMPARE(answer.error, QStringLiteral("temporary DNS failure (records file TEMPFAIL)"));
            QVERIFY(answer.isTemporary());
        }
        QCOMPARE(zone.lookup("slow.example", RecordType::TXT).status, DnsAnswer::Status::TempFail);
        QCOMPARE(zone.lookup("via.example", RecordType::TXT).status, DnsAnswer::Status::TempFail);
    }

    void badNamesAreErrors()
    {
        Zone zone;
        QCOMPARE(zone.lookup("", RecordType::TXT).status, DnsAnswer::Status::Error);
        QCOMPARE(zone.lookup("a..b", RecordType::TXT).status, DnsAnswer::Status::Error);
        QCOMPARE(zone.lookup(QByteArray(64, 'x') + ".example", RecordType::TXT).status,
                 DnsAnswer::Status::Error);
        QByteArray longName;
        while (longName.size() < 254)
            longName += "abcdefghi.";
        QCOMPARE(zone.lookup(longName + "x", RecordType::TXT).status, DnsAnswer::Status::Error);
        QCOMPARE(zone.lookup("sp ace.example", RecordType::TXT).status, DnsAnswer::Status::Error);
        QCOMPARE(zone.lookup(QByteArray(63, 'x') + ".example", RecordType::TXT).status,
                 DnsAnswer::Status::NxDomain);
    }
};

QTEST_GUILESS_MAIN(TestZone)
#include "tst_zone.moc"
