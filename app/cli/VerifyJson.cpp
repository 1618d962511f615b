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

QJsonValue text(const QByteArray& value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromUtf8(value));
}

QJsonValue optionalText(const std::optional<QByteArray>& value)
{
    return value ? text(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalBool(const std::optional<bool>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalPolicy(const std::optional<dmarc::Policy>& policy)
{
    return policy ? QJsonValue(dmarc::policyName(*policy)) : QJsonValue(QJsonValue::Null);
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

QJsonObject VerifyJson::spf(const pipeline::Analysis& analysis)
{
    const mail::Envelope& e = analysis.envelope;
    QJsonObject o;
    o.insert(QStringLiteral("ip"),
             e.clientIp.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(e.clientIp.toString()));
    o.insert(QStringLiteral("mailfrom"),
             e.hasMailFrom ? QJsonValue(QString::fromUtf8(e.mailFrom)) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("helo"), text(e.helo));
    o.insert(QStringLiteral("note"), analysis.spfNote);
    if (!analysis.spf) {
        o.insert(QStringLiteral("result"), QStringLiteral("none"));
        o.insert(QStringLiteral("domain"), QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("explanation"), QJsonValue(QJsonValue::Null));
        o.insert(QStringLiteral("evaluated"), false);
        return o;
    }
    const spf::Result& r = *analysis.spf;
    o.insert(QStringLiteral("evaluated"), true);
    o.insert(QStringLiteral("result"), r.word());
    o.insert(QStringLiteral("domain"), text(r.domain));
    o.insert(QStringLiteral("sender"), text(r.sender));
    o.insert(QStringLiteral("explanation"),
             r.explanation.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.explanation));
    o.insert(QStringLiteral("reason"), r.reason);
    o.insert(QStringLiteral("record"), text(r.record));
    o.insert(QStringLiteral("dns_lookups"), r.dnsLookups);
    o.insert(QStringLiteral("void_lookups"), r.voidLookups);
    return o;
}

QJsonObject VerifyJson::dmarc(const dmarc::Verdict& v)
{
    QJsonObject o;
    o.insert(QStringLiteral("result"), dmarc::resultName(v.result));
    o.insert(QStringLiteral("from_domain"), text(v.fromDomain));
    o.insert(QStringLiteral("policy_domain"), optionalText(v.policyDomain));
    o.insert(QStringLiteral("organizational_domain"), optionalText(v.organizationalDomain));
    o.insert(QStringLiteral("policy"), optionalPolicy(v.policy));
    o.insert(QStringLiteral("disposition"), dmarc::policyName(v.disposition));
    o.insert(QStringLiteral("testing"), v.testing);
    o.insert(QStringLiteral("dkim_aligned"), optionalBool(v.dkimAligned));
    o.insert(QStringLiteral("spf_aligned"), optionalBool(v.spfAligned));
    o.insert(QStringLiteral("reason"), v.reason);
    QJsonArray steps;
    for (const QString& step : v.steps)
        steps.append(step);
    o.insert(QStringLiteral("steps"), steps);

    const dmarc::Rfc7489Verdict& r = v.rfc7489;
    QJsonObject old;
    old.insert(QStringLiteral("result"), dmarc::resultName(r.result));
    old.insert(QStringLiteral("organizational_domain"), optionalText(r.organizationalDomain));
    old.insert(QStringLiteral("policy_domain"), optionalText(r.policyDomain));
    old.insert(QStringLiteral("policy"), optionalPolicy(r.policy));
    old.insert(QStringLiteral("disposition"), dmarc::policyName(r.disposition));
    old.insert(QStringLiteral("reason"), r.reason);
    o.insert(QStringLiteral("rfc7489"), old);
    QJsonArray differs;
    if (v.organizationalDomainDiffers)
        differs.append(QStringLiteral("organizational_domain"));
    if (v.policyDiffers)
        differs.append(QStringLiteral("policy"));
    if (v.resultDiffers)
        differs.append(QStringLiteral("result"));
    o.insert(QStringLiteral("rfc7489_differs"), differs);
    return o;
}

QJsonObject VerifyJson::received(const mail::ReceiverVerdict& r)
{
    QJsonObject o;
    o.insert(QStringLiteral("authserv_ids"), names(r.authservIds));
    QJsonArray dkim;
    for (const mail::ReceiverVerdict::Dkim& d : r.dkim) {
        QJsonObject one;
        one.insert(QStringLiteral("domain"), text(d.domain));
        one.insert(QStringLiteral("selector"), text(d.selector));
        one.insert(QStringLiteral("result"), text(d.result));
        one.insert(QStringLiteral("reason"), text(d.reason));
        dkim.append(one);
    }
    o.insert(QStringLiteral("dkim"), dkim);
    o.insert(QStringLiteral("spf"), text(r.spfResult));
    o.insert(QStringLiteral("spf_mailfrom"), text(r.spfMailFrom));
    o.insert(QStringLiteral("spf_helo"), text(r.spfHelo));
    o.insert(QStringLiteral("dmarc"), text(r.dmarcResult));
    o.insert(QStringLiteral("dmarc_from"), text(r.dmarcFrom));
    o.insert(QStringLiteral("dmarc_policy"), text(r.dmarcPolicy));
    QJsonArray sources;
    for (const QString& source : r.sources)
        sources.append(source);
    o.insert(QStringLiteral("sources"), sources);
    return o;
}

QJsonArray VerifyJson::findings(const std::vector<lint::Finding>& findings)
{
    QJsonArray array;
    for (const lint::Finding& f : findings) {
        QJsonObject o;
        o.insert(QStringLiteral("id"), f.id);
        o.insert(QStringLiteral("severity"), lint::severityName(f.severity));
        o.insert(QStringLiteral("subject"), f.subject);
        o.insert(QStringLiteral("message"), f.message);
        if (!f.fix.isEmpty())
            o.insert(QStringLiteral("fix"), f.fix);
        if (!f.correctedRecord.isEmpty())
            o.insert(QStringLiteral("corrected_record"), f.correctedRecord);
        if (!f.reference.isEmpty())
            o.insert(QStringLiteral("reference"), f.reference);
        array.append(o);
    }
    return array;
}

QJsonObject VerifyJson::message(const QString& file, const pipeline::Analysis& analysis)
{
    QJsonObject o = message(file, analysis.dkim);
    o.insert(QStringLiteral("spf"), spf(analysis));
    o.insert(QStringLiteral("dmarc"), dmarc(analysis.dmarc));
    o.insert(QStringLiteral("received"), received(analysis.received));
    QJsonArray disagreements;
    for (const QString& method : analysis.disagreesWithReceiver)
        disagreements.append(method);
    o.insert(QStringLiteral("disagrees_with_receiver"), disagreements);
    o.insert(QStringLiteral("findings"), findings(analysis.findings));
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
