// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Importer.h"
#include "sources/imap/ImapAccount.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace authlens::desktop {

// A seed IMAP account as the analyst set it up in the desktop app. Never holds the password or
// token: that lives in the system keychain (under `id`) or is asked for at each connection.
struct SavedImapAccount
{
    enum class AuthMethod
    {
        Login,   // RFC 3501 6.2.3
        Plain,   // RFC 4616 SASL PLAIN
        XOAuth2, // an OAuth 2.0 access token instead of a password
    };

    QString id; // stable key for QSettings and the keychain entry
    QString host;
    quint16 port = 993;
    sources::imap::ImapAccount::Security security = sources::imap::ImapAccount::Security::ImplicitTls;
    QString user;
    AuthMethod authMethod = AuthMethod::Plain;
    QStringList folders = {QStringLiteral("INBOX")};
    int monitorMinutes = 0;      // 0: not monitored
    bool rememberSecret = false; // the secret is in the system keychain
    QByteArray pinnedSha256;     // a certificate the analyst checked and trusts for this account only

    // What the core's IMAP client needs (no secret).
    sources::imap::ImapAccount toImapAccount() const;
    // One imaps:// (implicit TLS) or imap:// (STARTTLS) URL per folder, as the importer reads them.
    QStringList importUrls() const;
    // The importer's options for these URLs: the secret for this one run, the method and the pin.
    pipeline::ImportOptions importOptions(const QByteArray& secret) const;
    // "analyst@imap.example.com:993"
    QString displayName() const;
};

// The saved accounts, in QSettings under "imapAccounts/<id>/". Only what identifies the account and
// how to reach it is written there; a secret never is.
class ImapAccountSettings
{
    Q_DECLARE_TR_FUNCTIONS(ImapAccountSettings)
public:
    static constexpr const char* kGroup = "imapAccounts";

    static QList<SavedImapAccount> load();
    static std::optional<SavedImapAccount> find(const QString& id);
    // Gives the account an id when it has none; returns the id.
    static QString save(SavedImapAccount account);
    static void remove(const QString& id);
    // Empty when the account can be saved; otherwise what is wrong, for the analyst.
    static QString validationError(const SavedImapAccount& account);
};

} // namespace authlens::desktop
