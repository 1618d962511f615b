// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/MessageQueries.h"

#include "store/ColumnValues.h"
#include "store/Database.h"
#include "store/RawMessageCodec.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace authlens::store {

namespace {

QString sortColumn(MessageSortKey key)
{
    switch (key) {
    case MessageSortKey::Date:
        return QStringLiteral("m.date_utc");
    case MessageSortKey::FromDomain:
        return QStringLiteral("m.from_domain");
    case MessageSortKey::Id:
        return QStringLiteral("m.id");
    case MessageSortKey::FromAddress:
        return QStringLiteral("m.from_address");
    case MessageSortKey::Subject:
        return QStringLiteral("m.subject");
    case MessageSortKey::Size:
        return QStringLiteral("m.size");
    }
    return QStringLiteral("m.date_utc");
}

QVariant sortValueOf(MessageSortKey key, const MessageListRow& row)
{
    switch (key) {
    case MessageSortKey::Date:
        return column::fromTime(row.date);
    case MessageSortKey::FromDomain:
        return row.fromDomain;
    case MessageSortKey::Id:
        return row.id;
    case MessageSortKey::FromAddress:
        return row.fromAddress;
    case MessageSortKey::Subject:
        return row.subject;
    case MessageSortKey::Size:
        return row.size;
    }
    return {};
}

const char* const kMessageSelect =
    "SELECT m.id, m.content_hash, m.source_id, m.import_id, m.locator_path, m.mbox_offset, m.maildir_name, "
    "m.imap_folder, m.imap_uidvalidity, m.imap_uid, m.from_address, m.from_domain, m.subject, "
    "m.message_id_header, m.date_utc, m.size, m.raw_compressed IS NOT NULL, m.imported_at, m.dkim_result, "
    "m.spf_result, m.dmarc_result, m.latest_run_id FROM messages m WHERE m.id = ?";

std::optional<DnsRecordRecord> dnsRecord(const QSqlDatabase& connection, const QVariant& id)
{
    if (id.isNull())
        return std::nullopt;
    QSqlQuery query(connection);
    query.prepare(QStringLiteral("SELECT id, name, type, text, ttl, fetched_at, dnssec, cname_chain, origin "
                                 "FROM dns_records WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    DnsRecordRecord record;
    record.id = query.value(0).toLongLong();
    record.name = query.value(1).toString();
    record.type = query.value(2).toString();
    record.text = query.value(3).toString();
    record.ttl = query.value(4).toLongLong();
    record.fetchedAt = column::toTime(query.value(5));
    record.dnssec = query.value(6).toString();
    const QString chain = query.value(7).toString();
    record.cnameChain = chain.isEmpty() ? QStringList() : chain.split(QLatin1Char(' '));
    record.origin = query.value(8).toString();
    return record;
}

} // namespace

MessageQueries::Statement MessageQueries::pageStatement(const MessageListQuery& query)
{
    return orderedStatement(
        query, QStringLiteral("m.id, m.date_utc, m.from_address, m.from_domain, m.subject, "
                              "m.size, m.dkim_result, m.spf_result, m.dmarc_result, m.finding_count, "
                              "m.finding_worst"));
}

MessageQueries::Statement MessageQueries::orderedStatement(const MessageListQuery& query,
                                                           const QString& columns)
{
    const Dashboard::Condition where = Dashboard::whereClause(query.filter);
    Statement statement;
    statement.bindings = where.bindings;
    QString condition = where.sql;
    const QString column = sortColumn(query.sortKey);
    const QString direction = query.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    if (query.after) {
        // Row values compare (sort value, id) as a pair: standard SQL, and an index range in SQLite.
        condition += condition.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ");
        condition += QStringLiteral("(%1, m.id) %2 (?, ?)")
                         .arg(column, query.descending ? QStringLiteral("<") : QStringLiteral(">"));
        statement.bindings << query.after->sortValue << query.after->id;
    }
    const QString order = query.sortKey == MessageSortKey::Id
                              ? QStringLiteral("m.id %1").arg(direction)
                              : QStringLiteral("%1 %2, m.id %2").arg(column, direction);
    statement.sql = QStringLiteral("SELECT %1 FROM messages m%2 ORDER BY %3 LIMIT ? OFFSET ?")
                        .arg(columns, condition, order);
    statement.bindings << qMax(1, query.limit) << (query.after ? 0 : qMax<qint64>(0, query.offset));
    return statement;
}

MessagePage MessageQueries::page(const MessageListQuery& request)
{
    MessagePage page;
    const Statement statement = pageStatement(request);
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(statement.sql);
    for (const QVariant& value : statement.bindings)
        query.addBindValue(value);
    if (!query.exec()) {
        page.error = m_lastError = query.lastError().text();
        return page;
    }
    while (query.next()) {
        MessageListRow row;
        row.id = query.value(0).toLongLong();
        row.date = column::toTime(query.value(1));
        row.fromAddress = query.value(2).toString();
        row.fromDomain = query.value(3).toString();
        row.subject = query.value(4).toString();
        row.size = query.value(5).toLongLong();
        row.dkimResult = query.value(6).toString();
        row.spfResult = query.value(7).toString();
        row.dmarcResult = query.value(8).toString();
        row.findingCount = query.value(9).isNull() ? -1 : query.value(9).toInt();
        row.findingWorst = query.value(10).toString();
        page.rows.append(row);
    }
    if (page.rows.size() == qMax(1, request.limit)) {
        const MessageListRow& last = page.rows.last();
        page.next = MessageCursor{sortValueOf(request.sortKey, last), last.id};
    }
    if (!page.rows.isEmpty() && !attachSignatures(page.rows))
        page.error = m_lastError;
    return page;
}

bool MessageQueries::attachSignatures(QList<MessageListRow>& rows)
{
    // One statement for the page: each message's signatures of its newest run, by the per-message index.
    QHash<qint64, qsizetype> rowOf;
    rowOf.reserve(rows.size());
    QStringList marks;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        rowOf.insert(rows.at(i).id, i);
        marks << QStringLiteral("?");
    }
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT s.message_id, s.sdid, s.selector, s.result FROM messages m "
                       "JOIN dkim_signatures s ON s.message_id = m.id AND s.run_id = m.latest_run_id "
                       "WHERE m.id IN (%1) ORDER BY s.message_id, s.signature_index")
            .arg(marks.join(QLatin1Char(','))));
    for (const MessageListRow& row : rows)
        query.addBindValue(row.id);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return false;
    }
    while (query.next()) {
        const qsizetype index = rowOf.value(query.value(0).toLongLong(), -1);
        if (index >= 0)
            rows[index].signatures.append(
                {query.value(1).toString(), query.value(2).toString(), query.value(3).toString()});
    }
    return true;
}

