// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace authlens::bench {

// The physical bound of DKIM verification on this machine, from `openssl speed` run as child processes:
// no verifier can be faster than hashing every byte it must hash once and doing each public-key
// operation once, at OpenSSL's own best rates.
class OpensslBound
{
public:
    struct Rates
    {
        QString error;                   // empty when every figure was measured
        QString version;                 // "OpenSSL 3.0.x ..."
        double sha256BytesPerSecond = 0; // 16 KB blocks, through EVP
        double rsa2048VerifiesPerSecond = 0;
        double ed25519VerifiesPerSecond = 0;
        int seconds = 0; // per openssl run
        bool ok() const { return error.isEmpty(); }
    };

    // Runs `openssl speed -seconds N ...` three times (SHA-256 with 16 KB blocks, rsa2048, ed25519).
    static Rates measure(int seconds, const QString& opensslProgram = QStringLiteral("openssl"));

    // Parsers for `openssl speed` output (OpenSSL 3.0 layout); 0 when the figure is not found.
    // "sha256  1554543.71k" in 1000s of bytes per second.
    static double parseDigestBytesPerSecond(const QByteArray& output, const QByteArray& algorithm);
    // "rsa 2048 bits 0.000283s 0.000016s 3533.3 60936.7": the last column.
    static double parseRsaVerifiesPerSecond(const QByteArray& output, int bits);
    // " 253 bits EdDSA (Ed25519)   0.0000s   0.0001s  35644.4  13410.7": the last column.
    static double parseEd25519VerifiesPerSecond(const QByteArray& output);

    // Seconds the bound allows for this work.
    static double boundSeconds(const Rates& rates, double hashedBytes, double rsaVerifies,
                               double ed25519Verifies);
};

} // namespace authlens::bench
