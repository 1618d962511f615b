// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace authlens::sources {

enum class SourceKind
{
    EmlFile,
    EmlFolder,
    Mbox,
    Maildir
};

// Where a reader continues. mbox: the byte offset of a message's "From " line (or of the blank lines
// before it) and that message's number; file sources (.eml, Maildir): the position in their sorted
// order, offset unused.
struct ResumePoint
{
    qint64 offset = 0;
    qint64 index = 0;

    friend bool operator==(const ResumePoint&, const ResumePoint&) = default;
};

// One message as a source holds it: the raw bytes, never decoded, and enough to find it again.
struct SourceItem
{
    SourceKind kind = SourceKind::EmlFile;
    QByteArray bytes;         // the message; mbox: without the "From " postmark line, ">From " unquoted
    QString path;             // the file holding it (the .eml, the mbox, the Maildir message file)
    qint64 index = 0;         // 0-based position in the source's order (mbox: message number - 1)
    qint64 offset = 0;        // mbox: byte offset of the postmark "From " line; 0 for whole-file messages
    qint64 contentOffset = 0; // mbox: byte offset of the message's first byte, after the postmark line
    qint64 length = 0;        // bytes the message takes in the file (mbox: postmark to the next postmark)
    QByteArray envelopeFrom;  // mbox: the postmark line without its line break
    QString folder;           // Maildir: "" for the top folder (INBOX), "Sent", "Lists.qt" for .Lists.qt
    QString uniqueName;       // Maildir: the file name before ":2,"; stays the same when flags change
    QString flags;            // Maildir: the flag letters after ":2," (e.g. "RS")
    qint64 declaredSize = -1; // Maildir: the ",S=" size in the file name, -1 when absent
    ResumePoint resumeAfter;  // give this to MessageSource::seek() to continue after this message

    // A human-readable name for logs: "path#N" (N 1-based) for mbox, the file path otherwise.
    QString locator() const
    {
        if (kind == SourceKind::Mbox)
            return path + QLatin1Char('#') + QString::number(index + 1);
        return path;
    }
};

} // namespace authlens::sources
