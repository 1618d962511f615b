// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/AuthenticationResults.h"
#include "mail/Message.h"
#include "mail/ReceiverVerdict.h"

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
class TestAuthenticationResults : public QObject
{
    Q_OBJECT

private slots:
    void fullField()
    {
        const AuthenticationResults r = AuthenticationResults::parse(
            " mx.example.net 1; dkim=pass (2048-bit key; secure) header.d=example.com header.s=sel "
            "header.b=\"AbC+/12=\"; spf=softfail (domain of transitioning sender) "
            "smtp.mailfrom=bounce@example.com; "
            "dmarc=fail reason=\"no aligned identifier\" header.from=example.com; arc/1=none");
        QVERIFY2(r.ok(), qPrintable(r.problems.value(0).message));
        QCOMPARE(r.authservId, QByteArray("mx.example.net"));
        QCOMPARE(r.version, 1);
        QCOMPARE(r.methods.size(), std::size_t(4));
        const AuthResMethod& dkim = r.methods[0];
        QCOMPARE(dkim.method, QByteArray("dkim"));
        QCOMPARE(dkim.result, QByteArray("pass"));
        QCOMPARE(dkim.property("header", "d"), QByteArray("example.com"));
        QCOMPARE(dkim.property("HEADER", "S"), QByteArray("sel"));
        QCOMPARE(dkim.property("header", "b"), QByteArray("AbC+/12="));
        QCOMPARE(dkim.comments, QStringList{QStringLiteral("2048-bit key; secure")});
        QCOMPARE(r.methods[1].result, QByteArray("softfail"));
        QCOMPARE(r.methods[1].property("smtp", "mailfrom"), QByteArray("bounce@example.com"));
        QCOMPARE(r.methods[2].reason, QByteArray("no aligned identifier"));
        QCOMPARE(r.methods[3].method, QByteArray("arc"));
        QCOMPARE(r.methods[3].version, QByteArray("1"));
        QCOMPARE(r.methodsNamed("DKIM").size(), std::size_t(1));
        QVERIFY(r.methods[0].property("smtp", "mailfrom").isNull());
    }

    void noneAndQuotedAuthservId()
    {
        AuthenticationResults r = AuthenticationResults::parse(" example.org; none");
        QVERIFY(r.ok());
        QVERIFY(r.noResult);
        QVERIFY(r.methods.empty());
        r = AuthenticationResults::parse(
            " \"quoted.example\" (comment) ; spf = pass smtp.helo = mx.example ;");
        QVERIFY2(r.ok(), qPrintable(r.problems.value(0).message));
        QCOMPARE(r.authservId, QByteArray("quoted.example"));
        QCOMPARE(r.comments, QStringList{QStringLiteral("comment")});
        QCOMPARE(r.methods.at(0).property("smtp", "helo"), QByteArray("mx.example"));
    }

    void nestedCommentsAndCase()
    {
        const AuthenticationResults r =
            AuthenticationResults::parse("example.com; DKIM=PASS (outer (inner) text) Header.I=@Example.COM");
        QVERIFY(r.ok());
        QCOMPARE(r.methods[0].method, QByteArray("dkim"));
        QCOMPARE(r.methods[0].result, QByteArray("pass"));
        QCOMPARE(r.methods[0].comments, QStringList{QStringLiteral("outer (inner) text")});
        QCOMPARE(r.methods[0].property("header", "i"), QByteArray("@Example.COM"));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("no results") << QByteArray("example.com");
        QTest::newRow("method without result") << QByteArray("example.com; dkim");
        QTest::newRow("junk property") << QByteArray("example.com; dkim=pass junk");
        QTest::newRow("unclosed comment") << QByteArray("example.com; dkim=pass (oops");
        QTest::newRow("unclosed quote") << QByteArray("example.com; dkim=pass header.b=\"abc");
    }

    void malformed()
    {
        QFETCH(QByteArray, value);
        const AuthenticationResults r = AuthenticationResults::parse(value);
        QVERIFY(!r.ok());
    }

