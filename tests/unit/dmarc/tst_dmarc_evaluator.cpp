// SPDX-License-Identifier: GPL-3.0-or-later
#include "dmarc/Alignment.h"
#include "dmarc/Evaluator.h"
#include "dns/RecordsFileResolver.h"
#include "mail/Message.h"

#include <QTest>

using namespace authlens;
using namespace authlens::dmarc;

namespace {

const QByteArray zoneText =
    "_dmarc.example.com. 300 IN TXT \"v=DMARC1; p=reject; rua=mailto:r@example.com\"\n"
    "_dmarc.strict.example. 300 IN TXT \"v=DMARC1; p=quarantine; adkim=s; aspf=s\"\n"
    "_dmarc.testing.example. 300 IN TXT \"v=DMARC1; p=reject; t=y; pct=0\"\n"
    "_dmarc.sampled.example. 300 IN TXT \"v=DMARC1; p=reject; pct=50\"\n"
    "_dmarc.xn--bcher-kva.example. 300 IN TXT \"v=DMARC1; p=reject\"\n"
    "_dmarc.dept.example.com. 300 IN TXT \"v=DMARC1; p=none; psd=n\"\n"
    "; TEMPFAIL _dmarc.flaky.example.\n"
    "news.example.com. 300 IN A 192.0.2.1\n";

std::shared_ptr<dns::RecordsFileResolver> resolver()
{
    static auto loaded = dns::RecordsFileResolver::fromText(zoneText, QStringLiteral("test"));
    if (!loaded.ok())
        qFatal("bad test zone: %s", qPrintable(loaded.error));
    return loaded.resolver;
}

Verdict evaluate(const QByteArray& from, std::vector<DkimOutcome> dkim, SpfOutcome spf = {})
{
    Evaluator evaluator(*resolver());
    return evaluator.evaluate(AuthorDomain::fromDomain(from), dkim, spf);
}

} // namespace

class TestDmarcEvaluator : public QObject
{
    Q_OBJECT

private slots:
    void alignedDkimPasses()
    {
        const Verdict v = evaluate("example.com", {{"other.net", "pass"}, {"example.com", "pass"}});
        QCOMPARE(v.result, Result::Pass);
        QCOMPARE(v.dkimAligned, true);
        QCOMPARE(v.spfAligned, false);
        QCOMPARE(v.disposition, Policy::None);
        QCOMPARE(v.policy, Policy::Reject);
        QCOMPARE(v.policyDomain, QByteArray("example.com"));
        QCOMPARE(v.organizationalDomain, QByteArray("example.com"));
        QCOMPARE(v.alignment.size(), std::size_t(2));
        QVERIFY(!v.alignment[0].aligned);
        QVERIFY(v.alignment[1].aligned);
        QCOMPARE(v.rfc7489.result, Result::Pass);
        QVERIFY(!v.differs());
        QVERIFY(!v.steps.isEmpty());
    }

    void failingSignatureDoesNotAlign()
    {
        const Verdict v = evaluate("example.com", {{"example.com", "fail"}}, {"softfail", "example.com"});
        QCOMPARE(v.result, Result::Fail);
        QCOMPARE(v.disposition, Policy::Reject);
        QCOMPARE(v.dkimAligned, false);
        QCOMPARE(v.spfAligned, false);
    }

    void relaxedSubdomainAligns()
    {
        const Verdict v = evaluate("news.example.com", {{"example.com", "pass"}});
        QCOMPARE(v.result, Result::Pass);
        QCOMPARE(v.policyTag, QByteArray("p")); // no sp: p applies to the existing subdomain
    }

    void psdNMakesItsOwnOrganization()
    {
        // dept.example.com says psd=n: it is its own Organizational Domain under RFC 9989, not under the PSL.
        const Verdict v = evaluate("dept.example.com", {{"example.com", "pass"}});
        QCOMPARE(v.organizationalDomain, QByteArray("dept.example.com"));
        QCOMPARE(v.result, Result::Fail);
        QCOMPARE(v.disposition, Policy::None);
        QCOMPARE(v.rfc7489.organizationalDomain, QByteArray("example.com"));
        QCOMPARE(v.rfc7489.result, Result::Pass);
        QVERIFY(v.organizationalDomainDiffers);
        QVERIFY(v.resultDiffers);
        QVERIFY(v.differs());
    }

    void strictAlignment()
    {
        Verdict v =
            evaluate("strict.example", {{"mail.strict.example", "pass"}}, {"pass", "bounce.strict.example"});
        QCOMPARE(v.result, Result::Fail);
        QCOMPARE(v.disposition, Policy::Quarantine);
        v = evaluate("strict.example", {{"STRICT.example.", "pass"}});
        QCOMPARE(v.result, Result::Pass);
    }

    void spfUsesHeloForNullMailFrom()
    {
        const SpfOutcome spf = SpfOutcome::forEnvelope("pass", "<>", "Example.COM");
        QCOMPARE(spf.domain, QByteArray("example.com"));
        QCOMPARE(SpfOutcome::forEnvelope("pass", "bounce@news.example.com", "mx.other.net").domain,
                 QByteArray("news.example.com"));
        const Verdict v = evaluate("example.com", {}, spf);
        QCOMPARE(v.result, Result::Pass);
        QCOMPARE(v.spfAligned, true);
    }

