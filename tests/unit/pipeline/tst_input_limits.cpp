// SPDX-License-Identifier: GPL-3.0-or-later
// InputLimits: names, defaults, parsing and validation, and that each limit reaches the code that
// enforces it: at the limit accepted, one past it the clear error naming the limit and its value.
#include "dkim/Crypto.h"
#include "dkim/Signer.h"
#include "dns/RecordsFileResolver.h"
#include "mail/Message.h"
#include "pipeline/Analyzer.h"
#include "pipeline/Importer.h"
#include "pipeline/InputLimits.h"
#include "sources/SourceFactory.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens;
using pipeline::InputLimits;

namespace {

const QByteArray kMessage = "Received: from mta1.example.com (mta1.example.com [192.0.2.10])\r\n"
                            "\tby mx.receiver.test with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000\r\n"
                            "Return-Path: <bounce@example.com>\r\n"
                            "From: Ann Example <ann@example.com>\r\n"
                            "To: bob@receiver.test\r\n"
                            "Subject: limits\r\n"
                            "Date: Mon, 1 Jan 2024 10:00:00 +0000\r\n"
                            "Message-ID: <1@example.com>\r\n"
                            "\r\n"
                            "Hello Bob.\r\n";

} // namespace

class TestInputLimits : public QObject
{
    Q_OBJECT

    std::optional<dkim::Crypto::Key> m_key;
    QByteArray m_records;
    QTemporaryDir m_dir;

    QByteArray signedThrice() const
    {
        dkim::Signer::Options options;
        options.algorithm = dkim::Algorithm::Ed25519Sha256;
        options.domain = "example.com";
        options.selector = "sel";
        const dkim::Signer signer(*m_key, options);
        QByteArray bytes = kMessage;
        for (int n = 0; n < 3; ++n) {
            const dkim::Signer::Output out = signer.sign(mail::Message::parse(bytes));
            if (!out.ok())
                qFatal("signing failed: %s", qPrintable(out.error));
            bytes = dkim::Signer::prepend(out.field, bytes);
        }
        return bytes;
    }

    pipeline::Analysis analyze(const InputLimits& limits, const QByteArray& bytes,
                               const QByteArray& mailFrom) const
    {
        const auto loaded = dns::RecordsFileResolver::fromText(m_records, QStringLiteral("test"));
        if (!loaded.ok())
            qFatal("records: %s", qPrintable(loaded.error));
        pipeline::AnalyzerOptions options;
        limits.applyTo(options);
        options.mailFrom = mailFrom;
        options.lintRecords = false;
        const pipeline::Analyzer analyzer(loaded.resolver, options);
        return analyzer.analyze(mail::Message::parse(bytes, options.message));
    }

    static InputLimits with(const QString& assignment)
    {
        InputLimits limits;
        const QString error = limits.assign(assignment);
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        return limits;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_key = dkim::Crypto::generateEd25519();
        QVERIFY(m_key);
        m_records = "sel._domainkey.example.com. 300 IN TXT \"v=DKIM1; k=ed25519; p=" +
                    dkim::Crypto::publicKeyRecordBytes(*m_key).toBase64() + "\"\n" +
                    "three.example.com. 300 IN TXT \"v=spf1 a:n1.example.com a:n1.example.com "
                    "a:n1.example.com ip4:192.0.2.0/24 -all\"\n"
                    "voids.example.com. 300 IN TXT \"v=spf1 a:nx1.example.com a:nx2.example.com "
                    "ip4:192.0.2.0/24 -all\"\n"
                    "n1.example.com. 300 IN A 198.51.100.1\n";
    }

