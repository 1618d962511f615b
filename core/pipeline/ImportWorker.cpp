// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/ImportWorker.h"

#include "mail/Message.h"
#include "pipeline/AnalysisRecords.h"
#include "pipeline/Analyzer.h"
#include "pipeline/ContentHash.h"
#include "store/RawMessageCodec.h"

#include <QDateTime>
#include <QStringDecoder>

#include <exception>

namespace authlens::pipeline {

namespace {

// `positionInMessage`: the byte of the message the problem is at; none for the message as a whole.
store::ImportError entry(const ImportJob& job, std::optional<qint64> positionInMessage,
                         const QString& message)
{
    store::ImportError error;
    error.path = job.errorPath;
    if (positionInMessage)
        error.offset = job.errorContentOffset + *positionInMessage;
    else if (job.errorOffset >= 0)
        error.offset = job.errorOffset;
    error.uid = job.uid;
    error.message = message;
    error.occurredAt = QDateTime::currentDateTimeUtc();
    return error;
}

bool isValidUtf8(QByteArrayView bytes)
{
    bool ascii = true;
    for (const char c : bytes)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii)
        return true;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes); // the decoder reports errors only once it has run
    Q_UNUSED(text);
    return !decoder.hasError();
}

} // namespace

store::ImportError ImportWorker::logEntry(const sources::SourceError& error)
{
    store::ImportError entry;
    entry.path = error.path;
    if (error.offset >= 0)
        entry.offset = error.offset;
    entry.message = sources::SourceError::severityWord(error.severity) + QStringLiteral(": ") + error.message;
    entry.occurredAt = QDateTime::currentDateTimeUtc();
    return entry;
}

AnalyzedJob ImportWorker::process(ImportJob job, const StoredCheck& isStored) const
{
    AnalyzedJob result;
    result.sequence = job.sequence;
    result.resume = job.resume;
    for (const sources::SourceError& error : job.sourceErrors) {
        result.log.append(logEntry(error));
        if (error.severity == sources::SourceError::Severity::Error && error.index >= 0)
            ++result.failedMessages;
    }
    result.log.append(job.logEntries);
    result.failedMessages += job.failedMessages;
    if (!job.bytes)
        return result;
    const QByteArray hash = ContentHash::of(*job.bytes);
    if (isStored && isStored(hash)) {
        result.alreadyStored = true;
        return result;
    }
    // Analysis runs on hostile bytes: whatever escapes it (an allocation failure on a huge message)
    // costs this message, never the import.
    try {
        analyze(job, hash, result);
    } catch (const std::exception& e) {
        result.write.reset();
        result.log.append(
            entry(job, std::nullopt,
                  QStringLiteral("error: message not stored: %1").arg(QString::fromLocal8Bit(e.what()))));
        ++result.failedMessages;
    } catch (...) {
        result.write.reset();
        result.log.append(
            entry(job, std::nullopt, QStringLiteral("error: message not stored: analysis failed")));
        ++result.failedMessages;
    }
    return result;
}

void ImportWorker::analyze(const ImportJob& job, const QByteArray& contentHash, AnalyzedJob& result) const
{
    const QByteArray& raw = *job.bytes;
    const mail::Message message = mail::Message::parse(raw, m_analyzer.options().message);
    // Past a header or line limit the message is hostile or damaged beyond analysis: an error for
    // this message, and the import goes on with the next.
    if (const std::optional<mail::ParseProblem>& limit = message.limitError()) {
        result.log.append(
            entry(job, limit->offset, QStringLiteral("error: message not stored: %1").arg(limit->message)));
        ++result.failedMessages;
        return;
    }

    // RFC 6532 allows UTF-8 in header fields; anything else 8-bit is damage the analyst should know
    // about (the message is stored as received all the same).
    for (const mail::HeaderField& field : message.headerFields()) {
        if (!isValidUtf8(field.raw)) {
            result.log.append(entry(job, field.offset,
                                    QStringLiteral("warning: header field %1 (line %2) is not valid UTF-8; "
                                                   "stored as received")
                                        .arg(QString::fromLatin1(field.name.left(80)))
                                        .arg(field.line)));
        }
    }
    if (message.headerFields().empty()) {
        result.log.append(
            entry(job, std::nullopt, QStringLiteral("warning: no header fields found; stored as received")));
    }

    const Analysis analysis = m_analyzer.analyze(message);
    store::BatchWriter::MessageWrite write;
    write.message = AnalysisRecords::messageRecord(message);
    write.message.sourceId = m_context.sourceId;
    write.message.importId = m_context.importId;
    write.message.locator = job.locator;
    write.message.contentHash = contentHash;
    write.raw = raw;
    if (m_context.compress)
        write.compressedRaw = store::RawMessageCodec::encode(raw, m_context.compressionLevel);
    write.runId = m_context.runId;
    write.results = AnalysisRecords::results(analysis);
    result.write = std::move(write);
}

} // namespace authlens::pipeline
