// SPDX-License-Identifier: GPL-3.0-or-later
// The February 2024 bulk sender requirements, each once triggered and once satisfied.
#include "lint/SenderRequirementsLint.h"

#include <QTest>

using namespace authlens;

namespace {

const QByteArray plainHeader = "From: a@example.com\r\nTo: b@example.org\r\nSubject: hi\r\n";
const QByteArray oneClick = "List-Unsubscribe: <mailto:u@example.com>, <https://example.com/u?x=1>\r\n"
                            "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";

// Everything passing: SPF, DKIM with a 2048-bit key, DMARC p=none, aligned.
lint::SenderFacts passing(const QByteArray& header)
{
    lint::SenderFacts facts;
    facts.message = mail::Message::parse(header + "\r\nbody\r\n");
    facts.fromDomain = "example.com";
    facts.spfPass = true;
    facts.dkimPass = true;
    facts.dmarcPolicy = dmarc::Policy::None;
    facts.aligned = true;
    facts.dkimKeyBits = 2048;
    return facts;
}

const lint::Finding* findingWithId(const std::vector<lint::Finding>& findings, const QString& id)
{
    for (const lint::Finding& f : findings) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

} // namespace

class TestSenderRequirements : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("change"); // which fact to break: spf, dkim, dmarc, aligned, bits, none
        QTest::addColumn<int>("bulk");          // -1 guess from header, 0 no, 1 yes
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("expected");
        QTest::addColumn<int>("severity");
        const int error = int(lint::Severity::Error);
        const int warning = int(lint::Severity::Warning);
        auto row = [](const char* name, const QByteArray& header, const QByteArray& change, int bulk,
                      const char* id, bool expected, int severity) {
            QTest::newRow(name) << header << change << bulk << QString::fromLatin1(id) << expected
                                << severity;
        };
        const QByteArray bulkHeader = plainHeader + oneClick;

        row("spf", bulkHeader, "spf", -1, "sender.spf.missing", true, error);
        row("spf/not-bulk-dkim-passes", plainHeader, "spf", -1, "sender.spf.missing", true, warning);
        row("spf/no", bulkHeader, "none", -1, "sender.spf.missing", false, error);
        row("dkim", bulkHeader, "dkim", -1, "sender.dkim.missing", true, error);
        row("dkim/no", bulkHeader, "none", -1, "sender.dkim.missing", false, error);
        row("dmarc", bulkHeader, "dmarc", -1, "sender.dmarc.missing", true, error);
        row("dmarc/no", bulkHeader, "none", -1, "sender.dmarc.missing", false, error);
        row("aligned", bulkHeader, "aligned", -1, "sender.from.unaligned", true, error);
        row("aligned/no", bulkHeader, "none", -1, "sender.from.unaligned", false, error);
        row("bits", bulkHeader, "bits", -1, "sender.dkim.key-short", true, error);
        row("bits/no", bulkHeader, "none", -1, "sender.dkim.key-short", false, error);
        row("unsubscribe/precedence", plainHeader + "Precedence: bulk\r\n", "none", -1,
            "sender.unsubscribe.missing", true, error);
        row("unsubscribe/list-id", plainHeader + "List-Id: <news.example.com>\r\n", "none", -1,
            "sender.unsubscribe.missing", true, error);
        row("unsubscribe/flag", plainHeader, "none", 1, "sender.unsubscribe.missing", true, error);
        row("unsubscribe/not-bulk", plainHeader, "none", -1, "sender.unsubscribe.missing", false, error);
        row("unsubscribe/no", bulkHeader, "none", -1, "sender.unsubscribe.missing", false, error);
        row("https",
            plainHeader + "List-Unsubscribe: <mailto:u@example.com>\r\n"
                          "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n",
            "none", -1, "sender.unsubscribe.no-https", true, error);
        row("https/no", bulkHeader, "none", -1, "sender.unsubscribe.no-https", false, error);
        row("one-click", plainHeader + "List-Unsubscribe: <https://example.com/u>\r\n", "none", -1,
            "sender.unsubscribe.not-one-click", true, error);
        row("one-click/wrong-value",
            plainHeader + "List-Unsubscribe: <https://example.com/u>\r\nList-Unsubscribe-Post: One-Click\r\n",
            "none", -1, "sender.unsubscribe.not-one-click", true, error);
        row("one-click/no", bulkHeader, "none", -1, "sender.unsubscribe.not-one-click", false, error);
        row("one-click/forced-not-bulk", plainHeader + "List-Unsubscribe: <https://example.com/u>\r\n",
            "none", 0, "sender.unsubscribe.not-one-click", false, error);
    }

    void check()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, change);
        QFETCH(int, bulk);
        QFETCH(QString, id);
        QFETCH(bool, expected);
        QFETCH(int, severity);
        lint::SenderFacts facts = passing(header);
        if (change == "spf")
            facts.spfPass = false;
        else if (change == "dkim")
            facts.dkimPass = false;
        else if (change == "dmarc")
            facts.dmarcPolicy.reset();
        else if (change == "aligned")
            facts.aligned = false;
        else if (change == "bits")
            facts.dkimKeyBits = 768;
        if (bulk >= 0)
            facts.bulk = bulk == 1;
        const auto findings = lint::SenderRequirementsLint::check(facts);
        const lint::Finding* f = findingWithId(findings, id);
        QCOMPARE(f != nullptr, expected);
        if (f) {
            QCOMPARE(int(f->severity), severity);
            QCOMPARE(f->subject, QStringLiteral("Message from example.com"));
            QVERIFY(f->reference.contains(QLatin1String("2024")));
        }
    }

    void compliantBulkMailHasNoFindings()
    {
        QVERIFY(lint::SenderRequirementsLint::check(passing(plainHeader + oneClick)).empty());
    }

    void neitherSpfNorDkimIsAnErrorForEveryone()
    {
        lint::SenderFacts facts = passing(plainHeader);
        facts.spfPass = false;
        facts.dkimPass = false;
        const auto findings = lint::SenderRequirementsLint::check(facts);
        QCOMPARE(findingWithId(findings, QStringLiteral("sender.spf.missing"))->severity,
                 lint::Severity::Error);
        QCOMPARE(findingWithId(findings, QStringLiteral("sender.dkim.missing"))->severity,
                 lint::Severity::Error);
    }

    void bulkHeuristics()
    {
        QVERIFY(!lint::SenderRequirementsLint::looksBulk(mail::Message::parse(plainHeader + "\r\n")));
        QVERIFY(lint::SenderRequirementsLint::looksBulk(
            mail::Message::parse(plainHeader + "Precedence: list\r\n\r\n")));
        QVERIFY(!lint::SenderRequirementsLint::looksBulk(
            mail::Message::parse(plainHeader + "Precedence: junk\r\n\r\n")));
    }
};

QTEST_GUILESS_MAIN(TestSenderRequirements)
#include "tst_sender_requirements.moc"
