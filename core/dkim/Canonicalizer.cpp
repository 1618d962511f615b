// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkim/Canonicalizer.h"

#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace authlens::dkim {

namespace {

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

// The bytes relaxed body canonicalization may change or must look past (RFC 6376 3.4.4).
bool isRelaxedSpecial(char c)
{
    return c == '\r' || c == ' ' || c == '\t';
}

// Offset of the first of the scanWidth bytes at p where relaxed body canonicalization (RFC 6376 3.4.4)
// has work to do: a CR, an HTAB, or an SP followed by CR, SP or HTAB; scanWidth when there is none. Reads
// p[scanWidth] too. Everything else (a single SP between two other bytes included) passes unchanged, and
// the body is mostly such bytes, so this is the hot loop of verification: 16 bytes at a time with SSE2
// (every x86-64 has it), a plain loop elsewhere.
#if defined(__SSE2__)
constexpr int scanWidth = 16;

__m128i relaxedSpecials(__m128i bytes)
{
    return _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8(' '))),
        _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\t')));
}

int firstRelaxedBreak(const char* p)
{
    const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
    const __m128i spaceBeforeSpecial =
        _mm_and_si128(_mm_cmpeq_epi8(here, _mm_set1_epi8(' ')), relaxedSpecials(next));
    const __m128i breaks = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(here, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(here, _mm_set1_epi8('\t'))),
        spaceBeforeSpecial);
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(breaks));
    return mask == 0 ? scanWidth : std::countr_zero(mask);
}
#else
constexpr int scanWidth = 8;

int firstRelaxedBreak(const char* p)
{
    for (int i = 0; i < scanWidth; ++i) {
        if (p[i] == '\r' || p[i] == '\t' || (p[i] == ' ' && isRelaxedSpecial(p[i + 1])))
            return i;
    }
    return scanWidth;
}
#endif

} // namespace

QByteArray Canonicalizer::header(QByteArrayView rawField, Canonicalization canonicalization)
{
    if (canonicalization == Canonicalization::Simple) {
        // RFC 6376 3.4.1: no change at all; a field that lost its line break gets it back, since every
        // field in the hash ends in CRLF.
        QByteArray out = rawField.toByteArray();
        if (!out.endsWith("\r\n"))
            out.append("\r\n");
        return out;
    }
    // RFC 6376 3.4.2: lowercase the name; unfold; WSP runs to one SP; no WSP at the end of the value
    // or around the colon.
    const qsizetype colon = rawField.indexOf(':');
    QByteArrayView name = colon < 0 ? rawField : rawField.first(colon);
    while (!name.isEmpty() && (isWsp(name.back()) || name.back() == '\r' || name.back() == '\n'))
        name.chop(1);
    // Written through a pointer into a buffer of the largest possible size, then cut to length: the
    // output is never longer than the field plus a CRLF.
    QByteArray out(rawField.size() + 3, Qt::Uninitialized);
    char* o = out.data();
    for (char c : name)
        *o++ = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
    *o++ = ':';
    if (colon >= 0) {
        QByteArrayView value = rawField.sliced(colon + 1);
        bool pendingSpace = false;
        bool started = false;
        for (qsizetype i = 0; i < value.size(); ++i) {
            const char c = value[i];
            if (c == '\r' && i + 1 < value.size() && value[i + 1] == '\n') {
                ++i; // unfold: a CRLF inside a field only ever precedes WSP; the final one goes too
                continue;
            }
            if (isWsp(c)) {
                pendingSpace = started;
                continue;
            }
            if (pendingSpace)
                *o++ = ' ';
            pendingSpace = false;
            started = true;
            *o++ = c;
        }
    }
    *o++ = '\r';
    *o++ = '\n';
    out.truncate(o - out.constData());
    return out;
}

Canonicalizer::Canonicalizer(Canonicalization body, Sink sink)
    : m_mode(body)
    , m_sink(std::move(sink))
{}

void Canonicalizer::put(const char* data, qsizetype size)
{
    while (size > 0) {
        if (m_used == bufferSize)
            flush();
        const qsizetype n = std::min(size, bufferSize - m_used);
        std::memcpy(m_buffer + m_used, data, size_t(n));
        m_used += n;
        data += n;
        size -= n;
    }
}

void Canonicalizer::putCrlfs(quint64 count)
{
    for (quint64 i = 0; i < count; ++i) {
        put('\r');
        put('\n');
    }
}

void Canonicalizer::flush()
{
    if (m_used == 0)
        return;
    m_outputSize += quint64(m_used);
    m_sink(QByteArrayView(m_buffer, m_used));
    m_used = 0;
}

