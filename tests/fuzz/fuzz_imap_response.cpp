// SPDX-License-Identifier: GPL-3.0-or-later
// IMAP response parser (RFC 3501 7, 9): the input is fed to ResponseParser whole and in chunks whose
// sizes come from the first input bytes. Both must give the same responses and both fail or neither.
#include "sources/imap/ResponseParser.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace authlens::sources::imap;

namespace {

void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_imap_response: %s\n", what);
        std::abort();
    }
}

void describe(const Value& value, QByteArray& out)
{
    out.append(char('0' + int(value.kind))).append(value.fromLiteral ? "L" : "").append(value.text);
    out.append('@').append(QByteArray::number(value.streamOffset));
    if (value.kind == Value::Kind::List) {
        out.append('(');
        for (const Value& item : value.items)
            describe(item, out);
        out.append(')');
    }
    out.append(' ');
}

// Everything a caller can see of a response, as bytes to compare.
QByteArray describe(const Response& response)
{
    QByteArray out;
    out.append(char('0' + int(response.kind))).append(char('0' + int(response.status)));
    out.append(response.tag).append('|').append(response.code).append('|').append(response.codeArguments);
    out.append('|').append(response.text).append('|').append(response.name).append('|');
    out.append(response.number ? QByteArray::number(*response.number) : "-");
    out.append('|').append(QByteArray::number(response.streamOffset)).append('|');
    for (const Value& value : response.data)
        describe(value, out);
    if (response.fetch) {
        const FetchData& fetch = *response.fetch;
        out.append("|F").append(QByteArray::number(fetch.sequenceNumber));
        out.append(fetch.uid ? QByteArray::number(*fetch.uid) : "-");
        out.append(fetch.body ? *fetch.body : "-").append(fetch.internalDate);
        out.append(fetch.rfc822Size ? QByteArray::number(*fetch.rfc822Size) : "-");
        if (fetch.flags)
            out.append(fetch.flags->join(' '));
    }
    (void)response.codeWords();
    (void)response.codeNumber();
    return out;
}

struct Outcome
{
    std::vector<QByteArray> responses;
    bool failed = false;
};

Outcome run(QByteArrayView bytes, const std::vector<qsizetype>& chunks)
{
    // Small limits so the fuzzer reaches them with short inputs.
    ResponseParser::Limits limits;
    limits.maxLiteralSize = 4096;
    limits.maxLineLength = 2048;
    limits.maxResponseSize = 8192;
    limits.maxNestingDepth = 8;
    ResponseParser parser(limits);
    Outcome outcome;
    qsizetype pos = 0;
    std::size_t next = 0;
    while (pos < bytes.size() && !outcome.failed) {
        const qsizetype want = chunks.empty() ? bytes.size() : chunks[next++ % chunks.size()];
        const qsizetype n = std::min(want, bytes.size() - pos);
        outcome.failed = !parser.feed(bytes.sliced(pos, n));
        pos += n;
        while (parser.hasResponse())
            outcome.responses.push_back(describe(parser.takeResponse()));
        require(parser.bufferedBytes() >= 0, "negative buffered bytes");
    }
    require(outcome.failed == parser.error().has_value(), "feed() false exactly when there is an error");
    if (parser.error()) {
        require(parser.error()->offset >= 0 && parser.error()->offset <= bytes.size(),
                "error offset outside the stream");
        (void)parser.error()->toString();
    }
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::vector<qsizetype> chunks;
    std::size_t used = 0;
    while (used < size && used < 6 && data[used] != 0)
        chunks.push_back(qsizetype(data[used++] % 64) + 1);
    if (used < size && data[used] == 0)
        ++used;
    const QByteArrayView bytes(reinterpret_cast<const char*>(data) + used, qsizetype(size - used));

    const Outcome whole = run(bytes, {});
    const Outcome chunked = run(bytes, chunks.empty() ? std::vector<qsizetype>{1} : chunks);
    require(whole.failed == chunked.failed, "chunking changes whether the stream is broken");
    require(whole.responses == chunked.responses, "chunking changes the responses");
    (void)ResponseParser::parseOne(bytes);
    return 0;
}
