// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop pages on the bundled samples, in a real SQLite file: the first-run import, the
// dashboard's figures against the store's counts, a dropped .eml's verdict card, the trace of a
// tampered message, the message filter and the models under QAbstractItemModelTester.
#include "DashboardPage.h"
#include "MainWindow.h"
#include "Session.h"
#include "charts/ChartWidget.h"
#include "checker/CheckerPage.h"
#include "checker/VerdictCard.h"
#include "findings/FindingsModel.h"
#include "findings/FindingsPage.h"
#include "import/ImportController.h"
#include "messages/MessageTableModel.h"
#include "messages/MessagesPage.h"
#include "store/Dashboard.h"
#include "store/MessageQueries.h"
#include "trace/TracePage.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace authlens;
using desktop::MainWindow;

class TestDesktopPages : public QObject
{
    Q_OBJECT

    QString samples() const { return QStringLiteral(AUTHLENS_SOURCE_DIR "/resources/samples"); }

    QJsonObject expected() const
    {
        QFile file(samples() + QStringLiteral("/expected.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("no expected.json");
        return QJsonDocument::fromJson(file.readAll()).object();
    }

    // The raw bytes of the Nth message of the sample mbox (0-based), mboxrd-unquoted.
    QByteArray sampleMessage(int n) const
    {
        QFile file(samples() + QStringLiteral("/samples.mbox"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("no samples.mbox");
        QList<QByteArray> messages;
        QByteArray current;
        for (const QByteArray& line : file.readAll().split('\n')) {
            if (line.startsWith("From ")) {
                if (!current.isEmpty())
                    messages.append(current);
                current.clear();
                continue;
            }
            QByteArray l = line;
            if (l.startsWith(">") && l.mid(l.lastIndexOf('>') + 1).startsWith("From "))
                l.remove(0, 1);
            current += l + '\n';
        }
        messages.append(current);
        return messages.value(n);
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("AuthlensTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_desktop_pages"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        if (!QFile::exists(samples() + QStringLiteral("/samples.mbox")))
            QSKIP("resources/samples is missing");
        m_window = std::make_unique<MainWindow>();
        QVERIFY(m_window->openDatabase(m_dir.filePath(QStringLiteral("test.sqlite"))));
        QSignalSpy finished(m_window->imports(), &desktop::ImportController::finished);
        QVERIFY(m_window->importSamplesIfFirstRun());
        QVERIFY(finished.wait(120000));
        QVERIFY2(m_window->imports()->lastSummary().fatalError.isEmpty(),
                 qPrintable(m_window->imports()->lastSummary().fatalError));
        // Only once: the second start keeps what the analyst has.
        QVERIFY(!m_window->importSamplesIfFirstRun());
    }

    void dashboardFiguresMatchTheStore()
    {
        const QJsonArray messages = expected().value(QStringLiteral("messages")).toArray();
        store::Database& db = *m_window->session()->database();
        const qint64 stored = store::MessageQueries(db).count();
        QCOMPARE(stored, qint64(messages.size()));
        desktop::DashboardPage* dashboard = m_window->dashboard();
        QCOMPARE(dashboard->headline().messages, stored);

        // DKIM pass per domain as the bars show it, against the expected verdicts of the samples.
        QMap<QString, int> passing;
        for (const QJsonValue& m : messages) {
            const QJsonObject o = m.toObject();
            bool pass = false;
            for (const QJsonValue& d : o.value(QStringLiteral("dkim")).toArray())
                pass =
                    pass || d.toObject().value(QStringLiteral("result")).toString() == QLatin1String("pass");
            if (pass)
                ++passing[o.value(QStringLiteral("from")).toString().section(QLatin1Char('@'), 1).toLower()];
        }
        const desktop::ChartData& bars = dashboard->domainChart()->data();
        QVERIFY(!bars.categories.isEmpty());
        const auto passSeries = std::find_if(bars.series.cbegin(), bars.series.cend(),
                                             [](const desktop::ChartSeries& s) { return s.name == "pass"; });
        QVERIFY(passSeries != bars.series.cend());
        for (int i = 0; i < bars.categories.size(); ++i) {
            if (passing.contains(bars.categories.at(i)))
                QCOMPARE(int(passSeries->values.at(i)), passing.value(bars.categories.at(i)));
        }
        QVERIFY(!dashboard->alignmentChart()->data().series.isEmpty());
        QVERIFY(!dashboard->timeChart()->data().categories.isEmpty());

        // Bounces (issue 9): the samples hold two bounce reports for news.example's newsletter (over 5%)
        // and a delay report for shop.example (no bounce); the chart shows the store's rates.
        const QList<store::BounceStats> bounces = store::Dashboard(db).bounces();
        QVERIFY(!bounces.isEmpty());
        QCOMPARE(bounces.front().domain, QStringLiteral("news.example"));
        QCOMPARE(bounces.front().bounces, 2);
        QVERIFY(bounces.front().overThreshold());
        QCOMPARE(dashboard->headline().bounces, 2);
        QCOMPARE(dashboard->headline().bounceDomainsOverThreshold, 1);
        const desktop::ChartData& bounceBars = dashboard->bounceChart()->data();
        QCOMPARE(bounceBars.categories.front(), QStringLiteral("news.example"));
        QCOMPARE(bounceBars.series.at(1).values.front(), 100.0 * *bounces.front().rate());
    }

    void clickingABarFiltersTheMessages()
    {
        desktop::DashboardPage* dashboard = m_window->dashboard();
        const QString domain = dashboard->domainChart()->data().categories.front();
        emit dashboard->domainChart()->clicked(domain, QStringLiteral("pass"));
        desktop::MessageTableModel* model = m_window->messages()->model();
        QCOMPARE(model->filter().domain, domain);
        QCOMPARE(model->filter().dkimResult, QStringLiteral("pass"));
        QVERIFY(model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->index(row, desktop::MessageTableModel::DkimColumn)
                         .data(desktop::MessageTableModel::ResultRole)
                         .toString(),
                     QStringLiteral("pass"));
        m_window->messages()->setFilter({});
    }

    void droppedEmlGetsItsVerdictCard()
    {
        const QJsonArray messages = expected().value(QStringLiteral("messages")).toArray();
        const QString path = m_dir.filePath(QStringLiteral("first.eml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(sampleMessage(0));
        file.close();

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &drop);

        const QList<desktop::VerdictCard*> cards = m_window->checker()->cards();
        QCOMPARE(cards.size(), 1);
        const QJsonObject first = messages.at(0).toObject();
        const QString dkim = first.value(QStringLiteral("dkim")).toArray().isEmpty()
                                 ? QStringLiteral("none")
                                 : first.value(QStringLiteral("dkim"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QStringLiteral("result"))
                                       .toString();
        QVERIFY2(cards.front()->summary().startsWith(QStringLiteral("DKIM ") + dkim),
                 qPrintable(cards.front()->summary()));
        QVERIFY2(cards.front()->summary().endsWith(QStringLiteral("DMARC ") +
                                                   first.value(QStringLiteral("dmarc")).toString()),
                 qPrintable(cards.front()->summary()));
    }

    void missingDroppedFileIsAnErrorNotACrash()
    {
        m_window->checker()->clear();
        m_window->checkFiles({m_dir.filePath(QStringLiteral("gone.eml"))});
        QCOMPARE(m_window->checker()->cards().size(), 0);
        QVERIFY(m_window->checker()->errors().join(QString()).contains(QLatin1String("gone.eml")));
    }

    void traceOfATamperedMessageNamesTheBodyChange()
    {
        const QJsonArray messages = expected().value(QStringLiteral("messages")).toArray();
        int tampered = -1;
        for (int i = 0; i < messages.size() && tampered < 0; ++i) {
            const QString what = messages.at(i).toObject().value(QStringLiteral("demonstrates")).toString() +
                                 messages.at(i).toObject().value(QStringLiteral("description")).toString();
            if (what.contains(QLatin1String("body"), Qt::CaseInsensitive) &&
                what.contains(QLatin1String("tamper"), Qt::CaseInsensitive))
                tampered = i;
        }
        QVERIFY2(tampered >= 0, "the samples have no body-tampering message");
        desktop::TracePage* trace = m_window->trace();
        trace->showMessage(sampleMessage(tampered), QStringLiteral("tampered"));
        QVERIFY(trace->analysis().has_value());
        QVERIFY2(trace->traceText().contains(QLatin1String("body hash did not verify")),
                 qPrintable(trace->traceText()));
        QVERIFY(trace->traceText().contains(QLatin1String("Body hash computed")));
    }

    void storedMessageOpensInTheTrace()
    {
        desktop::MessageTableModel* model = m_window->messages()->model();
        const qint64 id = model->messageId(0);
        QVERIFY(id > 0);
        m_window->showTraceOf(id);
        QVERIFY(m_window->trace()->traceText().contains(QLatin1String("DMARC")));
    }

    void findingsColumnShowsEachMessagesCount()
    {
        using Model = desktop::MessageTableModel;
        Model* model = m_window->messages()->model();
        QVERIFY(model->rowCount() >= 60);
        // The count beside the filter follows the first-run import, not only filter changes.
        const QLabel* count = m_window->messages()->findChild<QLabel*>(QStringLiteral("messageCount"));
        QVERIFY(count);
        QVERIFY2(count->text().startsWith(QString::number(model->rowCount()) + QLatin1Char(' ')),
                 qPrintable(count->text()));
        QCOMPARE(model->headerData(Model::FindingsColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Findings"));
        int withErrors = 0;
        int without = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex cell = model->index(row, Model::FindingsColumn);
            const QString text = cell.data().toString();
            const QString worst = cell.data(Model::ResultRole).toString();
            // The sample import ran the analysis, so every row knows its count.
            QVERIFY2(text != QStringLiteral("—"), qPrintable(text));
            if (worst.isEmpty()) {
                QCOMPARE(text, QStringLiteral("none"));
                ++without;
                continue;
            }
            QVERIFY2(text.endsWith(QStringLiteral("(worst: %1)").arg(worst)), qPrintable(text));
            QVERIFY(text.section(QLatin1Char(' '), 0, 0).toInt() > 0);
            if (worst == QLatin1String("error")) {
                ++withErrors;
                // Drawn like a failed check (the offscreen palette is light).
                QCOMPARE(cell.data(Qt::ForegroundRole).value<QColor>(),
                         desktop::resultColor(QStringLiteral("fail")));
            }
        }
        // The samples include a revoked key, rsa-sha1 and a missing DMARC record: errors on some messages.
        QVERIFY(withErrors > 0);
        QVERIFY(withErrors < model->rowCount());
        QVERIFY(without + withErrors < model->rowCount()); // and warnings or notes on others
    }

    void textFilterNarrowsTheList()
    {
        desktop::MessageTableModel* model = m_window->messages()->model();
        const int all = model->rowCount();
        store::MessageFilter f;
        f.text = QStringLiteral("bank.example");
        model->setFilter(f);
        QVERIFY(model->rowCount() > 0);
        QVERIFY(model->rowCount() < all);
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY(model->index(row, desktop::MessageTableModel::FromColumn)
                        .data()
                        .toString()
                        .contains(QLatin1String("bank.example")) ||
                    model->index(row, desktop::MessageTableModel::SubjectColumn)
                        .data()
                        .toString()
                        .contains(QLatin1String("bank.example"), Qt::CaseInsensitive));
        f.text = QStringLiteral("100%_no_such");
        model->setFilter(f);
        QCOMPARE(model->rowCount(), 0);
        model->setFilter({});
    }

    void modelsPassTheModelTester()
    {
        desktop::MessageTableModel messages;
        messages.setDatabase(m_window->session()->database());
        QAbstractItemModelTester messageTester(&messages,
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        messages.sort(desktop::MessageTableModel::FromColumn, Qt::AscendingOrder);
        for (int row = 0; row < messages.rowCount(); ++row)
            QVERIFY(messages.messageId(row) > 0);

        desktop::FindingsModel findings;
        findings.setDatabase(m_window->session()->database());
        QAbstractItemModelTester findingTester(&findings,
                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(findings.domainCount() > 0);
        findings.setShowDismissed(true);
    }

    void dismissingAFindingKeepsTheReason()
    {
        desktop::FindingsPage* page = m_window->findings();
        QTreeView* view = page->view();
        const QModelIndex group = page->model()->index(0, 0);
        const QModelIndex first = page->model()->index(0, 0, group);
        QVERIFY(first.isValid());
        const qint64 before =
            m_window->dashboard()->headline().findingsBySeverity.value(QStringLiteral("error")) +
            m_window->dashboard()->headline().findingsBySeverity.value(QStringLiteral("warning")) +
            m_window->dashboard()->headline().findingsBySeverity.value(QStringLiteral("info"));
        view->setCurrentIndex(first);
        QVERIFY(page->dismissSelected(QStringLiteral("known: test domain")));
        const qint64 after =
            m_window->dashboard()->headline().findingsBySeverity.value(QStringLiteral("error")) +
            m_window->dashboard()->headline().findingsBySeverity.value(QStringLiteral("warning")) +
            m_window->dashboard()->headline().findingsBySeverity.value(QStringLiteral("info"));
        QCOMPARE(after, before - 1);
    }

    void cleanupTestCase() { m_window.reset(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestDesktopPages)
#include "tst_desktop_pages.moc"
