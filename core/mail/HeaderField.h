// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace authlens::mail {

// One header field exactly as received: name, colon, value with its folding, and the line break that
// ends it. Line breaks are CRLF here even when the file had bare LF, because every hash is computed
// over CRLF (RFC 5322 2.2, RFC 6376 3.4).
struct HeaderField
{
    QByteArray name;        // as written, case kept, without WSP before the colon
    QByteArray raw;         // the whole field including the final CRLF
    qsizetype offset = 0;   // byte offset of the field in the message as received
    int line = 0;           // 1-based line where the field starts
    bool malformed = false; // no colon or an invalid name: kept so nothing is lost

    // Everything after the colon, folding kept, the final CRLF removed.
    QByteArrayView value() const;
    // The value with every CRLF that precedes WSP removed (RFC 5322 2.2.3).
    QByteArray unfoldedValue() const;
    // ASCII case-insensitive comparison of the field name (RFC 5322 1.2.2).
    bool hasName(QByteArrayView other) const;
};

} // namespace authlens::mail
