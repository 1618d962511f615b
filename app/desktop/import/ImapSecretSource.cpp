// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImapSecretSource.h"

#include "import/KeychainSecrets.h"

#include <QInputDialog>
#include <QLineEdit>

namespace authlens::desktop {

ImapSecretSource::ImapSecretSource(KeychainSecrets* keychain, QWidget* window, QObject* parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_window(window)
{}

void ImapSecretSource::obtain(const SavedImapAccount& account, Done done, const QString& note)
{
    if (!account.rememberSecret) {
        ask(account,
            tr("Authlens does not keep this account's password (\"Remember in the system keychain\" is "
               "off).") +
                (note.isEmpty() ? QString() : QLatin1Char(' ') + note),
            std::move(done));
        return;
    }
    m_keychain->read(account.id, [this, account, done, note](const SecretLookup& lookup) {
        if (lookup.ok() && !lookup.secret.isEmpty()) {
            done(lookup.secret);
            return;
        }
        QString why = lookup.reason;
        if (lookup.status == SecretLookup::Status::Unavailable)
            why += QLatin1Char(' ') + tr("Authlens asks for the password each time it connects instead.");
        ask(account, why + (note.isEmpty() ? QString() : QLatin1Char(' ') + note), done);
    });
}

void ImapSecretSource::ask(const SavedImapAccount& account, const QString& why, Done done)
{
    // Non-modal to the application: the window and any running import keep going while it is open.
    auto* dialog = new QInputDialog(m_window.data());
    dialog->setObjectName(QStringLiteral("imapSecretPrompt"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("IMAP Sign-in"));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setTextEchoMode(QLineEdit::Password);
    const bool token = account.authMethod == SavedImapAccount::AuthMethod::XOAuth2;
    dialog->setLabelText(
        why + QStringLiteral("\n\n") +
        (token ? tr("Access token for %1:") : tr("Password for %1:")).arg(account.displayName()));
    // QInputDialog emits finished() before textValueSelected(): read the text here, once.
    connect(dialog, &QDialog::finished, this, [dialog, done](int result) {
        if (result == QDialog::Accepted)
            done(dialog->textValue().toUtf8());
        else
            done(std::nullopt);
        dialog->setTextValue(QString()); // do not leave the secret in the widget until it is deleted
    });
    dialog->open();
}

} // namespace authlens::desktop
