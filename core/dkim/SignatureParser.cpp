// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkim/SignatureParser.h"

#include <limits>

namespace authlens::dkim {

QByteArray algorithmName(Algorithm algorithm)
{
    switch (algorithm) {
    case Algorithm::RsaSha256:
        return "rsa-sha256";
    case Algorithm::RsaSha1:
        return "rsa-sha1";
    case Algorithm::Ed25519Sha256:
        return "ed25519-sha256";
    }
    return {};
}

QByteArray canonicalizationName(Canonicalization canonicalization)
{
    return canonicalization == Canonicalization::Simple ? "simple" : "relaxed";
}

HashAlgorithm hashOf(Algorithm algorithm)
{
    return algorithm == Algorithm::RsaSha1 ? HashAlgorithm::Sha1 : HashAlgorithm::Sha256;
}

KeyType keyTypeOf(Algorithm algorithm)
{
    return algorithm == Algorithm::Ed25519Sha256 ? KeyType::Ed25519 : KeyType::Rsa;
}

QByteArray hashName(HashAlgorithm hash)
{
    return hash == HashAlgorithm::Sha1 ? "sha1" : "sha256";
}

QByteArray keyTypeName(KeyType type)
{
    return type == KeyType::Rsa ? "rsa" : "ed25519";
}

QByteArray Signature::canonicalizationText() const
{
    return canonicalizationName(headerCanonicalization) + '/' + canonicalizationName(bodyCanonicalization);
}

QByteArray Signature::auidDomain() const
{
    const qsizetype at = auid.lastIndexOf('@');
    return at < 0 ? QByteArray() : auid.mid(at + 1).toLower();
}

QByteArray Signature::keyName() const
{
    return selector + "._domainkey." + sdid;
}

namespace {

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

// RFC 6376 3.5: l=, t=, x= are 1*76DIGIT. More than fits in 64 bits saturates (a body length that large
// covers any body; a time that large is never reached).
std::optional<quint64> parseNumber(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 76)
        return std::nullopt;
    quint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const quint64 digit = quint64(c - '0');
        if (value > (std::numeric_limits<quint64>::max() - digit) / 10)
            value = std::numeric_limits<quint64>::max();
        else
            value = value * 10 + digit;
    }
    return value;
}

qint64 toTime(quint64 value)
{
    return value > quint64(std::numeric_limits<qint64>::max()) ? std::numeric_limits<qint64>::max()
                                                               : qint64(value);
}

std::optional<QByteArray> decodeBase64(QByteArrayView value)
{
    const QByteArray compact = TagList::withoutWhitespace(value);
    auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

// RFC 6376 3.5 d=: a domain name; we accept LDH labels and underscores, not empty labels.
bool isDomainName(QByteArrayView name)
{
    if (name.isEmpty() || name.size() > 253)
        return false;
    qsizetype labelLength = 0;
    for (char c : name) {
        if (c == '.') {
            if (labelLength == 0)
                return false;
            labelLength = 0;
            continue;
        }
        const auto u = static_cast<unsigned char>(c);
        if (!(isHex(c) || (c >= 'g' && c <= 'z') || (c >= 'G' && c <= 'Z') || c == '-' || c == '_' ||
              u >= 0x80))
            return false;
        if (++labelLength > 63)
            return false;
    }
    return labelLength > 0;
}

bool isSubdomainOrSame(QByteArrayView child, QByteArrayView parent)
{
    if (child.compare(parent, Qt::CaseInsensitive) == 0)
        return true;
    return child.size() > parent.size() && child[child.size() - parent.size() - 1] == '.' &&
           child.last(parent.size()).compare(parent, Qt::CaseInsensitive) == 0;
}

QString quoted(QByteArrayView text)
{
    return QStringLiteral("\"%1\"").arg(QString::fromUtf8(text.first(std::min<qsizetype>(60, text.size()))));
}

} // namespace

std::optional<QByteArray> SignatureParser::decodeQuotedPrintable(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue; // FWS is not part of the value (RFC 6376 2.11)
        if (c != '=') {
            out.append(c);
            continue;
        }
        if (i + 2 >= text.size() || !isHex(text[i + 1]) || !isHex(text[i + 2]))
            return std::nullopt;
        out.append(char(QByteArray::fromHex(text.sliced(i + 1, 2).toByteArray()).at(0)));
        i += 2;
    }
    return out;
}