    void testingLowersPolicyPctForRfc7489()
    {
        const Verdict v = evaluate("testing.example", {});
        QCOMPARE(v.result, Result::Fail);
        QCOMPARE(v.policy, Policy::Reject);
        QCOMPARE(v.disposition, Policy::Quarantine); // t=y
        QVERIFY(v.testing);
        QCOMPARE(v.rfc7489.disposition, Policy::Quarantine); // pct=0
        bool legacyNote = false;
        for (const Note& note : v.notes)
            legacyNote = legacyNote || note.id == "dmarc.record.legacy-tags";
        QVERIFY(legacyNote);

        const Verdict sampled = evaluate("sampled.example", {});
        QCOMPARE(sampled.disposition, Policy::Reject);
        QCOMPARE(sampled.rfc7489.disposition, Policy::Reject);
        QCOMPARE(sampled.rfc7489.unsampledDisposition, Policy::Quarantine);
    }

    void noRecord()
    {
        const Verdict v = evaluate("nothing.example", {{"nothing.example", "pass"}});
        QCOMPARE(v.result, Result::None);
        QVERIFY(!v.policyDomain.has_value());
        QVERIFY(!v.dkimAligned.has_value());
        QCOMPARE(v.organizationalDomain, QByteArray("nothing.example"));
    }

    void tempError()
    {
        const Verdict v = evaluate("flaky.example", {{"flaky.example", "pass"}});
        QCOMPARE(v.result, Result::TempError);
        QCOMPARE(v.disposition, Policy::None);
        QCOMPARE(v.rfc7489.result, Result::TempError);
    }

    void internationalizedAuthorDomain()
    {
        // RFC 8616: the U-label From domain is compared in its A-label form.
        const Verdict v = evaluate("BÜCHER.example", {{"xn--bcher-kva.example", "pass"}});
        QCOMPARE(v.fromDomain, QByteArray("xn--bcher-kva.example"));
        QCOMPARE(v.fromDomainDisplay, QStringLiteral("bücher.example"));
        QCOMPARE(v.result, Result::Pass);
    }

    void fromProblems_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("noteId");
        QTest::newRow("missing") << QByteArray("To: a@example.com\r\n") << QByteArray("dmarc.from.missing");
        QTest::newRow("two fields") << QByteArray("From: a@example.com\r\nFrom: b@example.com\r\n")
                                    << QByteArray("dmarc.from.multiple-fields");
        QTest::newRow("two domains") << QByteArray("From: a@example.com, b@other.net\r\n")
                                     << QByteArray("dmarc.from.multiple-domains");
        QTest::newRow("empty group") << QByteArray("From: undisclosed:;\r\n")
                                     << QByteArray("dmarc.from.no-mailbox");
        QTest::newRow("unparseable") << QByteArray("From: <a@>\r\n") << QByteArray("dmarc.from.unparseable");
        QTest::newRow("ok, two of one domain")
            << QByteArray("From: a@example.com, \"B\" <b@EXAMPLE.com>\r\n") << QByteArray();
    }

    void fromProblems()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, noteId);
        const mail::Message message = mail::Message::parse(header + "Subject: x\r\n\r\nbody\r\n");
        const AuthorDomain author = AuthorDomain::fromMessage(message);
        QCOMPARE(author.noteId(), noteId);
        Evaluator evaluator(*resolver());
        const Verdict v = evaluator.evaluate(author, {{"example.com", "pass"}}, {});
        if (noteId.isEmpty()) {
            QCOMPARE(v.result, Result::Pass);
            QCOMPARE(v.fromDomain, QByteArray("example.com"));
        } else {
            QCOMPARE(v.result, Result::PermError);
            QCOMPARE(v.rfc7489.result, Result::PermError);
            QCOMPARE(v.disposition, Policy::None);
            QVERIFY(!v.notes.empty());
            QCOMPARE(v.notes.front().id, noteId);
        }
    }

    void manyUnrelatedSignaturesCostNoDns()
    {
        std::vector<DkimOutcome> dkim;
        for (int i = 0; i < 200; ++i)
            dkim.push_back({QByteArray("signer") + QByteArray::number(i) + ".com", "pass"});
        const Verdict v = evaluate("example.com", dkim);
        QCOMPARE(v.result, Result::Fail);
        QCOMPARE(v.alignment.size(), std::size_t(200));
        QVERIFY2(v.dnsQueries <= 4, qPrintable(QString::number(v.dnsQueries)));
    }

    void relaxedWalkForIdentifierBelowOrganization()
    {
        // d=a.b.example.com must be walked to find its Organizational Domain (example.com): aligned.
        const Verdict v = evaluate("example.com", {{"a.b.example.com", "pass"}});
        QCOMPARE(v.result, Result::Pass);
        QCOMPARE(v.alignment.at(0).organizationalDomain, QByteArray("example.com"));
    }

    void alignmentIdentical()
    {
        QVERIFY(Alignment::identical("Example.COM.", "example.com"));
        QVERIFY(!Alignment::identical("", ""));
        QVERIFY(!Alignment::identical("a.example.com", "example.com"));
    }
};

QTEST_GUILESS_MAIN(TestDmarcEvaluator)
#include "tst_dmarc_evaluator.moc"
