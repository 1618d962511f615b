// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// The rows the store keeps, as plain values. The store knows results, not how they were computed:
// the pipeline maps the verifiers' results into these, so this header includes no protocol module.
// Times are UTC; result words are RFC 8601's ("pass", "fail", "neutral", "policy", "temperror",
// "permerror", "none", "softfail").
namespace authlens::store {

// Where messages come from: a file, a folder, an mbox, a Maildir or an IMAP account.
struct Source
{
    qint64 id = 0;
    QString kind;    // "eml", "folder", "mbox", "maildir", "imap"
    QString locator; // path, or imaps://user@host:port (never a secret)
    QString label;   // what the analyst calls it
    QDateTime createdAt;
};

// One import run over a source.
struct ImportRun
{
    qint64 id = 0;
    qint64 sourceId = 0;
    QDateTime startedAt;
    QDateTime finishedAt; // invalid while running or when the run was killed
    QString status;       // "running", "finished", "cancelled", "failed", "interrupted" (killed)
    qint64 messagesSeen = 0;
    qint64 messagesNew = 0;
    qint64 messagesDuplicate = 0;
    qint64 messagesFailed = 0;
    qint64 bytesRead = 0;
    // Where the source reader continues if this run is resumed: every message before it is stored
    // (or logged as an error). Empty until the first batch is committed.
    std::optional<qint64> resumeOffset;
    std::optional<qint64> resumeIndex;
};

// A per-message error in an import, located so the analyst can find the bytes again.
struct ImportError
{
    qint64 id = 0;
    qint64 importId = 0;
    QString path;                 // file, mbox or Maildir entry; IMAP folder
    std::optional<qint64> offset; // byte offset in an mbox or file
    std::optional<qint64> uid;    // IMAP UID
    QString message;              // plain-language error with its position
    QDateTime occurredAt;
};

// Where a message sits in its source, so it can be found again (and the import resumed).
struct MessageLocator
{
    QString path;                     // file, mbox or Maildir folder
    std::optional<qint64> mboxOffset; // byte offset of the "From " line
    QString maildirName;              // file name in cur/ or new/
    QString imapFolder;               //
    std::optional<qint64> imapUidValidity;
    std::optional<qint64> imapUid;
};

// RFC 3464: what a delivery status notification reports, kept on its message so the dashboard can
// count bounces against the domain that sent the original.
struct DeliveryStatusRecord
{
    bool isReport = false;  // the message is a delivery status notification
    QString action;         // the first failed recipient's action, else the first recipient's ("failed",
                            // "delayed", "delivered", "relayed", "expanded"); lower case
    QString status;         // that recipient's status code, "5.1.1"
    QString originalDomain; // who sent the original (its From domain, else its DKIM d=), lowercase; empty
                            // when the report does not return it

    // A permanent failure (RFC 3464 2.3.3 action "failed"): a bounce. A delay is not one.
    bool isBounce() const { return isReport && action == QLatin1String("failed"); }
    friend bool operator==(const DeliveryStatusRecord&, const DeliveryStatusRecord&) = default;
};

struct MessageRecord
{
    qint64 id = 0;
    QByteArray contentHash; // SHA-256 of the raw bytes, lowercase hex; the writer computes it if empty
    qint64 sourceId = 0;    // 0: none
    qint64 importId = 0;    // 0: none
    MessageLocator locator;
    QString fromAddress;
    QString fromDomain; // lowercase
    QString subject;
    QString messageIdHeader; // the Message-ID header field's value
    QDateTime date;          // the Date header, UTC; invalid when missing or unreadable
    qint64 size = 0;         // raw bytes
    bool rawStored = false;  // false: only the locator refers to the bytes
    QDateTime importedAt;
    // Summary of the latest verification run, for the dashboard.
    QString dkimResult; // best over the signatures: pass > fail > policy > neutral > temperror > permerror;
                        // "none" without signatures
    QString spfResult;
    QString dmarcResult;
    qint64 latestRunId = 0;
    DeliveryStatusRecord deliveryStatus; // isReport false: an ordinary message
};

// A DNS record as fetched, kept once however many results refer to it.
struct DnsRecordRecord
{
    qint64 id = 0;
    QString name; // owner name, lowercase, no trailing dot
    QString type; // "TXT", "A", ...
    QString text; // the record data as presented (TXT strings joined)
    qint64 ttl = 0;
    QDateTime fetchedAt;    // when first fetched with this content
    QString dnssec;         // "secure", "insecure", "bogus", "indeterminate", "" when unknown
    QStringList cnameChain; // names followed to reach `name`
    QString origin;         // "dns", "records-file", "cache"

