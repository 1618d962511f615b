// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Canonicalizer.h"
#include "dkim/Signature.h"

#include <QByteArray>

#include <memory>
#include <optional>

struct evp_md_ctx_st;

namespace authlens::dkim {

// Canonicalizes and hashes a body in one pass (RFC 6376 3.7 step 1), honouring l=: only the first
// `limit` canonicalized bytes are hashed, the rest are counted as not covered. Feed it any chunking.
// One object per body and thread: it owns its OpenSSL context.
class BodyHasher
{
public:
    BodyHasher(Canonicalization canonicalization, HashAlgorithm hash, std::optional<quint64> limit = {});
    ~BodyHasher();
    BodyHasher(const BodyHasher&) = delete;
    BodyHasher& operator=(const BodyHasher&) = delete;

    void update(QByteArrayView chunk) { m_canonicalizer.update(chunk); }
    // The digest; call once, after the whole body.
    QByteArray finish();

    // Canonicalized body length (after finish()).
    quint64 canonicalLength() const { return m_total; }
    quint64 coveredBytes() const { return m_hashed; }
    quint64 uncoveredBytes() const { return m_total - m_hashed; }

    // Convenience: the whole body at once.
    static QByteArray hash(QByteArrayView body, Canonicalization canonicalization, HashAlgorithm hash,
                           std::optional<quint64> limit = {});

private:
    void consume(QByteArrayView data);

    struct ContextDeleter
    {
        void operator()(evp_md_ctx_st* context) const;
    };
    std::unique_ptr<evp_md_ctx_st, ContextDeleter> m_context;
    std::optional<quint64> m_limit;
    quint64 m_total = 0;
    quint64 m_hashed = 0;
    Canonicalizer m_canonicalizer;
};

} // namespace authlens::dkim
