// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>

namespace authlens::sources::imap {

// Everything needed to reach one IMAP account except its secret, which the caller passes per
// connection and which is never stored here.
struct ImapAccount
{
    enum class Security
    {
        ImplicitTls, // RFC 8314: TLS from the first byte, port 993
        StartTls,    // RFC 3501 6.2.1: plain connection upgraded before authenticating, port 143
        Cleartext,   // no TLS at all; authentication refused unless allowCleartextAuth
    };
    enum class AuthMethod
    {
        Automatic, // AUTHENTICATE PLAIN when offered, else LOGIN
        Login,     // RFC 3501 6.2.3
        Plain,     // RFC 4616 over AUTHENTICATE (RFC 4959 SASL-IR when offered)
        XOAuth2,   // Google/Microsoft XOAUTH2; the secret is an OAuth 2.0 access token
    };

    QString host;
    quint16 port = 993;
    Security security = Security::ImplicitTls;
    QString user;
    AuthMethod authMethod = AuthMethod::Automatic;
    // SHA-256 fingerprint (hex, colons and case ignored) of a certificate the analyst has checked and
    // accepts even though it does not verify (self-signed, private CA).
    QByteArray pinnedSha256;
    QList<QSslCertificate> extraCaCertificates; // trusted in addition to the system's
    bool allowCleartextAuth = false;
    int connectTimeoutMs = 20000;
    // Silence allowed while a command is outstanding. Trickling counts as silence: the wait starts over only
    // when a command completes or the server has sent at least a byte per millisecond of it (1 KB/s), so
    // a peer sending a byte a second cannot hold the import for ever.
    int commandTimeoutMs = 60000;

    // "user@host:port", the key under which sync state is kept.
    QString key() const;
    static QByteArray normalizedFingerprint(QByteArrayView text);
    static QByteArray fingerprintOf(const QSslCertificate& certificate);   // lower-case hex
    static QString displayFingerprint(const QSslCertificate& certificate); // AB:CD:...
};

} // namespace authlens::sources::imap
