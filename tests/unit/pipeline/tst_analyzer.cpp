// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkim/Crypto.h"
#include "dkim/Signer.h"
#include "dns/RecordsFileResolver.h"
#include "mail/Message.h"
#include "pipeline/Analyzer.h"

#include <QTest>

using namespace authlens;

namespace {

const QByteArray kUnsigned = "Received: from mta1.example.com (mta1.example.com [192.0.2.10])\r\n"
                             "\tby mx.receiver.test with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000\r\n"
                             "Return-Path: <bounce@example.com>\r\n"
                             "From: Ann Example <ann@example.com>\r\n"
                             "To: bob@receiver.test\r\n"
                             "Subject: quarterly figures\r\n"
                             "Date: Mon, 1 Jan 2024 10:00:00 +0000\r\n"
                             "Message-ID: <1@example.com>\r\n"
                             "\r\n"
                             "Hello Bob,\r\nthe figures are attached.\r\n";

} // namespace

class TestAnalyzer : public QObject
{
    Q_OBJECT

    std::optional<dkim::Crypto::Key> m_key;
    QByteArray m_records;

    QByteArray signedMessage(const QByteArray& bytes) const
    {
        dkim::Signer::Options options;
        options.algorithm = dkim::Algorithm::Ed25519Sha256;
        options.domain = "example.com";
        options.selector = "sel";
        const dkim::Signer signer(*m_key, options);
        const dkim::Signer::Output out = signer.sign(mail::Message::parse(bytes));
        if (!out.ok())
            qFatal("signing failed: %s", qPrintable(out.error));
        return dkim::Signer::prepend(out.field, bytes);
    }

    pipeline::Analysis analyze(const QByteArray& bytes, pipeline::AnalyzerOptions options = {},
                               const QByteArray& extraRecords = {}) const
    {
        const auto loaded =
            dns::RecordsFileResolver::fromText(m_records + extraRecords, QStringLiteral("test"));
        if (!loaded.ok())
            qFatal("records: %s", qPrintable(loaded.error));
        const pipeline::Analyzer analyzer(loaded.resolver, std::move(options));
        return analyzer.analyze(mail::Message::parse(bytes));
    }

    static bool hasFinding(const pipeline::Analysis& analysis, const QString& id)
    {
        return std::any_of(analysis.findings.begin(), analysis.findings.end(),
                           [&](const lint::Finding& f) { return f.id == id; });
    }

private slots:
    void initTestCase()
    {
        m_key = dkim::Crypto::generateEd25519();
        QVERIFY(m_key);
        m_records = "sel._domainkey.example.com. 300 IN TXT \"v=DKIM1; k=ed25519; p=" +
                    dkim::Crypto::publicKeyRecordBytes(*m_key).toBase64() + "\"\n" +
                    "example.com. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n" +
                    "_dmarc.example.com. 300 IN TXT \"v=DMARC1; p=reject; rua=mailto:dmarc@example.com\"\n";
    }

    void authenticMessagePassesEverything()
    {
        const pipeline::Analysis a = analyze(signedMessage(kUnsigned));
        QCOMPARE(a.dkim.size(), size_t(1));
        QCOMPARE(a.dkim[0].word(), QStringLiteral("pass"));
        QVERIFY(a.hasPassingDkim());
        QCOMPARE(a.envelope.clientIp, QHostAddress(QStringLiteral("192.0.2.10")));
        QVERIFY(a.spf.has_value());
        QCOMPARE(a.spf->word(), QStringLiteral("pass"));
        QVERIFY(a.spfNote.contains(QStringLiteral("today's DNS")));
        QCOMPARE(a.dmarc.result, dmarc::Result::Pass);
        QCOMPARE(a.dmarc.fromDomain, QByteArray("example.com"));
        QCOMPARE(a.dmarc.dkimAligned, std::optional<bool>(true));
        QCOMPARE(a.dmarc.spfAligned, std::optional<bool>(true));
        QCOMPARE(a.dmarc.disposition, dmarc::Policy::None);
        QVERIFY(a.disagreesWithReceiver.isEmpty());
    }

