// SPDX-License-Identifier: GPL-3.0-or-later
// Every SPF lint check, once with a record that triggers it and once with one that does not, through a
// records-file resolver built from text.
#include "LintTestSupport.h"
#include "lint/SpfLint.h"

#include <QTest>

using namespace authlens;
using linttest::findingWithId;
using linttest::ids;
using linttest::txt;

namespace {

// example.com with an MX and an address, so only the row's own records decide the findings.
QByteArray live(const QByteArray& spf)
{
    return txt("example.com", spf) + "example.com. 300 IN MX 10 mx.example.com.\n"
                                     "example.com. 300 IN A 192.0.2.1\n"
                                     "mx.example.com. 300 IN A 192.0.2.2\n";
}

// A chain of includes: example.com includes n names, each with a plain ip4 record.
QByteArray includes(int n)
{
    QByteArray record = "v=spf1";
    QByteArray zone;
    for (int i = 0; i < n; ++i) {
        const QByteArray name = "i" + QByteArray::number(i) + ".example.net";
        record += " include:" + name;
        zone += txt(name, "v=spf1 ip4:198.51.100." + QByteArray::number(i) + " -all");
    }
    return live(record + " -all") + zone;
}

lint::SpfLint::Report run(const QByteArray& zone, const QByteArray& domain = "example.com")
{
    return lint::SpfLint(*linttest::resolverOf(zone)).check(domain);
}

} // namespace

