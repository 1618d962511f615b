// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled samples (resources/samples): the committed files are exactly what the generator writes,
// and authlens-cli verify reaches on every message the verdicts the generator's catalog declares.
#include "dmarc/Record.h"
#include "lint/SenderRequirementsLint.h"
#include "mail/Message.h"
#include "sources/MboxReader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString samplesDir = QStringLiteral(AUTHLENS_SOURCE_DIR "/resources/samples");

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString describe(const QJsonArray& dkim)
{
    QStringList parts;
    for (const QJsonValue& v : dkim) {
        const QJsonObject o = v.toObject();
        parts << QStringLiteral("%1/%2=%3")
                     .arg(o.value(QStringLiteral("domain")).toString(),
                          o.value(QStringLiteral("selector")).toString(),
                          o.value(QStringLiteral("result")).toString());
    }
    return QStringLiteral("[%1]").arg(parts.join(QStringLiteral(", ")));
}

} // namespace

class TestSamples : public QObject
{
    Q_OBJECT

    QJsonObject m_expected;
    QJsonArray m_expectedMessages;
    std::vector<QJsonObject> m_verdicts; // one per message, from verify --json

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(samplesDir + QStringLiteral("/samples.mbox")), qPrintable(samplesDir));
        QJsonParseError error;
        m_expected =
            QJsonDocument::fromJson(readAll(samplesDir + QStringLiteral("/expected.json")), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        m_expectedMessages = m_expected.value(QStringLiteral("messages")).toArray();
        QVERIFY(!m_expectedMessages.isEmpty());
    }

    void regeneratingGivesTheCommittedFiles()
    {
        QTemporaryDir out;
        QVERIFY(out.isValid());
        QProcess generator;
        generator.start(QStringLiteral(AUTHLENS_SAMPLEGEN),
                        {QStringLiteral("--out"), out.path(), QStringLiteral("--keys"),
                         samplesDir + QStringLiteral("/keys")});
        QVERIFY(generator.waitForFinished(120000));
        QVERIFY2(generator.exitStatus() == QProcess::NormalExit && generator.exitCode() == 0,
                 generator.readAllStandardError().constData());
        for (const QString& name : {QStringLiteral("samples.mbox"), QStringLiteral("records.zone"),
                                    QStringLiteral("expected.json"), QStringLiteral("README.md")}) {
            const QByteArray regenerated = readAll(out.filePath(name));
            QVERIFY2(!regenerated.isEmpty(), qPrintable(name));
            QVERIFY2(
                regenerated == readAll(samplesDir + QLatin1Char('/') + name),
                qPrintable(name + QStringLiteral(" is stale: run authlens-samplegen and commit the result")));
        }
    }

    void catalogCoversWhatTheDashboardNeeds()
    {
        QVERIFY(m_expectedMessages.size() >= 60);
        QSet<QString> domains, dkimWords, spfWords, dispositions;
        QSet<QString> selectors;
        for (const QJsonValue& v : m_expectedMessages) {
            const QJsonObject m = v.toObject();
            const QString from = m.value(QStringLiteral("from")).toString();
            domains.insert(from.mid(from.lastIndexOf(QLatin1Char('@')) + 1));
            for (const QJsonValue& d : m.value(QStringLiteral("dkim")).toArray()) {
                dkimWords.insert(d.toObject().value(QStringLiteral("result")).toString());
                selectors.insert(d.toObject().value(QStringLiteral("domain")).toString() + QLatin1Char('/') +
                                 d.toObject().value(QStringLiteral("selector")).toString());
            }
            spfWords.insert(m.value(QStringLiteral("spf")).toString());
            dispositions.insert(m.value(QStringLiteral("disposition")).toString());
        }
        QVERIFY2(domains.size() >= 5, qPrintable(QStringList(domains.values()).join(u',')));
        QVERIFY(selectors.size() >= 12);
        for (const char* word : {"pass", "fail", "permerror", "temperror", "policy"})
            QVERIFY2(dkimWords.contains(QLatin1String(word)), word);
        for (const char* word : {"pass", "fail", "softfail", "neutral", "none", "permerror"})
            QVERIFY2(spfWords.contains(QLatin1String(word)), word);
        for (const char* word : {"none", "quarantine", "reject"})
            QVERIFY2(dispositions.contains(QLatin1String(word)), word);
    }

    void verifyGivesTheDeclaredVerdicts()
    {
        QProcess cli;
        cli.start(QStringLiteral(AUTHLENS_CLI),
                  {QStringLiteral("verify"), QStringLiteral("--json"), QStringLiteral("--records"),
                   samplesDir + QStringLiteral("/records.zone"), QStringLiteral("--now"),
                   QString::number(m_expected.value(QStringLiteral("now")).toInteger()),
                   QStringLiteral("--authserv-id"),
                   m_expected.value(QStringLiteral("authserv_id")).toString(),
                   samplesDir + QStringLiteral("/samples.mbox")});
        QVERIFY(cli.waitForFinished(120000));
        const QByteArray errors = cli.readAllStandardError();
        // 1: some messages have no passing signature, as they should; 2 would be a usage or I/O error.
        QVERIFY2(cli.exitCode() == 1, errors.constData());
        QVERIFY2(errors.isEmpty(), errors.constData());
        for (const QByteArray& line : cli.readAllStandardOutput().split('\n')) {
            if (!line.isEmpty())
                m_verdicts.push_back(QJsonDocument::fromJson(line).object());
        }
        QCOMPARE(qsizetype(m_verdicts.size()), m_expectedMessages.size());

        QStringList mismatches;
        for (qsizetype i = 0; i < m_expectedMessages.size(); ++i) {
            const QJsonObject want = m_expectedMessages.at(i).toObject();
            const QJsonObject got = m_verdicts[size_t(i)];
            const QString where =
                QStringLiteral("#%1 (%2)").arg(i).arg(want.value(QStringLiteral("subject")).toString());
            QJsonArray gotDkim;
            for (const QJsonValue& v : got.value(QStringLiteral("dkim")).toArray()) {
                const QJsonObject o = v.toObject();
                gotDkim.append(QJsonObject{{QStringLiteral("domain"), o.value(QStringLiteral("domain"))},
                                           {QStringLiteral("selector"), o.value(QStringLiteral("selector"))},
                                           {QStringLiteral("result"), o.value(QStringLiteral("result"))}});
            }
            const QJsonArray wantDkim = want.value(QStringLiteral("dkim")).toArray();
            if (gotDkim != wantDkim)
                mismatches << QStringLiteral("%1 dkim %2, declared %3")
                                  .arg(where, describe(gotDkim), describe(wantDkim));
            const auto compare = [&](const QString& what, const QJsonValue& gotValue, const QString& key) {
                if (gotValue != want.value(key))
                    mismatches << QStringLiteral("%1 %2 %3, declared %4")
                                      .arg(where, what, gotValue.toVariant().toString(),
                                           want.value(key).toString());
            };
            const QJsonObject dmarc = got.value(QStringLiteral("dmarc")).toObject();
            compare(QStringLiteral("spf"),
                    got.value(QStringLiteral("spf")).toObject().value(QStringLiteral("result")),
                    QStringLiteral("spf"));
            compare(QStringLiteral("dmarc"), dmarc.value(QStringLiteral("result")), QStringLiteral("dmarc"));
            compare(QStringLiteral("disposition"), dmarc.value(QStringLiteral("disposition")),
                    QStringLiteral("disposition"));
            if (got.value(QStringLiteral("disagrees_with_receiver")) !=
                want.value(QStringLiteral("receiver_disagrees")))
                mismatches << QStringLiteral("%1 disagrees_with_receiver %2, declared %3")
                                  .arg(where,
                                       QString::fromUtf8(
                                           QJsonDocument(
                                               got.value(QStringLiteral("disagrees_with_receiver")).toArray())
                                               .toJson(QJsonDocument::Compact)),
                                       QString::fromUtf8(
                                           QJsonDocument(
                                               want.value(QStringLiteral("receiver_disagrees")).toArray())
                                               .toJson(QJsonDocument::Compact)));
        }
        QVERIFY2(mismatches.isEmpty(), qPrintable(QStringLiteral("\n") + mismatches.join(QLatin1Char('\n'))));
    }

    // The messages meant to show the bulk sender requirements raise exactly the findings declared, given
    // the verdicts verify reached on them.
    void senderRequirementFindings()
    {
        if (m_verdicts.empty())
            QSKIP("needs verifyGivesTheDeclaredVerdicts");
        authlens::sources::MboxReader reader(samplesDir + QStringLiteral("/samples.mbox"));
        qsizetype index = 0;
        int checked = 0;
        QStringList mismatches;
        while (std::optional<authlens::sources::SourceItem> item = reader.next()) {
            QVERIFY(index < m_expectedMessages.size());
            const QJsonObject want = m_expectedMessages.at(index).toObject();
            const QJsonObject got = m_verdicts[size_t(index)];
            ++index;
            const QJsonArray declared = want.value(QStringLiteral("sender_findings")).toArray();
            if (declared.isEmpty())
                continue;
            authlens::lint::SenderFacts facts;
            facts.message = authlens::mail::Message::parse(item->bytes);
            const QJsonObject dmarc = got.value(QStringLiteral("dmarc")).toObject();
            facts.fromDomain = dmarc.value(QStringLiteral("from_domain")).toString().toUtf8();
            facts.spfPass = got.value(QStringLiteral("spf")).toObject().value(QStringLiteral("result")) ==
                            QStringLiteral("pass");
            for (const QJsonValue& d : got.value(QStringLiteral("dkim")).toArray()) {
                if (d.toObject().value(QStringLiteral("result")) == QStringLiteral("pass")) {
                    facts.dkimPass = true;
                    facts.dkimKeyBits = d.toObject().value(QStringLiteral("key_bits")).toInt();
                }
            }
            if (dmarc.value(QStringLiteral("policy")).isString())
                facts.dmarcPolicy = authlens::dmarc::policyFromName(
                    dmarc.value(QStringLiteral("policy")).toString().toLatin1());
            facts.aligned = dmarc.value(QStringLiteral("result")) == QStringLiteral("pass");
            QStringList gotIds;
            for (const authlens::lint::Finding& f : authlens::lint::SenderRequirementsLint::check(facts))
                gotIds << f.id;
            for (const QJsonValue& id : declared) {
                if (!gotIds.contains(id.toString()))
                    mismatches << QStringLiteral("#%1: %2 not raised (got %3)")
                                      .arg(index - 1)
                                      .arg(id.toString(), gotIds.join(u','));
            }
            ++checked;
        }
        QCOMPARE(index, m_expectedMessages.size());
        QVERIFY(checked >= 3);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestSamples)
#include "tst_samples.moc"
