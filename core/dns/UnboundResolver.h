// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dns/DnsLimits.h"
#include "dns/Resolver.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

struct ub_ctx;
struct ub_result;

namespace authlens::dns {

// Live DNS through libunbound, in one of three modes:
//   System    - the servers of /etc/resolv.conf (the default)
//   Forward   - one chosen server, "192.0.2.1", "192.0.2.1:5353", "[2001:db8::1]:53", "2001:db8::1"
//   Recursive - full recursion from the root, validating DNSSEC with the root trust anchor
//               (/usr/share/dns/root.key from dns-root-data)
// System and Forward may validate too (`validate`), if the servers pass DNSSEC records on.
//
// We enforce the timeout ourselves: a dead server gives TempFail "DNS timeout after N s" after timeoutMs,
// instead of libunbound's own 17-24 s. Thread-safe: query() from any number of threads at once.
// Asynchronous answers are delivered on the resolver's own processing thread (one per resolver).
class UnboundResolver : public Resolver
{
public:
    enum class Mode
    {
        System,
        Forward,
        Recursive,
    };

    struct Options
    {
        Mode mode = Mode::System;
        QString server;        // Forward only
        bool validate = false; // always on in Recursive
        QString trustAnchorFile = QStringLiteral("/usr/share/dns/root.key");
        // More anchors as DS or DNSKEY record text (private zones, tests). Outside Recursive mode, giving
        // any replaces trustAnchorFile: a lab zone under .test has no chain from the root.
        QStringList trustAnchors;
        QString resolvConf; // System: empty means /etc/resolv.conf
        int timeoutMs = 5000;
        qsizetype maxAnswerBytes = DnsLimits().maxAnswerBytes; // larger answers are an Error, not parsed
        int maxRecords = 256;
        int maxCnameHops = DnsLimits().maxCnameHops; // longer CNAME chains in an answer are an Error
    };

    struct CreateResult
    {
        std::shared_ptr<UnboundResolver> resolver; // null on error
        QString error;
        bool ok() const { return resolver != nullptr; }
    };

    struct ServerSpec
    {
        QString unboundForm; // "ip@port" as ub_ctx_set_fwd wants it
        QString error;
    };

    static CreateResult create(const Options& options);
    // "host[:port]" with host an IP address (IPv6 in brackets when a port follows); port 53 by default.
    static ServerSpec parseServer(const QString& text);

    ~UnboundResolver() override;
    UnboundResolver(const UnboundResolver&) = delete;
    UnboundResolver& operator=(const UnboundResolver&) = delete;

    DnsAnswer query(const QByteArray& name, RecordType type) override;
    // `done` runs on the resolver's processing thread (or at once on the calling thread for a name that
    // cannot be asked). It must not call query() on this resolver (queryAsync() is fine) and should be
    // short: every answer of this resolver waits for it.
    void queryAsync(const QByteArray& name, RecordType type, std::function<void(DnsAnswer)> done) override;

    // Written into DnsAnswer::source: "unbound via 127.0.0.1@15353", ...
    QString description() const { return m_description; }
    const Options& options() const { return m_options; }

private:
    using Clock = std::chrono::steady_clock;
    struct Pending
    {
        UnboundResolver* self = nullptr;
        quint64 serial = 0;
        int unboundId = 0;
        bool idKnown = false;
        bool delivered = false; // answered (timeout): the late libunbound result is dropped
        Clock::time_point deadline;
        QByteArray name;
        RecordType type = RecordType::TXT;
        std::function<void(DnsAnswer)> done;
    };

    explicit UnboundResolver(const Options& options);
    QString setUp();
    void processLoop();
    void expireDue();
    void wake();
    static void onResult(void* data, int error, ub_result* result);
    void deliver(quint64 serial, int error, ub_result* result);
    DnsAnswer toAnswer(const Pending& pending, int error, const ub_result* result) const;
    DnsAnswer baseAnswer(const QByteArray& name, RecordType type) const;

    Options m_options;
    QString m_description;
    bool m_validating = false;
    ub_ctx* m_context = nullptr;
    int m_wakeFd = -1;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::mutex m_mutex;
    std::unordered_map<quint64, std::unique_ptr<Pending>> m_pending;
    quint64 m_nextSerial = 1;
};

} // namespace authlens::dns
