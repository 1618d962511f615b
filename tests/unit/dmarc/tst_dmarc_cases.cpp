// SPDX-License-Identifier: GPL-3.0-or-later
// The generated DMARC set (../shared/conformance/dmarc-generated) at unit level: for every message, the
// From field is parsed from the .eml, the DKIM and SPF outcomes are the ones expected.json records as the
// set's inputs ("auth": dkimpy and pyspf results), DNS is records.zone, and the Evaluator's RFC 9989 and
// RFC 7489 answers are judged like compare_dmarc.py judges the CLI.

#include "dmarc/Evaluator.h"
#include "dns/RecordsFileResolver.h"
#include "mail/Message.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace authlens;

namespace {

QString setDir()
{
    return QStringLiteral(AUTHLENS_SHARED_DIR "/conformance/dmarc-generated");
}

QJsonValue optionalDomain(const std::optional<QByteArray>& domain)
{
    return domain ? QJsonValue(QString::fromUtf8(*domain)) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalBool(const std::optional<bool>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

// What `verify --json` prints for DMARC (issue 4), built the way the CLI is expected to build it.
QJsonObject toJson(const dmarc::Verdict& v)
{
    QJsonObject legacy{{"organizational_domain", optionalDomain(v.rfc7489.organizationalDomain)},
                       {"policy_domain", optionalDomain(v.rfc7489.policyDomain)},
                       {"result", dmarc::resultName(v.rfc7489.result)},
                       {"disposition", dmarc::policyName(v.rfc7489.disposition)}};
    QJsonObject dmarc{
        {"result", dmarc::resultName(v.result)},
        {"from_domain",
         v.fromDomain.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromUtf8(v.fromDomain))},
        {"policy_domain", optionalDomain(v.policyDomain)},
        {"organizational_domain", optionalDomain(v.organizationalDomain)},
        {"policy", v.policy ? QJsonValue(dmarc::policyName(*v.policy)) : QJsonValue(QJsonValue::Null)},
        {"disposition", dmarc::policyName(v.disposition)},
        {"dkim_aligned", optionalBool(v.dkimAligned)},
        {"spf_aligned", optionalBool(v.spfAligned)},
        {"reason", v.reason},
        {"rfc7489", legacy}};
    return dmarc;
}

QString norm(const QJsonValue& value)
{
    if (!value.isString())
        return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    QString s = value.toString().trimmed().toLower();
    if (s.size() > 1 && s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s;
}

bool matches(const QJsonValue& got, const QJsonValue& want)
{
    const QJsonArray wants = want.isArray() ? want.toArray() : QJsonArray{want};
    for (const QJsonValue& w : wants) {
        if (norm(got) == norm(w))
            return true;
    }
    return false;
}

// compare_dmarc.py judge(): the listed fields, an expected null may be printed as null.
QStringList judge(const QJsonObject& expected, const QJsonObject& printed)
{
    QStringList bad;
    auto compareBlock = [&](const QString& prefix, const QJsonObject& want, const QJsonObject& got,
                            const QStringList& fields) {
        for (const QString& key : fields) {
            if (!want.contains(key))
                continue;
            const QJsonValue w = want.value(key);
            const QJsonValue g = got.value(key);
            if (w.isNull() && (g.isNull() || g.isUndefined()))
                continue;
            if (!matches(g, w))
                bad.append(
                    QStringLiteral("%1.%2 expected %3, got %4")
                        .arg(prefix, key,
                             QString::fromUtf8(QJsonDocument(QJsonArray{w}).toJson(QJsonDocument::Compact)),
                             QString::fromUtf8(QJsonDocument(QJsonArray{g}).toJson(QJsonDocument::Compact))));
        }
    };
    compareBlock(
        QStringLiteral("dmarc"), expected.value("dmarc").toObject(), printed,
        {"result", "policy_domain", "organizational_domain", "disposition", "dkim_aligned", "spf_aligned"});
    compareBlock(QStringLiteral("rfc7489"), expected.value("rfc7489").toObject(),
                 printed.value("rfc7489").toObject(), {"result", "disposition", "organizational_domain"});
    return bad;
}

} // namespace

class TestDmarcCases : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_expected;
    std::shared_ptr<dns::RecordsFileResolver> m_zone;
    int m_agree = 0;
    int m_total = 0;

private slots:
    void initTestCase()
    {
        QFile file(setDir() + QStringLiteral("/expected.json"));
        if (!file.open(QIODevice::ReadOnly))
            QSKIP("../shared/conformance/dmarc-generated is absent: the generated DMARC set is not checked");
        m_expected = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(!m_expected.isEmpty());
        // The resolver the CLI's --records uses, so this also checks the set's DNS conventions.
        const auto loaded = dns::RecordsFileResolver::fromFile(setDir() + QStringLiteral("/records.zone"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error));
        m_zone = loaded.resolver;
    }

    void generatedCase_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& name : m_expected.keys())
            QTest::newRow(name.toUtf8().constData()) << name;
    }

    void generatedCase()
    {
        QFETCH(QString, file);
        const QJsonObject entry = m_expected.value(file).toObject();
        QFile eml(setDir() + QStringLiteral("/messages/") + file);
        QVERIFY2(eml.open(QIODevice::ReadOnly), qPrintable(file));
        const mail::Message message = mail::Message::parse(eml.readAll());

        // The inputs the set records (dkimpy / pyspf results over records.zone).
        const QJsonObject auth = entry.value("auth").toObject();
        std::vector<dmarc::DkimOutcome> dkim;
        for (const QJsonValue& signature : auth.value("dkim").toArray())
            dkim.push_back({signature["d"].toString().toUtf8(), signature["result"].toString().toUtf8()});
        const QJsonObject spfObject = auth.value("spf").toObject();
        const dmarc::SpfOutcome spf{spfObject["result"].toString().toUtf8(),
                                    spfObject["domain"].toString().toUtf8()};

        dmarc::Evaluator evaluator(*m_zone);
        const dmarc::Verdict verdict =
            evaluator.evaluate(dmarc::AuthorDomain::fromMessage(message), dkim, spf);
        QVERIFY2(verdict.dnsQueries <= 3 * 8 + 3 + 2, "more DNS queries than the walks allow");

        const QStringList bad = judge(entry, toJson(verdict));
        ++m_total;
        if (bad.isEmpty())
            ++m_agree;
        QVERIFY2(bad.isEmpty(),
                 qPrintable(file + QStringLiteral(": ") + bad.join(QStringLiteral("; ")) +
                            QStringLiteral("\n  steps: ") + verdict.steps.join(QStringLiteral(" | ")) +
                            QStringLiteral("\n  rfc7489: ") +
                            verdict.rfc7489.steps.join(QStringLiteral(" | "))));
    }

    void cleanupTestCase() { qInfo("%d/%d dmarc cases agree", m_agree, m_total); }
};

QTEST_GUILESS_MAIN(TestDmarcCases)
#include "tst_dmarc_cases.moc"
