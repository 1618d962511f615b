// SPDX-License-Identifier: GPL-3.0-or-later
// Records-file parser (RFC 1035 5 presentation format, as the conformance suites write it): any text,
// then lookups of a few names in the zone it gives.
#include "dns/RecordsFileParser.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace authlens::dns;

namespace {

void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_records_file: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char*>(data), qsizetype(size));
    const RecordsFileParser::Result result = RecordsFileParser::parse(text, QStringLiteral("fuzz.zone"));
    require(result.ok() == result.error.isEmpty(), "an error exactly when the file is refused");
    if (!result.ok()) {
        require(result.errorLine >= 1, "a refused text names its line");
        return 0;
    }
    for (const char* name :
         {"example.com", "selector._domainkey.example.com", "_dmarc.example.com", "a", "."}) {
        for (const RecordType type :
             {RecordType::TXT, RecordType::A, RecordType::AAAA, RecordType::MX, RecordType::CNAME}) {
            (void)result.zone->lookup(name, type, 0);
        }
    }
    return 0;
}
