// SPDX-License-Identifier: GPL-3.0-or-later
// authlens-cli report end to end, without a display: import the bundled samples with the real CLI, write
// the PDF, read it back with pdftotext; the usage errors exit 2.
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestCliReport : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode;
        QByteArray out;
        QByteArray err;
    };

    static QString samples() { return QStringLiteral(AUTHLENS_SOURCE_DIR "/resources/samples"); }

    // No display at all: the report command must choose the offscreen platform itself.
    static Run run(const QString& program, const QStringList& arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        process.setProcessEnvironment(environment);
        process.start(program, arguments);
        if (!process.waitForFinished(240000))
            qFatal("%s did not finish", qPrintable(program));
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), process.readAllStandardError()};
    }

    static Run cli(const QStringList& arguments) { return run(QStringLiteral(AUTHLENS_CLI), arguments); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        m_db = m_dir.filePath(QStringLiteral("samples.sqlite"));
        const Run imported =
            cli({QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--records"),
                 samples() + QStringLiteral("/records.zone"), samples() + QStringLiteral("/samples.mbox")});
        QVERIFY2(imported.exitCode == 0 || imported.exitCode == 1, imported.err.constData());
        QVERIFY(QFile::exists(m_db));
    }

    void writesThePdf()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        const Run report =
            cli({QStringLiteral("report"), QStringLiteral("--db"), m_db, QStringLiteral("--pdf"), pdf,
                 QStringLiteral("--title"), QStringLiteral("CLI report"), QStringLiteral("--page-size"),
                 QStringLiteral("letter")});
        QVERIFY2(report.exitCode == 0, report.err.constData());
        QVERIFY(report.out.contains("Wrote"));
        const Run text =
            run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QCOMPARE(text.exitCode, 0);
        const QString body = QString::fromUtf8(text.out);
        QVERIFY(body.contains(QStringLiteral("CLI report")));
        QVERIFY2(body.contains(QRegularExpression(QStringLiteral("Messages\\s+65\\b"))),
                 qPrintable(body.left(2000)));
        for (const char* domain : {"shop.example", "news.example"})
            QVERIFY2(body.contains(QLatin1String(domain)), domain);
        QVERIFY(body.contains(QStringLiteral("Appendix: failing messages")));
    }

    void dateAndDomainScope()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("scoped.pdf"));
        const Run report =
            cli({QStringLiteral("report"), QStringLiteral("--db"), m_db, QStringLiteral("--pdf"), pdf,
                 QStringLiteral("--from"), QStringLiteral("2000-01-01"), QStringLiteral("--to"),
                 QStringLiteral("2000-01-31"), QStringLiteral("--domain"), QStringLiteral("shop.example")});
        QVERIFY2(report.exitCode == 0, report.err.constData());
        const QString body = QString::fromUtf8(
            run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")}).out);
        QVERIFY(body.contains(QStringLiteral("Sending domain: shop.example")));
        QVERIFY(body.contains(QRegularExpression(QStringLiteral("Messages\\s+0\\b"))));
    }

    void usageErrors()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("never.pdf"));
        QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("--pdf"), pdf}).exitCode, 2); // no --db
        QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("--db"),
                      m_dir.filePath(QStringLiteral("missing.sqlite")), QStringLiteral("--pdf"), pdf})
                     .exitCode,
                 2);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing.sqlite"))));           // never created
        QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("--db"), m_db}).exitCode, 2); // no --pdf
        QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("--db"), m_db, QStringLiteral("--pdf"), pdf,
                      QStringLiteral("--from"), QStringLiteral("yesterday")})
                     .exitCode,
                 2);
        QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("--db"), m_db, QStringLiteral("--pdf"), pdf,
                      QStringLiteral("--page-size"), QStringLiteral("a3")})
                     .exitCode,
                 2);
        QVERIFY(!QFile::exists(pdf));
    }

private:
    QTemporaryDir m_dir;
    QString m_db;
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"
