// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportFloor.h"

#include "ProcessStats.h"

#include "sources/SourceFactory.h"

#include <QElapsedTimer>
#include <QFile>

#include <openssl/evp.h>
#include <sqlite3.h>
#include <zstd.h>

#include <memory>
#include <vector>

namespace authlens::bench {

namespace {

// Adds the calling thread's CPU time from construction to destruction to `total`.
class CpuTimer
{
public:
    explicit CpuTimer(double& total)
        : m_total(total)
        , m_start(ProcessStats::threadCpuSeconds())
    {}
    ~CpuTimer() { m_total += ProcessStats::threadCpuSeconds() - m_start; }
    CpuTimer(const CpuTimer&) = delete;
    CpuTimer& operator=(const CpuTimer&) = delete;

private:
    double& m_total;
    double m_start;
};

struct ZstdFree
{
    void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
};

QByteArray compress(ZSTD_CCtx* context, const QByteArray& raw, int level)
{
    ZSTD_CCtx_reset(context, ZSTD_reset_session_and_parameters);
    ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1);
    const std::size_t bound = ZSTD_compressBound(std::size_t(raw.size()));
    QByteArray out(qsizetype(bound), Qt::Uninitialized);
    const std::size_t written =
        ZSTD_compress2(context, out.data(), bound, raw.constData(), std::size_t(raw.size()));
    out.truncate(ZSTD_isError(written) ? 0 : qsizetype(written));
    return out;
}

struct Sqlite
{
    sqlite3* db = nullptr;
    sqlite3_stmt* insert = nullptr;
    ~Sqlite()
    {
        sqlite3_finalize(insert);
        sqlite3_close(db);
    }
    bool exec(const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(db)); }
};

void removeDatabase(const QString& path)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

// Inserts (hash, blob) rows into a new database at `path` the way the import batches them, adding the
// thread's CPU time to `cpuSeconds`; deletes the database after. An error text, or empty.
QString insertAll(const QString& path, const std::vector<QByteArray>& hashes,
                  const std::vector<QByteArray>& blobs, double& cpuSeconds, double& wallSeconds)
{
    removeDatabase(path);
    QString error;
    {
        Sqlite sqlite;
        if (sqlite3_open(QFile::encodeName(path).constData(), &sqlite.db) != SQLITE_OK ||
            !sqlite.exec("PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                         "PRAGMA cache_size=-32768; CREATE TABLE messages (id INTEGER PRIMARY KEY, "
                         "content_hash BLOB NOT NULL UNIQUE, raw BLOB)") ||
            sqlite3_prepare_v2(sqlite.db, "INSERT INTO messages (content_hash, raw) VALUES (?, ?)", -1,
                               &sqlite.insert, nullptr) != SQLITE_OK) {
            error = sqlite.error();
        }
        QElapsedTimer wall;
        wall.start();
        CpuTimer timer(cpuSeconds);
        constexpr std::size_t kBatch = 1000; // the import's default transaction
        for (std::size_t i = 0; i < blobs.size() && error.isEmpty(); ++i) {
            if (i % kBatch == 0 && !sqlite.exec("BEGIN"))
                error = sqlite.error();
            sqlite3_bind_blob(sqlite.insert, 1, hashes[i].constData(), int(hashes[i].size()), SQLITE_STATIC);
            sqlite3_bind_blob(sqlite.insert, 2, blobs[i].constData(), int(blobs[i].size()), SQLITE_STATIC);
            if (sqlite3_step(sqlite.insert) != SQLITE_DONE)
                error = sqlite.error();
            sqlite3_reset(sqlite.insert);
            if ((i % kBatch == kBatch - 1 || i + 1 == blobs.size()) && !sqlite.exec("COMMIT"))
                error = sqlite.error();
        }
        wallSeconds = double(wall.nsecsElapsed()) / 1e9;
    }
    removeDatabase(path);
    return error;
}

} // namespace

