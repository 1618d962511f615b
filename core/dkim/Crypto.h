// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Signature.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

struct evp_pkey_st;

namespace authlens::dkim {

// The public-key operations DKIM needs, through OpenSSL 3 EVP. Keys are immutable once loaded and may be
// shared between threads; every operation makes its own OpenSSL context.
class Crypto
{
public:
    // A loaded key, public or private.
    struct Key
    {
        std::shared_ptr<evp_pkey_st> pkey;
        KeyType type = KeyType::Rsa;
        int bits = 0;
        bool isNull() const { return !pkey; }
    };

    struct KeyLoad
    {
        std::optional<Key> key;
        QString error;
    };

    // The decoded p= of a key record: RSA as SubjectPublicKeyInfo or bare PKCS#1 RSAPublicKey (RFC 6376
    // 3.6.1), Ed25519 as the raw 32-byte key (RFC 8463 4).
    static KeyLoad loadPublicKey(KeyType type, QByteArrayView der);
    // A private key in PEM (PKCS#8 or traditional).
    static KeyLoad loadPrivateKeyPem(QByteArrayView pem);
    static std::optional<Key> generateRsa(int bits);
    static std::optional<Key> generateEd25519();
    // PEM (PKCS#8) of a private key, to save one.
    static QByteArray privateKeyPem(const Key& key);
    // The bytes to publish base64-encoded in p=: SubjectPublicKeyInfo for RSA, the raw key for Ed25519.
    static QByteArray publicKeyRecordBytes(const Key& key);

    static QByteArray digest(HashAlgorithm hash, QByteArrayView data);
    // RFC 6376 3.7 / RFC 8463 3: rsa-* signs the data with PKCS#1 v1.5 over its hash; ed25519-sha256
    // signs the SHA-256 digest of the data with PureEd25519.
    static bool verify(const Key& key, Algorithm algorithm, QByteArrayView signedData,
                       QByteArrayView signature);
    static QByteArray sign(const Key& key, Algorithm algorithm, QByteArrayView signedData);
};

} // namespace authlens::dkim