SignatureParser::Result SignatureParser::parse(QByteArrayView fieldValue)
{
    Result result;
    TagList::ParseResult parsed = TagList::parse(fieldValue);
    if (!parsed.tags) {
        result.error = QStringLiteral("signature syntax error: ") + parsed.error;
        return result;
    }
    const TagList& tags = *parsed.tags;
    result.tags = tags;
    if (const Tag* d = tags.find("d"))
        result.domain = TagList::withoutWhitespace(d->value);
    if (const Tag* s = tags.find("s"))
        result.selector = TagList::withoutWhitespace(s->value);
    if (const Tag* a = tags.find("a"))
        result.algorithm = TagList::withoutWhitespace(a->value);

    auto fail = [&result](const QString& why) {
        result.error = why;
        return result;
    };

    // RFC 6376 6.1.1: every required tag present.
    for (const char* required : {"v", "a", "b", "bh", "d", "h", "s"}) {
        if (!tags.find(required))
            return fail(QStringLiteral("required tag %1= is missing").arg(QLatin1String(required)));
    }

    Signature sig;
    sig.tags = tags;

    const QByteArray version = TagList::withoutWhitespace(tags.find("v")->value);
    if (version != "1")
        return fail(
            QStringLiteral("unsupported signature version v=%1 (only 1 is defined)").arg(quoted(version)));

    const QByteArray algorithm = result.algorithm.toLower();
    if (algorithm == "rsa-sha256")
        sig.algorithm = Algorithm::RsaSha256;
    else if (algorithm == "rsa-sha1")
        sig.algorithm = Algorithm::RsaSha1;
    else if (algorithm == "ed25519-sha256")
        sig.algorithm = Algorithm::Ed25519Sha256;
    else
        return fail(QStringLiteral("unsupported signing algorithm a=%1").arg(quoted(result.algorithm)));

    const auto signature = decodeBase64(tags.find("b")->value);
    if (!signature || signature->isEmpty())
        return fail(QStringLiteral("b= is not valid base64 or is empty"));
    sig.signature = *signature;
    const auto bodyHash = decodeBase64(tags.find("bh")->value);
    if (!bodyHash || bodyHash->isEmpty())
        return fail(QStringLiteral("bh= is not valid base64 or is empty"));
    sig.bodyHash = *bodyHash;

    if (const Tag* c = tags.find("c")) {
        const QByteArray text = TagList::withoutWhitespace(c->value).toLower();
        const qsizetype slash = text.indexOf('/');
        const QByteArray header = slash < 0 ? text : text.left(slash);
        const QByteArray body = slash < 0 ? QByteArray("simple") : text.mid(slash + 1);
        auto canon = [](const QByteArray& name) -> std::optional<Canonicalization> {
            if (name == "simple")
                return Canonicalization::Simple;
            if (name == "relaxed")
                return Canonicalization::Relaxed;
            return std::nullopt;
        };
        const auto h = canon(header);
        const auto b = canon(body);
        if (!h || !b)
            return fail(QStringLiteral("unsupported canonicalization c=%1").arg(quoted(c->value)));
        sig.headerCanonicalization = *h;
        sig.bodyCanonicalization = *b;
    }

    sig.sdid = result.domain.toLower();
    if (!isDomainName(sig.sdid))
        return fail(QStringLiteral("d=%1 is not a domain name").arg(quoted(result.domain)));
    sig.selector = result.selector;
    if (!isDomainName(sig.selector))
        return fail(QStringLiteral("s=%1 is not a valid selector").arg(quoted(result.selector)));

    bool hasFrom = false;
    for (const QByteArray& name : TagList::colonList(tags.find("h")->value)) {
        if (name.isEmpty())
            return fail(QStringLiteral("h= has an empty header field name"));
        for (char ch : name) {
            const auto u = static_cast<unsigned char>(ch);
            if (u < 33 || u > 126)
                return fail(QStringLiteral("h= has an invalid header field name %1").arg(quoted(name)));
        }
        hasFrom |= name.compare("from", Qt::CaseInsensitive) == 0;
        sig.signedHeaderNames.push_back(name);
    }
    // RFC 6376 5.4: the From header field MUST be signed.
    if (!hasFrom)
        return fail(QStringLiteral("h= does not include From, which must be signed (RFC 6376 5.4)"));

    if (const Tag* i = tags.find("i")) {
        const auto auid = decodeQuotedPrintable(i->value);
        if (!auid)
            return fail(QStringLiteral("i=%1 is not valid dkim-quoted-printable").arg(quoted(i->value)));
        const qsizetype at = auid->lastIndexOf('@');
        if (at < 0)
            return fail(QStringLiteral("i=%1 has no @").arg(quoted(*auid)));
        sig.auid = *auid;
        // RFC 6376 6.1.1: the i= domain must be d= or a subdomain of it.
        if (!isSubdomainOrSame(sig.auidDomain(), sig.sdid))
            return fail(QStringLiteral("i= domain %1 is not d=%2 or a subdomain of it")
                            .arg(quoted(sig.auidDomain()), quoted(sig.sdid)));
    } else {
        sig.auid = '@' + sig.sdid;
    }

    if (const Tag* l = tags.find("l")) {
        const auto length = parseNumber(TagList::withoutWhitespace(l->value));
        if (!length)
            return fail(QStringLiteral("l=%1 is not a number").arg(quoted(l->value)));
        sig.bodyLength = *length;
    }

    if (const Tag* q = tags.find("q")) {
        // RFC 6376 3.5 q=: a colon-separated list; dns/txt is the only method defined.
        bool dnsTxt = false;
        for (const QByteArray& method : TagList::colonList(q->value)) {
            const QByteArray lower = method.toLower();
            dnsTxt |= lower == "dns/txt" || lower == "dns";
        }
        if (!dnsTxt)
            return fail(QStringLiteral("unsupported query method q=%1 (only dns/txt is defined)")
                            .arg(quoted(q->value)));
    }

    if (const Tag* t = tags.find("t")) {
        const auto timestamp = parseNumber(TagList::withoutWhitespace(t->value));
        if (!timestamp)
            return fail(QStringLiteral("t=%1 is not a number").arg(quoted(t->value)));
        sig.timestamp = toTime(*timestamp);
    }
    if (const Tag* x = tags.find("x")) {
        const auto expiration = parseNumber(TagList::withoutWhitespace(x->value));
        if (!expiration)
            return fail(QStringLiteral("x=%1 is not a number").arg(quoted(x->value)));
        sig.expiration = toTime(*expiration);
    }
    // RFC 6376 3.5 x=: "the value of the x= tag MUST be greater than the value of the t= tag".
    if (sig.timestamp && sig.expiration && *sig.expiration < *sig.timestamp)
        return fail(
            QStringLiteral("x= (%1) is earlier than t= (%2)").arg(*sig.expiration).arg(*sig.timestamp));

    if (const Tag* z = tags.find("z"))
        sig.copiedHeaders = z->value;

    result.signature = std::move(sig);
    return result;
}

} // namespace authlens::dkim
