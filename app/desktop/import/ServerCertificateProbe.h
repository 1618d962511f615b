// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/imap/ImapAccount.h"

#include <QObject>
#include <QSslCertificate>
#include <QTimer>

#include <functional>

class QSslSocket;

namespace authlens::desktop {

// Fetches the certificate an IMAP server presents, without trusting it and without sending any
// credential, so the analyst can see whose it is before deciding to pin it. Implicit TLS: the
// handshake from the first byte; STARTTLS: greeting, STARTTLS (RFC 3501 6.2.1), then the handshake.
// The connection is dropped as soon as the certificate is known.
class ServerCertificateProbe : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        QSslCertificate certificate; // null when none was obtained
        QString error;
    };
    using Done = std::function<void(const Result&)>;

    explicit ServerCertificateProbe(QObject* parent = nullptr);
    ~ServerCertificateProbe() override;

    void start(const sources::imap::ImapAccount& account, Done done, int timeoutMs = 15000);

    // Subject, issuer, validity and SHA-256 fingerprint, one per line, for the analyst.
    static QString describe(const QSslCertificate& certificate);

private:
    void onReadyRead();
    void capture();
    void finish(const QSslCertificate& certificate, const QString& error);

    QSslSocket* m_socket = nullptr;
    QTimer m_timer;
    Done m_done;
    QByteArray m_buffer;
    bool m_startTls = false;
    bool m_greeted = false;
};

} // namespace authlens::desktop
