// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkim/BodyHasher.h"

#include <openssl/evp.h>

namespace authlens::dkim {

void BodyHasher::ContextDeleter::operator()(evp_md_ctx_st* context) const
{
    EVP_MD_CTX_free(context);
}

BodyHasher::BodyHasher(Canonicalization canonicalization, HashAlgorithm hash, std::optional<quint64> limit)
    : m_context(EVP_MD_CTX_new())
    , m_limit(limit)
    , m_canonicalizer(canonicalization, [this](QByteArrayView data) { consume(data); })
{
    EVP_DigestInit_ex(m_context.get(), hash == HashAlgorithm::Sha1 ? EVP_sha1() : EVP_sha256(), nullptr);
}

BodyHasher::~BodyHasher() = default;

void BodyHasher::consume(QByteArrayView data)
{
    quint64 take = quint64(data.size());
    // RFC 6376 3.5 l=: only that many canonicalized octets are hashed.
    if (m_limit)
        take = std::min<quint64>(take, *m_limit > m_hashed ? *m_limit - m_hashed : 0);
    if (take > 0)
        EVP_DigestUpdate(m_context.get(), data.data(), size_t(take));
    m_hashed += take;
    m_total += quint64(data.size());
}

QByteArray BodyHasher::finish()
{
    m_canonicalizer.finish();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context.get(), digest, &length);
    return QByteArray(reinterpret_cast<const char*>(digest), int(length));
}

QByteArray BodyHasher::hash(QByteArrayView body, Canonicalization canonicalization, HashAlgorithm hash,
                            std::optional<quint64> limit)
{
    BodyHasher hasher(canonicalization, hash, limit);
    // Chunked so the canonicalizer's buffer stays warm; the body is not copied.
    constexpr qsizetype chunk = 64 * 1024;
    for (qsizetype pos = 0; pos < body.size(); pos += chunk)
        hasher.update(body.sliced(pos, std::min(chunk, body.size() - pos)));
    return hasher.finish();
}

} // namespace authlens::dkim
