// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "DashboardPage.h"
#include "Session.h"
#include "Translations.h"
#include "Version.h"
#include "checker/CheckerPage.h"
#include "findings/FindingsPage.h"
#include "import/ImapAccountMonitor.h"
#include "import/ImapAccountsController.h"
#include "import/ImportController.h"
#include "import/ImportProgressDialog.h"
#include "messages/MessagesPage.h"
#include "report/ReportWriter.h"
#include "settings/AppSettings.h"
#include "settings/ReverifyController.h"
#include "settings/SettingsDialog.h"
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
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

#include <limits>

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
    m_monitorStatus = new QLabel(this);
    m_monitorStatus->setObjectName(QStringLiteral("imapMonitorStatus"));
    m_monitorStatus->setVisible(false);
    statusBar()->addPermanentWidget(m_monitorStatus);
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
    m_importProgress = new ImportProgressDialog(m_imports, m_session, this);
    m_imapAccounts = new ImapAccountsController(m_imports, this, this);
    connect(m_imapAccounts, &ImapAccountsController::importStarted, this, [this](const QString& title) {
        m_importProgress->begin(title);
        m_importProgress->show();
    });
    connect(m_imapAccounts, &ImapAccountsController::message, this,
            [this](const QString& s) { statusBar()->showMessage(s, 8000); });
    connect(m_imapAccounts->monitor(), &ImapAccountMonitor::statusChanged, this, [this](const QString& s) {
        m_monitorStatus->setText(s);
        m_monitorStatus->setVisible(!s.isEmpty());
    });
    // Accounts with an interval are watched while the window is open; started once the window is up,
    // since a keychain without the password may have to ask for it.
    QTimer::singleShot(0, m_imapAccounts->monitor(), &ImapAccountMonitor::start);
    connect(m_session, &Session::databaseChanged, this, &MainWindow::updateStatus);
    connect(m_session, &Session::resolverChanged, this, &MainWindow::updateStatus);

    m_reverify = new ReverifyController(m_session, this);
    connect(m_reverify, &ReverifyController::progress, this, [this](qint64 done, qint64 total) {
        m_progress->setVisible(true);
        m_progress->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0)
            m_progress->setValue(int(1000 * done / total));
        statusBar()->showMessage(
            tr("Re-verifying: %1 of %2 messages").arg(QLocale().toString(done), QLocale().toString(total)));
    });
    connect(m_reverify, &ReverifyController::finished, this, [this](const pipeline::ReverifySummary& s) {
        m_progress->setVisible(false);
        statusBar()->showMessage(describeReverifySummary(s));
    });

    createMenus();
    updateStatus();
    statusBar()->showMessage(tr("Ready"));
    restoreWindowState();
    // The analyst's stored DNS source and policy (Settings → Preferences).
    if (!m_session->applySettings(AppSettings::load()))
        statusBar()->showMessage(tr("Settings: %1").arg(m_session->lastError()));
}

