// SPDX-License-Identifier: GPL-3.0-or-later
#include "VerifyJson.h"

#include <QJsonArray>

namespace authlens::cli {

namespace {

QJsonArray names(const QList<QByteArray>& list)
{
    QJsonArray array;
    for (const QByteArray& name : list)
        array.append(QString::fromLatin1(name));
    return array;
}

} // namespace

QJsonObject VerifyJson::dkimResult(const dkim::Result& result)
{
    const dkim::Diagnostics& d = result.diagnostics;
    QJsonObject o;
    o.insert(QStringLiteral("domain"), QString::fromUtf8(result.domain));
    o.insert(QStringLiteral("selector"), QString::fromUtf8(result.selector));
    o.insert(QStringLiteral("algorithm"), QString::fromUtf8(result.algorithm));
    o.insert(QStringLiteral("result"), result.word());
    o.insert(QStringLiteral("reason"), result.reason);
    if (!result.auid.isEmpty())
        o.insert(QStringLiteral("auid"), QString::fromUtf8(result.auid));
    if (!result.canonicalization.isEmpty())
        o.insert(QStringLiteral("canonicalization"), QString::fromLatin1(result.canonicalization));
    if (result.keyBits > 0)
        o.insert(QStringLiteral("key_bits"), result.keyBits);
    if (!d.keyType.isEmpty())
        o.insert(QStringLiteral("key_type"), QString::fromLatin1(d.keyType));
    if (result.bodyHashOk)
        o.insert(QStringLiteral("body_hash_ok"), *result.bodyHashOk);
    if (result.signatureOk)
        o.insert(QStringLiteral("signature_ok"), *result.signatureOk);
    if (d.keyLooked) {
        o.insert(QStringLiteral("key_name"), QString::fromLatin1(d.keyDnsName));
        o.insert(QStringLiteral("key_lookup"), d.keyLookupStatus);
        if (!d.cnameChain.isEmpty())
            o.insert(QStringLiteral("key_cname_chain"), names(d.cnameChain));
        o.insert(QStringLiteral("dnssec"), dns::dnssecStatusName(d.dnssec));
    }
    if (!d.signedHeaderNames.isEmpty())
        o.insert(QStringLiteral("signed_headers"), names(d.signedHeaderNames));
    if (!d.oversignedHeaderNames.isEmpty())
        o.insert(QStringLiteral("oversigned_headers"), names(d.oversignedHeaderNames));
    if (result.bodyHashOk) {
        o.insert(QStringLiteral("body_bytes_covered"), qint64(d.bodyBytesCovered));
        o.insert(QStringLiteral("body_bytes_not_covered"), qint64(d.bodyBytesNotCovered));
    }
    if (d.likelyCause != dkim::LikelyCause::None)
        o.insert(QStringLiteral("likely_cause"), dkim::likelyCauseText(d.likelyCause));
    if (result.timestamp)
        o.insert(QStringLiteral("t"), *result.timestamp);
    if (result.expiration)
        o.insert(QStringLiteral("x"), *result.expiration);
    return o;
}

QJsonObject VerifyJson::message(const QString& file, const std::vector<dkim::Result>& dkim)
{
    QJsonArray array;
    for (const dkim::Result& result : dkim)
        array.append(dkimResult(result));
    QJsonObject o;
    o.insert(QStringLiteral("file"), file);
    o.insert(QStringLiteral("dkim"), array);
    return o;
}

QJsonObject VerifyJson::error(const QString& file, const QString& error)
{
    QJsonObject o;
    o.insert(QStringLiteral("file"), file);
    o.insert(QStringLiteral("error"), error);
    return o;
}

} // namespace authlens::cli