QList<MessageCursor> MessageQueries::pageCursors(const MessageListQuery& request, int pageSize,
                                                 const std::atomic<bool>* stop)
{
    if (pageSize < 1)
        return {};
    // A walk along the sort index, a page at a time: from each boundary, the row pageSize further on
    // (LIMIT 1 OFFSET pageSize - 1 inside a keyset range) is the next boundary. Each step costs one
    // index seek and a page of index entries, so the whole walk is one pass over the index, returns only
    // the boundaries through the driver, and can stop between any two steps. (Numbering the rows with
    // ROW_NUMBER() took SQLite 44 s over a million rows: it materializes and sorts the window.)
    MessageListQuery step = request;
    step.limit = 1;
    step.offset = pageSize - 1;
    QList<MessageCursor> cursors;
    // Only the sort value and id: with the date order that is the index alone, where the list's columns
    // would fetch every skipped row from the table (42 s over a million rows instead of a fraction).
    const QString columns = sortColumn(request.sortKey) + QStringLiteral(", m.id");
    // The first step has no range; every later one is the same keyset statement, prepared once.
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    Statement statement = orderedStatement(step, columns);
    if (!query.prepare(statement.sql)) {
        m_lastError = query.lastError().text();
        return {};
    }
    for (;;) {
        if (stop && stop->load(std::memory_order_relaxed))
            return {};
        if (step.after) // pageStatement gives a keyset range OFFSET 0; the walk skips inside it
            statement.bindings.last() = pageSize - 1;
        for (int i = 0; i < statement.bindings.size(); ++i)
            query.bindValue(i, statement.bindings.at(i));
        if (!query.exec()) {
            m_lastError = query.lastError().text();
            return {};
        }
        if (!query.next())
            break;
        const MessageCursor cursor{query.value(0), query.value(1).toLongLong()};
        query.finish();
        cursors.append(cursor);
        // Rows without a sort value sort together at one end and a keyset range cannot start among
        // them: the pages from here on are reached by offset.
        if (cursor.sortValue.isNull())
            break;
        const bool firstStep = !step.after;
        step.after = cursor;
        statement = orderedStatement(step, columns);
        if (firstStep && !query.prepare(statement.sql)) {
            m_lastError = query.lastError().text();
            return {};
        }
    }
    return cursors;
}

