// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkim/Crypto.h"
#include "dkim/SignatureParser.h"
#include "dkim/Signer.h"

#include <QTest>

using namespace authlens;
using namespace authlens::dkim;

class TestDkimSigner : public QObject
{
    Q_OBJECT

private:
    const QByteArray message = "From: a@example.org\r\nTo: b@example.net\r\nSubject: hi\r\n\r\nbody\r\n";

private slots:
    void producesAParsableField()
    {
        Signer::Options options;
        options.domain = "example.org";
        options.selector = "s1";
        options.oversign = true;
        options.expiration = 2000000000;
        options.timestamp = 1900000000;
        options.auid = "a@example.org";
        options.bodyLength = true;
        const Signer signer(*Crypto::generateRsa(1024), options);
        const auto out = signer.sign(mail::Message::parse(message));
        QVERIFY2(out.ok(), qPrintable(out.error));
        QVERIFY(out.field.startsWith("DKIM-Signature:"));
        QVERIFY(out.field.endsWith("\r\n"));
        const auto parsed = SignatureParser::parse(out.field.mid(15, out.field.size() - 17));
        QVERIFY2(parsed.signature, qPrintable(parsed.error));
        const Signature& s = *parsed.signature;
        QCOMPARE(s.sdid, QByteArray("example.org"));
        QCOMPARE(*s.expiration, qint64(2000000000));
        QCOMPARE(*s.bodyLength, quint64(6));
        QCOMPARE(s.auid, QByteArray("a@example.org"));
        // From, To, Subject present once each: oversigning lists each twice.
        QCOMPARE(s.signedHeaderNames.size(), size_t(6));
    }

    void refusesRsaSha1AndMismatchedKeys()
    {
        Signer::Options options;
        options.domain = "example.org";
        options.selector = "s1";
        options.algorithm = Algorithm::RsaSha1;
        QVERIFY(!Signer(*Crypto::generateRsa(1024), options).sign(mail::Message::parse(message)).ok());
        options.algorithm = Algorithm::Ed25519Sha256;
        QVERIFY(!Signer(*Crypto::generateRsa(1024), options).sign(mail::Message::parse(message)).ok());
        QVERIFY(Signer(*Crypto::generateEd25519(), options).sign(mail::Message::parse(message)).ok());
    }

    void privateKeyRoundTrip()
    {
        const auto key = Crypto::generateEd25519();
        const QByteArray pem = Crypto::privateKeyPem(*key);
        const auto loaded = Crypto::loadPrivateKeyPem(pem);
        QVERIFY(loaded.key);
        QCOMPARE(Crypto::publicKeyRecordBytes(*loaded.key), Crypto::publicKeyRecordBytes(*key));
        QVERIFY(!Crypto::loadPrivateKeyPem("nope").key);
    }

    void prependKeepsLineEndings()
    {
        QCOMPARE(Signer::prepend("X: y\r\n", "A: b\nc\n"), QByteArray("X: y\nA: b\nc\n"));
        QCOMPARE(Signer::prepend("X: y\r\n", "A: b\r\n"), QByteArray("X: y\r\nA: b\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestDkimSigner)
#include "tst_dkim_signer.moc"
