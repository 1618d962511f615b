// SPDX-License-Identifier: GPL-3.0-or-later
// DKIM key record (RFC 6376 3.6.1, RFC 8463 4): KeyRecord::parse over any TXT text.
#include "dkim/KeyRecord.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace authlens::dkim;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char*>(data), qsizetype(size));
    const KeyRecord::ParseResult result = KeyRecord::parse(text);
    if (!result.record) {
        if (result.error.isEmpty()) {
            std::fprintf(stderr, "fuzz_key_record: a refused record gives no reason\n");
            std::abort();
        }
        return 0;
    }
    const KeyRecord& record = *result.record;
    (void)record.revoked();
    (void)record.testing();
    (void)record.strictIdentity();
    (void)record.allowsHash(HashAlgorithm::Sha256);
    (void)record.allowsHash(HashAlgorithm::Sha1);
    (void)record.allowsEmailService();
    return 0;
}
