// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ServerCertificateProbe.h"

#include <QLocale>
#include <QSslConfiguration>
#include <QSslSocket>

namespace authlens::desktop {

namespace {
// A greeting or a STARTTLS answer longer than this is no IMAP server we want to talk to.
constexpr qsizetype kMaxLine = 8192;
} // namespace

ServerCertificateProbe::ServerCertificateProbe(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this,
            [this] { finish(QSslCertificate(), tr("The server did not answer in time.")); });
}

ServerCertificateProbe::~ServerCertificateProbe()
{
    m_done = nullptr;
    if (m_socket)
        m_socket->abort();
}

void ServerCertificateProbe::start(const sources::imap::ImapAccount& account, Done done, int timeoutMs)
{
    m_done = std::move(done);
    m_buffer.clear();
    m_greeted = false;
    m_startTls = account.security == sources::imap::ImapAccount::Security::StartTls;
    delete m_socket;
    m_socket = new QSslSocket(this);
    m_socket->setPeerVerifyName(account.host);
    connect(m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>&) { capture(); });
    connect(m_socket, &QSslSocket::encrypted, this, [this] { capture(); });
    connect(m_socket, &QSslSocket::readyRead, this, &ServerCertificateProbe::onReadyRead);
    connect(m_socket, &QSslSocket::errorOccurred, this, [this] {
        if (m_done)
            finish(QSslCertificate(), m_socket->errorString());
    });
    m_timer.start(timeoutMs);
    if (m_startTls)
        m_socket->connectToHost(account.host, account.port);
    else
        m_socket->connectToHostEncrypted(account.host, account.port);
}

void ServerCertificateProbe::onReadyRead()
{
    if (!m_startTls || m_socket->isEncrypted())
        return;
    m_buffer += m_socket->readAll();
    if (m_buffer.size() > kMaxLine)
        return finish(QSslCertificate(), tr("The server sent an over-long line before TLS."));
    while (true) {
        const qsizetype end = m_buffer.indexOf("\r\n");
        if (end < 0)
            return;
        const QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 2);
        if (!m_greeted) {
            if (!line.startsWith("* OK") && !line.startsWith("* PREAUTH"))
                return finish(QSslCertificate(), tr("The server's greeting is not an IMAP greeting."));
            m_greeted = true;
            m_socket->write("P1 STARTTLS\r\n");
        } else if (line.startsWith("P1 ")) {
            if (!line.startsWith("P1 OK"))
                return finish(QSslCertificate(),
                              tr("The server refused STARTTLS: %1").arg(QString::fromLatin1(line.mid(3))));
            m_socket->startClientEncryption();
            return;
        }
        // Untagged lines (capabilities) before the tagged answer are read past.
    }
}

void ServerCertificateProbe::capture()
{
    QSslCertificate certificate = m_socket->peerCertificate();
    if (certificate.isNull() && !m_socket->peerCertificateChain().isEmpty())
        certificate = m_socket->peerCertificateChain().first();
    if (certificate.isNull())
        return; // sslErrors may come before the chain is set; encrypted or the error follows
    finish(certificate, QString());
}

void ServerCertificateProbe::finish(const QSslCertificate& certificate, const QString& error)
{
    m_timer.stop();
    Done done = std::move(m_done);
    m_done = nullptr;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (done)
        done({certificate,
              certificate.isNull() && error.isEmpty() ? tr("The server sent no certificate.") : error});
}

QString ServerCertificateProbe::describe(const QSslCertificate& certificate)
{
    if (certificate.isNull())
        return tr("No certificate.");
    const QLocale locale;
    const auto names = [](const QStringList& list) { return list.join(QStringLiteral(", ")); };
    QStringList altNames;
    const auto san = certificate.subjectAlternativeNames();
    for (auto it = san.cbegin(); it != san.cend(); ++it)
        altNames << it.value();
    return tr("Subject: %1\nAlternative names: %2\nIssuer: %3\nValid from %4 to %5\nSHA-256 fingerprint: %6")
        .arg(names(certificate.subjectInfo(QSslCertificate::CommonName)) + QStringLiteral(" ") +
                 names(certificate.subjectInfo(QSslCertificate::Organization)),
             altNames.isEmpty() ? tr("none") : altNames.join(QStringLiteral(", ")),
             names(certificate.issuerInfo(QSslCertificate::CommonName)) + QStringLiteral(" ") +
                 names(certificate.issuerInfo(QSslCertificate::Organization)),
             locale.toString(certificate.effectiveDate(), QLocale::ShortFormat),
             locale.toString(certificate.expiryDate(), QLocale::ShortFormat),
             sources::imap::ImapAccount::displayFingerprint(certificate));
}

} // namespace authlens::desktop
