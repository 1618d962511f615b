// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Crypto.h"
#include "dkim/Signature.h"
#include "mail/Message.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace authlens::dkim {

// Makes DKIM signatures (RFC 6376 5, RFC 8463): for tests, the bundled sample data, and analysts trying
// a key before they publish it. rsa-sha1 is refused (RFC 8301 3.1).
class Signer
{
public:
    struct Options
    {
        Algorithm algorithm = Algorithm::RsaSha256;
        QByteArray domain;   // d=
        QByteArray selector; // s=
        Canonicalization headerCanonicalization = Canonicalization::Relaxed;
        Canonicalization bodyCanonicalization = Canonicalization::Relaxed;
        // h=, in order; names may repeat. Empty: From, To, Cc, Subject, Date, Message-ID, Reply-To,
        // MIME-Version, Content-Type, Content-Transfer-Encoding that the message has.
        std::vector<QByteArray> headers;
        // Sign each name once more than it occurs, so an added copy breaks the signature (RFC 6376 8.15).
        bool oversign = false;
        std::optional<QByteArray> auid;         // i=
        bool bodyLength = false;                // l= with the whole canonicalized body
        std::optional<quint64> bodyLengthLimit; // l= with this value (implies bodyLength)
        std::optional<qint64> timestamp;        // t=; empty: the current time
        bool omitTimestamp = false;
        std::optional<qint64> expiration; // x=
    };

    struct Output
    {
        QByteArray field; // "DKIM-Signature: ...\r\n", to put at the top of the header
        QString error;
        bool ok() const { return !field.isEmpty(); }
    };

    Signer(Crypto::Key key, Options options);

    Output sign(const mail::Message& message) const;
    // The message bytes with the new field prepended (CRLF line endings kept as the message had them).
    static QByteArray prepend(const QByteArray& field, const QByteArray& messageBytes);

private:
    Crypto::Key m_key;
    Options m_options;
};

} // namespace authlens::dkim
