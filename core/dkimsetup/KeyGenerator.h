// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Crypto.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace authlens::dkimsetup {

// The key kinds a platform offers its customers. RSA 2048 is the default: every receiver verifies it and
// it fits a TXT record in two strings. Ed25519 (RFC 8463) is small and fast but many receivers still
// cannot verify it, so it should be published beside an RSA key, never alone.
enum class KeyKind
{
    Rsa2048,
    Rsa3072,
    Rsa4096,
    Ed25519,
};

QString keyKindName(KeyKind kind); // "rsa2048", "rsa3072", "rsa4096", "ed25519"
std::optional<KeyKind> keyKindFromName(QStringView name);
dkim::KeyType keyTypeOf(KeyKind kind);

// The public half of a key as the setup flow keeps it: what goes into p=, and its fingerprint.
struct PublicKeyInfo
{
    dkim::KeyType type = dkim::KeyType::Rsa;
    int bits = 0;
    QByteArray recordBytes; // decoded p=: SubjectPublicKeyInfo (RSA) or the raw 32 bytes (Ed25519)
    QByteArray spkiDer;     // SubjectPublicKeyInfo DER for both kinds (RFC 5280 4.1.2.7, RFC 8410 4)
    QByteArray fingerprint; // "SHA256:" + base64 of SHA-256(spkiDer), as ssh-keygen prints them
    QByteArray base64() const { return recordBytes.toBase64(); }

    // Empty info when the key is null.
    static PublicKeyInfo of(const dkim::Crypto::Key& key);
};

// Generates a DKIM key pair for one domain and selector and writes the private key as PEM (PKCS#8) to a
// file created with owner-only permissions. The private key never goes anywhere else (not into the
// database, not to standard output).
class KeyGenerator
{
public:
    struct Request
    {
        QByteArray domain;   // d=; a UTF-8 domain is converted to its A-label form
        QByteArray selector; // s=
        KeyKind kind = KeyKind::Rsa2048;
        QString outputDirectory; // must exist
    };

    struct Result
    {
        QByteArray domain;   // A-label, lower case
        QByteArray selector; // lower case
        KeyKind kind = KeyKind::Rsa2048;
        PublicKeyInfo publicKey;
        QString privateKeyPath; // absolute
        QString error;          // set when nothing usable was produced
        bool ok() const { return error.isEmpty(); }
    };

    static Result generate(const Request& request);

    // The file name for a domain and selector: "<selector>._domainkey.<domain>.private.pem".
    static QString privateKeyFileName(const QByteArray& domain, const QByteArray& selector);

    // Empty when `selector` is a valid selector (RFC 6376 3.1: sub-domain, dot-separated labels of letters,
    // digits and hyphens); otherwise why not.
    static QString selectorError(QByteArrayView selector);
    struct DomainCheck
    {
        QByteArray domain; // A-label, lower case, no final dot; empty when refused
        QString error;
    };
    // A signing domain in the form it is compared and published in, or why it cannot be one.
    static DomainCheck normalizedDomain(QByteArrayView domain);

    // Writes `pem` to a new file created 0600 (never widened and then narrowed: the mode is given to
    // open(2)); refuses to replace an existing file. Empty on success, else the reason.
    static QString writePrivateKey(const QString& path, const QByteArray& pem);
};

} // namespace authlens::dkimsetup
