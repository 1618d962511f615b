// SPDX-License-Identifier: GPL-3.0-or-later
// PublicationCheck: every state from records files made with RecordsFileResolver::fromText: not
// published, published but different (another key, revoked, broken, several records, unusable for mail),
// published and matching (RSA, Ed25519, through a CNAME), the lookup failing temporarily, and several
// resolvers that disagree while a change propagates.
#include "dkim/Crypto.h"
#include "dkimsetup/DnsSettings.h"
#include "dkimsetup/PublicationCheck.h"
#include "dns/RecordsFileResolver.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace authlens;
using namespace authlens::dkimsetup;

namespace {

std::shared_ptr<dns::Resolver> zone(const QByteArray& text)
{
    const auto loaded = dns::RecordsFileResolver::fromText(text);
    if (!loaded.ok())
        qFatal("bad test zone: %s", qPrintable(loaded.error));
    return loaded.resolver;
}

PublicationCheck::ResolverProbe probe(const QByteArray& text, const QString& label = QStringLiteral("zone"))
{
    return {label, zone(text)};
}

QByteArray zoneLine(const dkim::Crypto::Key& key, const QByteArray& selector = "s1")
{
    return DnsSettings::forKey("example.com", selector, key.type, dkim::Crypto::publicKeyRecordBytes(key))
               .zoneLine() +
           "\n";
}

bool hasFinding(const PublicationCheck::Report& report, const QString& id)
{
    return std::any_of(report.findings.begin(), report.findings.end(),
                       [&](const lint::Finding& finding) { return finding.id == id; });
}

} // namespace

class TestDkimPublicationCheck : public QObject
{
    Q_OBJECT

    dkim::Crypto::Key m_rsa;
    dkim::Crypto::Key m_otherRsa;
    dkim::Crypto::Key m_ed25519;

private slots:
    void initTestCase()
    {
        m_rsa = *dkim::Crypto::generateRsa(2048);
        m_otherRsa = *dkim::Crypto::generateRsa(2048);
        m_ed25519 = *dkim::Crypto::generateEd25519();
    }

    void matchingRsaKeyIsProvenByATestSignature()
    {
        const auto report = PublicationCheck::check("example.com", "s1", m_rsa, {probe(zoneLine(m_rsa))});
        QCOMPARE(report.state, PublicationState::PublishedMatching);
        QVERIFY(report.ok());
        QCOMPARE(report.name, QByteArray("s1._domainkey.example.com"));
        QCOMPARE(report.resolvers.size(), size_t(1));
        QVERIFY(report.resolvers.front().testSignatureVerified);
        QCOMPARE(report.resolvers.front().publishedFingerprint, report.expectedFingerprint);
        QVERIFY2(report.reason.contains(QStringLiteral("test signature verifies")),
                 qPrintable(report.reason));
        // A good 2048-bit record has no lint errors.
        for (const lint::Finding& finding : report.findings)
            QVERIFY2(finding.severity != lint::Severity::Error, qPrintable(finding.id));
    }

    void matchingEd25519Key()
    {
        const auto report =
            PublicationCheck::check("example.com", "s1", m_ed25519, {probe(zoneLine(m_ed25519))});
        QCOMPARE(report.state, PublicationState::PublishedMatching);
        QVERIFY(report.resolvers.front().testSignatureVerified);
    }

    void matchingThroughCnameDelegation()
    {
        DnsSettings settings =
            DnsSettings::forKey("example.com", "s1", m_rsa.type, dkim::Crypto::publicKeyRecordBytes(m_rsa));
        settings.cnameTarget = "s1.example.com.dkim.platform.example";
        DnsSettings platform = settings;
        platform.name = settings.cnameTarget;
        const auto report =
            PublicationCheck::check("example.com", "s1", m_rsa,
                                    {probe(settings.cnameZoneLine() + "\n" + platform.zoneLine() + "\n")});
        QCOMPARE(report.state, PublicationState::PublishedMatching);
        QCOMPARE(report.resolvers.front().cnameChain, QList<QByteArray>{settings.cnameTarget});
        QVERIFY(hasFinding(report, QStringLiteral("dkim.selector.cname")));
    }

