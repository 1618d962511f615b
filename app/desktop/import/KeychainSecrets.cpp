// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/KeychainSecrets.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

#include <memory>

namespace authlens::desktop {

namespace {

SecretLookup lookupFrom(const QKeychain::Job& job)
{
    SecretLookup lookup;
    switch (job.error()) {
    case QKeychain::NoError:
        lookup.status = SecretLookup::Status::Found;
        return lookup;
    case QKeychain::EntryNotFound:
        lookup.status = SecretLookup::Status::NotFound;
        lookup.reason = KeychainSecrets::tr("The system keychain has no password for this account.");
        return lookup;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // OtherError is what a desktop without a Secret Service or KWallet (no D-Bus session) gives.
        lookup.status = SecretLookup::Status::Unavailable;
        lookup.reason = KeychainSecrets::tr("No system keychain is available (%1).").arg(job.errorString());
        return lookup;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    lookup.status = SecretLookup::Status::Failed;
    lookup.reason = KeychainSecrets::tr("The system keychain refused: %1").arg(job.errorString());
    return lookup;
}

// Runs a job and answers once: with its result, or as unavailable when the time limit passes first.
void run(QObject* context, QKeychain::Job* job, int timeoutMs, const KeychainSecrets::Done& done,
         const std::function<QByteArray(QKeychain::Job*)>& secretOf = {})
{
    auto answered = std::make_shared<bool>(false);
    QObject::connect(job, &QKeychain::Job::finished, context, [answered, done, secretOf](QKeychain::Job* j) {
        if (*answered)
            return;
        *answered = true;
        SecretLookup lookup = lookupFrom(*j);
        if (lookup.ok() && secretOf)
            lookup.secret = secretOf(j);
        if (done)
            done(lookup);
    });
    QTimer::singleShot(timeoutMs, context, [answered, done, timeoutMs] {
        if (*answered)
            return;
        *answered = true;
        SecretLookup lookup;
        lookup.status = SecretLookup::Status::Unavailable;
        lookup.reason =
            KeychainSecrets::tr("The system keychain did not answer within %1 s.").arg(timeoutMs / 1000);
        if (done)
            done(lookup);
    });
    job->setAutoDelete(true);
    job->start();
}

} // namespace

KeychainSecrets::KeychainSecrets(QObject* parent)
    : QObject(parent)
{}

void KeychainSecrets::read(const QString& accountId, Done done)
{
    auto* job = new QKeychain::ReadPasswordJob(QLatin1String(kService));
    job->setInsecureFallback(false); // never a plain-text file instead of the keychain
    job->setKey(accountId);
    run(this, job, m_timeoutMs, done,
        [](QKeychain::Job* j) { return static_cast<QKeychain::ReadPasswordJob*>(j)->binaryData(); });
}

void KeychainSecrets::write(const QString& accountId, const QByteArray& secret, Done done)
{
    auto* job = new QKeychain::WritePasswordJob(QLatin1String(kService));
    job->setInsecureFallback(false);
    job->setKey(accountId);
    job->setBinaryData(secret);
    run(this, job, m_timeoutMs, done);
}

void KeychainSecrets::remove(const QString& accountId, Done done)
{
    auto* job = new QKeychain::DeletePasswordJob(QLatin1String(kService));
    job->setInsecureFallback(false);
    job->setKey(accountId);
    run(this, job, m_timeoutMs, done);
}

} // namespace authlens::desktop
