// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/BatchWriter.h"

#include "store/ColumnValues.h"
#include "store/Database.h"
#include "store/Schema.h"

#include <QCryptographicHash>
#include <QSqlError>

#include <algorithm>

namespace authlens::store {

namespace {

// Rows of DNS records remembered per writer; beyond this the cache starts over (the UNIQUE key still
// deduplicates, at the price of one lookup).
constexpr qsizetype kMaxCachedDnsRecords = 200000;

// Links to DNS records per INSERT at the commit (3 placeholders each; the rest goes in power-of-two
// statements, so at most nine statement sizes are prepared).
constexpr int kLinksPerStatement = 256;

const QStringList kMessageColumns = {
    QStringLiteral("content_hash"),      QStringLiteral("source_id"),
    QStringLiteral("import_id"),         QStringLiteral("locator_path"),
    QStringLiteral("mbox_offset"),       QStringLiteral("maildir_name"),
    QStringLiteral("imap_folder"),       QStringLiteral("imap_uidvalidity"),
    QStringLiteral("imap_uid"),          QStringLiteral("from_address"),
    QStringLiteral("from_domain"),       QStringLiteral("subject"),
    QStringLiteral("message_id_header"), QStringLiteral("date_utc"),
    QStringLiteral("day_utc"),           QStringLiteral("size"),
    QStringLiteral("raw_compressed"),    QStringLiteral("imported_at"),
    QStringLiteral("dkim_result"),       QStringLiteral("spf_result"),
    QStringLiteral("dmarc_result"),      QStringLiteral("latest_run_id"),
};

// Schema version 5: the delivery status notification columns, written with the message.
const QStringList kDeliveryStatusColumns = {QStringLiteral("is_dsn"), QStringLiteral("dsn_action"),
                                            QStringLiteral("dsn_status"),
                                            QStringLiteral("dsn_original_domain")};

// Schema version 8: the newest run's finding count and worst severity, for the message list.
const QStringList kFindingSummaryColumns = {QStringLiteral("finding_count"), QStringLiteral("finding_worst")};

QVariant worstSeverity(const QList<FindingRecord>& findings)
{
    if (findings.isEmpty())
        return QVariant(QMetaType(QMetaType::QString));
    FindingSeverity worst = FindingSeverity::Info;
    for (const FindingRecord& finding : findings)
        worst = std::max(worst, finding.severity);
    return column::severityWord(worst);
}

// The delivery status columns are NULL rather than empty, so the bounce counts' index skips them.
QString nullIfEmpty(const QString& text)
{
    return text.isEmpty() ? QString() : text;
}

const QStringList kDkimColumns = {
    QStringLiteral("message_id"),
    QStringLiteral("run_id"),
    QStringLiteral("signature_index"),
    QStringLiteral("sdid"),
    QStringLiteral("selector"),
    QStringLiteral("algorithm"),
    QStringLiteral("header_canonicalization"),
    QStringLiteral("body_canonicalization"),
    QStringLiteral("auid"),
    QStringLiteral("signed_header_names"),
    QStringLiteral("body_length_limit"),
    QStringLiteral("signature_timestamp"),
    QStringLiteral("signature_expiration"),
    QStringLiteral("key_bits"),
    QStringLiteral("result"),
    QStringLiteral("reason"),
    QStringLiteral("key_record_id"),
};

const QStringList kSpfColumns = {QStringLiteral("message_id"), QStringLiteral("run_id"),
                                 QStringLiteral("result"),     QStringLiteral("domain"),
                                 QStringLiteral("ip"),         QStringLiteral("mailfrom"),
                                 QStringLiteral("helo"),       QStringLiteral("explanation"),
                                 QStringLiteral("reason"),     QStringLiteral("record_id")};

const QStringList kDmarcColumns = {
    QStringLiteral("message_id"),
    QStringLiteral("run_id"),
    QStringLiteral("result"),
    QStringLiteral("from_domain"),
    QStringLiteral("policy_domain"),
    QStringLiteral("organizational_domain"),
    QStringLiteral("policy"),
    QStringLiteral("disposition"),
    QStringLiteral("dkim_aligned"),
    QStringLiteral("spf_aligned"),
    QStringLiteral("reason"),
    QStringLiteral("rfc7489_result"),
    QStringLiteral("rfc7489_policy_domain"),
    QStringLiteral("rfc7489_organizational_domain"),
    QStringLiteral("rfc7489_disposition"),
    QStringLiteral("record_id"),
};

const QStringList kDnsColumns = {
    QStringLiteral("content_key"), QStringLiteral("name"),        QStringLiteral("type"),
    QStringLiteral("text"),        QStringLiteral("ttl"),         QStringLiteral("fetched_at"),
    QStringLiteral("dnssec"),      QStringLiteral("cname_chain"), QStringLiteral("origin")};

const QStringList kFindingColumns = {
    QStringLiteral("content_key"),      QStringLiteral("finding_id"),  QStringLiteral("severity"),
    QStringLiteral("subject"),          QStringLiteral("message"),     QStringLiteral("fix"),
    QStringLiteral("corrected_record"), QStringLiteral("reference"),   QStringLiteral("first_seen_at"),
    QStringLiteral("last_seen_at"),     QStringLiteral("occurrences"), QStringLiteral("example_message_id")};

int dkimRank(const QString& result)
{
    static const QStringList order = {QStringLiteral("pass"),      QStringLiteral("fail"),
                                      QStringLiteral("policy"),    QStringLiteral("neutral"),
                                      QStringLiteral("temperror"), QStringLiteral("permerror")};
    const qsizetype index = order.indexOf(result);
    return index < 0 ? int(order.size()) : int(index);
}

// TTL and fetch time are left out: the same record fetched again (its TTL counting down in a cache)
// is the same record.
QByteArray dnsContentKey(const DnsRecordRecord& record)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString& part : {record.name.toLower(), record.type.toUpper(), record.text, record.dnssec,
                                record.cnameChain.join(QLatin1Char(' ')), record.origin}) {
        hash.addData(part.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
    }
    return hash.result().toHex();
}

QByteArray findingContentKey(const FindingRecord& finding)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString& part : {finding.id, finding.subject, finding.message}) {
        hash.addData(part.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
    }
    return hash.result().toHex();
}

} // namespace

