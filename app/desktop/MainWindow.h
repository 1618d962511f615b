// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Dashboard.h"

#include <QMainWindow>

class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace authlens::desktop {

class CheckerPage;
class DashboardPage;
class DkimSetupPage;
class FindingsPage;
class ImapAccountsController;
class ImportController;
class ImportProgressDialog;
class MessagesPage;
class ReverifyController;
struct AppSettings;
class Session;
class TracePage;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Window geometry and dock/toolbar layout are kept in QSettings under these keys.
    static constexpr const char* kGeometryKey = "mainWindow/geometry";
    static constexpr const char* kStateKey = "mainWindow/state";
    static constexpr const char* kRecentDatabasesKey = "recentDatabases";
    static constexpr const char* kSamplesImportedKey = "samplesImported";

    void saveWindowState() const;
    void restoreWindowState();

    Session* session() const { return m_session; }
    ImportController* imports() const { return m_imports; }
    ImapAccountsController* imapAccounts() const { return m_imapAccounts; }
    ImportProgressDialog* importProgress() const { return m_importProgress; }
    DashboardPage* dashboard() const { return m_dashboard; }
    MessagesPage* messages() const { return m_messages; }
    TracePage* trace() const { return m_trace; }
    FindingsPage* findings() const { return m_findings; }
    CheckerPage* checker() const { return m_checker; }
    DkimSetupPage* dkimSetup() const { return m_dkimSetup; }

    bool openDatabase(const QString& path);
    ReverifyController* reverifier() const { return m_reverify; }
    // Applies and stores the analyst's settings (Settings → Preferences). False, with a message in the
    // status bar, when the DNS source cannot be used; nothing changes then. Returns whether stored
    // verdicts could now differ, so the caller can offer a re-verification.
    bool applySettings(const AppSettings& settings, bool* verdictsMayChange = nullptr);
    // Re-verifies every stored message with the current settings, in the background.
    bool reverifyAll();
    // On the very first launch with an empty database, import the bundled samples (offline DNS).
    // Returns true when an import was started.
    bool importSamplesIfFirstRun();
    // Shows files in the checker (command line, File → Open, drops).
    void checkFiles(const QStringList& paths);
    void showMessagesFor(const store::MessageFilter& filter);
    void showTraceOf(qint64 messageId);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void showAbout();
    void openMessageDialog();
    void importDialog(bool folder);
    void openDatabaseDialog();
    void useRecordsFileDialog();
    void useSystemDns();
    void openSettings();
    void offerReverify();
    void exportReportDialog();
    void rememberDatabase(const QString& path);
    void updateRecentMenu();
    void updateStatus();

    Session* m_session = nullptr;
    ImportController* m_imports = nullptr;
    QTabWidget* m_pages = nullptr;
    DashboardPage* m_dashboard = nullptr;
    MessagesPage* m_messages = nullptr;
    TracePage* m_trace = nullptr;
    FindingsPage* m_findings = nullptr;
    CheckerPage* m_checker = nullptr;
    DkimSetupPage* m_dkimSetup = nullptr;
    QMenu* m_recent = nullptr;
    QLabel* m_where = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    ReverifyController* m_reverify = nullptr;
    ImapAccountsController* m_imapAccounts = nullptr;
    ImportProgressDialog* m_importProgress = nullptr;
    QLabel* m_monitorStatus = nullptr;
};

} // namespace authlens::desktop
