// SPDX-License-Identifier: GPL-3.0-or-later
#include "dns/UnboundResolver.h"

#include "dns/WireFormat.h"
#include "dns/Zone.h"

#include <QDateTime>
#include <QFile>
#include <QHostAddress>

#include <future>

#include <poll.h>
#include <sys/eventfd.h>
#include <unbound.h>
#include <unistd.h>

namespace authlens::dns {

namespace {

constexpr int rcodeServFail = 2;
constexpr int rcodeNxDomain = 3;
constexpr int rcodeRefused = 5;
constexpr int classIn = 1;

QString seconds(int milliseconds)
{
    return QString::number(milliseconds / 1000.0);
}

} // namespace

UnboundResolver::ServerSpec UnboundResolver::parseServer(const QString& text)
{
    ServerSpec spec;
    QString host = text.trimmed();
    QString port = QStringLiteral("53");
    if (host.startsWith(QLatin1Char('['))) {
        const qsizetype close = host.indexOf(QLatin1Char(']'));
        if (close < 0) {
            spec.error = QStringLiteral("\"%1\": \"[\" without \"]\"").arg(text);
            return spec;
        }
        const QString rest = host.mid(close + 1);
        host = host.mid(1, close - 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':'))) {
                spec.error = QStringLiteral("\"%1\": expected \":PORT\" after \"]\"").arg(text);
                return spec;
            }
            port = rest.mid(1);
        }
    } else if (host.count(QLatin1Char(':')) == 1) {
        port = host.section(QLatin1Char(':'), 1);
        host = host.section(QLatin1Char(':'), 0, 0);
    }
    bool portOk = false;
    const int portNumber = port.toInt(&portOk);
    if (!portOk || portNumber < 1 || portNumber > 65535) {
        spec.error = QStringLiteral("\"%1\": bad port \"%2\"").arg(text, port);
        return spec;
    }
    QHostAddress address;
    if (host.contains(QLatin1Char('%')) || !address.setAddress(host)) {
        spec.error = QStringLiteral("\"%1\": give the DNS server as an IP address (host[:port])").arg(text);
        return spec;
    }
    spec.unboundForm = address.toString() + QLatin1Char('@') + QString::number(portNumber);
    return spec;
}

UnboundResolver::CreateResult UnboundResolver::create(const Options& options)
{
    CreateResult result;
    std::shared_ptr<UnboundResolver> resolver(new UnboundResolver(options));
    if (const QString error = resolver->setUp(); !error.isEmpty()) {
        result.error = error;
        return result;
    }
    result.resolver = std::move(resolver);
    return result;
}

UnboundResolver::UnboundResolver(const Options& options)
    : m_options(options)
{
    if (m_options.timeoutMs < 1)
        m_options.timeoutMs = 1;
}

