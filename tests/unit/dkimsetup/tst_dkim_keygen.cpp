// SPDX-License-Identifier: GPL-3.0-or-later
// KeyGenerator: the private key file is created 0600 whatever the umask, never replaced, and holds the
// key whose public half and fingerprint the result reports; bad names are refused before any key is made.
#include "dkimsetup/KeyGenerator.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace authlens;
using namespace authlens::dkimsetup;

namespace {

int fileMode(const QString& path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

} // namespace

class TestDkimKeygen : public QObject
{
    Q_OBJECT

private slots:
    void writesOwnerOnlyPemWhateverTheUmask_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("bits");
        QTest::addRow("rsa2048") << int(KeyKind::Rsa2048) << 2048;
        QTest::addRow("rsa3072") << int(KeyKind::Rsa3072) << 3072;
        QTest::addRow("ed25519") << int(KeyKind::Ed25519) << 256;
    }

    void writesOwnerOnlyPemWhateverTheUmask()
    {
        QFETCH(int, kind);
        QFETCH(int, bits);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // With umask 0 a file created 0666 and narrowed later would show; ours is created 0600.
        const mode_t previous = ::umask(0);
        KeyGenerator::Request request{"Example.COM.", "S2026", KeyKind(kind), dir.path()};
        const KeyGenerator::Result result = KeyGenerator::generate(request);
        ::umask(previous);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.domain, QByteArray("example.com"));
        QCOMPARE(result.selector, QByteArray("s2026"));
        QCOMPARE(
            result.privateKeyPath,
            QDir(dir.path()).absoluteFilePath(QStringLiteral("s2026._domainkey.example.com.private.pem")));
        QCOMPARE(fileMode(result.privateKeyPath), 0600);
        QCOMPARE(result.publicKey.bits, bits);

        QFile file(result.privateKeyPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pem = file.readAll();
        QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
        const dkim::Crypto::KeyLoad loaded = dkim::Crypto::loadPrivateKeyPem(pem);
        QVERIFY2(loaded.key, qPrintable(loaded.error));
        const PublicKeyInfo again = PublicKeyInfo::of(*loaded.key);
        QCOMPARE(again.recordBytes, result.publicKey.recordBytes);
        QCOMPARE(again.fingerprint, result.publicKey.fingerprint);
        // The fingerprint is SHA-256 over the SubjectPublicKeyInfo DER.
        QCOMPARE(
            result.publicKey.fingerprint,
            "SHA256:" +
                QCryptographicHash::hash(result.publicKey.spkiDer, QCryptographicHash::Sha256).toBase64());
        if (KeyKind(kind) == KeyKind::Ed25519) {
            QCOMPARE(result.publicKey.recordBytes.size(), 32); // RFC 8463 4: the raw key in p=
            QCOMPARE(result.publicKey.spkiDer.size(), 44);
        } else {
            QCOMPARE(result.publicKey.spkiDer, result.publicKey.recordBytes);
        }
    }

    void twoKeysDiffer()
    {
        QTemporaryDir dir;
        const auto a = KeyGenerator::generate({"example.com", "a", KeyKind::Rsa2048, dir.path()});
        const auto b = KeyGenerator::generate({"example.com", "b", KeyKind::Rsa2048, dir.path()});
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a.publicKey.fingerprint != b.publicKey.fingerprint);
    }

    void neverReplacesAnExistingKey()
    {
        QTemporaryDir dir;
        const auto first = KeyGenerator::generate({"example.com", "s1", KeyKind::Ed25519, dir.path()});
        QVERIFY2(first.ok(), qPrintable(first.error));
        QFile file(first.privateKeyPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        const auto second = KeyGenerator::generate({"example.com", "s1", KeyKind::Ed25519, dir.path()});
        QVERIFY(!second.ok());
        QVERIFY2(second.error.contains(QStringLiteral("already exists")), qPrintable(second.error));
        file.seek(0);
        QCOMPARE(file.readAll(), before);
    }

    void refusesASymlinkInTheWay()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("elsewhere"));
        const QString path = dir.filePath(KeyGenerator::privateKeyFileName("example.com", "s1"));
        QVERIFY(QFile::link(target, path));
        const auto result = KeyGenerator::generate({"example.com", "s1", KeyKind::Ed25519, dir.path()});
        QVERIFY(!result.ok());
        QVERIFY(!QFile::exists(target));
    }

    void refusesBadNamesAndFolders_data()
    {
        QTest::addColumn<QByteArray>("domain");
        QTest::addColumn<QByteArray>("selector");
        QTest::addColumn<bool>("folderExists");
        QTest::addColumn<QString>("errorPart");
        QTest::addRow("path in selector")
            << QByteArray("example.com") << QByteArray("../../etc/x") << true << QStringLiteral("selector");
        QTest::addRow("slash in selector")
            << QByteArray("example.com") << QByteArray("a/b") << true << QStringLiteral("position 2");
        QTest::addRow("empty selector")
            << QByteArray("example.com") << QByteArray("") << true << QStringLiteral("empty");
        QTest::addRow("empty label") << QByteArray("example.com") << QByteArray("a..b") << true
                                     << QStringLiteral("empty label");
        QTest::addRow("hyphen edge") << QByteArray("example.com") << QByteArray("-a") << true
                                     << QStringLiteral("hyphen");
        QTest::addRow("single label domain")
            << QByteArray("localhost") << QByteArray("s1") << true << QStringLiteral("single label");
        QTest::addRow("space in domain")
            << QByteArray("exa mple.com") << QByteArray("s1") << true << QStringLiteral("domain");
        QTest::addRow("no folder") << QByteArray("example.com") << QByteArray("s1") << false
                                   << QStringLiteral("does not exist");
    }

    void refusesBadNamesAndFolders()
    {
        QFETCH(QByteArray, domain);
        QFETCH(QByteArray, selector);
        QFETCH(bool, folderExists);
        QFETCH(QString, errorPart);
        QTemporaryDir dir;
        const QString folder = folderExists ? dir.path() : dir.filePath(QStringLiteral("missing"));
        const auto result = KeyGenerator::generate({domain, selector, KeyKind::Ed25519, folder});
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(errorPart), qPrintable(result.error));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::System | QDir::Hidden).isEmpty());
    }

    void unicodeDomainBecomesALabel()
    {
        const auto check = KeyGenerator::normalizedDomain("bücher.example");
        QCOMPARE(check.domain, QByteArray("xn--bcher-kva.example"));
    }

    void keyKindNamesRoundTrip()
    {
        for (KeyKind kind : {KeyKind::Rsa2048, KeyKind::Rsa3072, KeyKind::Rsa4096, KeyKind::Ed25519})
            QCOMPARE(keyKindFromName(keyKindName(kind)), kind);
        QCOMPARE(keyKindFromName(u"RSA4096"), KeyKind::Rsa4096);
        QVERIFY(!keyKindFromName(u"rsa1024"));
    }
};

QTEST_GUILESS_MAIN(TestDkimKeygen)
#include "tst_dkim_keygen.moc"
