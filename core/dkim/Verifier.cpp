// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkim/Verifier.h"

#include "dkim/BodyHasher.h"
#include "dkim/Crypto.h"
#include "dkim/HeaderSelector.h"
#include "dkim/KeyRecord.h"
#include "dkim/SignatureParser.h"

#include <QDateTime>
#include <QSet>

namespace authlens::dkim {

QString resultWordName(ResultWord word)
{
    switch (word) {
    case ResultWord::Pass:
        return QStringLiteral("pass");
    case ResultWord::Fail:
        return QStringLiteral("fail");
    case ResultWord::Neutral:
        return QStringLiteral("neutral");
    case ResultWord::Policy:
        return QStringLiteral("policy");
    case ResultWord::TempError:
        return QStringLiteral("temperror");
    case ResultWord::PermError:
        return QStringLiteral("permerror");
    }
    return {};
}

QString likelyCauseText(LikelyCause cause)
{
    switch (cause) {
    case LikelyCause::None:
        return {};
    case LikelyCause::BodyChanged:
        return QStringLiteral("the body was changed after signing");
    case LikelyCause::BodyLineEndings:
        return QStringLiteral(
            "the file mixes CRLF and bare LF line endings: part of it was likely rewritten after signing");
    case LikelyCause::BodyTrailingWhitespace:
        return QStringLiteral(
            "the body has trailing whitespace, which simple canonicalization keeps: a relay that "
            "trims or re-wraps lines breaks the signature");
    case LikelyCause::BodyQuotedPrintable:
        return QStringLiteral(
            "the body is quoted-printable: likely an 8-bit to quoted-printable conversion after "
            "signing");
    case LikelyCause::HeaderChanged:
        return QStringLiteral(
            "the body is intact, so a signed header field was changed after signing, or the "
            "published key is not the one that signed");
    case LikelyCause::KeyMismatch:
        return QStringLiteral("the published key does not match the signing key");
    }
    return {};
}

namespace {

// RFC 5322 3.6: fields that must occur at most once. An unsigned copy above the signed one is what a
// mail client shows, so a verified signature over the lower copy proves nothing about what is displayed.
const QSet<QByteArray>& singletonFields()
{
    static const QSet<QByteArray> names = {"from", "sender",  "reply-to",   "to",          "cc",        "bcc",
                                           "date", "subject", "message-id", "in-reply-to", "references"};
    return names;
}

struct BodyHashKey
{
    Canonicalization canonicalization;
    HashAlgorithm hash;
    std::optional<quint64> limit;
    bool operator==(const BodyHashKey&) const = default;
};

struct BodyHashValue
{
    QByteArray digest;
    quint64 total = 0;
    quint64 covered = 0;
};

// Body hashes are shared between the signatures of one message that use the same parameters.
class BodyHashCache
{
public:
    explicit BodyHashCache(QByteArrayView body)
        : m_body(body)
    {}
    const BodyHashValue& get(const BodyHashKey& key)
    {
        for (const auto& entry : m_entries) {
            if (entry.first == key)
                return entry.second;
        }
        BodyHasher hasher(key.canonicalization, key.hash, key.limit);
        constexpr qsizetype chunk = 64 * 1024;
        for (qsizetype pos = 0; pos < m_body.size(); pos += chunk)
            hasher.update(m_body.sliced(pos, std::min(chunk, m_body.size() - pos)));
        BodyHashValue value;
        value.digest = hasher.finish();
        value.total = hasher.canonicalLength();
        value.covered = hasher.coveredBytes();
        m_entries.emplace_back(key, std::move(value));
        return m_entries.back().second;
    }

private:
    QByteArrayView m_body;
    std::vector<std::pair<BodyHashKey, BodyHashValue>> m_entries;
};

bool hasTrailingWhitespace(QByteArrayView body)
{
    for (qsizetype i = 1; i < body.size(); ++i) {
        if (body[i] == '\r' && (body[i - 1] == ' ' || body[i - 1] == '\t'))
            return true;
    }
    return false;
}

LikelyCause bodyCause(const mail::Message& message, const Signature& sig)
{
    // Bare LF alone is no cause: it is hashed as CRLF, as receivers do, so an mbox copy of a CRLF
    // message verifies. A file that mixes CRLF and bare LF had part of it rewritten on the way.
    if (message.hadBareLf() && message.bytes().contains("\r\n"))
        return LikelyCause::BodyLineEndings;
    if (const mail::HeaderField* cte = message.firstFieldNamed("Content-Transfer-Encoding")) {
        if (cte->unfoldedValue().trimmed().compare("quoted-printable", Qt::CaseInsensitive) == 0)
            return LikelyCause::BodyQuotedPrintable;
    }
    if (sig.bodyCanonicalization == Canonicalization::Simple && hasTrailingWhitespace(message.body()))
        return LikelyCause::BodyTrailingWhitespace;
    return LikelyCause::BodyChanged;
}

QString timeText(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(Qt::ISODate);
}

class SignatureCheck
{
public:
    SignatureCheck(const mail::Message& message, const mail::HeaderField& field, dns::Resolver& resolver,
                   const Verifier::Options& options, qint64 now, BodyHashCache& bodies)
        : m_message(message)
        , m_field(field)
        , m_resolver(resolver)
        , m_options(options)
        , m_now(now)
        , m_bodies(bodies)
    {}

