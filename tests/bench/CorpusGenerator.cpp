// SPDX-License-Identifier: GPL-3.0-or-later
#include "CorpusGenerator.h"

#include "MboxWriter.h"

#include "mail/Message.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

namespace authlens::bench {

namespace {

struct KeySpec
{
    const char* domain;
    const char* selector;
    dkim::KeyType type;
    bool oversign;
};

// Several domains and selectors, as a mailbox sees them: senders with one RSA key, senders that sign
// twice (RSA and Ed25519, RFC 8463 3), and an ESP whose two selectors add a second signature.
constexpr KeySpec keySpecs[] = {
    {"shop.example", "s2026", dkim::KeyType::Rsa, false},
    {"shop.example", "ed2026", dkim::KeyType::Ed25519, false},
    {"news.example.org", "mail", dkim::KeyType::Rsa, false},
    {"bank.example.net", "k1", dkim::KeyType::Rsa, true},
    {"travel.example", "sel1", dkim::KeyType::Rsa, false},
    {"travel.example", "ed1", dkim::KeyType::Ed25519, false},
    {"esp-mailer.example.com", "esp1", dkim::KeyType::Rsa, false},
    {"esp-mailer.example.com", "esp2", dkim::KeyType::Rsa, false},
    {"community.example.org", "2026q1", dkim::KeyType::Rsa, false},
};

QByteArray zoneTxt(const QByteArray& name, const QByteArray& text)
{
    // RFC 1035 3.3: a character-string holds at most 255 octets; longer TXT data is split.
    QByteArray line = name + ". 3600 IN TXT";
    for (qsizetype pos = 0; pos < text.size(); pos += 255)
        line += " \"" + text.mid(pos, 255) + "\"";
    return line + "\n";
}

qsizetype drawSize(CorpusRandom& random)
{
    // 10% from 60 to 240 KB, log-uniform (mail with attachments); the rest log-normal with the
    // median chosen so the whole corpus has its median near 12 KB.
    if (random.chance(0.10))
        return qsizetype(61.5 * 1024 * std::pow(240.0 / 61.5, random.unit()));
    const double size = 11.1 * 1024 * std::exp(0.55 * random.normal());
    return std::clamp<qsizetype>(qsizetype(size), 1500, 58 * 1024);
}

} // namespace

CorpusGenerator::CorpusGenerator(Options options)
    : m_options(std::move(options))
{}

QString CorpusGenerator::prepareKeys(const QString& keyDirectory)
{
    if (!QDir().mkpath(keyDirectory))
        return QStringLiteral("cannot create %1").arg(keyDirectory);
    m_keys.clear();
    for (const KeySpec& spec : keySpecs) {
        SigningKey signing;
        signing.domain = spec.domain;
        signing.selector = spec.selector;
        signing.oversign = spec.oversign;
        const QString path = keyDirectory + QLatin1Char('/') + QLatin1String(spec.selector) +
                             QLatin1String("._domainkey.") + QLatin1String(spec.domain) +
                             QLatin1String(".pem");
        QFile file(path);
        if (file.exists()) {
            if (!file.open(QIODevice::ReadOnly))
                return QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            dkim::Crypto::KeyLoad loaded = dkim::Crypto::loadPrivateKeyPem(file.readAll());
            if (!loaded.key || loaded.key->type != spec.type)
                return QStringLiteral("%1 is not a usable %2 key: %3")
                    .arg(path, QString::fromLatin1(dkim::keyTypeName(spec.type)), loaded.error);
            signing.key = *loaded.key;
        } else {
            std::optional<dkim::Crypto::Key> key = spec.type == dkim::KeyType::Rsa
                                                       ? dkim::Crypto::generateRsa(2048)
                                                       : dkim::Crypto::generateEd25519();
            if (!key)
                return QStringLiteral("key generation failed for %1").arg(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(dkim::Crypto::privateKeyPem(*key)) < 0)
                return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
            signing.key = *key;
        }
        m_keys.push_back(std::move(signing));
    }
    auto keyIndex = [](const char* domain, const char* selector) {
        for (size_t i = 0; i < std::size(keySpecs); ++i) {
            if (qstrcmp(keySpecs[i].domain, domain) == 0 && qstrcmp(keySpecs[i].selector, selector) == 0)
                return int(i);
        }
        return -1;
    };
    m_senders = {
        {{"shop.example", "Example Shop", "orders", "ShopMailer 4.2", true},
         keyIndex("shop.example", "s2026"),
         keyIndex("shop.example", "ed2026"),
         keyIndex("esp-mailer.example.com", "esp1")},
        {{"news.example.org", "Example News", "newsletter", "Mailman 3.3.8", true},
         keyIndex("news.example.org", "mail"),
         -1,
         keyIndex("esp-mailer.example.com", "esp2")},
        {{"bank.example.net", "Example Bank", "no-reply", "Microsoft Outlook 16.0", false},
         keyIndex("bank.example.net", "k1"),
         -1,
         -1},
        {{"travel.example", "Travel Example", "bookings", "Postfix-Sendmail 3.7", true},
         keyIndex("travel.example", "sel1"),
         keyIndex("travel.example", "ed1"),
         keyIndex("esp-mailer.example.com", "esp1")},
        {{"community.example.org", "Community Forum", "digest", "Discourse 3.2", true},
         keyIndex("community.example.org", "2026q1"),
         -1,
         keyIndex("esp-mailer.example.com", "esp2")},
    };
    return {};
}

QByteArray CorpusGenerator::recordsText() const
{
    QByteArray out = "; DKIM keys of the authlens-bench corpus (seed " + QByteArray::number(m_options.seed) +
                     "), one record per line\n";
    for (const SigningKey& k : m_keys) {
        const QByteArray p = dkim::Crypto::publicKeyRecordBytes(k.key).toBase64();
        out += zoneTxt(k.selector + "._domainkey." + k.domain,
                       "v=DKIM1; k=" + dkim::keyTypeName(k.key.type) + "; p=" + p);
    }
    return out;
}

QByteArray CorpusGenerator::sign(const SigningKey& key, const QByteArray& message, qint64 timestamp,
                                 QString& error)
{
    dkim::Signer::Options options;
    options.algorithm =
        key.key.type == dkim::KeyType::Rsa ? dkim::Algorithm::RsaSha256 : dkim::Algorithm::Ed25519Sha256;
    options.domain = key.domain;
    options.selector = key.selector;
    options.headerCanonicalization = dkim::Canonicalization::Relaxed;
    options.bodyCanonicalization = dkim::Canonicalization::Relaxed;
    options.oversign = key.oversign;
    options.timestamp = timestamp;
    const dkim::Signer signer(key.key, options);
    const dkim::Signer::Output output = signer.sign(mail::Message::parse(message));
    if (!output.ok()) {
        error = output.error;
        return {};
    }
    return dkim::Signer::prepend(output.field, message);
}

CorpusGenerator::Made CorpusGenerator::make(qint64 index) const
{
    CorpusRandom random = CorpusRandom::forItem(m_options.seed, quint64(index));
    Made made;
    const double mix = random.unit();
    std::vector<const Sender*> candidates;
    for (const Sender& s : m_senders) {
        if (mix < 0.80)
            candidates.push_back(&s);
        else if (mix < 0.95 && s.edKey >= 0) // ed25519 alone, or rsa + ed25519 by the same domain
            candidates.push_back(&s);
        else if (mix >= 0.95 && s.espKey >= 0) // the author's domain and its ESP's
            candidates.push_back(&s);
    }
    const Sender& sender = *random.pick(candidates);

    MessageComposer::Input input;
    input.sender = sender.profile;
    input.index = index;
    input.date = dateOf(index);
    input.targetSize = drawSize(random);
    QByteArray bytes = MessageComposer::compose(input, random);

    std::vector<int> keys; // in signing order; the last one ends up topmost
    if (mix < 0.80) {
        keys = {sender.rsaKey};
    } else if (mix < 0.90) {
        keys = {sender.edKey};
    } else if (mix < 0.95) {
        keys = {sender.rsaKey, sender.edKey};
    } else {
        keys = {sender.rsaKey, sender.espKey};
    }
    for (int k : keys) {
        bytes = sign(m_keys[size_t(k)], bytes, input.date, made.error);
        if (!made.error.isEmpty())
            return made;
        (m_keys[size_t(k)].key.type == dkim::KeyType::Rsa ? made.rsa : made.ed25519) += 1;
    }
    made.bytes = std::move(bytes);
    made.envelopeSender = "bounce@bounce." + sender.profile.domain;
    return made;
}

CorpusGenerator::Summary CorpusGenerator::write(const QString& directory)
{
    QElapsedTimer timer;
    timer.start();
    Summary summary;
    summary.seed = m_options.seed;
    if (!QDir().mkpath(directory)) {
        summary.error = QStringLiteral("cannot create %1").arg(directory);
        return summary;
    }
    const QDir dir(directory);
    summary.error = prepareKeys(m_options.keyDirectory.isEmpty() ? dir.filePath(QLatin1String(keyFolderName))
                                                                 : m_options.keyDirectory);
    if (!summary.error.isEmpty())
        return summary;
    summary.keys = int(m_keys.size());

    summary.recordsPath = dir.filePath(QLatin1String(recordsFileName));
    QFile records(summary.recordsPath);
    const QByteArray recordsBytes = recordsText();
    if (!records.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        records.write(recordsBytes) != recordsBytes.size()) {
        summary.error = QStringLiteral("cannot write %1: %2").arg(summary.recordsPath, records.errorString());
        return summary;
    }
    records.close();

    summary.mboxPath = dir.filePath(QLatin1String(mboxFileName));
    MboxWriter mbox(summary.mboxPath);
    if (!mbox.open()) {
        summary.error = mbox.error();
        return summary;
    }

    // Messages are made in batches on every core (RSA signing dominates) and written in order.
    const int threads =
        m_options.threads > 0 ? m_options.threads : int(std::max(1u, std::thread::hardware_concurrency()));
    const int batchSize = 512;
    std::vector<qint64> sizes;
    sizes.reserve(size_t(m_options.messages));
    for (int first = 0; first < m_options.messages; first += batchSize) {
        const int count = std::min(batchSize, m_options.messages - first);
        std::vector<Made> batch(static_cast<size_t>(count));
        std::atomic<int> nextItem{0};
        auto work = [&] {
            for (int i = nextItem++; i < count; i = nextItem++)
                batch[size_t(i)] = make(first + i);
        };
        std::vector<std::thread> workers;
        for (int t = 1; t < threads; ++t)
            workers.emplace_back(work);
        work();
        for (std::thread& w : workers)
            w.join();
        for (int i = 0; i < count; ++i) {
            const Made& made = batch[size_t(i)];
            if (!made.error.isEmpty()) {
                summary.error = QStringLiteral("message %1: %2").arg(first + i + 1).arg(made.error);
                return summary;
            }
            if (!mbox.write(made.envelopeSender, dateOf(first + i), made.bytes)) {
                summary.error = mbox.error();
                return summary;
            }
            sizes.push_back(made.bytes.size());
            summary.messageBytes += made.bytes.size();
            summary.messagesOver60k += made.bytes.size() > 60 * 1024 ? 1 : 0;
            summary.rsaSignatures += made.rsa;
            summary.ed25519Signatures += made.ed25519;
            summary.twoSignatureMessages += made.rsa + made.ed25519 == 2 ? 1 : 0;
        }
        if (m_options.progress)
            m_options.progress(first + count, m_options.messages);
    }
    if (!mbox.close()) {
        summary.error = mbox.error();
        return summary;
    }
    summary.messages = int(sizes.size());
    summary.mboxBytes = mbox.bytesWritten();
    if (!sizes.empty()) {
        std::nth_element(sizes.begin(), sizes.begin() + qsizetype(sizes.size() / 2), sizes.end());
        summary.medianMessageBytes = sizes[sizes.size() / 2];
    }
    summary.verifyTime = verifyTime();
    summary.seconds = double(timer.nsecsElapsed()) / 1e9;

    const QJsonObject manifest{
        {QStringLiteral("messages"), summary.messages},
        {QStringLiteral("messageBytes"), summary.messageBytes},
        {QStringLiteral("mboxBytes"), summary.mboxBytes},
        {QStringLiteral("medianMessageBytes"), summary.medianMessageBytes},
        {QStringLiteral("messagesOver60k"), summary.messagesOver60k},
        {QStringLiteral("rsaSignatures"), summary.rsaSignatures},
        {QStringLiteral("ed25519Signatures"), summary.ed25519Signatures},
        {QStringLiteral("twoSignatureMessages"), summary.twoSignatureMessages},
        {QStringLiteral("keys"), summary.keys},
        {QStringLiteral("seed"), QString::number(summary.seed)},
        {QStringLiteral("verifyTime"), summary.verifyTime},
        {QStringLiteral("mbox"), QLatin1String(mboxFileName)},
        {QStringLiteral("records"), QLatin1String(recordsFileName)},
    };
    QFile manifestFile(dir.filePath(QLatin1String(manifestFileName)));
    const QByteArray json = QJsonDocument(manifest).toJson();
    if (!manifestFile.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        manifestFile.write(json) != json.size())
        summary.error =
            QStringLiteral("cannot write %1: %2").arg(manifestFile.fileName(), manifestFile.errorString());
    return summary;
}

CorpusGenerator::Summary CorpusGenerator::readManifest(const QString& directory)
{
    Summary summary;
    const QDir dir(directory);
    QFile file(dir.filePath(QLatin1String(manifestFileName)));
    if (!file.open(QIODevice::ReadOnly)) {
        summary.error = QStringLiteral("cannot read %1: %2 (make a corpus with `authlens-bench generate`)")
                            .arg(file.fileName(), file.errorString());
        return summary;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        summary.error = QStringLiteral("%1: %2").arg(file.fileName(), parseError.errorString());
        return summary;
    }
    const QJsonObject o = doc.object();
    summary.messages = o.value(QStringLiteral("messages")).toInt();
    summary.messageBytes = qint64(o.value(QStringLiteral("messageBytes")).toDouble());
    summary.mboxBytes = qint64(o.value(QStringLiteral("mboxBytes")).toDouble());
    summary.medianMessageBytes = qint64(o.value(QStringLiteral("medianMessageBytes")).toDouble());
    summary.messagesOver60k = o.value(QStringLiteral("messagesOver60k")).toInt();
    summary.rsaSignatures = o.value(QStringLiteral("rsaSignatures")).toInt();
    summary.ed25519Signatures = o.value(QStringLiteral("ed25519Signatures")).toInt();
    summary.twoSignatureMessages = o.value(QStringLiteral("twoSignatureMessages")).toInt();
    summary.keys = o.value(QStringLiteral("keys")).toInt();
    summary.seed = o.value(QStringLiteral("seed")).toString().toULongLong();
    summary.verifyTime = qint64(o.value(QStringLiteral("verifyTime")).toDouble());
    summary.mboxPath = dir.filePath(o.value(QStringLiteral("mbox")).toString(QLatin1String(mboxFileName)));
    summary.recordsPath =
        dir.filePath(o.value(QStringLiteral("records")).toString(QLatin1String(recordsFileName)));
    if (summary.messages <= 0 || summary.verifyTime <= 0)
        summary.error = QStringLiteral("%1 has no message count or verification time").arg(file.fileName());
    return summary;
}

} // namespace authlens::bench
