// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace authlens::bench {

// Issue 5's IMAP figure: a local Dovecot (the integration tests' DovecotServer: loopback, TLS, Maildir)
// holding the first N messages of a corpus mbox, fetched whole by ImapSync (pipelined, batched UID
// FETCH BODY.PEEK[]) over implicit TLS, as an import of an imaps:// folder does. The first sync also
// makes Dovecot build its index; later ones show the steady state. The goal is 2,000 messages/s.
class ImapBenchmark
{
public:
    struct Options
    {
        int messages = 5000;
        int rounds = 3;
        bool cleartext = false; // also fetch without TLS, to tell TLS's share
    };

    struct Sync
    {
        int round = 0;
        bool tls = true;
        QString error;
        int delivered = 0;
        qint64 bytes = 0;
        double seconds = 0;           // wall clock, connect to logout
        double cpuSeconds = 0;        // our process only
        double serverCpuSeconds = -1; // Dovecot's processes (master and the session's children)
        double loadBefore = -1;
        double messagesPerSecond() const { return seconds > 0 ? delivered / seconds : 0; }
    };

    struct Report
    {
        QString error;
        int messages = 0;
        qint64 bytes = 0;
        QList<Sync> syncs;
    };

    static Report run(const QString& mboxPath, const Options& options);
    static QByteArray table(const Report& report);
    static QJsonObject json(const Report& report);
};

} // namespace authlens::bench
