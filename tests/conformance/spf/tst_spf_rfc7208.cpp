// SPDX-License-Identifier: GPL-3.0-or-later
// The openspf.org RFC 7208 test suite (pyspf's rfc7208-tests.yml, as JSON in the shared folder), one row per
// test, each scenario's zonedata served through a Resolver that reproduces the reference driver's
// conventions (README.md section 1 of the conformance folder).
#include "dns/Resolver.h"
#include "spf/Evaluator.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace authlens;

namespace {

const QString kSuitePath = QStringLiteral(AUTHLENS_SHARED_DIR "/conformance/spf-rfc7208/rfc7208-tests.json");

QByteArray withoutDot(QByteArray name)
{
    while (name.endsWith('.'))
        name.chop(1);
    return name.toLower();
}

// The zonedata of one scenario. Conventions of pyspf's test/testspf.py:
// - a name's SPF (type 99) entries are served as TXT when it has no TXT entry;
// - {"TXT": "NONE"} means no TXT record, and stops that duplication;
// - "TIMEOUT": a query for a type with no record listed before the marker times out;
// - a label over 63 octets is a DNS error; a name not listed is NXDOMAIN; CNAMEs are followed.
class ScenarioResolver : public dns::Resolver
{
public:
    explicit ScenarioResolver(const QJsonObject& zonedata)
    {
        for (auto it = zonedata.begin(); it != zonedata.end(); ++it)
            m_zone.insert(withoutDot(it.key().toUtf8()), it.value().toArray());
    }

    dns::DnsAnswer query(const QByteArray& asked, dns::RecordType type) override
    {
        dns::DnsAnswer answer;
        answer.name = normalizedName(asked);
        answer.type = type;
        answer.source = QStringLiteral("rfc7208 zonedata");
        QByteArray name = answer.name;
        for (int hop = 0; hop < 10; ++hop) {
            for (const QByteArray& label : name.split('.'))
                if (label.size() > 63) {
                    answer.status = dns::DnsAnswer::Status::Error;
                    answer.error = QStringLiteral("label longer than 63 octets");
                    return answer;
                }
            const auto found = m_zone.constFind(name);
            if (found == m_zone.constEnd()) {
                answer.status = dns::DnsAnswer::Status::NxDomain;
                return answer;
            }
            const QJsonArray entries = *found;
            QByteArray cname;
            for (const QJsonValue& entry : entries)
                if (entry.isObject() && entry.toObject().contains(QStringLiteral("CNAME")))
                    cname = withoutDot(entry.toObject().value(QStringLiteral("CNAME")).toString().toUtf8());
            if (!cname.isEmpty() && type != dns::RecordType::CNAME) {
                answer.cnameChain.append(cname);
                name = cname;
                continue;
            }
            return answerFrom(entries, type, answer);
        }
        answer.status = dns::DnsAnswer::Status::Error;
        answer.error = QStringLiteral("CNAME chain too long (loop)");
        return answer;
    }

private:
    static dns::DnsAnswer answerFrom(const QJsonArray& entries, dns::RecordType type, dns::DnsAnswer answer)
    {
        const QString wanted = dns::recordTypeName(type);
        bool hasTxt = false;
        for (const QJsonValue& entry : entries)
            if (entry.isObject() && entry.toObject().contains(QStringLiteral("TXT")))
                hasTxt = true;
        for (const QJsonValue& entry : entries) {
            if (entry.isString() && entry.toString() == QLatin1String("TIMEOUT")) {
                if (answer.records.empty()) {
                    answer.status = dns::DnsAnswer::Status::TempFail;
                    answer.error = QStringLiteral("timeout");
                    return answer;
                }
                break;
            }
            const QJsonObject object = entry.toObject();
            if (object.isEmpty())
                continue;
            QString key = object.begin().key();
            const QJsonValue value = object.begin().value();
            if (key == QLatin1String("SPF") && type == dns::RecordType::TXT && !hasTxt)
                key = QStringLiteral("TXT");
            if (key != wanted)
                continue;
            dns::DnsRecord record;
            record.type = type;
            if (type == dns::RecordType::TXT) {
                if (value.isString() && value.toString() == QLatin1String("NONE"))
                    continue;
                if (value.isArray())
                    for (const QJsonValue& part : value.toArray())
                        record.strings.append(part.toString().toUtf8());
                else
                    record.strings.append(value.toString().toUtf8());
            } else if (type == dns::RecordType::A || type == dns::RecordType::AAAA) {
                record.address = QHostAddress(value.toString());
            } else if (type == dns::RecordType::MX) {
                record.preference = std::uint16_t(value.toArray().at(0).toInt());
                record.target = withoutDot(value.toArray().at(1).toString().toUtf8());
            } else {
                record.target = withoutDot(value.toString().toUtf8());
            }
            answer.records.push_back(record);
        }
        answer.status = answer.records.empty() ? dns::DnsAnswer::Status::NoData : dns::DnsAnswer::Status::Ok;
        return answer;
    }

