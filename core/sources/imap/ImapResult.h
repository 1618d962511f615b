// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace authlens::sources::imap {

// How an IMAP operation ended. `reason` is plain language for the analyst and never contains a
// password or token.
struct ImapResult
{
    enum class Status
    {
        Ok,
        ConnectFailed,        // host not found, refused, unreachable
        TlsFailed,            // handshake failed for a reason other than trust
        CertificateUntrusted, // the certificate did not verify and is not the pinned one
        StartTlsUnavailable,  // STARTTLS asked for but not offered by the server
        CleartextRefused,     // a secret would have gone over an unencrypted connection
        AuthenticationFailed, // the server refused the credentials
        CommandFailed,        // tagged NO
        ProtocolError,        // tagged BAD, or bytes that are not IMAP
        ServerBye,            // the server said BYE and closed
        ConnectionLost,       // the connection dropped
        Timeout,
        Cancelled,
    };
    Status status = Status::Ok;
    QString reason;
    QByteArray responseCode; // e.g. AUTHENTICATIONFAILED, when the server gave one

    bool ok() const { return status == Status::Ok; }
    static ImapResult success() { return {}; }
    static ImapResult failure(Status status, QString reason, QByteArray code = {})
    {
        return ImapResult{status, std::move(reason), std::move(code)};
    }
};

// A short stable word for a status ("certificate-untrusted"), for logs and JSON.
QString statusWord(ImapResult::Status status);

} // namespace authlens::sources::imap