    void defaultsAndNames()
    {
        const InputLimits limits;
        QCOMPARE(int(InputLimits::limits().size()), 10);
        const QStringList expected = {
            QStringLiteral("header-size=1048576"), QStringLiteral("header-fields=1000"),
            QStringLiteral("line-length=1048576"), QStringLiteral("message-size=67108864"),
            QStringLiteral("signatures=8"),        QStringLiteral("dns-answer-size=65536"),
            QStringLiteral("cname-chain=8"),       QStringLiteral("spf-lookups=10"),
            QStringLiteral("spf-void-lookups=2"),  QStringLiteral("imap-literal=104857600")};
        QStringList actual;
        for (const InputLimits::Limit& limit : InputLimits::limits())
            actual << QStringLiteral("%1=%2").arg(QLatin1String(limit.name)).arg(limits.value(limit));
        QCOMPARE(actual, expected);
        QVERIFY(limits.validate().isEmpty());
        QVERIFY(limits.changedFromDefaults().isEmpty());
        // The defaults agree with the modules' own.
        QCOMPARE(limits.messageLimits().maxLineBytes, mail::MessageLimits().maxLineBytes);
        QCOMPARE(limits.dnsLimits().maxCnameHops, dns::DnsLimits().maxCnameHops);
        QCOMPARE(limits.dnsLimits().maxAnswerBytes, dns::DnsLimits().maxAnswerBytes);
        QCOMPARE(limits.signatures, qint64(dkim::Verifier::Options().maxSignatures));
        QCOMPARE(limits.spfLookups, qint64(spf::EvaluatorOptions().maxDnsTerms));
        QCOMPARE(limits.spfVoidLookups, qint64(spf::EvaluatorOptions().maxVoidLookups));
        QCOMPARE(limits.messageSize, sources::ReaderOptions().maxMessageSize);
        QCOMPARE(limits.imapLiteral, pipeline::ImportOptions().imapMaxLiteralSize);

        const QString help = InputLimits::helpText();
        for (const InputLimits::Limit& limit : InputLimits::limits())
            QVERIFY2(help.contains(QLatin1String(limit.name)), limit.name);
        QVERIFY(help.contains(QLatin1String("line-length       default 1M")));
        QVERIFY(help.contains(QLatin1String("signatures        default 8")));
    }

    void parsingAndErrors()
    {
        InputLimits limits;
        QCOMPARE(limits.assign(u"line-length=2M"), QString());
        QCOMPARE(limits.lineLength, qint64(2) * 1024 * 1024);
        QCOMPARE(limits.assign(u"header-size = 512KiB"), QString());
        QCOMPARE(limits.headerSize, qint64(512) * 1024);
        QCOMPARE(limits.assign(u"MESSAGE-SIZE=1g"), QString());
        QCOMPARE(limits.messageSize, qint64(1) << 30);
        QCOMPARE(limits.assign(u"signatures=3"), QString());
        QCOMPARE(limits.changedFromDefaults(),
                 (QStringList{QStringLiteral("header-size=512K"), QStringLiteral("line-length=2M"),
                              QStringLiteral("message-size=1024M"), QStringLiteral("signatures=3")}));

        QVERIFY(limits.assign(u"nonsense=3")
                    .startsWith(QLatin1String("unknown limit \"nonsense\" (known: header-size,")));
        QCOMPARE(limits.assign(u"signatures"), QStringLiteral("expected NAME=VALUE, got \"signatures\""));
        QCOMPARE(limits.assign(u"signatures=3M"), QStringLiteral("signatures: \"3M\" is not a whole number"));
        QCOMPARE(limits.assign(u"signatures=-1"), QStringLiteral("signatures: \"-1\" is not a whole number"));
        QVERIFY(limits.assign(u"line-length=12x").contains(QLatin1String("is not a size")));
        QCOMPARE(limits.assign(u"line-length=997"),
                 QStringLiteral("line-length must be between 998 and 1073741824, not 997"));
        QCOMPARE(limits.assign(u"signatures=0"),
                 QStringLiteral("signatures must be between 1 and 1000, not 0"));
        QVERIFY(!limits.assign(u"signatures=99999999999999999999").isEmpty());
        QCOMPARE(limits.signatures, qint64(3)); // refused values change nothing

        InputLimits raised;
        QCOMPARE(raised.assignAll({QStringLiteral("message-size=200M")}), QString());
        QCOMPARE(raised.imapLiteral, qint64(200) * 1024 * 1024);
        InputLimits small;
        QCOMPARE(small.assignAll({QStringLiteral("message-size=200M"), QStringLiteral("imap-literal=150M")}),
                 QStringLiteral("imap-literal (157286400) must be at least message-size (209715200)"));
        QCOMPARE(small.assignAll({QStringLiteral("message-size=200M"), QStringLiteral("imap-literal=200M")}),
                 QString());
    }

    void appliedToImportOptions()
    {
        InputLimits limits;
        QCOMPARE(limits.assignAll({QStringLiteral("header-size=2K"), QStringLiteral("header-fields=7"),
                                   QStringLiteral("line-length=1000"), QStringLiteral("message-size=5000"),
                                   QStringLiteral("signatures=2"), QStringLiteral("spf-lookups=4"),
                                   QStringLiteral("spf-void-lookups=0"), QStringLiteral("imap-literal=6000"),
                                   QStringLiteral("dns-answer-size=600"), QStringLiteral("cname-chain=3")}),
                 QString());
        pipeline::ImportOptions options;
        limits.applyTo(options);
        QCOMPARE(options.analyzer.message.maxHeaderBytes, qsizetype(2048));
        QCOMPARE(options.analyzer.message.maxHeaderFields, 7);
        QCOMPARE(options.analyzer.message.maxLineBytes, qsizetype(1000));
        QCOMPARE(options.reader.maxMessageSize, qint64(5000));
        QCOMPARE(options.analyzer.dkim.maxSignatures, 2);
        QCOMPARE(options.analyzer.spf.maxDnsTerms, 4);
        QCOMPARE(options.analyzer.spf.maxVoidLookups, 0);
        QCOMPARE(options.imapMaxLiteralSize, qint64(6000));
        QCOMPARE(limits.dnsLimits().maxAnswerBytes, qsizetype(600));
        QCOMPARE(limits.dnsLimits().maxCnameHops, 3);
    }

