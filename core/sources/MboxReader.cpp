// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/MboxReader.h"

#include <QFile>

#include <cstring>

namespace authlens::sources {

namespace {

constexpr qint64 quotingScanBytes = qint64(16) * 1024 * 1024;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isBlankLine(QByteArrayView line)
{
    return line == "\n" || line == "\r\n";
}

// Number of '>' that start the line when ">...>From " follows, else 0.
qsizetype fromQuoteDepth(QByteArrayView line)
{
    qsizetype depth = 0;
    while (depth < line.size() && line[depth] == '>')
        ++depth;
    if (depth == 0 || !line.sliced(depth).startsWith("From "))
        return 0;
    return depth;
}

// The value of a "Content-Length:" header line (RFC 4155 mboxcl), or -1.
qint64 contentLengthValue(QByteArrayView line)
{
    static constexpr QByteArrayView name("content-length:");
    if (line.size() < name.size())
        return -1;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char c = line[i];
        const char lower = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        if (lower != name[i])
            return -1;
    }
    qsizetype i = name.size();
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        ++i;
    qint64 value = 0;
    int digits = 0;
    while (i < line.size() && isDigit(line[i])) {
        if (++digits > 15) // over 999 TB: not a length any file here can have
            return -1;
        value = value * 10 + (line[i] - '0');
        ++i;
    }
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n'))
        ++i;
    return (digits > 0 && i == line.size()) ? value : -1;
}

} // namespace

MboxReader::MboxReader(const QString& path, const ReaderOptions& options)
    : m_path(path)
    , m_options(options)
{
    if (!m_in.open(path, options.chunkSize)) {
        failOpen(path, QStringLiteral("cannot open the mbox: %1").arg(m_in.errorString()));
        return;
    }
    detectQuoting();
}

void MboxReader::detectQuoting()
{
    if (m_options.mboxQuoting != MboxQuoting::Auto) {
        m_quoting = m_options.mboxQuoting;
        m_quotingReason = QStringLiteral("set by the caller");
        return;
    }
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_quoting = MboxQuoting::Mboxo;
        m_quotingReason = QStringLiteral("file could not be scanned");
        return;
    }
    // Scan line starts in the first 16 MB for ">>From ": a bounded look, so opening stays fast.
    QByteArray window = "\n";
    qint64 scanned = 0;
    while (scanned < quotingScanBytes) {
        const QByteArray chunk = file.read(1024 * 1024);
        if (chunk.isEmpty())
            break;
        scanned += chunk.size();
        window += chunk;
        qsizetype at = 0;
        while ((at = window.indexOf("\n>>", at)) >= 0) {
            if (fromQuoteDepth(QByteArrayView(window).sliced(at + 1)) >= 2) {
                m_quoting = MboxQuoting::Mboxrd;
                m_quotingReason = QStringLiteral("a \">>From \" line at offset %1 shows mboxrd quoting")
                                      .arg(scanned - window.size() + at + 1);
                return;
            }
            at += 1;
        }
        // Keep the tail so a line start split across two reads is still seen.
        window = window.right(ChunkedLineReader::lineStartLookahead + 8);
    }
    m_quoting = MboxQuoting::Mboxo;
    m_quotingReason = QStringLiteral("no \">>From \" line in the first %1 MB, read as mboxo")
                          .arg(quotingScanBytes / (1024 * 1024));
}

bool MboxReader::looksLikePostmark(QByteArrayView line)
{
    if (!line.startsWith("From "))
        return false;
    line = line.first(std::min<qsizetype>(line.size(), ChunkedLineReader::lineStartLookahead));
    qsizetype i = 5;
    while (i < line.size() && line[i] == ' ')
        ++i;
    const qsizetype senderStart = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '\n')
        ++i;
    if (i == senderStart || i >= line.size() || line[i] != ' ')
        return false;
    // The date (RFC 4155: asctime format, "Mon Jan  1 10:00:00 2024") has a month name and a time.
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QByteArrayView date = line.sliced(i);
    bool month = false;
    for (const char* name : months) {
        const qsizetype at = date.indexOf(QByteArrayView(name));
        if (at > 0 && date[at - 1] == ' ' && at + 3 < date.size() && date[at + 3] == ' ') {
            month = true;
            break;
        }
    }
    if (!month)
        return false;
    for (qsizetype j = 0; j + 4 < date.size(); ++j) {
        if (isDigit(date[j]) && isDigit(date[j + 1]) && date[j + 2] == ':' && isDigit(date[j + 3]) &&
            isDigit(date[j + 4]))
            return true;
    }
    return false;
}

void MboxReader::resetMessage()
{
    m_message = QByteArray();
    m_envelopeFrom = QByteArray();
    m_messageSize = 0;
    m_oversized = false;
    m_bodyStart = -1;
    m_lineStart = 0;
    m_lineEmpty = false;
    m_prevLineEmpty = false;
    m_contentLength = -1;
    m_contentLengthLeft = 0;
    m_firstNul = -1;
}

