// SPDX-License-Identifier: GPL-3.0-or-later
#include "lint/DkimKeyLint.h"

#include "dkim/Crypto.h"
#include "dkim/KeyRecord.h"
#include "dkim/TagList.h"
#include "dmarc/PublicSuffixList.h"
#include "dns/Resolver.h"

#include <functional>

namespace authlens::lint {

namespace {

using dns::DnsAnswer;
using dns::RecordType;

QString latin(QByteArrayView text)
{
    return QString::fromLatin1(text);
}

Finding finding(const char* id, Severity severity, const QString& subject, const QString& message,
                const QString& fix, const QString& reference, const QString& corrected = {})
{
    return Finding{QString::fromLatin1(id), severity, subject, message, fix, corrected, reference};
}

// The DER outer SEQUENCE of a decoded p=: what it claims and what follows its header. Enough to tell
// SubjectPublicKeyInfo (SEQUENCE { SEQUENCE {...}, BIT STRING }) from PKCS#1 RSAPublicKey (SEQUENCE {
// INTEGER, INTEGER }) and to see a key cut short, without a second ASN.1 parser.
struct DerOutline
{
    bool isSequence = false;
    qsizetype declaredLength = 0;
    qsizetype headerLength = 0;
    unsigned char firstInnerTag = 0;

    bool truncated(qsizetype size) const { return isSequence && headerLength + declaredLength > size; }
};

DerOutline outline(const QByteArray& der)
{
    DerOutline o;
    if (der.size() < 2 || static_cast<unsigned char>(der[0]) != 0x30)
        return o;
    const auto first = static_cast<unsigned char>(der[1]);
    qsizetype length = 0;
    qsizetype header = 2;
    if (first < 0x80) {
        length = first;
    } else {
        const int octets = first & 0x7f;
        if (octets == 0 || octets > 4 || der.size() < 2 + octets)
            return o;
        for (int i = 0; i < octets; ++i)
            length = (length << 8) | static_cast<unsigned char>(der[2 + i]);
        header = 2 + octets;
    }
    o.isSequence = true;
    o.declaredLength = length;
    o.headerLength = header;
    if (der.size() > header)
        o.firstInnerTag = static_cast<unsigned char>(der[header]);
    return o;
}

// The record rewritten tag by tag: `replace` returns the new value, or nullopt to drop the tag.
QString
rewritten(const dkim::TagList& tags,
          const std::function<std::optional<QByteArray>(const QByteArray&, const QByteArray&)>& replace)
{
    QList<QByteArray> parts;
    for (const dkim::Tag& tag : tags.tags()) {
        if (const auto value = replace(tag.name, tag.value))
            parts.append(tag.name + "=" + *value);
    }
    return latin(parts.join("; "));
}

class Linter
{
public:
    Linter(DkimKeyLint::Report& report, const QByteArray& domain, const QByteArray& name,
           const DkimKeyLint::SignatureFacts& facts)
        : m_report(report)
        , m_domain(domain)
        , m_name(name)
        , m_subject(QStringLiteral("DKIM key %1").arg(latin(name)))
        , m_facts(facts)
    {}

