// SPDX-License-Identifier: GPL-3.0-or-later
// mbox splitter: MboxReader over the input written to a scratch file (the reader streams from a path).
// The file is read twice, with the default 1 MB chunks and with tiny chunks picked by the first input
// byte; the messages must be the same (the reader promises chunk-size independence), lie inside the
// file in increasing order, and the reader must end.
#include "sources/MboxReader.h"

#include <QDir>
#include <QFile>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include <vector>

using namespace authlens::sources;

namespace {

void require(bool condition, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz_mbox: %s\n", what);
        std::abort();
    }
}

struct Split
{
    QByteArray bytes;
    QByteArray envelopeFrom;
    qint64 offset = 0;
    qint64 length = 0;
};

std::vector<Split> readAll(const QString& path, qint64 fileSize, const ReaderOptions& options)
{
    MboxReader reader(path, options);
    std::vector<Split> messages;
    qint64 previousEnd = 0;
    while (auto item = reader.next()) {
        require(item->offset >= previousEnd, "messages overlap or go backwards");
        require(item->length >= 0 && item->offset + item->length <= fileSize,
                "a message lies outside the file");
        require(item->bytes.size() <= item->length, "a message is longer than its place in the file");
        previousEnd = item->offset + item->length;
        messages.push_back({item->bytes, item->envelopeFrom, item->offset, item->length});
        require(qint64(messages.size()) <= fileSize + 1, "more messages than bytes: the reader does not end");
        (void)reader.takeErrors();
    }
    (void)reader.takeErrors();
    return messages;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    static const QString path =
        QDir::temp().filePath(QStringLiteral("authlens-fuzz-mbox-%1.mbox").arg(qint64(::getpid())));
    const std::uint8_t control = data[0];
    const QByteArray content(reinterpret_cast<const char*>(data) + 1, qsizetype(size - 1));
    {
        QFile file(path);
        require(file.open(QIODevice::WriteOnly | QIODevice::Truncate), "cannot write the scratch file");
        require(file.write(content) == content.size(), "cannot write the scratch file");
    }
    ReaderOptions options;
    options.mboxQuoting = static_cast<MboxQuoting>(control % 3);
    options.honourContentLength = (control & 4) != 0;
    options.maxMessageSize = (control & 8) ? 64 : options.maxMessageSize;
    const std::vector<Split> whole = readAll(path, content.size(), options);

    options.chunkSize = (control >> 4) + 1;
    const std::vector<Split> chunked = readAll(path, content.size(), options);
    require(whole.size() == chunked.size(), "chunk size changes the number of messages");
    for (std::size_t i = 0; i < whole.size(); ++i) {
        require(whole[i].bytes == chunked[i].bytes, "chunk size changes a message's bytes");
        require(whole[i].envelopeFrom == chunked[i].envelopeFrom, "chunk size changes a postmark");
        require(whole[i].offset == chunked[i].offset && whole[i].length == chunked[i].length,
                "chunk size changes where a message is");
    }
    return 0;
}
