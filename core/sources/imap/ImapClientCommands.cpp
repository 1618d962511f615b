// SPDX-License-Identifier: GPL-3.0-or-later
// ImapClient, part two: the commands an import needs (authentication, LIST, EXAMINE, UID SEARCH,
// UID FETCH, LOGOUT). The connection, TLS and response routing live in ImapClient.cpp.
#include "sources/imap/ImapClient.h"

#include "sources/imap/MailboxName.h"

#include <QSslSocket>

#include <algorithm>
#include <memory>

namespace authlens::sources::imap {

namespace {

QString plainServerText(const Response& r)
{
    QString text = QString::fromUtf8(r.text.left(300)).simplified();
    if (!r.code.isEmpty())
        text = QStringLiteral("[%1] %2").arg(QString::fromLatin1(r.code), text);
    return text;
}

// Appends an astring to a command, as a quoted string or, when it cannot be quoted, a synchronizing
// literal (RFC 3501 4.3): the command is then split into parts sent after each continuation.
void appendAstring(QList<QByteArray>& parts, QByteArrayView value)
{
    if (auto q = ImapClient::quoted(value)) {
        parts.back() += *q;
        q->fill('\0');
        return;
    }
    parts.back() += '{' + QByteArray::number(value.size()) + "}\r\n";
    parts.append(value.toByteArray());
}

} // namespace

void ImapClient::authenticate(QByteArray secret, Done done)
{
    auto wipe = [](QByteArray& bytes) { bytes.fill('\0'); };
    if (!isConnected()) {
        wipe(secret);
        done(ImapResult::failure(ImapResult::Status::ConnectionLost,
                                 tr("Not connected to %1.").arg(m_account.host)));
        return;
    }
    if (m_preauth) {
        wipe(secret);
        done(ImapResult::success());
        return;
    }
    if (!isEncrypted() && !m_account.allowCleartextAuth) {
        wipe(secret);
        done(ImapResult::failure(
            ImapResult::Status::CleartextRefused,
            tr("Refusing to send the credentials of %1 to %2 over an unencrypted connection. "
               "Use implicit TLS or STARTTLS, or allow cleartext authentication for this "
               "account explicitly.")
                .arg(m_account.user, m_account.host)));
        return;
    }
    auto method = m_account.authMethod;
    if (method == ImapAccount::AuthMethod::Automatic)
        method =
            hasCapability("AUTH=PLAIN") ? ImapAccount::AuthMethod::Plain : ImapAccount::AuthMethod::Login;
    if (method == ImapAccount::AuthMethod::Login && hasCapability("LOGINDISABLED")) {
        wipe(secret);
        done(ImapResult::failure(
            ImapResult::Status::AuthenticationFailed,
            tr("The server %1 does not allow LOGIN on this connection.").arg(m_account.host)));
        return;
    }

    const QByteArray user = m_account.user.toUtf8();
    Command c;
    auto challenge = std::make_shared<QByteArray>(); // XOAUTH2 error details, decoded
    if (method == ImapAccount::AuthMethod::Login) {
        c.parts = {"LOGIN "};
        appendAstring(c.parts, user);
        c.parts.back() += ' ';
        appendAstring(c.parts, secret);
        c.parts.back() += "\r\n";
    } else {
        QByteArray payload;
        QByteArray mechanism;
        if (method == ImapAccount::AuthMethod::Plain) {
            // RFC 4616 2: [authzid] NUL authcid NUL passwd
            mechanism = "PLAIN";
            payload = '\0' + user + '\0' + secret;
        } else {
            // XOAUTH2: "user=" user ^A "auth=Bearer " token ^A ^A
            mechanism = "XOAUTH2";
            payload = "user=" + user + "\x01" + "auth=Bearer " + secret + "\x01\x01";
        }
        QByteArray encoded = payload.toBase64();
        wipe(payload);
        if (hasCapability("SASL-IR")) {
            // RFC 4959: the initial response goes on the command line, saving a round trip.
            c.parts = {"AUTHENTICATE " + mechanism + ' ' + encoded + "\r\n"};
        } else {
            c.parts = {"AUTHENTICATE " + mechanism + "\r\n", encoded + "\r\n"};
        }
        wipe(encoded);
        c.onContinuation = [challenge](const Response& r) -> QByteArray {
            // A challenge after our response is an error report (XOAUTH2 sends JSON); answering with
            // an empty line lets the server finish with NO (RFC 3501 6.2.2 would cancel with "*").
            *challenge = QByteArray::fromBase64(r.text).left(300);
            return "\r\n";
        };
    }
    wipe(secret);
    c.onTagged = [this, done, challenge, user](const Response& r) {
        if (r.status == Response::Status::Ok) {
            if (r.code == "CAPABILITY")
                return done(ImapResult::success());
            // RFC 3501 6.2.2 / 7.2.1: capabilities may change after login.
            return requestCapabilities(done);
        }
        QString reason = tr("The server %1 refused the login of %2: %3")
                             .arg(m_account.host, QString::fromUtf8(user), plainServerText(r));
        if (!challenge->isEmpty())
            reason += QStringLiteral(" (%1)").arg(QString::fromUtf8(*challenge).simplified());
        done(ImapResult::failure(r.status == Response::Status::Bad ? ImapResult::Status::ProtocolError
                                                                   : ImapResult::Status::AuthenticationFailed,
                                 reason, r.code));
    };
    c.onFailure = done;
    send(std::move(c));
}

void ImapClient::list(std::function<void(const ImapResult&, const QList<MailboxInfo>&)> done)
{
    auto found = std::make_shared<QList<MailboxInfo>>();
    Command c;
    c.parts = {"LIST \"\" \"*\"\r\n"};
    c.onUntagged = [found](const Response& r) {
        // RFC 3501 7.2.2: mailbox-list = "(" flags ")" SP (DQUOTE QUOTED-CHAR DQUOTE / nil) SP mailbox
        if (r.name != "LIST" || r.data.size() != 3 || r.data[0].kind != Value::Kind::List)
            return;
        MailboxInfo info;
        for (const Value& flag : r.data[0].items)
            info.flags.append(flag.text);
        info.delimiter = r.data[1].kind == Value::Kind::Nil ? QByteArray() : r.data[1].text;
        info.encodedName = r.data[2].text;
        if (r.data[2].isAtom("INBOX"))
            info.name = QStringLiteral("INBOX");
        else
            info.name = MailboxName::decode(info.encodedName).value_or(QString::fromUtf8(info.encodedName));
        found->append(info);
    };
    c.onTagged = [this, done, found](const Response& r) {
        done(fromTagged(r, QStringLiteral("LIST")), *found);
    };
    c.onFailure = [done](const ImapResult& r) { done(r, {}); };
    send(std::move(c));
}

void ImapClient::examine(const QString& mailbox,
                         std::function<void(const ImapResult&, const MailboxStatus&)> done)
{
    auto status = std::make_shared<MailboxStatus>();
    auto sawUidValidity = std::make_shared<bool>(false);
    Command c;
    // RFC 3501 6.3.2: EXAMINE opens the mailbox read-only; nothing we do later can change a flag.
    c.parts = {"EXAMINE "};
    appendAstring(c.parts, MailboxName::encode(mailbox));
    c.parts.back() += "\r\n";
    c.onUntagged = [status, sawUidValidity](const Response& r) {
        if (r.name == "EXISTS" && r.number)
            status->exists = *r.number;
        if (r.code == "UIDVALIDITY") {
            status->uidValidity = static_cast<quint32>(r.codeNumber().value_or(0));
            *sawUidValidity = true;
        }
        if (r.code == "UIDNEXT")
            status->uidNext = static_cast<quint32>(r.codeNumber().value_or(0));
    };
    c.onTagged = [this, done, status, sawUidValidity, mailbox](const Response& r) {
        ImapResult result = fromTagged(r, tr("Opening folder \"%1\"").arg(mailbox));
        status->readOnly = r.code == "READ-ONLY";
        if (result.ok() && (!*sawUidValidity || status->uidValidity == 0))
            result =
                ImapResult::failure(ImapResult::Status::ProtocolError,
                                    tr("The server %1 gave no UIDVALIDITY for \"%2\", so it cannot be synced "
                                       "incrementally (RFC 3501 2.3.1.1).")
                                        .arg(m_account.host, mailbox));
        done(result, *status);
    };
    c.onFailure = [done](const ImapResult& r) { done(r, {}); };
    send(std::move(c));
}

void ImapClient::uidSearch(const SearchCriteria& criteria,
                           std::function<void(const ImapResult&, const QList<quint32>&)> done)
{
    auto uids = std::make_shared<QList<quint32>>();
    QByteArray command = "UID SEARCH";
    if (criteria.minUid > 1)
        command += " UID " + QByteArray::number(criteria.minUid) + ":*";
    if (criteria.since && criteria.since->isValid())
        command += " SINCE " + searchDate(*criteria.since);
    if (command == "UID SEARCH")
        command += " ALL";
    Command c;
    c.parts = {command + "\r\n"};
    c.onUntagged = [uids](const Response& r) {
        if (r.name != "SEARCH")
            return;
        for (const Value& v : r.data) {
            if (auto n = v.toNumber())
                uids->append(static_cast<quint32>(*n));
        }
    };
    const quint32 minUid = criteria.minUid;
    c.onTagged = [this, done, uids, minUid](const Response& r) {
        // "n:*" always matches the highest UID even when it is below n (RFC 3501 6.4.8), so filter.
        QList<quint32> result;
        for (quint32 uid : std::as_const(*uids)) {
            if (uid >= minUid)
                result.append(uid);
        }
        std::sort(result.begin(), result.end());
        result.erase(std::unique(result.begin(), result.end()), result.end());
        done(fromTagged(r, QStringLiteral("UID SEARCH")), result);
    };
    c.onFailure = [done](const ImapResult& r) { done(r, {}); };
    send(std::move(c));
}

void ImapClient::fetchSizes(const QList<quint32>& uids,
                            std::function<void(const ImapResult&, const QMap<quint32, quint64>&)> done)
{
    QList<quint32> sorted = uids;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    if (sorted.isEmpty()) {
        done(ImapResult::success(), {});
        return;
    }
    auto sizes = std::make_shared<QMap<quint32, quint64>>();
    Command c;
    c.parts = {"UID FETCH " + uidSet(sorted) + " (UID RFC822.SIZE)\r\n"};
    c.onUntagged = [sizes](const Response& r) {
        if (r.fetch && r.fetch->uid && r.fetch->rfc822Size)
            sizes->insert(*r.fetch->uid, *r.fetch->rfc822Size);
    };
    c.onTagged = [this, done, sizes](const Response& r) {
        done(fromTagged(r, QStringLiteral("UID FETCH")), *sizes);
    };
    c.onFailure = [done](const ImapResult& r) { done(r, {}); };
    send(std::move(c));
}

void ImapClient::fetch(const QList<quint32>& uids, std::function<void(FetchedMessage&&)> onMessage, Done done,
                       int batchSize, int inFlight)
{
    struct State
    {
        QList<quint32> uids;
        qsizetype next = 0;
        int outstanding = 0;
        bool finished = false;
        std::function<void(FetchedMessage&&)> onMessage;
        Done done;
        std::function<void()> pump;
    };
    auto state = std::make_shared<State>();
    state->uids = uids;
    std::sort(state->uids.begin(), state->uids.end());
    state->uids.erase(std::unique(state->uids.begin(), state->uids.end()), state->uids.end());
    state->onMessage = std::move(onMessage);
    state->done = std::move(done);
    batchSize = std::max(1, batchSize);
    inFlight = std::max(1, inFlight);
    if (state->uids.isEmpty()) {
        state->done(ImapResult::success());
        return;
    }
    std::weak_ptr<State> weak = state;
    state->pump = [this, weak, batchSize, inFlight] {
        auto s = weak.lock();
        if (!s)
            return;
        // RFC 3501 5.5: several UID FETCH commands may be outstanding; each covers one batch.
        while (!s->finished && s->outstanding < inFlight && s->next < s->uids.size()) {
            const QList<quint32> batch = s->uids.mid(s->next, batchSize);
            s->next += batch.size();
            ++s->outstanding;
            Command c;
            c.parts = {"UID FETCH " + uidSet(batch) + " (UID BODY.PEEK[] INTERNALDATE RFC822.SIZE)\r\n"};
            c.onUntagged = [s](const Response& r) {
                if (s->finished || !r.fetch || !r.fetch->uid || !r.fetch->body)
                    return; // unsolicited FETCH (flag changes by another client) carries no body
                FetchedMessage m;
                m.uid = *r.fetch->uid;
                m.bytes = *r.fetch->body;
                m.internalDate = r.fetch->internalDate;
                m.rfc822Size = r.fetch->rfc822Size;
                s->onMessage(std::move(m));
            };
            c.onTagged = [this, s](const Response& r) {
                --s->outstanding;
                if (s->finished)
                    return;
                if (r.status != Response::Status::Ok) {
                    s->finished = true;
                    s->done(fromTagged(r, QStringLiteral("UID FETCH")));
                    return;
                }
                if (s->next >= s->uids.size() && s->outstanding == 0) {
                    s->finished = true;
                    s->done(ImapResult::success());
                    return;
                }
                s->pump();
            };
            c.onFailure = [s](const ImapResult& r) {
                if (s->finished)
                    return;
                s->finished = true;
                s->done(r);
            };
            send(std::move(c));
        }
    };
    state->pump();
    // The commands' callbacks hold the state; the pump holds only a weak reference to avoid a cycle.
}

void ImapClient::idle(std::function<void(quint32)> onExists, Done done)
{
    Command c;
    c.parts = {"IDLE\r\n"};
    c.onContinuation = [this](const Response&) -> QByteArray {
        m_idling = true; // the server may now stay silent for as long as it likes
        m_timer.stop();
        return {};
    };
    c.onUntagged = [onExists](const Response& r) {
        if (r.name == "EXISTS" && r.number && onExists)
            onExists(*r.number);
    };
    c.onTagged = [this, done](const Response& r) {
        m_idling = false;
        done(fromTagged(r, QStringLiteral("IDLE")));
    };
    c.onFailure = done;
    send(std::move(c));
}

void ImapClient::stopIdle()
{
    if (!m_idling || !isConnected())
        return;
    m_idling = false;
    m_socket->write("DONE\r\n");
    armTimer(m_account.commandTimeoutMs);
}

void ImapClient::logout(Done done)
{
    if (!isConnected()) {
        done(ImapResult::success());
        return;
    }
    Command c;
    c.parts = {"LOGOUT\r\n"};
    c.onTagged = [this, done](const Response&) {
        // RFC 3501 6.1.3: BYE then OK; the server closes, we close too.
        m_closing = true;
        m_timer.stop();
        if (m_socket)
            m_socket->disconnectFromHost();
        done(ImapResult::success());
    };
    c.onFailure = [done](const ImapResult& r) {
        done(r.status == ImapResult::Status::ServerBye ? ImapResult::success() : r);
    };
    send(std::move(c));
}

} // namespace authlens::sources::imap