void MboxReader::warn(qint64 offset, const QString& message)
{
    report(SourceError::Severity::Warning, m_path, offset, m_index, message);
}

void MboxReader::startMessage(const ChunkedLineReader::Piece& postmark)
{
    resetMessage();
    m_state = State::Header;
    m_inStrayBytes = false;
    m_messageOffset = postmark.offset;
    QByteArrayView line = postmark.bytes;
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    m_envelopeFrom = line.toByteArray();
    m_contentOffset = postmark.offset + postmark.bytes.size();
    // A postmark longer than one piece: the rest is envelope too, and is dropped.
    bool ended = postmark.endsLine;
    while (!ended) {
        const auto piece = m_in.next();
        if (!piece)
            break;
        ended = piece->endsLine;
        m_contentOffset = piece->offset + piece->bytes.size();
    }
}

void MboxReader::append(QByteArrayView bytes, qint64 fileOffset)
{
    if (m_firstNul < 0) {
        if (const void* nul = std::memchr(bytes.data(), '\0', size_t(bytes.size())))
            m_firstNul = fileOffset + (static_cast<const char*>(nul) - bytes.data());
    }
    m_messageSize += bytes.size();
    if (m_oversized)
        return;
    if (m_messageSize > m_options.maxMessageSize) {
        // Stop holding it: the rest is only counted, so memory stays bounded by the limit.
        m_oversized = true;
        m_message = QByteArray();
        return;
    }
    m_message.append(bytes.data(), bytes.size());
}

bool MboxReader::contentLengthFits(qint64 bodyStart, qint64 length)
{
    const qint64 end = bodyStart + length;
    const qint64 size = m_in.size();
    if (end > size)
        return false;
    if (end == size)
        return true;
    // mboxcl2 puts one empty line between a body and the next postmark; accept none or one.
    const QByteArray after = m_in.peekAt(end, 7);
    return after.startsWith("From ") || after.startsWith("\nFrom ") || after.startsWith("\r\nFrom ") ||
           after == "\n" || after == "\r\n";
}

void MboxReader::endOfHeader(qint64 bodyStartOffset)
{
    m_state = State::Body;
    m_bodyStart = m_messageSize;
    if (m_contentLength < 0 || !m_options.honourContentLength)
        return;
    if (!contentLengthFits(bodyStartOffset, m_contentLength)) {
        report(SourceError::Severity::Note, m_path, m_messageOffset, m_index,
               QStringLiteral("Content-Length %1 does not end at the next \"From \" line or at the end of "
                              "the file; the message was split at \"From \" lines instead")
                   .arg(m_contentLength));
        return;
    }
    ++m_contentLengthMessages;
    m_state = State::ContentLengthBody;
    m_contentLengthLeft = m_contentLength;
    if (m_messageSize + m_contentLength > m_options.maxMessageSize) {
        // Too big to keep: jump over the body instead of reading it.
        m_messageSize += m_contentLength;
        m_oversized = true;
        m_message = QByteArray();
        m_contentLengthLeft = 0;
        m_in.seek(bodyStartOffset + m_contentLength);
    }
}

void MboxReader::takeMessageLine(const ChunkedLineReader::Piece& piece)
{
    QByteArrayView bytes = piece.bytes;
    qint64 offset = piece.offset;
    if (piece.startsLine) {
        m_lineStart = m_oversized ? 0 : m_message.size();
        m_lineEmpty = piece.endsLine && isBlankLine(bytes);
        const qsizetype depth = fromQuoteDepth(bytes);
        if (depth == 1 || (depth > 1 && m_quoting == MboxQuoting::Mboxrd)) {
            bytes = bytes.sliced(1); // RFC 4155: undo the writer's ">" quoting
            ++offset;
        }
        if (m_state == State::Header && !m_lineEmpty) {
            const qint64 length = contentLengthValue(bytes);
            if (length >= 0)
                m_contentLength = length;
        }
    }
    append(bytes, offset);
    if (piece.endsLine) {
        m_prevLineEmpty = m_lineEmpty;
        if (m_state == State::Header && m_lineEmpty)
            endOfHeader(piece.offset + piece.bytes.size());
    }
}

