// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QFile>
#include <QString>

#include <limits>
#include <optional>

namespace authlens::sources {

// Reads a file in fixed-size chunks and hands it out as pieces of lines, so memory holds at most one
// chunk plus a short look-ahead however long a line is. At the start of a line the reader first makes
// at least lineStartLookahead bytes of that line visible (or the whole line, if shorter), so a caller
// can recognise "From " and ">>From " the same way whatever the chunk size.
class ChunkedLineReader
{
public:
    static constexpr qint64 lineStartLookahead = 1024;

    struct Piece
    {
        QByteArrayView bytes; // valid until the next call on this reader
        qint64 offset = 0;    // file offset of bytes[0]
        bool startsLine = false;
        bool endsLine = false;  // ends with LF, or the file ends here
        bool endOfFile = false; // nothing follows this piece
    };

    bool open(const QString& path, qint64 chunkSize);
    QString errorString() const { return m_error; }
    qint64 size() const { return m_size; }

    // Next piece, at most maxBytes long (a line longer than that comes in several pieces).
    std::optional<Piece> next(qint64 maxBytes = std::numeric_limits<qint64>::max());

    // Offset of the first byte not yet handed out.
    qint64 position() const { return m_bufferOffset + m_pos; }
    // Continue from offset, which is taken to be the start of a line.
    bool seek(qint64 offset);
    // Treat the next byte as the start of a line (after a Content-Length body that ended mid-line).
    void markLineStart() { m_atLineStart = true; }
    // Up to n bytes at offset, read without disturbing the stream (for Content-Length checks).
    QByteArray peekAt(qint64 offset, qint64 n);

private:
    bool fill();
    qint64 available() const { return m_buffer.size() - m_pos; }

    QFile m_file;
    QByteArray m_buffer;
    qint64 m_pos = 0;          // next unread byte in m_buffer
    qint64 m_bufferOffset = 0; // file offset of m_buffer[0]
    qint64 m_readOffset = 0;   // file offset of the next byte to read from the file
    qint64 m_chunkSize = 1024 * 1024;
    qint64 m_size = 0;
    bool m_eof = false;
    bool m_atLineStart = true;
    QString m_error;
};

} // namespace authlens::sources
