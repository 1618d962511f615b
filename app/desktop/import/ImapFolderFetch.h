// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/imap/ImapClient.h"

#include <QObject>
#include <QPointer>
#include <QSslCertificate>

#include <functional>

namespace authlens::desktop {

class ServerCertificateProbe;

// Connects to an account, signs in and asks for its folders (RFC 3501 6.3.8 LIST "" "*"), on the
// calling thread's event loop: the core's ImapClient never blocks, so the window stays live. When the
// certificate is not trusted, the certificate itself is fetched too so the analyst can decide whether
// to pin it; nothing is ever accepted without that decision.
class ImapFolderFetch : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        sources::imap::ImapResult result;
        QList<sources::imap::MailboxInfo> folders; // selectable ones first as the server listed them
        QSslCertificate untrustedCertificate;      // set when result is CertificateUntrusted
        bool pinnedCertificateUsed = false;
    };
    using Done = std::function<void(const Result&)>;

    explicit ImapFolderFetch(QObject* parent = nullptr);
    ~ImapFolderFetch() override;

    // `secret` is used for this one sign-in and not kept.
    void start(const sources::imap::ImapAccount& account, QByteArray secret, Done done);
    void cancel();
    bool isRunning() const { return m_client != nullptr || m_probe != nullptr; }

private:
    void fail(const sources::imap::ImapResult& result);
    void finish(Result result);

    QPointer<sources::imap::ImapClient> m_client;
    QPointer<ServerCertificateProbe> m_probe;
    sources::imap::ImapAccount m_account;
    Done m_done;
};

} // namespace authlens::desktop
