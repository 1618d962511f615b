// SPDX-License-Identifier: GPL-3.0-or-later
// MessageLimits: at each limit the message is accepted; one past it, Message::limitError() names the
// limit, its value and where it was broken.
#include "mail/Message.h"

#include <QTest>

using authlens::mail::Message;
using authlens::mail::MessageLimits;

class TestMessageLimits : public QObject
{
    Q_OBJECT

    static QByteArray fields(int count)
    {
        QByteArray header;
        for (int n = 0; n < count; ++n)
            header += "X-N: " + QByteArray::number(n) + "\r\n";
        return header;
    }

private slots:
    void defaultsAreDocumented()
    {
        const MessageLimits limits;
        QCOMPARE(limits.maxHeaderBytes, qsizetype(1024 * 1024));
        QCOMPARE(limits.maxHeaderFields, 1000);
        QCOMPARE(limits.maxLineBytes, qsizetype(1024 * 1024));
        // parse() without limits applies the defaults.
        const QByteArray header = "From: a@example.com\r\n" + fields(1000) + "\r\nbody\r\n";
        QVERIFY(Message::parse(header).limitError().has_value());
        QVERIFY(!Message::parse("From: a@example.com\r\n" + fields(999) + "\r\nbody\r\n").limitError());
    }

    void headerFieldCount()
    {
        MessageLimits limits;
        limits.maxHeaderFields = 5;
        // A folded field counts once.
        const QByteArray atLimit = fields(4) + "Subject: a\r\n folded\r\n\r\nbody\r\n";
        const Message ok = Message::parse(atLimit, limits);
        QVERIFY(!ok.limitError());
        QCOMPARE(ok.headerFields().size(), size_t(5));
        QCOMPARE(ok.body(), QByteArrayView("body\r\n"));

        const QByteArray onePast = fields(6) + "\r\nbody\r\n";
        const Message refused = Message::parse(onePast, limits);
        QVERIFY(refused.limitError());
        const auto& error = *refused.limitError();
        QCOMPARE(error.line, 6);
        QCOMPARE(error.offset, onePast.indexOf("X-N: 5"));
        QVERIFY2(error.message.contains(QLatin1String("header-fields limit of 5")),
                 qPrintable(error.message));
        QVERIFY(error.message.contains(QLatin1String("header field 6")));
        QCOMPARE(refused.headerFields().size(), size_t(5)); // what came before is kept
        QVERIFY(!refused.hasBodySeparator());
    }

    void headerBlockSize()
    {
        const QByteArray header = "From: a@example.com\r\nSubject: 0123456789\r\n"; // 21 + 22 bytes
        MessageLimits limits;
        limits.maxHeaderBytes = header.size();
        // The mbox postmark and the empty line are not part of the header block.
        const QByteArray atLimit = "From sender Mon Jan  1 00:00:00 2024\n" + header + "\r\nbody\r\n";
        const Message ok = Message::parse(atLimit, limits);
        QVERIFY(!ok.limitError());
        QCOMPARE(ok.headerFields().size(), size_t(2));

        limits.maxHeaderBytes = header.size() - 1;
        const Message refused = Message::parse(atLimit, limits);
        QVERIFY(refused.limitError());
        QCOMPARE(refused.limitError()->line, 3);
        QCOMPARE(refused.limitError()->offset, atLimit.indexOf("Subject:"));
        QVERIFY2(refused.limitError()->message.contains(
                     QStringLiteral("header-size limit of %1 bytes").arg(header.size() - 1)),
                 qPrintable(refused.limitError()->message));
    }

    void lineLengthInTheHeader()
    {
        MessageLimits limits;
        limits.maxLineBytes = 100;
        const QByteArray value(100 - 9, 'v'); // "Subject: " is 9 bytes
        const QByteArray atLimit = "From: a@example.com\r\nSubject: " + value + "\r\n\r\nbody\r\n";
        QVERIFY(!Message::parse(atLimit, limits).limitError());
        // The line break does not count, CRLF or bare LF.
        QVERIFY(
            !Message::parse("From: a@example.com\nSubject: " + value + "\n\nbody\n", limits).limitError());

        const QByteArray onePast = "From: a@example.com\r\nSubject: " + value + "w\r\n\r\nbody\r\n";
        const Message refused = Message::parse(onePast, limits);
        QVERIFY(refused.limitError());
        QCOMPARE(refused.limitError()->line, 2);
        QCOMPARE(refused.limitError()->offset, qsizetype(21));
        QCOMPARE(refused.limitError()->message,
                 QStringLiteral("line 2 is 101 bytes long: over the line-length limit of 100 bytes"));
    }

    void lineLengthInTheBody()
    {
        MessageLimits limits;
        limits.maxLineBytes = 50;
        const QByteArray head = "From: a@example.com\r\n\r\nshort\r\n";
        const QByteArray atLimit = head + QByteArray(50, 'b') + "\r\nend\r\n";
        const Message ok = Message::parse(atLimit, limits);
        QVERIFY(!ok.limitError());
        QCOMPARE(ok.body().size(), qsizetype(7 + 52 + 5));

        // Bare LF and a last line without any line break are measured the same way.
        const QByteArray bareLf = head + QByteArray(51, 'b') + "\nend\n";
        const Message refused = Message::parse(bareLf, limits);
        QVERIFY(refused.limitError());
        QCOMPARE(refused.limitError()->line, 4);
        QCOMPARE(refused.limitError()->offset, head.size());
        QVERIFY(refused.limitError()->message.contains(QLatin1String("line 4 is 51 bytes long")));
        QVERIFY(!Message::parse(head + QByteArray(50, 'b'), limits).limitError());
        QVERIFY(Message::parse(head + QByteArray(51, 'b'), limits).limitError());
    }

    void postmarkLineIsMeasuredToo()
    {
        MessageLimits limits;
        limits.maxLineBytes = 40;
        const QByteArray postmark = "From " + QByteArray(36, 's'); // 41 bytes
        const Message refused = Message::parse(postmark + "\nFrom: a@example.com\n\nbody\n", limits);
        QVERIFY(refused.limitError());
        QCOMPARE(refused.limitError()->line, 1);
        QCOMPARE(refused.limitError()->offset, qsizetype(0));
    }

    void hugeLineWithDefaultLimits()
    {
        // The case: a line over 1 MB is a clear error, not a crash or a silent import.
        const QByteArray raw = "From: a@example.com\r\n\r\n" + QByteArray(1024 * 1024 + 1, 'x') + "\r\n";
        const Message m = Message::parse(raw);
        QVERIFY(m.limitError());
        QVERIFY(m.limitError()->message.contains(QLatin1String("line-length limit of 1048576 bytes")));
        QVERIFY(!Message::parse("From: a@example.com\r\n\r\n" + QByteArray(1024 * 1024, 'x') + "\r\n")
                     .limitError());
    }
};

QTEST_APPLESS_MAIN(TestMessageLimits)
#include "tst_message_limits.moc"
