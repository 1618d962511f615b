// SPDX-License-Identifier: GPL-3.0-or-later
// DMARC record parser (RFC 9989 4.7, RFC 7489 6.3): Record::parse over any TXT text.
#include "dmarc/Record.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace authlens::dmarc;

namespace {

void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_dmarc_record: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char*>(data), qsizetype(size));
    const Record record = Record::parse(text);
    require(record.isDmarc == Record::startsWithVersion(text) || !record.isDmarc,
            "parse() takes a record startsWithVersion() refuses");
    for (const RecordProblem& problem : record.problems)
        require(problem.position >= 0 && problem.position <= text.size(),
                "problem position outside the record");
    if (record.pct)
        require(*record.pct >= 0 && *record.pct <= 100, "pct outside 0..100");
    (void)record.hasValidRua();
    (void)record.hasInvalidPolicy(true);
    (void)record.hasInvalidPolicy(false);
    if (record.p)
        (void)weakerPolicy(*record.p);
    return 0;
}