    friend bool operator==(const DnsRecordRecord&, const DnsRecordRecord&) = default;
};

// RFC 6376: one row per DKIM-Signature header field.
struct DkimSignatureRecord
{
    qint64 id = 0;
    int signatureIndex = 0;                // 0 = topmost DKIM-Signature field
    QString sdid;                          // d=
    QString selector;                      // s=
    QString algorithm;                     // a=
    QString headerCanonicalization;        // c= before the slash
    QString bodyCanonicalization;          // c= after the slash
    QString auid;                          // i=
    QStringList signedHeaderNames;         // h=
    std::optional<qint64> bodyLengthLimit; // l=
    QDateTime signatureTimestamp;          // t=
    QDateTime signatureExpiration;         // x=
    int keyBits = 0;                       // 0 when no key was loaded
    QString result;                        // RFC 8601 dkim result word
    QString reason;                        // plain language
    std::optional<DnsRecordRecord> keyRecord;
};

// RFC 7208 check_host() outcome for the message.
struct SpfRecord
{
    qint64 id = 0;
    QString result; // pass, fail, softfail, neutral, none, temperror, permerror
    QString domain; // the domain checked (MAIL FROM's, or HELO's)
    QString ip;
    QString mailfrom;
    QString helo;
    QString explanation; // exp= text
    QString reason;
    std::optional<DnsRecordRecord> record;
};

// DMARC: RFC 9989 (tree walk) and, beside it, the RFC 7489 (public suffix list) answer.
struct DmarcRecord
{
    qint64 id = 0;
    QString result; // pass, fail, none, temperror, permerror
    QString fromDomain;
    QString policyDomain;
    QString organizationalDomain;
    QString policy;      // p= / sp= / np= applied
    QString disposition; // none, quarantine, reject
    bool dkimAligned = false;
    bool spfAligned = false;
    QString reason;
    QString rfc7489Result;
    QString rfc7489PolicyDomain;
    QString rfc7489OrganizationalDomain;
    QString rfc7489Disposition;
    std::optional<DnsRecordRecord> record;
};

enum class FindingSeverity
{
    Info,
    Warning,
    Error,
};

// A finding, kept once per (id, subject, message text); repeated sightings count up.
struct FindingRecord
{
    qint64 rowId = 0;
    QString id; // stable finding id, e.g. "dkim.key.rsa-short"
    FindingSeverity severity = FindingSeverity::Warning;
    QString subject;
    QString message;
    QString fix;
    QString correctedRecord;
    QString reference;
    bool dismissed = false;
    QString dismissedReason;
    QDateTime firstSeenAt;
    QDateTime lastSeenAt;
    qint64 occurrences = 0;
    qint64 exampleMessageId = 0; // the first message it was seen on, 0 for record checks
};

// A verification pass over messages: import, or a later re-verification (after a DNS change, or as of
// a chosen date). Every result row belongs to one, so earlier results stay as history.
struct VerificationRun
{
    qint64 id = 0;
    QDateTime startedAt;
    QDateTime finishedAt;
    QDateTime asOf; // the time verification pretended it was; invalid: the run's own time
    QString note;
};

// Everything one verification run found for one message.
struct VerificationResults
{
    QList<DkimSignatureRecord> dkim;
    std::optional<SpfRecord> spf;
    std::optional<DmarcRecord> dmarc;
    QList<DnsRecordRecord> consultedRecords; // every other record looked up (SPF includes, ...)
    QList<FindingRecord> findings;
    // Set by a re-verification that read the raw bytes again, so rows stored before schema version 5
    // learn whether they are delivery status notifications; empty leaves the stored value.
    std::optional<DeliveryStatusRecord> deliveryStatus;
};

// Incremental IMAP sync position (RFC 3501 2.3.1.1: UIDs only hold within one UIDVALIDITY).
struct ImapSyncState
{
    QString account; // user@host:port
    QString folder;
    qint64 uidValidity = 0;
    qint64 highestUid = 0;
    QDateTime updatedAt;
};

} // namespace authlens::store
