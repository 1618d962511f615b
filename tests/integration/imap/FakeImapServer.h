// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A scripted IMAP4rev1 server on loopback for the broken-peer tests: just enough of RFC 3501 for
// ImapSync (greeting, AUTHENTICATE PLAIN / LOGIN, EXAMINE, UID SEARCH, UID FETCH, LOGOUT), with
// chosen misbehaviour: never greet, stall after login, or stall / close the connection in the middle
// of a message literal. Cleartext, or implicit TLS with a given certificate and key. Runs on the
// thread that created it (event driven; a blocking caller must put it on its own thread).

#include <QFile>
#include <QMap>
#include <QPointer>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

#include <atomic>
#include <memory>

class FakeImapServer : public QTcpServer
{
public:
    enum class Behaviour
    {
        Normal,
        NeverGreets,       // accepts the connection and says nothing
        StallAfterLogin,   // never answers EXAMINE
        StallMidLiteral,   // sends part of message `breakUid`'s literal, then nothing
        CloseMidLiteral,   // sends part of message `breakUid`'s literal, then closes the connection
        TrickleMidLiteral, // sends part of message `breakUid`'s literal, then a byte every 100 ms
    };

    explicit FakeImapServer(QObject* parent = nullptr)
        : QTcpServer(parent)
    {}

    Behaviour behaviour = Behaviour::Normal;
    quint32 breakUid = 0;
    quint32 uidValidity = 42;
    QMap<quint32, QByteArray> messages; // UID -> bytes (CRLF)
    QByteArray expectedUser = "analyst";
    QByteArray expectedSecret = "s3cret";
    QList<QByteArray> commandsSeen; // every command line, tag removed
    std::atomic<int> connections{0};

    struct TlsSetup
    {
        bool opensslMissing = false;
        QString error; // empty when the server is ready for implicit TLS
    };

    // Implicit TLS with a fresh self-signed certificate for localhost (RSA 2048, two days) and its key,
    // written into `directory` by openssl req; call before listen(). certificate() gives it for a pin.
    TlsSetup useFreshTls(const QString& directory)
    {
        const QString certificatePath = directory + QStringLiteral("/cert.pem");
        const QString keyPath = directory + QStringLiteral("/key.pem");
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                       keyPath, QStringLiteral("-out"), certificatePath, QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")});
        if (!openssl.waitForStarted(10000))
            return {true, QStringLiteral("openssl is not installed")};
        if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
            return {false, QStringLiteral("openssl req failed: ") +
                               QString::fromLocal8Bit(openssl.readAllStandardError())};
        if (!useTls(certificatePath, keyPath))
            return {false, QStringLiteral("the new certificate or key did not load")};
        return {};
    }

    const QSslCertificate& certificate() const { return m_certificate; }

