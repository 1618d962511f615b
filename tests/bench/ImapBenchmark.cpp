// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImapBenchmark.h"

#include "ProcessStats.h"

#include "imap/DovecotServer.h"
#include "sources/SourceFactory.h"
#include "sources/imap/ImapSync.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSslCertificate>
#include <QThread>

#include <unistd.h>

namespace authlens::bench {

namespace {

using sources::imap::ImapAccount;

ImapAccount accountOf(const DovecotServer& server, bool tls)
{
    ImapAccount account;
    account.host = QStringLiteral("127.0.0.1");
    account.user = server.user();
    account.security = tls ? ImapAccount::Security::ImplicitTls : ImapAccount::Security::Cleartext;
    account.port = tls ? server.imapsPort() : server.imapPort();
    account.allowCleartextAuth = !tls; // loopback only
    account.extraCaCertificates = QSslCertificate::fromPath(server.certificatePath());
    return account;
}

// CPU time of the Dovecot master and every child it has reaped (imap-login, imap: they exit at logout),
// from /proc/PID/stat utime, stime, cutime, cstime; -1 when unknown.
double serverCpuSeconds(const DovecotServer& server)
{
    QFile pidFile(QFileInfo(server.certificatePath()).absolutePath() + QStringLiteral("/run/master.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray pid = pidFile.readAll().trimmed();
    QFile stat(QStringLiteral("/proc/%1/stat").arg(QString::fromLatin1(pid)));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name (which may hold spaces) start at its closing parenthesis: state is
    // field 3, utime 14 ... cstime 17.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 15)
        return -1;
    double ticks = 0;
    for (int field = 14; field <= 17; ++field)
        ticks += fields.at(field - 3).toDouble();
    return ticks / double(sysconf(_SC_CLK_TCK));
}

} // namespace

ImapBenchmark::Report ImapBenchmark::run(const QString& mboxPath, const Options& options)
{
    Report report;
    QList<QByteArray> messages;
    sources::OpenedSource opened = sources::SourceFactory::open(mboxPath);
    if (!opened.source) {
        report.error = opened.error;
        return report;
    }
    while (messages.size() < options.messages) {
        std::optional<sources::SourceItem> item = opened.source->next();
        if (!item)
            break;
        report.bytes += item->bytes.size();
        messages.append(std::move(item->bytes));
    }
    report.messages = int(messages.size());

    DovecotServer server;
    report.error = server.start();
    if (!report.error.isEmpty())
        return report;
    // The corpus is CRLF already: Dovecot serves the bytes as stored.
    if (!server.deliver(QStringLiteral("Bench"), messages)) {
        report.error = QStringLiteral("cannot write the messages into Dovecot's Maildir");
        return report;
    }
    messages.clear();

    for (int round = 1; round <= options.rounds; ++round) {
        for (bool tls : {true, false}) {
            if (!tls && !options.cleartext)
                continue;
            Sync sync;
            sync.round = round;
            sync.tls = tls;
            sources::imap::SyncOptions syncOptions;
            syncOptions.folder = QStringLiteral("Bench");
            sync.loadBefore = ProcessStats::loadAverage();
            const double serverBefore = serverCpuSeconds(server);
            const double cpuBefore = ProcessStats::cpuSeconds();
            QElapsedTimer clock;
            clock.start();
            const sources::imap::SyncReport result = sources::imap::ImapSync::runBlocking(
                accountOf(server, tls), server.password(), {}, syncOptions,
                [&](const sources::imap::FetchedMessage& message, const sources::imap::SyncState&) {
                    ++sync.delivered;
                    sync.bytes += message.bytes.size();
                });
            sync.seconds = double(clock.nsecsElapsed()) / 1e9;
            sync.cpuSeconds = ProcessStats::cpuSeconds() - cpuBefore;
            QThread::msleep(300); // the server's session processes exit and are reaped
            const double serverAfter = serverCpuSeconds(server);
            sync.serverCpuSeconds = serverBefore >= 0 && serverAfter >= 0 ? serverAfter - serverBefore : -1;
            if (!result.result.ok())
                sync.error = result.result.reason;
            else if (sync.delivered != report.messages)
                sync.error =
                    QStringLiteral("%1 of %2 messages delivered").arg(sync.delivered).arg(report.messages);
            if (!sync.error.isEmpty() && report.error.isEmpty())
                report.error = sync.error;
            report.syncs.append(sync);
        }
    }
    return report;
}

QByteArray ImapBenchmark::table(const Report& report)
{
    QString text = QStringLiteral("IMAP fetch: %1 messages (%2 MB) from a local Dovecot, ImapSync defaults\n")
                       .arg(report.messages)
                       .arg(double(report.bytes) / 1e6, 0, 'f', 1);
    for (const Sync& sync : report.syncs) {
        text += QStringLiteral(
                    "round %1 %2: %3 msg in %4 s = %5 msg/s, %6 MB/s; CPU: ours %7 s, Dovecot's %10 s; "
                    "load %8%9\n")
                    .arg(sync.round)
                    .arg(sync.tls ? QStringLiteral("TLS      ") : QStringLiteral("cleartext"))
                    .arg(sync.delivered)
                    .arg(sync.seconds, 0, 'f', 2)
                    .arg(sync.messagesPerSecond(), 0, 'f', 0)
                    .arg(sync.seconds > 0 ? double(sync.bytes) / 1e6 / sync.seconds : 0, 0, 'f', 1)
                    .arg(sync.cpuSeconds, 0, 'f', 2)
                    .arg(sync.loadBefore, 0, 'f', 1)
                    .arg(sync.error.isEmpty() ? QString() : QStringLiteral("  ERROR: ") + sync.error)
                    .arg(sync.serverCpuSeconds, 0, 'f', 2);
    }
    return text.toLocal8Bit();
}

QJsonObject ImapBenchmark::json(const Report& report)
{
    QJsonArray syncs;
    for (const Sync& sync : report.syncs) {
        syncs.append(QJsonObject{{QStringLiteral("round"), sync.round},
                                 {QStringLiteral("tls"), sync.tls},
                                 {QStringLiteral("delivered"), sync.delivered},
                                 {QStringLiteral("bytes"), sync.bytes},
                                 {QStringLiteral("seconds"), sync.seconds},
                                 {QStringLiteral("cpuSeconds"), sync.cpuSeconds},
                                 {QStringLiteral("serverCpuSeconds"), sync.serverCpuSeconds},
                                 {QStringLiteral("messagesPerSecond"), sync.messagesPerSecond()},
                                 {QStringLiteral("loadBefore"), sync.loadBefore},
                                 {QStringLiteral("error"), sync.error}});
    }
    return QJsonObject{{QStringLiteral("messages"), report.messages},
                       {QStringLiteral("bytes"), report.bytes},
                       {QStringLiteral("syncs"), syncs},
                       {QStringLiteral("error"), report.error}};
}

} // namespace authlens::bench
