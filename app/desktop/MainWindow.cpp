// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "DashboardPage.h"
#include "Session.h"
#include "Translations.h"
#include "Version.h"
#include "checker/CheckerPage.h"
#include "findings/FindingsPage.h"
#include "import/ImportController.h"
#include "messages/MessagesPage.h"
#include "report/ReportWriter.h"
#include "setup/DkimSetupPage.h"
#include "store/MessageQueries.h"
#include "trace/TracePage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

namespace authlens::desktop {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_session(new Session(this))
    , m_imports(new ImportController(m_session, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Authlens"));
    setAcceptDrops(true);
    resize(1280, 860);

    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->setDocumentMode(true);
    m_dashboard = new DashboardPage(m_session, m_pages);
    m_messages = new MessagesPage(m_session, m_pages);
    m_trace = new TracePage(m_session, m_pages);
    m_findings = new FindingsPage(m_session, m_pages);
    m_checker = new CheckerPage(m_session, m_pages);
    m_dkimSetup = new DkimSetupPage(m_session, m_pages);
    m_pages->addTab(m_dashboard, tr("Dashboard"));
    m_pages->addTab(m_messages, tr("Messages"));
    m_pages->addTab(m_trace, tr("Trace"));
    m_pages->addTab(m_findings, tr("Findings"));
    m_pages->addTab(m_checker, tr("Checker"));
    m_pages->addTab(m_dkimSetup, tr("DKIM Setup"));
    setCentralWidget(m_pages);

    m_where = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);
    m_cancel = new QPushButton(tr("Cancel import"), this);
    m_cancel->setVisible(false);
    statusBar()->addPermanentWidget(m_where);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);

    connect(m_dashboard, &DashboardPage::showMessages, this, &MainWindow::showMessagesFor);
    connect(m_messages, &MessagesPage::openMessage, this, &MainWindow::showTraceOf);
    connect(m_findings, &FindingsPage::openMessage, this, &MainWindow::showTraceOf);
    connect(m_checker, &CheckerPage::openTrace, this, [this](const QByteArray& raw, const QString& title) {
        m_trace->showMessage(raw, title);
        m_pages->setCurrentWidget(m_trace);
    });
    connect(m_checker, &CheckerPage::status, this,
            [this](const QString& s) { statusBar()->showMessage(s, 5000); });
    connect(m_trace, &TracePage::status, this,
            [this](const QString& s) { statusBar()->showMessage(s, 8000); });
    connect(m_dkimSetup, &DkimSetupPage::status, this,
            [this](const QString& s) { statusBar()->showMessage(s, 8000); });
    connect(m_cancel, &QPushButton::clicked, m_imports, &ImportController::cancel);
    connect(m_imports, &ImportController::progress, this, [this](const pipeline::ImportProgress& p) {
        m_progress->setVisible(true);
        m_cancel->setVisible(true);
        m_progress->setRange(0, p.bytesTotal > 0 ? 1000 : 0);
        if (p.bytesTotal > 0)
            m_progress->setValue(int(1000 * p.bytesRead / p.bytesTotal));
        statusBar()->showMessage(describeProgress(p));
    });
    connect(m_imports, &ImportController::finished, this, [this](const pipeline::ImportSummary& s) {
        m_progress->setVisible(false);
        m_cancel->setVisible(false);
        statusBar()->showMessage(describeSummary(s));
    });
    connect(m_session, &Session::databaseChanged, this, &MainWindow::updateStatus);
    connect(m_session, &Session::resolverChanged, this, &MainWindow::updateStatus);

    createMenus();
    updateStatus();
    statusBar()->showMessage(tr("Ready"));
    restoreWindowState();
}

MainWindow::~MainWindow()
{
    m_imports->cancel();
    m_imports->wait();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Message…"));
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, &MainWindow::openMessageDialog);
    QAction* import = file->addAction(tr("&Import Files or Mailbox…"));
    import->setObjectName(QStringLiteral("actionImport"));
    import->setShortcut(QKeySequence(tr("Ctrl+I")));
    connect(import, &QAction::triggered, this, [this] { importDialog(false); });
    QAction* importFolder = file->addAction(tr("Import &Folder or Maildir…"));
    importFolder->setObjectName(QStringLiteral("actionImportFolder"));
    connect(importFolder, &QAction::triggered, this, [this] { importDialog(true); });
    QAction* report = file->addAction(tr("&Export Report…"));
    report->setObjectName(QStringLiteral("actionExportReport"));
    report->setShortcut(QKeySequence(tr("Ctrl+E")));
    connect(report, &QAction::triggered, this, &MainWindow::exportReportDialog);
    file->addSeparator();
    QAction* openDb = file->addAction(tr("Open &Database…"));
    openDb->setObjectName(QStringLiteral("actionOpenDatabase"));
    connect(openDb, &QAction::triggered, this, &MainWindow::openDatabaseDialog);
    m_recent = file->addMenu(tr("&Recent Databases"));
    updateRecentMenu();
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    const QList<QWidget*> pages = {m_dashboard, m_messages, m_trace, m_findings, m_checker, m_dkimSetup};
    for (int i = 0; i < pages.size(); ++i) {
        QAction* action = view->addAction(m_pages->tabText(i));
        action->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)));
        QWidget* page = pages.at(i);
        connect(action, &QAction::triggered, this, [this, page] { m_pages->setCurrentWidget(page); });
    }

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    QAction* records = settings->addAction(tr("DNS from a &Records File…"));
    connect(records, &QAction::triggered, this, &MainWindow::useRecordsFileDialog);
    QAction* system = settings->addAction(tr("DNS from the &System Resolver"));
    connect(system, &QAction::triggered, this, &MainWindow::useSystemDns);
    QMenu* language = settings->addMenu(tr("&Language"));
    const QList<QPair<QString, QLocale>> languages = {
        {QStringLiteral("English"), QLocale(QLocale::English)},
        {QStringLiteral("Deutsch"), QLocale(QLocale::German)},
        {QStringLiteral("Français"), QLocale(QLocale::French)},
    };
    for (const auto& [name, locale] : languages) {
        QAction* action = language->addAction(name);
        connect(action, &QAction::triggered, this, [this, locale = locale] {
            installTranslations(locale);
            QSettings().setValue(QStringLiteral("language"), locale.name());
            QMessageBox::information(this, tr("Language"),
                                     tr("The new language is used from the next start of Authlens."));
        });
    }

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