BatchWriter::BatchWriter(Database& database)
    : BatchWriter(database, Options{})
{}

BatchWriter::BatchWriter(Database& database, Options options)
    : m_database(database)
    , m_options(options)
    , m_findingSummary(database.schemaVersion() >= 8)
{
    if (m_options.batchSize < 1)
        m_options.batchSize = 1;
}

BatchWriter::~BatchWriter()
{
    flush();
    m_queries.clear();
}

QByteArray BatchWriter::contentHash(const QByteArray& raw)
{
    return QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex();
}

QString BatchWriter::summarizeDkim(const QList<DkimSignatureRecord>& signatures)
{
    if (signatures.isEmpty())
        return QStringLiteral("none");
    const DkimSignatureRecord* best = &signatures.first();
    for (const DkimSignatureRecord& signature : signatures) {
        if (dkimRank(signature.result) < dkimRank(best->result))
            best = &signature;
    }
    return best->result;
}

QSqlQuery& BatchWriter::prepared(const QString& key, const QString& sql)
{
    auto it = m_queries.find(key);
    if (it == m_queries.end()) {
        QSqlQuery query(m_database.connection());
        query.prepare(sql);
        it = m_queries.insert(key, query);
    }
    return it.value();
}

QSqlQuery& BatchWriter::prepared(const QString& key, const std::function<QString()>& sql)
{
    if (auto it = m_queries.find(key); it != m_queries.end())
        return it.value();
    return prepared(key, sql());
}

bool BatchWriter::exec(QSqlQuery& query, const QString& what)
{
    if (query.exec())
        return true;
    m_lastError = QStringLiteral("%1: %2").arg(what, query.lastError().text());
    return false;
}

bool BatchWriter::ensureBatch()
{
    if (m_inBatch)
        return true;
    if (!m_database.beginTransaction()) {
        m_lastError = QStringLiteral("cannot begin a transaction: ") + m_database.lastError();
        return false;
    }
    m_inBatch = true;
    m_pending = 0;
    m_batchTimer.start();
    return true;
}

void BatchWriter::commitIfDue()
{
    if (m_pending >= m_options.batchSize || m_batchTimer.elapsed() >= m_options.maxBatchMilliseconds)
        flush();
}

