// SPDX-License-Identifier: GPL-3.0-or-later
// Every DKIM key lint check, once with a record that triggers it and once with one that does not. Keys are
// generated per run, so the records are real keys of the sizes the checks are about.
#include "LintTestSupport.h"
#include "dkim/Crypto.h"
#include "lint/DkimKeyLint.h"

#include <QTest>

using namespace authlens;
using linttest::findingWithId;
using linttest::ids;
using linttest::txt;

namespace {

const QByteArray keyName = "s1._domainkey.example.com";

QByteArray spki(int bits)
{
    const auto key = dkim::Crypto::generateRsa(bits);
    if (!key)
        qFatal("could not generate an RSA key of %d bits", bits);
    return dkim::Crypto::publicKeyRecordBytes(*key);
}

// The PKCS#1 RSAPublicKey inside an RSA SubjectPublicKeyInfo: after the outer header and the fixed 15-byte
// AlgorithmIdentifier comes a BIT STRING whose content (after one "unused bits" octet) is the PKCS#1 key.
QByteArray pkcs1Of(const QByteArray& der)
{
    auto skipHeader = [&der](qsizetype at) {
        const auto first = static_cast<unsigned char>(der[at + 1]);
        return at + 2 + (first < 0x80 ? 0 : (first & 0x7f));
    };
    const qsizetype algorithm = skipHeader(0);
    const qsizetype bitString = algorithm + 15;
    return der.mid(skipHeader(bitString) + 1);
}

struct Keys
{
    QByteArray rsa512, rsa1024, rsa2048, ed25519;
};

const Keys& keys()
{
    static const Keys k = [] {
        Keys generated;
        generated.rsa512 = spki(512).toBase64();
        generated.rsa1024 = spki(1024).toBase64();
        generated.rsa2048 = spki(2048).toBase64();
        generated.ed25519 = dkim::Crypto::publicKeyRecordBytes(*dkim::Crypto::generateEd25519()).toBase64();
        return generated;
    }();
    return k;
}

QByteArray good()
{
    return "v=DKIM1; k=rsa; p=" + keys().rsa2048;
}

lint::DkimKeyLint::Report run(const QByteArray& zone, const lint::DkimKeyLint::SignatureFacts& facts = {})
{
    return lint::DkimKeyLint(*linttest::resolverOf(zone)).check("example.com", "s1", facts);
}

} // namespace

