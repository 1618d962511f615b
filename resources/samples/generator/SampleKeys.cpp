// SPDX-License-Identifier: GPL-3.0-or-later
#include "SampleKeys.h"

#include <QDir>
#include <QFile>

#include <stdexcept>

namespace authlens::samples {

const std::vector<SampleKeys::KeyKind>& SampleKeys::kinds()
{
    using dkim::KeyType;
    static const std::vector<KeyKind> list = {
        {"esp-shop-s1", KeyType::Rsa, 2048},   {"esp-shop-s2", KeyType::Rsa, 2048},
        {"shop-ed1", KeyType::Ed25519, 0},     {"shop-old", KeyType::Rsa, 2048},
        {"news-nl2026", KeyType::Rsa, 2048},   {"news-nl2025", KeyType::Rsa, 1024},
        {"news-k512", KeyType::Rsa, 512},      {"bank-2026q3", KeyType::Rsa, 2048},
        {"bank-2026ed", KeyType::Ed25519, 0},  {"bank-legacy", KeyType::Rsa, 2048},
        {"saas-sel1", KeyType::Rsa, 2048},     {"saas-sel2", KeyType::Rsa, 2048},
        {"saas-mta", KeyType::Rsa, 2048},      {"charity-dkim1", KeyType::Rsa, 2048},
        {"charity-dkim2", KeyType::Rsa, 2048}, {"lists-ml", KeyType::Rsa, 2048},
        {"travel-tr1", KeyType::Rsa, 2048},
    };
    return list;
}

QString SampleKeys::load(const QString& directory, bool regenerate)
{
    if (regenerate && !QDir().mkpath(directory))
        return QStringLiteral("cannot create %1").arg(directory);
    for (const KeyKind& kind : kinds()) {
        const QString path = QDir(directory).filePath(QString::fromLatin1(kind.id) + QStringLiteral(".pem"));
        if (regenerate) {
            // 512 bits is below OpenSSL's comfortable minimum but still allowed: the samples need one.
            const std::optional<dkim::Crypto::Key> key = kind.type == dkim::KeyType::Rsa
                                                             ? dkim::Crypto::generateRsa(kind.bits)
                                                             : dkim::Crypto::generateEd25519();
            if (!key)
                return QStringLiteral("cannot generate key %1").arg(QString::fromLatin1(kind.id));
            QFile out(path);
            if (!out.open(QIODevice::WriteOnly) || out.write(dkim::Crypto::privateKeyPem(*key)) < 0)
                return QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
        }
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read %1: %2 (run with --new-keys to make the keys)")
                .arg(path, in.errorString());
        const dkim::Crypto::KeyLoad loaded = dkim::Crypto::loadPrivateKeyPem(in.readAll());
        if (!loaded.key)
            return QStringLiteral("%1: %2").arg(path, loaded.error);
        if (loaded.key->type != kind.type ||
            (kind.type == dkim::KeyType::Rsa && loaded.key->bits != kind.bits))
            return QStringLiteral("%1: not the expected kind of key").arg(path);
        m_keys.insert(kind.id, *loaded.key);
    }
    return {};
}

const dkim::Crypto::Key& SampleKeys::key(const QByteArray& id) const
{
    const auto it = m_keys.constFind(id);
    if (it == m_keys.constEnd())
        throw std::logic_error("sample key not in SampleKeys::kinds(): " + id.toStdString());
    return *it;
}

QByteArray SampleKeys::publicKeyBase64(const QByteArray& id) const
{
    return dkim::Crypto::publicKeyRecordBytes(key(id)).toBase64();
}

} // namespace authlens::samples
