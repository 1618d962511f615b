// SPDX-License-Identifier: GPL-3.0-or-later
// DeliveryStatusNotification and BounceRate: RFC 3464 reports recognized and attributed to the original
// sending domain (From, else DKIM d=), delays and other reports told apart, and the over-5% finding.
#include "dkimsetup/BounceRate.h"
#include "dkimsetup/BounceTally.h"
#include "dkimsetup/DeliveryStatusNotification.h"

#include <QRandomGenerator>
#include <QTest>

using namespace authlens;
using namespace authlens::dkimsetup;

namespace {

QByteArray report(const QByteArray& reportType, const QByteArray& action, const QByteArray& originalType,
                  const QByteArray& original)
{
    return "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\r\n"
           "To: bounces+123@mailplatform.example\r\n"
           "Subject: Undelivered Mail Returned to Sender\r\n"
           "MIME-Version: 1.0\r\n"
           "Content-Type: multipart/report; report-type=" +
           reportType +
           ";\r\n\tboundary=\"RPT\"\r\n"
           "\r\n"
           "This is a MIME-encapsulated message.\r\n"
           "--RPT\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you...\r\n"
           "--RPT\r\nContent-Type: message/delivery-status\r\n\r\n"
           "Reporting-MTA: dns; mx.example.net\r\n"
           "Arrival-Date: Mon, 2 Nov 2026 08:00:01 +0000\r\n"
           "\r\n"
           "Final-Recipient: rfc822; gone@example.net\r\n"
           "Original-Recipient: rfc822;gone@example.net\r\n"
           "Action: " +
           action +
           "\r\n"
           "Status: 5.1.1\r\n"
           "Diagnostic-Code: smtp; 550 5.1.1 <gone@example.net>: Recipient address\r\n"
           "    rejected: User unknown\r\n"
           "\r\n"
           "--RPT\r\nContent-Type: " +
           originalType + "\r\n\r\n" + original + "--RPT--\r\n";
}

const QByteArray originalMessage =
    "DKIM-Signature: v=1; a=rsa-sha256; d=Shop.Example.COM; s=s1; h=from;\r\n"
    "\tbh=abc=; b=def=\r\n"
    "DKIM-Signature: v=1; a=rsa-sha256; d=mailplatform.example; s=p; h=from;\r\n"
    "\tbh=abc=; b=def=\r\n"
    "From: Shop <news@shop.example.com>\r\n"
    "To: gone@example.net\r\n"
    "Message-ID: <n1@shop.example.com>\r\n"
    "Subject: Offer\r\n"
    "\r\n"
    "Body.\r\n";

} // namespace

class TestBounces : public QObject
{
    Q_OBJECT

private slots:
    void permanentFailureIsAttributedToTheOriginalFrom()
    {
        const auto dsn = DeliveryStatusNotification::parse(
            mail::Message::parse(report("delivery-status", "failed", "message/rfc822", originalMessage)));
        QVERIFY(dsn);
        QVERIFY(dsn->isBounce());
        QCOMPARE(dsn->reportingMta, QByteArray("dns; mx.example.net"));
        QCOMPARE(dsn->recipients.size(), size_t(1));
        QCOMPARE(dsn->recipients.front().status, QByteArray("5.1.1"));
        QCOMPARE(dsn->recipients.front().finalRecipient, QByteArray("rfc822; gone@example.net"));
        QVERIFY(dsn->recipients.front().diagnosticCode.endsWith("rejected: User unknown"));
        QCOMPARE(dsn->originalFromDomain, QByteArray("shop.example.com"));
        QCOMPARE(dsn->originalDkimDomains, (QList<QByteArray>{"shop.example.com", "mailplatform.example"}));
        QCOMPARE(dsn->originalMessageId, QByteArray("<n1@shop.example.com>"));
        // Not the DSN's own addresses (the platform's bounce address, the reporting MTA).
        QCOMPARE(dsn->sendingDomain(), QByteArray("shop.example.com"));
    }

    void headersOnlyOriginal()
    {
        QByteArray headers = originalMessage.first(originalMessage.indexOf("\r\n\r\n") + 2);
        headers.replace("From: Shop <news@shop.example.com>\r\n", "");
        const auto dsn = DeliveryStatusNotification::parse(
            mail::Message::parse(report("delivery-status", "failed", "text/rfc822-headers", headers)));
        QVERIFY(dsn);
        QVERIFY(dsn->originalFromDomain.isEmpty());
        // Without a From, the first DKIM d= says who sent it.
        QCOMPARE(dsn->sendingDomain(), QByteArray("shop.example.com"));
    }

    void delayIsNotABounce()
    {
        const auto dsn = DeliveryStatusNotification::parse(
            mail::Message::parse(report("delivery-status", "delayed", "message/rfc822", originalMessage)));
        QVERIFY(dsn);
        QVERIFY(!dsn->isBounce());
    }

