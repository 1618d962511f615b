// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A real unbound serving zone files as auth-zones on 127.0.0.1 at a free high port, from a temporary
// folder, stopped by its process id when this object goes away, whatever happened in the test.

#include <QByteArray>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUdpSocket>

#include <csignal>
#include <sys/types.h>

class UnboundServer
{
public:
    struct Zone
    {
        QByteArray name; // "authlens.test."
        QByteArray text; // the zone file
    };

    UnboundServer() = default;
    UnboundServer(const UnboundServer&) = delete;
    UnboundServer& operator=(const UnboundServer&) = delete;
    ~UnboundServer() { stop(); }

    static QString executable()
    {
        return QStandardPaths::findExecutable(QStringLiteral("unbound"), {"/usr/sbin", "/usr/bin"});
    }

    // A UDP port nobody listens on right now (bound, read, released).
    static quint16 freePort()
    {
        QUdpSocket probe;
        probe.bind(QHostAddress::LocalHost, 0);
        return probe.localPort();
    }

    // Empty on success, else what went wrong (with the server's log).
    QString start(const QList<Zone>& zones)
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        const QString dir = m_dir.path();
        QByteArray conf = "server:\n"
                          "  interface: 127.0.0.1\n"
                          "  port: PORT\n"
                          "  username: \"\"\n"
                          "  chroot: \"\"\n"
                          "  do-daemonize: no\n"
                          "  directory: \"DIR\"\n"
                          "  pidfile: \"DIR/unbound.pid\"\n"
                          "  logfile: \"DIR/unbound.log\"\n"
                          "  use-syslog: no\n"
                          "  verbosity: 1\n"
                          "  num-threads: 1\n"
                          "  do-ip6: no\n"
                          "  module-config: \"iterator\"\n"
                          "  access-control: 127.0.0.0/8 allow\n"
                          // unbound answers NXDOMAIN for .test itself unless told not to (RFC 6761 6.2).
                          "  local-zone: \"test.\" nodefault\n";
        for (const Zone& zone : zones) {
            const QString file =
                dir + QLatin1Char('/') + QString::fromLatin1(zone.name) + QStringLiteral("zone");
            QFile out(file);
            if (!out.open(QIODevice::WriteOnly) || out.write(zone.text) != zone.text.size())
                return QStringLiteral("cannot write %1").arg(file);
            conf += "auth-zone:\n  name: \"" + zone.name + "\"\n  zonefile: \"" + file.toLocal8Bit() +
                    "\"\n  for-downstream: yes\n  for-upstream: yes\n  fallback-enabled: no\n";
        }
        for (int attempt = 0; attempt < 5; ++attempt) {
            m_port = freePort();
            QByteArray text = conf;
            text.replace("PORT", QByteArray::number(m_port)).replace("DIR", dir.toLocal8Bit());
            QFile confFile(dir + QStringLiteral("/unbound.conf"));
            if (!confFile.open(QIODevice::WriteOnly) || confFile.write(text) != text.size())
                return QStringLiteral("cannot write unbound.conf");
            confFile.close();
            m_process.setProcessChannelMode(QProcess::MergedChannels);
            m_process.start(executable(), {QStringLiteral("-d"), QStringLiteral("-c"), confFile.fileName()});
            if (!m_process.waitForStarted(5000))
                return QStringLiteral("unbound did not start: %1").arg(m_process.errorString());
            if (waitUntilAnswering(zones.isEmpty() ? QByteArray("invalid.") : zones.first().name))
                return {};
            stop(); // perhaps the port was taken in between: try another
        }
        QFile log(dir + QStringLiteral("/unbound.log"));
        log.open(QIODevice::ReadOnly);
        return QStringLiteral("unbound never answered; log:\n") + QString::fromLocal8Bit(log.readAll());
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        const qint64 pid = m_process.processId();
        if (pid > 0)
            ::kill(pid_t(pid), SIGTERM);
        if (!m_process.waitForFinished(3000)) {
            ::kill(pid_t(pid), SIGKILL);
            m_process.waitForFinished(3000);
        }
    }

    quint16 port() const { return m_port; }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QString folder() const { return m_dir.path(); }

private:
    // Sends SOA queries for `zone` until one is answered (200 ms per try, 5 s in all).
    bool waitUntilAnswering(const QByteArray& zone)
    {
        QByteArray query("\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00", 12);
        for (const QByteArray& label : zone.split('.')) {
            if (label.isEmpty())
                continue;
            query += char(label.size());
            query += label;
        }
        query += QByteArray("\x00\x00\x06\x00\x01", 5);
        QDeadlineTimer deadline(5000);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            QUdpSocket socket;
            socket.writeDatagram(query, QHostAddress::LocalHost, m_port);
            if (socket.waitForReadyRead(200) && socket.hasPendingDatagrams())
                return true;
        }
        return false;
    }

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};
