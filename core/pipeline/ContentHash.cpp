// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/ContentHash.h"

#include "store/BatchWriter.h"

#include <openssl/evp.h>

namespace authlens::pipeline {

QByteArray ContentHash::of(QByteArrayView raw)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(raw.data(), std::size_t(raw.size()), digest, &length, EVP_sha256(), nullptr) != 1)
        return store::BatchWriter::contentHash(raw.toByteArray()); // never expected; stay correct
    return QByteArray(reinterpret_cast<const char*>(digest), int(length)).toHex();
}

} // namespace authlens::pipeline
