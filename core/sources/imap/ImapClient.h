// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/imap/ImapAccount.h"
#include "sources/imap/ImapResult.h"
#include "sources/imap/ResponseParser.h"

#include <QDate>
#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class QSslSocket;

namespace authlens::sources::imap {

struct MailboxInfo
{
    QString name;            // decoded from modified UTF-7
    QByteArray encodedName;  // as the server sent it, for EXAMINE
    QByteArray delimiter;    // hierarchy delimiter, empty for NIL
    QList<QByteArray> flags; // \Noselect, \HasChildren, \Sent ...
    bool selectable() const;
};

struct MailboxStatus
{
    quint32 uidValidity = 0;
    quint32 uidNext = 0;
    quint32 exists = 0;
    bool readOnly = false;
};

struct SearchCriteria
{
    quint32 minUid = 1;         // UID minUid:*
    std::optional<QDate> since; // RFC 3501 6.4.4 SINCE (internal date, day granularity)
};

// One message as fetched: the bytes exactly as the server sent them.
struct FetchedMessage
{
    quint32 uid = 0;
    QByteArray bytes;
    QByteArray internalDate; // RFC 3501 date-time text, e.g. "17-Jul-1996 02:44:25 -0700"
    std::optional<quint64> rfc822Size;
};

// An event-driven IMAP4rev1 client over QSslSocket. Every operation takes a completion callback that
// runs exactly once on this object's thread; nothing blocks. Commands are pipelined where RFC 3501
// 5.5 allows it (batched UID FETCH). Read-only by construction: mailboxes are opened with EXAMINE and
// bodies fetched with BODY.PEEK[], so no flag changes. Secrets are passed to authenticate() and held
// only for the duration of that exchange.
class ImapClient : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const ImapResult&)>;

    explicit ImapClient(ImapAccount account, QObject* parent = nullptr);
    ~ImapClient() override;

    const ImapAccount& account() const { return m_account; }
    // Bounds for what the server may send (literal size = largest message); set before open().
    void setResponseLimits(ResponseParser::Limits limits) { m_parser = ResponseParser(limits); }

    // Connects, verifies the certificate (or the pin), reads the greeting and capabilities, and for
    // StartTls upgrades the connection (RFC 3501 6.2.1).
    void open(Done done);
    // LOGIN / AUTHENTICATE PLAIN / AUTHENTICATE XOAUTH2 as the account asks. `secret` is a password
    // or an OAuth 2.0 access token.
    void authenticate(QByteArray secret, Done done);
    void list(std::function<void(const ImapResult&, const QList<MailboxInfo>&)> done);
    void examine(const QString& mailbox, std::function<void(const ImapResult&, const MailboxStatus&)> done);
    void uidSearch(const SearchCriteria& criteria,
                   std::function<void(const ImapResult&, const QList<quint32>&)> done);
    // UID FETCH (UID RFC822.SIZE): the size of each message, to skip oversized ones before their
    // bodies are asked for.
    void fetchSizes(const QList<quint32>& uids,
                    std::function<void(const ImapResult&, const QMap<quint32, quint64>&)> done);
    // UID FETCH in batches of `batchSize` UIDs with up to `inFlight` commands outstanding.
    // `onMessage` is called as each message arrives, in the server's order.
    void fetch(const QList<quint32>& uids, std::function<void(FetchedMessage&&)> onMessage, Done done,
               int batchSize = 200, int inFlight = 4);
    // RFC 2177 IDLE: the server reports changes as they happen; `onExists` gets each new message
    // count. stopIdle() sends DONE; `done` runs when the server ends the IDLE command. No timeout
    // applies while idling (RFC 2177 3: re-issue it at least every 29 minutes).
    void idle(std::function<void(quint32 exists)> onExists, Done done);
    void stopIdle();
    bool isIdling() const { return m_idling; }
    void logout(Done done);
    // Drops the connection now; outstanding operations finish with Cancelled.
    void abort();

    bool isConnected() const;
    bool isEncrypted() const;
    bool pinnedCertificateUsed() const { return m_pinUsed; }
    const QList<QByteArray>& capabilities() const { return m_capabilities; }
    bool hasCapability(QByteArrayView name) const;

    // "1:5,7,9:12" for sorted unique UIDs (RFC 3501 9, sequence-set).
    static QByteArray uidSet(const QList<quint32>& sortedUids);
    // An astring: quoted when it can be, otherwise nullopt (needs a literal).
    static std::optional<QByteArray> quoted(QByteArrayView text);
    static QByteArray searchDate(QDate date); // 1-Feb-1994

signals:
    // Untagged EXISTS outside a command, e.g. during IDLE.
    void existsChanged(quint32 exists);

private:
    struct Command
    {
        QByteArray tag;
        QList<QByteArray> parts; // parts[0] is sent first, each later part after a continuation
        int nextPart = 1;
        std::function<void(const Response&)> onUntagged;
        std::function<QByteArray(const Response&)> onContinuation; // returns bytes to send
        std::function<void(const Response&)> onTagged;
        std::function<void(const ImapResult&)> onFailure; // connection-level failure
    };

    void send(Command command);
    void onReadyRead();
    void onEncrypted();
    void onSslErrors(const QList<QSslError>& errors);
    void onSocketError();
    void onDisconnected();
    void onTimeout();
    void handle(const Response& response);
    void handleGreeting(const Response& response);
    void requestCapabilities(Done done);
    void startTls();
    void finishOpen(const ImapResult& result);
    void failAll(const ImapResult& result);
    void armTimer(int ms);
    void rearmIfProgress(int ms);
    ImapResult fromTagged(const Response& response, const QString& what) const;

    ImapAccount m_account;
    QSslSocket* m_socket = nullptr;
    ResponseParser m_parser;
    QTimer m_timer;
    qint64 m_bytesSinceArmed = 0;  // what the server sent since the wait started
    QElapsedTimer m_lastDataClock; // since the server last sent anything
    std::deque<Command> m_inFlight;
    QList<QByteArray> m_capabilities;
    Done m_openDone;
    bool m_greeted = false;
    bool m_preauth = false;
    bool m_pinUsed = false;
    bool m_closing = false;
    bool m_idling = false;
    int m_tagCounter = 0;
    QString m_tlsProblem; // set by onSslErrors when the certificate was refused
    QString m_byeText;    // the text of an untagged BYE, reported when the connection then drops
};

} // namespace authlens::sources::imap
