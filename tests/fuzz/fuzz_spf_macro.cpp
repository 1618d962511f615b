// SPDX-License-Identifier: GPL-3.0-or-later
// SPF macro expander (RFC 7208 7): expand() in every usage with an IPv4 and an IPv6 client, check(), and
// truncateDomain(). A macro-string the syntax check accepts must expand without error, and the other
// way round, since Record relies on check() to reject bad macros before any lookup.
#include "spf/MacroExpander.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace authlens::spf;

namespace {

void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_spf_macro: %s\n", what);
        std::abort();
    }
}

MacroContext context(const QHostAddress& ip)
{
    MacroContext c;
    c.sender = "strong-bad@email.example.com";
    c.localPart = "strong-bad";
    c.senderDomain = "email.example.com";
    c.domain = "email.example.com";
    c.ip = ip;
    c.helo = "mx.example.org";
    c.receiver = "receiver.example.net";
    c.timestamp = 1700000000;
    c.validatedName = [] { return QByteArray("mx.example.org"); };
    return c;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView text(reinterpret_cast<const char*>(data), qsizetype(size));
    static const MacroExpander v4(context(QHostAddress(QStringLiteral("192.0.2.3"))));
    static const MacroExpander v6(context(QHostAddress(QStringLiteral("2001:db8::cb01"))));
    for (const auto usage : {MacroExpander::Usage::DomainSpec, MacroExpander::Usage::Explanation,
                             MacroExpander::Usage::Modifier}) {
        const auto syntax = MacroExpander::check(text, usage);
        for (const MacroExpander* expander : {&v4, &v6}) {
            const MacroExpander::Expansion expansion = expander->expand(text, usage);
            require(expansion.ok() == !syntax.has_value(), "check() and expand() disagree");
            if (expansion.error)
                require(expansion.error->position >= 0 && expansion.error->position <= text.size(),
                        "error position outside the macro-string");
        }
    }
    const QByteArray truncated = MacroExpander::truncateDomain(text.toByteArray());
    require(truncated.size() <= 253 || !truncated.contains('.'),
            "truncateDomain leaves a long name with a dot");
    return 0;
}
