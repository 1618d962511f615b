// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/ImapAccountSettings.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace authlens::desktop {

class ImapAccountMonitor;
class ImapSecretSource;
class ImportController;
class KeychainSecrets;

// What the window does with seed IMAP accounts: set one up (ImapAccountDialog), keep the list
// (ImapAccountSettings, no secrets), keep secrets in the keychain when asked, import an account's
// folders through the window's ImportController, and monitor the accounts with an interval.
class ImapAccountsController : public QObject
{
    Q_OBJECT
public:
    using Saved = std::function<void(const SavedImapAccount& account, const QString& remark)>;

    ImapAccountsController(ImportController* imports, QWidget* window, QObject* parent = nullptr);
    ~ImapAccountsController() override;

    ImportController* imports() const { return m_imports; }
    KeychainSecrets* keychain() const { return m_keychain; }
    ImapSecretSource* secrets() const { return m_secrets; }
    ImapAccountMonitor* monitor() const { return m_monitor; }

    // Saves the account in QSettings (never the secret) and, when `remember` is set, the secret in the
    // keychain. `done` gets the saved account and a remark for the analyst when the keychain could not
    // take the secret (then the account is saved as "ask each time").
    void saveAccount(SavedImapAccount account, const QByteArray& secret, bool remember, Saved done = {});
    void removeAccount(const QString& id);
    // Imports the account's folders with this secret; false when another import runs. `interactive`:
    // the window shows the progress dialog (importStarted).
    bool startImport(const SavedImapAccount& account, const QByteArray& secret, bool interactive);
    // Finds the secret (keychain, or asks) and imports.
    void importAccount(const QString& id);

    // File → Import IMAP Account…: a new account, saved and imported at once.
    void newAccount();
    void editAccount(const QString& id);
    // File → Manage IMAP Accounts…
    void manageAccounts();

signals:
    void importStarted(const QString& title);
    void message(const QString& text);
    void accountsChanged();

private:
    void openAccountDialog(const SavedImapAccount& account, bool importAfterSaving);

    ImportController* m_imports;
    QPointer<QWidget> m_window;
    KeychainSecrets* m_keychain;
    ImapSecretSource* m_secrets;
    ImapAccountMonitor* m_monitor;
};

} // namespace authlens::desktop