    void checkAnswer(const DnsAnswer& answer)
    {
        if (!answer.cnameChain.isEmpty()) {
            const QByteArray target = answer.cnameChain.last();
            m_report.cnameTarget = target;
            const QByteArray targetOrg = dmarc::PublicSuffixList::organizationalDomain(target);
            if (targetOrg != dmarc::PublicSuffixList::organizationalDomain(m_domain)) {
                add(finding(
                    "dkim.selector.cname", Severity::Info, m_subject,
                    QStringLiteral("The selector is a CNAME to %1: the key is published and rotated by "
                                   "whoever controls %2, not by %3.")
                        .arg(latin(target), latin(targetOrg), latin(m_domain)),
                    QStringLiteral("Nothing to fix if %1 is your mail provider; remove the CNAME when you "
                                   "stop using it, or anyone who gets %1 can sign as you.")
                        .arg(latin(targetOrg)),
                    QStringLiteral("RFC 6376 3.6.2.1")));
            }
        }
        if (answer.isTemporary()) {
            add(finding(
                "dkim.dns.temperror", Severity::Warning, m_subject,
                QStringLiteral("The lookup failed temporarily (%1); verifiers return temperror.")
                    .arg(answer.error),
                QStringLiteral("Check the name servers of %1 and run the check again.").arg(latin(m_domain)),
                QStringLiteral("RFC 6376 6.1.2")));
            return;
        }
        if (answer.records.empty()) {
            add(finding(
                "dkim.key.missing", Severity::Error, m_subject,
                QStringLiteral("No key record at %1: every signature with this selector fails (permerror).")
                    .arg(latin(m_name)),
                QStringLiteral("Publish the public key your signer uses as a TXT record at %1.")
                    .arg(latin(m_name)),
                QStringLiteral("RFC 6376 3.6.2.2, 6.1.2")));
            return;
        }
        if (answer.records.size() > 1) {
            add(finding("dkim.key.multiple", Severity::Error, m_subject,
                        QStringLiteral("%1 TXT records at the selector; verifiers may pick any of them, so "
                                       "signatures pass or fail at random.")
                            .arg(answer.records.size()),
                        QStringLiteral("Keep one key record per selector; use a new selector for a new key."),
                        QStringLiteral("RFC 6376 3.6.2.2")));
        }
        const dns::DnsRecord& record = answer.records.front();
        m_report.record = record.text();
        bool exactly255 = false;
        for (const QByteArray& string : record.strings) {
            exactly255 = exactly255 || string.size() == 255;
            if (string.size() > 255) {
                add(finding(
                    "dkim.txt.string-too-long", Severity::Error, m_subject,
                    QStringLiteral("A TXT string of the key record is %1 octets; DNS allows 255 per string, "
                                   "so DNS consoles cut or refuse it.")
                        .arg(string.size()),
                    QStringLiteral("Publish the record as several quoted strings of at most 255 octets "
                                   "(verifiers join them without spaces)."),
                    QStringLiteral("RFC 6376 3.6.2.2, RFC 1035 3.3.14")));
            }
        }
        // A registrar that keeps only the first 255 octets leaves one string of exactly that length.
        m_maybeCut = exactly255 && record.strings.size() == 1;
        checkText(record.text());
    }

private:
    void add(Finding f) { m_report.findings.push_back(std::move(f)); }

    void truncated(const QString& detail)
    {
        add(finding(
            "dkim.key.truncated", Severity::Error, m_subject,
            QStringLiteral("The key in p= is cut short (%1): a DNS console probably kept only the first "
                           "255 characters. Every signature fails.")
                .arg(detail),
            QStringLiteral("Publish the whole key, split into strings of at most 255 characters."),
            QStringLiteral("RFC 6376 3.6.2.2, 3.6.1")));
    }

