// SPDX-License-Identifier: GPL-3.0-or-later
#include "dns/RecordsFileResolver.h"
#include "dns/ResolverFactory.h"
#include "dns/UnboundResolver.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens::dns;

class TestResolverFactory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeFile(const QString& name, const QByteArray& text)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(text);
        return path;
    }

    static ResolverFactory::Result fromArguments(const QStringList& arguments)
    {
        QCommandLineParser parser;
        ResolverFactory::addOptions(parser);
        if (!parser.parse(QStringList{QStringLiteral("authlens-cli")} + arguments)) {
            ResolverFactory::Result failed;
            failed.error = parser.errorText();
            return failed;
        }
        return ResolverFactory::create(parser);
    }

private slots:
    void recordsFileBehindACache()
    {
        const QString path = writeFile(QStringLiteral("r.zone"), "a.example. 300 IN TXT \"hello\"\n");
        const auto result = fromArguments({QStringLiteral("--records"), path});
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.description, QStringLiteral("records file ") + path);
        QVERIFY(dynamic_cast<RecordsFileResolver*>(&result.resolver->upstream()));
        QCOMPARE(result.resolver->query("a.example", RecordType::TXT).records[0].text(), QByteArray("hello"));
        QVERIFY(result.resolver->query("a.example", RecordType::TXT).fromCache);
    }

    void badRecordsFileNamesTheLine()
    {
        const QString path =
            writeFile(QStringLiteral("bad.zone"), "a.example. 300 IN TXT \"ok\"\nb.example. 300 IN A x\n");
        const auto result = fromArguments({QStringLiteral("--records"), path});
        QVERIFY(!result.ok());
        QVERIFY2(result.error.startsWith(path + QStringLiteral(":2: ")), qPrintable(result.error));
        QVERIFY(
            !fromArguments({QStringLiteral("--records"), m_dir.filePath(QStringLiteral("missing"))}).ok());
    }

    void contradictoryOptionsAreRefused()
    {
        const QString path = writeFile(QStringLiteral("r2.zone"), "a.example. 300 IN TXT \"hello\"\n");
        QVERIFY(!fromArguments({QStringLiteral("--records"), path, QStringLiteral("--dns"),
                                QStringLiteral("192.0.2.1")})
                     .ok());
        QVERIFY(!fromArguments({QStringLiteral("--records"), path, QStringLiteral("--dnssec")}).ok());
        QVERIFY(!fromArguments({QStringLiteral("--dns"), QStringLiteral("dns.example.com")}).ok());
        QVERIFY(!fromArguments({QStringLiteral("--dns"), QStringLiteral("192.0.2.1:70000")}).ok());
        const auto timeout = fromArguments({QStringLiteral("--dns-timeout"), QStringLiteral("soon")});
        QVERIFY(!timeout.ok());
        QVERIFY(timeout.error.contains(QStringLiteral("--dns-timeout")));
        QVERIFY(!fromArguments({QStringLiteral("--dns-timeout"), QStringLiteral("0")}).ok());
    }

    void liveModes()
    {
        // Building a resolver sends no query, so this needs no network.
        const auto forward = fromArguments({QStringLiteral("--dns"), QStringLiteral("192.0.2.1:5300"),
                                            QStringLiteral("--dns-timeout"), QStringLiteral("2.5")});
        QVERIFY2(forward.ok(), qPrintable(forward.error));
        QCOMPARE(forward.description, QStringLiteral("unbound via 192.0.2.1@5300"));
        auto* unbound = dynamic_cast<UnboundResolver*>(&forward.resolver->upstream());
        QVERIFY(unbound);
        QCOMPARE(unbound->options().timeoutMs, 2500);
        QCOMPARE(unbound->options().mode, UnboundResolver::Mode::Forward);

        if (!QFile::exists(QStringLiteral("/usr/share/dns/root.key")))
            QSKIP("dns-root-data is not installed: no root trust anchor");
        const auto recursive = fromArguments({QStringLiteral("--dnssec")});
        QVERIFY2(recursive.ok(), qPrintable(recursive.error));
        QCOMPARE(dynamic_cast<UnboundResolver*>(&recursive.resolver->upstream())->options().mode,
                 UnboundResolver::Mode::Recursive);
        QVERIFY(recursive.description.contains(QStringLiteral("DNSSEC")));
        const auto validatingForward =
            fromArguments({QStringLiteral("--dns"), QStringLiteral("::1"), QStringLiteral("--dnssec")});
        QVERIFY2(validatingForward.ok(), qPrintable(validatingForward.error));
        QCOMPARE(validatingForward.description, QStringLiteral("unbound via ::1@53, DNSSEC validating"));
    }
};

QTEST_GUILESS_MAIN(TestResolverFactory)
#include "tst_resolver_factory.moc"
