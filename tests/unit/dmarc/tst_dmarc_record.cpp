// SPDX-License-Identifier: GPL-3.0-or-later
#include "dmarc/Record.h"

#include <QRandomGenerator>
#include <QTest>

using namespace authlens::dmarc;

namespace {
// Random field values built from the characters parsers trip over, reproducible from the seed.
QByteArray hostileValue(QRandomGenerator& random)
{
    static const QByteArray alphabet =
        QByteArrayLiteral("()<>[]:;@=;;v=DMARC1p=rejectsp=\\,.\" =?/\r\n\tabcxyz019-_+\xc3\xbc\xff");
    QByteArray value;
    const int length = int(random.bounded(200));
    for (int i = 0; i < length; ++i)
        value.append(alphabet.at(int(random.bounded(alphabet.size()))));
    return value;
}
} // namespace
class TestDmarcRecord : public QObject
{
    Q_OBJECT

private slots:
    void fullRecord()
    {
        const Record r =
            Record::parse("v=DMARC1; p=reject; sp=quarantine; np=none; psd=n; t=y; adkim=s; aspf=r; "
                          "rua=mailto:a@example.com,mailto:b@example.net; ruf=mailto:f@example.com; fo=1:d");
        QVERIFY(r.isDmarc);
        QCOMPARE(r.p, Policy::Reject);
        QCOMPARE(r.sp, Policy::Quarantine);
        QCOMPARE(r.np, Policy::None);
        QCOMPARE(r.psd, PsdFlag::No);
        QVERIFY(r.testing);
        QCOMPARE(r.adkim, AlignmentMode::Strict);
        QCOMPARE(r.aspf, AlignmentMode::Relaxed);
        QCOMPARE(r.rua.size(), 2);
        QCOMPARE(r.ruf.size(), 1);
        QCOMPARE(r.fo, QByteArray("1:d"));
        QVERIFY(r.hasValidRua());
        QVERIFY(!r.hasInvalidPolicy(true));
        QVERIFY2(r.problems.isEmpty(), qPrintable(r.problems.value(0).message));
        QVERIFY(r.legacyTags.isEmpty());
    }

    void defaults()
    {
        const Record r = Record::parse("v=DMARC1; p=none");
        QVERIFY(r.isDmarc);
        QCOMPARE(r.adkim, AlignmentMode::Relaxed);
        QCOMPARE(r.psd, PsdFlag::Unspecified);
        QVERIFY(!r.testing);
        QVERIFY(!r.sp.has_value());
        QVERIFY(!r.hasValidRua());
    }

    void version_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("dmarc");
        QTest::newRow("plain") << QByteArray("v=DMARC1; p=none") << true;
        QTest::newRow("spaces around = and ;") << QByteArray("v = DMARC1 ; p = quarantine ;") << true;
        QTest::newRow("lower-case value") << QByteArray("v=dmarc1; p=reject") << false;
        QTest::newRow("DMARC2") << QByteArray("v=DMARC2; p=reject") << false;
        QTest::newRow("v not first") << QByteArray("p=reject; v=DMARC1") << false;
        QTest::newRow("spf record") << QByteArray("v=spf1 -all") << false;
        QTest::newRow("empty") << QByteArray("") << false;
        QTest::newRow("garbage") << QByteArray(";;;==;=") << false;
    }

    void version()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, dmarc);
        QCOMPARE(Record::startsWithVersion(text), dmarc);
        QCOMPARE(Record::parse(text).isDmarc, dmarc);
    }

    void caseInsensitiveValues()
    {
        const Record r = Record::parse("v=DMARC1; P=REJECT; ADKIM=S");
        QCOMPARE(r.p, Policy::Reject);
        QCOMPARE(r.adkim, AlignmentMode::Strict);
    }

    void invalidPolicies()
    {
        Record r = Record::parse("v=DMARC1; p=bogus; rua=mailto:agg@example.org");
        QVERIFY(r.pPresent);
        QVERIFY(!r.p.has_value());
        QVERIFY(r.hasInvalidPolicy(false));
        QVERIFY(r.hasValidRua());
        QVERIFY(!r.problems.isEmpty());

        r = Record::parse("v=DMARC1; p=reject; sp=bogus");
        QVERIFY(r.hasInvalidPolicy(false));

        r = Record::parse("v=DMARC1; p=reject; np=bogus");
        QVERIFY(r.hasInvalidPolicy(true));
        QVERIFY(!r.hasInvalidPolicy(false)); // RFC 7489 knows no np

        r = Record::parse("v=DMARC1; adkim=r");
        QVERIFY(!r.pPresent);
        QVERIFY(r.hasInvalidPolicy(false));
        QCOMPARE(r.problems.last().tag, QByteArray("p"));
    }

    void duplicateAndUnknownTags()
    {
        const Record r = Record::parse("v=DMARC1; p=reject; p=none; foo=bar");
        QCOMPARE(r.p, Policy::Reject); // the first is used
        QCOMPARE(r.duplicateTags, QList<QByteArray>{"p"});
        QCOMPARE(r.unknownTags, QList<QByteArray>{"foo"});
        QVERIFY(!r.problems.isEmpty());
        QCOMPARE(r.problems.first().position, 20); // offset of the second p
    }

    void legacyTags()
    {
        Record r = Record::parse("v=DMARC1; p=reject; pct=50; rf=afrf; ri=3600");
        QCOMPARE(r.pct, 50);
        QCOMPARE(r.rf, QByteArray("afrf"));
        QCOMPARE(r.ri, 3600u);
        QCOMPARE(r.legacyTags, (QList<QByteArray>{"pct", "rf", "ri"}));
        QVERIFY(r.problems.isEmpty());

        r = Record::parse("v=DMARC1; p=reject; pct=150");
        QVERIFY(!r.pct.has_value());
        QCOMPARE(r.problems.size(), 1);
    }

    void badValues()
    {
        const Record r =
            Record::parse("v=DMARC1; p=none; psd=x; t=maybe; aspf=q; fo=7; rua=http://example.com/; junk");
        QCOMPARE(r.problems.size(), 6);
        QVERIFY(!r.hasValidRua());
    }

    void randomInputNeverCrashes()
    {
        QRandomGenerator random(7);
        for (int i = 0; i < 3000; ++i) {
            const QByteArray text = "v=DMARC1;" + hostileValue(random);
            const Record r = Record::parse(text);
            QVERIFY(r.isDmarc == Record::startsWithVersion(text));
            for (const RecordProblem& problem : r.problems)
                QVERIFY(problem.position >= 0 && problem.position <= text.size());
        }
    }

    void weaker()
    {
        QCOMPARE(weakerPolicy(Policy::Reject), Policy::Quarantine);
        QCOMPARE(weakerPolicy(Policy::Quarantine), Policy::None);
        QCOMPARE(weakerPolicy(Policy::None), Policy::None);
        QCOMPARE(policyFromName("Quarantine"), Policy::Quarantine);
        QVERIFY(!policyFromName("rejected").has_value());
    }
};

QTEST_GUILESS_MAIN(TestDmarcRecord)
#include "tst_dmarc_record.moc"
