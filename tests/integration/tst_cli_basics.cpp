// SPDX-License-Identifier: GPL-3.0-or-later
#include "Version.h"

#include <QProcess>
#include <QTest>

class TestCliBasics : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode;
        QByteArray out;
        QByteArray err;
    };

    static Run run(const QStringList& arguments)
    {
        QProcess process;
        process.start(QStringLiteral(AUTHLENS_CLI), arguments);
        if (!process.waitForFinished(30000))
            qFatal("authlens-cli did not finish");
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

private slots:
    void versionNamesTheReleaseAndLicence()
    {
        const Run r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QByteArray("authlens-cli ") + authlens::kVersion + "\n"));
        QVERIFY(r.out.contains("GPL"));
    }

    void helpListsUsageAndExitsZero()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Usage: authlens-cli <command>"));
    }

    void unknownCommandIsAUsageError()
    {
        const Run r = run({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown command 'frobnicate'"));
    }

    void noArgumentsIsAUsageError()
    {
        const Run r = run({});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("Usage:"));
    }
};

QTEST_GUILESS_MAIN(TestCliBasics)
#include "tst_cli_basics.moc"
