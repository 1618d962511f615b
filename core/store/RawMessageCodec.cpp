// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/RawMessageCodec.h"

#include <zlib.h>
#include <zstd.h>

#include <memory>

namespace authlens::store {

namespace {

struct CompressionContextFree
{
    void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
};
struct DecompressionContextFree
{
    void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
};

// One context per thread, kept: making one allocates and clears several hundred kilobytes, which costs
// more than compressing a small message.
ZSTD_CCtx* compressionContext()
{
    thread_local std::unique_ptr<ZSTD_CCtx, CompressionContextFree> context(ZSTD_createCCtx());
    return context.get();
}

ZSTD_DCtx* decompressionContext()
{
    thread_local std::unique_ptr<ZSTD_DCtx, DecompressionContextFree> context(ZSTD_createDCtx());
    return context.get();
}

QString sizeText(qint64 bytes)
{
    return QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace

QByteArray RawMessageCodec::encode(QByteArrayView raw, int level)
{
    ZSTD_CCtx* context = compressionContext();
    const std::size_t bound = ZSTD_compressBound(std::size_t(raw.size()));
    QByteArray stored(qsizetype(bound) + 1, Qt::Uninitialized);
    stored[0] = kZstdTag;
    std::size_t written = 0;
    if (context) {
        ZSTD_CCtx_reset(context, ZSTD_reset_session_and_parameters);
        ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level);
        // decode() relies on the frame stating its size, and the checksum catches damage zstd's own
        // structure would let through.
        ZSTD_CCtx_setParameter(context, ZSTD_c_contentSizeFlag, 1);
        ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1);
        written = ZSTD_compress2(context, stored.data() + 1, bound, raw.data(), std::size_t(raw.size()));
    }
    if (!context || ZSTD_isError(written)) {
        // Only an allocation failure gets here; a frame zstd can always write: level 0 defaults.
        written = ZSTD_compress(stored.data() + 1, bound, raw.data(), std::size_t(raw.size()), 0);
        if (ZSTD_isError(written))
            return {};
    }
    stored.truncate(qsizetype(written) + 1);
    return stored;
}

RawMessageCodec::Format RawMessageCodec::formatOf(QByteArrayView stored)
{
    return !stored.isEmpty() && stored.front() == kZstdTag ? Format::Zstd : Format::LegacyZlib;
}

RawMessageCodec::Decoded RawMessageCodec::decode(QByteArrayView stored, qint64 maxSize)
{
    if (stored.isEmpty())
        return {{}, QStringLiteral("the stored raw bytes are empty (no format tag)")};
    if (formatOf(stored) == Format::Zstd)
        return decodeZstd(stored.sliced(1), maxSize);
    return decodeLegacy(stored, maxSize);
}

RawMessageCodec::Decoded RawMessageCodec::decodeZstd(QByteArrayView frame, qint64 maxSize)
{
    const unsigned long long stated = ZSTD_getFrameContentSize(frame.data(), std::size_t(frame.size()));
    if (stated == ZSTD_CONTENTSIZE_ERROR)
        return {{}, QStringLiteral("the stored raw bytes are damaged: no zstd frame after the format tag")};
    if (stated == ZSTD_CONTENTSIZE_UNKNOWN)
        return {{},
                QStringLiteral("the stored raw bytes are damaged: the zstd frame does not state its size")};
    if (stated > static_cast<unsigned long long>(maxSize)) {
        return {
            {},
            QStringLiteral("the stored raw bytes are damaged: the zstd frame claims %1, over the %2 limit")
                .arg(QString::number(stated), sizeText(maxSize))};
    }
    const std::size_t frameSize = ZSTD_findFrameCompressedSize(frame.data(), std::size_t(frame.size()));
    if (ZSTD_isError(frameSize)) {
        return {{},
                QStringLiteral("the stored raw bytes are damaged: %1 (zstd frame of %2)")
                    .arg(QString::fromLatin1(ZSTD_getErrorName(frameSize)), sizeText(frame.size()))};
    }
    if (frameSize != std::size_t(frame.size())) {
        return {{},
                QStringLiteral("the stored raw bytes are damaged: %1 after the zstd frame")
                    .arg(sizeText(frame.size() - qint64(frameSize)))};
    }
    ZSTD_DCtx* context = decompressionContext();
    if (!context)
        return {{}, QStringLiteral("cannot decompress the stored raw bytes: out of memory")};
    ZSTD_DCtx_reset(context, ZSTD_reset_session_and_parameters);

    // The stated size is only a claim: the output grows with what the frame really yields, so a few
    // crafted bytes claiming a gigabyte cost no gigabyte.
    const qint64 expected = qint64(stated);
    QByteArray raw;
    qint64 capacity = qMin(expected, qMax<qint64>(qint64(frame.size()) * 8, 64 * 1024));
    raw.resize(qsizetype(capacity));
    ZSTD_inBuffer input{frame.data(), std::size_t(frame.size()), 0};
    ZSTD_outBuffer output{raw.data(), std::size_t(capacity), 0};
    for (;;) {
        const std::size_t left = ZSTD_decompressStream(context, &output, &input);
        if (ZSTD_isError(left)) {
            return {{},
                    QStringLiteral("the stored raw bytes are damaged: %1 at compressed byte %2")
                        .arg(QString::fromLatin1(ZSTD_getErrorName(left)))
                        .arg(input.pos + 1)};
        }
        if (left == 0)
            break; // the frame ended (and its checksum matched)
        if (output.pos == output.size) {
            if (capacity >= expected) {
                return {{},
                        QStringLiteral("the stored raw bytes are damaged: more than the stated %1")
                            .arg(sizeText(expected))};
            }
            capacity = qMin(expected, capacity * 2);
            raw.resize(qsizetype(capacity));
            output.dst = raw.data();
            output.size = std::size_t(capacity);
        } else if (input.pos == input.size) {
            return {{}, QStringLiteral("the stored raw bytes are damaged: the zstd frame is cut short")};
        }
    }
    if (qint64(output.pos) != expected) {
        return {{},
                QStringLiteral("the stored raw bytes are damaged: %1 decoded, the frame states %2")
                    .arg(sizeText(qint64(output.pos)), sizeText(expected))};
    }
    raw.truncate(qsizetype(output.pos));
    return {raw, QString()};
}

RawMessageCodec::Decoded RawMessageCodec::decodeLegacy(QByteArrayView stored, qint64 maxSize)
{
    // qCompress: 4-byte big-endian uncompressed size, then a zlib stream. Inflated here rather than by
    // qUncompress, which keeps doubling its buffer (up to 2 GB) while a crafted stream yields more.
    if (stored.size() < 4) {
        return {{},
                QStringLiteral("the stored raw bytes are damaged: %1, too short for any format")
                    .arg(sizeText(stored.size()))};
    }
    const auto byte = [&](int i) { return quint32(static_cast<unsigned char>(stored[i])); };
    const qint64 expected = qint64((byte(0) << 24) | (byte(1) << 16) | (byte(2) << 8) | byte(3));
    if (expected > maxSize) {
        return {{},
                QStringLiteral("the stored raw bytes are damaged: the zlib data claims %1, over the %2 limit")
                    .arg(sizeText(expected), sizeText(maxSize))};
    }
    if (expected == 0 && stored.size() == 4)
        return {QByteArray(), QString()}; // qCompress of nothing
    const QByteArrayView compressed = stored.sliced(4);
    const auto damaged = [&](const QString& why) {
        return Decoded{{}, QStringLiteral("the stored raw bytes are damaged: the zlib data %1").arg(why)};
    };
    z_stream stream{};
    if (inflateInit(&stream) != Z_OK)
        return {{}, QStringLiteral("cannot decompress the stored raw bytes: out of memory")};
    QByteArray raw;
    qint64 capacity = qMin(expected, qMax<qint64>(qint64(compressed.size()) * 8, 64 * 1024));
    raw.resize(qsizetype(capacity));
    // zlib counts in uInt: feed and drain at most 1 GB at a time (maxSize may allow more).
    constexpr qint64 kStep = qint64(1) << 30;
    qint64 in = 0;
    qint64 out = 0;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        if (out == capacity) {
            if (capacity >= expected) {
                inflateEnd(&stream);
                return damaged(QStringLiteral("yields more than the stated %1").arg(sizeText(expected)));
            }
            capacity = qMin(expected, capacity * 2);
            raw.resize(qsizetype(capacity));
        }
        const qint64 inChunk = qMin<qint64>(compressed.size() - in, kStep);
        const qint64 outChunk = qMin<qint64>(capacity - out, kStep);
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data() + in));
        stream.avail_in = uInt(inChunk);
        stream.next_out = reinterpret_cast<Bytef*>(raw.data() + out);
        stream.avail_out = uInt(outChunk);
        status = inflate(&stream, Z_NO_FLUSH);
        in += inChunk - qint64(stream.avail_in);
        out += outChunk - qint64(stream.avail_out);
        if (status == Z_BUF_ERROR && in == compressed.size() && out < capacity) {
            inflateEnd(&stream);
            return damaged(
                QStringLiteral("is cut short (after %1 of %2)").arg(sizeText(out), sizeText(expected)));
        }
        if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
            const QString message = stream.msg ? QString::fromLatin1(stream.msg) : QString::number(status);
            inflateEnd(&stream);
            return damaged(
                QStringLiteral("does not decompress (%1, at compressed byte %2)").arg(message).arg(in + 5));
        }
    }
    inflateEnd(&stream);
    if (out != expected)
        return damaged(
            QStringLiteral("decompresses to %1, not the stated %2").arg(sizeText(out), sizeText(expected)));
    raw.truncate(qsizetype(out));
    return {raw, QString()};
}

} // namespace authlens::store