    void otherMessagesAreNotNotifications()
    {
        QVERIFY(!DeliveryStatusNotification::parse(mail::Message::parse(originalMessage)));
        // A read receipt (RFC 8098) is a report, but not about delivery.
        QByteArray receipt = report("disposition-notification", "failed", "message/rfc822", originalMessage);
        receipt.replace("message/delivery-status", "message/disposition-notification");
        QVERIFY(!DeliveryStatusNotification::parse(mail::Message::parse(receipt)));
        // A report with no original attached: recognized, but no domain to count it against.
        QByteArray bare = report("delivery-status", "failed", "text/plain", "nothing\r\n");
        const auto dsn = DeliveryStatusNotification::parse(mail::Message::parse(bare));
        QVERIFY(dsn);
        QVERIFY(dsn->sendingDomain().isEmpty());
        // Garbage in a report: no crash.
        QVERIFY(DeliveryStatusNotification::parse(
            mail::Message::parse("Content-Type: multipart/report; boundary=x\r\n\r\n--x\r\nContent-Type: "
                                 "message/delivery-status\r\n\r\n"
                                 ":\r\n\r\n \r\n\t:::\r\n--x")));
    }

    void bounceRateOverFivePercent()
    {
        BounceRate high{"shop.example.com", 1000, 51};
        const auto finding = high.finding();
        QVERIFY(finding);
        QCOMPARE(finding->id, QStringLiteral("practice.bounce.rate-high"));
        QVERIFY2(finding->message.contains(QStringLiteral("51 of 1000 messages bounced (5.1%)")),
                 qPrintable(finding->message));
        QVERIFY(!(BounceRate{"shop.example.com", 1000, 50}.finding())); // exactly 5% is not over
        QVERIFY(!(BounceRate{"shop.example.com", 0, 3}.finding()));     // nothing sent: no rate
        QVERIFY((BounceRate{"shop.example.com", 1000, 11}.finding(0.01)));
    }

    void randomReportsNeverCrash()
    {
        const QList<QByteArray> fragments = {"--RPT\r\n",
                                             "--RPT--\r\n",
                                             "Content-Type: message/delivery-status\r\n",
                                             "Content-Type: message/rfc822\r\n",
                                             "Content-Type: text/rfc822-headers\r\n",
                                             "Content-Transfer-Encoding: base64\r\n",
                                             "\r\n",
                                             "Action: failed\r\n",
                                             "Status: 5.1.1\r\n",
                                             " folded\r\n",
                                             "From: x@",
                                             "example.com\r\n",
                                             "DKIM-Signature: d=",
                                             ";",
                                             "=",
                                             ":",
                                             "\x80"};
        QRandomGenerator random(3464);
        for (int round = 0; round < 3000; ++round) {
            QByteArray bytes =
                "Content-Type: multipart/report; report-type=delivery-status; boundary=RPT\r\n\r\n";
            const int count = random.bounded(1, 60);
            for (int i = 0; i < count; ++i)
                bytes += fragments.at(random.bounded(fragments.size()));
            const auto dsn = DeliveryStatusNotification::parse(mail::Message::parse(bytes));
            QVERIFY(dsn); // the report-type alone makes it a notification
            dsn->sendingDomain();
        }
    }

    void tallyPerDomain()
    {
        BounceTally tally;
        const QByteArray sent = "From: news@shop.example.com\r\nSubject: x\r\n\r\nBody\r\n";
        for (int i = 0; i < 18; ++i)
            tally.add(mail::Message::parse(sent));
        tally.add(mail::Message::parse("From: a@other.example\r\n\r\nBody\r\n"));
        tally.add(
            mail::Message::parse(report("delivery-status", "failed", "message/rfc822", originalMessage)));
        tally.add(
            mail::Message::parse(report("delivery-status", "failed", "message/rfc822", originalMessage)));
        tally.add(
            mail::Message::parse(report("delivery-status", "delayed", "message/rfc822", originalMessage)));
        tally.add(mail::Message::parse(report("delivery-status", "failed", "text/plain", "none\r\n")));
        const std::vector<BounceRate> rates = tally.rates();
        QCOMPARE(rates.size(), size_t(2));
        QCOMPARE(rates.at(0).domain, QByteArray("other.example"));
        QCOMPARE(rates.at(0).bounced, 0);
        QCOMPARE(rates.at(1).domain, QByteArray("shop.example.com"));
        QCOMPARE(rates.at(1).sent, 18); // the reports themselves are not counted as sent by the MTA's domain
        QCOMPARE(rates.at(1).bounced, 2);
        QCOMPARE(tally.unattributedBounces(), 1);
        const auto findings = tally.findings();
        QCOMPARE(findings.size(), size_t(1)); // 2/18 = 11% for shop.example.com; other.example 0%
        QCOMPARE(findings.front().subject, QStringLiteral("Mail from shop.example.com"));
    }
};

QTEST_GUILESS_MAIN(TestBounces)
#include "tst_bounces.moc"
