// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/SourceError.h"
#include "sources/SourceItem.h"

#include <optional>
#include <vector>

namespace authlens::sources {

// How an mbox marks a body line that starts with "From ".
enum class MboxQuoting
{
    Auto,   // decided from the file (see MboxReader)
    Mboxo,  // only ">From " is unquoted; ">>From " stays
    Mboxrd, // one ">" is removed from every ">+From " line
};

struct ReaderOptions
{
    // A message larger than this is skipped with an error naming its position; the reader goes on.
    qint64 maxMessageSize = qint64(64) * 1024 * 1024;
    // mbox read size; small values exist to test chunk-boundary handling.
    qint64 chunkSize = qint64(1) * 1024 * 1024;
    MboxQuoting mboxQuoting = MboxQuoting::Auto;
    // mboxcl/mboxcl2: trust a Content-Length header when it points at the next "From " line or EOF.
    bool honourContentLength = true;
};

struct SourceProgress
{
    qint64 bytesRead = 0;  // bytes of the source consumed so far (read or skipped)
    qint64 bytesTotal = 0; // size of the source (mbox file size; sum of file sizes for folders)
    qint64 messages = 0;   // messages returned by next()
    qint64 errors = 0;     // messages skipped with an Error so far
};

// A pull-style reader over one source. The caller takes one message at a time, so memory holds one
// message, whatever the size of the source. Problems are queued as SourceErrors; drain them with
// takeErrors() (after each next() to keep them beside the message they concern).
class MessageSource
{
public:
    virtual ~MessageSource();

    virtual SourceKind kind() const = 0;
    virtual QString path() const = 0;

    // The next message, or nullopt at the end. A message that cannot be read is skipped with an Error.
    virtual std::optional<SourceItem> next() = 0;

    // Continue at a point taken from SourceItem::resumeAfter (or {offset, index} of a message to read
    // it again). Returns false, with an Error queued, when the point is not valid for this source.
    virtual bool seek(const ResumePoint& point) = 0;

    virtual SourceProgress progress() const = 0;

    // Errors, warnings and notes queued since the last call, oldest first.
    std::vector<SourceError> takeErrors();
    // Set when the source could not be opened at all; next() then returns nullopt.
    const QString& openError() const { return m_openError; }

protected:
    void report(SourceError::Severity severity, const QString& file, qint64 offset, qint64 index,
                const QString& message);
    void failOpen(const QString& file, const QString& message);

    qint64 m_errorCount = 0;

private:
    std::vector<SourceError> m_queue;
    QString m_openError;
};

} // namespace authlens::sources
