// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "DashboardPage.h"
#include "Version.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

namespace authlens::desktop {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Authlens"));
    resize(1180, 760);

    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_dashboard = new DashboardPage(m_pages);
    m_pages->addTab(m_dashboard, tr("Dashboard"));
    setCentralWidget(m_pages);

    createMenus();
    statusBar()->showMessage(tr("Ready"));
    restoreWindowState();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Message…"));
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence::Open);
    open->setEnabled(false); // the checker arrives with the desktop issue
    QAction* import = file->addAction(tr("&Import…"));
    import->setObjectName(QStringLiteral("actionImport"));
    import->setShortcut(QKeySequence(tr("Ctrl+I")));
    import->setEnabled(false);
    QAction* report = file->addAction(tr("&Export Report…"));
    report->setObjectName(QStringLiteral("actionExportReport"));
    report->setShortcut(QKeySequence(tr("Ctrl+E")));
    report->setEnabled(false);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* dashboard = view->addAction(tr("&Dashboard"));
    dashboard->setShortcut(QKeySequence(tr("Ctrl+1")));
    connect(dashboard, &QAction::triggered, this, [this] { m_pages->setCurrentWidget(m_dashboard); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Authlens"));
    about->setObjectName(QStringLiteral("actionAbout"));
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction* aboutQt = help->addAction(tr("About &Qt"));
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Authlens"),
        tr("<h3>Authlens %1</h3>"
           "<p>DKIM, SPF and DMARC analysis for email deliverability analysts.</p>"
           "<p>Licensed under the GNU General Public License, version 3 or (at your option) any later "
           "version (%2).</p>")
            .arg(QString::fromLatin1(kVersion), QString::fromLatin1(kLicense)));
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1String(kStateKey), saveState());
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    restoreGeometry(settings.value(QLatin1String(kGeometryKey)).toByteArray());
    restoreState(settings.value(QLatin1String(kStateKey)).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveWindowState();
    event->accept();
}

} // namespace authlens::desktop