QString UnboundResolver::setUp()
{
    m_context = ub_ctx_create();
    if (!m_context)
        return QStringLiteral("libunbound: cannot create a context");
    const auto check = [](int rc, const QString& what) -> QString {
        if (rc == 0)
            return {};
        return QStringLiteral("libunbound: %1: %2").arg(what, QString::fromUtf8(ub_strerror(rc)));
    };
    // Threads, not a forked process: results come back through ub_fd() to our processing thread.
    if (QString e = check(ub_ctx_async(m_context, 1), QStringLiteral("async")); !e.isEmpty())
        return e;

    m_validating = m_options.validate || m_options.mode == Mode::Recursive;
    if (!m_validating) {
        // Without anchors the validator only costs queries for DS/DNSKEY records.
        if (QString e = check(ub_ctx_set_option(m_context, "module-config:", "iterator"),
                              QStringLiteral("module-config"));
            !e.isEmpty())
            return e;
    }

    switch (m_options.mode) {
    case Mode::System: {
        const QByteArray path = m_options.resolvConf.toLocal8Bit();
        if (QString e =
                check(ub_ctx_resolvconf(m_context, path.isEmpty() ? nullptr : path.constData()),
                      QStringLiteral("reading %1")
                          .arg(path.isEmpty() ? QStringLiteral("/etc/resolv.conf") : m_options.resolvConf));
            !e.isEmpty())
            return e;
        m_description = QStringLiteral("unbound via system resolvers");
        break;
    }
    case Mode::Forward: {
        const ServerSpec spec = parseServer(m_options.server);
        if (!spec.error.isEmpty())
            return spec.error;
        // A forwarder on loopback (a local cache, the integration tests' server) must be allowed.
        if (QString e = check(ub_ctx_set_option(m_context, "do-not-query-localhost:", "no"),
                              QStringLiteral("do-not-query-localhost"));
            !e.isEmpty())
            return e;
        if (QString e = check(ub_ctx_set_fwd(m_context, spec.unboundForm.toLatin1().constData()),
                              QStringLiteral("forwarder %1").arg(spec.unboundForm));
            !e.isEmpty())
            return e;
        m_description = QStringLiteral("unbound via %1").arg(spec.unboundForm);
        break;
    }
    case Mode::Recursive:
        m_description = QStringLiteral("unbound recursive from the root");
        break;
    }

    if (m_validating) {
        if (!m_options.trustAnchorFile.isEmpty() &&
            (m_options.mode == Mode::Recursive || m_options.trustAnchors.isEmpty())) {
            if (!QFile::exists(m_options.trustAnchorFile))
                return QStringLiteral("DNSSEC trust anchor %1 not found (Debian package dns-root-data)")
                    .arg(m_options.trustAnchorFile);
            if (QString e =
                    check(ub_ctx_add_ta_file(m_context, m_options.trustAnchorFile.toLocal8Bit().constData()),
                          QStringLiteral("trust anchor %1").arg(m_options.trustAnchorFile));
                !e.isEmpty())
                return e;
        }
        for (const QString& anchor : m_options.trustAnchors) {
            if (QString e = check(ub_ctx_add_ta(m_context, anchor.toUtf8().constData()),
                                  QStringLiteral("trust anchor"));
                !e.isEmpty())
                return e;
        }
        m_description += QStringLiteral(", DNSSEC validating");
    }

    // libunbound answers NXDOMAIN for .test itself (RFC 6761 6.2 default local zone); a chosen server is
    // often a lab server for exactly such names, so ask it. Last: adding a local zone finalizes the settings.
    if (m_options.mode == Mode::Forward) {
        if (QString e =
                check(ub_ctx_zone_add(m_context, "test.", "nodefault"), QStringLiteral("local zone test."));
            !e.isEmpty())
            return e;
    }

    m_wakeFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_wakeFd < 0)
        return QStringLiteral("cannot create an eventfd");
    m_thread = std::thread([this] { processLoop(); });
    return {};
}

UnboundResolver::~UnboundResolver()
{
    if (m_thread.joinable()) {
        m_stopping = true;
        wake();
        m_thread.join();
    }
    std::vector<std::unique_ptr<Pending>> unanswered;
    {
        std::lock_guard lock(m_mutex);
        for (auto& [serial, pending] : m_pending)
            unanswered.push_back(std::move(pending));
        m_pending.clear();
    }
    for (auto& pending : unanswered) {
        if (pending->delivered || !pending->done)
            continue;
        DnsAnswer answer = baseAnswer(pending->name, pending->type);
        answer.status = DnsAnswer::Status::TempFail;
        answer.error = QStringLiteral("DNS resolver shut down before the answer came");
        pending->done(std::move(answer));
    }
    if (m_context)
        ub_ctx_delete(m_context);
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
}

void UnboundResolver::wake()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto written = ::write(m_wakeFd, &one, sizeof one);
}

DnsAnswer UnboundResolver::baseAnswer(const QByteArray& name, RecordType type) const
{
    DnsAnswer answer;
    answer.name = normalizedName(name);
    answer.type = type;
    answer.source = m_description;
    answer.fetchedAtMs = QDateTime::currentMSecsSinceEpoch();
    answer.dnssec = DnssecStatus::Unknown;
    return answer;
}

DnsAnswer UnboundResolver::query(const QByteArray& name, RecordType type)
{
    auto promise = std::make_shared<std::promise<DnsAnswer>>();
    std::future<DnsAnswer> future = promise->get_future();
    queryAsync(name, type, [promise](DnsAnswer answer) { promise->set_value(std::move(answer)); });
    // The processing thread answers by the deadline; the margin only guards against a stalled callback.
    if (future.wait_for(std::chrono::milliseconds(m_options.timeoutMs + 5000)) == std::future_status::ready)
        return future.get();
    DnsAnswer answer = baseAnswer(name, type);
    answer.status = DnsAnswer::Status::TempFail;
    answer.error = QStringLiteral("DNS timeout after %1 s").arg(seconds(m_options.timeoutMs));
    return answer;
}

