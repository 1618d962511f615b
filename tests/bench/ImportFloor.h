// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace authlens::bench {

// The least CPU time any import meeting issue 5's storage rules must add to verification on this
// machine: the SHA-256 content hash of each message, its compression with zstd, and its insertion into
// SQLite (WAL, 16 KB pages, one UNIQUE index on the hash, 1,000 rows per transaction) through the C API
// with nothing else in the row; or, where cheaper, inserting the raw bytes without compressing them. Measured on one thread, by that thread's CPU clock (user + system), over
// the benchmark corpus. Like the openssl bound of the DKIM benchmark it is a floor, not a target: a real
// import also writes the results, the header fields and their indexes. With verification taking V CPU
// seconds on cores it saturates, no such import can run faster than V / (V + floor) of verify-only.
class ImportFloor
{
public:
    struct Figures
    {
        QString error;
        qint64 messages = 0;
        qint64 rawBytes = 0;
        double hashSeconds = 0; // SHA-256 of every message
        double zstdSeconds = 0; // zstd level 1 (what the import stores), checksum on
        qint64 zstdBytes = 0;
        double zstdFastSeconds = 0; // zstd's fastest useful level (-5): less CPU, larger blobs
        qint64 zstdFastBytes = 0;
        double sqliteSeconds = 0; // inserting the level-1 blobs, commits included
        double sqliteWallSeconds = 0;
        double sqliteRawSeconds = 0; // inserting the raw bytes uncompressed instead
        // The cheapest way counts: the floor does not assume our choice of level, or compression at all.
        double floorSeconds() const
        {
            return hashSeconds + qMin(qMin(zstdSeconds, zstdFastSeconds) + sqliteSeconds, sqliteRawSeconds);
        }
    };

    // Reads the mbox once (not timed) and measures each step; the database goes in `workDirectory` and
    // is deleted.
    static Figures measure(const QString& mboxPath, const QString& workDirectory);

    // The best import / verify-only ratio the floor allows when verification takes `verifyCpuSeconds`.
    static double bestRatio(const Figures& figures, double verifyCpuSeconds);

    static QString text(const Figures& figures, double verifyCpuSeconds);
    static QJsonObject json(const Figures& figures, double verifyCpuSeconds);
};

} // namespace authlens::bench