    void randomInputNeverCrashes()
    {
        QRandomGenerator random(815);
        int parsed = 0;
        for (int i = 0; i < 3000; ++i) {
            const AuthenticationResults r =
                AuthenticationResults::parse("mx.example; " + hostileValue(random));
            parsed += int(r.methods.size());
        }
        QVERIFY(parsed >= 0);
    }

    void keepsWhatParsed()
    {
        const AuthenticationResults r =
            AuthenticationResults::parse("mx.example; dkim; spf=pass smtp.mailfrom=a@b.example");
        QVERIFY(!r.ok());
        QCOMPARE(r.methods.size(), std::size_t(1));
        QCOMPARE(r.methods[0].method, QByteArray("spf"));
    }

    void receiverVerdict()
    {
        const Message message = Message::parse(
            "Authentication-Results: mx.receiver.example; dkim=pass header.d=a.example header.s=s1;\r\n"
            " dkim=fail reason=\"bad signature\" header.d=b.example; spf=softfail "
            "smtp.mailfrom=x@a.example;\r\n"
            " dmarc=pass policy.dmarc=reject header.from=a.example\r\n"
            "Authentication-Results: forged.example; dmarc=fail header.from=a.example\r\n"
            "Received-SPF: pass client-ip=192.0.2.1; envelope-from=\"y@a.example\"\r\n"
            "From: a@a.example\r\n\r\nbody\r\n");
        const ReceiverVerdict v = ReceiverVerdict::fromMessage(message);
        QCOMPARE(v.authservIds, QList<QByteArray>{"mx.receiver.example"});
        QCOMPARE(v.dkim.size(), std::size_t(2));
        QCOMPARE(v.dkim[0].selector, QByteArray("s1"));
        QCOMPARE(v.dkim[1].reason, QByteArray("bad signature"));
        QCOMPARE(v.spfResult, QByteArray("softfail")); // A-R wins over Received-SPF
        QCOMPARE(v.spfMailFrom, QByteArray("x@a.example"));
        QCOMPARE(v.dmarcResult, QByteArray("pass"));
        QCOMPARE(v.dmarcPolicy, QByteArray("reject"));
        QCOMPARE(v.dmarcFrom, QByteArray("a.example"));

        // Without A-R, the topmost Received-SPF speaks for SPF.
        const ReceiverVerdict spfOnly = ReceiverVerdict::fromMessage(
            Message::parse("Received-SPF: fail (no) envelope-from=z@c.example; helo=mx.c.example\r\n"
                           "Received-SPF: pass envelope-from=forged@c.example\r\n\r\n"));
        QCOMPARE(spfOnly.spfResult, QByteArray("fail"));
        QCOMPARE(spfOnly.spfHelo, QByteArray("mx.c.example"));
        QVERIFY(ReceiverVerdict::fromMessage(Message::parse("From: a@b.example\r\n\r\n")).isEmpty());
    }

    void trustedInstances()
    {
        const Message message =
            Message::parse("Authentication-Results: mx.receiver.example; dkim=pass header.d=a.example\r\n"
                           "Authentication-Results: forged.example; dkim=pass header.d=evil.example\r\n"
                           "Authentication-Results: internal.receiver.example; spf=pass\r\n"
                           "From: a@a.example\r\n\r\nbody\r\n");
        const std::vector<AuthenticationResults> all = AuthenticationResults::fromMessage(message);
        QCOMPARE(all.size(), std::size_t(3));
        QCOMPARE(all[1].fieldIndex, 1);
        QCOMPARE(all[2].line, 3);
        std::vector<AuthenticationResults> trusted = AuthenticationResults::trusted(all);
        QCOMPARE(trusted.size(), std::size_t(1));
        QCOMPARE(trusted[0].authservId, QByteArray("mx.receiver.example"));
        trusted = AuthenticationResults::trusted(all, {"INTERNAL.receiver.example", "mx.receiver.example"});
        QCOMPARE(trusted.size(), std::size_t(2));
        QCOMPARE(trusted[1].authservId, QByteArray("internal.receiver.example"));
        QVERIFY(AuthenticationResults::trusted({}, {}).empty());
    }
};

QTEST_GUILESS_MAIN(TestAuthenticationResults)
#include "tst_authentication_results.moc"
