// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace authlens::bench {

// Writes messages to an mbox file in the mboxrd flavour (RFC 4155 and the mboxrd convention): a
// postmark "From " line before each message, one ">" added to every body line matching ">*From ", an
// empty line after each message. Line endings follow the message (CRLF messages get CRLF postmarks).
class MboxWriter
{
public:
    explicit MboxWriter(const QString& path);

    bool open();
    // `envelopeSender` is the address on the postmark line, `date` Unix seconds for its asctime date.
    bool write(const QByteArray& envelopeSender, qint64 date, const QByteArray& message);
    bool close();

    const QString& error() const { return m_error; }
    qint64 bytesWritten() const { return m_written; }

    // The message with every ">*From " line given one more ">" (mboxrd), so a reader can undo it exactly.
    static QByteArray quoteMboxrd(const QByteArray& message);

private:
    QFile m_file;
    QString m_error;
    qint64 m_written = 0;
};

} // namespace authlens::bench
