// SPDX-License-Identifier: GPL-3.0-or-later
#include "spf/Record.h"

#include <QTest>

using namespace authlens::spf;

class TestSpfRecord : public QObject
{
    Q_OBJECT

private slots:
    void recognisesVersion_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("isSpf");
        QTest::newRow("bare") << QByteArray("v=spf1") << true;
        QTest::newRow("terms") << QByteArray("v=spf1 -all") << true;
        QTest::newRow("upper case") << QByteArray("V=SpF1 ~all") << true;
        QTest::newRow("spf10") << QByteArray("v=spf10") << false;
        QTest::newRow("no space") << QByteArray("v=spf1mx") << false;
        QTest::newRow("leading space") << QByteArray(" v=spf1 -all") << false;
        QTest::newRow("tab") << QByteArray("v=spf1\t-all") << false;
        QTest::newRow("other TXT") << QByteArray("google-site-verification=abc") << false;
        QTest::newRow("empty") << QByteArray() << false;
    }
    void recognisesVersion()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, isSpf);
        QCOMPARE(Record::isSpfRecord(text), isSpf);
    }

    void selectsExactlyOneRecord()
    {
        // RFC 7208 4.5
        auto none = Record::select({"some token", "v=spf10 a"});
        QCOMPARE(none.status, Record::Selection::Status::None);
        auto one = Record::select({"some token", "v=spf1 a -all", "v=spf10"});
        QCOMPARE(one.status, Record::Selection::Status::One);
        QCOMPARE(one.record, QByteArray("v=spf1 a -all"));
        auto two = Record::select({"v=spf1 -all", "V=SPF1 +all"});
        QCOMPARE(two.status, Record::Selection::Status::Multiple);
        QCOMPARE(two.count, 2);
    }

    void parsesEveryMechanismAndModifier()
    {
        const QByteArray text = "v=spf1 +a/24//64 MX:mail.example.com ip4:192.0.2.0/24 ip6:2001:DB8::/32 "
                                "-include:_spf.example.net ?exists:%{i}.bl.example.org ptr ~all "
                                "redirect=r.example.com exp=exp.%{d} moo=bar";
        const Record::Parse parse = Record::parse(text);
        QVERIFY2(parse.ok(), parse.ok() ? "" : qPrintable(parse.errors.front().toString()));
        const auto& m = parse.record.mechanisms();
        QCOMPARE(m.size(), std::size_t(8));
        QCOMPARE(m[0].type, MechanismType::A);
        QCOMPARE(m[0].qualifier, Qualifier::Pass);
        QCOMPARE(m[0].ip4Prefix, 24);
        QCOMPARE(m[0].ip6Prefix, 64);
        QVERIFY(m[0].domainSpec.isEmpty());
        QCOMPARE(m[1].type, MechanismType::Mx);
        QCOMPARE(m[1].domainSpec, QByteArray("mail.example.com"));
        QCOMPARE(m[1].ip4Prefix, 32);
        QCOMPARE(m[2].type, MechanismType::Ip4);
        QCOMPARE(m[2].network, QHostAddress("192.0.2.0"));
        QCOMPARE(m[2].ip4Prefix, 24);
        QCOMPARE(m[3].type, MechanismType::Ip6);
        QCOMPARE(m[3].network, QHostAddress("2001:db8::"));
        QCOMPARE(m[3].ip6Prefix, 32);
        QCOMPARE(m[4].type, MechanismType::Include);
        QCOMPARE(m[4].qualifier, Qualifier::Fail);
        QCOMPARE(m[4].domainSpec, QByteArray("_spf.example.net"));
        QCOMPARE(m[5].type, MechanismType::Exists);
        QCOMPARE(m[5].qualifier, Qualifier::Neutral);
        QCOMPARE(m[6].type, MechanismType::Ptr);
        QCOMPARE(m[7].type, MechanismType::All);
        QCOMPARE(m[7].qualifier, Qualifier::SoftFail);
        QCOMPARE(m[7].position, int(text.indexOf("~all")));
        QVERIFY(parse.record.redirect());
        QCOMPARE(parse.record.redirect()->value, QByteArray("r.example.com"));
        QVERIFY(parse.record.explanation());
        QCOMPARE(parse.record.explanation()->value, QByteArray("exp.%{d}"));
        QCOMPARE(parse.record.modifiers().size(), std::size_t(3));
        QCOMPARE(parse.record.modifiers()[2].name, QByteArray("moo"));
        // a, mx, include, exists, ptr and redirect query the DNS (RFC 7208 4.6.4).
        QCOMPARE(parse.record.dnsQueryingTerms(), 6);
    }

    void acceptsOddButValidSyntax_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty record") << QByteArray("v=spf1");
        QTest::newRow("several spaces") << QByteArray("v=spf1  a   -all  ");
        QTest::newRow("colon in domain") << QByteArray("v=spf1 a:foo:bar/baz.example.com");
        QTest::newRow("trailing dot") << QByteArray("v=spf1 include:o.spf.example.com. -all");
        QTest::newRow("macro end") << QByteArray("v=spf1 redirect=%{d}.d.spf.example.com.");
        QTest::newRow("idn toplabel") << QByteArray("v=spf1 a:foo.example.xn--zckzah -all");
        QTest::newRow("prefix 0") << QByteArray("v=spf1 ip4:0.0.0.0/0 a/0 mx//0");
        QTest::newRow("unknown modifier, empty value") << QByteArray("v=spf1 moo= -all");
        QTest::newRow("unknown modifier charset") << QByteArray("v=spf1 moo.cow-far_out=man:dog/cat -all");
        QTest::newRow("mapped ip6") << QByteArray("v=spf1 ip6:::FFFF:1.2.3.4");
        QTest::newRow("macro escapes")
            << QByteArray("v=spf1 a:macro%%percent%_%_space%-url-space.example.com");
    }
    void acceptsOddButValidSyntax()
    {
        QFETCH(QByteArray, text);
        const Record::Parse parse = Record::parse(text);
        QVERIFY2(parse.ok(), parse.ok() ? "" : qPrintable(parse.errors.front().toString()));
    }

    void reportsErrorsWithTermAndPosition_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("term");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("octet 300") << QByteArray("v=spf1 ip4:192.0.2.300 -all")
                                   << QByteArray("ip4:192.0.2.300") << 11
                                   << QStringLiteral("not a valid IPv4");
        QTest::newRow("ip4 /33") << QByteArray("v=spf1 a ip4:1.2.3.4/33") << QByteArray("ip4:1.2.3.4/33")
                                 << 20 << QStringLiteral("prefix length");
        QTest::newRow("leading zero prefix")
            << QByteArray("v=spf1 ip4:1.2.3.4/032") << QByteArray("ip4:1.2.3.4/032") << 18
            << QStringLiteral("leading zero");
        QTest::newRow("ip6 /129") << QByteArray("v=spf1 ip6:::1/129") << QByteArray("ip6:::1/129") << 14
                                  << QStringLiteral("prefix length");
        QTest::newRow("a dual cidr wrong") << QByteArray("v=spf1 a/24/64 -all") << QByteArray("a/24/64") << 11
                                           << QStringLiteral("IPv4 prefix");
        QTest::newRow("mx //129") << QByteArray("v=spf1 mx//129") << QByteArray("mx//129") << 9
                                  << QStringLiteral("IPv6 prefix");
        QTest::newRow("unknown mechanism") << QByteArray("v=spf1 a moo -all") << QByteArray("moo") << 9
                                           << QStringLiteral("unknown mechanism");
        QTest::newRow("include without domain")
            << QByteArray("v=spf1 include -all") << QByteArray("include") << 14 << QStringLiteral("needs");
        QTest::newRow("a: empty") << QByteArray("v=spf1 a: -all") << QByteArray("a:") << 9
                                  << QStringLiteral("empty domain-spec");
        QTest::newRow("all with argument")
            << QByteArray("v=spf1 -all:foo") << QByteArray("-all:foo") << 11 << QStringLiteral("no argument");
        QTest::newRow("numeric toplabel")
            << QByteArray("v=spf1 a:111.222.33.44") << QByteArray("a:111.222.33.44") << 20
            << QStringLiteral("top-level label");
        QTest::newRow("single label") << QByteArray("v=spf1 a:museum") << QByteArray("a:museum") << 9
                                      << QStringLiteral("top-level label");
        QTest::newRow("macro then lone dot") << QByteArray("v=spf1 a:%{d}.") << QByteArray("a:%{d}.") << 9
                                             << QStringLiteral("top-level label");
        QTest::newRow("unknown macro letter")
            << QByteArray("v=spf1 exists:%{x}.example.com") << QByteArray("exists:%{x}.example.com") << 14
            << QStringLiteral("unknown macro letter");
        QTest::newRow("explanation-only macro")
            << QByteArray("v=spf1 -all exp=%{r}.example.com") << QByteArray("exp=%{r}.example.com") << 16
            << QStringLiteral("only allowed in explanations");
        QTest::newRow("unterminated macro")
            << QByteArray("v=spf1 exists:%{i.example.com") << QByteArray("exists:%{i.example.com") << 14
            << QStringLiteral("unterminated");
        QTest::newRow("bad percent") << QByteArray("v=spf1 -all foo=%abc") << QByteArray("foo=%abc") << 16
                                     << QStringLiteral("not a macro");
        QTest::newRow("redirect twice")
            << QByteArray("v=spf1 redirect=a.example.com redirect=b.example.com")
            << QByteArray("redirect=b.example.com") << 30 << QStringLiteral("more than once");
        QTest::newRow("exp twice") << QByteArray("v=spf1 exp=a.example.com -all exp=b.example.com")
                                   << QByteArray("exp=b.example.com") << 30
                                   << QStringLiteral("more than once");
        QTest::newRow("bad modifier name") << QByteArray("v=spf1 1up=foo") << QByteArray("1up=foo") << 7
                                           << QStringLiteral("not a valid modifier name");
        QTest::newRow("control character")
            << QByteArray("v=spf1 a:ctrl.example.com\rptr -all") << QByteArray("a:ctrl.example.com\rptr")
            << 25 << QStringLiteral("0x0d is not allowed");
        QTest::newRow("non-ascii") << QByteArray("v=spf1 a:\xef\xbb\xbfgarbage.example.net -all")
                                   << QByteArray("a:\xef\xbb\xbfgarbage.example.net") << 9
                                   << QStringLiteral("not allowed");
        QTest::newRow("not spf") << QByteArray("v=spf2 -all") << QByteArray() << 0
                                 << QStringLiteral("v=spf1");
    }
    void reportsErrorsWithTermAndPosition()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, term);
        QFETCH(int, position);
        QFETCH(QString, reasonPart);
        const Record::Parse parse = Record::parse(text);
        QVERIFY(!parse.ok());
        const ParseError& error = parse.errors.front();
        QCOMPARE(error.term, term);
        QCOMPARE(error.position, position);
        QVERIFY2(error.reason.contains(reasonPart), qPrintable(error.reason));
    }

    void collectsEveryError()
    {
        // A linter wants them all: parsing goes on after the first bad term.
        const Record::Parse parse = Record::parse("v=spf1 ip4:1.2.3 moo ip6:zz -all exp= a");
        QCOMPARE(parse.errors.size(), std::size_t(4));
        QCOMPARE(parse.errors[0].term, QByteArray("ip4:1.2.3"));
        QCOMPARE(parse.errors[1].term, QByteArray("moo"));
        QCOMPARE(parse.errors[2].term, QByteArray("ip6:zz"));
        QCOMPARE(parse.errors[3].term, QByteArray("exp="));
        // The good terms are still there.
        QCOMPARE(parse.record.mechanisms().size(), std::size_t(2));
    }

    void hostileInputNeverCrashes()
    {
        QByteArray junk = "v=spf1 ";
        for (int i = 0; i < 4000; ++i)
            junk += char(i % 256);
        const Record::Parse parse = Record::parse(junk);
        QVERIFY(!parse.ok());
        QVERIFY(!Record::parse("v=spf1 %").ok());
        QVERIFY(!Record::parse("v=spf1 a:%{").ok());
        // A huge digit transformer is capped, not overflowed.
        QVERIFY(Record::parse("v=spf1 a:%{d99999999999999999}.com").ok());
        QVERIFY(!Record::parse("v=spf1 ip4:/").ok());
        QVERIFY(!Record::parse("v=spf1 ip6:").ok());
        QVERIFY(!Record::parse("v=spf1 +").ok());
    }
};

QTEST_GUILESS_MAIN(TestSpfRecord)
#include "tst_spf_record.moc"
