// SPDX-License-Identifier: GPL-3.0-or-later
// Header field splitter: mail::Message::parse over any bytes. Checks that every field and the body lie
// inside the message and that fields come in order, besides ASan/UBSan's own checks.
#include "mail/Message.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using authlens::mail::Message;

namespace {

void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_header_fields: invariant broken: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const Message message = Message::parse(bytes);
    require(message.bytes() == bytes, "bytes() is the input");
    qsizetype previous = -1;
    int previousLine = 0;
    for (const auto& field : message.headerFields()) {
        require(field.offset >= 0 && field.offset < bytes.size(), "field offset inside the message");
        require(field.offset > previous, "fields in increasing offset order");
        require(field.line >= previousLine, "fields in line order");
        // A last line without a line break is kept as it is (a message that is all header).
        require(field.raw.endsWith("\r\n") ||
                    (!message.hasBodySeparator() && &field == &message.headerFields().back()),
                "a field ends in CRLF");
        require(field.value().size() < field.raw.size(), "value shorter than the field");
        (void)field.unfoldedValue();
        require(field.hasName(field.name), "a field has its own name");
        previous = field.offset;
        previousLine = field.line;
    }
    if (message.hasBodySeparator())
        require(message.bodyOffset() <= bytes.size(), "body offset inside the message");
    const QByteArrayView body = message.body();
    // The body view is CRLF-only when the message had bare LF, so no longer than twice the input.
    require(body.size() <= 2 * bytes.size(), "body size bounded");
    (void)message.fieldsNamed("From");
    (void)message.firstFieldNamed("DKIM-Signature");
    for (const auto& problem : message.problems())
        require(problem.offset >= 0 && problem.offset <= bytes.size(), "problem offset inside the message");
    return 0;
}
