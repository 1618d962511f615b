// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-cli verify end to end: messages signed with our signer, a records file, each kind of input
// (.eml, mbox with #N locators, Maildir, standard input), the exit codes and the JSON Lines contract.
#include "dkim/Crypto.h"
#include "dkim/Signer.h"
#include "mail/Message.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens;

namespace {

const QByteArray kMessage = "Received: from mta1.example.com (mta1.example.com [192.0.2.10])\r\n"
                            "\tby mx.example.net with ESMTPS id 1; Mon, 23 Nov 2026 10:00:02 +0000\r\n"
                            "Return-Path: <bounce@example.com>\r\n"
                            "From: Alice <alice@example.com>\r\n"
                            "To: bob@example.net\r\n"
                            "Subject: Quarterly numbers\r\n"
                            "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n"
                            "Message-ID: <1@example.com>\r\n"
                            "\r\n"
                            "Hello Bob,\r\nthe figures are attached.\r\n";

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QList<QJsonObject> lines() const
    {
        QList<QJsonObject> objects;
        for (const QByteArray& line : out.split('\n')) {
            if (!line.trimmed().isEmpty())
                objects.append(QJsonDocument::fromJson(line).object());
        }
        return objects;
    }
};

} // namespace

class TestCliVerify : public QObject
{
    Q_OBJECT

