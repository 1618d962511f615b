// SPDX-License-Identifier: GPL-3.0-or-later
// DKIM body canonicalization (RFC 6376 3.4.3, 3.4.4). The same bytes go through the streaming
// Canonicalizer whole and in chunks whose sizes come from the input; the outputs must be identical, must
// equal a plain line-by-line reading of the RFC, and BodyHasher must hash exactly that output. Header
// canonicalization runs on the same bytes; relaxed header output must be stable when applied again.
#include "dkim/BodyHasher.h"
#include "dkim/Canonicalizer.h"

#include <QCryptographicHash>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace authlens::dkim;

namespace {

void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_canonicalizer: %s\n", what);
        std::abort();
    }
}

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

// RFC 6376 3.4.4 for one line without its CRLF: WSP runs to one SP, no WSP at the end.
QByteArray relaxedLine(QByteArrayView line)
{
    QByteArray out;
    bool pendingSpace = false;
    for (char c : line) {
        if (isWsp(c)) {
            pendingSpace = true;
            continue;
        }
        if (pendingSpace)
            out.append(' ');
        pendingSpace = false;
        out.append(c);
    }
    return out;
}

// The reference: split at CRLF, transform each line, drop empty lines at the end, end each line in CRLF.
// A lone CR or LF is content. The simple empty body is one CRLF; the relaxed one stays empty.
QByteArray referenceBody(QByteArrayView body, Canonicalization mode)
{
    std::vector<QByteArray> lines;
    qsizetype start = 0;
    for (;;) {
        const qsizetype crlf = body.indexOf(QByteArrayView("\r\n"), start);
        if (crlf < 0)
            break;
        lines.push_back(body.sliced(start, crlf - start).toByteArray());
        start = crlf + 2;
    }
    if (start < body.size())
        lines.push_back(body.sliced(start).toByteArray()); // the last line, without CRLF: gets one
    if (mode == Canonicalization::Relaxed) {
        for (QByteArray& line : lines)
            line = relaxedLine(line);
    }
    while (!lines.empty() && lines.back().isEmpty())
        lines.pop_back();
    QByteArray out;
    for (const QByteArray& line : lines)
        out.append(line).append("\r\n");
    if (mode == Canonicalization::Simple && out.isEmpty())
        out = "\r\n";
    return out;
}

bool onlyCrlfLineBreaks(QByteArrayView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))
            return false;
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))
            return false;
    }
    return true;
}

QByteArray canonicalize(QByteArrayView body, Canonicalization mode, const std::vector<qsizetype>& chunks)
{
    QByteArray out;
    Canonicalizer canonicalizer(mode, [&out](QByteArrayView piece) { out.append(piece); });
    qsizetype pos = 0;
    std::size_t next = 0;
    while (pos < body.size()) {
        const qsizetype want = chunks.empty() ? body.size() : chunks[next++ % chunks.size()];
        const qsizetype n = std::min(want, body.size() - pos);
        canonicalizer.update(body.sliced(pos, n));
        pos += n;
    }
    canonicalizer.finish();
    require(canonicalizer.outputSize() == quint64(out.size()), "outputSize() counts the output");
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // The first bytes pick the chunk sizes (1..32 each, 0 ends the list); the rest is the body.
    std::vector<qsizetype> chunks;
    std::size_t used = 0;
    while (used < size && used < 8 && data[used] != 0)
        chunks.push_back(qsizetype(data[used++] % 32) + 1);
    if (used < size && data[used] == 0)
        ++used;
    const QByteArrayView body(reinterpret_cast<const char*>(data) + used, qsizetype(size - used));

    for (const Canonicalization mode : {Canonicalization::Simple, Canonicalization::Relaxed}) {
        const QByteArray whole = canonicalize(body, mode, {});
        const QByteArray chunked =
            canonicalize(body, mode, chunks.empty() ? std::vector<qsizetype>{1} : chunks);
        require(whole == chunked, "streaming in chunks and whole disagree");
        require(whole == referenceBody(body, mode), "the canonicalizer disagrees with the RFC reading");

        BodyHasher hasher(mode, HashAlgorithm::Sha256);
        qsizetype pos = 0;
        std::size_t next = 0;
        while (pos < body.size()) {
            const qsizetype n =
                std::min(chunks.empty() ? body.size() : chunks[next++ % chunks.size()], body.size() - pos);
            hasher.update(body.sliced(pos, n));
            pos += n;
        }
        const QByteArray digest = hasher.finish();
        require(digest == QCryptographicHash::hash(whole, QCryptographicHash::Sha256),
                "the chunked body hash is not the hash of the canonical body");
        require(hasher.canonicalLength() == quint64(whole.size()), "canonicalLength() is the canonical size");
        // l= cuts the hashed bytes at that length (RFC 6376 3.5).
        const quint64 limit = quint64(body.size()) / 2;
        require(BodyHasher::hash(body, mode, HashAlgorithm::Sha256, limit) ==
                    QCryptographicHash::hash(whole.left(qsizetype(limit)), QCryptographicHash::Sha256),
                "l= does not hash the first l canonical bytes");

        const QByteArray header = Canonicalizer::header(body, mode);
        require(header.endsWith("\r\n"), "a canonical header field ends in CRLF");
        // Stable when CR and LF come only as CRLF: unfolding can join a lone CR and a lone LF into a
        // new CRLF, which a second pass then unfolds (such bytes never reach a verifier as one field).
        if (mode == Canonicalization::Relaxed && body.contains(':') && onlyCrlfLineBreaks(body))
            require(Canonicalizer::header(header, mode) == header,
                    "relaxed header canonicalization is not stable");
    }
    return 0;
}