    void tamperedBodyFailsDkimButSpfStillAligns()
    {
        QByteArray bytes = signedMessage(kUnsigned);
        bytes.replace("figures are attached", "figures are ATTACHED");
        const pipeline::Analysis a = analyze(bytes);
        QCOMPARE(a.dkim[0].word(), QStringLiteral("fail"));
        QCOMPARE(a.dkim[0].diagnostics.likelyCause, dkim::LikelyCause::BodyChanged);
        QCOMPARE(a.dmarc.result, dmarc::Result::Pass);
        QCOMPARE(a.dmarc.dkimAligned, std::optional<bool>(false));
    }

    void forwardedMessageFailsDmarcAndGetsTheRejectDisposition()
    {
        QByteArray bytes = signedMessage(kUnsigned);
        bytes.append("--\r\nSent through the list\r\n"); // a list footer breaks DKIM
        pipeline::AnalyzerOptions options;
        options.clientIp = QHostAddress(QStringLiteral("198.51.100.7")); // the forwarder, not in SPF
        const pipeline::Analysis a = analyze(bytes, options);
        QCOMPARE(a.spf->word(), QStringLiteral("fail"));
        QCOMPARE(a.dmarc.result, dmarc::Result::Fail);
        QCOMPARE(a.dmarc.disposition, dmarc::Policy::Reject);
    }

    void envelopeOverridesReplaceTheReceivedFields()
    {
        pipeline::AnalyzerOptions options;
        options.clientIp = QHostAddress(QStringLiteral("192.0.2.77"));
        options.mailFrom = QByteArray("<>");
        options.helo = QByteArray("mta9.example.com");
        const pipeline::Analysis a = analyze(signedMessage(kUnsigned), options);
        QVERIFY(a.envelope.nullMailFrom);
        QCOMPARE(a.envelope.helo, QByteArray("mta9.example.com"));
        QCOMPARE(a.spf->sender, QByteArray("postmaster@mta9.example.com"));
    }

    void withoutAClientAddressSpfIsNotEvaluatedAndSaysWhy()
    {
        QByteArray bytes = kUnsigned;
        bytes.remove(0, bytes.indexOf("Return-Path"));
        const pipeline::Analysis a = analyze(signedMessage(bytes));
        QVERIFY(!a.spf.has_value());
        QVERIFY(a.spfNote.contains(QStringLiteral("no client address")));
        QCOMPARE(a.dmarc.result, dmarc::Result::Pass); // DKIM alone aligns
    }

    void receiverDisagreementIsFlagged()
    {
        const QByteArray bytes =
            "Authentication-Results: mx.receiver.test; spf=pass smtp.mailfrom=example.com; dmarc=pass\r\n" +
            signedMessage(kUnsigned);
        pipeline::AnalyzerOptions options;
        options.clientIp = QHostAddress(QStringLiteral("203.0.113.5"));
        const pipeline::Analysis a = analyze(bytes, options);
        QCOMPARE(a.spf->word(), QStringLiteral("fail"));
        QVERIFY(a.disagreesWithReceiver.contains(QStringLiteral("spf")));
        QVERIFY(!a.disagreesWithReceiver.contains(QStringLiteral("dmarc"))); // DKIM still passes DMARC
        QVERIFY(hasFinding(a, QStringLiteral("receiver.disagrees.spf")));
    }

    void keyLookupFailureIsTemperrorNeverFail()
    {
        QByteArray records = m_records;
        records.replace("sel._domainkey", "other._domainkey");
        const auto loaded = dns::RecordsFileResolver::fromText(
            records + "; TEMPFAIL sel._domainkey.example.com.\n", QStringLiteral("test"));
        QVERIFY(loaded.ok());
        const pipeline::Analyzer analyzer(loaded.resolver);
        const pipeline::Analysis a = analyzer.analyze(mail::Message::parse(signedMessage(kUnsigned)));
        QCOMPARE(a.dkim[0].word(), QStringLiteral("temperror"));
        QVERIFY(!a.hasPassingDkim());
    }