    void nothingPublished()
    {
        const auto report = PublicationCheck::check(
            "example.com", "s1", m_rsa, {probe("other._domainkey.example.com. TXT \"v=DKIM1; p=\"\n")});
        QCOMPARE(report.state, PublicationState::NotPublished);
        QVERIFY(!report.ok());
        QVERIFY2(report.reason.contains(QStringLiteral("s1._domainkey.example.com")),
                 qPrintable(report.reason));
        QVERIFY(hasFinding(report, QStringLiteral("dkim.key.missing")));
    }

    void anotherKeyIsPublished()
    {
        const auto report =
            PublicationCheck::check("example.com", "s1", m_rsa, {probe(zoneLine(m_otherRsa))});
        QCOMPARE(report.state, PublicationState::PublishedDifferent);
        QVERIFY(!report.resolvers.front().testSignatureVerified);
        QVERIFY(report.resolvers.front().publishedFingerprint != report.expectedFingerprint);
        QVERIFY2(report.reason.contains(QStringLiteral("not the public half")), qPrintable(report.reason));
        QVERIFY(hasFinding(report, QStringLiteral("dkim.setup.key-different")));
    }

    void anEd25519RecordForAnRsaKey()
    {
        const auto report = PublicationCheck::check("example.com", "s1", m_rsa, {probe(zoneLine(m_ed25519))});
        QCOMPARE(report.state, PublicationState::PublishedDifferent);
    }

    void differentRecordShapes_data()
    {
        QTest::addColumn<QByteArray>("records");
        QTest::addColumn<QString>("reasonPart");
        QTest::addRow("revoked") << QByteArray("s1._domainkey.example.com. TXT \"v=DKIM1; k=rsa; p=\"\n")
                                 << QStringLiteral("revoked");
        QTest::addRow("not a key record")
            << QByteArray("s1._domainkey.example.com. TXT \"v=spf1 -all\"\n") << QStringLiteral("usable");
        QTest::addRow("garbage base64") << QByteArray("s1._domainkey.example.com. TXT \"v=DKIM1; p=AAAA\"\n")
                                        << QStringLiteral("does not load");
        QTest::addRow("unknown type")
            << QByteArray("s1._domainkey.example.com. TXT \"v=DKIM1; k=dsa; p=AAAA\"\n")
            << QStringLiteral("unknown key type");
    }

    void differentRecordShapes()
    {
        QFETCH(QByteArray, records);
        QFETCH(QString, reasonPart);
        const auto report = PublicationCheck::check("example.com", "s1", m_rsa, {probe(records)});
        QCOMPARE(report.state, PublicationState::PublishedDifferent);
        QVERIFY2(report.reason.contains(reasonPart), qPrintable(report.reason));
    }

    void severalRecordsAreNotAMatch()
    {
        const auto report = PublicationCheck::check("example.com", "s1", m_rsa,
                                                    {probe(zoneLine(m_rsa) + zoneLine(m_otherRsa))});
        QCOMPARE(report.state, PublicationState::PublishedDifferent);
        QVERIFY(hasFinding(report, QStringLiteral("dkim.key.multiple")));
    }

    void matchingKeyThatReceiversWouldRefuse()
    {
        // The key is right but s= excludes email: the test signature is the proof that catches it.
        DnsSettings settings =
            DnsSettings::forKey("example.com", "s1", m_rsa.type, dkim::Crypto::publicKeyRecordBytes(m_rsa));
        settings.value.replace("v=DKIM1; k=rsa;", "v=DKIM1; k=rsa; s=other;");
        settings.strings = DnsSettings::splitStrings(settings.value);
        const auto report =
            PublicationCheck::check("example.com", "s1", m_rsa, {probe(settings.zoneLine() + "\n")});
        QCOMPARE(report.state, PublicationState::PublishedDifferent);
        QCOMPARE(report.resolvers.front().publishedFingerprint, report.expectedFingerprint);
        QVERIFY(!report.resolvers.front().testSignatureVerified);
        QVERIFY2(report.reason.contains(QStringLiteral("test signature does not verify")),
                 qPrintable(report.reason));
    }

