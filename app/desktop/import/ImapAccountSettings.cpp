// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImapAccountSettings.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUrl>
#include <QUuid>

namespace authlens::desktop {

namespace {

using Security = sources::imap::ImapAccount::Security;

QString securityWord(Security security)
{
    return security == Security::StartTls ? QStringLiteral("starttls") : QStringLiteral("implicit-tls");
}

QString authWord(SavedImapAccount::AuthMethod method)
{
    switch (method) {
    case SavedImapAccount::AuthMethod::Login:
        return QStringLiteral("login");
    case SavedImapAccount::AuthMethod::XOAuth2:
        return QStringLiteral("xoauth2");
    case SavedImapAccount::AuthMethod::Plain:
        break;
    }
    return QStringLiteral("plain");
}

SavedImapAccount::AuthMethod authFromWord(const QString& word)
{
    if (word == QLatin1String("login"))
        return SavedImapAccount::AuthMethod::Login;
    if (word == QLatin1String("xoauth2"))
        return SavedImapAccount::AuthMethod::XOAuth2;
    return SavedImapAccount::AuthMethod::Plain;
}

} // namespace

sources::imap::ImapAccount SavedImapAccount::toImapAccount() const
{
    sources::imap::ImapAccount account;
    account.host = host;
    account.port = port;
    // Only the two TLS modes are offered: a password never travels in clear text from the app.
    account.security = security == Security::StartTls ? Security::StartTls : Security::ImplicitTls;
    account.user = user;
    switch (authMethod) {
    case AuthMethod::Login:
        account.authMethod = sources::imap::ImapAccount::AuthMethod::Login;
        break;
    case AuthMethod::Plain:
        account.authMethod = sources::imap::ImapAccount::AuthMethod::Plain;
        break;
    case AuthMethod::XOAuth2:
        account.authMethod = sources::imap::ImapAccount::AuthMethod::XOAuth2;
        break;
    }
    account.pinnedSha256 = sources::imap::ImapAccount::normalizedFingerprint(pinnedSha256);
    return account;
}

QStringList SavedImapAccount::importUrls() const
{
    const QString scheme =
        security == Security::StartTls ? QStringLiteral("imap://") : QStringLiteral("imaps://");
    const bool ipv6 = host.contains(QLatin1Char(':'));
    const QString hostPart = ipv6 ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    QStringList urls;
    for (const QString& folder : folders) {
        // Percent-encoded so '@', ':' and '%' in a user or folder name survive the importer's parsing.
        urls << scheme + QString::fromLatin1(QUrl::toPercentEncoding(user)) + QLatin1Char('@') + hostPart +
                    QLatin1Char(':') + QString::number(port) + QLatin1Char('/') +
                    QString::fromLatin1(QUrl::toPercentEncoding(folder, "/"));
    }
    return urls;
}

pipeline::ImportOptions SavedImapAccount::importOptions(const QByteArray& secret) const
{
    pipeline::ImportOptions options;
    options.imapSecret = secret;
    // The sign-in method the analyst chose for this account, for the import as for the folder list.
    options.imapAuthMethod = toImapAccount().authMethod;
    options.imapXOAuth2 = authMethod == AuthMethod::XOAuth2;
    options.imapPinnedSha256 = pinnedSha256;
    options.runNote = QStringLiteral("imap import");
    return options;
}

QString SavedImapAccount::displayName() const
{
    return QStringLiteral("%1@%2:%3").arg(user, host).arg(port);
}

QList<SavedImapAccount> ImapAccountSettings::load()
{
    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    QList<SavedImapAccount> accounts;
    for (const QString& id : settings.childGroups()) {
        settings.beginGroup(id);
        SavedImapAccount a;
        a.id = id;
        a.host = settings.value(QStringLiteral("host")).toString();
        a.port = quint16(qBound(0, settings.value(QStringLiteral("port"), 993).toInt(), 65535));
        a.security = settings.value(QStringLiteral("security")).toString() == QLatin1String("starttls")
                         ? Security::StartTls
                         : Security::ImplicitTls;
        a.user = settings.value(QStringLiteral("user")).toString();
        a.authMethod = authFromWord(settings.value(QStringLiteral("auth")).toString());
        a.folders =
            settings.value(QStringLiteral("folders"), QStringList{QStringLiteral("INBOX")}).toStringList();
        a.monitorMinutes = qBound(0, settings.value(QStringLiteral("monitorMinutes")).toInt(), 24 * 60);
        a.rememberSecret = settings.value(QStringLiteral("rememberSecret")).toBool();
        a.pinnedSha256 = settings.value(QStringLiteral("pinnedSha256")).toByteArray();
        settings.endGroup();
        accounts.append(a);
    }
    return accounts;
}

std::optional<SavedImapAccount> ImapAccountSettings::find(const QString& id)
{
    for (const SavedImapAccount& account : load()) {
        if (account.id == id)
            return account;
    }
    return std::nullopt;
}

QString ImapAccountSettings::save(SavedImapAccount account)
{
    if (account.id.isEmpty())
        account.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    settings.remove(account.id); // no stale keys from an older version of the account
    settings.beginGroup(account.id);
    // The secret is deliberately absent: see KeychainSecrets.
    settings.setValue(QStringLiteral("host"), account.host);
    settings.setValue(QStringLiteral("port"), account.port);
    settings.setValue(QStringLiteral("security"), securityWord(account.security));
    settings.setValue(QStringLiteral("user"), account.user);
    settings.setValue(QStringLiteral("auth"), authWord(account.authMethod));
    settings.setValue(QStringLiteral("folders"), account.folders);
    settings.setValue(QStringLiteral("monitorMinutes"), account.monitorMinutes);
    settings.setValue(QStringLiteral("rememberSecret"), account.rememberSecret);
    settings.setValue(QStringLiteral("pinnedSha256"), account.pinnedSha256);
    settings.endGroup();
    settings.endGroup();
    settings.sync();
    return account.id;
}

QString ImapAccountSettings::validationError(const SavedImapAccount& account)
{
    const QString& host = account.host;
    const QString trimmedHost = host.trimmed();
    if (trimmedHost.isEmpty())
        return tr("Enter the IMAP server's host name.");
    if (trimmedHost != host || host.contains(QLatin1Char(' ')) || host.contains(QLatin1Char('/')) ||
        host.contains(QLatin1Char('@')))
        return tr("The host name \"%1\" has spaces, '/' or '@' in it; enter only the server's name or "
                  "address.")
            .arg(host);
    if (account.port == 0)
        return tr("The port must be a number from 1 to 65535.");
    if (account.user.trimmed().isEmpty())
        return tr("Enter the user name for the account.");
    if (account.folders.isEmpty())
        return tr("Choose at least one folder to import (fetch the list from the server, or keep INBOX).");
    for (const QString& folder : account.folders) {
        if (folder.trimmed().isEmpty())
            return tr("A folder name is empty.");
    }
    if (account.monitorMinutes < 0 || account.monitorMinutes > 24 * 60)
        return tr("The monitor interval must be off or from 1 to 1440 minutes.");
    return {};
}

void ImapAccountSettings::remove(const QString& id)
{
    if (id.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(QLatin1String(kGroup));
    settings.remove(id);
}

} // namespace authlens::desktop
