// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Signature.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>

namespace authlens::dkim {

// RFC 6376 3.4 canonicalization.
//
// Header fields are small and canonicalized one at a time (header()). The body is canonicalized as a
// stream: update() takes the body in chunks of any size, even one byte, and the output is the same as
// for the whole body at once, because everything that depends on what follows (a CR that may start a
// CRLF, whitespace that may end a line, empty lines that may end the body) is held as state, not bytes.
// Output goes through a fixed buffer to the sink in pieces of up to bufferSize bytes; the body itself
// is never copied.
class Canonicalizer
{
public:
    using Sink = std::function<void(QByteArrayView)>;
    static constexpr qsizetype bufferSize = 16 * 1024;

    // One header field as received (name, colon, value with folding, final CRLF if any), canonicalized
    // with its final CRLF (RFC 6376 3.4.1, 3.4.2).
    static QByteArray header(QByteArrayView rawField, Canonicalization canonicalization);

    Canonicalizer(Canonicalization body, Sink sink);
    Canonicalizer(const Canonicalizer&) = delete;
    Canonicalizer& operator=(const Canonicalizer&) = delete;

    void update(QByteArrayView chunk);
    // Ends the body: applies the end-of-body rules (3.4.3, 3.4.4) and flushes. Call once.
    void finish();
    // Canonicalized bytes produced so far (all of them after finish()).
    quint64 outputSize() const { return m_outputSize; }

private:
    void put(char c)
    {
        if (m_used == bufferSize)
            flush();
        m_buffer[m_used++] = c;
    }
    void put(const char* data, qsizetype size);
    void putCrlfs(quint64 count);
    void flush();
    void updateSimple(const char* p, const char* end);
    void updateRelaxed(const char* p, const char* end);

    Canonicalization m_mode;
    Sink m_sink;
    quint64 m_outputSize = 0;
    quint64 m_pendingEmptyLines = 0; // CRLFs of empty lines not yet known to be inside the body
    bool m_pendingCr = false;        // a CR seen, not yet known to start a CRLF
    bool m_pendingWsp = false;       // relaxed: WSP seen on this line, not yet known to be trailing
    bool m_lineHasContent = false;
    bool m_finished = false;
    qsizetype m_used = 0;
    char m_buffer[bufferSize];
};

} // namespace authlens::dkim
