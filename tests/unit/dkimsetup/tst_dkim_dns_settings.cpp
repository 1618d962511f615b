// SPDX-License-Identifier: GPL-3.0-or-later
// DnsSettings: the 255-octet split round-trips through a real records-file parser and resolver, the zone
// line is what a DNS server would serve, and the CNAME variant leads a resolver to the platform's record.
#include "dkim/Crypto.h"
#include "dkimsetup/DnsSettings.h"
#include "dns/RecordsFileResolver.h"

#include <QTest>

using namespace authlens;
using namespace authlens::dkimsetup;

class TestDkimDnsSettings : public QObject
{
    Q_OBJECT

private slots:
    void splitsOnOctetsAndJoinsBack_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("parts");
        QTest::addRow("empty") << 0 << 1;
        QTest::addRow("1") << 1 << 1;
        QTest::addRow("254") << 254 << 1;
        QTest::addRow("255") << 255 << 1;
        QTest::addRow("256") << 256 << 2;
        QTest::addRow("510") << 510 << 2;
        QTest::addRow("511") << 511 << 3;
        QTest::addRow("800") << 800 << 4;
    }

    void splitsOnOctetsAndJoinsBack()
    {
        QFETCH(int, length);
        QFETCH(int, parts);
        QByteArray value;
        for (int i = 0; i < length; ++i)
            value += char('A' + i % 26);
        const QList<QByteArray> strings = DnsSettings::splitStrings(value);
        QCOMPARE(strings.size(), parts);
        for (const QByteArray& string : strings)
            QVERIFY(string.size() <= 255);
        QCOMPARE(DnsSettings::joinStrings(strings), value);
    }

    void zoneLineRoundTripsThroughAResolver_data()
    {
        QTest::addColumn<int>("bits");
        QTest::addRow("rsa2048") << 2048;
        QTest::addRow("rsa4096") << 4096;
        QTest::addRow("ed25519") << 0;
    }

    void zoneLineRoundTripsThroughAResolver()
    {
        QFETCH(int, bits);
        const auto key = bits ? dkim::Crypto::generateRsa(bits) : dkim::Crypto::generateEd25519();
        QVERIFY(key);
        const DnsSettings settings =
            DnsSettings::forKey("example.com", "s1", key->type, dkim::Crypto::publicKeyRecordBytes(*key));
        QCOMPARE(settings.name, QByteArray("s1._domainkey.example.com"));
        QCOMPARE(settings.type, QByteArray("TXT"));
        QVERIFY(settings.value.startsWith(bits ? "v=DKIM1; k=rsa; p=" : "v=DKIM1; k=ed25519; p="));
        QCOMPARE(settings.strings.size(), int((settings.value.size() + 254) / 255));
        const auto loaded = dns::RecordsFileResolver::fromText(settings.zoneLine());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        const dns::DnsAnswer answer =
            loaded.resolver->query("S1._domainkey.example.com.", dns::RecordType::TXT);
        QVERIFY(answer.ok());
        QCOMPARE(answer.records.size(), size_t(1));
        QCOMPARE(answer.records.front().strings, settings.strings);
        QCOMPARE(answer.records.front().text(), settings.value);
    }

    void quotingEscapesWhatAMasterFileNeeds()
    {
        const QByteArray hostile = QByteArray("a\"b\\c;d e\x01\xff", 11);
        QCOMPARE(DnsSettings::quoted(hostile), QByteArray("\"a\\\"b\\\\c;d e\\001\\255\""));
        DnsSettings settings;
        settings.name = "x.example.com";
        settings.strings = {hostile};
        const auto loaded = dns::RecordsFileResolver::fromText(settings.zoneLine());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        QCOMPARE(loaded.resolver->query("x.example.com", dns::RecordType::TXT).records.front().text(),
                 hostile);
    }

    void cnameDelegationLeadsToThePlatformRecord()
    {
        const auto key = dkim::Crypto::generateEd25519();
        QVERIFY(key);
        DnsSettings settings =
            DnsSettings::forKey("example.com", "s1", key->type, dkim::Crypto::publicKeyRecordBytes(*key));
        settings.cnameTarget = DnsSettings::cnameTargetFor(
            QStringLiteral("{selector}.{domain}.dkim.platform.example."), "example.com", "s1");
        QCOMPARE(settings.cnameTarget, QByteArray("s1.example.com.dkim.platform.example"));
        QCOMPARE(
            settings.cnameZoneLine(),
            QByteArray("s1._domainkey.example.com. 3600 IN CNAME s1.example.com.dkim.platform.example."));
        // The platform publishes the TXT record at the target.
        DnsSettings platform = settings;
        platform.name = settings.cnameTarget;
        const auto loaded =
            dns::RecordsFileResolver::fromText(settings.cnameZoneLine() + "\n" + platform.zoneLine() + "\n");
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        const dns::DnsAnswer answer = loaded.resolver->query(settings.name, dns::RecordType::TXT);
        QVERIFY(answer.ok());
        QCOMPARE(answer.cnameChain, QList<QByteArray>{settings.cnameTarget});
        QCOMPARE(answer.records.front().text(), settings.value);
    }

    void noCnameLineWithoutTarget()
    {
        DnsSettings settings;
        settings.name = "s1._domainkey.example.com";
        QVERIFY(settings.cnameZoneLine().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDkimDnsSettings)
#include "tst_dkim_dns_settings.moc"
