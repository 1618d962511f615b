// SPDX-License-Identifier: GPL-3.0-or-later
// DnsLimits in the offline resolvers (Zone, RecordsFileResolver, ResolverFactory): at each limit the
// answer is accepted; one past it, an Error that names the limit and its value.
#include "dns/RecordsFileResolver.h"
#include "dns/ResolverFactory.h"
#include "dns/Zone.h"

#include <QTemporaryDir>
#include <QTest>

using namespace authlens::dns;

namespace {

// a1 -> a2 -> a3 -> a4 -> end (four names followed after a1), and a TXT of a chosen size.
QByteArray records()
{
    return "a1.example.com. 300 IN CNAME a2.example.com.\n"
           "a2.example.com. 300 IN CNAME a3.example.com.\n"
           "a3.example.com. 300 IN CNAME a4.example.com.\n"
           "a4.example.com. 300 IN CNAME end.example.com.\n"
           "end.example.com. 300 IN TXT \"v=spf1 -all\"\n"
           "big.example.com. 300 IN TXT \"" +
           QByteArray(200, 'x') + "\" \"" + QByteArray(100, 'y') + "\"\n";
}

std::shared_ptr<RecordsFileResolver> resolver(DnsLimits limits)
{
    auto loaded = RecordsFileResolver::fromText(records(), QStringLiteral("limits.zone"));
    if (!loaded.ok())
        qFatal("%s", qPrintable(loaded.error));
    loaded.resolver->setLimits(limits);
    return loaded.resolver;
}

} // namespace

class TestDnsLimits : public QObject
{
    Q_OBJECT
private slots:
    void defaults()
    {
        const DnsLimits limits;
        QCOMPARE(limits.maxAnswerBytes, qsizetype(65536));
        QCOMPARE(limits.maxCnameHops, 8);
        QCOMPARE(Zone::maxCnameHops, 8);
        QCOMPARE(resolver({})->query("a1.example.com", RecordType::TXT).status, DnsAnswer::Status::Ok);
    }

    void cnameChain()
    {
        DnsLimits limits;
        limits.maxCnameHops = 4;
        const DnsAnswer atLimit = resolver(limits)->query("a1.example.com", RecordType::TXT);
        QCOMPARE(atLimit.status, DnsAnswer::Status::Ok);
        QCOMPARE(atLimit.cnameChain.size(), 4);
        QCOMPARE(atLimit.records.at(0).text(), QByteArray("v=spf1 -all"));

        limits.maxCnameHops = 3;
        const DnsAnswer onePast = resolver(limits)->query("a1.example.com", RecordType::TXT);
        QCOMPARE(onePast.status, DnsAnswer::Status::Error);
        QVERIFY(onePast.records.empty());
        QVERIFY2(onePast.error.contains(QLatin1String("longer than 3 names (the cname-chain limit)")),
                 qPrintable(onePast.error));
        QVERIFY(onePast.error.contains(QLatin1String("end.example.com")));
        // A shorter chain is still fine under the lower limit.
        QCOMPARE(resolver(limits)->query("a2.example.com", RecordType::TXT).status, DnsAnswer::Status::Ok);
    }

    void answerSize()
    {
        // 12 header + question (big.example.com: 17 + 4) + the TXT record (17 + 10 + 201 + 101).
        const DnsAnswer full = resolver({})->query("big.example.com", RecordType::TXT);
        QCOMPARE(full.status, DnsAnswer::Status::Ok);
        const qsizetype size = Zone::messageSize(full);
        QCOMPARE(size, qsizetype(12 + 21 + 17 + 10 + 201 + 101));

        DnsLimits limits;
        limits.maxAnswerBytes = size;
        QCOMPARE(resolver(limits)->query("big.example.com", RecordType::TXT).status, DnsAnswer::Status::Ok);
        limits.maxAnswerBytes = size - 1;
        const DnsAnswer onePast = resolver(limits)->query("big.example.com", RecordType::TXT);
        QCOMPARE(onePast.status, DnsAnswer::Status::Error);
        QVERIFY(onePast.records.empty());
        QCOMPARE(onePast.error, QStringLiteral("answer too large: %1 octets, over the dns-answer-size limit "
                                               "of %2 octets")
                                    .arg(size)
                                    .arg(size - 1));
        // The CNAMEs followed count too.
        const DnsAnswer chained = resolver({})->query("a1.example.com", RecordType::TXT);
        QVERIFY(Zone::messageSize(chained) >
                Zone::messageSize(resolver({})->query("end.example.com", RecordType::TXT)));
    }

    void resolverFactoryPassesLimitsOn()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("limits.zone"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(records());
        file.close();
        ResolverRequest request;
        request.recordsFile = path;
        request.limits.maxCnameHops = 2;
        const ResolverFactory::Result created = ResolverFactory::create(request);
        QVERIFY2(created.ok(), qPrintable(created.error));
        const DnsAnswer answer = created.resolver->query("a1.example.com", RecordType::TXT);
        QCOMPARE(answer.status, DnsAnswer::Status::Error);
        QVERIFY(answer.error.contains(QLatin1String("cname-chain limit")));
        QCOMPARE(created.resolver->query("a3.example.com", RecordType::TXT).status, DnsAnswer::Status::Ok);
    }
};

QTEST_APPLESS_MAIN(TestDnsLimits)
#include "tst_dns_limits.moc"
