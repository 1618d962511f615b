// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/Envelope.h"
#include "mail/Message.h"

#include <QTest>

using namespace authlens::mail;

namespace {

const QByteArray header = "Return-Path: <bounce@sender.example>\r\n"
                          "Received: from relay.receiver.example (relay.receiver.example [10.0.0.2]) by "
                          "store.receiver.example; Mon, 23 Nov 2026 10:00:02 +0000\r\n"
                          "Received: from helo.sender.example (out.sender.example [192.0.2.1]) by "
                          "relay.receiver.example; Mon, 23 Nov 2026 10:00:01 +0000\r\n"
                          "Received: from laptop (unknown [198.51.100.9]) by helo.sender.example; "
                          "Mon, 23 Nov 2026 10:00:00 +0000\r\n"
                          "From: a@sender.example\r\n\r\nbody\r\n";

} // namespace

class TestEnvelope : public QObject
{
    Q_OBJECT

private slots:
    void topmostByDefault()
    {
        const Envelope e = Envelope::fromMessage(Message::parse(header));
        QCOMPARE(e.clientIp, QHostAddress(QStringLiteral("10.0.0.2")));
        QCOMPARE(e.helo, QByteArray("relay.receiver.example"));
        QCOMPARE(e.receivedIndex, 0);
        QCOMPARE(e.mailFrom, QByteArray("bounce@sender.example"));
        QVERIFY(e.hasMailFrom);
        QVERIFY(!e.nullMailFrom);
        QVERIFY(e.complete());
        QVERIFY(!e.notes.isEmpty());
    }

    void trustedHostsSkipInternalHops()
    {
        EnvelopeOptions options;
        options.trustedHosts = {"store.receiver.example", "RELAY.receiver.example"};
        const Envelope e = Envelope::fromMessage(Message::parse(header), options);
        QCOMPARE(e.clientIp, QHostAddress(QStringLiteral("192.0.2.1")));
        QCOMPARE(e.helo, QByteArray("helo.sender.example"));
        QCOMPARE(e.receivedIndex, 1);

        options.trustedHosts = {"nowhere.example"};
        QVERIFY(Envelope::fromMessage(Message::parse(header), options).clientIp.isNull());
    }

    void nullReturnPath()
    {
        const Envelope e =
            Envelope::fromMessage(Message::parse("Return-Path: <> (bounce)\r\nFrom: a@b.example\r\n\r\n"));
        QVERIFY(e.hasMailFrom);
        QVERIFY(e.nullMailFrom);
        QVERIFY(e.mailFrom.isEmpty());
        QVERIFY(e.clientIp.isNull());
        QVERIFY(!e.complete());
    }

    void fallbackToReceivedSpf()
    {
        const Envelope e = Envelope::fromMessage(
            Message::parse("Received-SPF: pass client-ip=192.0.2.1; envelope-from=\"x@y.example\"\r\n\r\n"));
        QVERIFY(e.hasMailFrom);
        QCOMPARE(e.mailFrom, QByteArray("x@y.example"));
        QVERIFY(!Envelope::fromMessage(Message::parse("From: a@b.example\r\n\r\n")).hasMailFrom);
    }

    void returnPathForms()
    {
        bool isNull = false;
        QCOMPARE(Envelope::parseReturnPath(" <a@b.example>", &isNull), QByteArray("a@b.example"));
        QVERIFY(!isNull);
        QCOMPARE(Envelope::parseReturnPath(" a@b.example (comment)", &isNull), QByteArray("a@b.example"));
        QCOMPARE(Envelope::parseReturnPath("<@relay.example:a@b.example>", &isNull),
                 QByteArray("a@b.example"));
        QCOMPARE(Envelope::parseReturnPath(" <>", &isNull), QByteArray());
        QVERIFY(isNull);
    }
};

QTEST_GUILESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
