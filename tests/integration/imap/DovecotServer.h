// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// A real Dovecot for the IMAP integration tests, started from a configuration in a temporary folder:
// loopback high ports, a passwd-file user, a fresh self-signed certificate (SAN localhost and
// 127.0.0.1), Maildir storage, running as nobody. The destructor stops it by process id, so a failing
// test never leaves a server behind.
class DovecotServer
{
public:
    DovecotServer();
    ~DovecotServer();
    DovecotServer(const DovecotServer&) = delete;
    DovecotServer& operator=(const DovecotServer&) = delete;

    // Empty on success, else what went wrong (and the tail of Dovecot's log).
    QString start();
    void stop();
    bool isRunning() const;

    quint16 imapPort() const { return m_imapPort; }
    quint16 imapsPort() const { return m_imapsPort; }
    QString certificatePath() const;
    QString user() const { return QStringLiteral("analyst"); }
    QByteArray password() const { return "c0rrect horse \"battery\""; }
    QString log() const;

    // Creates a Maildir++ folder (INBOX when name is empty or "INBOX").
    QString folderPath(const QString& folder) const;
    // Writes messages as new mail (tmp/ then rename into cur/), owned by the server's user.
    bool deliver(const QString& folder, const QList<QByteArray>& messages);
    // Forgets the folder's UIDs, as if it had been deleted and recreated: the next session sees a
    // new UIDVALIDITY and renumbers every message.
    bool resetUids(const QString& folder, quint32 newUidValidity);
    // The imap processes serving our connections (children of the master).
    QList<qint64> imapProcessIds() const;

private:
    bool run(const QString& program, const QStringList& arguments, QString* error) const;
    bool chownToServer(const QString& path) const;
    bool waitForPort(quint16 port, int timeoutMs) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_imapPort = 0;
    quint16 m_imapsPort = 0;
    mutable int m_sequence = 0;
};
