// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace authlens::desktop {

// What the keychain said about one account's secret.
struct SecretLookup
{
    enum class Status
    {
        Found,       // read: the secret is in `secret`; write/remove: done
        NotFound,    // no entry for the account
        Unavailable, // no system keychain (no Secret Service or KWallet on this desktop, ...)
        Failed,      // the keychain is there but refused (locked, access denied by the analyst)
    };
    Status status = Status::Failed;
    QByteArray secret;
    QString reason; // plain language, never the secret
    bool ok() const { return status == Status::Found; }
};

// IMAP passwords and tokens in the system keychain through QtKeychain (Secret Service or KWallet on
// Linux, Keychain on macOS, Credential Store on Windows), one entry per account id. QtKeychain's
// plain-text fallback is never enabled: where there is no keychain, the caller asks the analyst each
// time. Every call answers once, asynchronously, within a time limit even if the keychain hangs.
class KeychainSecrets : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const SecretLookup&)>;
    static constexpr const char* kService = "Authlens IMAP";

    explicit KeychainSecrets(QObject* parent = nullptr);

    void read(const QString& accountId, Done done);
    void write(const QString& accountId, const QByteArray& secret, Done done);
    void remove(const QString& accountId, Done done = {});

    // A keychain that does not answer within this time counts as unavailable.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    int m_timeoutMs = 15000;
};

} // namespace authlens::desktop
