// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/ChunkedLineReader.h"

#include <algorithm>
#include <cstring>

namespace authlens::sources {

bool ChunkedLineReader::open(const QString& path, qint64 chunkSize)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        m_error = m_file.errorString();
        return false;
    }
    m_size = m_file.size();
    m_chunkSize = std::max<qint64>(1, chunkSize);
    return seek(0);
}

bool ChunkedLineReader::seek(qint64 offset)
{
    m_buffer.clear();
    m_pos = 0;
    m_bufferOffset = offset;
    m_readOffset = offset;
    m_eof = offset >= m_size;
    m_atLineStart = true;
    if (offset < 0 || offset > m_size || !m_file.seek(offset)) {
        m_error = QStringLiteral("cannot seek to offset %1").arg(offset);
        m_eof = true;
        return false;
    }
    return true;
}

bool ChunkedLineReader::fill()
{
    if (m_eof)
        return false;
    // Drop what was handed out; what is left is a partial line or the look-ahead, small by design.
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_bufferOffset += m_pos;
        m_pos = 0;
    }
    const qint64 want = std::min(m_chunkSize, m_size - m_readOffset);
    if (want <= 0) {
        m_eof = true;
        return false;
    }
    const qsizetype old = m_buffer.size();
    m_buffer.resize(old + want);
    const qint64 got = m_file.read(m_buffer.data() + old, want);
    if (got <= 0) {
        m_buffer.resize(old);
        if (got < 0)
            m_error =
                QStringLiteral("read error at offset %1: %2").arg(m_readOffset).arg(m_file.errorString());
        m_eof = true;
        return false;
    }
    m_buffer.resize(old + got);
    m_readOffset += got;
    return true;
}

std::optional<ChunkedLineReader::Piece> ChunkedLineReader::next(qint64 maxBytes)
{
    if (available() == 0 && !fill())
        return std::nullopt;
    if (m_atLineStart) {
        // Make the head of the line visible whatever the chunk size, so decisions taken on it do not
        // depend on where a chunk happened to end.
        while (available() < lineStartLookahead && !m_eof &&
               !std::memchr(m_buffer.constData() + m_pos, '\n', size_t(available()))) {
            fill();
        }
    }
    const char* begin = m_buffer.constData() + m_pos;
    const qint64 limit = std::min(available(), std::max<qint64>(1, maxBytes));
    const void* lf = std::memchr(begin, '\n', size_t(limit));
    const qint64 length = lf ? static_cast<const char*>(lf) - begin + 1 : limit;

    Piece piece;
    piece.bytes = QByteArrayView(begin, length);
    piece.offset = m_bufferOffset + m_pos;
    piece.startsLine = m_atLineStart;
    m_pos += length;
    // The size taken at open is the end: a file that grows while it is read is read as it was.
    piece.endOfFile = available() == 0 && (m_eof || m_readOffset >= m_size);
    piece.endsLine = lf != nullptr || piece.endOfFile;
    m_atLineStart = lf != nullptr;
    return piece;
}

QByteArray ChunkedLineReader::peekAt(qint64 offset, qint64 n)
{
    if (offset < 0 || offset >= m_size || n <= 0)
        return {};
    QByteArray bytes(std::min(n, m_size - offset), Qt::Uninitialized);
    const qint64 here = m_file.pos();
    qint64 got = -1;
    if (m_file.seek(offset))
        got = m_file.read(bytes.data(), bytes.size());
    m_file.seek(here);
    bytes.resize(std::max<qint64>(0, got));
    return bytes;
}

} // namespace authlens::sources
