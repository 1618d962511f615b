// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/imap/Response.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <deque>
#include <optional>
#include <vector>

namespace authlens::sources::imap {

// An incremental IMAP4rev1 response parser (RFC 3501 7 and 9). Feed it the server's bytes in chunks of
// any size, as they arrive; it frames responses (lines plus {n} / ~{n} literals), tokenizes them and
// queues complete Response values. Every input is treated as hostile: literal size, line length,
// response size and list nesting are bounded, and anything that is not IMAP stops the parser with an
// error naming the stream offset. After an error the stream cannot be resynchronised: drop the
// connection.
class ResponseParser
{
public:
    struct Limits
    {
        qint64 maxLiteralSize = 100LL * 1024 * 1024;  // one {n} literal
        qint64 maxLineLength = 8LL * 1024 * 1024;     // one line between literals (a big SEARCH)
        qint64 maxResponseSize = 128LL * 1024 * 1024; // lines and literals of one response together
        int maxNestingDepth = 32;                     // parenthesized lists
    };

    struct Error
    {
        qint64 offset = 0; // byte offset in the stream where the problem is
        QString message;   // plain language, with the offending bytes shown escaped

        QString toString() const;
    };

    ResponseParser() = default;
    explicit ResponseParser(Limits limits)
        : m_limits(limits)
    {}

    // Consumes the bytes. Returns false when the stream is broken (see error()); later feeds are
    // ignored until reset().
    bool feed(QByteArrayView bytes);

    bool hasResponse() const { return !m_ready.empty(); }
    Response takeResponse();

    const std::optional<Error>& error() const { return m_error; }
    // Bytes received but not yet part of a complete response (used to refuse data a server sent
    // ahead of a STARTTLS handshake, RFC 3501 6.2.1 / RFC 7817 ...).
    qint64 bufferedBytes() const { return m_buffer.size() - m_pos + m_partialSize; }
    qint64 streamOffset() const { return m_bufferOffset + m_pos; }
    void reset();

    // Parses exactly one complete response, for tests and tools; an error if more or less is given.
    struct Single
    {
        std::optional<Response> response;
        std::optional<Error> error;
    };
    static Single parseOne(QByteArrayView bytes);
    static Single parseOne(QByteArrayView bytes, Limits limits);

    // A line segment of a response and the literal that follows it, if any.
    struct Segment
    {
        QByteArray line;   // without CRLF
        qint64 offset = 0; // stream offset of line[0]
        qint64 literalSize = -1;
        QByteArray literal; // valid when literalSize >= 0
        qint64 literalOffset = 0;
    };

private:
    bool fail(qint64 offset, const QString& message);
    bool takeLine(qsizetype newline);
    void finishResponse();
    void compact();

    Limits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0;         // first unconsumed byte in m_buffer
    qsizetype m_scanFrom = 0;    // where the search for the next LF resumes
    qint64 m_bufferOffset = 0;   // stream offset of m_buffer[0]
    qint64 m_literalWanted = -1; // >= 0 while reading a literal's bytes
    qint64 m_partialSize = 0;    // bytes in m_segments
    std::vector<Segment> m_segments;
    std::deque<Response> m_ready;
    std::optional<Error> m_error;
};

} // namespace authlens::sources::imap
