// SPDX-License-Identifier: GPL-3.0-or-later
// Address parser (RFC 5322 3.4, 4.4) and the A-label conversion of domains (RFC 5890).
#include "mail/AddressParser.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace authlens::mail;

namespace {

void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_address: %s\n", what);
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView value(reinterpret_cast<const char*>(data), qsizetype(size));
    const AddressList list = AddressParser::parse(value);
    for (const AddressProblem& problem : list.problems)
        require(problem.position >= 0 && problem.position <= value.size(),
                "problem position outside the value");
    const QByteArray ace = AddressParser::toAce(value);
    for (char c : ace)
        require(!(c >= 'A' && c <= 'Z'), "toAce() output is not lower case");
    return 0;
}
