// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/imap/ResponseParser.h"

#include "sources/imap/ResponseTokenizer.h"

#include <algorithm>
#include <limits>

namespace authlens::sources::imap {

QString ResponseParser::Error::toString() const
{
    return QStringLiteral("IMAP protocol error at byte %1: %2").arg(offset).arg(message);
}

bool ResponseParser::fail(qint64 offset, const QString& message)
{
    m_error = Error{offset, message};
    return false;
}

bool ResponseParser::feed(QByteArrayView bytes)
{
    if (m_error)
        return false;
    m_buffer.append(bytes.data(), bytes.size());
    for (;;) {
        if (m_literalWanted >= 0) {
            if (m_buffer.size() - m_pos < m_literalWanted)
                break;
            Segment& seg = m_segments.back();
            seg.literal = m_buffer.mid(m_pos, m_literalWanted);
            seg.literalOffset = m_bufferOffset + m_pos;
            m_pos += m_literalWanted;
            m_scanFrom = m_pos;
            m_literalWanted = -1;
            continue;
        }
        const qsizetype newline = m_buffer.indexOf('\n', m_scanFrom);
        if (newline < 0) {
            m_scanFrom = m_buffer.size();
            if (m_buffer.size() - m_pos > m_limits.maxLineLength)
                return fail(m_bufferOffset + m_pos,
                            QStringLiteral("line longer than %1 bytes without a line end")
                                .arg(m_limits.maxLineLength));
            break;
        }
        if (!takeLine(newline))
            return false;
    }
    compact();
    return true;
}

bool ResponseParser::takeLine(qsizetype newline)
{
    const qint64 lineOffset = m_bufferOffset + m_pos;
    qsizetype end = newline;
    if (end > m_pos && m_buffer[end - 1] == '\r')
        --end;
    if (end - m_pos > m_limits.maxLineLength)
        return fail(lineOffset, QStringLiteral("line longer than %1 bytes").arg(m_limits.maxLineLength));
    Segment seg;
    seg.line = m_buffer.mid(m_pos, end - m_pos);
    seg.offset = lineOffset;
    m_pos = newline + 1;
    m_scanFrom = m_pos;
    m_partialSize += seg.line.size() + (newline - end) + 1;

    // RFC 3501 4.3: a literal is announced by "{" number "}" CRLF at the end of a line; RFC 7888's
    // "{n+}" and RFC 3516's "~{n}" are tolerated.
    const QByteArray& l = seg.line;
    if (l.endsWith('}')) {
        const qsizetype open = l.lastIndexOf('{');
        if (open >= 0) {
            QByteArrayView digits = QByteArrayView(l).sliced(open + 1, l.size() - open - 2);
            if (digits.endsWith('+'))
                digits.chop(1);
            const auto size = ResponseTokenizer::parseNumber(digits);
            const bool tokenStart =
                open == 0 || l[open - 1] == ' ' || l[open - 1] == '(' ||
                (l[open - 1] == '~' && (open == 1 || l[open - 2] == ' ' || l[open - 2] == '('));
            if (size && tokenStart) {
                if (static_cast<qint64>(*size) > m_limits.maxLiteralSize || digits.size() > 18)
                    return fail(lineOffset + open,
                                QStringLiteral("literal of %1 bytes is larger than the limit of %2 bytes "
                                               "(imap-literal)")
                                    .arg(QString::fromLatin1(digits.toByteArray()))
                                    .arg(m_limits.maxLiteralSize));
                if (m_partialSize + static_cast<qint64>(*size) > m_limits.maxResponseSize)
                    return fail(
                        lineOffset + open,
                        QStringLiteral("response larger than %1 bytes").arg(m_limits.maxResponseSize));
                seg.literalSize = static_cast<qint64>(*size);
                m_literalWanted = seg.literalSize;
                m_partialSize += seg.literalSize;
                m_segments.push_back(std::move(seg));
                return true;
            }
        }
    }
    if (m_partialSize > m_limits.maxResponseSize)
        return fail(lineOffset,
                    QStringLiteral("response larger than %1 bytes").arg(m_limits.maxResponseSize));
    m_segments.push_back(std::move(seg));
    finishResponse();
    return !m_error;
}

void ResponseParser::finishResponse()
{
    Response response;
    if (m_segments.front().line.isEmpty() && m_segments.size() == 1) {
        fail(m_segments.front().offset, QStringLiteral("empty line where a response was expected"));
        return;
    }
    if (auto problem = ResponseTokenizer::interpret(m_segments, m_limits.maxNestingDepth, response)) {
        m_error = std::move(problem);
        return;
    }
    m_ready.push_back(std::move(response));
    m_segments.clear();
    m_partialSize = 0;
}

void ResponseParser::compact()
{
    // Drop consumed bytes once they are a good share of the buffer, so memory stays proportional to
    // what is still pending and appends stay amortised O(1).
    if (m_pos > 0 && (m_pos == m_buffer.size() || m_pos >= 64 * 1024)) {
        m_buffer.remove(0, m_pos);
        m_bufferOffset += m_pos;
        m_scanFrom -= m_pos;
        m_pos = 0;
    }
}

Response ResponseParser::takeResponse()
{
    Response r = std::move(m_ready.front());
    m_ready.pop_front();
    return r;
}

void ResponseParser::reset()
{
    *this = ResponseParser(m_limits);
}

ResponseParser::Single ResponseParser::parseOne(QByteArrayView bytes)
{
    return parseOne(bytes, Limits());
}

ResponseParser::Single ResponseParser::parseOne(QByteArrayView bytes, Limits limits)
{
    ResponseParser parser(limits);
    Single single;
    if (!parser.feed(bytes)) {
        single.error = parser.error();
        return single;
    }
    if (!parser.hasResponse() || parser.bufferedBytes() > 0) {
        single.error = Error{parser.streamOffset(), QStringLiteral("incomplete response")};
        return single;
    }
    single.response = parser.takeResponse();
    if (parser.hasResponse())
        single.error = Error{parser.takeResponse().streamOffset, QStringLiteral("more than one response")};
    return single;
}

} // namespace authlens::sources::imap