    // Implicit TLS with this certificate and key (PEM files); call before listen().
    bool useTls(const QString& certificatePath, const QString& keyPath)
    {
        QFile certificateFile(certificatePath);
        QFile keyFile(keyPath);
        if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return false;
        m_certificate = QSslCertificate(&certificateFile, QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        m_key = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
        if (m_key.isNull())
            m_key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        m_tls = !m_certificate.isNull() && !m_key.isNull();
        return m_tls;
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        ++connections;
        auto* socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QSslSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            qsizetype end = 0;
            while ((end = buffer->indexOf("\r\n")) >= 0) {
                const QByteArray line = buffer->left(end);
                buffer->remove(0, end + 2);
                command(socket, line);
            }
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        if (m_tls) {
            socket->setLocalCertificate(m_certificate);
            socket->setPrivateKey(m_key);
            connect(socket, &QSslSocket::encrypted, this, [this, socket] { greet(socket); });
            socket->startServerEncryption();
        } else {
            greet(socket);
        }
    }

private:
    void greet(QSslSocket* socket)
    {
        if (behaviour == Behaviour::NeverGreets)
            return;
        socket->write("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] fake IMAP ready\r\n");
    }

    QList<quint32> uidsIn(const QByteArray& set) const
    {
        QList<quint32> uids;
        for (const QByteArray& range : set.split(',')) {
            const QList<QByteArray> ends = range.split(':');
            const quint32 highest = messages.isEmpty() ? 0 : messages.lastKey();
            const quint32 first = ends[0] == "*" ? highest : ends[0].toUInt();
            const quint32 last = ends.size() < 2 ? first : ends[1] == "*" ? highest : ends[1].toUInt();
            for (auto it = messages.begin(); it != messages.end(); ++it) {
                if (it.key() >= std::min(first, last) && it.key() <= std::max(first, last))
                    uids.append(it.key());
            }
        }
        return uids;
    }

    qsizetype sequenceOf(quint32 uid) const
    {
        return std::distance(messages.begin(), messages.find(uid)) + 1;
    }

    void command(QSslSocket* socket, const QByteArray& line)
    {
        const qsizetype space = line.indexOf(' ');
        const QByteArray tag = line.left(space);
        const QByteArray rest = line.mid(space + 1);
        commandsSeen.append(rest);
        const QByteArray upper = rest.toUpper();
        if (upper.startsWith("CAPABILITY")) {
            socket->write("* CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR\r\n" + tag + " OK done\r\n");
        } else if (upper.startsWith("AUTHENTICATE PLAIN ")) {
            const QByteArray expected = '\0' + expectedUser + '\0' + expectedSecret;
            const bool ok = QByteArray::fromBase64(rest.mid(19)) == expected;
            socket->write(tag + (ok ? " OK [CAPABILITY IMAP4rev1] logged in\r\n"
                                    : " NO [AUTHENTICATIONFAILED] wrong\r\n"));
        } else if (upper.startsWith("EXAMINE")) {
            if (behaviour == Behaviour::StallAfterLogin)
                return;
            const quint32 next = messages.isEmpty() ? 1 : messages.lastKey() + 1;
            socket->write("* " + QByteArray::number(messages.size()) + " EXISTS\r\n* OK [UIDVALIDITY " +
                          QByteArray::number(uidValidity) + "] ok\r\n* OK [UIDNEXT " +
                          QByteArray::number(next) + "] ok\r\n" + tag + " OK [READ-ONLY] examined\r\n");
        } else if (upper.startsWith("UID SEARCH")) {
            quint32 from = 1;
            if (const qsizetype at = upper.indexOf(" UID "); at >= 0)
                from = upper.mid(at + 5).split(':').value(0).toUInt();
            QByteArray found = "* SEARCH";
            for (auto it = messages.begin(); it != messages.end(); ++it) {
                if (it.key() >= from)
                    found += ' ' + QByteArray::number(it.key());
            }
            socket->write(found + "\r\n" + tag + " OK searched\r\n");
        } else if (upper.startsWith("UID FETCH")) {
            const QList<QByteArray> words = rest.split(' ');
            const QList<quint32> uids = uidsIn(words.value(2));
            const bool bodies = upper.contains("BODY.PEEK[]");
            for (quint32 uid : uids) {
                const QByteArray& bytes = messages[uid];
                const QByteArray start = "* " + QByteArray::number(sequenceOf(uid)) + " FETCH (UID " +
                                         QByteArray::number(uid) + " RFC822.SIZE " +
                                         QByteArray::number(bytes.size());
                if (!bodies) {
                    socket->write(start + ")\r\n");
                    continue;
                }
                const QByteArray literal = start + " INTERNALDATE \"01-Jan-2024 10:00:00 +0000\" BODY[] {" +
                                           QByteArray::number(bytes.size()) + "}\r\n";
                if (uid == breakUid && behaviour != Behaviour::Normal) {
                    breakInLiteral(socket, literal, bytes);
                    return;
                }
                socket->write(literal + bytes + ")\r\n");
            }
            socket->write(tag + " OK fetched\r\n");
        } else if (upper.startsWith("LOGOUT")) {
            socket->write("* BYE see you\r\n" + tag + " OK bye\r\n");
            socket->disconnectFromHost();
        } else {
            socket->write(tag + " BAD not in this fake\r\n");
        }
    }

    void breakInLiteral(QSslSocket* socket, const QByteArray& literal, const QByteArray& bytes)
    {
        switch (behaviour) {
        case Behaviour::StallMidLiteral:
            socket->write(literal + bytes.left(bytes.size() / 2));
            return;
        case Behaviour::CloseMidLiteral:
            socket->write(literal + bytes.left(bytes.size() / 2));
            socket->disconnectFromHost(); // after the pending bytes are sent
            return;
        case Behaviour::TrickleMidLiteral: {
            socket->write(literal + bytes.left(bytes.size() / 2));
            auto* trickle = new QTimer(socket); // goes with the connection
            const QByteArray rest = bytes.mid(bytes.size() / 2);
            QObject::connect(trickle, &QTimer::timeout, socket,
                             [socket, trickle, rest, sent = qsizetype(0)]() mutable {
                                 if (sent < rest.size() && socket->state() == QAbstractSocket::ConnectedState)
                                     socket->write(rest.mid(sent++, 1));
                                 else
                                     trickle->stop();
                             });
            trickle->start(100);
            return;
        }
        default:
            return;
        }
    }

    bool m_tls = false;
    QSslCertificate m_certificate;
    QSslKey m_key;
};
