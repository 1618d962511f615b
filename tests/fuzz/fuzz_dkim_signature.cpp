// SPDX-License-Identifier: GPL-3.0-or-later
// DKIM-Signature tag list (RFC 6376 3.2, 3.5): TagList::parse and SignatureParser::parse over any bytes.
// The value offsets of every tag must lie inside the text, since the verifier blanks b= by them.
#include "dkim/SignatureParser.h"
#include "dkim/TagList.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace authlens::dkim;

namespace {

void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_dkim_signature: invariant broken: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char*>(data), qsizetype(size));
    const TagList::ParseResult list = TagList::parse(text);
    require(list.tags.has_value() || !list.error.isEmpty(), "a refused tag list says why");
    if (list.tags) {
        for (const Tag& tag : list.tags->tags()) {
            require(tag.valueStart >= 0 && tag.valueStart <= tag.valueEnd && tag.valueEnd <= text.size(),
                    "tag value span inside the text");
            (void)TagList::withoutWhitespace(tag.value);
            (void)TagList::colonList(tag.value);
        }
    }
    const SignatureParser::Result result = SignatureParser::parse(text);
    require(result.signature.has_value() || !result.error.isEmpty(), "an unusable signature says why");
    (void)SignatureParser::decodeQuotedPrintable(text);
    return 0;
}