    QHash<QByteArray, QJsonArray> m_zone;
};

} // namespace

class TestSpfRfc7208 : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!QFile::exists(kSuitePath))
            QSKIP("the shared conformance folder (spf-rfc7208/rfc7208-tests.json) is absent");
        QFile file(kSuitePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
        QVERIFY(document.isArray());
        m_scenarios = document.array();
        int tests = 0;
        for (const QJsonValue& scenario : m_scenarios)
            tests += int(scenario.toObject().value(QStringLiteral("tests")).toObject().size());
        QCOMPARE(tests, 203);
    }

    void suite_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<QString>("name");
        if (m_scenarios.isEmpty())
            QSKIP("the shared conformance folder is absent");
        for (int i = 0; i < m_scenarios.size(); ++i) {
            const QJsonObject tests = m_scenarios.at(i).toObject().value(QStringLiteral("tests")).toObject();
            for (auto it = tests.begin(); it != tests.end(); ++it)
                QTest::newRow(qPrintable(it.key())) << i << it.key();
        }
    }

    void suite()
    {
        QFETCH(int, scenario);
        QFETCH(QString, name);
        const QJsonObject object = m_scenarios.at(scenario).toObject();
        const QJsonObject test = object.value(QStringLiteral("tests")).toObject().value(name).toObject();
        ScenarioResolver resolver(object.value(QStringLiteral("zonedata")).toObject());
        spf::EvaluatorOptions options;
        options.defaultExplanation = "DEFAULT"; // what the reference driver sets
        const spf::Evaluator evaluator(resolver, options);
        const QHostAddress ip(test.value(QStringLiteral("host")).toString());
        QVERIFY2(!ip.isNull(), "the test's host address does not parse");
        const spf::Result result =
            evaluator.checkMailFrom(ip, test.value(QStringLiteral("mailfrom")).toString().toUtf8(),
                                    test.value(QStringLiteral("helo")).toString().toUtf8());

        QStringList accepted;
        const QJsonValue expected = test.value(QStringLiteral("result"));
        if (expected.isArray())
            for (const QJsonValue& word : expected.toArray())
                accepted.append(word.toString());
        else
            accepted.append(expected.toString());
        const QString message = QStringLiteral("%1: got %2 (%3), expected %4")
                                    .arg(name, result.word(), result.reason, accepted.join(QLatin1Char('/')));
        QVERIFY2(accepted.contains(result.word()), qPrintable(message));
        if (test.contains(QStringLiteral("explanation")))
            QCOMPARE(result.explanation, test.value(QStringLiteral("explanation")).toString());
    }

private:
    QJsonArray m_scenarios;
};

QTEST_GUILESS_MAIN(TestSpfRfc7208)
#include "tst_spf_rfc7208.moc"
