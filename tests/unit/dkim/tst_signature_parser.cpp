// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkim/SignatureParser.h"

#include <QTest>

using namespace authlens::dkim;

class TestSignatureParser : public QObject
{
    Q_OBJECT

private:
    static QByteArray base(const QByteArray& extra = {})
    {
        return " v=1; a=rsa-sha256; c=relaxed/simple; d=example.com; s=sel;\r\n\th=from:to : subject; "
               "bh=YWJj; "
               "b=ZGVm\r\n ZGVm;" +
               extra;
    }

private slots:
    void parsesEveryTagWithFws()
    {
        const auto r =
            SignatureParser::parse(base(" i=joe=40sub.example.com; l=12; t=100; x=200; q=dns/txt; z=a"));
        QVERIFY2(r.signature, qPrintable(r.error));
        const Signature& s = *r.signature;
        QCOMPARE(s.algorithm, Algorithm::RsaSha256);
        QCOMPARE(s.headerCanonicalization, Canonicalization::Relaxed);
        QCOMPARE(s.bodyCanonicalization, Canonicalization::Simple);
        QCOMPARE(s.sdid, QByteArray("example.com"));
        QCOMPARE(s.selector, QByteArray("sel"));
        QCOMPARE(s.signedHeaderNames.size(), size_t(3));
        QCOMPARE(s.signedHeaderNames[2], QByteArray("subject"));
        QCOMPARE(s.bodyHash, QByteArray("abc"));
        QCOMPARE(s.signature, QByteArray("defdef"));
        QCOMPARE(s.auid, QByteArray("joe@sub.example.com"));
        QCOMPARE(*s.bodyLength, quint64(12));
        QCOMPARE(*s.timestamp, qint64(100));
        QCOMPARE(*s.expiration, qint64(200));
        QCOMPARE(s.keyName(), QByteArray("sel._domainkey.example.com"));
    }

    void defaults()
    {
        const auto r =
            SignatureParser::parse("v=1; a=ed25519-sha256; d=Example.COM; s=s; h=From; bh=YQ==; b=YQ==");
        QVERIFY2(r.signature, qPrintable(r.error));
        QCOMPARE(r.signature->headerCanonicalization, Canonicalization::Simple);
        QCOMPARE(r.signature->bodyCanonicalization, Canonicalization::Simple);
        QCOMPARE(r.signature->auid, QByteArray("@example.com"));
        QCOMPARE(r.domain, QByteArray("Example.COM"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("expected");
        const QByteArray ok = "v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=YWJj; b=ZGVm";
        QTest::newRow("duplicate") << ok + "; d=example.org" << QStringLiteral("duplicate tag");
        for (const char* tag : {"v", "a", "b", "bh", "d", "h", "s"}) {
            QByteArray without;
            for (const QByteArray& part : ok.split(';')) {
                if (part.trimmed().split('=').first() != tag)
                    without += part + ";";
            }
            QTest::newRow(tag) << without
                               << QStringLiteral("required tag %1= is missing").arg(QLatin1String(tag));
        }
        QTest::newRow("version") << QByteArray(ok).replace("v=1", "v=2")
                                 << QStringLiteral("unsupported signature version");
        QTest::newRow("algorithm") << QByteArray(ok).replace("rsa-sha256", "rsa-md5")
                                   << QStringLiteral("unsupported signing algorithm");
        QTest::newRow("canon") << ok + "; c=relaxed/fancy" << QStringLiteral("unsupported canonicalization");
        QTest::newRow("query") << ok + "; q=http" << QStringLiteral("unsupported query method");
        QTest::newRow("no from") << QByteArray(ok).replace("h=from", "h=to:subject")
                                 << QStringLiteral("does not include From");
        QTest::newRow("i outside") << ok + "; i=@evil.com" << QStringLiteral("is not d=");
        QTest::newRow("i suffix") << ok + "; i=@notexample.com" << QStringLiteral("is not d=");
        QTest::newRow("x before t") << ok + "; t=200; x=100" << QStringLiteral("earlier than t=");
        QTest::newRow("bad l") << ok + "; l=12a" << QStringLiteral("l=");
        QTest::newRow("bad base64") << QByteArray(ok).replace("b=ZGVm", "b=Z*Vm")
                                    << QStringLiteral("b= is not valid base64");
        QTest::newRow("not a tag") << ok + "; junk" << QStringLiteral("is not tag=value");
        QTest::newRow("empty tag") << QByteArray("v=1;; a=rsa-sha256") << QStringLiteral("empty tag");
        QTest::newRow("bad name") << QByteArray("1v=1") << QStringLiteral("invalid tag name");
    }

    void errors()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, expected);
        const auto r = SignatureParser::parse(value);
        QVERIFY(!r.signature);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
    }

    void trailingSemicolonAllowed()
    {
        QVERIFY(SignatureParser::parse("v=1; a=rsa-sha256; d=e.com; s=s; h=from; bh=YQ==; b=YQ==; \r\n ")
                    .signature);
    }

    void hostileInputNeverCrashes()
    {
        QByteArray junk;
        for (int i = 0; i < 2000; ++i)
            junk.append(char((i * 7919) % 256));
        const auto r = SignatureParser::parse(junk);
        QVERIFY(!r.signature);
        QVERIFY(!r.error.isEmpty());
    }

    void valueOffsetsPointAtB()
    {
        const QByteArray value = " v=1; b= ab\r\n cd ; bh=x";
        const auto parsed = TagList::parse(value);
        QVERIFY(parsed.tags);
        const Tag* b = parsed.tags->find("b");
        QCOMPARE(value.mid(b->valueStart, b->valueEnd - b->valueStart), QByteArray(" ab\r\n cd "));
    }
};

QTEST_GUILESS_MAIN(TestSignatureParser)
#include "tst_signature_parser.moc"
