// SPDX-License-Identifier: GPL-3.0-or-later
#include "spf/MacroExpander.h"

#include <QTest>

using namespace authlens::spf;

namespace {

MacroContext rfcExample(const QHostAddress& ip)
{
    // RFC 7208 7.4: sender strong-bad@email.example.com, client 192.0.2.3 or 2001:db8::cb01.
    MacroContext context;
    context.sender = "strong-bad@email.example.com";
    context.localPart = "strong-bad";
    context.senderDomain = "email.example.com";
    context.domain = "email.example.com";
    context.ip = ip;
    context.helo = "mx.example.org";
    context.receiver = "mx.receiver.example";
    context.timestamp = 1700000000;
    return context;
}

} // namespace

class TestSpfMacro : public QObject
{
    Q_OBJECT

private slots:
    void rfcExamples_data()
    {
        QTest::addColumn<QByteArray>("macro");
        QTest::addColumn<QByteArray>("expansion");
        // RFC 7208 7.4, every IPv4 example.
        QTest::newRow("s") << QByteArray("%{s}") << QByteArray("strong-bad@email.example.com");
        QTest::newRow("o") << QByteArray("%{o}") << QByteArray("email.example.com");
        QTest::newRow("d") << QByteArray("%{d}") << QByteArray("email.example.com");
        QTest::newRow("d4") << QByteArray("%{d4}") << QByteArray("email.example.com");
        QTest::newRow("d3") << QByteArray("%{d3}") << QByteArray("email.example.com");
        QTest::newRow("d2") << QByteArray("%{d2}") << QByteArray("example.com");
        QTest::newRow("d1") << QByteArray("%{d1}") << QByteArray("com");
        QTest::newRow("dr") << QByteArray("%{dr}") << QByteArray("com.example.email");
        QTest::newRow("d2r") << QByteArray("%{d2r}") << QByteArray("example.email");
        QTest::newRow("l") << QByteArray("%{l}") << QByteArray("strong-bad");
        QTest::newRow("l-") << QByteArray("%{l-}") << QByteArray("strong.bad");
        QTest::newRow("lr") << QByteArray("%{lr}") << QByteArray("strong-bad");
        QTest::newRow("lr-") << QByteArray("%{lr-}") << QByteArray("bad.strong");
        QTest::newRow("l1r-") << QByteArray("%{l1r-}") << QByteArray("strong");
        QTest::newRow("ir v") << QByteArray("%{ir}.%{v}._spf.%{d2}")
                              << QByteArray("3.2.0.192.in-addr._spf.example.com");
        QTest::newRow("lr- lp") << QByteArray("%{lr-}.lp._spf.%{d2}")
                                << QByteArray("bad.strong.lp._spf.example.com");
        QTest::newRow("mixed") << QByteArray("%{lr-}.lp.%{ir}.%{v}._spf.%{d2}")
                               << QByteArray("bad.strong.lp.3.2.0.192.in-addr._spf.example.com");
        QTest::newRow("mixed 2") << QByteArray("%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}")
                                 << QByteArray("3.2.0.192.in-addr.strong.lp._spf.example.com");
        QTest::newRow("trusted") << QByteArray("%{d2}.trusted-domains.example.net")
                                 << QByteArray("example.com.trusted-domains.example.net");
        // RFC 7208 7.1 escapes and the other letters.
        QTest::newRow("escapes") << QByteArray("a%%b%_c%-d") << QByteArray("a%b c%20d");
        QTest::newRow("h") << QByteArray("%{h}") << QByteArray("mx.example.org");
        QTest::newRow("several delimiters") << QByteArray("%{l2r+-}") << QByteArray("bad.strong");
        QTest::newRow("url escape") << QByteArray("%{S}") << QByteArray("strong-bad%40email.example.com");
        QTest::newRow("upper with transformer") << QByteArray("%{D2}") << QByteArray("example.com");
    }
    void rfcExamples()
    {
        QFETCH(QByteArray, macro);
        QFETCH(QByteArray, expansion);
        const MacroExpander expander(rfcExample(QHostAddress("192.0.2.3")));
        const auto result = expander.expand(macro, MacroExpander::Usage::DomainSpec);
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error->reason));
        QCOMPARE(result.text, expansion);
    }

    void ipv6()
    {
        const MacroExpander expander(rfcExample(QHostAddress("2001:db8::cb01")));
        const auto result = expander.expand("%{ir}.%{v}._spf.%{d2}", MacroExpander::Usage::DomainSpec);
        QVERIFY(result.ok());
        // RFC 7208 7.4 writes the nibbles in lower case; DNS names compare without case.
        QCOMPARE(result.text.toLower(),
                 QByteArray(
                     "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com"));
        const auto c = expander.expand("%{c} %{v}", MacroExpander::Usage::Explanation);
        QCOMPARE(c.text, QByteArray("2001:db8::cb01 ip6"));
    }

    void explanationOnlyLetters()
    {
        const MacroExpander expander(rfcExample(QHostAddress("192.0.2.3")));
        const auto exp = expander.expand("%{c} via %{r} at %{t}", MacroExpander::Usage::Explanation);
        QVERIFY(exp.ok());
        QCOMPARE(exp.text, QByteArray("192.0.2.3 via mx.receiver.example at 1700000000"));
        // RFC 7208 7.3: c, r, t are not allowed outside explanations.
        for (const char* macro : {"%{c}.example.com", "%{r}.example.com", "%{t}.example.com"}) {
            const auto bad = expander.expand(macro, MacroExpander::Usage::DomainSpec);
            QVERIFY2(!bad.ok(), macro);
            QVERIFY(bad.error->reason.contains(QStringLiteral("only allowed in explanations")));
        }
        // Spaces are text in an explanation, not in a domain-spec.
        QVERIFY(expander.expand("a b", MacroExpander::Usage::Explanation).ok());
        QVERIFY(!expander.expand("a b", MacroExpander::Usage::DomainSpec).ok());
    }

    void urlEscapesUpperCase()
    {
        // From the RFC 7208 test suite (upper-macro).
        MacroContext context = rfcExample(QHostAddress("192.0.2.3"));
        context.localPart = "~jack&jill=up-a_b3.c";
        const MacroExpander expander(context);
        QCOMPARE(expander.expand("l=%{L}", MacroExpander::Usage::Explanation).text,
                 QByteArray("l=~jack%26jill%3Dup-a_b3.c"));
    }

    void syntaxErrors_data()
    {
        QTest::addColumn<QByteArray>("macro");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("unknown letter")
            << QByteArray("x.%{a}.com") << 2 << QStringLiteral("unknown macro letter");
        QTest::newRow("zero digit") << QByteArray("%{d0}") << 0 << QStringLiteral("zero");
        QTest::newRow("bad transformer") << QByteArray("%{d2x}") << 4 << QStringLiteral("transformer");
        QTest::newRow("unterminated") << QByteArray("ab%{d") << 2 << QStringLiteral("unterminated");
        QTest::newRow("lone percent") << QByteArray("100%") << 3 << QStringLiteral("at the end");
        QTest::newRow("percent letter") << QByteArray("%(ir)") << 0 << QStringLiteral("not a macro");
        QTest::newRow("empty") << QByteArray("%{}") << 0 << QStringLiteral("empty macro");
        QTest::newRow("control char") << QByteArray("a\x01") << 1 << QStringLiteral("0x01");
    }
    void syntaxErrors()
    {
        QFETCH(QByteArray, macro);
        QFETCH(int, position);
        QFETCH(QString, reasonPart);
        const auto error = MacroExpander::check(macro, MacroExpander::Usage::DomainSpec);
        QVERIFY(error.has_value());
        QCOMPARE(error->position, position);
        QVERIFY2(error->reason.contains(reasonPart), qPrintable(error->reason));
    }

    void validatedNameIsFetchedOnceAndOnlyWhenUsed()
    {
        MacroContext context = rfcExample(QHostAddress("192.0.2.3"));
        int calls = 0;
        context.validatedName = [&calls]() {
            ++calls;
            return QByteArray("mx.example.com");
        };
        const MacroExpander expander(context);
        QCOMPARE(expander.expand("%{d}", MacroExpander::Usage::DomainSpec).text,
                 QByteArray("email.example.com"));
        QCOMPARE(calls, 0);
        QCOMPARE(expander.expand("%{p}.%{p2}.x", MacroExpander::Usage::DomainSpec).text,
                 QByteArray("mx.example.com.example.com.x"));
        QCOMPARE(calls, 1);
        // Without a way to look it up, %{p} is "unknown" (RFC 7208 7.3).
        const MacroExpander plain(rfcExample(QHostAddress("192.0.2.3")));
        QCOMPARE(plain.expand("%{p}", MacroExpander::Usage::DomainSpec).text, QByteArray("unknown"));
    }

    void truncatesLongNames()
    {
        // RFC 7208 7.3: labels come off the left until the name is at most 253 octets.
        QByteArray name = "foobar";
        for (int i = 0; i < 8; ++i)
            name += ".somewhat.long.exp.example.com";
        name += ".example.com";
        const QByteArray truncated = MacroExpander::truncateDomain(name);
        QVERIFY(truncated.size() <= 253);
        QVERIFY(truncated.startsWith("somewhat."));
        QVERIFY(name.endsWith(truncated));
        QCOMPARE(MacroExpander::truncateDomain("short.example.com"), QByteArray("short.example.com"));
    }
};

QTEST_GUILESS_MAIN(TestSpfMacro)
#include "tst_spf_macro.moc"