void UnboundResolver::queryAsync(const QByteArray& name, RecordType type, std::function<void(DnsAnswer)> done)
{
    if (const QString error = nameError(name); !error.isEmpty()) {
        DnsAnswer answer = baseAnswer(name, type);
        answer.status = DnsAnswer::Status::Error;
        answer.error = error;
        done(std::move(answer));
        return;
    }
    auto pending = std::make_unique<Pending>();
    Pending* raw = pending.get();
    pending->self = this;
    pending->name = normalizedName(name);
    pending->type = type;
    pending->done = std::move(done);
    pending->deadline = Clock::now() + std::chrono::milliseconds(m_options.timeoutMs);
    quint64 serial = 0;
    {
        std::lock_guard lock(m_mutex);
        serial = m_nextSerial++;
        pending->serial = serial;
        m_pending.emplace(serial, std::move(pending));
    }
    wake(); // the processing thread recomputes its next deadline

    int unboundId = 0;
    const QByteArray asked = raw->name + '.';
    const int rc = ub_resolve_async(m_context, asked.constData(), int(type), classIn, raw,
                                    &UnboundResolver::onResult, &unboundId);
    std::unique_ptr<Pending> failed;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_pending.find(serial);
        if (it == m_pending.end())
            return; // already answered by the processing thread
        if (rc == 0) {
            it->second->unboundId = unboundId;
            it->second->idKnown = true;
            return;
        }
        if (it->second->delivered)
            return;
        failed = std::move(it->second);
        m_pending.erase(it);
    }
    DnsAnswer answer = baseAnswer(failed->name, type);
    answer.status = DnsAnswer::Status::TempFail;
    answer.error = QStringLiteral("libunbound: %1").arg(QString::fromUtf8(ub_strerror(rc)));
    failed->done(std::move(answer));
}