    Run run(const QStringList& arguments, const QByteArray& input = {}) const
    {
        QProcess process;
        process.start(QStringLiteral(AUTHLENS_CLI), QStringList{QStringLiteral("verify")} + arguments);
        if (!input.isEmpty())
            process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000))
            qFatal("authlens-cli verify did not finish");
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    QString write(const QString& name, const QByteArray& bytes) const
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    QStringList json(const QStringList& files) const
    {
        return QStringList{QStringLiteral("--json"), QStringLiteral("--records"), m_records} + files;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const std::optional<dkim::Crypto::Key> key = dkim::Crypto::generateRsa(2048);
        QVERIFY(key);
        dkim::Signer::Options options;
        options.domain = "example.com";
        options.selector = "s1";
        options.timestamp = 1795000000;
        const dkim::Signer::Output output = dkim::Signer(*key, options).sign(mail::Message::parse(kMessage));
        QVERIFY2(output.ok(), qPrintable(output.error));
        m_signed = dkim::Signer::prepend(output.field, kMessage);
        // A zone file's character-strings hold at most 255 octets (RFC 1035 3.3): split the key.
        const QByteArray value = "v=DKIM1; k=rsa; p=" + dkim::Crypto::publicKeyRecordBytes(*key).toBase64();
        QByteArray strings;
        for (qsizetype i = 0; i < value.size(); i += 255)
            strings += " \"" + value.mid(i, 255) + "\"";
        m_records = write(QStringLiteral("records.zone"),
                          "s1._domainkey.example.com. 300 IN TXT" + strings +
                              "\n"
                              "example.com. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n"
                              "_dmarc.example.com. 300 IN TXT \"v=DMARC1; p=reject\"\n"
                              "; TEMPFAIL s1._domainkey.slow.example.\n");
    }

    void passingEmlExitsZeroWithEveryKey()
    {
        const Run r = run(json({write(QStringLiteral("good.eml"), m_signed)}));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QJsonObject> lines = r.lines();
        QCOMPARE(lines.size(), 1);
        const QJsonObject o = lines.front();
        QVERIFY(o.value(QStringLiteral("file")).toString().endsWith(QLatin1String("good.eml")));
        const QJsonObject dkim = o.value(QStringLiteral("dkim")).toArray().at(0).toObject();
        QCOMPARE(dkim.value(QStringLiteral("result")).toString(), QStringLiteral("pass"));
        QCOMPARE(dkim.value(QStringLiteral("domain")).toString(), QStringLiteral("example.com"));
        QCOMPARE(dkim.value(QStringLiteral("selector")).toString(), QStringLiteral("s1"));
        QCOMPARE(dkim.value(QStringLiteral("algorithm")).toString(), QStringLiteral("rsa-sha256"));
        QCOMPARE(dkim.value(QStringLiteral("key_bits")).toInt(), 2048);
        QVERIFY(!dkim.value(QStringLiteral("reason")).toString().isEmpty());

        const QJsonObject spf = o.value(QStringLiteral("spf")).toObject();
        QCOMPARE(spf.value(QStringLiteral("result")).toString(), QStringLiteral("pass"));
        QCOMPARE(spf.value(QStringLiteral("ip")).toString(), QStringLiteral("192.0.2.10"));
        QCOMPARE(spf.value(QStringLiteral("mailfrom")).toString(), QStringLiteral("bounce@example.com"));
        QCOMPARE(spf.value(QStringLiteral("helo")).toString(), QStringLiteral("mta1.example.com"));
        QVERIFY(spf.contains(QStringLiteral("explanation")));
        QVERIFY(spf.value(QStringLiteral("note")).toString().contains(QLatin1String("today's DNS")));

        const QJsonObject dmarc = o.value(QStringLiteral("dmarc")).toObject();
        QCOMPARE(dmarc.value(QStringLiteral("result")).toString(), QStringLiteral("pass"));
        QCOMPARE(dmarc.value(QStringLiteral("from_domain")).toString(), QStringLiteral("example.com"));
        QCOMPARE(dmarc.value(QStringLiteral("policy_domain")).toString(), QStringLiteral("example.com"));
        QCOMPARE(dmarc.value(QStringLiteral("policy")).toString(), QStringLiteral("reject"));
        QCOMPARE(dmarc.value(QStringLiteral("disposition")).toString(), QStringLiteral("none"));
        QCOMPARE(dmarc.value(QStringLiteral("dkim_aligned")).toBool(), true);
        QCOMPARE(dmarc.value(QStringLiteral("spf_aligned")).toBool(), true);
        const QJsonObject rfc7489 = dmarc.value(QStringLiteral("rfc7489")).toObject();
        QCOMPARE(rfc7489.value(QStringLiteral("result")).toString(), QStringLiteral("pass"));
        QCOMPARE(rfc7489.value(QStringLiteral("organizational_domain")).toString(),
                 QStringLiteral("example.com"));
        QVERIFY(o.value(QStringLiteral("received")).isObject());
        QVERIFY(o.value(QStringLiteral("findings")).isArray());
    }

    void tamperedBodyExitsOneWithTheCause()
    {
        QByteArray tampered = m_signed;
        tampered.replace("figures are attached", "figures are ATTACHED");
        const Run r = run(json({write(QStringLiteral("tampered.eml"), tampered)}));
        QCOMPARE(r.exitCode, 1);
        const QJsonObject dkim = r.lines().front().value(QStringLiteral("dkim")).toArray().at(0).toObject();
        QCOMPARE(dkim.value(QStringLiteral("result")).toString(), QStringLiteral("fail"));
        QCOMPARE(dkim.value(QStringLiteral("body_hash_ok")).toBool(), false);
        QVERIFY(dkim.value(QStringLiteral("likely_cause")).toString().contains(QLatin1String("body")));
    }

    void envelopeOptionsOverrideTheMessage()
    {
        const Run r =
            run(json({QStringLiteral("--ip"), QStringLiteral("198.51.100.7"), QStringLiteral("--mailfrom"),
                      QStringLiteral("x@example.com"), QStringLiteral("--helo"),
                      QStringLiteral("relay.example.org"), write(QStringLiteral("env.eml"), m_signed)}));
        const QJsonObject spf = r.lines().front().value(QStringLiteral("spf")).toObject();
        QCOMPARE(spf.value(QStringLiteral("ip")).toString(), QStringLiteral("198.51.100.7"));
        QCOMPARE(spf.value(QStringLiteral("result")).toString(), QStringLiteral("fail"));
        // DKIM still aligns, so DMARC passes: the forwarding case DMARC was designed around.
        QCOMPARE(r.lines().front().value(QStringLiteral("dmarc")).toObject().value(QStringLiteral("result")),
                 QJsonValue(QStringLiteral("pass")));
    }

    void mboxGivesOneLinePerMessageWithItsIndex()
    {
        QByteArray tampered = m_signed;
        tampered.replace("Quarterly numbers", "Quarterly Numbers");
        const QByteArray mbox = "From bounce@example.com Mon Nov 23 10:00:00 2026\n" + m_signed +
                                "\nFrom bounce@example.com Mon Nov 23 10:00:01 2026\n" + tampered +
                                "\nFrom bounce@example.com Mon Nov 23 10:00:02 2026\n" + kMessage + "\n";
        const Run r = run(json({write(QStringLiteral("three.mbox"), mbox)}));
        QCOMPARE(r.exitCode, 1);
        const QList<QJsonObject> lines = r.lines();
        QCOMPARE(lines.size(), 3);
        QStringList results;
        for (const QJsonObject& o : lines) {
            QVERIFY2(o.value(QStringLiteral("file")).toString().contains(QLatin1String("three.mbox#")),
                     qPrintable(o.value(QStringLiteral("file")).toString()));
            const QJsonArray dkim = o.value(QStringLiteral("dkim")).toArray();
            results << (dkim.isEmpty() ? QStringLiteral("[]")
                                       : dkim.at(0).toObject().value(QStringLiteral("result")).toString());
        }
        QCOMPARE(results, (QStringList{"pass", "fail", "[]"}));
        QVERIFY(lines.at(0).value(QStringLiteral("file")).toString() !=
                lines.at(1).value(QStringLiteral("file")).toString());
    }

    void maildirAndStandardInput()
    {
        write(QStringLiteral("Maildir/cur/1700000000.1.host:2,S"), m_signed);
        write(QStringLiteral("Maildir/new/1700000001.2.host"), m_signed);
        QDir().mkpath(m_dir.filePath(QStringLiteral("Maildir/tmp")));
        const Run maildir = run(json({m_dir.filePath(QStringLiteral("Maildir"))}));
        QCOMPARE(maildir.exitCode, 0);
        QCOMPARE(maildir.lines().size(), 2);

        const Run stdinRun = run(json({QStringLiteral("-")}), m_signed);
        QCOMPARE(stdinRun.exitCode, 0);
        QCOMPARE(stdinRun.lines().front().value(QStringLiteral("file")).toString(), QStringLiteral("-"));
    }

    void dnsTimeoutIsTemperrorNeverFail()
    {
        QByteArray slow = m_signed;
        slow.replace("d=example.com", "d=slow.example");
        const Run r = run(json({write(QStringLiteral("slow.eml"), slow)}));
        QCOMPARE(r.exitCode, 1);
        const QJsonObject dkim = r.lines().front().value(QStringLiteral("dkim")).toArray().at(0).toObject();
        QCOMPARE(dkim.value(QStringLiteral("result")).toString(), QStringLiteral("temperror"));
    }

    void textOutputHasALinePerMethod()
    {
        const Run r =
            run({QStringLiteral("--records"), m_records, write(QStringLiteral("text.eml"), m_signed)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("dkim=pass  d=example.com s=s1"), r.out.constData());
        QVERIFY2(r.out.contains("spf=pass"), r.out.constData());
        QVERIFY2(r.out.contains("dmarc=pass"), r.out.constData());
    }

    void missingFileAndBadOptionsExitTwo()
    {
        const Run missing = run(json({m_dir.filePath(QStringLiteral("nope.eml"))}));
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains("nope.eml"));
        QCOMPARE(run({}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("--now"), QStringLiteral("soon"), QStringLiteral("-")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("--ip"), QStringLiteral("not-an-ip"), QStringLiteral("-")}).exitCode, 2);
        const Run badRecords = run({QStringLiteral("--records"),
                                    write(QStringLiteral("bad.zone"), "x. IN TXT\n"), QStringLiteral("-")});
        QCOMPARE(badRecords.exitCode, 2);
        QVERIFY2(badRecords.err.contains("bad.zone:1"), badRecords.err.constData());
    }

private:
    QTemporaryDir m_dir;
    QString m_records;
    QByteArray m_signed;
};

QTEST_GUILESS_MAIN(TestCliVerify)
#include "tst_cli_verify.moc"
