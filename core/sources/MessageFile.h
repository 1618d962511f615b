// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace authlens::sources {

// A file that holds one message (.eml, a Maildir message file): read whole, within a size limit, and
// judged on its first line, so a picture or a README in a mail folder is noted instead of imported.
struct MessageFile
{
    QByteArray bytes;
    qint64 fileSize = -1;
    QString error; // empty when bytes hold the file

    static MessageFile read(const QString& path, qint64 maxSize);

    // Empty when head (the start of a file) looks like a message: an optional mbox "From " postmark,
    // then a header field "name:" (RFC 5322 2.2). Otherwise the reason it does not.
    static QString notMailReason(QByteArrayView head);
};

} // namespace authlens::sources