void BatchWriter::deferSummaries()
{
    if (m_summariesDeferred || !m_inBatch)
        return;
    if (!m_canDeferSummaries)
        m_canDeferSummaries = m_database.schemaVersion() >= 7; // the version with the summary tables
    if (!*m_canDeferSummaries)
        return;
    // Nobody else writes while this transaction holds the write lock: every message above this id is one
    // this writer inserts with the triggers off.
    QSqlQuery& highest = prepared(QStringLiteral("highest-message"),
                                  QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM messages"));
    if (!highest.exec() || !highest.next()) {
        highest.finish();
        return; // the triggers stay on
    }
    m_deferredAfterId = highest.value(0).toLongLong();
    highest.finish();
    m_summariesDeferred =
        m_database.dialect().suspendTriggers(m_database.connection(), Schema::summaryTriggerNames());
}

bool BatchWriter::catchUpSummaries()
{
    if (!m_summariesDeferred)
        return true;
    static const QStringList statements = Schema::summaryCatchUpStatements();
    for (qsizetype i = 0; i < statements.size(); ++i) {
        QSqlQuery& query = prepared(QStringLiteral("summary-catch-up-%1").arg(i), statements.at(i));
        query.bindValue(0, m_deferredAfterId);
        if (!exec(query, QStringLiteral("update the summaries"))) {
            // Part of the counts may be in: only the whole batch can go, never a second try.
            const QString error = m_lastError;
            discard();
            m_lastError = error;
            return false;
        }
        query.finish();
    }
    m_database.dialect().resumeTriggers(m_database.connection());
    m_summariesDeferred = false;
    return true;
}

bool BatchWriter::flush()
{
    if (!m_inBatch)
        return true;
    if (!writeBatchRows() || !catchUpSummaries()) {
        const QString error = m_lastError;
        discard();
        m_lastError = error;
        return false;
    }
    for (QSqlQuery& query : m_queries)
        query.finish();
    if (!m_database.commit()) {
        m_lastError = QStringLiteral("commit failed: ") + m_database.lastError();
        discard();
        return false;
    }
    m_inBatch = false;
    m_pending = 0;
    if (m_dnsRecordIds.size() + m_batchDnsRecordIds.size() > kMaxCachedDnsRecords)
        m_dnsRecordIds.clear();
    m_dnsRecordIds.insert(m_batchDnsRecordIds);
    m_batchDnsRecordIds.clear();
    return true;
}

void BatchWriter::discard()
{
    if (!m_inBatch)
        return;
    for (QSqlQuery& query : m_queries)
        query.finish();
    m_database.rollback();
    if (m_summariesDeferred) {
        m_database.dialect().resumeTriggers(m_database.connection());
        m_summariesDeferred = false;
    }
    m_inBatch = false;
    m_pending = 0;
    m_batchDnsRecordIds.clear();
    m_savepointDnsRecordIds.clear();
    dropMessageRows();
    m_batchLinks.clear();
    m_batchFindings.clear();
    m_batchFindingOrder.clear();
}

BatchWriter::Outcome BatchWriter::writeInSavepoint(const std::function<Outcome()>& body)
{
    if (!ensureBatch())
        return {false, false, 0, m_lastError};
    // SAVEPOINT is standard SQL: one message is stored whole or not at all, without losing the batch.
    QSqlQuery& begin = prepared(QStringLiteral("savepoint"), QStringLiteral("SAVEPOINT message_write"));
    if (!exec(begin, QStringLiteral("savepoint")))
        return {false, false, 0, m_lastError};
    m_savepointDnsRecordIds.clear();
    dropMessageRows();
    Outcome outcome = body();
    if (outcome.ok) {
        QSqlQuery& release =
            prepared(QStringLiteral("release"), QStringLiteral("RELEASE SAVEPOINT message_write"));
        if (exec(release, QStringLiteral("release savepoint"))) {
            m_batchDnsRecordIds.insert(m_savepointDnsRecordIds);
            m_savepointDnsRecordIds.clear();
            keepMessageRows();
            ++m_pending;
            commitIfDue();
            return outcome;
        }
        outcome = {false, false, 0, m_lastError};
    }
    QSqlQuery& undo =
        prepared(QStringLiteral("rollback"), QStringLiteral("ROLLBACK TO SAVEPOINT message_write"));
    exec(undo, QStringLiteral("rollback to savepoint"));
    QSqlQuery& release =
        prepared(QStringLiteral("release"), QStringLiteral("RELEASE SAVEPOINT message_write"));
    exec(release, QStringLiteral("release savepoint"));
    m_savepointDnsRecordIds.clear();
    dropMessageRows();
    return outcome;
}

BatchWriter::Outcome BatchWriter::write(const MessageWrite& item)
{
    if (!ensureBatch())
        return {false, false, 0, m_lastError};
    deferSummaries();
    return writeInSavepoint([&]() -> Outcome {
        const MessageRecord& message = item.message;
        const QByteArray hash = message.contentHash.isEmpty() ? contentHash(item.raw) : message.contentHash;
        const bool storeRaw = m_options.rawStorage == RawStorage::Compressed;
        const bool withResults = item.runId > 0;
        const QDateTime importedAt =
            message.importedAt.isValid() ? message.importedAt : QDateTime::currentDateTimeUtc();

        const SqlDialect& dialect = m_database.dialect();
        QSqlQuery& insert = prepared(QStringLiteral("message"), [&] {
            return dialect.insertReturningIdUnlessConflict(
                QStringLiteral("messages"),
                kMessageColumns + kDeliveryStatusColumns +
                    (m_findingSummary ? kFindingSummaryColumns : QStringList()),
                {QStringLiteral("content_hash")});
        });
        const MessageLocator& where = message.locator;
        QVariantList values = {
            QString::fromLatin1(hash),
            column::fromId(message.sourceId),
            column::fromId(message.importId),
            column::fromText(where.path),
            column::fromOptional(where.mboxOffset),
            column::fromText(where.maildirName),
            column::fromText(where.imapFolder),
            column::fromOptional(where.imapUidValidity),
            column::fromOptional(where.imapUid),
            column::fromText(message.fromAddress),
            column::fromText(message.fromDomain.toLower()),
            column::fromText(message.subject),
            column::fromText(message.messageIdHeader),
            column::fromTime(message.date),
            column::dayOf(message.date),
            item.raw.isEmpty() ? message.size : qint64(item.raw.size()),
            storeRaw ? QVariant(item.compressedRaw.isEmpty()
                                    ? RawMessageCodec::encode(item.raw, m_options.compressionLevel)
                                    : item.compressedRaw)
                     : QVariant(QMetaType(QMetaType::QByteArray)),
            column::fromTime(importedAt),
            withResults ? QVariant(summarizeDkim(item.results.dkim))
                        : QVariant(QMetaType(QMetaType::QString)),
            withResults && item.results.spf ? QVariant(item.results.spf->result)
                                            : QVariant(QMetaType(QMetaType::QString)),
            withResults && item.results.dmarc ? QVariant(item.results.dmarc->result)
                                              : QVariant(QMetaType(QMetaType::QString)),
            column::fromId(withResults ? item.runId : 0),
            message.deliveryStatus.isReport ? 1 : 0,
            column::fromText(nullIfEmpty(message.deliveryStatus.action)),
            column::fromText(nullIfEmpty(message.deliveryStatus.status)),
            column::fromText(nullIfEmpty(message.deliveryStatus.originalDomain.toLower())),
        };
        if (m_findingSummary)
            values << (withResults ? QVariant(qint64(item.results.findings.size()))
                                   : QVariant(QMetaType(QMetaType::LongLong)))
                   << (withResults ? worstSeverity(item.results.findings)
                                   : QVariant(QMetaType(QMetaType::QString)));
        for (qsizetype i = 0; i < values.size(); ++i)
            insert.bindValue(int(i), values.at(i));
        if (!exec(insert, QStringLiteral("insert message")))
            return {false, false, 0, m_lastError};
        if (!insert.next()) {
            // The content hash is already stored: a duplicate (or a restarted import).
            insert.finish();
            QSqlQuery& find = prepared(QStringLiteral("message-by-hash"),
                                       QStringLiteral("SELECT id FROM messages WHERE content_hash = ?"));
            find.bindValue(0, QString::fromLatin1(hash));
            if (!exec(find, QStringLiteral("find duplicate")) || !find.next())
                return {false, false, 0,
                        m_lastError.isEmpty() ? QStringLiteral("duplicate not found") : m_lastError};
            const qint64 existing = find.value(0).toLongLong();
            find.finish();
            return {true, false, existing, QString()};
        }
        const qint64 messageId = insert.value(0).toLongLong();
        insert.finish();
        if (withResults && !writeResults(messageId, item.runId, item.results))
            return {false, false, 0, m_lastError};
        return {true, true, messageId, QString()};
    });
}

BatchWriter::Outcome BatchWriter::writeVerification(qint64 messageId, qint64 runId,
                                                    const VerificationResults& results)
{
    // The update triggers subtract the message's old summary row: the deferred rows must be in first.
    if (!catchUpSummaries())
        return {false, false, messageId, m_lastError};
    return writeInSavepoint([&]() -> Outcome {
        if (!writeResults(messageId, runId, results))
            return {false, false, messageId, m_lastError};
        // The summary follows the newest run only: re-verifying with an older run id changes history, not
        // the dashboard.
        QSqlQuery& update =
            prepared(QStringLiteral("summary"),
                     QStringLiteral(
                         "UPDATE messages SET dkim_result = ?, spf_result = ?, dmarc_result = ?, "
                         "latest_run_id = ?%1 WHERE id = ? AND (latest_run_id IS NULL OR latest_run_id <= ?)")
                         .arg(m_findingSummary ? QStringLiteral(", finding_count = ?, finding_worst = ?")
                                               : QString()));
        update.bindValue(0, summarizeDkim(results.dkim));
        update.bindValue(1, results.spf ? QVariant(results.spf->result)
                                        : QVariant(QMetaType(QMetaType::QString)));
        update.bindValue(2, results.dmarc ? QVariant(results.dmarc->result)
                                          : QVariant(QMetaType(QMetaType::QString)));
        update.bindValue(3, runId);
        int next = 4;
        if (m_findingSummary) {
            update.bindValue(next++, qint64(results.findings.size()));
            update.bindValue(next++, worstSeverity(results.findings));
        }
        update.bindValue(next++, messageId);
        update.bindValue(next, runId);
        if (!exec(update, QStringLiteral("update summary")))
            return {false, false, messageId, m_lastError};
        if (results.deliveryStatus) {
            // Not tied to a run: what the bytes say, for rows stored before schema version 5.
            const DeliveryStatusRecord& status = *results.deliveryStatus;
            QSqlQuery& dsn = prepared(QStringLiteral("dsn"),
                                      QStringLiteral("UPDATE messages SET is_dsn = ?, dsn_action = ?, "
                                                     "dsn_status = ?, dsn_original_domain = ? WHERE id = ?"));
            dsn.bindValue(0, status.isReport ? 1 : 0);
            dsn.bindValue(1, column::fromText(nullIfEmpty(status.action)));
            dsn.bindValue(2, column::fromText(nullIfEmpty(status.status)));
            dsn.bindValue(3, column::fromText(nullIfEmpty(status.originalDomain.toLower())));
            dsn.bindValue(4, messageId);
            if (!exec(dsn, QStringLiteral("update delivery status")))
                return {false, false, messageId, m_lastError};
        }
        return {true, false, messageId, QString()};
    });
}

bool BatchWriter::writeResults(qint64 messageId, qint64 runId, const VerificationResults& results)
{
    const SqlDialect& dialect = m_database.dialect();
    for (const DkimSignatureRecord& signature : results.dkim) {
        const std::optional<qint64> keyId = dnsRecordId(signature.keyRecord);
        if (signature.keyRecord && !keyId)
            return false;
        QSqlQuery& insert = prepared(QStringLiteral("dkim"), [&] {
            return dialect.insertReturningId(QStringLiteral("dkim_signatures"), kDkimColumns);
        });
        const QVariantList values = {messageId,
                                     runId,
                                     signature.signatureIndex,
                                     column::fromText(signature.sdid.toLower()),
                                     column::fromText(signature.selector),
                                     column::fromText(signature.algorithm),
                                     column::fromText(signature.headerCanonicalization),
                                     column::fromText(signature.bodyCanonicalization),
                                     column::fromText(signature.auid),
                                     column::fromText(signature.signedHeaderNames.join(QLatin1Char(':'))),
                                     column::fromOptional(signature.bodyLengthLimit),
                                     column::fromTime(signature.signatureTimestamp),
                                     column::fromTime(signature.signatureExpiration),
                                     signature.keyBits,
                                     signature.result,
                                     column::fromText(signature.reason),
                                     column::fromOptional(keyId)};
        for (qsizetype i = 0; i < values.size(); ++i)
            insert.bindValue(int(i), values.at(i));
        if (!exec(insert, QStringLiteral("insert DKIM signature")))
            return false;
        insert.finish();
    }
    if (results.spf) {
        const SpfRecord& spf = *results.spf;
        const std::optional<qint64> recordId = dnsRecordId(spf.record);
        if (spf.record && !recordId)
            return false;
        QSqlQuery& insert = prepared(QStringLiteral("spf"), [&] {
            return dialect.insertReturningId(QStringLiteral("spf_results"), kSpfColumns);
        });
        const QVariantList values = {messageId,
                                     runId,
                                     spf.result,
                                     column::fromText(spf.domain.toLower()),
                                     column::fromText(spf.ip),
                                     column::fromText(spf.mailfrom),
                                     column::fromText(spf.helo),
                                     column::fromText(spf.explanation),
                                     column::fromText(spf.reason),
                                     column::fromOptional(recordId)};
        for (qsizetype i = 0; i < values.size(); ++i)
            insert.bindValue(int(i), values.at(i));
        if (!exec(insert, QStringLiteral("insert SPF result")))
            return false;
        insert.finish();
    }
    if (results.dmarc) {
        const DmarcRecord& dmarc = *results.dmarc;
        const std::optional<qint64> recordId = dnsRecordId(dmarc.record);
        if (dmarc.record && !recordId)
            return false;
        QSqlQuery& insert = prepared(QStringLiteral("dmarc"), [&] {
            return dialect.insertReturningId(QStringLiteral("dmarc_results"), kDmarcColumns);
        });
        const QVariantList values = {messageId,
                                     runId,
                                     dmarc.result,
                                     column::fromText(dmarc.fromDomain.toLower()),
                                     column::fromText(dmarc.policyDomain),
                                     column::fromText(dmarc.organizationalDomain),
                                     column::fromText(dmarc.policy),
                                     column::fromText(dmarc.disposition),
                                     dmarc.dkimAligned ? 1 : 0,
                                     dmarc.spfAligned ? 1 : 0,
                                     column::fromText(dmarc.reason),
                                     column::fromText(dmarc.rfc7489Result),
                                     column::fromText(dmarc.rfc7489PolicyDomain),
                                     column::fromText(dmarc.rfc7489OrganizationalDomain),
                                     column::fromText(dmarc.rfc7489Disposition),
                                     column::fromOptional(recordId)};
        for (qsizetype i = 0; i < values.size(); ++i)
            insert.bindValue(int(i), values.at(i));
        if (!exec(insert, QStringLiteral("insert DMARC result")))
            return false;
        insert.finish();
    }
    for (const DnsRecordRecord& record : results.consultedRecords) {
        const std::optional<qint64> recordId = dnsRecordId(record);
        if (!recordId)
            return false;
        m_messageLinks.append({messageId, runId, *recordId});
    }
    for (const FindingRecord& finding : results.findings) {
        if (!writeFinding(finding, messageId))
            return false;
    }
    return true;
}

std::optional<qint64> BatchWriter::dnsRecordId(const std::optional<DnsRecordRecord>& record)
{
    if (!record)
        return std::nullopt;
    return dnsRecordId(*record);
}

std::optional<qint64> BatchWriter::dnsRecordId(const DnsRecordRecord& record)
{
    const QByteArray key = dnsContentKey(record);
    for (const QHash<QByteArray, qint64>* cache :
         {&m_savepointDnsRecordIds, &m_batchDnsRecordIds, &m_dnsRecordIds}) {
        if (const auto it = cache->constFind(key); it != cache->constEnd())
            return it.value();
    }
    QSqlQuery& insert = prepared(QStringLiteral("dns"), [&] {
        return m_database.dialect().insertReturningIdUnlessConflict(
            QStringLiteral("dns_records"), kDnsColumns, {QStringLiteral("content_key")});
    });
    const QVariantList values = {
        QString::fromLatin1(key),
        record.name.toLower(),
        record.type.toUpper(),
        record.text,
        record.ttl,
        column::fromTime(record.fetchedAt.isValid() ? record.fetchedAt : QDateTime::currentDateTimeUtc()),
        column::fromText(record.dnssec),
        column::fromText(record.cnameChain.join(QLatin1Char(' '))),
        column::fromText(record.origin)};
    for (qsizetype i = 0; i < values.size(); ++i)
        insert.bindValue(int(i), values.at(i));
    if (!exec(insert, QStringLiteral("insert DNS record")))
        return std::nullopt;
    qint64 id = 0;
    if (insert.next()) {
        id = insert.value(0).toLongLong();
        insert.finish();
        m_savepointDnsRecordIds.insert(key, id);
        return id;
    }
    insert.finish();
    QSqlQuery& find = prepared(QStringLiteral("dns-by-key"),
                               QStringLiteral("SELECT id FROM dns_records WHERE content_key = ?"));
    find.bindValue(0, QString::fromLatin1(key));
    if (!exec(find, QStringLiteral("find DNS record")) || !find.next())
        return std::nullopt;
    id = find.value(0).toLongLong();
    find.finish();
    // Already committed by someone (an earlier writer): safe to remember beyond this batch.
    m_dnsRecordIds.insert(key, id);
    return id;
}

// Counted in memory and written once per batch (writeBatchRows): the same finding is met by most messages of
// a sender, and one upsert per occurrence was a statement per message and finding.
bool BatchWriter::writeFinding(const FindingRecord& finding, qint64 messageId)
{
    const QByteArray key = findingContentKey(finding);
    if (auto it = m_messageFindings.find(key); it != m_messageFindings.end()) {
        ++it->occurrences;
        return true;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_messageFindings.insert(
        key,
        {{QString::fromLatin1(key), finding.id, column::severityWord(finding.severity),
          column::fromText(finding.subject), column::fromText(finding.message), column::fromText(finding.fix),
          column::fromText(finding.correctedRecord), column::fromText(finding.reference),
          column::fromTime(now), column::fromTime(now), 1, column::fromId(messageId)},
         1});
    m_messageFindingOrder.append(key);
    return true;
}

void BatchWriter::keepMessageRows()
{
    m_batchLinks.append(m_messageLinks);
    for (const QByteArray& key : std::as_const(m_messageFindingOrder)) {
        const PendingFinding& finding = m_messageFindings[key];
        if (auto it = m_batchFindings.find(key); it != m_batchFindings.end()) {
            it->occurrences += finding.occurrences;
        } else {
            m_batchFindings.insert(key, finding);
            m_batchFindingOrder.append(key);
        }
    }
    dropMessageRows();
}

void BatchWriter::dropMessageRows()
{
    m_messageLinks.clear();
    m_messageFindings.clear();
    m_messageFindingOrder.clear();
}

bool BatchWriter::writeLinks(qsizetype first, int count)
{
    QSqlQuery& insert = prepared(
        QStringLiteral("links-%1").arg(count),
        m_database.dialect().insertRowsUnlessConflict(
            QStringLiteral("message_dns_records"),
            {QStringLiteral("message_id"), QStringLiteral("run_id"), QStringLiteral("dns_record_id")},
            {QStringLiteral("message_id"), QStringLiteral("run_id"), QStringLiteral("dns_record_id")},
            count));
    for (int i = 0; i < count; ++i) {
        const Link& link = m_batchLinks.at(first + i);
        insert.bindValue(3 * i, link.messageId);
        insert.bindValue(3 * i + 1, link.runId);
        insert.bindValue(3 * i + 2, link.dnsRecordId);
    }
    if (!exec(insert, QStringLiteral("link DNS records")))
        return false;
    insert.finish();
    return true;
}

bool BatchWriter::writeBatchRows()
{
    qsizetype next = 0;
    while (next < m_batchLinks.size()) {
        int count = kLinksPerStatement;
        while (count > m_batchLinks.size() - next)
            count /= 2;
        if (!writeLinks(next, count))
            return false;
        next += count;
    }
    m_batchLinks.clear();
    QSqlQuery& upsert =
        prepared(QStringLiteral("finding"),
                 m_database.dialect().upsert(QStringLiteral("findings"), kFindingColumns,
                                             {QStringLiteral("content_key")},
                                             QStringLiteral("occurrences = findings.occurrences + "
                                                            "excluded.occurrences, last_seen_at = "
                                                            "excluded.last_seen_at")));
    const int occurrencesColumn = int(kFindingColumns.indexOf(QStringLiteral("occurrences")));
    for (const QByteArray& key : std::as_const(m_batchFindingOrder)) {
        const PendingFinding& finding = m_batchFindings[key];
        for (qsizetype i = 0; i < finding.values.size(); ++i)
            upsert.bindValue(int(i),
                             i == occurrencesColumn ? QVariant(finding.occurrences) : finding.values.at(i));
        if (!exec(upsert, QStringLiteral("record finding")))
            return false;
        upsert.finish();
    }
    m_batchFindings.clear();
    m_batchFindingOrder.clear();
    return true;
}

} // namespace authlens::store