    void temporaryLookupFailure()
    {
        const auto report = PublicationCheck::check("example.com", "s1", m_rsa,
                                                    {probe("; TEMPFAIL s1._domainkey.example.com.\n")});
        QCOMPARE(report.state, PublicationState::TempFail);
        QCOMPARE(report.resolvers.front().lookupStatus, dns::DnsAnswer::Status::TempFail);
    }

    void severalResolversWhilePropagating()
    {
        const auto report = PublicationCheck::check("example.com", "s1", m_rsa,
                                                    {probe(zoneLine(m_rsa), QStringLiteral("first")),
                                                     probe("", QStringLiteral("second")),
                                                     probe(zoneLine(m_rsa), QStringLiteral("third"))});
        QCOMPARE(report.resolvers.size(), size_t(3));
        QCOMPARE(report.resolvers.at(0).state, PublicationState::PublishedMatching);
        QCOMPARE(report.resolvers.at(1).state, PublicationState::NotPublished);
        QCOMPARE(report.resolvers.at(2).state, PublicationState::PublishedMatching);
        QCOMPARE(report.state, PublicationState::NotPublished);
        QVERIFY2(report.reason.startsWith(QStringLiteral("second: ")), qPrintable(report.reason));
        QVERIFY2(report.reason.contains(QStringLiteral("2 of 3 resolvers")), qPrintable(report.reason));
        QVERIFY(hasFinding(report, QStringLiteral("dkim.setup.propagation")));

        // A different key anywhere outweighs the rest.
        const auto mixed =
            PublicationCheck::check("example.com", "s1", m_rsa,
                                    {probe(zoneLine(m_rsa)), probe("; TEMPFAIL s1._domainkey.example.com.\n"),
                                     probe(zoneLine(m_otherRsa))});
        QCOMPARE(mixed.state, PublicationState::PublishedDifferent);

        const auto agreeing = PublicationCheck::check("example.com", "s1", m_rsa,
                                                      {probe(zoneLine(m_rsa)), probe(zoneLine(m_rsa))});
        QCOMPARE(agreeing.state, PublicationState::PublishedMatching);
        QVERIFY(!hasFinding(agreeing, QStringLiteral("dkim.setup.propagation")));
    }

    void fromAKeyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("k.pem"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(dkim::Crypto::privateKeyPem(m_rsa));
        file.close();
        QCOMPARE(PublicationCheck::checkKeyFile("example.com", "s1", path, {probe(zoneLine(m_rsa))}).state,
                 PublicationState::PublishedMatching);
        const auto missing = PublicationCheck::checkKeyFile(
            "example.com", "s1", dir.filePath(QStringLiteral("no.pem")), {probe(zoneLine(m_rsa))});
        QCOMPARE(missing.state, PublicationState::TempFail);
        QVERIFY2(missing.reason.contains(QStringLiteral("cannot read")), qPrintable(missing.reason));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
        file.close();
        QVERIFY(!PublicationCheck::loadPrivateKeyFile(path).key);
    }

    void noResolverOrKeyIsNotAPass()
    {
        QCOMPARE(PublicationCheck::check("example.com", "s1", m_rsa, {}).state, PublicationState::TempFail);
        QCOMPARE(
            PublicationCheck::check("example.com", "s1", dkim::Crypto::Key{}, {probe(zoneLine(m_rsa))}).state,
            PublicationState::TempFail);
    }
};

QTEST_GUILESS_MAIN(TestDkimPublicationCheck)
#include "tst_dkim_publication_check.moc"
