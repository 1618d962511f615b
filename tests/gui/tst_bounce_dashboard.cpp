// SPDX-License-Identifier: GPL-3.0-or-later
// Bounce rates on the desktop (issue 9): the dashboard's bounce chart and headline figure against the
// store's counts, the domain over 5% highlighted, a click on its bar listing the reports behind it, and
// the bounce-rate finding on the Findings page under the domain.
#include "DashboardPage.h"
#include "MainWindow.h"
#include "Session.h"
#include "charts/ChartWidget.h"
#include "findings/FindingsModel.h"
#include "findings/FindingsPage.h"
#include "messages/MessageTableModel.h"
#include "messages/MessagesPage.h"
#include "pipeline/BounceFindings.h"
#include "store/BatchWriter.h"
#include "store/Dashboard.h"
#include "store/Database.h"
#include "store/VerificationRuns.h"

#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace authlens;

namespace {

store::BatchWriter::MessageWrite message(int number, const QString& domain, qint64 runId)
{
    store::BatchWriter::MessageWrite write;
    write.raw = QStringLiteral("From: <s%1@%2>\r\nSubject: Message %1\r\n\r\nBody %1.\r\n")
                    .arg(number)
                    .arg(domain)
                    .toUtf8();
    write.message.fromAddress = QStringLiteral("s%1@%2").arg(number).arg(domain);
    write.message.fromDomain = domain;
    write.message.subject = QStringLiteral("Message %1").arg(number);
    write.message.date = QDateTime(QDate(2026, 11, 2), QTime(8, 0).addSecs(number), Qt::UTC);
    write.runId = runId;
    store::DkimSignatureRecord signature;
    signature.sdid = domain;
    signature.selector = QStringLiteral("s1");
    signature.result = QStringLiteral("pass");
    write.results.dkim.append(signature);
    return write;
}

} // namespace

class TestBounceDashboard : public QObject
{
    Q_OBJECT

private slots:
    // news.example: 20 sent, 2 bounced (10%, over); shop.example: 50 sent, 1 bounced (2%); gone.example:
    // 1 bounce and nothing sent (rate unknown, no bar). The reports come From mx.receiver.example.
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("AuthlensTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_bounce_dashboard"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("bounces.sqlite"));
        auto opened = store::Database::open(m_path);
        QVERIFY2(opened.database, qPrintable(opened.error));
        const qint64 runId = store::VerificationRuns(*opened.database).begin(QStringLiteral("import"));
        {
            store::BatchWriter writer(*opened.database);
            int number = 0;
            for (int i = 0; i < 20; ++i)
                QVERIFY(writer.write(message(number++, QStringLiteral("news.example"), runId)).ok);
            for (int i = 0; i < 50; ++i)
                QVERIFY(writer.write(message(number++, QStringLiteral("shop.example"), runId)).ok);
            for (const char* original : {"news.example", "news.example", "shop.example", "gone.example"}) {
                auto report = message(number++, QStringLiteral("mx.receiver.example"), runId);
                report.message.deliveryStatus = {true, QStringLiteral("failed"), QStringLiteral("5.1.1"),
                                                 QString::fromLatin1(original)};
                QVERIFY(writer.write(report).ok);
            }
            QVERIFY(writer.flush());
        }
        const QString findingsError = pipeline::BounceFindings::refresh(*opened.database);
        QVERIFY2(findingsError.isEmpty(), qPrintable(findingsError));
        opened.database.reset();

        m_window = std::make_unique<desktop::MainWindow>();
        QVERIFY(m_window->openDatabase(m_path));
    }

    void bounceFiguresMatchTheStore()
    {
        desktop::DashboardPage* dashboard = m_window->dashboard();
        dashboard->refresh();
        store::Dashboard core(*m_window->session()->database());
        const QList<store::BounceStats> expected = core.bounces();
        QCOMPARE(expected.size(), 3); // news, shop, gone; mx.receiver.example sent nothing but reports
        const QList<store::BounceStats> shown = dashboard->bounces();
        QCOMPARE(shown.size(), expected.size());
        for (int i = 0; i < shown.size(); ++i) {
            QCOMPARE(shown.at(i).domain, expected.at(i).domain);
            QCOMPARE(shown.at(i).sent, expected.at(i).sent);
            QCOMPARE(shown.at(i).bounces, expected.at(i).bounces);
        }
        QCOMPARE(dashboard->headline().bounces, 4);
        QCOMPARE(dashboard->headline().bounceDomainsOverThreshold, 1);
        const QString figures = dashboard->findChild<QLabel*>(QStringLiteral("headlineFigures"))->text();
        QVERIFY2(figures.contains(QLatin1String("bounces <b>4</b>, domains over 5%: <b>1</b>")),
                 qPrintable(figures));

        // The chart: one bar per domain with a known rate, highest first; over 5% in the second series.
        const desktop::ChartData& chart = dashboard->bounceChart()->data();
        QCOMPARE(chart.categories,
                 QStringList({QStringLiteral("news.example"), QStringLiteral("shop.example")}));
        QCOMPARE(chart.series.size(), 2);
        QCOMPARE(chart.series.at(1).values.at(0), 10.0); // 2 of 20
        QCOMPARE(chart.series.at(0).values.at(0), 0.0);
        QCOMPARE(chart.series.at(0).values.at(1), 2.0); // 1 of 50, within
        QCOMPARE(chart.series.at(1).values.at(1), 0.0);
        QCOMPARE(chart.series.at(1).color, desktop::resultColor(QStringLiteral("fail")));
        QVERIFY(!dashboard->bounceChart()->isHidden());
    }

    void clickingABounceBarListsTheReports()
    {
        desktop::DashboardPage* dashboard = m_window->dashboard();
        const desktop::ChartData& chart = dashboard->bounceChart()->data();
        emit dashboard->bounceChart()->clicked(chart.categories.front(), chart.series.at(1).name);
        desktop::MessageTableModel* model = m_window->messages()->model();
        QCOMPARE(model->filter().bouncesFor, QStringLiteral("news.example"));
        QVERIFY(model->filter().domain.isEmpty());
        QCOMPARE(model->rowCount(), 2);
        m_window->messages()->setFilter({});
    }

    void findingShownUnderTheDomain()
    {
        desktop::FindingsModel* model = m_window->findings()->model();
        model->reload();
        bool found = false;
        for (int group = 0; group < model->rowCount(); ++group) {
            const QModelIndex parent = model->index(group, 0);
            for (int row = 0; row < model->rowCount(parent); ++row) {
                const store::FindingRecord* finding = model->finding(model->index(row, 0, parent));
                if (!finding || finding->id != QLatin1String("practice.bounce.rate-high"))
                    continue;
                QCOMPARE(desktop::FindingsModel::domainOf(*finding), QStringLiteral("news.example"));
                QVERIFY2(finding->message.contains(QLatin1String("2 of 20")), qPrintable(finding->message));
                QVERIFY(!finding->fix.isEmpty());
                QCOMPARE(finding->severity, store::FindingSeverity::Warning);
                found = true;
            }
        }
        QVERIFY(found);
    }

    void cleanupTestCase() { m_window.reset(); }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<desktop::MainWindow> m_window;
};

QTEST_MAIN(TestBounceDashboard)
#include "tst_bounce_dashboard.moc"
