// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/ImapAccountSettings.h"

#include <QDialog>
#include <QSslCertificate>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace authlens::desktop {

class ImapFolderFetch;

// Sets up or edits one seed IMAP account: server, TLS mode, user, sign-in method, the secret, the
// folders (listed by the server, checked to import) and the monitor interval. A certificate that does
// not verify is shown with its subject and fingerprint and is trusted only when the analyst presses
// "Trust This Certificate for This Account" (a pin for this account alone). The secret is never put
// into QSettings: the caller stores it in the keychain when "remember" is checked.
class ImapAccountDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ImapAccountDialog(QWidget* parent = nullptr);
    ~ImapAccountDialog() override;

    void setAccount(const SavedImapAccount& account);
    // The account as the fields say (id kept from setAccount()).
    SavedImapAccount account() const;
    QByteArray secret() const;
    void setSecret(const QByteArray& secret);
    bool rememberSecret() const;

    // Empty when the fields make a usable account; else the first problem, also shown in the dialog.
    QString validate();
    // Lists the server's folders with the current fields (asynchronous; see folderFetchFinished).
    void fetchFolders();
    // The certificate the last connection refused, if any; trustShownCertificate() pins it.
    QSslCertificate shownCertificate() const { return m_certificate; }
    void trustShownCertificate();
    QString statusText() const;
    QStringList listedFolders() const;
    void setFolderChecked(const QString& folder, bool checked);

    void accept() override;

signals:
    void folderFetchFinished(bool ok);

private:
    void securityChanged();
    void authChanged();
    void showFolders(const QStringList& folders, const QStringList& checked);
    void showStatus(const QString& text, bool problem);
    void updatePinLabel();

    QString m_id;
    QByteArray m_pinnedSha256;
    QSslCertificate m_certificate;
    ImapFolderFetch* m_fetch = nullptr;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QComboBox* m_security = nullptr;
    QLineEdit* m_user = nullptr;
    QComboBox* m_auth = nullptr;
    QLabel* m_secretLabel = nullptr;
    QLineEdit* m_secret = nullptr;
    QCheckBox* m_remember = nullptr;
    QListWidget* m_folders = nullptr;
    QPushButton* m_fetchButton = nullptr;
    QSpinBox* m_monitor = nullptr;
    QLabel* m_pin = nullptr;
    QPushButton* m_forgetPin = nullptr;
    QPlainTextEdit* m_certificateText = nullptr;
    QPushButton* m_trust = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace authlens::desktop