class TestDkimKeyLint : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<int>("algorithm"); // -1: no signature facts
        QTest::addColumn<QByteArray>("auidDomain");
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("expected");
        QTest::addColumn<int>("severity");
        const int error = int(lint::Severity::Error);
        const int warning = int(lint::Severity::Warning);
        const int info = int(lint::Severity::Info);
        const int rsaSha256 = int(dkim::Algorithm::RsaSha256);
        auto row = [](const char* name, const QByteArray& zone, const char* id, bool expected, int severity,
                      int algorithm = -1, const QByteArray& auid = {}) {
            QTest::newRow(name) << zone << algorithm << auid << QString::fromLatin1(id) << expected
                                << severity;
        };
        const QByteArray k2048 = keys().rsa2048;
        const QByteArray der2048 = QByteArray::fromBase64(k2048);

        row("missing", txt("other._domainkey.example.com", good()), "dkim.key.missing", true, error);
        row("missing/no", txt(keyName, good()), "dkim.key.missing", false, error);
        row("multiple", txt(keyName, good()) + txt(keyName, "v=DKIM1; p=" + keys().rsa1024),
            "dkim.key.multiple", true, error);
        row("multiple/no", txt(keyName, good()), "dkim.key.multiple", false, error);
        row("syntax", txt(keyName, "v=DKIM1; k=rsa; " + k2048), "dkim.key.syntax", true, error);
        row("syntax/no-p", txt(keyName, "v=DKIM1; k=rsa"), "dkim.key.syntax", true, error);
        row("syntax/no", txt(keyName, good()), "dkim.key.syntax", false, error);
        row("duplicate", txt(keyName, good() + "; k=rsa"), "dkim.key.duplicate-tag", true, error);
        row("duplicate/no", txt(keyName, good() + "; n=note"), "dkim.key.duplicate-tag", false, error);
        row("version", txt(keyName, "v=DKIM2; p=" + k2048), "dkim.key.version", true, error);
        row("version/not-first", txt(keyName, "k=rsa; v=DKIM1; p=" + k2048), "dkim.key.version", true, error);
        row("version/no", txt(keyName, "v=DKIM1; p=" + k2048), "dkim.key.version", false, error);
        row("base64", txt(keyName, "v=DKIM1; p=MIIB$AAA" + k2048.mid(8)), "dkim.key.base64", true, error);
        row("base64/no", txt(keyName, good()), "dkim.key.base64", false, error);
        // Cut at a multiple of 3 bytes: valid base64 whose DER declares more than it holds.
        row("truncated/der", txt(keyName, "v=DKIM1; p=" + der2048.left(180).toBase64()), "dkim.key.truncated",
            true, error);
        // One string of exactly 255 characters with the key cut mid-way: what a registrar leaves.
        row("truncated/255",
            "s1._domainkey.example.com. 300 IN TXT \"" + ("v=DKIM1; k=rsa; p=" + k2048).left(255) + "\"\n",
            "dkim.key.truncated", true, error);
        row("truncated/no", txt(keyName, good()), "dkim.key.truncated", false, error);
        row("invalid", txt(keyName, "v=DKIM1; p=" + QByteArray("not a key at all").toBase64()),
            "dkim.key.invalid", true, error);
        row("invalid/ed25519", txt(keyName, "v=DKIM1; k=ed25519; p=" + k2048), "dkim.key.invalid", true,
            error);
        row("invalid/no", txt(keyName, good()), "dkim.key.invalid", false, error);
        row("pkcs1", txt(keyName, "v=DKIM1; p=" + pkcs1Of(der2048).toBase64()), "dkim.key.pkcs1", true,
            warning);
        row("pkcs1/no", txt(keyName, good()), "dkim.key.pkcs1", false, warning);
        row("revoked", txt(keyName, "v=DKIM1; k=rsa; p="), "dkim.key.revoked", true, error);
        row("revoked/no", txt(keyName, good()), "dkim.key.revoked", false, error);
        row("type-unknown", txt(keyName, "v=DKIM1; k=dsa; p=" + k2048), "dkim.key.type-unknown", true, error);
        row("type-unknown/no", txt(keyName, "v=DKIM1; k=ed25519; p=" + keys().ed25519),
            "dkim.key.type-unknown", false, error);
        row("too-short", txt(keyName, "v=DKIM1; p=" + keys().rsa512), "dkim.key.rsa-too-short", true, error);
        row("too-short/no", txt(keyName, "v=DKIM1; p=" + keys().rsa1024), "dkim.key.rsa-too-short", false,
            error);
        row("weak", txt(keyName, "v=DKIM1; p=" + keys().rsa1024), "dkim.key.rsa-weak", true, warning);
        row("weak/no", txt(keyName, good()), "dkim.key.rsa-weak", false, warning);
        row("testing", txt(keyName, good() + "; t=y"), "dkim.key.testing", true, warning);
        row("testing/no", txt(keyName, good() + "; t=s"), "dkim.key.testing", false, warning);
        row("flags", txt(keyName, good() + "; t=x"), "dkim.key.flags-unknown", true, warning);
        row("flags/no", txt(keyName, good() + "; t=y:s"), "dkim.key.flags-unknown", false, warning);
        row("hash", txt(keyName, "v=DKIM1; h=sha1; p=" + k2048), "dkim.key.hash-no-sha256", true, error);
        row("hash/no", txt(keyName, "v=DKIM1; h=sha1:sha256; p=" + k2048), "dkim.key.hash-no-sha256", false,
            error);
        row("service", txt(keyName, good() + "; s=tlsrpt"), "dkim.key.service-not-email", true, error);
        row("service/no", txt(keyName, good() + "; s=email"), "dkim.key.service-not-email", false, error);
        row("mismatch", txt(keyName, good()), "dkim.key.type-mismatch", true, error,
            int(dkim::Algorithm::Ed25519Sha256));
        row("mismatch/no", txt(keyName, good()), "dkim.key.type-mismatch", false, error, rsaSha256);
        row("strict", txt(keyName, good() + "; t=s"), "dkim.key.strict-subdomain-auid", true, error,
            rsaSha256, "mail.example.com");
        row("strict/no", txt(keyName, good() + "; t=s"), "dkim.key.strict-subdomain-auid", false, error,
            rsaSha256, "example.com");
        row("sha1", txt(keyName, good()), "dkim.signature.rsa-sha1", true, error,
            int(dkim::Algorithm::RsaSha1));
        row("sha1/no", txt(keyName, good()), "dkim.signature.rsa-sha1", false, error, rsaSha256);
        row("cname",
            keyName + ". 300 IN CNAME s1.dkim.provider.example.net.\n" +
                txt("s1.dkim.provider.example.net", good()),
            "dkim.selector.cname", true, info);
        row("cname/no", keyName + ". 300 IN CNAME keys.example.com.\n" + txt("keys.example.com", good()),
            "dkim.selector.cname", false, info);
        row("temperror", "; TEMPFAIL " + keyName + ".\n", "dkim.dns.temperror", true, warning);
        row("temperror/no", txt(keyName, good()), "dkim.dns.temperror", false, warning);
    }

    void check()
    {
        QFETCH(QByteArray, zone);
        QFETCH(int, algorithm);
        QFETCH(QByteArray, auidDomain);
        QFETCH(QString, id);
        QFETCH(bool, expected);
        QFETCH(int, severity);
        lint::DkimKeyLint::SignatureFacts facts;
        if (algorithm >= 0)
            facts.algorithm = dkim::Algorithm(algorithm);
        facts.auidDomain = auidDomain;
        const auto report = run(zone, facts);
        const lint::Finding* f = findingWithId(report, id);
        if (expected != (f != nullptr))
            qWarning("findings: %s", qPrintable(ids(report)));
        QCOMPARE(f != nullptr, expected);
        if (f) {
            QCOMPARE(int(f->severity), severity);
            QVERIFY(!f->message.isEmpty());
            QVERIFY(!f->fix.isEmpty());
            QVERIFY(f->reference.contains(QLatin1String("RFC")));
            QVERIFY(f->subject.contains(QLatin1String(keyName)));
        }
    }

    void goodKeysHaveNoFindings()
    {
        auto report = run(txt(keyName, good()), {dkim::Algorithm::RsaSha256, "example.com"});
        QCOMPARE(ids(report), QString());
        QCOMPARE(report.keyBits, 2048);
        report = run(txt(keyName, "v=DKIM1; k=ed25519; p=" + keys().ed25519),
                     {dkim::Algorithm::Ed25519Sha256, {}});
        QCOMPARE(ids(report), QString());
        QCOMPARE(report.keyType, std::optional(dkim::KeyType::Ed25519));
    }

    void stringOver255()
    {
        auto zone = std::make_shared<dns::Zone>();
        dns::DnsRecord record;
        record.strings = {good()};
        zone->add(keyName, record);
        dns::RecordsFileResolver resolver(zone);
        const auto report = lint::DkimKeyLint(resolver).check("example.com", "s1");
        QVERIFY(findingWithId(report, QStringLiteral("dkim.txt.string-too-long")));
        QCOMPARE(report.keyBits, 2048); // joined, the record is still whole
        const auto split = run(txt(keyName, good()));
        QVERIFY(!findingWithId(split, QStringLiteral("dkim.txt.string-too-long")));
    }

    void correctedRecords()
    {
        const QByteArray der = QByteArray::fromBase64(keys().rsa2048);
        auto report = run(txt(keyName, "v=DKIM1; k=rsa; p=" + pkcs1Of(der).toBase64()));
        const lint::Finding* f = findingWithId(report, QStringLiteral("dkim.key.pkcs1"));
        QVERIFY(f);
        QCOMPARE(f->correctedRecord, QString::fromLatin1("v=DKIM1; k=rsa; p=" + keys().rsa2048));

        report = run(txt(keyName, good() + "; t=y:s"));
        f = findingWithId(report, QStringLiteral("dkim.key.testing"));
        QVERIFY(f);
        QCOMPARE(f->correctedRecord, QString::fromLatin1(good() + "; t=s"));

        report = run(txt(keyName, "v=DKIM1; h=sha1; p=" + keys().rsa2048));
        QCOMPARE(findingWithId(report, QStringLiteral("dkim.key.hash-no-sha256"))->correctedRecord,
                 QString::fromLatin1("v=DKIM1; h=sha256; p=" + keys().rsa2048));
    }

    void cnameNamesTheController()
    {
        const auto report = run(keyName + ". 300 IN CNAME s1.dkim.provider.example.net.\n" +
                                txt("s1.dkim.provider.example.net", good()));
        const lint::Finding* f = findingWithId(report, QStringLiteral("dkim.selector.cname"));
        QVERIFY(f);
        QVERIFY(f->message.contains(QLatin1String("example.net")));
        QCOMPARE(report.cnameTarget, QByteArray("s1.dkim.provider.example.net"));
        QCOMPARE(report.keyBits, 2048);
    }

    void badNames()
    {
        const auto loaded = dns::RecordsFileResolver::fromText(txt(keyName, good()));
        lint::DkimKeyLint lint(*loaded.resolver);
        QCOMPARE(lint.check("example.com", "").findings.size(), std::size_t(1));
        QCOMPARE(lint.check("example..com", "s1").findings.size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestDkimKeyLint)
#include "tst_dkim_key_lint.moc"
