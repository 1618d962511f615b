// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkim/Crypto.h"
#include "dkim/KeyRecord.h"

#include <QTest>

using namespace authlens::dkim;

class TestKeyRecord : public QObject
{
    Q_OBJECT

private slots:
    void parsesTags()
    {
        const auto r =
            KeyRecord::parse("v=DKIM1; h=sha1:sha256; k=rsa; n=notes; p=YWJj\r\n ZGVm; s=email; t=y:s; "
                             "zz=unknown");
        QVERIFY2(r.record, qPrintable(r.error));
        QCOMPARE(r.record->publicKey, QByteArray("abcdef"));
        QVERIFY(r.record->allowsHash(HashAlgorithm::Sha256));
        QVERIFY(r.record->allowsEmailService());
        QVERIFY(r.record->testing());
        QVERIFY(r.record->strictIdentity());
        QCOMPARE(*r.record->keyType, KeyType::Rsa);
    }

    void restrictions()
    {
        auto r = KeyRecord::parse("h=sha1; p=YWJj");
        QVERIFY(!r.record->allowsHash(HashAlgorithm::Sha256));
        r = KeyRecord::parse("s=other; p=YWJj");
        QVERIFY(!r.record->allowsEmailService());
        r = KeyRecord::parse("s=*; p=YWJj");
        QVERIFY(r.record->allowsEmailService());
        r = KeyRecord::parse("k=dsa; p=YWJj");
        QVERIFY(r.record);
        QVERIFY(!r.record->keyType);
    }

    void revoked()
    {
        const auto r = KeyRecord::parse("v=DKIM1; p=");
        QVERIFY(r.record);
        QVERIFY(r.record->revoked());
    }

    void errors()
    {
        QVERIFY(!KeyRecord::parse("v=DKIM2; p=YWJj").record);
        QVERIFY(!KeyRecord::parse("k=rsa; v=DKIM1; p=YWJj").record);
        QVERIFY(!KeyRecord::parse("k=rsa").record);
        QVERIFY(!KeyRecord::parse("p=!!!").record);
        QVERIFY(!KeyRecord::parse("p=YWJj; p=YWJj").record);
    }

    void rsaKeyFormats()
    {
        const auto key = Crypto::generateRsa(1024);
        QVERIFY(key);
        const QByteArray spki = Crypto::publicKeyRecordBytes(*key);
        const auto loaded = Crypto::loadPublicKey(KeyType::Rsa, spki);
        QVERIFY2(loaded.key, qPrintable(loaded.error));
        QCOMPARE(loaded.key->bits, 1024);
        // A bare PKCS#1 RSAPublicKey is the BIT STRING content of the SPKI: the tail after the header.
        // For 1024-bit keys the SPKI header is 22 bytes (30 81 9f 30 0d ... 03 81 8d 00).
        const auto bare = Crypto::loadPublicKey(KeyType::Rsa, spki.mid(22));
        QVERIFY2(bare.key, qPrintable(bare.error));
        QCOMPARE(bare.key->bits, 1024);
        QVERIFY(!Crypto::loadPublicKey(KeyType::Rsa, "garbage").key);
    }

    void ed25519Raw()
    {
        const QByteArray raw = QByteArray::fromBase64("11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
        const auto loaded = Crypto::loadPublicKey(KeyType::Ed25519, raw);
        QVERIFY2(loaded.key, qPrintable(loaded.error));
        QCOMPARE(loaded.key->type, KeyType::Ed25519);
        QVERIFY(!Crypto::loadPublicKey(KeyType::Ed25519, raw.left(31)).key);
    }
};

QTEST_GUILESS_MAIN(TestKeyRecord)
#include "tst_key_record.moc"
