// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/imap/ImapClient.h"

#include "sources/imap/MailboxName.h"

#include <QSslConfiguration>
#include <QSslSocket>

#include <algorithm>

namespace authlens::sources::imap {

namespace {

// Server text goes into messages shown to people: keep it printable and short.
QString serverText(const Response& r)
{
    QString text = QString::fromUtf8(r.text).simplified();
    for (QChar& c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char('?');
    }
    if (text.size() > 300)
        text = text.left(300) + QStringLiteral("...");
    if (!r.code.isEmpty())
        text = QStringLiteral("[%1] %2").arg(QString::fromLatin1(r.code), text);
    return text;
}

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

} // namespace

bool MailboxInfo::selectable() const
{
    return std::none_of(flags.begin(), flags.end(), [](const QByteArray& f) {
        return f.compare("\\Noselect", Qt::CaseInsensitive) == 0 ||
               f.compare("\\NonExistent", Qt::CaseInsensitive) == 0;
    });
}

ImapClient::ImapClient(ImapAccount account, QObject* parent)
    : QObject(parent)
    , m_account(std::move(account))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ImapClient::onTimeout);
}

ImapClient::~ImapClient()
{
    m_closing = true;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

bool ImapClient::isConnected() const
{
    return m_socket && !m_closing && m_socket->state() == QAbstractSocket::ConnectedState;
}

bool ImapClient::isEncrypted() const
{
    return m_socket && m_socket->isEncrypted();
}

bool ImapClient::hasCapability(QByteArrayView name) const
{
    return std::any_of(m_capabilities.begin(), m_capabilities.end(), [&](const QByteArray& c) {
        return QByteArrayView(c).compare(name, Qt::CaseInsensitive) == 0;
    });
}

void ImapClient::armTimer(int ms)
{
    m_timer.start(ms);
    m_bytesSinceArmed = 0;
}

void ImapClient::rearmIfProgress(int ms)
{
    if (m_bytesSinceArmed >= qMax(1024, ms))
        armTimer(ms);
}

void ImapClient::open(Done done)
{
    if (m_socket) {
        done(ImapResult::failure(ImapResult::Status::ProtocolError, tr("The connection is already open.")));
        return;
    }
    m_openDone = std::move(done);
    m_socket = new QSslSocket(this);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!m_account.extraCaCertificates.isEmpty())
        tls.addCaCertificates(m_account.extraCaCertificates);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    m_socket->setSslConfiguration(tls);
    m_socket->setPeerVerifyName(m_account.host);
    connect(m_socket, &QSslSocket::readyRead, this, &ImapClient::onReadyRead);
    connect(m_socket, &QSslSocket::encrypted, this, &ImapClient::onEncrypted);
    connect(m_socket, qOverload<const QList<QSslError>&>(&QSslSocket::sslErrors), this,
            &ImapClient::onSslErrors);
    connect(m_socket, &QSslSocket::errorOccurred, this, &ImapClient::onSocketError);
    connect(m_socket, &QSslSocket::disconnected, this, &ImapClient::onDisconnected);
    armTimer(m_account.connectTimeoutMs);
    if (m_account.security == ImapAccount::Security::ImplicitTls)
        m_socket->connectToHostEncrypted(m_account.host, m_account.port);
    else
        m_socket->connectToHost(m_account.host, m_account.port);
}

void ImapClient::onSslErrors(const QList<QSslError>& errors)
{
    QSslCertificate certificate = m_socket->peerCertificate();
    if (certificate.isNull() && !m_socket->peerCertificateChain().isEmpty())
        certificate = m_socket->peerCertificateChain().first();
    for (const QSslError& e : errors) {
        if (certificate.isNull())
            certificate = e.certificate();
    }
    const QByteArray pin = ImapAccount::normalizedFingerprint(m_account.pinnedSha256);
    if (!pin.isEmpty() && !certificate.isNull() && ImapAccount::fingerprintOf(certificate) == pin) {
        // The analyst checked this exact certificate and pinned it for this account.
        m_pinUsed = true;
        m_socket->ignoreSslErrors(errors);
        return;
    }
    QStringList problems;
    for (const QSslError& e : errors)
        problems << e.errorString();
    problems.removeDuplicates();
    const QString fingerprint = certificate.isNull() ? tr("unknown (no certificate was sent)")
                                                     : ImapAccount::displayFingerprint(certificate);
    m_tlsProblem = pin.isEmpty() ? tr("The certificate of %1 is not trusted: %2. Its SHA-256 fingerprint is "
                                      "%3; if you have checked "
                                      "it, pin this fingerprint for the account.")
                                       .arg(m_account.host, problems.join(QStringLiteral("; ")), fingerprint)
                                 : tr("The certificate of %1 is not trusted (%2) and its SHA-256 fingerprint "
                                      "%3 is not the pinned one.")
                                       .arg(m_account.host, problems.join(QStringLiteral("; ")), fingerprint);
}

