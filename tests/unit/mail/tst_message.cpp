// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/Message.h"

#include <QTest>

using authlens::mail::Message;

class TestMessage : public QObject
{
    Q_OBJECT
private slots:
    void splitsFieldsKeepingFoldingOrderAndDuplicates()
    {
        const QByteArray raw = "Received: from a\r\n\tby b\r\nFrom: Ann <ann@example.com>\r\n"
                               "Received: from c\r\nSubject:  two  spaces \r\n\r\nbody\r\n";
        const Message m = Message::parse(raw);
        QCOMPARE(m.headerFields().size(), size_t(4));
        QCOMPARE(m.headerFields()[0].raw, QByteArray("Received: from a\r\n\tby b\r\n"));
        QCOMPARE(m.headerFields()[0].value(), QByteArrayView(" from a\r\n\tby b"));
        QCOMPARE(m.headerFields()[0].unfoldedValue(), QByteArray(" from a\tby b"));
        QCOMPARE(m.headerFields()[3].value(), QByteArrayView("  two  spaces "));
        QCOMPARE(m.fieldsNamed("received").size(), size_t(2));
        QCOMPARE(m.fieldsNamed("RECEIVED")[1]->value(), QByteArrayView(" from c"));
        QCOMPARE(m.firstFieldNamed("from")->line, 3);
        QCOMPARE(m.body(), QByteArrayView("body\r\n"));
        QVERIFY(!m.hadBareLf());
        QVERIFY(m.problems().empty());
    }

    void bodyIsAViewWithoutCopyWhenCrlf()
    {
        const QByteArray raw = "A: b\r\n\r\nline1\r\nline2\r\n";
        const Message m = Message::parse(raw);
        QCOMPARE(m.bodyOffset(), qsizetype(8));
        QCOMPARE(m.body().data(), m.bytes().constData() + 8);
    }

    void bareLfIsHashedAsCrlfAndRecorded()
    {
        const Message m = Message::parse("From: a@b.c\nSubject: x\n  y\n\nline1\nline2\r\nline3\n");
        QVERIFY(m.hadBareLf());
        QCOMPARE(m.headerFields()[1].raw, QByteArray("Subject: x\r\n  y\r\n"));
        QCOMPARE(m.body(), QByteArrayView("line1\r\nline2\r\nline3\r\n"));
        QCOMPARE(m.bytes(), QByteArray("From: a@b.c\nSubject: x\n  y\n\nline1\nline2\r\nline3\n"));
    }

    void headerOnlyAndEmptyBody()
    {
        const Message headerOnly = Message::parse("From: a@b.c\r\nTo: d@e.f\r\n");
        QVERIFY(!headerOnly.hasBodySeparator());
        QVERIFY(headerOnly.body().isEmpty());
        QCOMPARE(headerOnly.headerFields().size(), size_t(2));

        const Message emptyBody = Message::parse("From: a@b.c\r\n\r\n");
        QVERIFY(emptyBody.hasBodySeparator());
        QVERIFY(emptyBody.body().isEmpty());

        const Message noFinalBreak = Message::parse("From: a@b.c\r\nTo: d@e.f");
        QCOMPARE(noFinalBreak.headerFields()[1].raw, QByteArray("To: d@e.f"));
        QCOMPARE(noFinalBreak.problems().size(), size_t(1));
    }

    void keepsEightBitBytesAndLongLines()
    {
        QByteArray raw = "Subject: caf\xc3\xa9 \xff\r\n\r\n";
        raw += QByteArray(2 * 1024 * 1024, 'x') + "\r\n";
        const Message m = Message::parse(raw);
        QCOMPARE(m.headerFields()[0].value(), QByteArrayView(" caf\xc3\xa9 \xff"));
        QCOMPARE(m.body().size(), qsizetype(2 * 1024 * 1024 + 2));
    }

    void mboxPostmarkIsNotAHeader()
    {
        const Message m =
            Message::parse("From sender@example.com Mon Jan  1 00:00:00 2024\nFrom: a@b.c\n\nhi\n");
        QCOMPARE(m.envelopeFromLine(), QByteArray("From sender@example.com Mon Jan  1 00:00:00 2024"));
        QCOMPARE(m.headerFields().size(), size_t(1));
        QCOMPARE(m.headerFields()[0].name, QByteArray("From"));
    }

    void malformedLinesAreKeptAndReportedWithTheirLine()
    {
        const Message m = Message::parse("From: a@b.c\r\nthis is not a field\r\nBad Name: x\r\n\r\n");
        QCOMPARE(m.headerFields().size(), size_t(3));
        QVERIFY(m.headerFields()[1].malformed);
        QVERIFY(m.headerFields()[2].malformed);
        QCOMPARE(m.problems().size(), size_t(2));
        QCOMPARE(m.problems()[0].line, 2);
        QCOMPARE(m.problems()[0].offset, qsizetype(13));
        QVERIFY(m.fieldsNamed("Bad Name").empty());
    }

    void fieldNameMayHaveWhitespaceBeforeColon()
    {
        const Message m = Message::parse("Subject : hello\r\n\r\n");
        QCOMPARE(m.headerFields()[0].name, QByteArray("Subject"));
        QVERIFY(!m.headerFields()[0].malformed);
    }

    void emptyInputIsAnEmptyMessage()
    {
        const Message m = Message::parse({});
        QVERIFY(m.headerFields().empty());
        QVERIFY(!m.hasBodySeparator());
    }
};

QTEST_GUILESS_MAIN(TestMessage)
#include "tst_message.moc"
