// SPDX-License-Identifier: GPL-3.0-or-later
// Every DMARC lint check, once with a record that triggers it and once with one that does not.
#include "LintTestSupport.h"
#include "lint/DmarcLint.h"

#include <QTest>

using namespace authlens;
using linttest::findingWithId;
using linttest::ids;
using linttest::txt;

namespace {

const QByteArray good = "v=DMARC1; p=reject; rua=mailto:dmarc@example.com";

// example.com receives mail (so report addresses there have an MX) and publishes `record` at _dmarc.
QByteArray zoneWith(const QByteArray& record)
{
    QByteArray zone = "example.com. 300 IN MX 10 mx.example.com.\nmx.example.com. 300 IN A 192.0.2.2\n"
                      "vendor.example.net. 300 IN MX 10 mx.vendor.example.net.\n";
    if (!record.isEmpty())
        zone += txt("_dmarc.example.com", record);
    return zone;
}

lint::DmarcLint::Report run(const QByteArray& zone, const QByteArray& domain = "example.com")
{
    return lint::DmarcLint(*linttest::resolverOf(zone)).check(domain);
}

} // namespace

class TestDmarcLint : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QByteArray>("domain");
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("expected");
        QTest::addColumn<int>("severity");
        const int error = int(lint::Severity::Error);
        const int warning = int(lint::Severity::Warning);
        const int info = int(lint::Severity::Info);
        auto row = [](const char* name, const QByteArray& zone, const char* id, bool expected, int severity,
                      const QByteArray& domain = "example.com") {
            QTest::newRow(name) << zone << domain << QString::fromLatin1(id) << expected << severity;
        };

        row("missing", zoneWith({}), "dmarc.record.missing", true, error);
        row("missing/no", zoneWith(good), "dmarc.record.missing", false, error);
        row("inherited", zoneWith(good), "dmarc.record.inherited", true, info, "mail.example.com");
        row("inherited/no", zoneWith(good), "dmarc.record.inherited", false, info);
        row("multiple", zoneWith(good) + txt("_dmarc.example.com", "v=DMARC1; p=none"),
            "dmarc.record.multiple", true, error);
        row("multiple/no", zoneWith(good) + txt("_dmarc.example.com", "some-verification=1"),
            "dmarc.record.multiple", false, error);
        row("wrong-name", zoneWith({}) + txt("example.com", "v=DMARC1; p=reject"), "dmarc.record.wrong-name",
            true, error);
        row("wrong-name/doubled", zoneWith({}) + txt("_dmarc.example.com.example.com", "v=DMARC1; p=reject"),
            "dmarc.record.wrong-name", true, error);
        row("wrong-name/no", zoneWith(good) + txt("example.com", "v=spf1 -all"), "dmarc.record.wrong-name",
            false, error);
        row("spf-at-dmarc", zoneWith(good) + txt("_dmarc.example.com", "v=spf1 mx -all"),
            "dmarc.record.spf-at-dmarc", true, warning);
        row("spf-at-dmarc/no", zoneWith(good), "dmarc.record.spf-at-dmarc", false, warning);
        row("other-txt", zoneWith(good) + txt("_dmarc.example.com", "some-verification=1"),
            "dmarc.record.other-txt", true, info);
        row("other-txt/no", zoneWith(good), "dmarc.record.other-txt", false, info);
        row("syntax", zoneWith("v=DMARC1; p=maybe; rua=mailto:dmarc@example.com"), "dmarc.syntax", true,
            error);
        row("syntax/no", zoneWith(good), "dmarc.syntax", false, error);
        row("version", zoneWith("v=dmarc1; p=reject"), "dmarc.syntax.version", true, error);
        row("version/no", zoneWith(good), "dmarc.syntax.version", false, error);
        row("duplicate", zoneWith(good + "; p=none"), "dmarc.tag.duplicate", true, error);
        row("duplicate/no", zoneWith(good), "dmarc.tag.duplicate", false, error);
        row("unknown", zoneWith(good + "; rue=mailto:x@example.com"), "dmarc.tag.unknown", true, info);
        row("unknown/no", zoneWith(good), "dmarc.tag.unknown", false, info);
        row("p-none", zoneWith("v=DMARC1; p=none; rua=mailto:dmarc@example.com"), "dmarc.policy.none", true,
            warning);
        row("p-none/no", zoneWith(good), "dmarc.policy.none", false, warning);
        row("sp-none", zoneWith(good + "; sp=none"), "dmarc.policy.sp-none", true, warning);
        row("sp-none/no", zoneWith(good + "; sp=quarantine"), "dmarc.policy.sp-none", false, warning);
        row("testing", zoneWith(good + "; t=y"), "dmarc.policy.testing", true, info);
        row("testing/no", zoneWith(good + "; t=n"), "dmarc.policy.testing", false, info);
        row("rua", zoneWith("v=DMARC1; p=reject"), "dmarc.rua.missing", true, warning);
        row("rua/no", zoneWith(good), "dmarc.rua.missing", false, warning);
        row("unauthorized", zoneWith("v=DMARC1; p=reject; rua=mailto:r@vendor.example.net"),
            "dmarc.report.unauthorized", true, warning);
        row("unauthorized/ruf", zoneWith(good + "; ruf=mailto:f@vendor.example.net"),
            "dmarc.report.unauthorized", true, warning);
        row("unauthorized/no",
            zoneWith("v=DMARC1; p=reject; rua=mailto:r@vendor.example.net") +
                txt("example.com._report._dmarc.vendor.example.net", "v=DMARC1"),
            "dmarc.report.unauthorized", false, warning);
        row("unauthorized/wildcard",
            zoneWith("v=DMARC1; p=reject; rua=mailto:r@vendor.example.net") +
                txt("*._report._dmarc.vendor.example.net", "v=DMARC1"),
            "dmarc.report.unauthorized", false, warning);
        row("unauthorized/same-org", zoneWith("v=DMARC1; p=reject; rua=mailto:r@reports.example.com"),
            "dmarc.report.unauthorized", false, warning);
        row("no-mx", zoneWith("v=DMARC1; p=reject; rua=mailto:r@reports.example.com"), "dmarc.report.no-mx",
            true, warning);
        row("no-mx/no", zoneWith(good), "dmarc.report.no-mx", false, warning);
        row("removed", zoneWith(good + "; pct=100; ri=86400"), "dmarc.tag.removed", true, info);
        row("removed/no", zoneWith(good), "dmarc.tag.removed", false, info);
        row("pct", zoneWith(good + "; pct=50"), "dmarc.pct.partial", true, warning);
        row("pct/no", zoneWith(good + "; pct=100"), "dmarc.pct.partial", false, warning);
        row("np", zoneWith(good + "; np=none"), "dmarc.np.weaker", true, warning);
        row("np/sp", zoneWith("v=DMARC1; p=none; sp=reject; np=quarantine; rua=mailto:d@example.com"),
            "dmarc.np.weaker", true, warning);
        row("np/no", zoneWith(good + "; np=reject"), "dmarc.np.weaker", false, warning);
        row("temperror", zoneWith({}) + "; TEMPFAIL _dmarc.example.com.\n", "dmarc.dns.temperror", true,
            warning);
        row("temperror/no", zoneWith(good), "dmarc.dns.temperror", false, warning);
    }

    void check()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QByteArray, domain);
        QFETCH(QString, id);
        QFETCH(bool, expected);
        QFETCH(int, severity);
        const lint::DmarcLint::Report report = run(zone, domain);
        const lint::Finding* f = findingWithId(report, id);
        if (expected != (f != nullptr))
            qWarning("findings: %s", qPrintable(ids(report)));
        QCOMPARE(f != nullptr, expected);
        if (f) {
            QCOMPARE(int(f->severity), severity);
            QVERIFY(!f->message.isEmpty());
            QVERIFY(!f->fix.isEmpty());
            QVERIFY(f->reference.contains(QLatin1String("RFC")));
            QVERIFY(!f->subject.isEmpty());
        }
    }

    void correctedRecords()
    {
        auto corrected = [](const QByteArray& record, const char* id) {
            const auto report = run(zoneWith(record));
            const lint::Finding* f = findingWithId(report, QString::fromLatin1(id));
            return f ? f->correctedRecord : QStringLiteral("<no finding>");
        };
        QCOMPARE(corrected("v=DMARC1; p=none; rua=mailto:d@example.com; adkim=s", "dmarc.policy.none"),
                 QStringLiteral("v=DMARC1; p=quarantine; rua=mailto:d@example.com; adkim=s"));
        QCOMPARE(corrected("v=DMARC1; p=reject", "dmarc.rua.missing"),
                 QStringLiteral("v=DMARC1; p=reject; rua=mailto:dmarc-reports@example.com"));
        QCOMPARE(corrected(good + "; pct=20; rf=afrf", "dmarc.tag.removed"), QString::fromLatin1(good));
        QCOMPARE(corrected(good + "; sp=none", "dmarc.policy.sp-none"), QString::fromLatin1(good));
        QCOMPARE(corrected(good + "; p=none", "dmarc.tag.duplicate"), QString::fromLatin1(good));
        QCOMPARE(corrected("v=dmarc1; p=reject", "dmarc.syntax.version"),
                 QStringLiteral("v=DMARC1; p=reject"));

        const auto missing = run(zoneWith({}));
        QCOMPARE(findingWithId(missing, QStringLiteral("dmarc.record.missing"))->correctedRecord,
                 QStringLiteral("v=DMARC1; p=none; rua=mailto:dmarc-reports@example.com"));

        // Two records that complement each other merge; conflicting ones do not.
        const auto merge = run(zoneWith("v=DMARC1; p=reject") +
                               txt("_dmarc.example.com", "v=DMARC1; rua=mailto:d@example.com"));
        QCOMPARE(findingWithId(merge, QStringLiteral("dmarc.record.multiple"))->correctedRecord,
                 QStringLiteral("v=DMARC1; p=reject; rua=mailto:d@example.com"));
        const auto conflict =
            run(zoneWith("v=DMARC1; p=reject") + txt("_dmarc.example.com", "v=DMARC1; p=none"));
        QVERIFY(findingWithId(conflict, QStringLiteral("dmarc.record.multiple"))->correctedRecord.isEmpty());
    }

    void unauthorizedNamesTheRecordToPublish()
    {
        const auto report = run(zoneWith("v=DMARC1; p=reject; rua=mailto:r@vendor.example.net"));
        const lint::Finding* f = findingWithId(report, QStringLiteral("dmarc.report.unauthorized"));
        QVERIFY(f);
        QVERIFY(f->message.contains(QLatin1String("example.com._report._dmarc.vendor.example.net")));
        QCOMPARE(f->correctedRecord, QStringLiteral("v=DMARC1"));
    }

    void reportsRecordAndPolicyDomain()
    {
        const auto report = run(zoneWith(good), "mail.example.com");
        QCOMPARE(report.record, good);
        QCOMPARE(report.policyDomain, QByteArray("example.com"));
        const auto bad = run(zoneWith(good), "bad..example.com");
        QCOMPARE(bad.findings.size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestDmarcLint)
#include "tst_dmarc_lint.moc"
