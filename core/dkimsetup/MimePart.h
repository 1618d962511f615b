// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail/Message.h"

#include <QByteArray>
#include <QList>

namespace authlens::dkimsetup {

// Just enough MIME (RFC 2045, RFC 2046) to look inside a message's parts: the content type with its
// boundary, the transfer encoding, the body, and the parts of a multipart. Views point into the bytes
// they were made from, which must outlive them. Never throws; malformed input gives fewer parts.
struct MimePart
{
    QByteArray contentType = "text/plain"; // lower case, no parameters (RFC 2045 5.2 default)
    QByteArray boundary;                   // for multipart/*
    QByteArray reportType;                 // report-type= of multipart/report (RFC 6522 3)
    QByteArray transferEncoding;           // lower case
    QByteArrayView header;                 // the raw header lines of the part
    QByteArrayView body;

    // A part as it appears between boundaries: header fields, an empty line, the body.
    static MimePart parse(QByteArrayView part);
    // The top-level entity of a message.
    static MimePart ofMessage(const mail::Message& message);

    // The body with its transfer encoding undone (quoted-printable, base64; others as they are).
    QByteArray decodedBody() const;
    // The parts of a multipart body (RFC 2046 5.1.1); preamble and epilogue dropped; a missing
    // close-delimiter ends the last part at the end of the body.
    QList<QByteArrayView> parts() const;

    static QList<QByteArrayView> split(QByteArrayView body, const QByteArray& boundary);
    // A parameter of a Content-Type value (RFC 2045 5.1), quoted or not; empty when absent.
    static QByteArray parameter(const QByteArray& value, QByteArrayView name);
    static QByteArray decodeQuotedPrintable(QByteArrayView text);
};

} // namespace authlens::dkimsetup
