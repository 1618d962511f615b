// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace authlens::store {

// How a message's raw bytes are kept in messages.raw_compressed.
//
// Written as one tag byte, 0x81, then a zstd frame that states its content size. zstd at a fast level
// compresses mail 3-5 times faster than zlib at about the same ratio, and compression was most of the
// import's CPU time. Rows written before carry qCompress output (a 4-byte big-endian length, then a zlib
// stream); its first byte is at most 0x7f (QByteArray holds under 2^31 bytes), so the tag can never be
// mistaken for one and both decode.
//
// The stored bytes are hostile like any input (a damaged or crafted database): decode() never trusts a
// stated size beyond its limit, never crashes, and says what is wrong.
class RawMessageCodec
{
public:
    enum class Format
    {
        Zstd,       // tag byte + zstd frame
        LegacyZlib, // qCompress
    };

    struct Decoded
    {
        QByteArray raw;
        QString error; // empty when decoding worked
        bool ok() const { return error.isEmpty(); }
    };

    // zstd level 1: on the benchmark corpus within a few percent of level 3's size at twice its speed.
    static constexpr int kDefaultLevel = 1;
    // No stored message is larger (the readers stop at 64 MB by default); a blob claiming more is damaged.
    static constexpr qint64 kDefaultMaxSize = qint64(1) << 30;
    static constexpr char kZstdTag = '\x81';

    // Tag + zstd frame. Safe to call from any number of threads at once.
    static QByteArray encode(QByteArrayView raw, int level = kDefaultLevel);
    static Decoded decode(QByteArrayView stored, qint64 maxSize = kDefaultMaxSize);
    static Format formatOf(QByteArrayView stored);

private:
    static Decoded decodeZstd(QByteArrayView frame, qint64 maxSize);
    static Decoded decodeLegacy(QByteArrayView stored, qint64 maxSize);
};

} // namespace authlens::store
