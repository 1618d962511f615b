// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace authlens::pipeline {

// The SHA-256 of a message's raw bytes, lowercase hex: the same value as store::BatchWriter::contentHash,
// computed with OpenSSL, which on this hot path (every byte of every message) is several times faster
// than QCryptographicHash.
class ContentHash
{
public:
    static QByteArray of(QByteArrayView raw);
};

} // namespace authlens::pipeline
