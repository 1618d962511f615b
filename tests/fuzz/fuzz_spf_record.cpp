// SPDX-License-Identifier: GPL-3.0-or-later
// SPF record parser (RFC 7208 4.5, 4.6, 5, 6, 12): Record::parse and Record::select over any text.
#include "spf/Record.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace authlens::spf;

namespace {

void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_spf_record: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)Record::isSpfRecord(text);
    const Record::Parse parse = Record::parse(text);
    for (const ParseError& error : parse.errors) {
        require(error.position >= 0 && error.position <= text.size(), "error position outside the record");
        (void)error.toString();
    }
    const Record& record = parse.record;
    for (const Mechanism& mechanism : record.mechanisms()) {
        require(mechanism.position >= 0 && mechanism.position <= text.size(),
                "term position outside the record");
        require(mechanism.ip4Prefix >= 0 && mechanism.ip4Prefix <= 32, "ip4 prefix out of range");
        require(mechanism.ip6Prefix >= 0 && mechanism.ip6Prefix <= 128, "ip6 prefix out of range");
        (void)mechanism.queriesDns();
        (void)mechanismName(mechanism.type);
        (void)qualifierChar(mechanism.qualifier);
    }
    for (const Modifier& modifier : record.modifiers())
        require(modifier.position >= 0 && modifier.position <= text.size(),
                "modifier position outside the record");
    (void)record.redirect();
    (void)record.explanation();
    (void)record.dnsQueryingTerms();
    // Record selection over the input split into TXT records at NUL bytes.
    const Record::Selection selection = Record::select(QByteArray(text.data(), text.size()).split('\0'));
    require(selection.status != Record::Selection::Status::One || selection.count == 1,
            "one record, count 1");
    return 0;
}
