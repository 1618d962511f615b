// SPDX-License-Identifier: GPL-3.0-or-later
#include "dns/WireFormat.h"

#include <QTest>

using namespace authlens::dns;

namespace {

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray out;
    for (int v : values)
        out.append(char(v));
    return out;
}

QByteArray wireName(const QByteArray& dotted)
{
    QByteArray out;
    for (const QByteArray& label : dotted.split('.')) {
        if (label.isEmpty())
            continue;
        out += char(label.size());
        out += label;
    }
    out += '\0';
    return out;
}

} // namespace

class TestWireFormat : public QObject
{
    Q_OBJECT
private slots:
    void txtStringsKeepTheirBoundaries()
    {
        const QByteArray rdata = bytes({3}) + "abc" + bytes({0}) + bytes({2}) + "de";
        const auto decoded = WireFormat::decodeRdata(RecordType::TXT, rdata, 0, rdata.size());
        QVERIFY(decoded.ok());
        QCOMPARE(decoded.record.strings, (QList<QByteArray>{"abc", "", "de"}));
        QCOMPARE(decoded.record.text(), QByteArray("abcde"));
    }

    void malformedTxtIsRefused()
    {
        const QByteArray overrun = bytes({5}) + "abc";
        QVERIFY(!WireFormat::decodeRdata(RecordType::TXT, overrun, 0, overrun.size()).ok());
        QVERIFY(!WireFormat::decodeRdata(RecordType::TXT, QByteArray(), 0, 0).ok());
        QVERIFY(!WireFormat::decodeRdata(RecordType::TXT, overrun, 2, 10).ok()); // outside the message
    }

    void addressesNeedExactLengths()
    {
        const QByteArray four = bytes({192, 0, 2, 1});
        const auto a = WireFormat::decodeRdata(RecordType::A, four, 0, 4);
        QVERIFY(a.ok());
        QCOMPARE(a.record.address, QHostAddress(QStringLiteral("192.0.2.1")));
        QVERIFY(!WireFormat::decodeRdata(RecordType::A, four, 0, 3).ok());
        QByteArray sixteen(16, '\0');
        sixteen[0] = char(0x20);
        sixteen[1] = char(0x01);
        sixteen[15] = char(1);
        const auto aaaa = WireFormat::decodeRdata(RecordType::AAAA, sixteen, 0, 16);
        QVERIFY(aaaa.ok());
        QCOMPARE(aaaa.record.address, QHostAddress(QStringLiteral("2001::1")));
        QVERIFY(!WireFormat::decodeRdata(RecordType::AAAA, four, 0, 4).ok());
    }

    void namesDecompressAndRejectLoops()
    {
        // "example.com" at offset 0, then MX RDATA at 13: preference 10, "mail" + pointer to 0.
        QByteArray message = wireName("example.com");
        const qsizetype rdataOffset = message.size();
        message += bytes({0, 10, 4}) + "mail" + bytes({0xc0, 0x00});
        const auto mx =
            WireFormat::decodeRdata(RecordType::MX, message, rdataOffset, message.size() - rdataOffset);
        QVERIFY2(mx.ok(), qPrintable(mx.error));
        QCOMPARE(mx.record.preference, std::uint16_t(10));
        QCOMPARE(mx.record.target, QByteArray("mail.example.com"));

        // A pointer to itself, and a forward pointer, are malformed.
        QVERIFY(!WireFormat::readName(bytes({0xc0, 0x00}), 0).ok());
        QVERIFY(!WireFormat::readName(bytes({0xc0, 0x02, 0x00}), 0).ok());
        QVERIFY(!WireFormat::readName(bytes({3, 'a', 'b'}), 0).ok());
        QVERIFY(!WireFormat::readName(bytes({0x40}), 0).ok());
        // Unusual octets are escaped, so "a.b" as one label is not two labels.
        const auto dotted = WireFormat::readName(bytes({3, 'a', '.', 'b', 0}), 0);
        QVERIFY(dotted.ok());
        QCOMPARE(dotted.text, QByteArray("a\\046b"));
        // A name must end inside its RDATA.
        const QByteArray cname = wireName("target.example");
        QVERIFY(WireFormat::decodeRdata(RecordType::CNAME, cname, 0, cname.size()).ok());
        QVERIFY(!WireFormat::decodeRdata(RecordType::CNAME, cname, 0, cname.size() - 1).ok());
    }

    void nameLengthLimit()
    {
        QByteArray longName;
        for (int i = 0; i < 5; ++i)
            longName += char(63) + QByteArray(63, 'x');
        longName += '\0';
        QVERIFY(!WireFormat::readName(longName, 0).ok());
    }

    void answerSectionOfAMessage()
    {
        QByteArray message = bytes({0x12, 0x34, 0x81, 0x80, 0, 1, 0, 2, 0, 0, 0, 0});
        message += wireName("a.example") + bytes({0, 16, 0, 1});
        // a.example CNAME b.example (pointer to the question name's "example" at offset 14)
        message += bytes({0xc0, 12, 0, 5, 0, 1, 0, 0, 0, 60, 0, 4, 1, 'b', 0xc0, 14});
        message += bytes({0xc0, 12 + 15 + 12, 0, 16, 0, 1, 0, 0, 1, 0x2c, 0, 3, 2, 'h', 'i'});
        const auto section = WireFormat::answerSection(message);
        QVERIFY2(section.ok(), qPrintable(section.error));
        QCOMPARE(section.records.size(), size_t(2));
        QCOMPARE(section.records[0].owner, QByteArray("a.example"));
        QCOMPARE(section.records[0].ttl, 60u);
        const auto target = WireFormat::decodeRdata(
            RecordType::CNAME, message, section.records[0].rdataOffset, section.records[0].rdataLength);
        QCOMPARE(target.record.target, QByteArray("b.example"));
        QCOMPARE(section.records[1].owner, QByteArray("b.example"));
        QCOMPARE(section.records[1].ttl, 300u);

        QVERIFY(!WireFormat::answerSection(message.left(message.size() - 1)).ok());
        QVERIFY(!WireFormat::answerSection(message.left(11)).ok());
    }
};

QTEST_GUILESS_MAIN(TestWireFormat)
#include "tst_wire_format.moc"
