// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/ChunkedLineReader.h"
#include "sources/MessageSource.h"

namespace authlens::sources {

// Streams the messages of an mbox file (RFC 4155 and its variants) with a bounded buffer: memory
// holds one chunk and the current message, whatever the size of the file.
//
// How messages are split, in order:
// - A line starting "From " is a postmark (the start of the next message) when it is the first line,
//   when the line before it is empty (RFC 4155), or when it has the postmark's shape ("From sender"
//   and a date with a month name and a hh:mm time) even without the empty line, as some writers
//   omit it. The postmark line is not part of the message; the one empty line that ends a message in
//   mbox is dropped too (also at the end of the file).
// - mboxcl/mboxcl2: when a message's header has a Content-Length and the body of that length ends
//   exactly at EOF or at the next "From " line (after at most one line break), the body is taken by
//   length, unquoted, so "From " lines inside it stay. Otherwise the header is ignored with a Note
//   (stale Content-Length headers are common in mboxo files) and From-line splitting is used.
// - Quoting: mboxo writers turn "From " into ">From "; mboxrd writers add one ">" to any ">*From "
//   line. Both read ">From " back as "From "; they differ only on ">>From " lines. Auto picks mboxrd
//   when the first 16 MB hold a ">>From " line (only mboxrd writes those routinely, for a quoted
//   ">From "), else mboxo. A ">" run longer than the 1 KB line-start look-ahead is left alone.
// - CRLF and LF files are both read; the message bytes keep the file's line endings.
class MboxReader : public MessageSource
{
public:
    explicit MboxReader(const QString& path, const ReaderOptions& options = {});

    SourceKind kind() const override { return SourceKind::Mbox; }
    QString path() const override { return m_path; }
    std::optional<SourceItem> next() override;
    // offset: a message's "From " line (SourceItem::offset) or SourceItem::resumeAfter.offset; index
    // is the number the next message gets. Blank lines before the "From " line are skipped.
    bool seek(const ResumePoint& point) override;
    SourceProgress progress() const override;

    // The quoting in use (Auto resolved when the file was opened) and why, for the import log.
    MboxQuoting quoting() const { return m_quoting; }
    const QString& quotingReason() const { return m_quotingReason; }
    // Messages whose body was taken by their Content-Length header so far.
    qint64 contentLengthMessages() const { return m_contentLengthMessages; }

    // "From " sender, then a date with a month name and a hh:mm time (RFC 4155 "From " line; also
    // Thunderbird's "From - Mon Jan  1 00:00:00 2024").
    static bool looksLikePostmark(QByteArrayView line);

private:
    enum class State
    {
        Between,
        Header,
        Body,
        ContentLengthBody
    };

    void detectQuoting();
    void resetMessage();
    void startMessage(const ChunkedLineReader::Piece& postmark);
    void takeMessageLine(const ChunkedLineReader::Piece& piece);
    void append(QByteArrayView bytes, qint64 fileOffset);
    void endOfHeader(qint64 bodyStartOffset);
    bool contentLengthFits(qint64 bodyStart, qint64 length);
    std::optional<SourceItem> finish(qint64 endOffset, bool dropSeparatorLine);
    void warn(qint64 offset, const QString& message);

    QString m_path;
    ReaderOptions m_options;
    ChunkedLineReader m_in;
    MboxQuoting m_quoting = MboxQuoting::Mboxo;
    QString m_quotingReason;

    State m_state = State::Between;
    qint64 m_index = 0; // number (0-based) the next message gets
    qint64 m_returned = 0;
    qint64 m_contentLengthMessages = 0;
    bool m_inStrayBytes = false; // bytes outside any message already reported
    bool m_lastPieceEndedWithLf = true;

    // The message being read.
    QByteArray m_message;
    QByteArray m_envelopeFrom;
    qint64 m_messageOffset = 0;
    qint64 m_contentOffset = 0; // the first byte after the postmark line
    qint64 m_messageSize = 0;   // counted even when the bytes are no longer kept (oversized)
    bool m_oversized = false;
    qint64 m_bodyStart = -1;     // in m_message
    qint64 m_lineStart = 0;      // in m_message, where the current line started
    bool m_lineEmpty = false;    // the current line is empty (LF or CRLF alone)
    bool m_prevLineEmpty = true; // the last complete line was empty
    qint64 m_contentLength = -1;
    qint64 m_contentLengthLeft = 0;
    qint64 m_firstNul = -1;
};

} // namespace authlens::sources