void ImapClient::onSocketError()
{
    if (m_closing)
        return;
    const auto error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError && m_greeted)
        return; // onDisconnected reports it, with the BYE text if there was one
    const QString where = QStringLiteral("%1:%2").arg(m_account.host).arg(m_account.port);
    if (!m_tlsProblem.isEmpty()) {
        failAll(ImapResult::failure(ImapResult::Status::CertificateUntrusted, m_tlsProblem));
    } else if (error == QAbstractSocket::SslHandshakeFailedError ||
               error == QAbstractSocket::SslInternalError ||
               error == QAbstractSocket::SslInvalidUserDataError) {
        failAll(ImapResult::failure(ImapResult::Status::TlsFailed,
                                    tr("TLS with %1 failed: %2").arg(where, m_socket->errorString())));
    } else if (!m_greeted) {
        failAll(ImapResult::failure(ImapResult::Status::ConnectFailed,
                                    tr("Could not connect to %1: %2").arg(where, m_socket->errorString())));
    } else {
        failAll(
            ImapResult::failure(ImapResult::Status::ConnectionLost,
                                tr("The connection to %1 failed: %2").arg(where, m_socket->errorString())));
    }
}

void ImapClient::onDisconnected()
{
    if (m_closing)
        return;
    if (!m_byeText.isEmpty())
        failAll(ImapResult::failure(
            ImapResult::Status::ServerBye,
            tr("The server %1 closed the connection: %2").arg(m_account.host, m_byeText)));
    else
        failAll(ImapResult::failure(ImapResult::Status::ConnectionLost,
                                    tr("The server %1 dropped the connection.").arg(m_account.host)));
}

void ImapClient::onTimeout()
{
    if (m_closing)
        return;
    const int ms = m_greeted && !m_openDone ? m_account.commandTimeoutMs : m_account.connectTimeoutMs;
    // No progress for the whole wait. Bytes still dribbling in make it a trickle; a burst long before is a
    // stall like silence.
    if (m_bytesSinceArmed > 0 && m_lastDataClock.elapsed() < ms / 2) {
        failAll(ImapResult::failure(ImapResult::Status::Timeout,
                                    tr("%1:%2 sent only %3 bytes in %4 s: too slow to go on.")
                                        .arg(m_account.host)
                                        .arg(m_account.port)
                                        .arg(m_bytesSinceArmed)
                                        .arg(ms / 1000.0)));
        return;
    }
    failAll(ImapResult::failure(
        ImapResult::Status::Timeout,
        tr("No answer from %1:%2 within %3 s.").arg(m_account.host).arg(m_account.port).arg(ms / 1000.0)));
}

void ImapClient::abort()
{
    failAll(ImapResult::failure(ImapResult::Status::Cancelled, tr("Cancelled.")));
}

void ImapClient::failAll(const ImapResult& result)
{
    if (m_closing && m_inFlight.empty() && !m_openDone)
        return;
    m_closing = true;
    m_idling = false;
    m_timer.stop();
    if (m_socket)
        m_socket->abort();
    std::deque<Command> commands = std::move(m_inFlight);
    m_inFlight.clear();
    Done openDone = std::exchange(m_openDone, {});
    QPointer<ImapClient> self(this);
    if (openDone)
        openDone(result);
    for (Command& c : commands) {
        if (!self)
            return;
        if (c.onFailure)
            c.onFailure(result);
    }
}

void ImapClient::send(Command command)
{
    if (!m_socket || m_closing) {
        auto onFailure = std::move(command.onFailure);
        QTimer::singleShot(0, this, [onFailure, host = m_account.host] {
            if (onFailure)
                onFailure(ImapResult::failure(ImapResult::Status::ConnectionLost,
                                              tr("Not connected to %1.").arg(host)));
        });
        return;
    }
    command.tag = QByteArray("A") + QByteArray::number(++m_tagCounter).rightJustified(4, '0');
    m_socket->write(command.tag + ' ' + command.parts.front());
    command.parts.front().fill('\0'); // may hold a secret (SASL-IR)
    m_inFlight.push_back(std::move(command));
    armTimer(m_openDone ? m_account.connectTimeoutMs : m_account.commandTimeoutMs);
}

