// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImapAccountsController.h"

#include "import/ImapAccountDialog.h"
#include "import/ImapAccountMonitor.h"
#include "import/ImapAccountsDialog.h"
#include "import/ImapSecretSource.h"
#include "import/ImportController.h"
#include "import/KeychainSecrets.h"

#include <QMessageBox>

namespace authlens::desktop {

ImapAccountsController::ImapAccountsController(ImportController* imports, QWidget* window, QObject* parent)
    : QObject(parent)
    , m_imports(imports)
    , m_window(window)
    , m_keychain(new KeychainSecrets(this))
    , m_secrets(new ImapSecretSource(m_keychain, window, this))
    , m_monitor(new ImapAccountMonitor(this, this))
{
    // A new, changed or removed account's interval takes effect at once while monitoring is on.
    connect(this, &ImapAccountsController::accountsChanged, m_monitor, [this] {
        if (m_monitor->isEnabled())
            m_monitor->start();
    });
}

ImapAccountsController::~ImapAccountsController() = default;

void ImapAccountsController::saveAccount(SavedImapAccount account, const QByteArray& secret, bool remember,
                                         Saved done)
{
    // Saved as "ask each time" first; only a keychain that took the secret turns remembering on.
    const bool wasRemembered = account.rememberSecret && !account.id.isEmpty();
    account.rememberSecret = false;
    if (remember && secret.isEmpty() && wasRemembered)
        account.rememberSecret = true; // edited without retyping: the keychain entry stays as it was
    account.id = ImapAccountSettings::save(account);
    if (!remember || secret.isEmpty()) {
        if (!remember)
            m_keychain->remove(account.id); // an old entry must not outlive "do not remember"
        emit accountsChanged();
        if (done)
            done(account, QString());
        return;
    }
    m_keychain->write(account.id, secret, [this, account, done](const SecretLookup& written) mutable {
        QString remark;
        if (written.ok()) {
            account.rememberSecret = true;
            ImapAccountSettings::save(account);
        } else {
            remark = tr("The password was not remembered: %1 Authlens will ask for it each time it connects "
                        "to %2.")
                         .arg(written.reason, account.displayName());
        }
        emit accountsChanged();
        if (done)
            done(account, remark);
    });
}

void ImapAccountsController::removeAccount(const QString& id)
{
    ImapAccountSettings::remove(id);
    m_keychain->remove(id);
    emit accountsChanged();
}

bool ImapAccountsController::startImport(const SavedImapAccount& account, const QByteArray& secret,
                                         bool interactive)
{
    if (!m_imports->start(account.importUrls(), account.importOptions(secret))) {
        emit message(tr("An import is already running; %1 is imported after it.").arg(account.displayName()));
        return false;
    }
    if (interactive)
        emit importStarted(account.displayName());
    return true;
}

void ImapAccountsController::importAccount(const QString& id)
{
    const std::optional<SavedImapAccount> account = ImapAccountSettings::find(id);
    if (!account)
        return;
    if (m_imports->isRunning()) {
        emit message(tr("An import is already running."));
        return;
    }
    m_secrets->obtain(*account, [this, account](std::optional<QByteArray> secret) {
        if (secret)
            startImport(*account, *secret, true);
    });
}

void ImapAccountsController::newAccount()
{
    openAccountDialog(SavedImapAccount(), true);
}

void ImapAccountsController::editAccount(const QString& id)
{
    if (const std::optional<SavedImapAccount> account = ImapAccountSettings::find(id))
        openAccountDialog(*account, false);
}

void ImapAccountsController::openAccountDialog(const SavedImapAccount& account, bool importAfterSaving)
{
    auto* dialog = new ImapAccountDialog(m_window.data());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!account.id.isEmpty())
        dialog->setAccount(account);
    connect(dialog, &QDialog::accepted, this, [this, dialog, importAfterSaving] {
        const QByteArray secret = dialog->secret();
        dialog->setSecret({});
        saveAccount(dialog->account(), secret, dialog->rememberSecret(),
                    [this, secret, importAfterSaving](const SavedImapAccount& saved, const QString& remark) {
                        if (!remark.isEmpty()) {
                            auto* box = new QMessageBox(QMessageBox::Information, tr("System Keychain"),
                                                        remark, QMessageBox::Ok, m_window.data());
                            box->setAttribute(Qt::WA_DeleteOnClose);
                            box->open();
                        }
                        if (!importAfterSaving)
                            return;
                        if (!secret.isEmpty())
                            startImport(saved, secret, true);
                        else
                            importAccount(saved.id);
                    });
    });
    dialog->open();
}

void ImapAccountsController::manageAccounts()
{
    auto* dialog = new ImapAccountsDialog(this, m_window.data());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace authlens::desktop
