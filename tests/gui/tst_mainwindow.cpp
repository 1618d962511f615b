// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "Translations.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTest>

using authlens::desktop::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("AuthlensTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
    }

    void opensWithMenusDashboardAndStatusBar()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus, QStringList({"&File", "&View", "&Settings", "&Help"}));
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("dashboardEmptyState")));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Ready"));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionAbout")));
    }

    void geometryRoundTripsThroughSettings()
    {
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(913, 577);
            window.close(); // closeEvent saves
        }
        QVERIFY(QSettings().contains(QLatin1String(MainWindow::kGeometryKey)));
        MainWindow restored;
        restored.show();
        QVERIFY(QTest::qWaitForWindowExposed(&restored));
        QCOMPARE(restored.size(), QSize(913, 577));
    }

    void showsFrenchAndGermanLabels()
    {
        QVERIFY(authlens::desktop::installTranslations(QLocale(QLocale::French, QLocale::France)));
        {
            MainWindow window;
            QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Fichier"));
            QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Prêt"));
        }
        QVERIFY(authlens::desktop::installTranslations(QLocale(QLocale::German, QLocale::Germany)));
        {
            MainWindow window;
            QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
        }
        // No Authlens translation for Japanese: English source texts are shown.
        QVERIFY(!authlens::desktop::installTranslations(QLocale(QLocale::Japanese)));
        MainWindow window;
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&File"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