class TestSpfLint : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("expected");
        QTest::addColumn<int>("severity");
        const int error = int(lint::Severity::Error);
        const int warning = int(lint::Severity::Warning);
        const int info = int(lint::Severity::Info);
        auto row = [](const char* name, const QByteArray& zone, const char* id, bool expected, int severity) {
            QTest::newRow(name) << zone << QString::fromLatin1(id) << expected << severity;
        };

        row("missing", QByteArray("example.com. 300 IN MX 10 mx.example.com.\n"), "spf.record.missing", true,
            error);
        row("missing/no", live("v=spf1 -all"), "spf.record.missing", false, error);
        row("multiple", live("v=spf1 ip4:192.0.2.1 -all") + txt("example.com", "v=spf1 mx -all"),
            "spf.record.multiple", true, error);
        row("multiple/no",
            live("v=spf1 ip4:192.0.2.1 -all") + txt("example.com", "google-site-verification=x"),
            "spf.record.multiple", false, error);
        {
            QByteArray longRecord = "v=spf1";
            QByteArray zone = "example.com. 300 IN TXT \"v=spf1\"";
            for (int i = 0; i < 40; ++i) {
                const QByteArray term = " ip4:198.51.100." + QByteArray::number(i);
                zone += " \"" + term + "\"";
            }
            zone +=
                " \" -all\"\nexample.com. 300 IN MX 10 mx.example.com.\nmx.example.com. 300 IN A 192.0.2.2\n";
            row("too-long", zone, "spf.record.too-long", true, warning);
            row("too-long/no", live("v=spf1 ip4:198.51.100.0/24 -all"), "spf.record.too-long", false,
                warning);
        }
        row("syntax", live("v=spf1 foo:bar -all"), "spf.syntax", true, error);
        row("syntax/no", live("v=spf1 a mx -all"), "spf.syntax", false, error);
        row("ip4", live("v=spf1 ip4:192.0.2 -all"), "spf.syntax.ip4", true, error);
        row("ip4/no", live("v=spf1 ip4:192.0.2.0/24 -all"), "spf.syntax.ip4", false, error);
        row("ip6", live("v=spf1 ip6:2001:db8::zz -all"), "spf.syntax.ip6", true, error);
        row("ip6/no", live("v=spf1 ip6:2001:db8::/32 -all"), "spf.syntax.ip6", false, error);
        row("redirect-twice",
            live("v=spf1 redirect=a.example.net redirect=b.example.net") +
                txt("a.example.net", "v=spf1 -all"),
            "spf.syntax.redirect-twice", true, error);
        row("redirect-twice/no", live("v=spf1 redirect=a.example.net") + txt("a.example.net", "v=spf1 -all"),
            "spf.syntax.redirect-twice", false, error);
        row("all-twice", live("v=spf1 mx -all ~all"), "spf.syntax.all-twice", true, warning);
        row("all-twice/no", live("v=spf1 mx -all"), "spf.syntax.all-twice", false, warning);
        row("after-all", live("v=spf1 -all ip4:192.0.2.1"), "spf.terms-after-all", true, warning);
        row("after-all/no", live("v=spf1 ip4:192.0.2.1 -all exp=why.example.com"), "spf.terms-after-all",
            false, warning);
        row("pass-all", live("v=spf1 mx +all"), "spf.all.pass", true, error);
        row("pass-all/include",
            live("v=spf1 include:x.example.net -all") + txt("x.example.net", "v=spf1 all"), "spf.all.pass",
            true, error);
        row("pass-all/no", live("v=spf1 mx -all"), "spf.all.pass", false, error);
        row("neutral-all", live("v=spf1 mx ?all"), "spf.all.neutral", true, warning);
        row("neutral-all/no", live("v=spf1 mx -all"), "spf.all.neutral", false, warning);
        row("no-all", live("v=spf1 mx"), "spf.all.missing", true, warning);
        row("no-all/redirect", live("v=spf1 mx redirect=a.example.net") + txt("a.example.net", "v=spf1 -all"),
            "spf.all.missing", false, warning);
        row("redirect-neutral", live("v=spf1 redirect=a.example.net") + txt("a.example.net", "v=spf1 ?all"),
            "spf.all.neutral", true, warning);
        row("include-neutral/no",
            live("v=spf1 include:a.example.net -all") + txt("a.example.net", "v=spf1 ?all"),
            "spf.all.neutral", false, warning);
        row("softfail", live("v=spf1 mx ~all"), "spf.all.softfail", true, info);
        row("softfail/no", live("v=spf1 mx -all"), "spf.all.softfail", false, info);
        row("ptr", live("v=spf1 ptr -all"), "spf.ptr", true, warning);
        row("ptr/no", live("v=spf1 a -all"), "spf.ptr", false, warning);
        row("loop",
            live("v=spf1 include:a.example.net -all") + txt("a.example.net", "v=spf1 include:example.com"),
            "spf.loop", true, error);
        row("loop/redirect",
            live("v=spf1 redirect=a.example.net") + txt("a.example.net", "v=spf1 redirect=example.com"),
            "spf.loop", true, error);
        row("loop/no",
            live("v=spf1 include:a.example.net include:b.example.net -all") +
                txt("a.example.net", "v=spf1 include:b.example.net") + txt("b.example.net", "v=spf1 mx"),
            "spf.loop", false, error);
        row("include-none", live("v=spf1 include:none.example.net -all"), "spf.include.no-record", true,
            error);
        row("include-none/no",
            live("v=spf1 include:a.example.net -all") + txt("a.example.net", "v=spf1 -all"),
            "spf.include.no-record", false, error);
        row("redirect-none", live("v=spf1 redirect=none.example.net"), "spf.redirect.no-record", true, error);
        row("redirect-none/no", live("v=spf1 redirect=a.example.net") + txt("a.example.net", "v=spf1 -all"),
            "spf.redirect.no-record", false, error);
        row("over-limit", includes(11), "spf.lookups.over-limit", true, error);
        row("over-limit/no", includes(10), "spf.lookups.over-limit", false, error);
        row("near-limit/9", includes(9), "spf.lookups.near-limit", true, warning);
        row("near-limit/10", includes(10), "spf.lookups.near-limit", true, warning);
        row("near-limit/no", includes(8), "spf.lookups.near-limit", false, warning);
        row("void", live("v=spf1 a:n1.example.com a:n2.example.com a:n3.example.com -all"),
            "spf.void-lookups.over-limit", true, error);
        row("void/no", live("v=spf1 a:n1.example.com a:n2.example.com -all"), "spf.void-lookups.over-limit",
            false, error);
        {
            QByteArray many = live("v=spf1 mx:big.example.net -all");
            for (int i = 0; i < 11; ++i)
                many += "big.example.net. 300 IN MX 10 m" + QByteArray::number(i) + ".example.net.\n";
            many += "m0.example.net. 300 IN A 192.0.2.9\n";
            row("mx-many", many, "spf.mx.too-many", true, error);
            row("mx-many/no", live("v=spf1 mx -all"), "spf.mx.too-many", false, error);
        }
        row("a-none", live("v=spf1 a:gone.example.com -all"), "spf.a.no-address", true, warning);
        row("a-none/no", live("v=spf1 a:mx.example.com -all"), "spf.a.no-address", false, warning);
        row("mx-none", live("v=spf1 mx:mx.example.com -all"), "spf.mx.no-address", true, warning);
        row("mx-host-none",
            live("v=spf1 mx:other.example.com -all") + "other.example.com. 300 IN MX 5 dead.example.com.\n",
            "spf.mx.no-address", true, warning);
        row("mx-none/no", live("v=spf1 mx -all"), "spf.mx.no-address", false, warning);
        row("parked",
            txt("example.com", "v=spf1 include:a.example.net ~all") + txt("a.example.net", "v=spf1 -all"),
            "spf.parked.not-fail", true, warning);
        row("parked/no", txt("example.com", "v=spf1 -all"), "spf.parked.not-fail", false, warning);
        row("parked/live", live("v=spf1 mx ~all"), "spf.parked.not-fail", false, warning);
        row("temperror", live("v=spf1 include:slow.example.net -all") + "; TEMPFAIL slow.example.net.\n",
            "spf.dns.temperror", true, warning);
        row("temperror/no", live("v=spf1 include:a.example.net -all") + txt("a.example.net", "v=spf1 -all"),
            "spf.dns.temperror", false, warning);
    }

    void check()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QString, id);
        QFETCH(bool, expected);
        QFETCH(int, severity);
        const lint::SpfLint::Report report = run(zone);
        const lint::Finding* f = findingWithId(report, id);
        if (expected != (f != nullptr))
            qWarning("findings: %s", qPrintable(ids(report)));
        QCOMPARE(f != nullptr, expected);
        if (f) {
            QCOMPARE(int(f->severity), severity);
            QVERIFY(!f->message.isEmpty());
            QVERIFY(!f->fix.isEmpty());
            QVERIFY(f->reference.contains(QLatin1String("RFC")));
            QVERIFY(f->subject.contains(QLatin1String(".example.")) ||
                    f->subject.contains(QLatin1String("example.")));
        }
    }

    // A string over 255 octets cannot be written in a records file, so this zone is built in memory.
    void stringOver255()
    {
        auto zone = std::make_shared<dns::Zone>();
        dns::DnsRecord record;
        record.strings = {"v=spf1 ip4:192.0.2.1 " + QByteArray(250, 'x').prepend("exp=") + " -all"};
        zone->add("example.com", record);
        dns::RecordsFileResolver resolver(zone);
        const auto report = lint::SpfLint(resolver).check("example.com");
        QVERIFY(findingWithId(report, QStringLiteral("spf.txt.string-too-long")));

        auto split = std::make_shared<dns::Zone>();
        record.strings = {"v=spf1 ip4:192.0.2.1 ", "exp=" + QByteArray(240, 'x') + " -all"};
        split->add("example.com", record);
        dns::RecordsFileResolver splitResolver(split);
        const auto clean = lint::SpfLint(splitResolver).check("example.com");
        QVERIFY(!findingWithId(clean, QStringLiteral("spf.txt.string-too-long")));
    }

    void countsThroughIncludesAndRedirects()
    {
        // top: include(1) + a(1) + redirect(1); n1: include(1) + mx(1); n2: exists(1) -> 6
        const auto report =
            run(live("v=spf1 include:n1.example.net a redirect=n3.example.net") +
                txt("n1.example.net", "v=spf1 include:n2.example.net mx:example.com") +
                txt("n2.example.net", "v=spf1 exists:%{d}") + txt("n3.example.net", "v=spf1 -all"));
        QCOMPARE(report.dnsTerms, 6);
        QCOMPARE(report.record, QByteArray("v=spf1 include:n1.example.net a redirect=n3.example.net"));
    }

    void correctedRecords()
    {
        const auto soft =
            run(live("v=spf1 include:_spf.example.net ~all") + txt("_spf.example.net", "v=spf1 -all"));
        const lint::Finding* f = findingWithId(soft, QStringLiteral("spf.all.softfail"));
        QVERIFY(f);
        QCOMPARE(f->correctedRecord, QStringLiteral("v=spf1 include:_spf.example.net -all"));

        const auto after = run(live("v=spf1 mx -all a exp=e.example.com"));
        f = findingWithId(after, QStringLiteral("spf.terms-after-all"));
        QVERIFY(f);
        QCOMPARE(f->correctedRecord, QStringLiteral("v=spf1 mx -all exp=e.example.com"));

        const auto merged =
            run(live("v=spf1 ip4:192.0.2.1 -all") + txt("example.com", "v=spf1 mx ip4:192.0.2.1 -all"));
        f = findingWithId(merged, QStringLiteral("spf.record.multiple"));
        QVERIFY(f);
        QCOMPARE(f->correctedRecord, QStringLiteral("v=spf1 ip4:192.0.2.1 mx -all"));

        const auto conflict = run(live("v=spf1 ip4:192.0.2.1 -all") + txt("example.com", "v=spf1 mx ~all"));
        f = findingWithId(conflict, QStringLiteral("spf.record.multiple"));
        QVERIFY(f);
        QVERIFY(f->correctedRecord.isEmpty());

        const auto parked = run("example.com. 300 IN TXT \"unrelated\"\n");
        f = findingWithId(parked, QStringLiteral("spf.record.missing"));
        QVERIFY(f);
        QCOMPARE(f->correctedRecord, QStringLiteral("v=spf1 -all"));
    }

    void hostileTreesEnd()
    {
        // Every include fans out to two more: the walk is capped and finishes.
        QByteArray zone = live("v=spf1 include:t0.example.net -all");
        for (int i = 0; i < 200; ++i) {
            zone += txt("t" + QByteArray::number(i) + ".example.net",
                        "v=spf1 include:t" + QByteArray::number(2 * i + 1) + ".example.net include:t" +
                            QByteArray::number(2 * i + 2) + ".example.net");
        }
        const auto report = run(zone);
        QVERIFY(findingWithId(report, QStringLiteral("spf.lookups.over-limit")));
        QVERIFY(report.dnsTerms <= 2 * lint::SpfLint::maxRecordsWalked + 1);
    }

    void badDomainName()
    {
        const auto report = run(live("v=spf1 -all"), "bad..example.com");
        QCOMPARE(report.findings.size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestSpfLint)
#include "tst_spf_lint.moc"