MainWindow::~MainWindow()
{
    m_reverify->cancel();
    m_reverify->wait();
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
    QAction* importImap = file->addAction(tr("Import IMAP &Account…"));
    importImap->setObjectName(QStringLiteral("actionImportImap"));
    importImap->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    connect(importImap, &QAction::triggered, m_imapAccounts, &ImapAccountsController::newAccount);
    QAction* manageImap = file->addAction(tr("&Manage IMAP Accounts…"));
    manageImap->setObjectName(QStringLiteral("actionManageImap"));
    manageImap->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    connect(manageImap, &QAction::triggered, m_imapAccounts, &ImapAccountsController::manageAccounts);
    QAction* stopMonitor = file->addAction(tr("&Stop IMAP Monitoring"));
    stopMonitor->setObjectName(QStringLiteral("actionStopMonitoring"));
    stopMonitor->setShortcut(QKeySequence(tr("Ctrl+Shift+M")));
    stopMonitor->setEnabled(false);
    connect(stopMonitor, &QAction::triggered, m_imapAccounts->monitor(), &ImapAccountMonitor::stop);
    connect(m_imapAccounts->monitor(), &ImapAccountMonitor::statusChanged, stopMonitor,
            [this, stopMonitor] { stopMonitor->setEnabled(m_imapAccounts->monitor()->isActive()); });
    QAction* importLog = file->addAction(tr("Show Last Import &Log"));
    importLog->setObjectName(QStringLiteral("actionShowImportLog"));
    importLog->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    connect(importLog, &QAction::triggered, m_importProgress, &QWidget::show);
    QAction* report = file->addAction(tr("&Export Report…"));
    report->setObjectName(QStringLiteral("actionExportReport"));
    report->setShortcut(QKeySequence(tr("Ctrl+E")));
    connect(report, &QAction::triggered, this, &MainWindow::exportReportDialog);
    QAction* reverify = file->addAction(tr("Re-&verify All Messages"));
    reverify->setObjectName(QStringLiteral("actionReverify"));
    reverify->setShortcut(QKeySequence(tr("Ctrl+R")));
    connect(reverify, &QAction::triggered, this, &MainWindow::reverifyAll);
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
        action->setObjectName(QStringLiteral("actionPage%1").arg(i + 1));
        action->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)));
        QWidget* page = pages.at(i);
        connect(action, &QAction::triggered, this, [this, page] { m_pages->setCurrentWidget(page); });
    }
    view->addSeparator();
    QAction* find = view->addAction(tr("&Find Messages"));
    find->setObjectName(QStringLiteral("actionFind"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_pages->setCurrentWidget(m_messages);
        m_messages->focusFilter();
    });

    QMenu* settings = menuBar()->addMenu(tr("&Settings"));
    QAction* preferences = settings->addAction(tr("&Preferences…"));
    preferences->setObjectName(QStringLiteral("actionSettings"));
    preferences->setShortcut(QKeySequence(tr("Ctrl+,")));
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, &MainWindow::openSettings);
    settings->addSeparator();
    QAction* records = settings->addAction(tr("DNS from a &Records File…"));
    connect(records, &QAction::triggered, this, &MainWindow::useRecordsFileDialog);
    QAction* system = settings->addAction(tr("DNS from the &System Resolver"));
    connect(system, &QAction::triggered, this, &MainWindow::useSystemDns);

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
    if (!m_imports->start(sources)) {
        statusBar()->showMessage(tr("An import is already running."));
        return;
    }
    m_importProgress->begin(sources.size() == 1 ? QFileInfo(sources.first()).fileName()
                                                : tr("%n source(s)", nullptr, int(sources.size())));
    m_importProgress->show();
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
    AppSettings settings = m_session->settings();
    settings.dnsMode = AppSettings::DnsMode::RecordsFile;
    settings.recordsFile = path;
    bool changed = false;
    if (!applySettings(settings, &changed))
        QMessageBox::warning(this, tr("Records file"), m_session->lastError());
    else if (changed)
        offerReverify();
}

void MainWindow::useSystemDns()
{
    AppSettings settings = m_session->settings();
    settings.dnsMode = AppSettings::DnsMode::System;
    bool changed = false;
    if (!applySettings(settings, &changed))
        QMessageBox::warning(this, tr("DNS"), m_session->lastError());
    else if (changed)
        offerReverify();
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_session->settings(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString language = m_session->settings().language;
    bool changed = false;
    if (!applySettings(dialog.settings(), &changed)) {
        QMessageBox::warning(this, tr("Settings"), m_session->lastError());
        return;
    }
    if (dialog.settings().language != language)
        QMessageBox::information(this, tr("Language"),
                                 tr("The new language is used from the next start of Authlens."));
    if (changed)
        offerReverify();
}

bool MainWindow::applySettings(const AppSettings& settings, bool* verdictsMayChange)
{
    const AppSettings before = m_session->settings();
    if (!m_session->applySettings(settings)) {
        statusBar()->showMessage(tr("Settings: %1").arg(m_session->lastError()));
        return false;
    }
    settings.save();
    if (verdictsMayChange)
        *verdictsMayChange = settings.changesVerdicts(before);
    return true;
}

void MainWindow::offerReverify()
{
    store::Database* db = m_session->database();
    const qint64 stored = db ? store::MessageQueries(*db).count() : 0;
    if (stored == 0)
        return;
    // Stored verdicts were computed once, with the old settings: they change only when asked to.
    const auto answer = QMessageBox::question(
        this, tr("Re-verify"),
        tr("The new settings can change verdicts. Re-verify the %n stored message(s) now?", nullptr,
           int(std::min<qint64>(stored, std::numeric_limits<int>::max()))));
    if (answer == QMessageBox::Yes)
        reverifyAll();
}

bool MainWindow::reverifyAll()
{
    if (m_imports->isRunning() || m_reverify->isRunning()) {
        statusBar()->showMessage(tr("Wait until the running import or re-verification has finished."));
        return false;
    }
    if (!m_reverify->start()) {
        statusBar()->showMessage(tr("Open a database first."));
        return false;
    }
    statusBar()->showMessage(tr("Re-verifying every stored message with the current settings…"));
    return true;
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