    Result run(int index);

private:
    void setWord(ResultWord word, const QString& reason)
    {
        m_result.result = word;
        m_result.reason = reason;
    }
    // The key lookup and checks of RFC 6376 6.1.2; an empty optional with the result set on failure.
    std::optional<Crypto::Key> fetchKey(const Signature& sig);

    const mail::Message& m_message;
    const mail::HeaderField& m_field;
    dns::Resolver& m_resolver;
    const Verifier::Options& m_options;
    qint64 m_now;
    BodyHashCache& m_bodies;
    Result m_result;
};

std::optional<Crypto::Key> SignatureCheck::fetchKey(const Signature& sig)
{
    Diagnostics& d = m_result.diagnostics;
    d.keyDnsName = sig.keyName();
    d.keyLooked = true;
    const dns::DnsAnswer answer = m_resolver.query(d.keyDnsName, dns::RecordType::TXT);
    d.keyLookupStatus = dns::statusName(answer.status);
    d.cnameChain = answer.cnameChain;
    d.keyTtl = answer.ttl;
    d.dnssec = answer.dnssec;
    d.keyFetchedAtMs = answer.fetchedAtMs;
    d.keySource = answer.source;
    const QString name = QString::fromLatin1(d.keyDnsName);
    switch (answer.status) {
    case dns::DnsAnswer::Status::Ok:
        break;
    case dns::DnsAnswer::Status::TempFail:
        // RFC 6376 6.1.2: a DNS failure is TEMPFAIL, never a failed signature.
        setWord(ResultWord::TempError,
                QStringLiteral("key lookup %1 failed temporarily: %2").arg(name, answer.error));
        return std::nullopt;
    case dns::DnsAnswer::Status::NxDomain:
    case dns::DnsAnswer::Status::NoData:
        setWord(ResultWord::PermError, QStringLiteral("no key: %1 has no TXT record").arg(name));
        return std::nullopt;
    case dns::DnsAnswer::Status::Error:
        setWord(ResultWord::PermError, QStringLiteral("key lookup %1 failed: %2").arg(name, answer.error));
        return std::nullopt;
    }
    if (answer.dnssec == dns::DnssecStatus::Bogus) {
        setWord(ResultWord::TempError,
                QStringLiteral("the key record %1 failed DNSSEC validation (bogus)").arg(name));
        return std::nullopt;
    }

    // RFC 6376 3.6.2.2: several TXT records are allowed; use the first that is a usable key record.
    std::optional<KeyRecord> record;
    QString recordError;
    for (const dns::DnsRecord& txt : answer.records) {
        const QByteArray text = txt.text();
        KeyRecord::ParseResult parsed = KeyRecord::parse(text);
        if (parsed.record) {
            d.keyRecordText = text;
            record = std::move(parsed.record);
            break;
        }
        if (recordError.isEmpty()) {
            d.keyRecordText = text;
            recordError = parsed.error;
        }
    }
    if (!record) {
        setWord(ResultWord::PermError,
                recordError.isEmpty() ? QStringLiteral("no key record at %1").arg(name) : recordError);
        return std::nullopt;
    }
    d.keyType = record->keyTypeText;
    d.keyTesting = record->testing();
    if (record->revoked()) {
        setWord(ResultWord::PermError, QStringLiteral("the key has been revoked (empty p=)"));
        return std::nullopt;
    }
    if (!record->keyType) {
        setWord(
            ResultWord::PermError,
            QStringLiteral("unknown key type k=%1").arg(QString::fromLatin1(record->keyTypeText.left(40))));
        return std::nullopt;
    }
    // RFC 6376 6.1.2 step 6 / RFC 8463: the key type must fit the signature algorithm.
    if (*record->keyType != keyTypeOf(sig.algorithm)) {
        setWord(ResultWord::PermError,
                QStringLiteral("key type k=%1 does not match the signature algorithm %2")
                    .arg(QString::fromLatin1(record->keyTypeText),
                         QString::fromLatin1(algorithmName(sig.algorithm))));
        return std::nullopt;
    }
    if (!record->allowsHash(hashOf(sig.algorithm))) {
        setWord(ResultWord::PermError, QStringLiteral("the key record's h= does not allow %1")
                                           .arg(QString::fromLatin1(hashName(hashOf(sig.algorithm)))));
        return std::nullopt;
    }
    if (!record->allowsEmailService()) {
        setWord(ResultWord::PermError, QStringLiteral("the key record's s= does not include email or *"));
        return std::nullopt;
    }
    // RFC 6376 3.6.1 t=s: the i= domain must be d= itself, not a subdomain.
    if (record->strictIdentity() && sig.auidDomain() != sig.sdid) {
        setWord(ResultWord::PermError,
                QStringLiteral("the key has t=s, but the i= domain %1 is not d= %2")
                    .arg(QString::fromLatin1(sig.auidDomain()), QString::fromLatin1(sig.sdid)));
        return std::nullopt;
    }
    Crypto::KeyLoad loaded = Crypto::loadPublicKey(*record->keyType, record->publicKey);
    if (!loaded.key) {
        setWord(ResultWord::PermError, loaded.error);
        return std::nullopt;
    }
    d.keyBits = loaded.key->bits;
    m_result.keyBits = loaded.key->bits;
    return loaded.key;
}

Result SignatureCheck::run(int index)
{
    m_result.index = index;
    Diagnostics& d = m_result.diagnostics;
    d.rawField = m_field.raw;
    const QByteArrayView value = m_field.value();
    SignatureParser::Result parsed = SignatureParser::parse(value);
    m_result.domain = parsed.domain;
    m_result.selector = parsed.selector;
    m_result.algorithm = parsed.algorithm;
    if (parsed.tags) {
        for (const Tag& tag : parsed.tags->tags())
            d.tags.append({tag.name, tag.value});
    }
    if (!parsed.signature) {
        setWord(ResultWord::PermError, parsed.error);
        return m_result;
    }
    const Signature& sig = *parsed.signature;
    m_result.auid = sig.auid;
    m_result.canonicalization = sig.canonicalizationText();
    m_result.timestamp = sig.timestamp;
    m_result.expiration = sig.expiration;
    for (const QByteArray& name : sig.signedHeaderNames)
        d.signedHeaderNames.append(name);
    d.bodyHashClaimed = sig.bodyHash.toBase64();

    // Reasons that stop a pass whatever the cryptography says; kept to be given after the checks, so the
    // trace still shows how far the signature got.
    QString policyReason;
    const bool refusedSha1 = sig.algorithm == Algorithm::RsaSha1 && !m_options.acceptRsaSha1;
    if (refusedSha1)
        policyReason = QStringLiteral("rsa-sha1 is not accepted (RFC 8301 3.1)");
    if (policyReason.isEmpty() && sig.expiration && m_now > *sig.expiration + m_options.clockSkewSeconds)
        policyReason = QStringLiteral("the signature expired at %1 (x=)").arg(timeText(*sig.expiration));
    if (policyReason.isEmpty() && sig.timestamp && *sig.timestamp > m_now + m_options.clockSkewSeconds)
        policyReason =
            QStringLiteral("the signature time %1 (t=) is in the future").arg(timeText(*sig.timestamp));

    const std::optional<Crypto::Key> key = fetchKey(sig);
    if (!key) {
        // RFC 8301: rsa-sha1 is refused from the signature field alone, whatever the key lookup gave.
        if (refusedSha1)
            setWord(ResultWord::Policy, policyReason + QStringLiteral("; also: ") + m_result.reason);
        else if (!policyReason.isEmpty() && m_result.result != ResultWord::TempError)
            setWord(ResultWord::Policy, policyReason + QStringLiteral("; also: ") + m_result.reason);
        return m_result;
    }
    if (policyReason.isEmpty() && key->type == KeyType::Rsa && key->bits < m_options.minimumRsaBits)
        policyReason = QStringLiteral("the RSA key has %1 bits, fewer than %2 (RFC 8301 3.2)")
                           .arg(key->bits)
                           .arg(m_options.minimumRsaBits);

    // RFC 6376 3.7 step 1: the body hash.
    const BodyHashValue& body =
        m_bodies.get({sig.bodyCanonicalization, hashOf(sig.algorithm), sig.bodyLength});
    d.bodyHashComputed = body.digest.toBase64();
    d.bodyCanonicalLength = body.total;
    d.bodyBytesCovered = body.covered;
    d.bodyBytesNotCovered = body.total - body.covered;
    m_result.bodyHashOk = body.digest == sig.bodyHash;

    // RFC 6376 3.7 step 2: the header hash input.
    const HeaderSelector::Selection selection = HeaderSelector::select(
        m_message.headerFields(), sig.signedHeaderNames, sig.headerCanonicalization, &m_field);
    d.oversignedHeaderNames = selection.oversigned;
    d.absentHeaderNames = selection.absent;
    const Tag* b = sig.tags.find("b");
    QByteArray signedData = selection.canonicalizedHeaders;
    signedData += HeaderSelector::signatureFieldForHash(m_field.raw, b->valueStart, b->valueEnd,
                                                        sig.headerCanonicalization);
    if (m_options.keepSignedData) {
        d.canonicalizedHeaders = selection.canonicalizedHeaders;
        d.signedData = signedData;
    }
    m_result.signatureOk = Crypto::verify(*key, sig.algorithm, signedData, sig.signature);

    // Unsigned copies of singleton fields.
    QHash<QByteArray, int> signedCount;
    for (const QByteArray& name : sig.signedHeaderNames)
        ++signedCount[name.toLower()];
    for (auto it = signedCount.cbegin(); it != signedCount.cend(); ++it) {
        if (!singletonFields().contains(it.key()))
            continue;
        // The unsigned instances are the topmost ones (selection runs bottom-up). For most fields only
        // a copy above this DKIM-Signature was surely added after signing: copies below it were there
        // when the signer chose what to sign. From is the exception: RFC 5322 allows exactly one, a
        // reader may be shown any copy, so an unsigned From anywhere is not what was signed
        // (RFC 6376 8.15).
        const std::vector<const mail::HeaderField*> instances = m_message.fieldsNamed(it.key());
        const qsizetype unsignedCount = qsizetype(instances.size()) - it.value();
        const bool anywhere = it.key() == "from";
        bool added = false;
        for (qsizetype i = 0; i < unsignedCount; ++i)
            added = added || anywhere || instances[size_t(i)]->offset < m_field.offset;
        if (added)
            d.unsignedSingletons.append(it.key());
    }

    if (!*m_result.bodyHashOk) {
        d.likelyCause = bodyCause(m_message, sig);
        setWord(ResultWord::Fail,
                QStringLiteral("body hash did not verify: %1").arg(likelyCauseText(d.likelyCause)));
    } else if (!*m_result.signatureOk) {
        const int expectedSize = key->type == KeyType::Ed25519 ? 64 : (key->bits + 7) / 8;
        d.likelyCause =
            sig.signature.size() != expectedSize ? LikelyCause::KeyMismatch : LikelyCause::HeaderChanged;
        setWord(ResultWord::Fail,
                QStringLiteral("signature did not verify: %1").arg(likelyCauseText(d.likelyCause)));
    } else {
        setWord(ResultWord::Pass, QStringLiteral("signature verified"));
    }

    if (!policyReason.isEmpty()) {
        setWord(ResultWord::Policy,
                policyReason + QStringLiteral(" (the signature itself: %1)").arg(m_result.reason));
        return m_result;
    }
    if (m_result.result == ResultWord::Pass && !d.unsignedSingletons.isEmpty()) {
        const QString name = QString::fromLatin1(d.unsignedSingletons.front());
        setWord(ResultWord::Policy,
                QStringLiteral("an unsigned %1 field besides the signed one: the hash verifies, but "
                               "a reader may see the unsigned field")
                    .arg(name));
        return m_result;
    }
    if (m_result.result == ResultWord::Pass) {
        if (sig.bodyLength && d.bodyBytesNotCovered > 0)
            m_result.reason +=
                QStringLiteral("; l= leaves %1 body bytes unsigned").arg(d.bodyBytesNotCovered);
        if (d.keyTesting)
            m_result.reason += QStringLiteral("; the key is in testing mode (t=y)");
    }
    return m_result;
}

} // namespace

Verifier::Verifier(std::shared_ptr<dns::Resolver> resolver)
    : Verifier(std::move(resolver), Options())
{}

Verifier::Verifier(std::shared_ptr<dns::Resolver> resolver, Options options)
    : m_resolver(std::move(resolver))
    , m_options(options)
{}

std::vector<Result> Verifier::verify(const mail::Message& message) const
{
    std::vector<Result> results;
    const qint64 now = m_options.now ? *m_options.now : QDateTime::currentSecsSinceEpoch();
    BodyHashCache bodies(message.body());
    int index = 0;
    for (const mail::HeaderField& field : message.headerFields()) {
        if (field.malformed || !field.hasName("DKIM-Signature"))
            continue;
        if (index >= m_options.maxSignatures) {
            Result limited;
            limited.index = index;
            SignatureParser::Result parsed = SignatureParser::parse(field.value());
            limited.domain = parsed.domain;
            limited.selector = parsed.selector;
            limited.algorithm = parsed.algorithm;
            limited.diagnostics.rawField = field.raw;
            limited.result = ResultWord::Neutral;
            limited.reason = QStringLiteral("not evaluated: limit of %1 signatures per message")
                                 .arg(m_options.maxSignatures);
            results.push_back(std::move(limited));
            ++index;
            continue;
        }
        SignatureCheck check(message, field, *m_resolver, m_options, now, bodies);
        results.push_back(check.run(index));
        ++index;
    }
    return results;
}

} // namespace authlens::dkim