void ImapClient::onReadyRead()
{
    if (m_closing)
        return;
    const QByteArray data = m_socket->readAll();
    m_bytesSinceArmed += data.size();
    m_lastDataClock.start();
    if ((!m_inFlight.empty() && !m_idling) || m_openDone)
        rearmIfProgress(m_openDone ? m_account.connectTimeoutMs : m_account.commandTimeoutMs);
    if (!m_parser.feed(data)) {
        failAll(ImapResult::failure(ImapResult::Status::ProtocolError,
                                    tr("The server %1 sent something that is not IMAP. %2")
                                        .arg(m_account.host, m_parser.error()->toString())));
        return;
    }
    QPointer<ImapClient> self(this);
    while (self && !m_closing && m_parser.hasResponse())
        handle(m_parser.takeResponse());
}

void ImapClient::handle(const Response& response)
{
    if (!m_greeted) {
        handleGreeting(response);
        return;
    }
    if (response.code == "CAPABILITY")
        m_capabilities = response.codeWords();
    switch (response.kind) {
    case Response::Kind::Untagged:
        if (response.name == "CAPABILITY") {
            m_capabilities.clear();
            for (const Value& v : response.data)
                m_capabilities.append(v.text);
        }
        if (response.status == Response::Status::Bye)
            m_byeText = serverText(response);
        if (m_inFlight.empty()) {
            if (response.name == "EXISTS" && response.number)
                emit existsChanged(*response.number);
            return;
        }
        if (m_inFlight.front().onUntagged)
            m_inFlight.front().onUntagged(response);
        return;
    case Response::Kind::Continuation: {
        if (m_inFlight.empty()) {
            failAll(ImapResult::failure(
                ImapResult::Status::ProtocolError,
                tr("The server %1 asked to continue a command that was not sent.").arg(m_account.host)));
            return;
        }
        Command& c = m_inFlight.back(); // only the newest command can be waiting for a continuation
        if (c.nextPart < c.parts.size()) {
            m_socket->write(c.parts[c.nextPart]);
            c.parts[c.nextPart].fill('\0');
            ++c.nextPart;
        } else if (c.onContinuation) {
            QByteArray reply = c.onContinuation(response);
            m_socket->write(reply);
            reply.fill('\0');
        } else {
            failAll(ImapResult::failure(
                ImapResult::Status::ProtocolError,
                tr("The server %1 sent an unexpected continuation request.").arg(m_account.host)));
        }
        return;
    }
    case Response::Kind::Tagged: {
        auto it = std::find_if(m_inFlight.begin(), m_inFlight.end(),
                               [&](const Command& c) { return c.tag == response.tag; });
        if (it == m_inFlight.end()) {
            failAll(
                ImapResult::failure(ImapResult::Status::ProtocolError,
                                    tr("The server %1 answered a command that was not sent (tag %2).")
                                        .arg(m_account.host, QString::fromLatin1(response.tag.left(40)))));
            return;
        }
        Command c = std::move(*it);
        m_inFlight.erase(it);
        if (m_inFlight.empty() && !m_openDone)
            m_timer.stop();
        else if (!m_idling)
            armTimer(m_openDone ? m_account.connectTimeoutMs : m_account.commandTimeoutMs); // a command done
        if (c.onTagged)
            c.onTagged(response);
        return;
    }
    }
}

void ImapClient::handleGreeting(const Response& response)
{
    // RFC 3501 7.1: the greeting is an untagged OK, PREAUTH or BYE.
    if (response.kind != Response::Kind::Untagged || !response.isStatus() ||
        (response.status != Response::Status::Ok && response.status != Response::Status::PreAuth &&
         response.status != Response::Status::Bye)) {
        failAll(ImapResult::failure(
            ImapResult::Status::ProtocolError,
            tr("%1:%2 did not greet like an IMAP server.").arg(m_account.host).arg(m_account.port)));
        return;
    }
    if (response.status == Response::Status::Bye) {
        failAll(ImapResult::failure(
            ImapResult::Status::ServerBye,
            tr("The server %1 refused the connection: %2").arg(m_account.host, serverText(response))));
        return;
    }
    m_greeted = true;
    m_preauth = response.status == Response::Status::PreAuth;
    if (response.code == "CAPABILITY")
        m_capabilities = response.codeWords();
    if (m_account.security == ImapAccount::Security::StartTls) {
        if (m_preauth) {
            // RFC 3501 6.2.1: STARTTLS is only valid in the not-authenticated state.
            failAll(ImapResult::failure(ImapResult::Status::StartTlsUnavailable,
                                        tr("The server %1 pre-authenticated the connection, so it cannot be "
                                           "upgraded with STARTTLS.")
                                            .arg(m_account.host)));
            return;
        }
        auto upgrade = [this](const ImapResult& r) {
            if (!r.ok())
                return finishOpen(r);
            startTls();
        };
        if (m_capabilities.isEmpty())
            requestCapabilities(upgrade);
        else
            upgrade(ImapResult::success());
        return;
    }
    if (m_capabilities.isEmpty())
        requestCapabilities([this](const ImapResult& r) { finishOpen(r); });
    else
        finishOpen(ImapResult::success());
}