bool MainWindow::openDatabase(const QString& path)
{
    if (m_imports->isRunning())
        return false;
    if (!m_session->openDatabase(path)) {
        statusBar()->showMessage(m_session->lastError());
        return false;
    }
    rememberDatabase(path);
    return true;
}

bool MainWindow::importSamplesIfFirstRun()
{
    QSettings settings;
    store::Database* db = m_session->database();
    const QString samples = Session::samplesDirectory();
    if (!db || samples.isEmpty() || settings.value(QLatin1String(kSamplesImportedKey)).toBool())
        return false;
    if (store::MessageQueries(*db).count() > 0)
        return false;
    // The samples are judged against their own DNS snapshot, never the live DNS.
    dns::ResolverRequest offline;
    offline.recordsFile = QDir(samples).filePath(QStringLiteral("records.zone"));
    if (!m_session->setResolver(offline))
        return false;
    settings.setValue(QLatin1String(kSamplesImportedKey), true);
    statusBar()->showMessage(tr("First start: importing the bundled sample mailbox…"));
    return m_imports->start({QDir(samples).filePath(QStringLiteral("samples.mbox"))});
}

void MainWindow::checkFiles(const QStringList& paths)
{
    m_pages->setCurrentWidget(m_checker);
    m_checker->checkFiles(paths);
}

void MainWindow::showMessagesFor(const store::MessageFilter& filter)
{
    m_messages->setFilter(filter);
    m_pages->setCurrentWidget(m_messages);
}

void MainWindow::showTraceOf(qint64 messageId)
{
    if (m_trace->showStoredMessage(messageId))
        m_pages->setCurrentWidget(m_trace);
}

void MainWindow::openMessageDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open Message"), QString(), tr("Messages (*.eml *.msg *.txt *.mbox);;All files (*)"));
    if (!files.isEmpty())
        checkFiles(files);
}

void MainWindow::exportReportDialog()
{
    store::Database* db = m_session->database();
    if (!db) {
        statusBar()->showMessage(tr("Open a database first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Report"), tr("authlens-report.pdf"),
                                                      tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    // The report covers what the dashboard shows: its dates and domain.
    ReportOptions options;
    options.filter = m_dashboard->filter();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const ReportResult result = ReportWriter(*db).write(path, options);
    QApplication::restoreOverrideCursor();
    statusBar()->showMessage(result.ok ? tr("Report written to %1 (%n page(s)).", nullptr, result.pages).arg(path)
                                       : result.error);
}

void MainWindow::importDialog(bool folder)
{
    QStringList sources;
    if (folder) {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Import Folder or Maildir"));
        if (!dir.isEmpty())
            sources << dir;
    } else {
        sources = QFileDialog::getOpenFileNames(this, tr("Import Files or Mailbox"), QString(),
                                                tr("Mail (*.eml *.mbox *.mbx);;All files (*)"));
    }
    if (sources.isEmpty())
        return;
    if (!m_imports->start(sources))
        statusBar()->showMessage(tr("An import is already running."));
}

void MainWindow::openDatabaseDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Open or Create Database"), QString(),
                                                      tr("Authlens database (*.sqlite);;All files (*)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        openDatabase(path);
}

void MainWindow::useRecordsFileDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("DNS Records File"), QString(),
                                                      tr("Zone files (*.zone *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    dns::ResolverRequest request;
    request.recordsFile = path;
    if (!m_session->setResolver(request))
        QMessageBox::warning(this, tr("Records file"), m_session->lastError());
}

void MainWindow::useSystemDns()
{
    if (!m_session->setResolver({}))
        QMessageBox::warning(this, tr("DNS"), m_session->lastError());
}

void MainWindow::rememberDatabase(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QLatin1String(kRecentDatabasesKey)).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QLatin1String(kRecentDatabasesKey), recent.mid(0, 8));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!m_recent)
        return;
    m_recent->clear();
    const QStringList recent = QSettings().value(QLatin1String(kRecentDatabasesKey)).toStringList();
    for (const QString& path : recent)
        connect(m_recent->addAction(path), &QAction::triggered, this, [this, path] { openDatabase(path); });
    m_recent->setEnabled(!recent.isEmpty());
}

void MainWindow::updateStatus()
{
    const QString db =
        m_session->database() ? QFileInfo(m_session->databasePath()).fileName() : tr("no database");
    m_where->setText(tr("%1 · DNS: %2").arg(db, m_session->resolverDescription()));
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

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasText())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QMimeData* mime = event->mimeData();
    QStringList paths;
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (!paths.isEmpty()) {
        checkFiles(paths);
    } else if (mime->hasText()) {
        m_pages->setCurrentWidget(m_checker);
        m_checker->checkRaw(mime->text().toUtf8(), tr("Dropped text"));
    } else {
        return;
    }
    event->acceptProposedAction();
}

} // namespace authlens::desktop