void Canonicalizer::update(QByteArrayView chunk)
{
    if (chunk.isEmpty() || m_finished)
        return;
    const char* p = chunk.data();
    const char* end = p + chunk.size();
    if (m_mode == Canonicalization::Simple)
        updateSimple(p, end);
    else
        updateRelaxed(p, end);
}

// RFC 6376 3.4.3: bytes pass unchanged, except that empty lines at the end of the body are dropped.
void Canonicalizer::updateSimple(const char* p, const char* end)
{
    while (p < end) {
        if (m_pendingCr) {
            m_pendingCr = false;
            if (*p == '\n') {
                ++p;
                if (m_lineHasContent) {
                    put("\r\n", 2);
                    m_lineHasContent = false;
                } else {
                    ++m_pendingEmptyLines;
                }
                continue;
            }
            // A CR not followed by LF is content.
            putCrlfs(m_pendingEmptyLines);
            m_pendingEmptyLines = 0;
            put('\r');
            m_lineHasContent = true;
            continue;
        }
        if (*p == '\r') {
            m_pendingCr = true;
            ++p;
            continue;
        }
        // A run of content up to the next CR goes out in one piece.
        const auto* cr = static_cast<const char*>(std::memchr(p, '\r', size_t(end - p)));
        const char* runEnd = cr ? cr : end;
        if (m_pendingEmptyLines) {
            putCrlfs(m_pendingEmptyLines);
            m_pendingEmptyLines = 0;
        }
        put(p, runEnd - p);
        m_lineHasContent = true;
        p = runEnd;
    }
}

// RFC 6376 3.4.4: WSP runs become one SP, WSP at the end of a line goes, empty lines at the end go.
void Canonicalizer::updateRelaxed(const char* p, const char* end)
{
    for (; p < end; ++p) {
        const char c = *p;
        if (m_pendingCr) {
            m_pendingCr = false;
            if (c == '\n') {
                m_pendingWsp = false; // trailing WSP is dropped
                if (m_lineHasContent) {
                    put("\r\n", 2);
                    m_lineHasContent = false;
                } else {
                    ++m_pendingEmptyLines;
                }
                continue;
            }
            // The CR was content: emit it as such, then look at c below.
            if (m_pendingEmptyLines) {
                putCrlfs(m_pendingEmptyLines);
                m_pendingEmptyLines = 0;
            }
            if (m_pendingWsp) {
                put(' ');
                m_pendingWsp = false;
            }
            put('\r');
            m_lineHasContent = true;
        }
        if (c == '\r') {
            m_pendingCr = true;
        } else if (c == ' ' || c == '\t') {
            m_pendingWsp = true;
        } else {
            if (!m_lineHasContent && m_pendingEmptyLines) {
                putCrlfs(m_pendingEmptyLines);
                m_pendingEmptyLines = 0;
            }
            if (m_pendingWsp) {
                put(' ');
                m_pendingWsp = false;
            }
            // The rest of the line up to the next CR or WSP run needs no change: a single SP between two
            // other bytes stays as it is. Copy such a run in one piece instead of byte by byte.
            const char* run = p + 1;
            while (end - run > scanWidth) {
                const int offset = firstRelaxedBreak(run);
                run += offset;
                if (offset < scanWidth)
                    break;
            }
            // The last few bytes of the chunk (or the break just found), one at a time.
            for (;;) {
                while (run < end && !isRelaxedSpecial(*run))
                    ++run;
                if (end - run >= 2 && run[0] == ' ' && !isRelaxedSpecial(run[1]))
                    run += 2;
                else
                    break;
            }
            put(p, run - p);
            m_lineHasContent = true;
            p = run - 1;
        }
    }
}

void Canonicalizer::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_pendingCr) {
        // A lone CR at the very end is content.
        m_pendingCr = false;
        putCrlfs(m_pendingEmptyLines);
        m_pendingEmptyLines = 0;
        if (m_mode == Canonicalization::Relaxed && m_pendingWsp)
            put(' ');
        m_pendingWsp = false;
        put('\r');
        m_lineHasContent = true;
    }
    // A last line without CRLF gets one (3.4.3, 3.4.4); trailing WSP on it is dropped in relaxed.
    if (m_lineHasContent)
        put("\r\n", 2);
    // 3.4.3: an empty body is one CRLF in simple; 3.4.4: it stays empty in relaxed.
    if (m_mode == Canonicalization::Simple && m_outputSize == 0 && m_used == 0)
        put("\r\n", 2);
    flush();
}

} // namespace authlens::dkim
