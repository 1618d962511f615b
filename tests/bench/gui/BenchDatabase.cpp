// SPDX-License-Identifier: GPL-3.0-or-later
#include "BenchDatabase.h"

#include "store/Database.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>
#include <vector>

namespace authlens::bench {

namespace {

struct Weighted
{
    const char* word;
    int weight; // per thousand
};

// Shares seen on real mixed traffic: most mail passes, the rest split across the failure words.
constexpr Weighted kDkimWords[] = {{"pass", 860},     {"fail", 45},      {"policy", 20}, {"neutral", 5},
                                   {"temperror", 10}, {"permerror", 20}, {"none", 40}};
constexpr Weighted kSpfWords[] = {{"pass", 800}, {"softfail", 60},  {"fail", 40},     {"neutral", 20},
                                  {"none", 50},  {"temperror", 10}, {"permerror", 20}};
constexpr Weighted kDmarcWords[] = {
    {"pass", 850}, {"fail", 90}, {"none", 50}, {"temperror", 5}, {"permerror", 5}};

const char* pick(const Weighted* table, size_t size, quint32 draw)
{
    int left = int(draw % 1000);
    for (size_t i = 0; i < size; ++i) {
        if (left < table[i].weight)
            return table[i].word;
        left -= table[i].weight;
    }
    return table[0].word;
}

template <size_t N> const char* pick(const Weighted (&table)[N], quint32 draw)
{
    return pick(table, N, draw);
}

const char* const kLocalParts[] = {"news",   "orders", "noreply", "billing",
                                   "alerts", "team",   "hello",   "support"};
const char* const kSubjects[] = {"Your order has shipped",   "Weekly digest",        "Invoice available",
                                 "Password reset requested", "New sign-in detected", "Your monthly statement",
                                 "Welcome aboard",           "Last chance: 20% off", "Meeting notes"};

bool exec(QSqlQuery& query, QString* error)
{
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

} // namespace

QString BenchDatabase::domainName(int rank)
{
    return QStringLiteral("sender%1.example").arg(rank, 3, 10, QLatin1Char('0'));
}

qint64 BenchDatabase::existingMessages(const QString& path)
{
    if (!QFile::exists(path))
        return -1;
    store::Database::OpenOptions options;
    options.mustExist = true;
    store::Database::OpenResult opened = store::Database::open(path, options);
    if (!opened.database)
        return -1;
    QSqlQuery query(opened.database->connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM messages")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

BenchDatabase::Result BenchDatabase::generate(const QString& path, qint64 messages, quint32 seed)
{
    Result result;
    QElapsedTimer timer;
    timer.start();
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    store::Database::OpenResult opened = store::Database::open(path);
    if (!opened.database) {
        result.error = opened.error;
        return result;
    }
    store::Database& db = *opened.database;
    QSqlDatabase connection = db.connection();
    QSqlQuery setup(connection);
    // A scratch database: durability does not matter while it is written.
    setup.exec(QStringLiteral("PRAGMA synchronous=OFF"));

    QRandomGenerator random(seed);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 yearMs = 365LL * 86400 * 1000;

    // Zipf-like sizes: domain k gets a share proportional to 1/(k+1)^0.9.
    std::vector<double> cumulative(kDomains);
    double total = 0;
    for (int k = 0; k < kDomains; ++k) {
        total += 1.0 / std::pow(k + 1, 0.9);
        cumulative[size_t(k)] = total;
    }
    std::vector<int> selectorCount(kDomains);
    for (int k = 0; k < kDomains; ++k)
        selectorCount[size_t(k)] = 1 + int(random.bounded(3));

    if (!db.beginTransaction()) {
        result.error = db.lastError();
        return result;
    }
    setup.exec(QStringLiteral("INSERT INTO sources (id, kind, locator, label, created_at) VALUES "
                              "(1, 'mbox', 'bench.mbox', 'benchmark', %1)")
                   .arg(now));
    setup.exec(QStringLiteral("INSERT INTO imports (id, source_id, started_at, finished_at, status) VALUES "
                              "(1, 1, %1, %1, 'finished')")
                   .arg(now));
    setup.exec(QStringLiteral("INSERT INTO verification_runs (id, started_at, finished_at, note) VALUES "
                              "(1, %1, %1, 'benchmark')")
                   .arg(now));

    QSqlQuery message(connection);
    message.prepare(QStringLiteral(
        "INSERT INTO messages (id, content_hash, source_id, import_id, mbox_offset, from_address, "
        "from_domain, "
        "subject, message_id_header, date_utc, day_utc, size, imported_at, dkim_result, spf_result, "
        "dmarc_result, latest_run_id) VALUES (?, ?, 1, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"));
    QSqlQuery signature(connection);
    signature.prepare(QStringLiteral(
        "INSERT INTO dkim_signatures (message_id, run_id, signature_index, sdid, selector, algorithm, "
        "header_canonicalization, body_canonicalization, key_bits, result, reason) "
        "VALUES (?, 1, ?, ?, ?, ?, 'relaxed', 'relaxed', ?, ?, ?)"));

    for (qint64 i = 0; i < messages; ++i) {
        const qint64 id = i + 1;
        const double u = random.generateDouble() * total;
        const int rank = int(std::lower_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
        const QString domain = domainName(std::min(rank, kDomains - 1));
        const char* dkim = pick(kDkimWords, random.generate());
        const char* spf = pick(kSpfWords, random.generate());
        const char* dmarc = pick(kDmarcWords, random.generate());
        const qint64 date = now - qint64(random.bounded(quint64(yearMs)));
        const QString local = QString::fromLatin1(kLocalParts[random.bounded(int(std::size(kLocalParts)))]);

        message.bindValue(0, id);
        // Unique and increasing: the UNIQUE index is appended to, as with a real import's random hashes
        // spread over a b-tree it would only be slower to generate, not to read.
        message.bindValue(1, QStringLiteral("%1").arg(id, 64, 16, QLatin1Char('0')));
        message.bindValue(2, i * 4096);
        message.bindValue(3, local + QLatin1Char('@') + domain);
        message.bindValue(4, domain);
        message.bindValue(5, QString::fromLatin1(kSubjects[random.bounded(int(std::size(kSubjects)))]) +
                                 QStringLiteral(" #%1").arg(id));
        message.bindValue(6, QStringLiteral("<%1@%2>").arg(id).arg(domain));
        message.bindValue(7, date);
        message.bindValue(8, date / 86400000);
        message.bindValue(9, 2000 + qint64(random.bounded(60000)));
        message.bindValue(10, now);
        message.bindValue(11, QString::fromLatin1(dkim));
        message.bindValue(12, QString::fromLatin1(spf));
        message.bindValue(13, QString::fromLatin1(dmarc));
        if (!exec(message, &result.error))
            return result;
        ++result.messages;

        if (qstrcmp(dkim, "none") != 0) {
            // One signature by the domain's own selector; a tenth also carry the platform's signature.
            const int signatures = random.bounded(10) == 0 ? 2 : 1;
            for (int s = 0; s < signatures; ++s) {
                const bool own = s == 0;
                signature.bindValue(0, id);
                signature.bindValue(1, s);
                signature.bindValue(2, own ? domain : QStringLiteral("esp.example"));
                signature.bindValue(
                    3, own ? QStringLiteral("s%1").arg(
                                 random.bounded(selectorCount[size_t(std::min(rank, kDomains - 1))]) + 1)
                           : QStringLiteral("esp2026"));
                signature.bindValue(4, QStringLiteral("rsa-sha256"));
                signature.bindValue(5, own && rank % 17 == 0 ? 1024 : 2048);
                signature.bindValue(6, own ? QString::fromLatin1(dkim) : QStringLiteral("pass"));
                signature.bindValue(7, QStringLiteral("benchmark"));
                if (!exec(signature, &result.error))
                    return result;
                ++result.signatures;
            }
        }
        if (id % 50000 == 0) {
            if (!db.commit() || !db.beginTransaction()) {
                result.error = db.lastError();
                return result;
            }
        }
    }
    if (!db.commit()) {
        result.error = db.lastError();
        return result;
    }
    result.ok = true;
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    return result;
}

} // namespace authlens::bench
