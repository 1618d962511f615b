// SPDX-License-Identifier: GPL-3.0-or-later
// DNSSEC through UnboundResolver: a zone signed with ldns-signzone, served by a real unbound, validated
// against that zone's own DS record as trust anchor; and the same zone with a record altered after
// signing, which must come back bogus.
#include "UnboundServer.h"

#include "dns/UnboundResolver.h"

#include <QDir>
#include <QTest>

using namespace authlens::dns;

namespace {

struct SignedZone
{
    QByteArray text; // the signed zone file
    QString ds;      // the DS record, as trust anchor
    QString error;
};

SignedZone signZone(const QString& folder, const QByteArray& zone, const QByteArray& unsignedText)
{
    SignedZone out;
    const QString name = QString::fromLatin1(zone).chopped(1);
    QProcess keygen;
    keygen.setWorkingDirectory(folder);
    keygen.start(QStringLiteral("ldns-keygen"),
                 {QStringLiteral("-a"), QStringLiteral("ECDSAP256SHA256"), QStringLiteral("-k"), name});
    if (!keygen.waitForFinished(30000) || keygen.exitCode() != 0) {
        out.error =
            QStringLiteral("ldns-keygen failed: ") + QString::fromLocal8Bit(keygen.readAllStandardError());
        return out;
    }
    const QString keyBase = QString::fromLatin1(keygen.readAllStandardOutput()).trimmed();
    const QString zonePath = folder + QLatin1Char('/') + name + QStringLiteral(".unsigned");
    QFile zoneFile(zonePath);
    if (!zoneFile.open(QIODevice::WriteOnly) || zoneFile.write(unsignedText) != unsignedText.size()) {
        out.error = QStringLiteral("cannot write ") + zonePath;
        return out;
    }
    zoneFile.close();
    QProcess sign;
    sign.setWorkingDirectory(folder);
    sign.start(QStringLiteral("ldns-signzone"), {zonePath, keyBase});
    if (!sign.waitForFinished(30000) || sign.exitCode() != 0) {
        out.error =
            QStringLiteral("ldns-signzone failed: ") + QString::fromLocal8Bit(sign.readAllStandardError());
        return out;
    }
    QFile signedFile(zonePath + QStringLiteral(".signed"));
    QFile dsFile(folder + QLatin1Char('/') + keyBase + QStringLiteral(".ds"));
    if (!signedFile.open(QIODevice::ReadOnly) || !dsFile.open(QIODevice::ReadOnly)) {
        out.error = QStringLiteral("signed zone or DS file missing");
        return out;
    }
    out.text = signedFile.readAll();
    out.ds = QString::fromLatin1(dsFile.readAll()).trimmed();
    return out;
}

QByteArray zoneText(const QByteArray& origin)
{
    return "$ORIGIN " + origin +
           "\n$TTL 300\n"
           "@   IN SOA ns h 1 3600 600 86400 60\n"
           "@   IN NS  ns\n"
           "ns  IN A   127.0.0.1\n"
           "key IN TXT \"genuine record\"\n";
}

} // namespace

class TestUnboundDnssec : public QObject
{
    Q_OBJECT

    UnboundServer m_server;
    QTemporaryDir m_keys;
    QStringList m_anchors;

    std::shared_ptr<UnboundResolver> validating(const QStringList& anchors)
    {
        UnboundResolver::Options options;
        options.mode = UnboundResolver::Mode::Forward;
        options.server = m_server.address();
        options.validate = true;
        options.trustAnchors = anchors;
        options.timeoutMs = 3000;
        auto created = UnboundResolver::create(options);
        if (!created.ok())
            qWarning("%s", qPrintable(created.error));
        return created.resolver;
    }

private slots:
    void initTestCase()
    {
        if (UnboundServer::executable().isEmpty())
            QSKIP("unbound is not installed (Debian package unbound)");
        if (QStandardPaths::findExecutable(QStringLiteral("ldns-signzone")).isEmpty())
            QSKIP("ldns-signzone is not installed (Debian package ldnsutils)");
        QVERIFY(m_keys.isValid());
        const SignedZone good = signZone(m_keys.path(), "signed.test.", zoneText("signed.test."));
        QVERIFY2(good.error.isEmpty(), qPrintable(good.error));
        SignedZone tampered = signZone(m_keys.path(), "tampered.test.", zoneText("tampered.test."));
        QVERIFY2(tampered.error.isEmpty(), qPrintable(tampered.error));
        // Changed after signing: the RRSIG no longer matches.
        QVERIFY(tampered.text.contains("\"genuine record\""));
        tampered.text.replace("\"genuine record\"", "\"forged record\"");
        m_anchors = {good.ds, tampered.ds};
        const QString error =
            m_server.start({{"signed.test.", good.text}, {"tampered.test.", tampered.text}});
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

    void signedAnswerIsSecure()
    {
        const auto resolver = validating(m_anchors);
        QVERIFY(resolver);
        const DnsAnswer answer = resolver->query("key.signed.test", RecordType::TXT);
        QCOMPARE(answer.status, DnsAnswer::Status::Ok);
        QCOMPARE(answer.records[0].text(), QByteArray("genuine record"));
        QCOMPARE(answer.dnssec, DnssecStatus::Secure);
        QVERIFY(answer.source.contains(QStringLiteral("DNSSEC validating")));

        // Proven absence (NSEC) is secure too.
        const DnsAnswer nx = resolver->query("nothere.signed.test", RecordType::TXT);
        QCOMPARE(nx.status, DnsAnswer::Status::NxDomain);
        QCOMPARE(nx.dnssec, DnssecStatus::Secure);
    }

    void alteredRecordIsBogus()
    {
        const auto resolver = validating(m_anchors);
        QVERIFY(resolver);
        const DnsAnswer answer = resolver->query("key.tampered.test", RecordType::TXT);
        QCOMPARE(answer.status, DnsAnswer::Status::Error);
        QCOMPARE(answer.dnssec, DnssecStatus::Bogus);
        QVERIFY2(answer.error.startsWith(QStringLiteral("DNSSEC validation failed (bogus)")),
                 qPrintable(answer.error));
        QVERIFY(answer.records.empty());
    }

    void withoutValidationNothingIsClaimed()
    {
        UnboundResolver::Options options;
        options.mode = UnboundResolver::Mode::Forward;
        options.server = m_server.address();
        auto created = UnboundResolver::create(options);
        QVERIFY(created.ok());
        const DnsAnswer answer = created.resolver->query("key.tampered.test", RecordType::TXT);
        QCOMPARE(answer.status, DnsAnswer::Status::Ok);
        QCOMPARE(answer.dnssec, DnssecStatus::Unknown);
        QCOMPARE(answer.records[0].text(), QByteArray("forged record"));
    }
};

QTEST_GUILESS_MAIN(TestUnboundDnssec)
#include "tst_unbound_dnssec.moc"