    void signaturesPerMessage()
    {
        const QByteArray message = signedThrice();
        const pipeline::Analysis atLimit = analyze(with(QStringLiteral("signatures=3")), message, {});
        QCOMPARE(atLimit.dkim.size(), size_t(3));
        for (const dkim::Result& r : atLimit.dkim)
            QCOMPARE(r.word(), QStringLiteral("pass"));
        const pipeline::Analysis onePast = analyze(with(QStringLiteral("signatures=2")), message, {});
        QCOMPARE(onePast.dkim.size(), size_t(3));
        QCOMPARE(onePast.dkim[1].word(), QStringLiteral("pass"));
        QCOMPARE(onePast.dkim[2].word(), QStringLiteral("neutral"));
        QCOMPARE(onePast.dkim[2].reason, QStringLiteral("not evaluated: limit of 2 signatures per message"));
    }

    void spfLookups()
    {
        const pipeline::Analysis atLimit =
            analyze(with(QStringLiteral("spf-lookups=3")), kMessage, "bounce@three.example.com");
        QVERIFY(atLimit.spf);
        QCOMPARE(atLimit.spf->word(), QStringLiteral("pass"));
        QCOMPARE(atLimit.spf->dnsLookups, 3);
        const pipeline::Analysis onePast =
            analyze(with(QStringLiteral("spf-lookups=2")), kMessage, "bounce@three.example.com");
        QCOMPARE(onePast.spf->word(), QStringLiteral("permerror"));
        QVERIFY2(onePast.spf->reason.startsWith(QLatin1String("more than 2 DNS-querying terms")),
                 qPrintable(onePast.spf->reason));
    }

    void spfVoidLookups()
    {
        const pipeline::Analysis atLimit =
            analyze(with(QStringLiteral("spf-void-lookups=2")), kMessage, "bounce@voids.example.com");
        QCOMPARE(atLimit.spf->word(), QStringLiteral("pass"));
        QCOMPARE(atLimit.spf->voidLookups, 2);
        const pipeline::Analysis onePast =
            analyze(with(QStringLiteral("spf-void-lookups=1")), kMessage, "bounce@voids.example.com");
        QCOMPARE(onePast.spf->word(), QStringLiteral("permerror"));
        QVERIFY2(onePast.spf->reason.contains(QLatin1String("more than 1 void lookups")),
                 qPrintable(onePast.spf->reason));
    }

    void messageSizeInTheReaders()
    {
        // An .eml of exactly message-size bytes is read; one byte more is an error naming the limit.
        const QByteArray exact = "Subject: x\r\n\r\n" + QByteArray(2000 - 14, 'b');
        QCOMPARE(exact.size(), qsizetype(2000));
        InputLimits limits = with(QStringLiteral("message-size=2000"));
        pipeline::ImportOptions importOptions;
        limits.applyTo(importOptions);
        const QString folder = m_dir.filePath(QStringLiteral("eml"));
        QVERIFY(QDir().mkpath(folder));
        for (const auto& [name, bytes] :
             {std::pair{QStringLiteral("a.eml"), exact}, std::pair{QStringLiteral("b.eml"), exact + "c"}}) {
            QFile file(folder + QLatin1Char('/') + name);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        }
        sources::OpenedSource opened = sources::SourceFactory::open(folder, importOptions.reader);
        QVERIFY2(opened.source, qPrintable(opened.error));
        int read = 0;
        QStringList errors;
        while (std::optional<sources::SourceItem> item = opened.source->next()) {
            ++read;
            QVERIFY(item->path.endsWith(QLatin1String("a.eml")));
        }
        for (const sources::SourceError& e : opened.source->takeErrors())
            errors << e.toString();
        QCOMPARE(read, 1);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors[0].contains(QLatin1String("b.eml")) && errors[0].contains(QLatin1String("2000")),
                 qPrintable(errors[0]));
    }
};

QTEST_GUILESS_MAIN(TestInputLimits)
#include "tst_input_limits.moc"
