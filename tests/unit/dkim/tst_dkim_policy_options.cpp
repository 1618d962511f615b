// SPDX-License-Identifier: GPL-3.0-or-later
// The verifier's policy options as the desktop settings set them: rsa-sha1 refused or accepted
// (RFC 8301 3.1), the minimum RSA key size (RFC 8301 3.2), the clock skew allowed for x= and t=, and
// the number of signatures evaluated per message.
#include "dkim/Crypto.h"
#include "dkim/Signer.h"
#include "dkim/Verifier.h"
#include "dns/RecordsFileResolver.h"

#include <QFile>
#include <QTest>

using namespace authlens;
using namespace authlens::dkim;

namespace {

const QByteArray plainMessage = "From: Alice <alice@example.org>\r\n"
                                "To: bob@example.net\r\n"
                                "Subject: Settings\r\n"
                                "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
                                "Message-ID: <policy@example.org>\r\n"
                                "\r\n"
                                "Hello Bob.\r\n";

QString samplesDir()
{
    return QStringLiteral(AUTHLENS_SOURCE_DIR "/resources/samples");
}

// The Nth message (0-based) of the sample mbox, mboxrd-unquoted, with CRLF line endings.
QByteArray sampleMessage(int n)
{
    QFile file(samplesDir() + QStringLiteral("/samples.mbox"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> messages;
    QByteArray current;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith("From ")) {
            if (!current.isEmpty())
                messages.append(current);
            current.clear();
            continue;
        }
        QByteArray l = line;
        if (l.endsWith('\r'))
            l.chop(1);
        if (l.startsWith(">") && l.mid(l.lastIndexOf('>') + 1).startsWith("From "))
            l.remove(0, 1);
        current += l + "\r\n";
    }
    messages.append(current);
    return messages.value(n);
}

std::shared_ptr<dns::Resolver> resolverFor(const QByteArray& records)
{
    auto loaded = dns::RecordsFileResolver::fromText(records);
    if (!loaded.ok())
        qFatal("records: %s", qPrintable(loaded.error));
    return loaded.resolver;
}

std::shared_ptr<dns::Resolver> samplesResolver()
{
    auto loaded = dns::RecordsFileResolver::fromFile(samplesDir() + QStringLiteral("/records.zone"));
    return loaded.ok() ? loaded.resolver : nullptr;
}

QByteArray keyRecord(const Crypto::Key& key, const QByteArray& selector)
{
    const QByteArray text =
        "v=DKIM1; k=" + keyTypeName(key.type) + "; p=" + Crypto::publicKeyRecordBytes(key).toBase64();
    QByteArray quoted;
    for (qsizetype i = 0; i < text.size(); i += 200)
        quoted += " \"" + text.mid(i, 200) + "\"";
    return selector + "._domainkey.example.org. 300 IN TXT" + quoted + "\n";
}

const Crypto::Key& rsa1024()
{
    static const Crypto::Key key = *Crypto::generateRsa(1024);
    return key;
}

// The message signed `count` times by the 1024-bit key, with t= and x= as given.
QByteArray signedMessage(int count = 1, std::optional<qint64> t = {}, std::optional<qint64> x = {})
{
    QByteArray message = plainMessage;
    for (int i = 0; i < count; ++i) {
        Signer::Options options;
        options.domain = "example.org";
        options.selector = "sel";
        options.timestamp = t;
        options.expiration = x;
        const Signer::Output out = Signer(rsa1024(), options).sign(mail::Message::parse(message));
        if (!out.ok())
            qFatal("sign: %s", qPrintable(out.error));
        message = Signer::prepend(out.field, message);
    }
    return message;
}

std::vector<Result> verify(const QByteArray& message, Verifier::Options options)
{
    return Verifier(resolverFor(keyRecord(rsa1024(), "sel")), options).verify(mail::Message::parse(message));
}

} // namespace

