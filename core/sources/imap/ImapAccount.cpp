// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/imap/ImapAccount.h"

#include <QCryptographicHash>

namespace authlens::sources::imap {

QString ImapAccount::key() const
{
    return user + QLatin1Char('@') + host.toLower() + QLatin1Char(':') + QString::number(port);
}

QByteArray ImapAccount::normalizedFingerprint(QByteArrayView text)
{
    QByteArray out;
    for (char c : text) {
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))
            out += c;
        else if (c >= 'A' && c <= 'F')
            out += char(c - 'A' + 'a');
    }
    return out;
}

QByteArray ImapAccount::fingerprintOf(const QSslCertificate& certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex();
}

QString ImapAccount::displayFingerprint(const QSslCertificate& certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

} // namespace authlens::sources::imap