ImportFloor::Figures ImportFloor::measure(const QString& mboxPath, const QString& workDirectory)
{
    Figures figures;
    sources::OpenedSource opened = sources::SourceFactory::open(mboxPath);
    if (!opened.source) {
        figures.error = opened.error;
        return figures;
    }
    std::vector<QByteArray> messages;
    while (std::optional<sources::SourceItem> item = opened.source->next()) {
        if (!item->bytes.isEmpty()) {
            figures.rawBytes += item->bytes.size();
            messages.push_back(std::move(item->bytes));
        }
    }
    figures.messages = qint64(messages.size());

    std::vector<QByteArray> hashes;
    hashes.reserve(messages.size());
    {
        CpuTimer timer(figures.hashSeconds);
        for (const QByteArray& raw : messages) {
            QByteArray digest(32, Qt::Uninitialized);
            unsigned int length = 0;
            EVP_Digest(raw.constData(), std::size_t(raw.size()),
                       reinterpret_cast<unsigned char*>(digest.data()), &length, EVP_sha256(), nullptr);
            hashes.push_back(digest);
        }
    }

    const std::unique_ptr<ZSTD_CCtx, ZstdFree> context(ZSTD_createCCtx());
    std::vector<QByteArray> blobs;
    blobs.reserve(messages.size());
    {
        CpuTimer timer(figures.zstdSeconds);
        for (const QByteArray& raw : messages)
            blobs.push_back(compress(context.get(), raw, 1));
    }
    for (const QByteArray& blob : blobs)
        figures.zstdBytes += blob.size();
    {
        CpuTimer timer(figures.zstdFastSeconds);
        for (const QByteArray& raw : messages)
            figures.zstdFastBytes += compress(context.get(), raw, -5).size();
    }
    const QString path = workDirectory + QStringLiteral("/import-floor.sqlite");
    QString error = insertAll(path, hashes, blobs, figures.sqliteSeconds, figures.sqliteWallSeconds);
    double rawWallSeconds = 0;
    if (error.isEmpty())
        error = insertAll(path, hashes, messages, figures.sqliteRawSeconds, rawWallSeconds);
    if (!error.isEmpty())
        figures.error = QStringLiteral("SQLite: ") + error;
    return figures;
}

double ImportFloor::bestRatio(const Figures& figures, double verifyCpuSeconds)
{
    const double total = verifyCpuSeconds + figures.floorSeconds();
    return total > 0 ? verifyCpuSeconds / total : 0;
}

QString ImportFloor::text(const Figures& figures, double verifyCpuSeconds)
{
    if (!figures.error.isEmpty())
        return QStringLiteral("import floor: ERROR: %1\n").arg(figures.error);
    const auto s = [](double seconds) { return QString::number(seconds, 'f', 2); };
    const auto mb = [](qint64 bytes) { return QString::number(double(bytes) / 1e6, 'f', 0); };
    QString text =
        QStringLiteral("import floor (one thread's CPU, %1 messages, %2 MB): SHA-256 %3 s; zstd level 1 "
                       "%4 s (%5 MB), level -5 %6 s (%7 MB); SQLite C API insert of the level-1 blobs "
                       "%8 s (wall %9 s), of the raw bytes uncompressed %11 s; floor %10 CPU s\n")
            .arg(figures.messages)
            .arg(mb(figures.rawBytes), s(figures.hashSeconds), s(figures.zstdSeconds), mb(figures.zstdBytes),
                 s(figures.zstdFastSeconds), mb(figures.zstdFastBytes), s(figures.sqliteSeconds),
                 s(figures.sqliteWallSeconds), s(figures.floorSeconds()))
            .arg(s(figures.sqliteRawSeconds));
    if (verifyCpuSeconds > 0) {
        text +=
            QStringLiteral("verify-only takes %1 CPU s: no import that hashes each message and stores it "
                           "in SQLite, compressed or not, can exceed %2% of verify-only here (80% needs a "
                           "floor under %3 CPU s)\n")
                .arg(s(verifyCpuSeconds), QString::number(100 * bestRatio(figures, verifyCpuSeconds), 'f', 1),
                     s(verifyCpuSeconds / 4));
    }
    return text;
}

QJsonObject ImportFloor::json(const Figures& figures, double verifyCpuSeconds)
{
    return {{QStringLiteral("error"), figures.error},
            {QStringLiteral("messages"), figures.messages},
            {QStringLiteral("raw_bytes"), figures.rawBytes},
            {QStringLiteral("sha256_cpu_seconds"), figures.hashSeconds},
            {QStringLiteral("zstd1_cpu_seconds"), figures.zstdSeconds},
            {QStringLiteral("zstd1_bytes"), figures.zstdBytes},
            {QStringLiteral("zstd_fast_cpu_seconds"), figures.zstdFastSeconds},
            {QStringLiteral("zstd_fast_bytes"), figures.zstdFastBytes},
            {QStringLiteral("sqlite_cpu_seconds"), figures.sqliteSeconds},
            {QStringLiteral("sqlite_wall_seconds"), figures.sqliteWallSeconds},
            {QStringLiteral("sqlite_raw_cpu_seconds"), figures.sqliteRawSeconds},
            {QStringLiteral("floor_cpu_seconds"), figures.floorSeconds()},
            {QStringLiteral("best_ratio"), bestRatio(figures, verifyCpuSeconds)}};
}

} // namespace authlens::bench