    void checkText(const QByteArray& text)
    {
        const dkim::TagList::ParseResult tags = dkim::TagList::parse(text);
        if (!tags.tags) {
            const bool duplicate = tags.error.startsWith(QLatin1String("duplicate tag"));
            add(finding(duplicate ? "dkim.key.duplicate-tag" : "dkim.key.syntax", Severity::Error, m_subject,
                        QStringLiteral("The key record does not parse: %1. Verifiers return permerror.")
                            .arg(tags.error),
                        duplicate ? QStringLiteral("Write each tag once.")
                                  : QStringLiteral("Write the record as tag=value pairs separated by \";\"."),
                        QStringLiteral("RFC 6376 3.2, 3.6.1")));
            return;
        }
        const dkim::TagList& list = *tags.tags;
        if (const dkim::Tag* v = list.find("v"); v && (v->value != "DKIM1" || &list.tags().front() != v)) {
            add(finding("dkim.key.version", Severity::Error, m_subject,
                        v->value != "DKIM1"
                            ? QStringLiteral("v=%1: the only version is DKIM1; verifiers discard the record.")
                                  .arg(latin(v->value.left(40)))
                            : QStringLiteral("v= must be the first tag; verifiers discard the record."),
                        QStringLiteral("Start the record with \"v=DKIM1;\" or leave v= out."),
                        QStringLiteral("RFC 6376 3.6.1"),
                        rewritten(list, [](const QByteArray& name, const QByteArray& value) {
                            return name == "v" ? std::optional<QByteArray>()
                                               : std::optional<QByteArray>(value);
                        }).prepend(QStringLiteral("v=DKIM1; "))));
            return;
        }
        const dkim::Tag* p = list.find("p");
        if (!p) {
            add(finding("dkim.key.syntax", Severity::Error, m_subject,
                        QStringLiteral("The record has no p= tag; verifiers return permerror."),
                        QStringLiteral("Add p=<base64 public key>."), QStringLiteral("RFC 6376 3.6.1")));
            return;
        }
        const QByteArray base64 = dkim::TagList::withoutWhitespace(p->value);
        if (!base64.isEmpty() &&
            !QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors)) {
            if (m_maybeCut || base64.size() % 4 != 0) {
                truncated(QStringLiteral("%1 base64 characters, not a multiple of 4").arg(base64.size()));
            } else {
                add(finding(
                    "dkim.key.base64", Severity::Error, m_subject,
                    QStringLiteral("p= is not valid base64; verifiers return permerror."),
                    QStringLiteral("Copy the public key again from your signer, without quotes or line "
                                   "breaks inside the value."),
                    QStringLiteral("RFC 6376 3.6.1")));
            }
            return;
        }
        const dkim::KeyRecord::ParseResult parsed = dkim::KeyRecord::parse(text);
        if (!parsed.record) {
            add(finding("dkim.key.syntax", Severity::Error, m_subject,
                        QStringLiteral("The key record is unusable: %1.").arg(parsed.error),
                        QStringLiteral("Correct the record."), QStringLiteral("RFC 6376 3.6.1")));
            return;
        }
        checkKey(list, *parsed.record);
        checkTags(list, *parsed.record);
        checkUse(list, *parsed.record);
    }

    void checkKey(const dkim::TagList& list, const dkim::KeyRecord& record)
    {
        if (record.revoked()) {
            add(finding(
                "dkim.key.revoked", Severity::Error, m_subject,
                QStringLiteral("p= is empty: the key is revoked and every signature with this selector "
                               "fails."),
                QStringLiteral("If this selector still signs mail, publish its key; otherwise stop "
                               "signing with it."),
                QStringLiteral("RFC 6376 3.6.1")));
            return;
        }
        if (!record.keyType) {
            add(finding("dkim.key.type-unknown", Severity::Error, m_subject,
                        QStringLiteral("k=%1 is not a key type verifiers know (rsa, ed25519).")
                            .arg(latin(record.keyTypeText.left(40))),
                        QStringLiteral("Use k=rsa or k=ed25519."),
                        QStringLiteral("RFC 6376 3.6.1, RFC 8463")));
            return;
        }
        m_report.keyType = record.keyType;
        const DerOutline der = outline(record.publicKey);
        const dkim::Crypto::KeyLoad load = dkim::Crypto::loadPublicKey(*record.keyType, record.publicKey);
        if (!load.key) {
            if (*record.keyType == dkim::KeyType::Rsa && der.truncated(record.publicKey.size()))
                truncated(QStringLiteral("the key declares %1 bytes, p= holds %2")
                              .arg(der.headerLength + der.declaredLength)
                              .arg(record.publicKey.size()));
            else if (m_maybeCut)
                truncated(QStringLiteral("the record is exactly 255 characters and the key does not load"));
            else
                add(finding("dkim.key.invalid", Severity::Error, m_subject,
                            QStringLiteral("p= does not hold a usable %1 key: %2.")
                                .arg(latin(dkim::keyTypeName(*record.keyType)), load.error),
                            QStringLiteral("Publish the public key your signer uses."),
                            QStringLiteral("RFC 6376 3.6.1, RFC 8463 4")));
            return;
        }
        m_report.keyBits = load.key->bits;
        if (*record.keyType != dkim::KeyType::Rsa)
            return;
        if (der.isSequence && der.firstInnerTag == 0x02) {
            const QByteArray spki = dkim::Crypto::publicKeyRecordBytes(*load.key).toBase64();
            add(finding(
                "dkim.key.pkcs1", Severity::Warning, m_subject,
                QStringLiteral("p= holds a bare PKCS#1 RSAPublicKey instead of a SubjectPublicKeyInfo; "
                               "many verifiers (OpenDKIM among them) reject it."),
                QStringLiteral("Publish the same key in SubjectPublicKeyInfo form (the corrected record)."),
                QStringLiteral("RFC 6376 3.6.1 (errata 3017)"),
                rewritten(list, [&spki](const QByteArray& name, const QByteArray& value) {
                    return std::optional<QByteArray>(name == "p" ? spki : value);
                })));
        }
        const int bits = load.key->bits;
        if (bits < 1024) {
            add(finding(
                "dkim.key.rsa-too-short", Severity::Error, m_subject,
                QStringLiteral("The RSA key has %1 bits; verifiers must not accept keys under 1024 bits, so "
                               "every signature fails.")
                    .arg(bits),
                QStringLiteral("Generate a 2048-bit key and publish it under a new selector."),
                QStringLiteral("RFC 8301 3.2")));
        } else if (bits < 2048) {
            add(finding(
                "dkim.key.rsa-weak", Severity::Warning, m_subject,
                QStringLiteral("The RSA key has %1 bits; 2048 is the recommended minimum and 1024-bit keys "
                               "can be factored by a determined attacker.")
                    .arg(bits),
                QStringLiteral("Rotate to a 2048-bit key under a new selector."),
                QStringLiteral("RFC 8301 3.2; M3AAWG DKIM key rotation")));
        }
    }

