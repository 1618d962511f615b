// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkim/TagList.h"

namespace authlens::dkim {

namespace {

bool isFws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// RFC 6376 3.2: VALCHAR = %x21-3A / %x3C-7E (printable except ';').
bool isValChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x21 && u <= 0x7e && c != ';';
}

QByteArrayView trimmed(QByteArrayView text, qsizetype& startOffset)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isFws(text[begin]))
        ++begin;
    while (end > begin && isFws(text[end - 1]))
        --end;
    startOffset += begin;
    return text.sliced(begin, end - begin);
}

} // namespace

TagList::ParseResult TagList::parse(QByteArrayView text)
{
    TagList list;
    qsizetype pos = 0;
    while (pos <= text.size()) {
        qsizetype semicolon = text.indexOf(';', pos);
        if (semicolon < 0)
            semicolon = text.size();
        qsizetype specStart = pos;
        const QByteArrayView spec = trimmed(text.sliced(pos, semicolon - pos), specStart);
        if (spec.isEmpty()) {
            // Only a trailing ";" followed by nothing but FWS may leave an empty tag-spec.
            qsizetype after = semicolon + 1;
            while (after < text.size() && isFws(text[after]))
                ++after;
            if (semicolon >= text.size() || after >= text.size())
                break;
            return {std::nullopt, QStringLiteral("empty tag at offset %1").arg(pos)};
        }
        const qsizetype equals = spec.indexOf('=');
        if (equals < 0)
            return {std::nullopt,
                    QStringLiteral("\"%1\" at offset %2 is not tag=value")
                        .arg(QString::fromLatin1(spec.first(std::min<qsizetype>(40, spec.size()))))
                        .arg(specStart)};
        qsizetype nameStart = specStart;
        const QByteArrayView name = trimmed(spec.first(equals), nameStart);
        if (name.isEmpty() || !isAlpha(name[0]))
            return {std::nullopt, QStringLiteral("invalid tag name at offset %1").arg(nameStart)};
        for (char c : name) {
            // RFC 6376 3.2 allows ALPHA / DIGIT / "_"; "-" and "." occur in the field and name
            // tags that are ignored anyway (3.6.1 "unrecognized tags MUST be ignored").
            if (!isAlpha(c) && !isDigit(c) && c != '_' && c != '-' && c != '.')
                return {std::nullopt, QStringLiteral("invalid tag name \"%1\" at offset %2")
                                          .arg(QString::fromLatin1(name))
                                          .arg(nameStart)};
        }
        qsizetype valueStart = specStart + equals + 1;
        const QByteArrayView value = trimmed(spec.sliced(equals + 1), valueStart);
        for (qsizetype i = 0; i < value.size(); ++i) {
            const char c = value[i];
            if (isValChar(c))
                continue;
            if (c == ' ' || c == '\t')
                continue;
            // FWS inside a value: CRLF must be followed by WSP (RFC 5322 folding).
            if (c == '\r' && i + 2 < value.size() && value[i + 1] == '\n' &&
                (value[i + 2] == ' ' || value[i + 2] == '\t')) {
                ++i;
                continue;
            }
            return {std::nullopt,
                    QStringLiteral("invalid character 0x%1 in the value of tag \"%2\" at offset %3")
                        .arg(static_cast<unsigned char>(c), 2, 16, QLatin1Char('0'))
                        .arg(QString::fromLatin1(name))
                        .arg(valueStart + i)};
        }
        if (list.find(name))
            return {std::nullopt, QStringLiteral("duplicate tag \"%1\" at offset %2")
                                      .arg(QString::fromLatin1(name))
                                      .arg(nameStart)};
        list.m_tags.push_back({name.toByteArray(), value.toByteArray(), specStart + equals + 1, semicolon});
        pos = semicolon + 1;
    }
    return {std::move(list), QString()};
}

const Tag* TagList::find(QByteArrayView name) const
{
    for (const Tag& tag : m_tags) {
        if (tag.name == name)
            return &tag;
    }
    return nullptr;
}

QByteArray TagList::withoutWhitespace(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size());
    for (char c : value) {
        if (!isFws(c))
            out.append(c);
    }
    return out;
}

std::vector<QByteArray> TagList::colonList(QByteArrayView value)
{
    std::vector<QByteArray> out;
    qsizetype pos = 0;
    while (pos <= value.size()) {
        qsizetype colon = value.indexOf(':', pos);
        if (colon < 0)
            colon = value.size();
        qsizetype ignored = 0;
        out.push_back(trimmed(value.sliced(pos, colon - pos), ignored).toByteArray());
        pos = colon + 1;
    }
    return out;
}

} // namespace authlens::dkim
