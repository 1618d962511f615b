// SPDX-License-Identifier: GPL-3.0-or-later
#include "SampleWriter.h"

#include "SampleRecords.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QSet>
#include <QTimeZone>

namespace authlens::samples {

namespace {

QJsonArray strings(const QStringList& list)
{
    QJsonArray array;
    for (const QString& s : list)
        array.append(s);
    return array;
}

QString dkimSummary(const Expected& e)
{
    if (e.dkim.empty())
        return QStringLiteral("none");
    QStringList parts;
    for (const ExpectedDkim& d : e.dkim)
        parts << QStringLiteral("%1 (%2/%3)")
                     .arg(QString::fromLatin1(d.result), QString::fromLatin1(d.domain),
                          QString::fromLatin1(d.selector));
    return parts.join(QStringLiteral(", "));
}

} // namespace

SampleWriter::SampleWriter(const SampleKeys& keys, std::vector<SampleSpec> specs)
    : m_keys(keys)
    , m_specs(std::move(specs))
{}

qint64 SampleWriter::verifyAt()
{
    return QDateTime(QDate(2026, 11, 20), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

QByteArray SampleWriter::mbox(QString* error) const
{
    const MessageBuilder builder(m_keys);
    QByteArray out;
    for (int i = 0; i < int(m_specs.size()); ++i) {
        const MessageBuilder::Built built = builder.build(m_specs[size_t(i)], i);
        if (!built.error.isEmpty()) {
            *error = QStringLiteral("message %1: %2").arg(i).arg(built.error);
            return {};
        }
        // mbox files on Unix use LF; receivers and Authlens hash them as CRLF (RFC 6376 5.3).
        QByteArray text = built.bytes;
        text.replace("\r\n", "\n");
        if (text.contains("\nFrom ")) {
            // Quoting it as ">From " would change the signed body: keep such lines out of the samples.
            *error = QStringLiteral("message %1 has a line starting with \"From \"").arg(i);
            return {};
        }
        // RFC 4155 postmark: the envelope sender and the delivery time in asctime() form.
        const QByteArray sender =
            built.envelopeSender.isEmpty() ? QByteArray("MAILER-DAEMON") : built.envelopeSender;
        const QDateTime at = built.receivedAt.toUTC();
        const QByteArray day = QByteArray::number(at.date().day()).rightJustified(2, ' ');
        out += "From " + sender + " " + QLocale::c().toString(at, QStringLiteral("ddd MMM ")).toLatin1() +
               day + " " + at.toString(QStringLiteral("HH:mm:ss yyyy")).toLatin1() + "\n";
        out += text;
        out += "\n";
    }
    return out;
}

QByteArray SampleWriter::expectedJson() const
{
    QJsonArray messages;
    for (int i = 0; i < int(m_specs.size()); ++i) {
        const SampleSpec& s = m_specs[size_t(i)];
        const Expected& e = s.expected;
        QJsonArray dkim;
        for (const ExpectedDkim& d : e.dkim)
            dkim.append(QJsonObject{{QStringLiteral("domain"), QString::fromLatin1(d.domain)},
                                    {QStringLiteral("selector"), QString::fromLatin1(d.selector)},
                                    {QStringLiteral("result"), QString::fromLatin1(d.result)}});
        messages.append(QJsonObject{
            {QStringLiteral("index"), i},
            {QStringLiteral("date"), MessageBuilder::sentAt(s).toString(Qt::ISODate)},
            {QStringLiteral("from"), QString::fromLatin1(s.fromAddress)},
            {QStringLiteral("subject"), QString::fromLatin1(s.subject)},
            {QStringLiteral("demonstrates"), s.demonstrates},
            {QStringLiteral("dkim"), dkim},
            {QStringLiteral("spf"), QString::fromLatin1(e.spf)},
            {QStringLiteral("dmarc"), QString::fromLatin1(e.dmarc)},
            {QStringLiteral("disposition"), QString::fromLatin1(e.disposition)},
            {QStringLiteral("receiver_disagrees"), strings(e.receiverDisagrees)},
            {QStringLiteral("sender_findings"), strings(e.senderFindings)},
        });
    }
    const QJsonObject root{
        {QStringLiteral("comment"),
         QStringLiteral("Written by authlens-samplegen: the verdicts authlens-cli verify "
                        "--json --records records.zone --now <now> --authserv-id "
                        "<authserv_id> samples.mbox must give, per message in mbox "
                        "order.")},
        {QStringLiteral("now"), verifyAt()},
        {QStringLiteral("authserv_id"), QString::fromLatin1(MessageBuilder::receivingMx)},
        {QStringLiteral("messages"), messages},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray SampleWriter::readme() const
{
    QSet<QByteArray> domains;
    for (const SampleSpec& s : m_specs)
        domains.insert(MessageBuilder::domainOf(s.fromAddress));
    QByteArray r;
    r += "# Sample data\n\n"
         "Written by `authlens-samplegen` (`generator/`); do not edit these files by hand. The desktop app\n"
         "imports `samples.mbox` on first launch so a new user sees a full dashboard at once.\n\n"
         "| file | what it is |\n| --- | --- |\n"
         "| `samples.mbox` | " +
         QByteArray::number(qsizetype(m_specs.size())) +
         " messages to seedbox@authlens-sample.example from " + QByteArray::number(domains.size()) +
         " author domains, 5 October to 15 November 2026 |\n"
         "| `records.zone` | the DNS snapshot they are verified with (offline records file) |\n"
         "| `expected.json` | the DKIM, SPF and DMARC verdicts each message must get, as declared below |\n"
         "| `keys/` | the private keys the messages are signed with (not installed) |\n"
         "| `generator/` | the C++ program that writes all of the above (not installed) |\n\n"
         "**The private keys in `keys/` are public test material. Never use them to sign real mail, and "
         "never\n"
         "publish their public halves in real DNS.** All names are reserved example names (RFC 2606, RFC "
         "6761)\n"
         "and all addresses documentation ranges (RFC 5737, RFC 3849).\n\n"
         "## Try it\n\n"
         "```sh\n"
         "authlens-cli verify --records records.zone --authserv-id mx.authlens-sample.example samples.mbox\n"
         "authlens-cli check --records records.zone charity.example\n"
         "```\n\n"
         "The verdicts below hold at any date after the messages (no signature has `x=`); the test\n"
         "`tst_samples` checks them with `--now` set to `expected.json`'s `now`.\n\n"
         "## Regenerating\n\n"
         "```sh\n"
         "cmake --build build --target authlens-samplegen\n"
         "build/resources/samples/generator/authlens-samplegen              # rewrites this folder\n"
         "build/resources/samples/generator/authlens-samplegen --new-keys   # new keys, then rewrite\n"
         "```\n\n"
         "Signatures carry fixed `t=` values and RSA PKCS#1 v1.5 and Ed25519 signatures are deterministic, "
         "so\n"
         "the output is byte-identical on every run; `tst_samples` fails when a committed file is stale.\n"
         "The receiving MX (`mx.authlens-sample.example`, trusted authserv-id) wrote the topmost Received "
         "field\n"
         "with the client address and HELO that SPF is evaluated on, and, on a few messages, an\n"
         "Authentication-Results field.\n\n"
         "## Messages\n\n"
         "| # | date (UTC) | From | demonstrates | DKIM | SPF | DMARC (disposition) |\n"
         "| --- | --- | --- | --- | --- | --- | --- |\n";
    for (int i = 0; i < int(m_specs.size()); ++i) {
        const SampleSpec& s = m_specs[size_t(i)];
        const Expected& e = s.expected;
        QString note = s.demonstrates;
        if (!e.receiverDisagrees.isEmpty())
            note += QStringLiteral(" (differs from the receiver on %1)")
                        .arg(e.receiverDisagrees.join(QStringLiteral(", ")));
        if (!e.senderFindings.isEmpty())
            note +=
                QStringLiteral(" (sender requirements: %1)").arg(e.senderFindings.join(QStringLiteral(", ")));
        r += "| " + QByteArray::number(i) + " | " +
             MessageBuilder::sentAt(s).toString(QStringLiteral("yyyy-MM-dd HH:mm")).toLatin1() + " | " +
             s.fromAddress + " | " + note.toUtf8() + " | " + dkimSummary(e).toUtf8() + " | " + e.spf + " | " +
             e.dmarc + " (" + e.disposition + ") |\n";
    }
    return r;
}

QString SampleWriter::write(const QString& directory) const
{
    QString error;
    const QByteArray mboxBytes = mbox(&error);
    if (!error.isEmpty())
        return error;
    if (!QDir().mkpath(directory))
        return QStringLiteral("cannot create %1").arg(directory);
    const std::pair<const char*, QByteArray> files[] = {
        {"samples.mbox", mboxBytes},
        {"records.zone", SampleRecords::zone(m_keys)},
        {"expected.json", expectedJson()},
        {"README.md", readme()},
    };
    for (const auto& [name, bytes] : files) {
        QSaveFile file(QDir(directory).filePath(QString::fromLatin1(name)));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
    }
    return {};
}

} // namespace authlens::samples