std::optional<SourceItem> MboxReader::finish(qint64 endOffset, bool dropSeparatorLine)
{
    const qint64 index = m_index++;
    const State state = m_state;
    m_state = State::Between;
    m_inStrayBytes = false;
    if (m_firstNul >= 0) {
        report(SourceError::Severity::Warning, m_path, m_firstNul, index,
               QStringLiteral("the message contains NUL bytes, which RFC 5322 does not allow"));
    }
    if (m_oversized) {
        report(SourceError::Severity::Error, m_path, m_messageOffset, index,
               QStringLiteral("message %1 is %2 bytes, over the limit of %3 bytes (message-size); skipped")
                   .arg(index + 1)
                   .arg(m_messageSize)
                   .arg(m_options.maxMessageSize));
        resetMessage();
        return std::nullopt;
    }
    // The empty line before a postmark (or at the end of the file) separates messages; it is not part
    // of the body (RFC 4155). A Content-Length body is taken as is.
    if (dropSeparatorLine && state == State::Body && m_prevLineEmpty && m_lineStart >= m_bodyStart)
        m_message.truncate(m_lineStart);

    SourceItem item;
    item.kind = SourceKind::Mbox;
    item.bytes = std::move(m_message);
    item.path = m_path;
    item.index = index;
    item.offset = m_messageOffset;
    item.contentOffset = m_contentOffset;
    item.length = endOffset - m_messageOffset;
    item.envelopeFrom = std::move(m_envelopeFrom);
    item.resumeAfter = ResumePoint{endOffset, index + 1};
    resetMessage();
    ++m_returned;
    return item;
}

std::optional<SourceItem> MboxReader::next()
{
    if (!openError().isEmpty())
        return std::nullopt;
    for (;;) {
        if (m_state == State::ContentLengthBody) {
            if (m_contentLengthLeft == 0) {
                auto item = finish(m_in.position(), false);
                m_in.markLineStart();
                if (item)
                    return item;
                continue;
            }
            const auto piece = m_in.next(m_contentLengthLeft);
            if (!piece) {
                warn(m_messageOffset, QStringLiteral("the file ends %1 bytes before the end given by "
                                                     "Content-Length; the message is truncated")
                                          .arg(m_contentLengthLeft));
                m_contentLengthLeft = 0;
                continue;
            }
            append(piece->bytes, piece->offset);
            m_contentLengthLeft -= piece->bytes.size();
            m_lastPieceEndedWithLf = piece->bytes.endsWith('\n');
            continue;
        }

        const auto piece = m_in.next();
        if (!piece) {
            if (m_state == State::Between)
                return std::nullopt;
            if (m_state == State::Header) {
                warn(m_messageOffset, QStringLiteral("the file ends inside the header of this message; "
                                                     "the file is probably truncated"));
            } else if (!m_lastPieceEndedWithLf) {
                warn(m_messageOffset, QStringLiteral("the file ends in the middle of a line; the last "
                                                     "message may be truncated"));
            }
            auto item = finish(m_in.position(), true);
            if (item)
                return item;
            continue;
        }
        m_lastPieceEndedWithLf = piece->bytes.endsWith('\n');

        if (piece->startsLine && piece->bytes.startsWith("From ") &&
            (m_state == State::Between || m_prevLineEmpty || looksLikePostmark(piece->bytes))) {
            std::optional<SourceItem> done;
            if (m_state != State::Between)
                done = finish(piece->offset, true);
            startMessage(*piece);
            if (done)
                return done;
            continue;
        }

        if (m_state == State::Between) {
            if (piece->startsLine && piece->endsLine && isBlankLine(piece->bytes))
                continue;
            if (!m_inStrayBytes) {
                m_inStrayBytes = true;
                report(SourceError::Severity::Error, m_path, piece->offset, -1,
                       QStringLiteral("bytes outside any message (no \"From \" line before them); skipped "
                                      "up to the next \"From \" line"));
            }
            continue;
        }
        takeMessageLine(*piece);
    }
}

bool MboxReader::seek(const ResumePoint& point)
{
    if (!openError().isEmpty())
        return false;
    // The point must be a message start, possibly after the blank lines that end the one before.
    const QByteArray head = m_in.peekAt(point.offset, ChunkedLineReader::lineStartLookahead);
    qsizetype at = 0;
    while (at < head.size() &&
           (head[at] == '\n' || (head[at] == '\r' && at + 1 < head.size() && head[at + 1] == '\n')))
        at += head[at] == '\r' ? 2 : 1;
    const bool atEnd = point.offset == m_in.size();
    const bool atLineStart = point.offset == 0 || atEnd || m_in.peekAt(point.offset - 1, 1) == "\n";
    if (point.offset < 0 || point.offset > m_in.size() || point.index < 0 || !atLineStart ||
        (!atEnd && at < head.size() && !head.sliced(at).startsWith("From "))) {
        report(SourceError::Severity::Error, m_path, point.offset, point.index,
               QStringLiteral("offset %1 is not the start of a message in this mbox").arg(point.offset));
        return false;
    }
    resetMessage();
    m_in.seek(point.offset);
    m_state = State::Between;
    m_inStrayBytes = false;
    m_index = point.index;
    return true;
}

SourceProgress MboxReader::progress() const
{
    SourceProgress p;
    p.bytesRead = m_in.position();
    p.bytesTotal = m_in.size();
    p.messages = m_returned;
    p.errors = m_errorCount;
    return p;
}

} // namespace authlens::sources
