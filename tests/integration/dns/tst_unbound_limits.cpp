// SPDX-License-Identifier: GPL-3.0-or-later
// UnboundResolver's answer-size and CNAME-chain limits against a real unbound on loopback: at each
// limit the answer is accepted; one past it, an Error naming the limit.
#include "UnboundServer.h"

#include "dns/UnboundResolver.h"

#include <QRegularExpression>
#include <QTest>

using namespace authlens::dns;

class TestUnboundLimits : public QObject
{
    Q_OBJECT

    UnboundServer m_server;

    UnboundResolver::Options options() const
    {
        UnboundResolver::Options options;
        options.mode = UnboundResolver::Mode::Forward;
        options.server = m_server.address();
        options.timeoutMs = 5000;
        return options;
    }

    DnsAnswer ask(const UnboundResolver::Options& options, const QByteArray& name)
    {
        auto created = UnboundResolver::create(options);
        if (!created.ok())
            qFatal("%s", qPrintable(created.error));
        return created.resolver->query(name, RecordType::TXT);
    }

private slots:
    void initTestCase()
    {
        if (UnboundServer::executable().isEmpty())
            QSKIP("unbound is not installed (Debian package unbound)");
        const QByteArray zone = "$ORIGIN limits.test.\n"
                                "$TTL 300\n"
                                "@    IN SOA ns.limits.test. hostmaster.limits.test. 1 3600 600 86400 60\n"
                                "@    IN NS  ns\n"
                                "ns   IN A   127.0.0.1\n"
                                "c1   IN CNAME c2\n"
                                "c2   IN CNAME c3\n"
                                "c3   IN CNAME end\n"
                                "end  IN TXT \"v=spf1 -all\"\n"
                                "big  IN TXT \"" +
                                QByteArray(255, 'a') + "\" \"" + QByteArray(200, 'b') + "\"\n";
        const QString error = m_server.start({{"limits.test.", zone}});
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void answerSize()
    {
        UnboundResolver::Options small = options();
        small.maxAnswerBytes = 300;
        const DnsAnswer refused = ask(small, "big.limits.test");
        QCOMPARE(refused.status, DnsAnswer::Status::Error);
        QVERIFY(refused.records.empty());
        // The error gives the size of the DNS message; exactly that much is accepted, one less is not.
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("^answer too large: (\\d+) octets, over the dns-answer-size "
                                              "limit of 300 octets$"))
                .match(refused.error);
        QVERIFY2(match.hasMatch(), qPrintable(refused.error));
        const qsizetype size = match.captured(1).toLongLong();
        QVERIFY(size > 455);

        UnboundResolver::Options atLimit = options();
        atLimit.maxAnswerBytes = size;
        const DnsAnswer ok = ask(atLimit, "big.limits.test");
        QCOMPARE(ok.status, DnsAnswer::Status::Ok);
        QCOMPARE(ok.records.at(0).text(), QByteArray(255, 'a') + QByteArray(200, 'b'));
        atLimit.maxAnswerBytes = size - 1;
        const DnsAnswer onePast = ask(atLimit, "big.limits.test");
        QCOMPARE(onePast.status, DnsAnswer::Status::Error);
        QVERIFY(onePast.error.contains(QStringLiteral("limit of %1 octets").arg(size - 1)));
    }

    void cnameChain()
    {
        UnboundResolver::Options limited = options();
        limited.maxCnameHops = 3; // c1 -> c2 -> c3 -> end: three names followed
        const DnsAnswer atLimit = ask(limited, "c1.limits.test");
        QCOMPARE(atLimit.status, DnsAnswer::Status::Ok);
        QCOMPARE(atLimit.cnameChain,
                 (QList<QByteArray>{"c2.limits.test", "c3.limits.test", "end.limits.test"}));

        limited.maxCnameHops = 2;
        const DnsAnswer onePast = ask(limited, "c1.limits.test");
        QCOMPARE(onePast.status, DnsAnswer::Status::Error);
        QVERIFY2(onePast.error.contains(QLatin1String("longer than 2 names (the cname-chain limit)")),
                 qPrintable(onePast.error));
        QCOMPARE(ask(limited, "c2.limits.test").status, DnsAnswer::Status::Ok);
    }
};

QTEST_GUILESS_MAIN(TestUnboundLimits)
#include "tst_unbound_limits.moc"
