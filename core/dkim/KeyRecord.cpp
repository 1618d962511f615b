// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkim/KeyRecord.h"

namespace authlens::dkim {

namespace {

bool contains(const std::vector<QByteArray>& list, QByteArrayView item)
{
    for (const QByteArray& element : list) {
        if (element.compare(item, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

bool KeyRecord::testing() const
{
    return contains(flags, "y");
}

bool KeyRecord::strictIdentity() const
{
    return contains(flags, "s");
}

bool KeyRecord::allowsHash(HashAlgorithm hash) const
{
    return acceptableHashes.empty() || contains(acceptableHashes, hashName(hash));
}

bool KeyRecord::allowsEmailService() const
{
    return contains(serviceTypes, "*") || contains(serviceTypes, "email");
}

KeyRecord::ParseResult KeyRecord::parse(QByteArrayView text)
{
    TagList::ParseResult parsed = TagList::parse(text);
    if (!parsed.tags)
        return {std::nullopt, QStringLiteral("key record syntax error: ") + parsed.error};
    const TagList& tags = *parsed.tags;

    KeyRecord record;
    record.tags = tags;
    // RFC 6376 3.6.1 v=: if present it must be "DKIM1" and the first tag.
    if (const Tag* v = tags.find("v")) {
        if (v->value != "DKIM1")
            return {std::nullopt, QStringLiteral("key record version v=%1 is not DKIM1")
                                      .arg(QString::fromUtf8(v->value.left(40)))};
        if (&tags.tags().front() != v)
            return {std::nullopt, QStringLiteral("key record v= is not the first tag")};
    }
    if (const Tag* h = tags.find("h")) {
        for (const QByteArray& hash : TagList::colonList(h->value))
            record.acceptableHashes.push_back(hash.toLower());
    }
    if (const Tag* k = tags.find("k")) {
        record.keyTypeText = TagList::withoutWhitespace(k->value).toLower();
    }
    if (record.keyTypeText == "rsa")
        record.keyType = KeyType::Rsa;
    else if (record.keyTypeText == "ed25519")
        record.keyType = KeyType::Ed25519;
    if (const Tag* n = tags.find("n"))
        record.notes = n->value;
    const Tag* p = tags.find("p");
    if (!p)
        return {std::nullopt, QStringLiteral("key record has no p= tag")};
    const QByteArray compact = TagList::withoutWhitespace(p->value);
    if (!compact.isEmpty()) {
        auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return {std::nullopt, QStringLiteral("key record p= is not valid base64")};
        record.publicKey = decoded.decoded;
        if (record.publicKey.isEmpty())
            return {std::nullopt, QStringLiteral("key record p= is not valid base64")};
    }
    if (const Tag* s = tags.find("s")) {
        for (const QByteArray& service : TagList::colonList(s->value))
            record.serviceTypes.push_back(service.toLower());
    } else {
        record.serviceTypes.push_back("*");
    }
    if (const Tag* t = tags.find("t")) {
        for (const QByteArray& flag : TagList::colonList(t->value))
            record.flags.push_back(flag.toLower());
    }
    return {std::move(record), QString()};
}

} // namespace authlens::dkim
