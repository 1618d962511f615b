// SPDX-License-Identifier: GPL-3.0-or-later
#include "spf/MacroExpander.h"

#include <QList>

#include <algorithm>
#include <cctype>

namespace authlens::spf {

namespace {

bool isDelimiter(char c)
{
    // RFC 7208 7.1: delimiter = "." / "-" / "+" / "," / "/" / "_" / "="
    return c == '.' || c == '-' || c == '+' || c == ',' || c == '/' || c == '_' || c == '=';
}

bool isUnreserved(char c)
{
    // RFC 3986 2.3, which RFC 7208 7.3 names for escaping upper-case macros.
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

QByteArray urlEscape(const QByteArray& value)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(value.size() * 3);
    for (char c : value) {
        if (isUnreserved(c)) {
            out += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0x0f];
        }
    }
    return out;
}

// RFC 7208 7.3: split on the delimiters, optionally reverse, keep the right-most `keep` parts, join with ".".
QByteArray transform(const QByteArray& value, int keep, bool reverse, const QByteArray& delimiters)
{
    if (keep == 0 && !reverse && delimiters.isEmpty())
        return value;
    const QByteArray splitOn = delimiters.isEmpty() ? QByteArray(".") : delimiters;
    QList<QByteArray> parts;
    QByteArray current;
    for (char c : value) {
        if (splitOn.contains(c)) {
            parts.append(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.append(current);
    if (reverse)
        std::reverse(parts.begin(), parts.end());
    if (keep > 0 && keep < parts.size())
        parts = parts.mid(parts.size() - keep);
    return parts.join('.');
}

bool letterAllowed(char lower, MacroExpander::Usage usage)
{
    static const QByteArray domainLetters("slodiphv");
    static const QByteArray explanationOnly("crt");
    if (domainLetters.contains(lower))
        return true;
    return explanationOnly.contains(lower) && usage != MacroExpander::Usage::DomainSpec;
}

} // namespace

MacroExpander::MacroExpander(MacroContext context)
    : m_context(std::move(context))
{}

MacroExpander::Expansion MacroExpander::expand(QByteArrayView macroString, Usage usage) const
{
    return run(macroString, usage, true);
}

std::optional<MacroExpander::Error> MacroExpander::check(QByteArrayView macroString, Usage usage)
{
    const MacroExpander syntaxOnly{MacroContext{}};
    return syntaxOnly.run(macroString, usage, false).error;
}

MacroExpander::Expansion MacroExpander::run(QByteArrayView input, Usage usage, bool withValues) const
{
    Expansion result;
    auto fail = [&result](qsizetype position, QString reason) {
        result.error = Error{int(position), std::move(reason)};
        result.text.clear();
        return result;
    };
    // RFC 7208 7.1: macro-literal = %x21-24 / %x26-7E; explanations also carry spaces (6.2).
    const char lowestLiteral = usage == Usage::Explanation ? '\x20' : '\x21';
    std::optional<QByteArray> validatedName; // %{p} is looked up once per expansion at most

    for (qsizetype i = 0; i < input.size(); ++i) {
        const char c = input[i];
        if (c != '%') {
            if (c < lowestLiteral || c > '\x7e')
                return fail(i, QStringLiteral("character 0x%1 is not allowed here (RFC 7208 7.1)")
                                   .arg(static_cast<unsigned char>(c), 2, 16, QLatin1Char('0')));
            result.text += c;
            continue;
        }
        if (i + 1 >= input.size())
            return fail(i, QStringLiteral(
                               "\"%\" at the end: write \"%%\" for a literal percent sign (RFC 7208 7.1)"));
        const char next = input[i + 1];
        if (next == '%') {
            result.text += '%';
            ++i;
            continue;
        }
        if (next == '_') {
            result.text += ' ';
            ++i;
            continue;
        }
        if (next == '-') {
            result.text += "%20";
            ++i;
            continue;
        }
        if (next != '{')
            return fail(i, QStringLiteral("\"%%1\" is not a macro: expected %{, %%, %_ or %- (RFC 7208 7.1)")
                               .arg(QLatin1Char(next)));
        const qsizetype close = input.indexOf('}', i + 2);
        if (close < 0)
            return fail(i, QStringLiteral("unterminated macro: no closing \"}\" (RFC 7208 7.1)"));
        const QByteArrayView body = input.sliced(i + 2, close - i - 2);
        if (body.isEmpty())
            return fail(i, QStringLiteral("empty macro \"%{}\" (RFC 7208 7.1)"));
        const char letter = body[0];
        const char lower = char(std::tolower(static_cast<unsigned char>(letter)));
        if (!std::isalpha(static_cast<unsigned char>(letter)) || !letterAllowed(lower, usage)) {
            if (std::isalpha(static_cast<unsigned char>(letter)) && QByteArray("crt").contains(lower))
                return fail(
                    i, QStringLiteral("macro letter \"%1\" is only allowed in explanations (RFC 7208 7.3)")
                           .arg(QLatin1Char(letter)));
            return fail(
                i, QStringLiteral("unknown macro letter \"%1\" (RFC 7208 7.2)").arg(QLatin1Char(letter)));
        }
        qsizetype k = 1;
        int keep = 0;
        bool haveDigits = false;
        while (k < body.size() && body[k] >= '0' && body[k] <= '9') {
            haveDigits = true;
            keep = std::min(keep * 10 + (body[k] - '0'), 1000); // more parts than any name has means "all"
            ++k;
        }
        if (haveDigits && keep == 0)
            return fail(i, QStringLiteral("macro transformer digit must not be zero (RFC 7208 7.3)"));
        bool reverse = false;
        if (k < body.size() && (body[k] == 'r' || body[k] == 'R')) {
            reverse = true;
            ++k;
        }
        QByteArray delimiters;
        for (; k < body.size(); ++k) {
            if (!isDelimiter(body[k]))
                return fail(i + 2 + k,
                            QStringLiteral("\"%1\" in macro \"%%2\" is not a transformer or delimiter "
                                           "(RFC 7208 7.1)")
                                .arg(QString(QLatin1Char(body[k])),
                                     QString::fromLatin1(input.sliced(i + 1, close - i))));
            delimiters += body[k];
        }
        if (withValues) {
            QByteArray value;
            if (lower == 'p') {
                if (!validatedName)
                    validatedName =
                        m_context.validatedName ? m_context.validatedName() : QByteArray("unknown");
                value = *validatedName;
            } else {
                value = letterValue(lower);
            }
            value = transform(value, keep, reverse, delimiters);
            if (std::isupper(static_cast<unsigned char>(letter)))
                value = urlEscape(value);
            result.text += value;
        }
        i = close;
    }
    return result;
}

QByteArray MacroExpander::letterValue(char letter) const
{
    const QHostAddress& ip = m_context.ip;
    const bool v4 = ip.protocol() == QAbstractSocket::IPv4Protocol;
    switch (letter) {
    case 's':
        return m_context.sender;
    case 'l':
        return m_context.localPart;
    case 'o':
        return m_context.senderDomain;
    case 'd':
        return m_context.domain;
    case 'i':
        return ipMacroValue(ip);
    case 'v':
        return v4 ? QByteArray("in-addr") : QByteArray("ip6");
    case 'h':
        return m_context.helo;
    case 'c':
        return ip.toString().toLatin1();
    case 'r':
        return m_context.receiver.isEmpty() ? QByteArray("unknown") : m_context.receiver;
    case 't':
        return QByteArray::number(m_context.timestamp);
    default:
        return {};
    }
}

QByteArray MacroExpander::ipMacroValue(const QHostAddress& ip)
{
    if (ip.protocol() == QAbstractSocket::IPv4Protocol)
        return ip.toString().toLatin1();
    if (ip.protocol() != QAbstractSocket::IPv6Protocol)
        return {};
    static const char hex[] = "0123456789ABCDEF";
    const Q_IPV6ADDR bytes = ip.toIPv6Address();
    QByteArray out;
    out.reserve(63);
    for (int b = 0; b < 16; ++b) {
        if (b > 0)
            out += '.';
        out += hex[bytes[b] >> 4];
        out += '.';
        out += hex[bytes[b] & 0x0f];
    }
    return out;
}

QByteArray MacroExpander::truncateDomain(QByteArray name)
{
    while (name.size() > 253) {
        const qsizetype dot = name.indexOf('.');
        if (dot < 0)
            return name; // one huge label: left as is, the caller rejects it as invalid
        name.remove(0, dot + 1);
    }
    return name;
}

} // namespace authlens::spf
