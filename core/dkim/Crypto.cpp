// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkim/Crypto.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <QHash>

#include <mutex>

namespace authlens::dkim {

namespace {

std::shared_ptr<evp_pkey_st> own(EVP_PKEY* pkey)
{
    return std::shared_ptr<evp_pkey_st>(pkey, EVP_PKEY_free);
}

struct MdContext
{
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    ~MdContext() { EVP_MD_CTX_free(context); }
};

std::optional<Crypto::Key> wrap(EVP_PKEY* pkey)
{
    if (!pkey)
        return std::nullopt;
    Crypto::Key key;
    key.pkey = own(pkey);
    key.type = EVP_PKEY_get_base_id(pkey) == EVP_PKEY_ED25519 ? KeyType::Ed25519 : KeyType::Rsa;
    key.bits = EVP_PKEY_get_bits(pkey);
    return key;
}

// OpenSSL 3.0 decodes a public key through its provider decoders: about 90 us and several global
// locks per RSA key, more than the RSA verification itself, and it serializes verifying threads. A
// mailbox meets a few hundred keys for a million signatures, so decoded keys are kept by type and bytes
// (an EVP_PKEY is immutable once made and may be shared between threads). Bounded: when full, it starts
// over. Never destroyed, so no key is freed after OpenSSL's own exit-time cleanup.
class DecodedKeys
{
public:
    static DecodedKeys& instance()
    {
        static auto* keys = new DecodedKeys;
        return *keys;
    }

    std::optional<Crypto::Key> find(const QByteArray& id)
    {
        const std::lock_guard lock(m_mutex);
        const auto it = m_keys.constFind(id);
        if (it == m_keys.cend())
            return std::nullopt;
        return *it;
    }

    void store(const QByteArray& id, const Crypto::Key& key)
    {
        const std::lock_guard lock(m_mutex);
        if (m_keys.size() >= maxKeys)
            m_keys.clear();
        m_keys.insert(id, key);
    }

private:
    static constexpr qsizetype maxKeys = 4096;
    std::mutex m_mutex;
    QHash<QByteArray, Crypto::Key> m_keys;
};

Crypto::KeyLoad decodePublicKey(KeyType type, QByteArrayView der);

} // namespace

Crypto::KeyLoad Crypto::loadPublicKey(KeyType type, QByteArrayView der)
{
    QByteArray id = der.toByteArray();
    id.prepend(type == KeyType::Ed25519 ? 'e' : 'r');
    if (std::optional<Key> known = DecodedKeys::instance().find(id))
        return {std::move(known), QString()};
    KeyLoad loaded = decodePublicKey(type, der);
    if (loaded.key)
        DecodedKeys::instance().store(id, *loaded.key);
    return loaded;
}

namespace {

Crypto::KeyLoad decodePublicKey(KeyType type, QByteArrayView der)
{
    if (type == KeyType::Ed25519) {
        if (der.size() != 32)
            return {
                std::nullopt,
                QStringLiteral("an Ed25519 key must be 32 bytes, p= has %1 (RFC 8463 4)").arg(der.size())};
        EVP_PKEY* pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                                     reinterpret_cast<const unsigned char*>(der.data()),
                                                     size_t(der.size()));
        ERR_clear_error();
        if (!pkey)
            return {std::nullopt, QStringLiteral("the Ed25519 key in p= could not be loaded")};
        return {wrap(pkey), QString()};
    }
    const auto* data = reinterpret_cast<const unsigned char*>(der.data());
    const unsigned char* cursor = data;
    EVP_PKEY* pkey = d2i_PUBKEY(nullptr, &cursor, long(der.size()));
    if (!pkey) {
        cursor = data;
        pkey = d2i_PublicKey(EVP_PKEY_RSA, nullptr, &cursor, long(der.size()));
    }
    ERR_clear_error();
    if (!pkey)
        return {std::nullopt,
                QStringLiteral("p= is not an RSA public key (neither SubjectPublicKeyInfo nor PKCS#1)")};
    if (EVP_PKEY_get_base_id(pkey) != EVP_PKEY_RSA) {
        EVP_PKEY_free(pkey);
        return {std::nullopt, QStringLiteral("p= holds a key that is not RSA although k=rsa")};
    }
    return {wrap(pkey), QString()};
}

} // namespace