    void checkTags(const dkim::TagList& list, const dkim::KeyRecord& record)
    {
        if (record.testing()) {
            add(finding(
                "dkim.key.testing", Severity::Warning, m_subject,
                QStringLiteral("t=y: the domain is testing DKIM, and verifiers may treat failures, and "
                               "passes, as if the mail were unsigned."),
                QStringLiteral("Remove y from t= once signing works."), QStringLiteral("RFC 6376 3.6.1"),
                rewritten(list, [](const QByteArray& name, const QByteArray& value) {
                    if (name != "t")
                        return std::optional<QByteArray>(value);
                    QList<QByteArray> kept;
                    for (const QByteArray& flag : dkim::TagList::colonList(value)) {
                        if (flag.toLower() != "y")
                            kept.append(flag);
                    }
                    return kept.isEmpty() ? std::optional<QByteArray>() : std::optional(kept.join(':'));
                })));
        }
        QList<QByteArray> unknown;
        for (const QByteArray& flag : record.flags) {
            if (flag != "y" && flag != "s")
                unknown.append(flag);
        }
        if (!unknown.isEmpty()) {
            add(finding(
                "dkim.key.flags-unknown", Severity::Warning, m_subject,
                QStringLiteral("t= has flag(s) %1 that DKIM does not define; verifiers ignore them, so "
                               "they do not do what was meant.")
                    .arg(latin(unknown.join(", "))),
                QStringLiteral("Use only y (testing) and s (strict identity)."),
                QStringLiteral("RFC 6376 3.6.1")));
        }
        if (!record.allowsHash(dkim::HashAlgorithm::Sha256)) {
            add(finding(
                "dkim.key.hash-no-sha256", Severity::Error, m_subject,
                QStringLiteral("h=%1 does not allow sha256; rsa-sha1 is forbidden, so no signature with "
                               "this key can pass.")
                    .arg(latin(list.find("h") ? list.find("h")->value : QByteArray())),
                QStringLiteral("Set h=sha256 or remove h=."), QStringLiteral("RFC 6376 3.6.1, RFC 8301 3.1"),
                rewritten(list, [](const QByteArray& name, const QByteArray& value) {
                    return std::optional<QByteArray>(name == "h" ? QByteArray("sha256") : value);
                })));
        }
        if (!record.allowsEmailService()) {
            add(finding(
                "dkim.key.service-not-email", Severity::Error, m_subject,
                QStringLiteral("s=%1 does not include email or *: verifiers must not use the key for mail.")
                    .arg(latin(list.find("s") ? list.find("s")->value : QByteArray())),
                QStringLiteral("Remove s= or set s=email."), QStringLiteral("RFC 6376 3.6.1"),
                rewritten(list, [](const QByteArray& name, const QByteArray& value) {
                    return name == "s" ? std::optional<QByteArray>() : std::optional<QByteArray>(value);
                })));
        }
    }