    void missingFromGivesADmarcFinding()
    {
        QByteArray bytes = kUnsigned;
        bytes.replace("From: Ann Example <ann@example.com>\r\n", "");
        const pipeline::Analysis a = analyze(bytes);
        QVERIFY(a.dkim.empty());
        QVERIFY(!a.dmarc.notes.empty());
        QVERIFY(hasFinding(a, QString::fromLatin1(a.dmarc.notes.front().id)));
    }

    void recordsMetAreLintedOnce()
    {
        // A record problem the message met shows up as a finding: here SPF's +all.
        QByteArray records = m_records;
        records.replace("v=spf1 ip4:192.0.2.0/24 -all", "v=spf1 ip4:192.0.2.0/24 +all");
        const auto loaded = dns::RecordsFileResolver::fromText(records, QStringLiteral("test"));
        QVERIFY(loaded.ok());
        const pipeline::Analyzer analyzer(loaded.resolver);
        const pipeline::Analysis first = analyzer.analyze(mail::Message::parse(signedMessage(kUnsigned)));
        QVERIFY(hasFinding(first, QStringLiteral("spf.all.pass")));
        // The clean records of the fixture raise no record finding.
        QVERIFY(!hasFinding(analyze(signedMessage(kUnsigned)), QStringLiteral("spf.all.pass")));
        // Remembered: the second message gets the same finding without linting again.
        const pipeline::Analysis second = analyzer.analyze(mail::Message::parse(signedMessage(kUnsigned)));
        QVERIFY(hasFinding(second, QStringLiteral("spf.all.pass")));

        pipeline::AnalyzerOptions off;
        off.lintRecords = false;
        const pipeline::Analyzer quiet(loaded.resolver, off);
        QVERIFY(!hasFinding(quiet.analyze(mail::Message::parse(signedMessage(kUnsigned))),
                            QStringLiteral("spf.all.pass")));
    }

    void bulkMailWithoutOneClickUnsubscribeIsASenderFinding()
    {
        QByteArray bulk = kUnsigned;
        bulk.replace("Subject:",
                     "List-Unsubscribe: <mailto:leave@example.com>\r\nPrecedence: bulk\r\nSubject:");
        QVERIFY(hasFinding(analyze(signedMessage(bulk)), QStringLiteral("sender.unsubscribe.not-one-click")));
        QVERIFY(!hasFinding(analyze(signedMessage(kUnsigned)),
                            QStringLiteral("sender.unsubscribe.not-one-click")));
        pipeline::AnalyzerOptions off;
        off.sendingPractices = false;
        off.senderRequirements = false;
        QVERIFY(!hasFinding(analyze(signedMessage(bulk), off),
                            QStringLiteral("sender.unsubscribe.not-one-click")));
    }

    void sendingPracticesAreChecked()
    {
        QByteArray shortened = kUnsigned;
        shortened.replace("figures are attached.", "figures are at https://bit.ly/3xYz12 now.");
        QVERIFY(hasFinding(analyze(signedMessage(shortened)), QStringLiteral("practice.links.shortener")));
        QVERIFY(!hasFinding(analyze(signedMessage(kUnsigned)), QStringLiteral("practice.links.shortener")));
        // The analyst names the customer's domain: mail From another domain is flagged.
        pipeline::AnalyzerOptions platform;
        platform.customerDomain = "example.com";
        QVERIFY(!hasFinding(analyze(signedMessage(kUnsigned), platform),
                            QStringLiteral("practice.from.not-customer-domain")));
        platform.customerDomain = "customer.example";
        QVERIFY(hasFinding(analyze(signedMessage(kUnsigned), platform),
                           QStringLiteral("practice.from.not-customer-domain")));
    }
};

QTEST_GUILESS_MAIN(TestAnalyzer)
#include "tst_analyzer.moc"
