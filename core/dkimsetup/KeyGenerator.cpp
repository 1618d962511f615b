// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkimsetup/KeyGenerator.h"

#include "dns/Resolver.h"
#include "mail/AddressParser.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace authlens::dkimsetup {

namespace {

// RFC 8410 4: the SubjectPublicKeyInfo of an Ed25519 key is this fixed header and the 32 raw bytes.
const QByteArray ed25519SpkiPrefix = QByteArray::fromHex("302a300506032b6570032100");

bool isLetterDigitHyphen(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

// RFC 5321 4.1.2 sub-domain: labels of letters, digits and hyphens, not starting or ending with a hyphen.
QString subDomainError(QByteArrayView name, const QString& what)
{
    if (name.isEmpty())
        return QStringLiteral("the %1 is empty").arg(what);
    if (name.size() > 253)
        return QStringLiteral("the %1 is longer than 253 characters").arg(what);
    qsizetype labelStart = 0;
    for (qsizetype i = 0; i <= name.size(); ++i) {
        if (i < name.size() && name[i] != '.') {
            if (!isLetterDigitHyphen(name[i]))
                return QStringLiteral("the %1 has a character that is not a letter, digit, hyphen or dot "
                                      "at position %2")
                    .arg(what)
                    .arg(i + 1);
            continue;
        }
        const qsizetype length = i - labelStart;
        if (length == 0)
            return QStringLiteral("the %1 has an empty label at position %2").arg(what).arg(i + 1);
        if (length > 63)
            return QStringLiteral("the %1 has a label longer than 63 characters").arg(what);
        if (name[labelStart] == '-' || name[i - 1] == '-')
            return QStringLiteral("a label of the %1 starts or ends with a hyphen").arg(what);
        labelStart = i + 1;
    }
    return {};
}

} // namespace

QString keyKindName(KeyKind kind)
{
    switch (kind) {
    case KeyKind::Rsa2048:
        return QStringLiteral("rsa2048");
    case KeyKind::Rsa3072:
        return QStringLiteral("rsa3072");
    case KeyKind::Rsa4096:
        return QStringLiteral("rsa4096");
    case KeyKind::Ed25519:
        return QStringLiteral("ed25519");
    }
    return {};
}

std::optional<KeyKind> keyKindFromName(QStringView name)
{
    for (KeyKind kind : {KeyKind::Rsa2048, KeyKind::Rsa3072, KeyKind::Rsa4096, KeyKind::Ed25519}) {
        if (name.compare(keyKindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

dkim::KeyType keyTypeOf(KeyKind kind)
{
    return kind == KeyKind::Ed25519 ? dkim::KeyType::Ed25519 : dkim::KeyType::Rsa;
}

PublicKeyInfo PublicKeyInfo::of(const dkim::Crypto::Key& key)
{
    PublicKeyInfo info;
    if (key.isNull())
        return info;
    info.type = key.type;
    info.bits = key.bits;
    info.recordBytes = dkim::Crypto::publicKeyRecordBytes(key);
    info.spkiDer =
        key.type == dkim::KeyType::Ed25519 ? ed25519SpkiPrefix + info.recordBytes : info.recordBytes;
    info.fingerprint =
        "SHA256:" + QCryptographicHash::hash(info.spkiDer, QCryptographicHash::Sha256).toBase64();
    return info;
}

QString KeyGenerator::selectorError(QByteArrayView selector)
{
    return subDomainError(selector, QStringLiteral("selector"));
}

KeyGenerator::DomainCheck KeyGenerator::normalizedDomain(QByteArrayView domain)
{
    QByteArrayView view = domain.trimmed();
    if (view.endsWith('.'))
        view.chop(1);
    if (view.isEmpty())
        return {{}, QStringLiteral("the domain is empty")};
    const QByteArray ace = mail::AddressParser::toAce(view);
    if (ace.isEmpty())
        return {{}, QStringLiteral("\"%1\" is not a valid domain name").arg(QString::fromUtf8(view))};
    if (const QString error = subDomainError(ace, QStringLiteral("domain")); !error.isEmpty())
        return {{}, error};
    if (!ace.contains('.'))
        return {{}, QStringLiteral("the domain \"%1\" has a single label").arg(QString::fromLatin1(ace))};
    return {ace, {}};
}

QString KeyGenerator::privateKeyFileName(const QByteArray& domain, const QByteArray& selector)
{
    return QString::fromLatin1(selector + "._domainkey." + domain + ".private.pem");
}

QString KeyGenerator::writePrivateKey(const QString& path, const QByteArray& pem)
{
    const QByteArray native = QFile::encodeName(path);
    // O_EXCL: never overwrite a key that may still be in use; O_NOFOLLOW: not through a planted symlink.
    // The mode is given here, so the file is never readable by others, not even for a moment.
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int error = errno;
        if (error == EEXIST)
            return QStringLiteral("%1 already exists; choose another selector or remove the old key first")
                .arg(path);
        return QStringLiteral("cannot create %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(error)));
    }
    qsizetype written = 0;
    while (written < pem.size()) {
        const ssize_t n = ::write(fd, pem.constData() + written, size_t(pem.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int error = errno;
            ::close(fd);
            ::unlink(native.constData());
            return QStringLiteral("cannot write %1: %2")
                .arg(path, QString::fromLocal8Bit(std::strerror(error)));
        }
        written += n;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int error = errno;
        ::unlink(native.constData());
        return QStringLiteral("cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(error)));
    }
    return {};
}

KeyGenerator::Result KeyGenerator::generate(const Request& request)
{
    Result result;
    result.kind = request.kind;
    const DomainCheck domain = normalizedDomain(request.domain);
    if (!domain.error.isEmpty()) {
        result.error = domain.error;
        return result;
    }
    result.domain = domain.domain;
    result.selector = request.selector.trimmed().toLower();
    if (const QString error = selectorError(result.selector); !error.isEmpty()) {
        result.error = error;
        return result;
    }
    const QFileInfo directory(request.outputDirectory);
    if (request.outputDirectory.isEmpty() || !directory.isDir()) {
        result.error = QStringLiteral("the output folder \"%1\" does not exist").arg(request.outputDirectory);
        return result;
    }

    std::optional<dkim::Crypto::Key> key;
    switch (request.kind) {
    case KeyKind::Rsa2048:
        key = dkim::Crypto::generateRsa(2048);
        break;
    case KeyKind::Rsa3072:
        key = dkim::Crypto::generateRsa(3072);
        break;
    case KeyKind::Rsa4096:
        key = dkim::Crypto::generateRsa(4096);
        break;
    case KeyKind::Ed25519:
        key = dkim::Crypto::generateEd25519();
        break;
    }
    if (!key || key->isNull()) {
        result.error = QStringLiteral("OpenSSL could not generate a %1 key").arg(keyKindName(request.kind));
        return result;
    }
    const QByteArray pem = dkim::Crypto::privateKeyPem(*key);
    if (pem.isEmpty()) {
        result.error = QStringLiteral("OpenSSL could not write the private key as PEM");
        return result;
    }
    const QString path = QDir(directory.absoluteFilePath())
                             .absoluteFilePath(privateKeyFileName(result.domain, result.selector));
    if (const QString error = writePrivateKey(path, pem); !error.isEmpty()) {
        result.error = error;
        return result;
    }
    result.privateKeyPath = path;
    result.publicKey = PublicKeyInfo::of(*key);
    return result;
}

} // namespace authlens::dkimsetup
