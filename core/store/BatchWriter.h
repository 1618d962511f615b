// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/RawMessageCodec.h"
#include "store/Records.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlQuery>

#include <functional>
#include <memory>
#include <optional>

namespace authlens::store {

class Database;

// The pipeline's one writer: a message with all its results in one call, batched into transactions.
//
// A batch commits every `batchSize` messages or when `maxBatchMilliseconds` have passed since it began
// (checked on each write; call flush() when the input goes idle). Each message is written inside its
// own savepoint, so a message is stored whole or not at all, and one bad message does not cost the
// batch. Messages are deduplicated by the SHA-256 of their raw bytes (the UNIQUE content_hash): an
// import that was killed and restarted never stores a message twice.
//
// The summary tables (schema version 7) are kept by triggers for every writer. Where the dialect can switch
// this connection's triggers off (SQLite), write() does so for the rest of the batch and brings the summaries
// up to date with one grouped statement per table when the batch commits, or before writeVerification()
// needs the triggers again: the dashboard counts stay exact at every commit, at a fraction of the per-row
// cost. While a batch is open, change or delete messages on this connection only through this writer.
//
// Use from the thread that opened the Database (one writer thread per import).
class BatchWriter
{
public:
    enum class RawStorage
    {
        Compressed,    // the raw bytes, compressed (RawMessageCodec): the trace outlives the source
        ReferenceOnly, // only the locator; the source must stay where it is
    };

    struct Options
    {
        int batchSize = 1000;
        int maxBatchMilliseconds = 2000;
        RawStorage rawStorage = RawStorage::Compressed;
        int compressionLevel = RawMessageCodec::kDefaultLevel; // zstd
    };

    struct MessageWrite
    {
        MessageRecord message; // id, rawStored and the result summary are filled in by the writer
        QByteArray raw;
        // RawMessageCodec::encode(raw) made beforehand (the import's workers compress in parallel); empty:
        // the writer compresses.
        QByteArray compressedRaw;
        qint64 runId = 0; // the verification run the results belong to; 0: no results
        VerificationResults results;
    };

    struct Outcome
    {
        bool ok = false;
        bool isNew = false; // false: a message with the same content hash was already stored
        qint64 messageId = 0;
        QString error;
    };

    explicit BatchWriter(Database& database);
    BatchWriter(Database& database, Options options);
    ~BatchWriter(); // commits what is pending
    BatchWriter(const BatchWriter&) = delete;
    BatchWriter& operator=(const BatchWriter&) = delete;

    Outcome write(const MessageWrite& item);
    // Results of a later run (re-verification) for a stored message; earlier runs stay as history.
    Outcome writeVerification(qint64 messageId, qint64 runId, const VerificationResults& results);

    // True while the open batch writes messages with the summary triggers off (tests).
    bool summariesDeferred() const { return m_summariesDeferred; }

    bool flush();   // commits the open batch
    void discard(); // rolls the open batch back
    int pending() const { return m_pending; }
    QString lastError() const { return m_lastError; }

    // RFC 8601 result words ranked for the message's summary: the best signature decides.
    static QString summarizeDkim(const QList<DkimSignatureRecord>& signatures);
    static QByteArray contentHash(const QByteArray& raw);

private:
    QSqlQuery& prepared(const QString& key, const QString& sql);
    // Builds the SQL only the first time: building it for every message cost more than binding its values.
    QSqlQuery& prepared(const QString& key, const std::function<QString()>& sql);
    bool ensureBatch();
    void commitIfDue();
    bool exec(QSqlQuery& query, const QString& what);
    Outcome writeInSavepoint(const std::function<Outcome()>& body);
    bool writeResults(qint64 messageId, qint64 runId, const VerificationResults& results);
    std::optional<qint64> dnsRecordId(const std::optional<DnsRecordRecord>& record);
    std::optional<qint64> dnsRecordId(const DnsRecordRecord& record);
    bool writeFinding(const FindingRecord& finding, qint64 messageId);
    void deferSummaries();
    bool catchUpSummaries();
    void keepMessageRows();
    void dropMessageRows();
    bool writeBatchRows();
    bool writeLinks(qsizetype first, int count);

    Database& m_database;
    Options m_options;
    bool m_inBatch = false;
    int m_pending = 0;
    QElapsedTimer m_batchTimer;
    QString m_lastError;
    QHash<QString, QSqlQuery> m_queries;
    // Rows written once per batch, before the commit: the DNS records each message's run consulted, and
    // the findings with their occurrences counted (per message until its savepoint is released).
    struct Link
    {
        qint64 messageId = 0;
        qint64 runId = 0;
        qint64 dnsRecordId = 0;
    };
    struct PendingFinding
    {
        QVariantList values; // the row of its first occurrence in the batch
        qint64 occurrences = 0;
    };
    QList<Link> m_batchLinks;
    QList<Link> m_messageLinks;
    QHash<QByteArray, PendingFinding> m_batchFindings;
    QList<QByteArray> m_batchFindingOrder; // first occurrence first
    QHash<QByteArray, PendingFinding> m_messageFindings;
    QList<QByteArray> m_messageFindingOrder;
    // Schema version 8 or later: the messages table has the finding summary columns. A database opened
    // at an earlier target version (the migration tests) is written without them.
    bool m_findingSummary = true;
    std::optional<bool> m_canDeferSummaries; // the schema has the summary triggers (asked once)
    bool m_summariesDeferred = false;
    qint64 m_deferredAfterId = 0;                      // messages above this id are not in the summaries yet
    QHash<QByteArray, qint64> m_dnsRecordIds;          // content key -> id, for committed rows
    QHash<QByteArray, qint64> m_batchDnsRecordIds;     // inserted in the open batch
    QHash<QByteArray, qint64> m_savepointDnsRecordIds; // inserted for the message being written
};

} // namespace authlens::store