void ImapClient::requestCapabilities(Done done)
{
    Command c;
    c.parts = {"CAPABILITY\r\n"};
    c.onTagged = [this, done](const Response& r) {
        done(r.status == Response::Status::Ok ? ImapResult::success()
                                              : fromTagged(r, QStringLiteral("CAPABILITY")));
    };
    c.onFailure = done;
    send(std::move(c));
}

void ImapClient::startTls()
{
    if (!hasCapability("STARTTLS")) {
        finishOpen(
            ImapResult::failure(ImapResult::Status::StartTlsUnavailable,
                                tr("The server %1 does not offer STARTTLS; use implicit TLS (usually port "
                                   "993).")
                                    .arg(m_account.host)));
        return;
    }
    Command c;
    c.parts = {"STARTTLS\r\n"};
    c.onTagged = [this](const Response& r) {
        if (r.status != Response::Status::Ok) {
            finishOpen(ImapResult::failure(
                ImapResult::Status::StartTlsUnavailable,
                tr("The server %1 refused STARTTLS: %2").arg(m_account.host, serverText(r))));
            return;
        }
        // RFC 3501 6.2.1 / RFC 7817: anything the server sent after its OK and before the handshake
        // could be injected by an attacker; refuse rather than process it.
        if (m_parser.hasResponse() || m_parser.bufferedBytes() > 0 || m_socket->bytesAvailable() > 0) {
            failAll(
                ImapResult::failure(ImapResult::Status::ProtocolError,
                                    tr("The server %1 sent data after accepting STARTTLS and before the TLS "
                                       "handshake; refusing it as a possible injection.")
                                        .arg(m_account.host)));
            return;
        }
        m_capabilities.clear(); // RFC 3501 6.2.1: forget what was learned before TLS
        armTimer(m_account.connectTimeoutMs);
        m_socket->startClientEncryption();
    };
    c.onFailure = [this](const ImapResult& r) { finishOpen(r); };
    send(std::move(c));
}

void ImapClient::onEncrypted()
{
    if (m_account.security == ImapAccount::Security::StartTls && m_greeted)
        requestCapabilities([this](const ImapResult& r) { finishOpen(r); });
}

void ImapClient::finishOpen(const ImapResult& result)
{
    if (!result.ok()) {
        failAll(result);
        return;
    }
    m_timer.stop();
    if (Done done = std::exchange(m_openDone, {}))
        done(result);
}

ImapResult ImapClient::fromTagged(const Response& r, const QString& what) const
{
    if (r.status == Response::Status::Ok)
        return ImapResult::success();
    if (r.status == Response::Status::No)
        return ImapResult::failure(ImapResult::Status::CommandFailed,
                                   tr("%1 failed on %2: %3").arg(what, m_account.host, serverText(r)),
                                   r.code);
    return ImapResult::failure(
        ImapResult::Status::ProtocolError,
        tr("The server %1 rejected %2 as invalid: %3").arg(m_account.host, what, serverText(r)), r.code);
}

std::optional<QByteArray> ImapClient::quoted(QByteArrayView text)
{
    // RFC 3501 9: quoted = DQUOTE *QUOTED-CHAR DQUOTE, 7-bit without CR, LF and NUL.
    QByteArray out = "\"";
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0 || u == '\r' || u == '\n' || u >= 0x80)
            return std::nullopt;
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

QByteArray ImapClient::uidSet(const QList<quint32>& sortedUids)
{
    QByteArray out;
    qsizetype i = 0;
    while (i < sortedUids.size()) {
        qsizetype j = i;
        while (j + 1 < sortedUids.size() && sortedUids[j + 1] == sortedUids[j] + 1)
            ++j;
        if (!out.isEmpty())
            out += ',';
        out += QByteArray::number(sortedUids[i]);
        if (j > i)
            out += ':' + QByteArray::number(sortedUids[j]);
        i = j + 1;
    }
    return out;
}

QByteArray ImapClient::searchDate(QDate date)
{
    // RFC 3501 9: date-text = date-day "-" date-month "-" date-year, English month names.
    return QByteArray::number(date.day()) + '-' + kMonths[date.month() - 1] + '-' +
           QByteArray::number(date.year());
}

} // namespace authlens::sources::imap