class TestDkimPolicyOptions : public QObject
{
    Q_OBJECT

private slots:
    void minimumRsaBitsIsTheAnalystsChoice()
    {
        const QByteArray message = signedMessage();
        Verifier::Options options;
        options.now = QDateTime::currentSecsSinceEpoch();
        QCOMPARE(verify(message, options).at(0).result, ResultWord::Pass); // 1024 is RFC 8301's floor
        options.minimumRsaBits = 2048;
        const std::vector<Result> stricter = verify(message, options);
        QCOMPARE(stricter.at(0).result, ResultWord::Policy);
        QVERIFY2(stricter.at(0).reason.contains(QLatin1String("fewer than 2048")),
                 qPrintable(stricter.at(0).reason));
        // The cryptography itself still verified: the trace says so.
        QCOMPARE(stricter.at(0).signatureOk, std::optional<bool>(true));
    }

    void clockSkewWidensTheExpiry()
    {
        const qint64 t = 1790000000;
        const QByteArray message = signedMessage(1, t, t + 3600);
        Verifier::Options options;
        options.now = t + 3600 + 200;                                      // 200 s past x=
        QCOMPARE(verify(message, options).at(0).result, ResultWord::Pass); // inside the default 300 s
        options.clockSkewSeconds = 60;
        QCOMPARE(verify(message, options).at(0).result, ResultWord::Policy);
        options.clockSkewSeconds = 0;
        options.now = t + 3600; // exactly at x=: not yet expired
        QCOMPARE(verify(message, options).at(0).result, ResultWord::Pass);
        options.now = t - 10; // t= 10 s in the future
        QCOMPARE(verify(message, options).at(0).result, ResultWord::Policy);
        options.clockSkewSeconds = 10;
        QCOMPARE(verify(message, options).at(0).result, ResultWord::Pass);
    }

    void signaturesPerMessageLimit()
    {
        const QByteArray message = signedMessage(3);
        Verifier::Options options;
        options.now = QDateTime::currentSecsSinceEpoch();
        options.maxSignatures = 2;
        const std::vector<Result> results = verify(message, options);
        QCOMPARE(results.size(), size_t(3));
        QCOMPARE(results.at(0).result, ResultWord::Pass);
        QCOMPARE(results.at(1).result, ResultWord::Pass);
        QCOMPARE(results.at(2).result, ResultWord::Neutral);
    }

    void rsaSha1IsRefusedUnlessAccepted()
    {
        // Our signer refuses rsa-sha1 (RFC 8301 3.1), so the sample mailbox's legacy message (index 9,
        // selector "legacy" of bank.example) is the signed rsa-sha1 input.
        const std::shared_ptr<dns::Resolver> resolver = samplesResolver();
        const QByteArray message = sampleMessage(9);
        if (!resolver || message.isEmpty())
            QSKIP("resources/samples is missing");
        QVERIFY2(message.contains("a=rsa-sha1"), "sample 9 is no longer the rsa-sha1 message");
        Verifier::Options options;
        options.now = 1795132800; // the samples' own "now" (expected.json)
        const std::vector<Result> refused = Verifier(resolver, options).verify(mail::Message::parse(message));
        QCOMPARE(refused.size(), size_t(1));
        QCOMPARE(refused.at(0).result, ResultWord::Policy);
        QVERIFY(refused.at(0).reason.contains(QLatin1String("rsa-sha1")));

        options.acceptRsaSha1 = true;
        const std::vector<Result> accepted =
            Verifier(resolver, options).verify(mail::Message::parse(message));
        QCOMPARE(accepted.at(0).result, ResultWord::Pass);
        QCOMPARE(accepted.at(0).algorithm, QByteArray("rsa-sha1"));
    }

    void acceptedRsaSha1StillFailsOnABadHash()
    {
        const std::shared_ptr<dns::Resolver> resolver = samplesResolver();
        QByteArray message = sampleMessage(9);
        if (!resolver || message.isEmpty())
            QSKIP("resources/samples is missing");
        message.append("A line added on the way.\r\n");
        Verifier::Options options;
        options.now = 1795132800;
        options.acceptRsaSha1 = true;
        const std::vector<Result> results = Verifier(resolver, options).verify(mail::Message::parse(message));
        QCOMPARE(results.at(0).result, ResultWord::Fail);
    }
};

QTEST_GUILESS_MAIN(TestDkimPolicyOptions)
#include "tst_dkim_policy_options.moc"