    // Checks that need the signature that used the key.
    void checkUse(const dkim::TagList&, const dkim::KeyRecord& record)
    {
        if (m_facts.algorithm) {
            const dkim::Algorithm algorithm = *m_facts.algorithm;
            if (algorithm == dkim::Algorithm::RsaSha1) {
                add(finding("dkim.signature.rsa-sha1", Severity::Error, m_subject,
                            QStringLiteral("The mail is signed with rsa-sha1, which signers must not use and "
                                           "verifiers must not accept."),
                            QStringLiteral("Configure the signer for rsa-sha256."),
                            QStringLiteral("RFC 8301 3.1")));
            }
            if (record.keyType && *record.keyType != dkim::keyTypeOf(algorithm)) {
                add(finding(
                    "dkim.key.type-mismatch", Severity::Error, m_subject,
                    QStringLiteral("The signature uses %1 but the key record says k=%2: the signature "
                                   "cannot verify.")
                        .arg(latin(dkim::algorithmName(algorithm)), latin(record.keyTypeText)),
                    QStringLiteral(
                        "Publish the %1 key the signer uses, or sign with the algorithm of this key.")
                        .arg(latin(dkim::keyTypeName(dkim::keyTypeOf(algorithm)))),
                    QStringLiteral("RFC 6376 3.6.1, 6.1.3; RFC 8463")));
            }
        }
        if (record.strictIdentity() && !m_facts.auidDomain.isEmpty() &&
            m_facts.auidDomain.compare(m_domain, Qt::CaseInsensitive) != 0) {
            add(finding(
                "dkim.key.strict-subdomain-auid", Severity::Error, m_subject,
                QStringLiteral("The key has t=s (no subdomains) but the signature's i= is in %1, a "
                               "subdomain of %2: verifiers must fail it.")
                    .arg(latin(m_facts.auidDomain), latin(m_domain)),
                QStringLiteral("Remove s from t=, or sign with i= in %1 itself.").arg(latin(m_domain)),
                QStringLiteral("RFC 6376 3.6.1, 6.1.1")));
        }
    }

    DkimKeyLint::Report& m_report;
    QByteArray m_domain;
    QByteArray m_name;
    QString m_subject;
    DkimKeyLint::SignatureFacts m_facts;
    bool m_maybeCut = false;
};

} // namespace

DkimKeyLint::DkimKeyLint(dns::Resolver& resolver)
    : m_resolver(resolver)
{}

DkimKeyLint::Report DkimKeyLint::check(const QByteArray& domain, const QByteArray& selector,
                                       const SignatureFacts& facts) const
{
    Report report;
    const QByteArray normalizedDomain = dns::Resolver::normalizedName(domain);
    const QByteArray name = dns::Resolver::normalizedName(selector + "._domainkey." + normalizedDomain);
    Linter linter(report, normalizedDomain, name, facts);
    if (selector.isEmpty() || normalizedDomain.isEmpty() || !dns::Resolver::nameError(name).isEmpty()) {
        report.findings.push_back(
            finding("dkim.key.missing", Severity::Error, QStringLiteral("DKIM key %1").arg(latin(name)),
                    QStringLiteral("\"%1\" cannot be looked up: %2")
                        .arg(latin(name), selector.isEmpty() ? QStringLiteral("empty selector")
                                                             : dns::Resolver::nameError(name)),
                    QStringLiteral("Check the selector and domain."), QStringLiteral("RFC 6376 3.6.2.1")));
        return report;
    }
    linter.checkAnswer(m_resolver.query(name, RecordType::TXT));
    return report;
}

DkimKeyLint::Report DkimKeyLint::check(const dkim::Signature& signature) const
{
    return check(signature.sdid, signature.selector,
                 SignatureFacts{signature.algorithm, signature.auidDomain()});
}

} // namespace authlens::lint
