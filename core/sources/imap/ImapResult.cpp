// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/imap/ImapResult.h"

namespace authlens::sources::imap {

QString statusWord(ImapResult::Status status)
{
    using S = ImapResult::Status;
    switch (status) {
    case S::Ok:
        return QStringLiteral("ok");
    case S::ConnectFailed:
        return QStringLiteral("connect-failed");
    case S::TlsFailed:
        return QStringLiteral("tls-failed");
    case S::CertificateUntrusted:
        return QStringLiteral("certificate-untrusted");
    case S::StartTlsUnavailable:
        return QStringLiteral("starttls-unavailable");
    case S::CleartextRefused:
        return QStringLiteral("cleartext-refused");
    case S::AuthenticationFailed:
        return QStringLiteral("authentication-failed");
    case S::CommandFailed:
        return QStringLiteral("command-failed");
    case S::ProtocolError:
        return QStringLiteral("protocol-error");
    case S::ServerBye:
        return QStringLiteral("server-bye");
    case S::ConnectionLost:
        return QStringLiteral("connection-lost");
    case S::Timeout:
        return QStringLiteral("timeout");
    case S::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

} // namespace authlens::sources::imap
