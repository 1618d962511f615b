// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/AddressParser.h"
#include "mail/EncodedWords.h"

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
class TestAddressParser : public QObject
{
    Q_OBJECT

private slots:
    void simpleForms_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QByteArray>("local");
        QTest::addColumn<QByteArray>("domainAce");
        QTest::newRow("addr-spec") << QByteArray(" user@example.com") << QString() << QByteArray("user")
                                   << QByteArray("example.com");
        QTest::newRow("name-addr") << QByteArray(" Jane Doe <jane@Example.COM>") << QStringLiteral("Jane Doe")
                                   << QByteArray("jane") << QByteArray("example.com");
        QTest::newRow("quoted display")
            << QByteArray(" \"Doe, Jane\" <jane@example.com>") << QStringLiteral("Doe, Jane")
            << QByteArray("jane") << QByteArray("example.com");
        QTest::newRow("display looks like an address")
            << QByteArray(" \"ceo@bank.example\" <x@attacker.example>") << QStringLiteral("ceo@bank.example")
            << QByteArray("x") << QByteArray("attacker.example");
        QTest::newRow("comments everywhere")
            << QByteArray(" (c1) Jane (c2) <jane(c3)@(c4)example.com> (c5)") << QStringLiteral("Jane")
            << QByteArray("jane") << QByteArray("example.com");
        QTest::newRow("quoted local part") << QByteArray(" <\"john doe\"@example.com>") << QString()
                                           << QByteArray("john doe") << QByteArray("example.com");
        QTest::newRow("obs-route") << QByteArray(" <@relay.example,@b.example:user@example.com>") << QString()
                                   << QByteArray("user") << QByteArray("example.com");
        QTest::newRow("obs CFWS around dots") << QByteArray(" john . doe @ example . com") << QString()
                                              << QByteArray("john.doe") << QByteArray("example.com");
        QTest::newRow("encoded-word display")
            << QByteArray(" =?utf-8?q?J=C3=B6rg?= <j@example.com>") << QStringLiteral("Jörg")
            << QByteArray("j") << QByteArray("example.com");
        QTest::newRow("IDN domain") << QByteArray(" <info@b\xc3\xbc"
                                                  "cher.example>")
                                    << QString() << QByteArray("info") << QByteArray("xn--bcher-kva.example");
        QTest::newRow("trailing dot")
            << QByteArray(" a@example.com.") << QString() << QByteArray("a") << QByteArray("example.com");
    }

    void simpleForms()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, display);
        QFETCH(QByteArray, local);
        QFETCH(QByteArray, domainAce);
        const AddressList list = AddressParser::parse(value);
        QVERIFY2(list.ok(), qPrintable(list.problems.value(0).message));
        QCOMPARE(list.mailboxes.size(), std::size_t(1));
        QCOMPARE(list.mailboxes[0].displayName, display);
        QCOMPARE(list.mailboxes[0].localPart, local);
        QCOMPARE(list.mailboxes[0].domainAce, domainAce);
    }

    void idnKeepsUnicodeForDisplay()
    {
        const AddressList list = AddressParser::parse("<info@B\xc3\x9c"
                                                      "CHER.example>");
        QCOMPARE(list.mailboxes.at(0).domainAce, QByteArray("xn--bcher-kva.example"));
        QCOMPARE(list.mailboxes.at(0).domainUnicode, QStringLiteral("bücher.example"));
        // The encoded-word is never used as a domain: it is not one.
        const AddressList encoded = AddressParser::parse("x@=?utf-8?q?b=C3=BCcher?=.example");
        QCOMPARE(encoded.mailboxes.size(), std::size_t(1));
        QVERIFY(encoded.mailboxes[0].domainAce.startsWith("=?utf-8?q?"));
    }

    void multipleMailboxesAndGroups()
    {
        const AddressList list = AddressParser::parse(
            "a@one.example, Team: b@two.example, \"C\" <c@three.example>;, ,d@four.example");
        QVERIFY2(list.ok(), qPrintable(list.problems.value(0).message));
        QCOMPARE(list.mailboxes.size(), std::size_t(4));
        QCOMPARE(list.groups, QStringList{QStringLiteral("Team")});
        QCOMPARE(list.mailboxes[1].group, QStringLiteral("Team"));
        QCOMPARE(list.mailboxes[2].group, QStringLiteral("Team"));
        QCOMPARE(list.mailboxes[3].group, QString());
        QCOMPARE(list.mailboxes[3].domainAce, QByteArray("four.example"));
    }

    void emptyGroup()
    {
        const AddressList list = AddressParser::parse("undisclosed-recipients:;");
        QVERIFY(list.ok());
        QVERIFY(list.mailboxes.empty());
        QCOMPARE(list.groups.size(), 1);
    }

    void domainLiteral()
    {
        const AddressList list = AddressParser::parse("a@[192.0.2.1]");
        QVERIFY(list.ok());
        QVERIFY(list.mailboxes[0].domainLiteral);
        QVERIFY(list.mailboxes[0].domainAce.isEmpty());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("no domain") << QByteArray("user@");
        QTest::newRow("no at") << QByteArray("just text");
        QTest::newRow("unclosed angle") << QByteArray("Jane <jane@example.com");
        QTest::newRow("unclosed quote") << QByteArray("\"Jane <jane@example.com>");
        QTest::newRow("unclosed comment") << QByteArray("jane@example.com (oops");
        QTest::newRow("unclosed group") << QByteArray("Team: a@example.com");
        QTest::newRow("empty angle") << QByteArray("<>");
        QTest::newRow("double dot domain") << QByteArray("a@example..com");
        QTest::newRow("stray specials") << QByteArray(")]\\@@<<>>;;::");
    }

    void malformed()
    {
        QFETCH(QByteArray, value);
        const AddressList list = AddressParser::parse(value);
        QVERIFY(!list.ok());
        for (const AddressProblem& problem : list.problems) {
            QVERIFY(problem.position >= 0 && problem.position <= value.size());
            QVERIFY(!problem.message.isEmpty());
        }
    }

    void hostileInputTerminates()
    {
        QByteArray nasty;
        for (int i = 0; i < 5000; ++i)
            nasty += "((\"<@:,;";
        const AddressList list = AddressParser::parse(nasty);
        QVERIFY(!list.ok());
        QVERIFY(AddressParser::parse(QByteArray(100000, '(')).problems.size() >= 1);
    }

    void randomInputNeverCrashes()
    {
        QRandomGenerator random(4711);
        for (int i = 0; i < 3000; ++i) {
            const QByteArray value = hostileValue(random);
            const AddressList list = AddressParser::parse(value);
            for (const AddressProblem& problem : list.problems)
                QVERIFY(problem.position >= 0 && problem.position <= value.size());
            EncodedWords::decode(value);
        }
    }

    void toAce()
    {
        QCOMPARE(AddressParser::toAce("MAIL.Example.COM."), QByteArray("mail.example.com"));
        QCOMPARE(AddressParser::toAce("b\xc3\xbc"
                                      "cher.example"),
                 QByteArray("xn--bcher-kva.example"));
        QVERIFY(AddressParser::toAce("").isEmpty());
        QVERIFY(AddressParser::toAce(".example").isEmpty());
        QVERIFY(AddressParser::toAce(QByteArray(64, 'a') + ".example").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAddressParser)
#include "tst_address_parser.moc"
