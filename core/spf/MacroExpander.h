// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <functional>
#include <optional>

namespace authlens::spf {

// The values the macro letters of RFC 7208 7.2 stand for, for one check_host() invocation.
struct MacroContext
{
    QByteArray sender;               // s: <sender>, local-part@domain as given
    QByteArray localPart;            // l
    QByteArray senderDomain;         // o
    QByteArray domain;               // d: the current <domain> (changes with include / redirect)
    QHostAddress ip;                 // i, c, v: the client address (IPv4-mapped IPv6 already unmapped)
    QByteArray helo;                 // h
    QByteArray receiver = "unknown"; // r (explanation only)
    qint64 timestamp = 0;            // t (explanation only), seconds since the epoch
    // p: the validated domain name of `ip` (RFC 7208 7.3, 5.5). Called at most once per expansion,
    // only when a %{p} occurs, because it costs DNS queries. Unset means "unknown".
    std::function<QByteArray()> validatedName;
};

// Expands RFC 7208 section 7 macro-strings: %{s} %{l} %{o} %{d} %{i} %{p} %{v} %{h}, in explanations
// also %{c} %{r} %{t}; the transformers (a digit count and "r"), delimiters, %% %_ %-, and URL escaping
// for upper-case letters.
class MacroExpander
{
public:
    // Where the string comes from decides which letters and characters it may contain.
    enum class Usage
    {
        DomainSpec,  // a <domain-spec> of a mechanism, redirect= or exp=: no c, r, t (RFC 7208 7.3)
        Explanation, // the TXT text exp= points to: every letter, spaces allowed (RFC 7208 6.2)
        Modifier,    // the value of an unknown modifier: every letter, syntax checked only (RFC 7208 6)
    };

    struct Error
    {
        int position = 0; // offset in the macro-string
        QString reason;
    };

    struct Expansion
    {
        QByteArray text;
        std::optional<Error> error;
        bool ok() const { return !error.has_value(); }
    };

    explicit MacroExpander(MacroContext context);

    Expansion expand(QByteArrayView macroString, Usage usage) const;

    // Syntax only, no values needed: what Record uses to reject bad macros before any lookup.
    static std::optional<Error> check(QByteArrayView macroString, Usage usage);

    // RFC 7208 7.3: a name over 253 octets loses labels from the left until it fits.
    static QByteArray truncateDomain(QByteArray name);

    // %{i}: dotted-quad for IPv4; for IPv6 the 32 nibbles, dot-separated, upper-case hex, as the RFC
    // 7208 test suite and pyspf write them (DNS names compare case-insensitively).
    static QByteArray ipMacroValue(const QHostAddress& ip);

private:
    Expansion run(QByteArrayView macroString, Usage usage, bool withValues) const;
    QByteArray letterValue(char letter) const;

    MacroContext m_context;
};

} // namespace authlens::spf
