// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Schema.h"

#include "store/SqlDialect.h"

namespace authlens::store {

namespace {

QStringList withTypes(const SqlDialect& dialect, QStringList statements)
{
    for (QString& statement : statements) {
        statement.replace(QLatin1String("{ID}"), dialect.autoIdColumn());
        statement.replace(QLatin1String("{BLOB}"), dialect.blobType());
    }
    return statements;
}

// Version 1: the tables.
QStringList version1()
{
    return {
        QStringLiteral("CREATE TABLE sources ("
                       " id {ID},"
                       " kind VARCHAR(16) NOT NULL,"
                       " locator TEXT NOT NULL,"
                       " label TEXT,"
                       " created_at BIGINT NOT NULL,"
                       " UNIQUE (kind, locator))"),
        QStringLiteral("CREATE TABLE imports ("
                       " id {ID},"
                       " source_id BIGINT REFERENCES sources(id),"
                       " started_at BIGINT NOT NULL,"
                       " finished_at BIGINT,"
                       " status VARCHAR(16) NOT NULL,"
                       " messages_seen BIGINT NOT NULL DEFAULT 0,"
                       " messages_new BIGINT NOT NULL DEFAULT 0,"
                       " messages_duplicate BIGINT NOT NULL DEFAULT 0,"
                       " messages_failed BIGINT NOT NULL DEFAULT 0,"
                       " bytes_read BIGINT NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE import_errors ("
                       " id {ID},"
                       " import_id BIGINT NOT NULL REFERENCES imports(id),"
                       " path TEXT,"
                       " byte_offset BIGINT,"
                       " uid BIGINT,"
                       " message TEXT NOT NULL,"
                       " occurred_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX import_errors_by_import ON import_errors (import_id)"),
        QStringLiteral("CREATE TABLE verification_runs ("
                       " id {ID},"
                       " started_at BIGINT NOT NULL,"
                       " finished_at BIGINT,"
                       " as_of BIGINT,"
                       " note TEXT)"),
        QStringLiteral("CREATE TABLE dns_records ("
                       " id {ID},"
                       " content_key CHAR(64) NOT NULL UNIQUE,"
                       " name TEXT NOT NULL,"
                       " type VARCHAR(16) NOT NULL,"
                       " text TEXT NOT NULL,"
                       " ttl BIGINT NOT NULL,"
                       " fetched_at BIGINT NOT NULL,"
                       " dnssec VARCHAR(16),"
                       " cname_chain TEXT,"
                       " origin VARCHAR(32))"),
        QStringLiteral("CREATE INDEX dns_records_by_name ON dns_records (name, type)"),
        QStringLiteral("CREATE TABLE messages ("
                       " id {ID},"
                       " content_hash CHAR(64) NOT NULL UNIQUE,"
                       " source_id BIGINT REFERENCES sources(id),"
                       " import_id BIGINT REFERENCES imports(id),"
                       " locator_path TEXT,"
                       " mbox_offset BIGINT,"
                       " maildir_name TEXT,"
                       " imap_folder TEXT,"
                       " imap_uidvalidity BIGINT,"
                       " imap_uid BIGINT,"
                       " from_address TEXT,"
                       " from_domain TEXT,"
                       " subject TEXT,"
                       " message_id_header TEXT,"
                       " date_utc BIGINT,"
                       " size BIGINT NOT NULL,"
                       " raw_compressed {BLOB},"
                       " imported_at BIGINT NOT NULL,"
                       " dkim_result VARCHAR(16),"
                       " spf_result VARCHAR(16),"
                       " dmarc_result VARCHAR(16),"
                       " latest_run_id BIGINT REFERENCES verification_runs(id))"),
        QStringLiteral("CREATE INDEX messages_by_date ON messages (date_utc)"),
        QStringLiteral("CREATE INDEX messages_by_domain ON messages (from_domain, date_utc)"),
        QStringLiteral("CREATE INDEX messages_by_source ON messages (source_id, date_utc)"),
        QStringLiteral("CREATE TABLE dkim_signatures ("
                       " id {ID},"
                       " message_id BIGINT NOT NULL REFERENCES messages(id),"
                       " run_id BIGINT NOT NULL REFERENCES verification_runs(id),"
                       " signature_index INTEGER NOT NULL,"
                       " sdid TEXT,"
                       " selector TEXT,"
                       " algorithm VARCHAR(32),"
                       " header_canonicalization VARCHAR(16),"
                       " body_canonicalization VARCHAR(16),"
                       " auid TEXT,"
                       " signed_header_names TEXT,"
                       " body_length_limit BIGINT,"
                       " signature_timestamp BIGINT,"
                       " signature_expiration BIGINT,"
                       " key_bits INTEGER,"
                       " result VARCHAR(16) NOT NULL,"
                       " reason TEXT,"
                       " key_record_id BIGINT REFERENCES dns_records(id))"),
        QStringLiteral("CREATE INDEX dkim_signatures_by_message ON dkim_signatures (message_id, run_id)"),
        QStringLiteral("CREATE TABLE spf_results ("
                       " id {ID},"
                       " message_id BIGINT NOT NULL REFERENCES messages(id),"
                       " run_id BIGINT NOT NULL REFERENCES verification_runs(id),"
                       " result VARCHAR(16) NOT NULL,"
                       " domain TEXT,"
                       " ip VARCHAR(64),"
                       " mailfrom TEXT,"
                       " helo TEXT,"
                       " explanation TEXT,"
                       " reason TEXT,"
                       " record_id BIGINT REFERENCES dns_records(id))"),
        QStringLiteral("CREATE INDEX spf_results_by_message ON spf_results (message_id, run_id)"),
        QStringLiteral("CREATE TABLE dmarc_results ("
                       " id {ID},"
                       " message_id BIGINT NOT NULL REFERENCES messages(id),"
                       " run_id BIGINT NOT NULL REFERENCES verification_runs(id),"
                       " result VARCHAR(16) NOT NULL,"
                       " from_domain TEXT,"
                       " policy_domain TEXT,"
                       " organizational_domain TEXT,"
                       " policy VARCHAR(16),"
                       " disposition VARCHAR(16),"
                       " dkim_aligned SMALLINT NOT NULL DEFAULT 0,"
                       " spf_aligned SMALLINT NOT NULL DEFAULT 0,"
                       " reason TEXT,"
                       " rfc7489_result VARCHAR(16),"
                       " rfc7489_policy_domain TEXT,"
                       " rfc7489_organizational_domain TEXT,"
                       " rfc7489_disposition VARCHAR(16),"
                       " record_id BIGINT REFERENCES dns_records(id))"),
        QStringLiteral("CREATE INDEX dmarc_results_by_message ON dmarc_results (message_id, run_id)"),
        // Every other record a run consulted for a message (SPF includes, DMARC tree walk steps).
        QStringLiteral("CREATE TABLE message_dns_records ("
                       " message_id BIGINT NOT NULL REFERENCES messages(id),"
                       " run_id BIGINT NOT NULL REFERENCES verification_runs(id),"
                       " dns_record_id BIGINT NOT NULL REFERENCES dns_records(id),"
                       " PRIMARY KEY (message_id, run_id, dns_record_id))"),
        QStringLiteral("CREATE TABLE findings ("
                       " id {ID},"
                       " content_key CHAR(64) NOT NULL UNIQUE,"
                       " finding_id VARCHAR(64) NOT NULL,"
                       " severity VARCHAR(8) NOT NULL,"
                       " subject TEXT,"
                       " message TEXT,"
                       " fix TEXT,"
                       " corrected_record TEXT,"
                       " reference TEXT,"
                       " dismissed SMALLINT NOT NULL DEFAULT 0,"
                       " dismissed_reason TEXT,"
                       " first_seen_at BIGINT NOT NULL,"
                       " last_seen_at BIGINT NOT NULL,"
                       " occurrences BIGINT NOT NULL DEFAULT 1,"
                       " example_message_id BIGINT REFERENCES messages(id))"),
        QStringLiteral("CREATE TABLE imap_sync_state ("
                       " account TEXT NOT NULL,"
                       " folder TEXT NOT NULL,"
                       " uidvalidity BIGINT NOT NULL,"
                       " highest_uid BIGINT NOT NULL,"
                       " updated_at BIGINT NOT NULL,"
                       " PRIMARY KEY (account, folder))"),
    };
}

// Version 2: per-day grouping. The dashboard's day and week charts group on a stored day number
// (days since 1970-01-01, UTC) instead of computing it per row, and the selector view needs an index
// on (sdid, selector). Existing rows get their day from their date.
QStringList version2()
{
    return {
        QStringLiteral("ALTER TABLE messages ADD COLUMN day_utc INTEGER"),
        QStringLiteral("UPDATE messages SET day_utc = date_utc / 86400000 WHERE date_utc IS NOT NULL"),
        QStringLiteral("CREATE INDEX messages_by_day ON messages (day_utc, from_domain)"),
        QStringLiteral("CREATE INDEX messages_by_domain_day ON messages (from_domain, day_utc)"),
        QStringLiteral(
            "CREATE INDEX dkim_signatures_by_selector ON dkim_signatures (sdid, selector, run_id)"),
    };
}

// Version 3: where an import got to in its source, so a killed import continues there (the reader's
// resume offset and message index; every message before it is committed).
QStringList version3()
{
    return {
        QStringLiteral("ALTER TABLE imports ADD COLUMN resume_offset BIGINT"),
        QStringLiteral("ALTER TABLE imports ADD COLUMN resume_index BIGINT"),
    };
}

// Version 4: the DKIM setup flow (issue 9). One row per domain and selector the platform generated a key
// for: the public key, its fingerprint and where the private key file lives, never the private key. Each
// state change is kept in dkim_setup_events so the analyst can see who stands where and since when.
QStringList version4()
{
    return {
        QStringLiteral("CREATE TABLE dkim_setup ("
                       " id {ID},"
                       " domain TEXT NOT NULL,"
                       " selector TEXT NOT NULL,"
                       " key_type VARCHAR(16) NOT NULL,"
                       " key_bits INTEGER NOT NULL,"
                       " public_key TEXT NOT NULL,"
                       " fingerprint VARCHAR(128) NOT NULL,"
                       " private_key_path TEXT NOT NULL,"
                       " state VARCHAR(24) NOT NULL,"
                       " state_reason TEXT,"
                       " last_check VARCHAR(24),"
                       " last_check_reason TEXT,"
                       " last_checked_at BIGINT,"
                       " created_at BIGINT NOT NULL,"
                       " updated_at BIGINT NOT NULL,"
                       " UNIQUE (domain, selector))"),
        QStringLiteral("CREATE INDEX dkim_setup_by_state ON dkim_setup (domain, state)"),
        QStringLiteral("CREATE TABLE dkim_setup_events ("
                       " id {ID},"
                       " setup_id BIGINT NOT NULL REFERENCES dkim_setup(id),"
                       " from_state VARCHAR(24),"
                       " to_state VARCHAR(24) NOT NULL,"
                       " reason TEXT,"
                       " occurred_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX dkim_setup_events_by_setup ON dkim_setup_events (setup_id, id)"),
    };
}

// Version 5: bounces (issue 9). Per message, whether it is a delivery status notification (RFC 3464),
// the action and status it reports and the domain that sent the original, so the dashboard counts
// bounces per sending domain. Rows stored before this version read as ordinary messages until a
// re-verification reads their bytes again. The index serves the per-domain bounce counts.
QStringList version5()
{
    return {
        QStringLiteral("ALTER TABLE messages ADD COLUMN is_dsn SMALLINT NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN dsn_action VARCHAR(16)"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN dsn_status VARCHAR(16)"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN dsn_original_domain TEXT"),
        QStringLiteral(
            "CREATE INDEX messages_by_dsn_domain ON messages (dsn_original_domain, dsn_action, date_utc)"),
    };
}

// The dashboard and the message list over a million messages: covering indexes, so each dashboard query
// reads one narrow index in order (no table lookups, no temporary sort) whether it is unfiltered, by
// domain, by date range or per day, and the selector chart's join finds its signature columns in the
// index. Measured by authlens-gui-bench (tests/bench/gui).
QStringList version6()
{
    return {
        QStringLiteral(
            "CREATE INDEX messages_summary_by_domain ON messages (from_domain, dkim_result, spf_result, "
            "dmarc_result, day_utc, date_utc, is_dsn, latest_run_id)"),
        QStringLiteral(
            "CREATE INDEX messages_summary_by_day ON messages (day_utc, dkim_result, dmarc_result, "
            "from_domain, spf_result, date_utc, is_dsn)"),
        QStringLiteral(
            "CREATE INDEX messages_summary_by_date ON messages (date_utc, from_domain, dkim_result, "
            "spf_result, dmarc_result, day_utc, is_dsn)"),
        QStringLiteral("CREATE INDEX dkim_signatures_summary ON dkim_signatures (message_id, run_id, sdid, "
                       "selector, result)"),
    };
}

// Version 7: pre-aggregated counts (issue 6). Over a million messages every unfiltered dashboard query
// walked about a million index entries even with the version 6 covering indexes. Each summary table holds
// the message count per combination of some of the columns the dashboard groups and filters on:
// message_summary all of them (day, From domain, source, the three result words, report or not, bounce
// and the bounced sender), message_totals the same without the day (the unfiltered and per-domain reads),
// day_totals the per-day chart's columns. selector_summary and selector_totals hold the signatures and
// distinct messages of each message's newest run per SDID, selector and result, with and without the day.
// The dashboard reads the smallest table that has every column the read and its filter need. Triggers
// keep all of them exact for every writer in the same transaction (the import, re-verification, tools
// writing rows directly): subtract the old row, add the new one. Keys may be NULL, so rows are matched with
// IS, not by a UNIQUE constraint (NULLs are distinct there). Two of the version 6 covering indexes over
// messages are no longer read and slowed every import (issue 5): dropped; the one by date stays for the
// message list's date range with a result filter.
struct SummaryKey
{
    const char* column;
    const char* type;
    const char* value; // over a messages row, %1: NEW, OLD or an alias
};

constexpr SummaryKey kDay{"day_utc", "INTEGER", "%1.day_utc"};
constexpr SummaryKey kDomain{"from_domain", "TEXT", "%1.from_domain"};
constexpr SummaryKey kSource{"source_id", "BIGINT", "%1.source_id"};
constexpr SummaryKey kDkim{"dkim_result", "VARCHAR(16)", "%1.dkim_result"};
constexpr SummaryKey kSpf{"spf_result", "VARCHAR(16)", "%1.spf_result"};
constexpr SummaryKey kDmarc{"dmarc_result", "VARCHAR(16)", "%1.dmarc_result"};
constexpr SummaryKey kDsn{"is_dsn", "SMALLINT", "%1.is_dsn"};
constexpr SummaryKey kBounce{"is_bounce", "SMALLINT",
                             "(CASE WHEN %1.is_dsn = 1 AND %1.dsn_action = 'failed' THEN 1 ELSE 0 END)"};
constexpr SummaryKey kBounceDomain{
    "bounce_domain", "TEXT",
    "(CASE WHEN %1.is_dsn = 1 AND %1.dsn_action = 'failed' THEN %1.dsn_original_domain END)"};

struct MessageSummaryTable
{
    const char* name;
    std::vector<SummaryKey> keys; // in index order: the first is the one filtered by range or equality
};

std::vector<MessageSummaryTable> messageSummaryTables()
{
    return {
        {"message_summary", {kDomain, kDay, kSource, kDkim, kSpf, kDmarc, kDsn, kBounce, kBounceDomain}},
        {"message_totals", {kDomain, kSource, kDkim, kSpf, kDmarc, kDsn, kBounce, kBounceDomain}},
        {"day_totals", {kDay, kSource, kDkim, kDmarc}},
    };
}

QString keyColumns(const std::vector<SummaryKey>& keys)
{
    QStringList columns;
    for (const SummaryKey& key : keys)
        columns << QLatin1String(key.column);
    return columns.join(QStringLiteral(", "));
}

QString keyValues(const std::vector<SummaryKey>& keys, const QString& row)
{
    QStringList values;
    for (const SummaryKey& key : keys)
        values << QString::fromLatin1(key.value).arg(row);
    return values.join(QStringLiteral(", "));
}

QString keyMatch(const std::vector<SummaryKey>& keys, const QString& row, const QString& table = {})
{
    QStringList parts;
    for (const SummaryKey& key : keys)
        parts << QStringLiteral("%1%2 IS %3")
                     .arg(table.isEmpty() ? QString() : table + QLatin1Char('.'), QLatin1String(key.column),
                          QString::fromLatin1(key.value).arg(row));
    return parts.join(QStringLiteral(" AND "));
}

QString addMessage(const MessageSummaryTable& table, const QString& row)
{
    return QStringLiteral(
               "INSERT INTO %1 (%2, messages) SELECT %3, 0 WHERE NOT EXISTS (SELECT 1 FROM %1 WHERE "
               "%4); UPDATE %1 SET messages = messages + 1 WHERE %4;")
        .arg(QLatin1String(table.name), keyColumns(table.keys), keyValues(table.keys, row),
             keyMatch(table.keys, row));
}

QString removeMessage(const MessageSummaryTable& table, const QString& row)
{
    return QStringLiteral("UPDATE %1 SET messages = messages - 1 WHERE %2; "
                          "DELETE FROM %1 WHERE messages <= 0 AND %2;")
        .arg(QLatin1String(table.name), keyMatch(table.keys, row));
}

// The selector tables: the message's keys plus the signature's.
struct SelectorSummaryTable
{
    const char* name;
    std::vector<SummaryKey> messageKeys;
};

std::vector<SelectorSummaryTable> selectorSummaryTables()
{
    return {{"selector_summary", {kDomain, kDay, kSource}}, {"selector_totals", {kDomain, kSource}}};
}

// The signatures of one message's run (row: NEW or OLD of messages) in the table row's group.
QString runSignaturesInGroup(const QString& table, const QString& row)
{
    return QStringLiteral("FROM dkim_signatures s WHERE s.message_id = %2.id AND s.run_id = %2.latest_run_id "
                          "AND s.sdid IS %1.sdid AND s.selector IS %1.selector AND s.result IS %1.result")
        .arg(table, row);
}

QString removeSelectors(const SelectorSummaryTable& table, const QString& row)
{
    const QString name = QLatin1String(table.name);
    return QStringLiteral("UPDATE %1 SET signatures = signatures - (SELECT COUNT(*) %2), "
                          "messages = messages - 1 WHERE %3 AND EXISTS (SELECT 1 %2); "
                          "DELETE FROM %1 WHERE signatures <= 0 AND %3;")
        .arg(name, runSignaturesInGroup(name, row), keyMatch(table.messageKeys, row));
}

QString addSelectors(const SelectorSummaryTable& table, const QString& row)
{
    const QString name = QLatin1String(table.name);
    return QStringLiteral(
               "INSERT INTO %1 (%2, sdid, selector, result, signatures, messages) SELECT %3, s.sdid, "
               "s.selector, s.result, 0, 0 FROM dkim_signatures s WHERE s.message_id = %4.id AND "
               "s.run_id = %4.latest_run_id AND NOT EXISTS (SELECT 1 FROM %1 ss WHERE %5 AND ss.sdid IS "
               "s.sdid AND ss.selector IS s.selector AND ss.result IS s.result) GROUP BY s.sdid, "
               "s.selector, s.result; "
               "UPDATE %1 SET signatures = signatures + (SELECT COUNT(*) %6), "
               "messages = messages + 1 WHERE %7 AND EXISTS (SELECT 1 %6);")
        .arg(name, keyColumns(table.messageKeys), keyValues(table.messageKeys, row), row,
             keyMatch(table.messageKeys, row, QStringLiteral("ss")), runSignaturesInGroup(name, row),
             keyMatch(table.messageKeys, row));
}

// A signature of the message's newest run, inserted after the message (the import writes the message
// with its run, then the signatures).
QString addSignature(const SelectorSummaryTable& table)
{
    const QString name = QLatin1String(table.name);
    const QString group = QStringLiteral("%1 AND ss.sdid IS NEW.sdid AND ss.selector IS NEW.selector AND "
                                         "ss.result IS NEW.result")
                              .arg(keyMatch(table.messageKeys, QStringLiteral("m"), QStringLiteral("ss")));
    return QStringLiteral(
               "INSERT INTO %1 (%2, sdid, selector, result, signatures, messages) SELECT %3, NEW.sdid, "
               "NEW.selector, NEW.result, 0, 0 FROM messages m WHERE m.id = NEW.message_id AND NOT EXISTS "
               "(SELECT 1 FROM %1 ss WHERE %4); "
               "UPDATE %1 SET signatures = signatures + 1, messages = messages + (NOT EXISTS (SELECT 1 FROM "
               "dkim_signatures o WHERE o.message_id = NEW.message_id AND o.run_id = NEW.run_id AND o.id <> "
               "NEW.id AND o.sdid IS NEW.sdid AND o.selector IS NEW.selector AND o.result IS NEW.result)) "
               "WHERE rowid = (SELECT ss.rowid FROM %1 ss JOIN messages m ON m.id = NEW.message_id WHERE "
               "%4);")
        .arg(name, keyColumns(table.messageKeys), keyValues(table.messageKeys, QStringLiteral("m")), group);
}

QStringList version7()
{
    QStringList statements;
    QString onInsert, onUpdate, onDelete;
    for (const MessageSummaryTable& table : messageSummaryTables()) {
        QStringList columns;
        for (const SummaryKey& key : table.keys)
            columns << QStringLiteral("%1 %2").arg(QLatin1String(key.column), QLatin1String(key.type));
        const QString name = QLatin1String(table.name);
        const QString keys = keyColumns(table.keys);
        statements << QStringLiteral("CREATE TABLE %1 (%2, messages BIGINT NOT NULL)")
                          .arg(name, columns.join(QStringLiteral(", ")));
        // The first table is filled from the messages, the narrower ones from it (a few hundred thousand
        // rows instead of millions).
        if (onInsert.isEmpty())
            statements << QStringLiteral("INSERT INTO %1 (%2, messages) SELECT %3, COUNT(*) FROM messages m "
                                         "GROUP BY %3")
                              .arg(name, keys, keyValues(table.keys, QStringLiteral("m")));
        else
            statements << QStringLiteral("INSERT INTO %1 (%2, messages) SELECT %2, SUM(messages) FROM "
                                         "message_summary GROUP BY %2")
                              .arg(name, keys);
        statements << QStringLiteral("CREATE INDEX %1_keys ON %1 (%2)").arg(name, keys);
        onInsert += addMessage(table, QStringLiteral("NEW"));
        onUpdate += removeMessage(table, QStringLiteral("OLD")) + addMessage(table, QStringLiteral("NEW"));
        onDelete += removeMessage(table, QStringLiteral("OLD"));
    }
    statements << QStringLiteral(
                      "CREATE TRIGGER message_summary_insert AFTER INSERT ON messages BEGIN %1 END")
                      .arg(onInsert);
    statements << QStringLiteral(
                      "CREATE TRIGGER message_summary_update AFTER UPDATE OF day_utc, from_domain, "
                      "source_id, dkim_result, spf_result, dmarc_result, is_dsn, dsn_action, "
                      "dsn_original_domain ON messages BEGIN %1 END")
                      .arg(onUpdate);
    statements << QStringLiteral(
                      "CREATE TRIGGER message_summary_delete AFTER DELETE ON messages BEGIN %1 END")
                      .arg(onDelete);

    QString onSignature, onRunChange, onMessageDelete;
    for (const SelectorSummaryTable& table : selectorSummaryTables()) {
        QStringList columns;
        for (const SummaryKey& key : table.messageKeys)
            columns << QStringLiteral("%1 %2").arg(QLatin1String(key.column), QLatin1String(key.type));
        const QString name = QLatin1String(table.name);
        const QString keys = keyColumns(table.messageKeys);
        statements << QStringLiteral("CREATE TABLE %1 (%2, sdid TEXT, selector TEXT, result VARCHAR(16), "
                                     "signatures BIGINT NOT NULL, messages BIGINT NOT NULL)")
                          .arg(name, columns.join(QStringLiteral(", ")));
        if (onSignature.isEmpty())
            statements << QStringLiteral(
                              "INSERT INTO %1 (%2, sdid, selector, result, signatures, messages) "
                              "SELECT %3, s.sdid, s.selector, s.result, COUNT(*), COUNT(DISTINCT "
                              "s.message_id) FROM messages m JOIN dkim_signatures s ON s.message_id = "
                              "m.id AND s.run_id = m.latest_run_id GROUP BY %3, s.sdid, s.selector, "
                              "s.result")
                              .arg(name, keys, keyValues(table.messageKeys, QStringLiteral("m")));
        else // A message is in one day: its distinct count per day adds up.
            statements << QStringLiteral("INSERT INTO %1 (%2, sdid, selector, result, signatures, messages) "
                                         "SELECT %2, sdid, selector, result, SUM(signatures), SUM(messages) "
                                         "FROM selector_summary GROUP BY %2, sdid, selector, result")
                              .arg(name, keys);
        statements
            << QStringLiteral("CREATE INDEX %1_keys ON %1 (%2, sdid, selector, result)").arg(name, keys);
        onSignature += addSignature(table);
        onRunChange +=
            removeSelectors(table, QStringLiteral("OLD")) + addSelectors(table, QStringLiteral("NEW"));
        onMessageDelete += removeSelectors(table, QStringLiteral("OLD"));
    }
    statements << QStringLiteral(
                      "CREATE TRIGGER selector_summary_signature AFTER INSERT ON dkim_signatures WHEN "
                      "NEW.run_id IS (SELECT latest_run_id FROM messages WHERE id = NEW.message_id) "
                      "BEGIN %1 END")
                      .arg(onSignature);
    // A re-verification: the results of the new run are written first, then latest_run_id moves.
    statements << QStringLiteral(
                      "CREATE TRIGGER selector_summary_update AFTER UPDATE OF latest_run_id, day_utc, "
                      "from_domain, source_id ON messages BEGIN %1 END")
                      .arg(onRunChange);
    statements << QStringLiteral(
                      "CREATE TRIGGER selector_summary_delete AFTER DELETE ON messages BEGIN %1 END")
                      .arg(onMessageDelete);
    // Date ranges without a domain read the per-day tables by day: covering, so no table lookups.
    statements << QStringLiteral(
                      "CREATE INDEX message_summary_by_day ON message_summary (day_utc, from_domain, "
                      "source_id, dkim_result, spf_result, dmarc_result, is_dsn, is_bounce, "
                      "bounce_domain, messages)")
               << QStringLiteral(
                      "CREATE INDEX selector_summary_by_day ON selector_summary (day_utc, from_domain, "
                      "source_id, sdid, selector, result, signatures, messages)");
    statements << QStringLiteral("DROP INDEX messages_summary_by_domain")
               << QStringLiteral("DROP INDEX messages_summary_by_day");
    return statements;
}

// The keys of the rows a bulk writer stored with the triggers off (messages m with id > ?), named as the
// summary table's columns.
QString keyAliases(const std::vector<SummaryKey>& keys)
{
    QStringList values;
    for (const SummaryKey& key : keys)
        values << QStringLiteral("%1 AS %2")
                      .arg(QString::fromLatin1(key.value).arg(QStringLiteral("m")),
                           QLatin1String(key.column));
    return values.join(QStringLiteral(", "));
}

QString columnsMatch(const QStringList& columns, const QString& table, const QString& other)
{
    QStringList parts;
    for (const QString& column : columns)
        parts << QStringLiteral("%1.%3 IS %2.%3").arg(table, other, column);
    return parts.join(QStringLiteral(" AND "));
}

// GROUP BY 1, 2, ...: the aliases share some names with the messages' columns.
QString positions(qsizetype count)
{
    QStringList numbers;
    for (qsizetype i = 1; i <= count; ++i)
        numbers << QString::number(i);
    return numbers.join(QStringLiteral(", "));
}

QStringList columnNames(const std::vector<SummaryKey>& keys)
{
    QStringList columns;
    for (const SummaryKey& key : keys)
        columns << QLatin1String(key.column);
    return columns;
}

// UPDATE ... FROM (standard in PostgreSQL, SQLite 3.33+), then INSERT of the groups still missing: the
// NOT EXISTS sees the rows the UPDATE matched, so no group is counted twice.
QStringList catchUp(const QString& table, const QStringList& keys, const QString& counts,
                    const QString& deltas, const QString& additions)
{
    const QString match = columnsMatch(keys, table, QStringLiteral("d"));
    return {
        QStringLiteral("UPDATE %1 SET %2 FROM (%3) d WHERE %4").arg(table, additions, deltas, match),
        QStringLiteral("INSERT INTO %1 (%2, %3) SELECT d.* FROM (%4) d WHERE NOT EXISTS (SELECT 1 FROM %1 "
                       "WHERE %5)")
            .arg(table, keys.join(QStringLiteral(", ")), counts, deltas, match)};
}

// The message list's findings column: how many findings the newest run raised for each message and the
// worst severity among them. NULL for rows stored earlier until they are re-verified.
QStringList version8()
{
    return {
        QStringLiteral("ALTER TABLE messages ADD COLUMN finding_count INTEGER"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN finding_worst VARCHAR(8)"),
    };
}

} // namespace

QStringList Schema::summaryTriggerNames()
{
    return {QStringLiteral("message_summary_insert"),  QStringLiteral("message_summary_update"),
            QStringLiteral("message_summary_delete"),  QStringLiteral("selector_summary_signature"),
            QStringLiteral("selector_summary_update"), QStringLiteral("selector_summary_delete")};
}

QStringList Schema::summaryCatchUpStatements()
{
    QStringList statements;
    for (const MessageSummaryTable& table : messageSummaryTables()) {
        const QStringList keys = columnNames(table.keys);
        const QString deltas =
            QStringLiteral("SELECT %1, COUNT(*) AS messages FROM messages m WHERE m.id > ? "
                           "GROUP BY %2")
                .arg(keyAliases(table.keys), positions(keys.size()));
        const QString name = QLatin1String(table.name);
        statements << catchUp(name, keys, QStringLiteral("messages"), deltas,
                              QStringLiteral("messages = %1.messages + d.messages").arg(name));
    }
    for (const SelectorSummaryTable& table : selectorSummaryTables()) {
        const QStringList keys = columnNames(table.messageKeys)
                                 << QStringLiteral("sdid") << QStringLiteral("selector")
                                 << QStringLiteral("result");
        // A message is in one group of message keys: the distinct count of the new messages adds up.
        const QString deltas =
            QStringLiteral(
                "SELECT %1, s.sdid AS sdid, s.selector AS selector, s.result AS result, COUNT(*) AS "
                "signatures, COUNT(DISTINCT s.message_id) AS messages FROM messages m JOIN "
                "dkim_signatures s ON s.message_id = m.id AND s.run_id = m.latest_run_id WHERE "
                "m.id > ? GROUP BY %2")
                .arg(keyAliases(table.messageKeys), positions(keys.size()));
        const QString name = QLatin1String(table.name);
        statements << catchUp(
            name, keys, QStringLiteral("signatures, messages"), deltas,
            QStringLiteral("signatures = %1.signatures + d.signatures, messages = %1.messages + d.messages")
                .arg(name));
    }
    return statements;
}

std::vector<Migration> Schema::migrations(const SqlDialect& dialect)
{
    return {
        {1, QStringLiteral("sources, imports, messages, results, DNS records, findings, IMAP sync state"),
         withTypes(dialect, version1())},
        {2, QStringLiteral("messages.day_utc with indexes per day; DKIM signatures by selector"),
         withTypes(dialect, version2())},
        {3, QStringLiteral("imports.resume_offset and resume_index: where a killed import continues"),
         withTypes(dialect, version3())},
        {4, QStringLiteral("DKIM setup flow: keys per domain and selector, their states and history"),
         withTypes(dialect, version4())},
        {5, QStringLiteral("delivery status notifications: action, status and original sending domain"),
         withTypes(dialect, version5())},
        {6, QStringLiteral("covering indexes for the dashboard and message list over large databases"),
         withTypes(dialect, version6())},
        {7,
         QStringLiteral("pre-aggregated dashboard counts (message and selector summaries, kept by triggers)"),
         withTypes(dialect, version7())},
        {8, QStringLiteral("each message's finding count and worst severity, for the message list"),
         withTypes(dialect, version8())},
    };
}

int Schema::latestVersion()
{
    return 8;
}

} // namespace authlens::store