void UnboundResolver::processLoop()
{
    const int unboundFd = ub_fd(m_context);
    while (!m_stopping) {
        int waitMs = 1000;
        {
            std::lock_guard lock(m_mutex);
            const auto now = Clock::now();
            for (const auto& [serial, pending] : m_pending) {
                if (pending->delivered)
                    continue;
                const auto left =
                    std::chrono::duration_cast<std::chrono::milliseconds>(pending->deadline - now).count();
                waitMs = std::clamp(int(left) + 1, 1, waitMs);
            }
        }
        pollfd fds[2] = {{unboundFd, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
        const int ready = ::poll(fds, 2, waitMs);
        if (ready > 0 && (fds[1].revents & POLLIN)) {
            std::uint64_t count = 0;
            [[maybe_unused]] const auto got = ::read(m_wakeFd, &count, sizeof count);
        }
        if (ready > 0 && (fds[0].revents & POLLIN))
            ub_process(m_context); // calls onResult for every finished query
        expireDue();
    }
}

void UnboundResolver::expireDue()
{
    struct Expired
    {
        quint64 serial;
        int unboundId;
        QByteArray name;
        RecordType type;
        std::function<void(DnsAnswer)> done;
    };
    std::vector<Expired> expired;
    {
        std::lock_guard lock(m_mutex);
        const auto now = Clock::now();
        for (auto& [serial, pending] : m_pending) {
            // Without its id the query cannot be cancelled yet; the submitting thread sets it in a moment.
            if (pending->delivered || !pending->idKnown || pending->deadline > now)
                continue;
            pending->delivered = true;
            expired.push_back(
                {serial, pending->unboundId, pending->name, pending->type, std::move(pending->done)});
        }
    }
    for (Expired& e : expired) {
        // Only this thread calls ub_process, so a successful cancel means onResult will never run; a failed
        // one means the result is already queued and onResult will free it.
        if (ub_cancel(m_context, e.unboundId) == 0) {
            std::lock_guard lock(m_mutex);
            m_pending.erase(e.serial);
        }
        DnsAnswer answer = baseAnswer(e.name, e.type);
        answer.status = DnsAnswer::Status::TempFail;
        answer.error = QStringLiteral("DNS timeout after %1 s").arg(seconds(m_options.timeoutMs));
        e.done(std::move(answer));
    }
}

void UnboundResolver::onResult(void* data, int error, ub_result* result)
{
    auto* pending = static_cast<Pending*>(data);
    pending->self->deliver(pending->serial, error, result);
}

void UnboundResolver::deliver(quint64 serial, int error, ub_result* result)
{
    std::unique_ptr<Pending> pending;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_pending.find(serial);
        if (it != m_pending.end()) {
            pending = std::move(it->second);
            m_pending.erase(it);
        }
    }
    if (pending && !pending->delivered) {
        DnsAnswer answer = toAnswer(*pending, error, result);
        pending->done(std::move(answer));
    }
    if (result)
        ub_resolve_free(result);
}

DnsAnswer UnboundResolver::toAnswer(const Pending& pending, int error, const ub_result* result) const
{
    DnsAnswer answer = baseAnswer(pending.name, pending.type);
    if (error != 0 || !result) {
        answer.status = DnsAnswer::Status::TempFail;
        answer.error = QStringLiteral("libunbound: %1").arg(QString::fromUtf8(ub_strerror(error)));
        return answer;
    }
    if (m_validating)
        answer.dnssec = result->secure  ? DnssecStatus::Secure
                        : result->bogus ? DnssecStatus::Bogus
                                        : DnssecStatus::Insecure;
    // RFC 4035 5.5: bogus data must not be used, whatever rcode and data came with it.
    if (result->bogus) {
        answer.status = DnsAnswer::Status::Error;
        answer.dnssec = DnssecStatus::Bogus;
        answer.error = QStringLiteral("DNSSEC validation failed (bogus)");
        if (result->why_bogus)
            answer.error += QStringLiteral(": ") + QString::fromUtf8(result->why_bogus);
        return answer;
    }

    if (result->answer_len > m_options.maxAnswerBytes) {
        answer.status = DnsAnswer::Status::Error;
        answer.error =
            QStringLiteral("answer too large: %1 octets, over the dns-answer-size limit of %2 octets")
                .arg(result->answer_len)
                .arg(m_options.maxAnswerBytes);
        return answer;
    }

    // The CNAMEs followed, from the answer section of the message (libunbound gives only the last name).
    if (result->answer_packet && result->answer_len > 0) {
        const QByteArrayView packet(static_cast<const char*>(result->answer_packet), result->answer_len);
        const WireFormat::AnswerSection section = WireFormat::answerSection(packet);
        if (section.ok()) {
            QByteArray current = pending.name;
            for (int hop = 0; hop <= m_options.maxCnameHops + 1; ++hop) {
                QByteArray next;
                for (const auto& rr : section.records) {
                    if (rr.type == quint16(RecordType::CNAME) && pending.type != RecordType::CNAME &&
                        normalizedName(rr.owner) == current) {
                        const auto target = WireFormat::decodeRdata(RecordType::CNAME, packet, rr.rdataOffset,
                                                                    rr.rdataLength);
                        if (target.ok())
                            next = normalizedName(target.record.target);
                        break;
                    }
                }
                if (next.isEmpty() || next == pending.name || answer.cnameChain.contains(next))
                    break;
                answer.cnameChain.append(next);
                current = next;
            }
            if (answer.cnameChain.size() > m_options.maxCnameHops) {
                answer.status = DnsAnswer::Status::Error;
                answer.error = QStringLiteral("CNAME chain longer than %1 names (the cname-chain limit)")
                                   .arg(m_options.maxCnameHops);
                return answer;
            }
        }
    }

    if (!result->havedata) {
        answer.ttl = std::uint32_t(std::max(result->ttl, 0));
        if (result->rcode == rcodeNxDomain || result->nxdomain) {
            answer.status = DnsAnswer::Status::NxDomain;
        } else if (result->rcode == 0) {
            answer.status = DnsAnswer::Status::NoData;
        } else if (result->rcode == rcodeServFail) {
            answer.status = DnsAnswer::Status::TempFail;
            answer.error = QStringLiteral("SERVFAIL from the DNS server");
        } else if (result->rcode == rcodeRefused) {
            answer.status = DnsAnswer::Status::Error;
            answer.error = QStringLiteral("the DNS server refused the query (REFUSED)");
        } else {
            answer.status = DnsAnswer::Status::Error;
            answer.error = QStringLiteral("DNS error (rcode %1)").arg(result->rcode);
        }
        return answer;
    }

    qsizetype total = 0;
    for (int i = 0; result->data[i]; ++i) {
        total += result->len[i];
        if (i + 1 > m_options.maxRecords || total > m_options.maxAnswerBytes) {
            answer.status = DnsAnswer::Status::Error;
            answer.error = QStringLiteral("answer too large: more than %1 records or %2 octets (the "
                                          "dns-answer-size limit)")
                               .arg(m_options.maxRecords)
                               .arg(m_options.maxAnswerBytes);
            return answer;
        }
        // libunbound hands over each RDATA uncompressed, so it decodes alone.
        const QByteArrayView rdata(result->data[i], result->len[i]);
        WireFormat::Rdata decoded = WireFormat::decodeRdata(pending.type, rdata, 0, rdata.size());
        if (!decoded.ok()) {
            answer.status = DnsAnswer::Status::Error;
            answer.records.clear();
            answer.error = decoded.error;
            return answer;
        }
        decoded.record.ttl = std::uint32_t(std::max(result->ttl, 0));
        answer.records.push_back(std::move(decoded.record));
    }
    answer.ttl = std::uint32_t(std::max(result->ttl, 0));
    answer.status = answer.records.empty() ? DnsAnswer::Status::NoData : DnsAnswer::Status::Ok;
    return answer;
}

} // namespace authlens::dns