qint64 MessageQueries::count(const MessageFilter& filter)
{
    const Dashboard::Condition where = Dashboard::whereClause(filter);
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM messages m") + where.sql);
    for (const QVariant& value : where.bindings)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        m_lastError = query.lastError().text();
        return -1;
    }
    return query.value(0).toLongLong();
}

std::optional<MessageDetail> MessageQueries::detail(qint64 messageId, qint64 runId)
{
    const QSqlDatabase connection = m_database.connection();
    QSqlQuery query(connection);
    query.prepare(QString::fromLatin1(kMessageSelect));
    query.addBindValue(messageId);
    if (!query.exec() || !query.next()) {
        m_lastError =
            query.lastError().isValid() ? query.lastError().text() : QStringLiteral("no such message");
        return std::nullopt;
    }
    MessageDetail detail;
    MessageRecord& message = detail.message;
    message.id = query.value(0).toLongLong();
    message.contentHash = query.value(1).toByteArray();
    message.sourceId = query.value(2).toLongLong();
    message.importId = query.value(3).toLongLong();
    message.locator.path = query.value(4).toString();
    message.locator.mboxOffset = column::toOptional(query.value(5));
    message.locator.maildirName = query.value(6).toString();
    message.locator.imapFolder = query.value(7).toString();
    message.locator.imapUidValidity = column::toOptional(query.value(8));
    message.locator.imapUid = column::toOptional(query.value(9));
    message.fromAddress = query.value(10).toString();
    message.fromDomain = query.value(11).toString();
    message.subject = query.value(12).toString();
    message.messageIdHeader = query.value(13).toString();
    message.date = column::toTime(query.value(14));
    message.size = query.value(15).toLongLong();
    message.rawStored = query.value(16).toInt() != 0;
    message.importedAt = column::toTime(query.value(17));
    message.dkimResult = query.value(18).toString();
    message.spfResult = query.value(19).toString();
    message.dmarcResult = query.value(20).toString();
    message.latestRunId = query.value(21).toLongLong();
    detail.runId = runId > 0 ? runId : message.latestRunId;
    if (detail.runId == 0)
        return detail;

    QSqlQuery dkim(connection);
    dkim.prepare(QStringLiteral("SELECT id, signature_index, sdid, selector, algorithm, "
                                "header_canonicalization, body_canonicalization, auid, "
                                "signed_header_names, body_length_limit, signature_timestamp, "
                                "signature_expiration, key_bits, result, reason, "
                                "key_record_id FROM dkim_signatures WHERE message_id = ? AND run_id = ? "
                                "ORDER BY signature_index, id"));
    dkim.addBindValue(messageId);
    dkim.addBindValue(detail.runId);
    if (dkim.exec()) {
        while (dkim.next()) {
            DkimSignatureRecord signature;
            signature.id = dkim.value(0).toLongLong();
            signature.signatureIndex = dkim.value(1).toInt();
            signature.sdid = dkim.value(2).toString();
            signature.selector = dkim.value(3).toString();
            signature.algorithm = dkim.value(4).toString();
            signature.headerCanonicalization = dkim.value(5).toString();
            signature.bodyCanonicalization = dkim.value(6).toString();
            signature.auid = dkim.value(7).toString();
            const QString names = dkim.value(8).toString();
            signature.signedHeaderNames = names.isEmpty() ? QStringList() : names.split(QLatin1Char(':'));
            signature.bodyLengthLimit = column::toOptional(dkim.value(9));
            signature.signatureTimestamp = column::toTime(dkim.value(10));
            signature.signatureExpiration = column::toTime(dkim.value(11));
            signature.keyBits = dkim.value(12).toInt();
            signature.result = dkim.value(13).toString();
            signature.reason = dkim.value(14).toString();
            signature.keyRecord = dnsRecord(connection, dkim.value(15));
            detail.dkim.append(signature);
        }
    }

    QSqlQuery spf(connection);
    spf.prepare(
        QStringLiteral("SELECT id, result, domain, ip, mailfrom, helo, explanation, reason, record_id "
                       "FROM spf_results WHERE message_id = ? AND run_id = ? ORDER BY id"));
    spf.addBindValue(messageId);
    spf.addBindValue(detail.runId);
    if (spf.exec() && spf.next()) {
        SpfRecord record;
        record.id = spf.value(0).toLongLong();
        record.result = spf.value(1).toString();
        record.domain = spf.value(2).toString();
        record.ip = spf.value(3).toString();
        record.mailfrom = spf.value(4).toString();
        record.helo = spf.value(5).toString();
        record.explanation = spf.value(6).toString();
        record.reason = spf.value(7).toString();
        record.record = dnsRecord(connection, spf.value(8));
        detail.spf = record;
    }

    QSqlQuery dmarc(connection);
    dmarc.prepare(QStringLiteral(
        "SELECT id, result, from_domain, policy_domain, organizational_domain, policy, disposition, "
        "dkim_aligned, "
        "spf_aligned, reason, rfc7489_result, rfc7489_policy_domain, rfc7489_organizational_domain, "
        "rfc7489_disposition, record_id FROM dmarc_results WHERE message_id = ? AND run_id = ? ORDER BY id"));
    dmarc.addBindValue(messageId);
    dmarc.addBindValue(detail.runId);
    if (dmarc.exec() && dmarc.next()) {
        DmarcRecord record;
        record.id = dmarc.value(0).toLongLong();
        record.result = dmarc.value(1).toString();
        record.fromDomain = dmarc.value(2).toString();
        record.policyDomain = dmarc.value(3).toString();
        record.organizationalDomain = dmarc.value(4).toString();
        record.policy = dmarc.value(5).toString();
        record.disposition = dmarc.value(6).toString();
        record.dkimAligned = dmarc.value(7).toInt() != 0;
        record.spfAligned = dmarc.value(8).toInt() != 0;
        record.reason = dmarc.value(9).toString();
        record.rfc7489Result = dmarc.value(10).toString();
        record.rfc7489PolicyDomain = dmarc.value(11).toString();
        record.rfc7489OrganizationalDomain = dmarc.value(12).toString();
        record.rfc7489Disposition = dmarc.value(13).toString();
        record.record = dnsRecord(connection, dmarc.value(14));
        detail.dmarc = record;
    }

    QSqlQuery consulted(connection);
    consulted.prepare(
        QStringLiteral("SELECT dns_record_id FROM message_dns_records WHERE message_id = ? AND run_id = ? "
                       "ORDER BY dns_record_id"));
    consulted.addBindValue(messageId);
    consulted.addBindValue(detail.runId);
    if (consulted.exec()) {
        while (consulted.next()) {
            if (auto record = dnsRecord(connection, consulted.value(0)))
                detail.consultedRecords.append(*record);
        }
    }
    return detail;
}

std::optional<QByteArray> MessageQueries::rawMessage(qint64 messageId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT raw_compressed FROM messages WHERE id = ?"));
    query.addBindValue(messageId);
    if (!query.exec() || !query.next() || query.value(0).isNull()) {
        m_lastError =
            query.lastError().isValid() ? query.lastError().text() : QStringLiteral("raw bytes not stored");
        return std::nullopt;
    }
    RawMessageCodec::Decoded decoded = RawMessageCodec::decode(query.value(0).toByteArray());
    if (!decoded.ok()) {
        m_lastError = QStringLiteral("message %1: %2").arg(messageId).arg(decoded.error);
        return std::nullopt;
    }
    return std::move(decoded.raw);
}

std::optional<qint64> MessageQueries::findByContentHash(const QByteArray& hexHash)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT id FROM messages WHERE content_hash = ?"));
    query.addBindValue(QString::fromLatin1(hexHash.toLower()));
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

} // namespace authlens::store