Crypto::KeyLoad Crypto::loadPrivateKeyPem(QByteArrayView pem)
{
    BIO* bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
    EVP_PKEY* pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    ERR_clear_error();
    if (!pkey)
        return {std::nullopt, QStringLiteral("not a PEM private key")};
    return {wrap(pkey), QString()};
}

std::optional<Crypto::Key> Crypto::generateRsa(int bits)
{
    EVP_PKEY* pkey = EVP_RSA_gen(static_cast<unsigned int>(bits));
    ERR_clear_error();
    return wrap(pkey);
}

std::optional<Crypto::Key> Crypto::generateEd25519()
{
    EVP_PKEY* pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    ERR_clear_error();
    return wrap(pkey);
}

QByteArray Crypto::privateKeyPem(const Key& key)
{
    if (key.isNull())
        return {};
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PrivateKey(bio, key.pkey.get(), nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QByteArray out(data, int(size));
    BIO_free(bio);
    return out;
}

QByteArray Crypto::publicKeyRecordBytes(const Key& key)
{
    if (key.isNull())
        return {};
    if (key.type == KeyType::Ed25519) {
        size_t length = 0;
        EVP_PKEY_get_raw_public_key(key.pkey.get(), nullptr, &length);
        QByteArray out(qsizetype(length), '\0');
        EVP_PKEY_get_raw_public_key(key.pkey.get(), reinterpret_cast<unsigned char*>(out.data()), &length);
        return out;
    }
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(key.pkey.get(), &der);
    if (length <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    return out;
}

QByteArray Crypto::digest(HashAlgorithm hash, QByteArrayView data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(data.data(), size_t(data.size()), out, &length,
               hash == HashAlgorithm::Sha1 ? EVP_sha1() : EVP_sha256(), nullptr);
    return QByteArray(reinterpret_cast<const char*>(out), int(length));
}

bool Crypto::verify(const Key& key, Algorithm algorithm, QByteArrayView signedData, QByteArrayView signature)
{
    if (key.isNull() || key.type != keyTypeOf(algorithm))
        return false;
    MdContext md;
    bool ok = false;
    if (key.type == KeyType::Ed25519) {
        const QByteArray hashed = digest(HashAlgorithm::Sha256, signedData);
        ok = EVP_DigestVerifyInit(md.context, nullptr, nullptr, nullptr, key.pkey.get()) == 1 &&
             EVP_DigestVerify(md.context, reinterpret_cast<const unsigned char*>(signature.data()),
                              size_t(signature.size()), reinterpret_cast<const unsigned char*>(hashed.data()),
                              size_t(hashed.size())) == 1;
    } else {
        const EVP_MD* mdType = hashOf(algorithm) == HashAlgorithm::Sha1 ? EVP_sha1() : EVP_sha256();
        ok = EVP_DigestVerifyInit(md.context, nullptr, mdType, nullptr, key.pkey.get()) == 1 &&
             EVP_DigestVerify(md.context, reinterpret_cast<const unsigned char*>(signature.data()),
                              size_t(signature.size()),
                              reinterpret_cast<const unsigned char*>(signedData.data()),
                              size_t(signedData.size())) == 1;
    }
    ERR_clear_error();
    return ok;
}

QByteArray Crypto::sign(const Key& key, Algorithm algorithm, QByteArrayView signedData)
{
    if (key.isNull() || key.type != keyTypeOf(algorithm))
        return {};
    MdContext md;
    QByteArray toSign = signedData.toByteArray();
    const EVP_MD* mdType = nullptr;
    if (key.type == KeyType::Ed25519)
        toSign = digest(HashAlgorithm::Sha256, signedData);
    else
        mdType = hashOf(algorithm) == HashAlgorithm::Sha1 ? EVP_sha1() : EVP_sha256();
    size_t length = 0;
    if (EVP_DigestSignInit(md.context, nullptr, mdType, nullptr, key.pkey.get()) != 1 ||
        EVP_DigestSign(md.context, nullptr, &length, reinterpret_cast<const unsigned char*>(toSign.data()),
                       size_t(toSign.size())) != 1) {
        ERR_clear_error();
        return {};
    }
    QByteArray out(qsizetype(length), '\0');
    if (EVP_DigestSign(md.context, reinterpret_cast<unsigned char*>(out.data()), &length,
                       reinterpret_cast<const unsigned char*>(toSign.data()), size_t(toSign.size())) != 1) {
        ERR_clear_error();
        return {};
    }
    out.resize(qsizetype(length));
    return out;
}

} // namespace authlens::dkim
