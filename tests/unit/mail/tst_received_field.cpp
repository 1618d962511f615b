// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/ReceivedField.h"
#include "mail/ReceivedSpf.h"

#include <QRandomGenerator>
#include <QTest>

using namespace authlens::mail;

namespace {
// Random field values built from the characters parsers trip over, reproducible from the seed.
QByteArray hostileValue(QRandomGenerator& random)
{
    static const QByteArray alphabet = QByteArrayLiteral("()<>[]:;@\\,.\" =?/\r\n\tabcxyz019-_+\xc3\xbc\xff");
    QByteArray value;
    const int length = int(random.bounded(200));
    for (int i = 0; i < length; ++i)
        value.append(alphabet.at(int(random.bounded(alphabet.size()))));
    return value;
}
} // namespace
class TestReceivedField : public QObject
{
    Q_OBJECT

private slots:
    void forms_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("helo");
        QTest::addColumn<QString>("ip");
        QTest::addColumn<QByteArray>("rdns");
        QTest::addColumn<QByteArray>("by");
        QTest::newRow("postfix") << QByteArray(
                                        " from helo.example (rdns.example [192.0.2.1]) by mx.example.net "
                                        "(Postfix) with ESMTPS id 4Xy for <a@example.net>; "
                                        "Mon, 23 Nov 2026 10:00:00 +0000 (UTC)")
                                 << QByteArray("helo.example") << QStringLiteral("192.0.2.1")
                                 << QByteArray("rdns.example") << QByteArray("mx.example.net");
        QTest::newRow("exim") << QByteArray(
                                     " from rdns.example ([192.0.2.7] helo=helo.example) by mx.example.net "
                                     "with esmtp id 1abc; Mon, 23 Nov 2026 10:00:00 +0000")
                              << QByteArray("helo.example") << QStringLiteral("192.0.2.7")
                              << QByteArray("rdns.example") << QByteArray("mx.example.net");
        QTest::newRow("exim literal") << QByteArray(" from [192.0.2.8] (helo=odd.example) by mx.example.net; "
                                                    "Mon, 23 Nov 2026 10:00:00 +0000")
                                      << QByteArray("odd.example") << QStringLiteral("192.0.2.8")
                                      << QByteArray() << QByteArray("mx.example.net");
        QTest::newRow("ipv6") << QByteArray(
                                     " from helo.example (unknown [IPv6:2001:db8::1]) by mx.example.net; "
                                     "Mon, 23 Nov 2026 10:00:00 +0000")
                              << QByteArray("helo.example") << QStringLiteral("2001:db8::1")
                              << QByteArray("unknown") << QByteArray("mx.example.net");
        QTest::newRow("local, no ip")
            << QByteArray(" by mx.example.net (Postfix, from userid 1000) id 12; "
                          "Mon, 23 Nov 2026 10:00:00 +0000")
            << QByteArray() << QString() << QByteArray() << QByteArray("mx.example.net");
    }

    void forms()
    {
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, helo);
        QFETCH(QString, ip);
        QFETCH(QByteArray, rdns);
        QFETCH(QByteArray, by);
        const ReceivedField field = ReceivedField::parse(value);
        QCOMPARE(field.helo, helo);
        QCOMPARE(field.hasFromIp(), !ip.isEmpty());
        if (!ip.isEmpty())
            QCOMPARE(field.fromIp, QHostAddress(ip));
        QCOMPARE(field.reverseDns, rdns);
        QCOMPARE(field.by, by);
        QVERIFY(field.date.isValid());
        QCOMPARE(field.date.toSecsSinceEpoch(), 1795428000);
    }

    void clauses()
    {
        const ReceivedField field =
            ReceivedField::parse("from a.example (a.example [192.0.2.1]) by b.example via relay with ESMTPSA "
                                 "id ABC for <x@y.example>; "
                                 "bogus date");
        QCOMPARE(field.via, QByteArray("relay"));
        QCOMPARE(field.with, QByteArray("ESMTPSA"));
        QCOMPARE(field.id, QByteArray("ABC"));
        QCOMPARE(field.forPath, QByteArray("<x@y.example>"));
        QVERIFY(!field.date.isValid());
        QCOMPARE(field.dateText, QByteArray("bogus date"));
    }

    void hostile()
    {
        QVERIFY(!ReceivedField::parse("").hasFromIp());
        QVERIFY(!ReceivedField::parse("from (((( by").hasFromIp());
        QVERIFY(!ReceivedField::parse("from x ([999.1.1.1])").hasFromIp());
        QVERIFY(!ReceivedField::parse(QByteArray(50000, '(')).hasFromIp());
    }

    void randomInputNeverCrashes()
    {
        QRandomGenerator random(99);
        for (int i = 0; i < 3000; ++i) {
            const QByteArray value = hostileValue(random);
            ReceivedField::parse("from " + value);
            ReceivedSpf::parse(value);
        }
    }

    void receivedSpf()
    {
        const ReceivedSpf spf = ReceivedSpf::parse(
            " Pass (mybox.example.org: domain of myname@example.com designates 192.0.2.1 as permitted "
            "sender) "
            "receiver=mybox.example.org; client-ip=192.0.2.1; envelope-from=\"myname@example.com\"; "
            "helo=foo.example.com; identity=mailfrom;");
        QVERIFY2(spf.ok(), qPrintable(spf.problems.value(0)));
        QCOMPARE(spf.result, QByteArray("pass"));
        QVERIFY(spf.comment.startsWith(QStringLiteral("mybox.example.org: domain of")));
        QCOMPARE(spf.clientIp(), QByteArray("192.0.2.1"));
        QCOMPARE(spf.envelopeFrom(), QByteArray("myname@example.com"));
        QCOMPARE(spf.helo(), QByteArray("foo.example.com"));
        QCOMPARE(spf.receiver(), QByteArray("mybox.example.org"));
        QCOMPARE(spf.identity(), QByteArray("mailfrom"));
        QVERIFY(spf.value("problem").isNull());

        QVERIFY(ReceivedSpf::parse(" softfail").ok());
        QVERIFY(!ReceivedSpf::parse(" maybe (x) a=b").ok());
        QVERIFY(!ReceivedSpf::parse(" pass (unclosed").ok());
        QVERIFY(!ReceivedSpf::parse(" pass junk; a=b").ok());
    }
};

QTEST_GUILESS_MAIN(TestReceivedField)
#include "tst_received_field.moc"
