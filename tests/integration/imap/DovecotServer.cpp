// SPDX-License-Identifier: GPL-3.0-or-later
#include "DovecotServer.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <pwd.h>
#include <unistd.h>

namespace {

// Dovecot refuses to run its login processes as root; everything runs as nobody.
constexpr uid_t kServerUid = 65534;
constexpr gid_t kServerGid = 65534;

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

DovecotServer::DovecotServer()
    : m_dir(QDir::tempPath() + QStringLiteral("/authlens-dovecot-XXXXXX"))
{}

DovecotServer::~DovecotServer()
{
    stop();
}

bool DovecotServer::run(const QString& program, const QStringList& arguments, QString* error) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, arguments);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("%1 failed: %2").arg(program, QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

bool DovecotServer::chownToServer(const QString& path) const
{
    return ::chown(QFile::encodeName(path).constData(), kServerUid, kServerGid) == 0;
}

QString DovecotServer::certificatePath() const
{
    return m_dir.filePath(QStringLiteral("cert.pem"));
}

QString DovecotServer::log() const
{
    QFile f(m_dir.filePath(QStringLiteral("dovecot.log")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll().right(4000));
}

QString DovecotServer::folderPath(const QString& folder) const
{
    const QString root = m_dir.filePath(QStringLiteral("home/analyst/Maildir"));
    if (folder.isEmpty() || folder.compare(QStringLiteral("INBOX"), Qt::CaseInsensitive) == 0)
        return root;
    return root + QStringLiteral("/.") + folder; // Maildir++ layout, Dovecot's default
}

QString DovecotServer::start()
{
    if (!m_dir.isValid())
        return QStringLiteral("cannot create a temporary folder");
    if (QStandardPaths::findExecutable(QStringLiteral("dovecot"), {QStringLiteral("/usr/sbin")}).isEmpty())
        return QStringLiteral("dovecot is not installed (Debian package dovecot-imapd)");
    if (::geteuid() != 0)
        return QStringLiteral("the Dovecot fixture needs root to run the server as nobody");
    const QDir dir(m_dir.path());
    for (const char* sub :
         {"run", "state", "home/analyst/Maildir/cur", "home/analyst/Maildir/new", "home/analyst/Maildir/tmp"})
        dir.mkpath(QString::fromLatin1(sub));

    QString error;
    // A fresh self-signed certificate for this run, valid for the names the tests connect to.
    if (!run(QStringLiteral("openssl"),
             {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
              QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
              QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("key.pem")),
              QStringLiteral("-out"), certificatePath(), QStringLiteral("-days"), QStringLiteral("2"),
              QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
              QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")},
             &error))
        return error;

    QFile passwd(m_dir.filePath(QStringLiteral("passwd")));
    if (!passwd.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write passwd");
    // passwd-file: user:password:uid:gid:gecos:home:shell:extra
    passwd.write(user().toUtf8() + ":{PLAIN}" + password() + ":65534:65534::" +
                 QFile::encodeName(m_dir.filePath(QStringLiteral("home/analyst"))) + "::\n");
    passwd.close();

    for (int attempt = 0; attempt < 3; ++attempt) {
        m_imapPort = freePort();
        m_imapsPort = freePort();
        if (m_imapPort == 0 || m_imapsPort == 0 || m_imapPort == m_imapsPort)
            continue;
        QFile conf(m_dir.filePath(QStringLiteral("dovecot.conf")));
        if (!conf.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write dovecot.conf");
        const QByteArray d = QFile::encodeName(m_dir.path());
        conf.write("base_dir = " + d +
                   "/run\n"
                   "state_dir = " +
                   d +
                   "/state\n"
                   "instance_name = authlens-test-" +
                   QByteArray::number(m_imapsPort) +
                   "\n"
                   "log_path = " +
                   d +
                   "/dovecot.log\n"
                   "listen = 127.0.0.1\n"
                   "protocols = imap\n"
                   "default_login_user = nobody\n"
                   "default_internal_user = nobody\n"
                   "default_internal_group = nogroup\n"
                   "first_valid_uid = 65534\n"
                   "last_valid_uid = 65534\n"
                   "ssl = yes\n"
                   "ssl_cert = <" +
                   d +
                   "/cert.pem\n"
                   "ssl_key = <" +
                   d +
                   "/key.pem\n"
                   "auth_mechanisms = plain login\n"
                   "auth_failure_delay = 0\n"
                   "disable_plaintext_auth = yes\n"
                   "mail_location = maildir:~/Maildir\n"
                   // IDLE learns of new mail through inotify; where that is missing, look every second.
                   "mailbox_idle_check_interval = 1 secs\n"
                   "passdb {\n  driver = passwd-file\n  args = " +
                   d +
                   "/passwd\n}\n"
                   "userdb {\n  driver = passwd-file\n  args = " +
                   d +
                   "/passwd\n}\n"
                   "service imap-login {\n  chroot =\n"
                   "  inet_listener imap {\n    port = " +
                   QByteArray::number(m_imapPort) +
                   "\n  }\n"
                   "  inet_listener imaps {\n    port = " +
                   QByteArray::number(m_imapsPort) +
                   "\n    ssl = yes\n  }\n}\n"
                   "service anvil {\n  chroot =\n}\n");
        conf.close();
        if (!run(QStringLiteral("chown"),
                 {QStringLiteral("-R"), QStringLiteral("nobody:nogroup"), m_dir.path()}, &error))
            return error;

        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process->start(QStringLiteral("setpriv"),
                         {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                          QStringLiteral("--clear-groups"), QStringLiteral("dovecot"), QStringLiteral("-c"),
                          m_dir.filePath(QStringLiteral("dovecot.conf")), QStringLiteral("-F")});
        if (!m_process->waitForStarted(5000))
            return QStringLiteral("cannot start dovecot: %1").arg(m_process->errorString());
        if (waitForPort(m_imapsPort, 10000) && waitForPort(m_imapPort, 2000))
            return {};
        stop(); // most likely a port taken between probing and binding: try other ports
    }
    return QStringLiteral("dovecot did not start listening. Log:\n%1").arg(log());
}

bool DovecotServer::waitForPort(quint16 port, int timeoutMs) const
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        if (m_process->state() != QProcess::Running)
            return false;
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        if (probe.waitForConnected(500))
            return true;
        QThread::msleep(20);
    }
    return false;
}

bool DovecotServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

void DovecotServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM to the master's pid; it stops its children
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
    m_process.reset();
}

QList<qint64> DovecotServer::imapProcessIds() const
{
    QList<qint64> ids;
    if (!isRunning())
        return ids;
    const qint64 master = m_process->processId();
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid ..."
        const QByteArray text = stat.readAll();
        const qsizetype open = text.indexOf('(');
        const qsizetype close = text.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        const QByteArray comm = text.mid(open + 1, close - open - 1);
        const QList<QByteArray> rest = text.mid(close + 2).split(' ');
        if (comm == "imap" && rest.size() > 1 && rest[1].toLongLong() == master)
            ids.append(pid);
    }
    return ids;
}

