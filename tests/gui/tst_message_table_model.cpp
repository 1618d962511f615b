// SPDX-License-Identifier: GPL-3.0-or-later
// The virtualized message list over a database too large for OFFSET jumps: the page index built on a
// worker thread must give exactly the rows OFFSET gives, at any depth, for every order and filter; a
// model destroyed or refiltered while its index is being built must neither crash nor wait for it;
// pages read in the background fill their placeholders with the rows a direct read gives; the DKIM
// column shows each signature.
#include "../unit/store/StoreSamples.h"
#include "messages/MessageTableModel.h"
#include "store/BatchWriter.h"
#include "store/Database.h"
#include "store/MessageQueries.h"
#include "store/VerificationRuns.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <algorithm>

using namespace authlens;
using Model = desktop::MessageTableModel;

namespace {

constexpr int kMessages = Model::kPageIndexMinimumRows + 1500;

} // namespace

class TestMessageTableModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_database;

    // The id OFFSET puts at `row`: what the list must show there.
    qint64 idByOffset(const Model& model, int row) const
    {
        store::MessageListQuery query;
        query.filter = model.filter();
        query.sortKey = m_sortKey;
        query.descending = m_descending;
        query.offset = row;
        query.limit = 1;
        const store::MessagePage page = store::MessageQueries(*m_database).page(query);
        return page.rows.isEmpty() ? -1 : page.rows.first().id;
    }

    store::MessageSortKey m_sortKey = store::MessageSortKey::Date;
    bool m_descending = true;

    void compareJumps(Model& model)
    {
        // Jumps in the order a scroll-bar drag makes them: far, back, to the end, across page edges.
        const int last = model.rowCount() - 1;
        const QList<int> rows = {last / 2,
                                 7,
                                 last,
                                 last - Model::kPageSize,
                                 Model::kPageSize * 9 - 1,
                                 Model::kPageSize * 9,
                                 3 * last / 4,
                                 Model::kPageSize + 1,
                                 last / 3};
        for (int row : rows) {
            row = std::clamp(row, 0, last); // a small list: the same jumps, inside it
            QVERIFY2(model.messageId(row) == idByOffset(model, row),
                     qPrintable(QStringLiteral("row %1 of %2: %3, OFFSET gives %4")
                                    .arg(row)
                                    .arg(model.rowCount())
                                    .arg(model.messageId(row))
                                    .arg(idByOffset(model, row))));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto opened = store::Database::open(m_dir.filePath(QStringLiteral("list.authlens")));
        QVERIFY2(opened.database, qPrintable(opened.error));
        m_database = std::move(opened.database);
        const qint64 runId = store::VerificationRuns(*m_database).begin(QStringLiteral("import"));
        store::BatchWriter writer(*m_database);
        for (int i = 0; i < kMessages; ++i) {
            // Many messages share a second (ties broken by id) and a few domains are small.
            const QString domain = QStringLiteral("sender%1.example").arg(i % 40 == 0 ? 99 : i % 3);
            QVERIFY(writer
                        .write(store::samples::message(
                            i, domain, runId, i % 5 == 0 ? QStringLiteral("fail") : QStringLiteral("pass"),
                            i % 30, i % 4 == 0))
                        .ok);
        }
        QVERIFY(writer.flush());
    }

    void pageIndexGivesTheRowsOffsetGives()
    {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy ready(&model, &Model::pageIndexReady);
        model.setDatabase(m_database.get());
        QCOMPARE(model.rowCount(), kMessages);
        QVERIFY(ready.wait(60000));
        QVERIFY(model.hasPageIndex());
        m_sortKey = store::MessageSortKey::Date;
        m_descending = true;
        compareJumps(model);
        if (QTest::currentTestFailed())
            return;

        // A new order drops the old index and builds one for the new order.
        model.sort(Model::SubjectColumn, Qt::AscendingOrder);
        QVERIFY(!model.hasPageIndex());
        QVERIFY(ready.wait(60000));
        m_sortKey = store::MessageSortKey::Subject;
        m_descending = false;
        compareJumps(model);
        if (QTest::currentTestFailed())
            return;

        // A filter narrow enough for OFFSET builds none and still pages right.
        store::MessageFilter small;
        small.domain = QStringLiteral("sender99.example");
        model.setFilter(small);
        QVERIFY(model.rowCount() < Model::kPageIndexMinimumRows);
        QTest::qWait(200);
        QVERIFY(!model.hasPageIndex());
        compareJumps(model);
        if (QTest::currentTestFailed())
            return;

        store::MessageFilter large;
        large.domain = QStringLiteral("sender1.example");
        large.dkimResult = QStringLiteral("pass");
        model.setFilter(large);
        if (model.rowCount() >= Model::kPageIndexMinimumRows)
            QVERIFY(ready.wait(60000));
        compareJumps(model);
        if (QTest::currentTestFailed())
            return;
    }

    void backgroundPagesFillTheirPlaceholders()
    {
        Model sync; // reads at once: the reference
        sync.setDatabase(m_database.get());
        Model model; // no model tester here: it reads every cell, which would request every page
        model.setAsyncPages(true);
        model.setDatabase(m_database.get());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        for (int row : {kMessages / 2, 17, kMessages - 1}) {
            const QModelIndex from = model.index(row, Model::FromColumn);
            QVERIFY(!model.isRowLoaded(row));
            QVERIFY(from.data().isNull()); // placeholder: the page is on its way
            QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(row), 30000);
            // The arrival said which rows changed, and they now hold what a direct read gives.
            QVERIFY(!changed.isEmpty());
            const QList<QVariant> last = changed.takeLast();
            QVERIFY(last.at(0).toModelIndex().row() <= row && row <= last.at(1).toModelIndex().row());
            for (int column = 0; column < Model::ColumnCount; ++column)
                QCOMPARE(model.index(row, column).data(), sync.index(row, column).data());
            QCOMPARE(model.messageId(row), sync.messageId(row));
        }
        // A page near the end of one in view is read ahead.
        const int edge = Model::kPageSize * 40 - 2;
        QVERIFY(model.index(edge, 0).data().isNull());
        QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(edge), 30000);
        QVERIFY(!model.index(edge, 0).data().isNull());
        QTRY_VERIFY_WITH_TIMEOUT(model.isRowLoaded(edge + 2), 30000);
        // A reload drops pages in flight: none arrives for the old order.
        model.index(kMessages / 3, 0).data();
        model.sort(Model::SubjectColumn, Qt::AscendingOrder);
        QTest::qWait(300);
        QVERIFY(!model.isRowLoaded(kMessages / 3));
        // messageId (opening a message) never waits for the worker: it reads at once.
        QVERIFY(model.messageId(kMessages / 4) > 0);
        QThreadPool::globalInstance()->waitForDone(60000);
    }

    void destroyedWhileIndexingIsSafe()
    {
        for (int i = 0; i < 5; ++i) {
            auto model = std::make_unique<Model>();
            model->setDatabase(m_database.get());
            QTest::qWait(i * 3);
            model.reset(); // its worker stops at its next row, on its own connection
        }
        QThreadPool::globalInstance()->waitForDone(60000);
        // The database is still usable: no connection or lock left behind by a worker.
        QCOMPARE(store::MessageQueries(*m_database).count(), qint64(kMessages));
    }

    void dkimColumnShowsEachSignature()
    {
        Model model;
        model.sort(Model::DateColumn, Qt::DescendingOrder);
        model.setDatabase(m_database.get());
        int twoSignatures = 0;
        for (int row = 0; row < 300; ++row) {
            const QModelIndex dkim = model.index(row, Model::DkimColumn);
            const QString text = dkim.data().toString();
            const QString result = dkim.data(Model::ResultRole).toString();
            QVERIFY2(text.contains(QStringLiteral("/s1 ")), qPrintable(text));
            QVERIFY(result == QLatin1String("pass") || result == QLatin1String("fail"));
            if (text.contains(QStringLiteral(", esp.example/esp pass"))) {
                ++twoSignatures;
                QVERIFY(dkim.data(Qt::ToolTipRole)
                            .toString()
                            .contains(QStringLiteral("d=esp.example s=esp: pass")));
            }
        }
        QVERIFY(twoSignatures > 30); // a quarter of the messages carry the ESP's signature too
    }

    void cleanupTestCase() { m_database.reset(); }
};

QTEST_MAIN(TestMessageTableModel)
#include "tst_message_table_model.moc"
