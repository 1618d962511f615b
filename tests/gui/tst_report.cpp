// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF report on the bundled samples: its text (pdftotext) names the sending domains and the headline
// figures, its chart page (pdftoppm) is drawn in the result colours, the page size follows the option
// and the locale, and a domain-scoped report counts only that domain's mail.
#include "MainWindow.h"
#include "charts/ChartWidget.h"
#include "dns/RecordsFileResolver.h"
#include "pipeline/Importer.h"
#include "report/ReportWriter.h"
#include "store/Database.h"

#include <QAction>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens;
using desktop::ReportOptions;
using desktop::ReportResult;
using desktop::ReportWriter;

class TestReport : public QObject
{
    Q_OBJECT

    QString samples() const { return QStringLiteral(AUTHLENS_SOURCE_DIR "/resources/samples"); }

    // Runs a poppler tool; empty output when it failed.
    static QByteArray run(const QString& program, const QStringList& arguments)
    {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(60000) || process.exitCode() != 0) {
            qWarning() << program << arguments << process.readAllStandardError();
            return {};
        }
        return process.readAllStandardOutput();
    }

    static QString pdfText(const QString& pdf)
    {
        return QString::fromUtf8(
            run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")}));
    }

    static bool near(QRgb pixel, const QColor& colour)
    {
        return qAbs(qRed(pixel) - colour.red()) < 40 && qAbs(qGreen(pixel) - colour.green()) < 40 &&
               qAbs(qBlue(pixel) - colour.blue()) < 40;
    }

    ReportResult write(const QString& name, const ReportOptions& options)
    {
        auto opened = store::Database::open(m_db);
        if (!opened.database)
            qFatal("cannot open the test database");
        return ReportWriter(*opened.database).write(m_dir.filePath(name), options);
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("AuthlensTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_report"));
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty())
            QSKIP("poppler-utils (pdftotext, pdftoppm) is not installed");

        QFile file(samples() + QStringLiteral("/expected.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray messages =
            QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("messages")).toArray();
        QVERIFY(messages.size() >= 60);
        for (const QJsonValue& m : messages) {
            const QString from = m.toObject().value(QStringLiteral("from")).toString();
            const QString domain = from.mid(from.lastIndexOf(QLatin1Char('@')) + 1).toLower();
            m_perDomain[domain] += 1;
        }
        m_messages = messages.size();

        auto records = dns::RecordsFileResolver::fromFile(samples() + QStringLiteral("/records.zone"));
        QVERIFY2(records.ok(), qPrintable(records.error));
        m_db = m_dir.filePath(QStringLiteral("report.sqlite"));
        pipeline::ImportOptions options;
        options.jobs = 2;
        pipeline::Importer importer(m_db, records.resolver, options);
        const pipeline::ImportSummary summary = importer.run({samples() + QStringLiteral("/samples.mbox")});
        QVERIFY2(summary.fatalError.isEmpty(), qPrintable(summary.fatalError));
        QCOMPARE(summary.stored, qint64(m_messages));
    }

    void textNamesDomainsAndFigures()
    {
        ReportOptions options;
        options.pageSize = QPageSize(QPageSize::A4);
        options.title = QStringLiteral("Quarterly deliverability");
        const ReportResult result = write(QStringLiteral("all.pdf"), options);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.messages, qint64(m_messages));
        QVERIFY(result.pages >= 5); // title, two chart pages, tables, findings, appendix
        QVERIFY(result.failingListed > 0);

        const QString text = pdfText(m_dir.filePath(QStringLiteral("all.pdf")));
        QVERIFY(!text.isEmpty());
        QVERIFY(text.contains(QStringLiteral("Quarterly deliverability")));
        QVERIFY(text.contains(QStringLiteral("samples.mbox"))); // the source on the title page
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("Messages\\s+%1\\b").arg(m_messages))),
                 qPrintable(text.left(2000)));
        QVERIFY(text.contains(
            QRegularExpression(QStringLiteral("Sending domains\\s+%1\\b").arg(m_perDomain.size()))));
        for (auto it = m_perDomain.cbegin(); it != m_perDomain.cend(); ++it)
            QVERIFY2(text.contains(it.key()), qPrintable(it.key()));
        QVERIFY(text.contains(QStringLiteral("Per DKIM selector")));
        QVERIFY(text.contains(QStringLiteral("Findings")));
        QVERIFY(text.contains(QStringLiteral("Fix:"))); // the samples include misconfigured records
        QVERIFY(text.contains(QStringLiteral("Appendix: failing messages")));
        QVERIFY(text.contains(QStringLiteral("DKIM fail"))); // a reason line of a tampered message
        // Bounces (issue 9): the samples' two bounces against news.example's 10 messages, in the headline and
        // in the per-domain table.
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("Bounces\\s+2, domains over 5%: 1"))),
                 qPrintable(text.left(2000)));
        QVERIFY(text.contains(QStringLiteral("2 (20.0%)")));

        // The same page size throughout: A4 is 595 x 842 pt.
        const QString info =
            QString::fromUtf8(run(QStringLiteral("pdfinfo"), {m_dir.filePath(QStringLiteral("all.pdf"))}));
        QVERIFY2(info.contains(QStringLiteral("595.276 x 841.89")) || info.contains(QStringLiteral("(A4)")),
                 qPrintable(info));
    }

    void chartsAreDrawnInResultColours()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("all.pdf"));
        QVERIFY(QFile::exists(pdf));
        // Page 2 holds the DKIM-per-domain and SPF/DMARC charts.
        const QString prefix = m_dir.filePath(QStringLiteral("charts"));
        run(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("50"), QStringLiteral("-png"),
                                         QStringLiteral("-f"), QStringLiteral("2"), QStringLiteral("-l"),
                                         QStringLiteral("2"), QStringLiteral("-singlefile"), pdf, prefix});
        QImage image(prefix + QStringLiteral(".png"));
        QVERIFY(!image.isNull());
        image = image.convertToFormat(QImage::Format_RGB32);
        const QColor pass = desktop::resultColor(QStringLiteral("pass"));
        const QColor fail = desktop::resultColor(QStringLiteral("fail"));
        qint64 passPixels = 0, failPixels = 0, inked = 0;
        for (int y = 0; y < image.height(); ++y) {
            const QRgb* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                passPixels += near(line[x], pass);
                failPixels += near(line[x], fail);
                inked += qGray(line[x]) < 240;
            }
        }
        const qint64 area = qint64(image.width()) * image.height();
        qInfo() << "chart page" << image.size() << "pass" << passPixels << "fail" << failPixels << "inked"
                << inked;
        // Bars, not a blank page or text only: at least 2% of the page in the pass colour.
        QVERIFY2(passPixels > area / 50, qPrintable(QString::number(passPixels)));
        QVERIFY2(failPixels > 20, qPrintable(QString::number(failPixels)));
        // Vectors, not a picture of the chart: the PDF holds no raster image at all.
        const QString images =
            QString::fromUtf8(run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf}));
        QVERIFY(images.contains(QStringLiteral("page")));
        QCOMPARE(images.trimmed().split(QLatin1Char('\n')).size(), 2); // the two header lines only
    }

    void domainScopeAndLetter()
    {
        // The domain with the fewest messages, so its count differs from the total.
        QString domain;
        for (auto it = m_perDomain.cbegin(); it != m_perDomain.cend(); ++it) {
            if (domain.isEmpty() || it.value() < m_perDomain.value(domain))
                domain = it.key();
        }
        ReportOptions options;
        options.filter.domain = domain;
        options.pageSize = QPageSize(QPageSize::Letter);
        const ReportResult result = write(QStringLiteral("domain.pdf"), options);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.messages, qint64(m_perDomain.value(domain)));
        const QString text = pdfText(m_dir.filePath(QStringLiteral("domain.pdf")));
        QVERIFY(text.contains(QStringLiteral("Sending domain: %1").arg(domain)));
        QVERIFY(text.contains(
            QRegularExpression(QStringLiteral("Messages\\s+%1\\b").arg(m_perDomain.value(domain)))));
        const QString info =
            QString::fromUtf8(run(QStringLiteral("pdfinfo"), {m_dir.filePath(QStringLiteral("domain.pdf"))}));
        QVERIFY2(info.contains(QStringLiteral("612 x 792")), qPrintable(info));
    }

    void emptyScopeStillWrites()
    {
        ReportOptions options;
        options.filter.domain = QStringLiteral("no-such-domain.example");
        const ReportResult result = write(QStringLiteral("empty.pdf"), options);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.messages, qint64(0));
        QCOMPARE(result.failingListed, 0);
        QVERIFY(pdfText(m_dir.filePath(QStringLiteral("empty.pdf")))
                    .contains(QStringLiteral("No failing messages in scope.")));
    }

    void unwritablePathIsAnError()
    {
        const ReportResult result = write(QStringLiteral("no/such/folder/out.pdf"), ReportOptions());
        QVERIFY(!result.ok);
        QVERIFY(result.error.contains(QStringLiteral("out.pdf")));
    }

    void pageSizeFromLocale()
    {
        QCOMPARE(ReportOptions::defaultPageSize(QLocale(QLocale::English, QLocale::UnitedStates)).id(),
                 QPageSize::Letter);
        QCOMPARE(ReportOptions::defaultPageSize(QLocale(QLocale::French, QLocale::Canada)).id(),
                 QPageSize::Letter);
        QCOMPARE(ReportOptions::defaultPageSize(QLocale(QLocale::Spanish, QLocale::Mexico)).id(),
                 QPageSize::Letter);
        QCOMPARE(ReportOptions::defaultPageSize(QLocale(QLocale::German, QLocale::Germany)).id(),
                 QPageSize::A4);
        QCOMPARE(ReportOptions::defaultPageSize(QLocale(QLocale::English, QLocale::UnitedKingdom)).id(),
                 QPageSize::A4);
    }

    void menuActionIsEnabled()
    {
        QSettings().setValue(QLatin1String(desktop::MainWindow::kSamplesImportedKey), true);
        desktop::MainWindow window;
        auto* action = window.findChild<QAction*>(QStringLiteral("actionExportReport"));
        QVERIFY(action);
        QVERIFY(action->isEnabled());
    }

private:
    QTemporaryDir m_dir;
    QString m_db;
    int m_messages = 0;
    QMap<QString, int> m_perDomain;
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
