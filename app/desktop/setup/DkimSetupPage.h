// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkimsetup/KeyGenerator.h"
#include "dkimsetup/PublicationCheck.h"
#include "dkimsetup/SetupStates.h"
#include "lint/Finding.h"

#include <QFutureWatcher>
#include <QWidget>

#include <functional>

#include <optional>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace authlens::store {
class Database;
}

namespace authlens::desktop {

class DnsSettingsView;
class Session;
class SetupTableModel;

// The DKIM setup flow a sending platform runs per customer domain: generate a key, hand over the DNS
// settings, check the publication, then enable, disable or retire the selector. The list shows where each
// domain/selector stands beside the selectors seen signing in imported mail, and the setup review's
// findings. The dialogs are thin: each action is a public method the tests call directly.
class DkimSetupPage : public QWidget
{
    Q_OBJECT
public:
    explicit DkimSetupPage(Session* session, QWidget* parent = nullptr);
    ~DkimSetupPage() override;

    SetupTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    DnsSettingsView* dnsSettings() const { return m_dns; }

    // Generates a key pair, lists it as `generated`, selects it and shows its DNS settings. On failure the
    // result carries the error (also shown on the page) and nothing is listed.
    dkimsetup::KeyGenerator::Result generate(const QByteArray& domain, const QByteArray& selector,
                                             dkimsetup::KeyKind kind, const QString& outputDirectory);
    bool select(const QByteArray& domain, const QByteArray& selector);
    // Starts the publication check of the selected selector off the GUI thread, through the session's
    // resolver and any extra DNS servers; checkFinished() follows. False when nothing can be checked or a
    // check is already running (the reason is shown).
    bool checkSelected();
    bool isChecking() const { return m_watcher.isRunning(); }
    // The selected selector's state changes. False on refusal; message() then says why, in the core's
    // words.
    bool enableSelected();
    bool disableSelected(const QString& reason = {});
    bool retireSelected(bool force = false);
    // DNS servers (IP[:port]) asked beside the session's resolver, to see propagation.
    void setExtraServers(const QString& servers);

    QString message() const;
    const std::optional<dkimsetup::PublicationCheck::Report>& lastReport() const { return m_lastReport; }
    QString checkResultText() const;
    const std::vector<lint::Finding>& reviewFindings() const { return m_review; }

signals:
    // A publication check ended; `state` is its word ("published-matching", ...).
    void checkFinished(const QString& state);
    void status(const QString& message);

private:
    struct CheckJob
    {
        QByteArray domain;
        QByteArray selector;
        store::Database* database = nullptr;
    };

    void reload();
    void updateButtons();
    void showCurrent();
    void showMessage(const QString& text, bool refusal);
    // The selected setup entry through one state change; the refusal or `done`'s text is shown.
    bool
    changeSelected(const std::function<dkimsetup::SetupStates::Change(dkimsetup::SetupStates&,
                                                                      const dkimsetup::SetupEntry&)>& change,
                   const std::function<QString(const dkimsetup::SetupEntry&)>& done);
    void showReport(const dkimsetup::PublicationCheck::Report& report);
    void showReview();
    void checkDone();
    void markHandedOver(const QByteArray& domain, const QByteArray& selector);
    void newKeyDialog();
    void askAndDisable();
    void askAndRetire();
    void warnIfRefused(bool ok, const QString& title);

    Session* m_session;
    SetupTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    DnsSettingsView* m_dns = nullptr;
    QTextBrowser* m_checkResult = nullptr;
    QTextBrowser* m_reviewView = nullptr;
    QTabWidget* m_details = nullptr;
    QLabel* m_message = nullptr;
    QLineEdit* m_extraServers = nullptr;
    QPushButton* m_newKey = nullptr;
    QPushButton* m_check = nullptr;
    QPushButton* m_enable = nullptr;
    QPushButton* m_disable = nullptr;
    QPushButton* m_retire = nullptr;
    QFutureWatcher<dkimsetup::PublicationCheck::Report> m_watcher;
    CheckJob m_job;
    std::optional<dkimsetup::PublicationCheck::Report> m_lastReport;
    std::vector<lint::Finding> m_review;
};

} // namespace authlens::desktop