bool DovecotServer::deliver(const QString& folder, const QList<QByteArray>& messages)
{
    const QString path = folderPath(folder);
    const QDir dir(path);
    for (const char* sub : {"cur", "new", "tmp"}) {
        if (!dir.mkpath(QString::fromLatin1(sub)))
            return false;
    }
    chownToServer(path);
    for (const char* sub : {"cur", "new", "tmp"})
        chownToServer(dir.filePath(QString::fromLatin1(sub)));
    if (path != folderPath(QString())) {
        // Maildir++ marks subfolders with this empty file.
        QFile marker(dir.filePath(QStringLiteral("maildirfolder")));
        marker.open(QIODevice::WriteOnly);
        marker.close();
        chownToServer(marker.fileName());
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const QByteArray& message : messages) {
        // Maildir names: time.unique.host, then ":2," info; S= tells Dovecot the size up front.
        const QString base = QStringLiteral("%1.M%2P%3.authlens,S=%4")
                                 .arg(now)
                                 .arg(++m_sequence)
                                 .arg(::getpid())
                                 .arg(message.size());
        const QString tmp = dir.filePath(QStringLiteral("tmp/") + base);
        QFile f(tmp);
        if (!f.open(QIODevice::WriteOnly) || f.write(message) != message.size())
            return false;
        f.close();
        chownToServer(tmp);
        if (!QFile::rename(tmp, dir.filePath(QStringLiteral("cur/") + base + QStringLiteral(":2,"))))
            return false;
    }
    return true;
}

bool DovecotServer::resetUids(const QString& folder, quint32 newUidValidity)
{
    const QDir dir(folderPath(folder));
    for (const QString& name :
         dir.entryList({QStringLiteral("dovecot-uidlist"), QStringLiteral("dovecot.index*")}, QDir::Files))
        QFile::remove(dir.filePath(name));
    // A version 3 uidlist header with the new UIDVALIDITY and no UIDs: Dovecot numbers every message
    // again from 1, as after the mailbox was deleted and recreated.
    QFile uidlist(dir.filePath(QStringLiteral("dovecot-uidlist")));
    if (!uidlist.open(QIODevice::WriteOnly))
        return false;
    uidlist.write("3 V" + QByteArray::number(newUidValidity) + " N1\n");
    uidlist.close();
    return chownToServer(uidlist.fileName());
}
