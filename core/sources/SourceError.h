// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace authlens::sources {

// Something a source reader met that an analyst should see in the import log. A source never stops
// for one of these: the message it concerns is skipped (Error) or returned anyway (Warning, Note).
struct SourceError
{
    enum class Severity
    {
        Note,    // nothing lost: a file that is not a message was ignored, a fallback was taken
        Warning, // the message was returned but may be damaged (truncated, NUL bytes, size mismatch)
        Error,   // the message (or the whole source) could not be read and was skipped
    };

    Severity severity = Severity::Error;
    QString path;       // the file concerned
    qint64 offset = -1; // byte offset in that file, -1 when the position is the whole file
    qint64 index = -1;  // 0-based position of the message in the source, -1 when not about one message
    QString message;    // plain language, no jargon beyond the format's own words

    // "path:offset: error: message", the form used in logs and on the command line.
    QString toString() const;
    static QString severityWord(Severity severity);
};

} // namespace authlens::sources
