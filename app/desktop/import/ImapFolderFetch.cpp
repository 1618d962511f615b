// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImapFolderFetch.h"

#include "import/ServerCertificateProbe.h"

namespace authlens::desktop {

using sources::imap::ImapResult;

ImapFolderFetch::ImapFolderFetch(QObject* parent)
    : QObject(parent)
{}

ImapFolderFetch::~ImapFolderFetch()
{
    m_done = nullptr;
    cancel();
}

void ImapFolderFetch::start(const sources::imap::ImapAccount& account, QByteArray secret, Done done)
{
    cancel();
    m_done = std::move(done);
    m_account = account;
    auto* client = new sources::imap::ImapClient(account, this);
    m_client = client;
    client->open([this, client, secret](const ImapResult& opened) mutable {
        if (m_client != client)
            return;
        if (!opened.ok())
            return fail(opened);
        client->authenticate(secret, [this, client](const ImapResult& signedIn) {
            if (m_client != client)
                return;
            if (!signedIn.ok())
                return fail(signedIn);
            client->list(
                [this, client](const ImapResult& listed, const QList<sources::imap::MailboxInfo>& boxes) {
                    if (m_client != client)
                        return;
                    if (!listed.ok())
                        return fail(listed);
                    Result result;
                    result.result = listed;
                    result.pinnedCertificateUsed = client->pinnedCertificateUsed();
                    for (const sources::imap::MailboxInfo& box : boxes) {
                        if (box.selectable())
                            result.folders.append(box);
                    }
                    client->logout([](const ImapResult&) {});
                    finish(result);
                });
        });
        secret.fill('\0');
    });
}

void ImapFolderFetch::cancel()
{
    if (sources::imap::ImapClient* client = m_client.data()) {
        m_client.clear();
        client->abort();
        client->deleteLater();
    }
    if (ServerCertificateProbe* probe = m_probe.data()) {
        m_probe.clear();
        probe->deleteLater();
    }
}

void ImapFolderFetch::fail(const ImapResult& failure)
{
    if (failure.status != ImapResult::Status::CertificateUntrusted) {
        Result result;
        result.result = failure;
        finish(result);
        return;
    }
    // Fetch the certificate itself (no credential is sent) so its owner can be shown.
    auto* probe = new ServerCertificateProbe(this);
    m_probe = probe;
    probe->start(m_account, [this, probe, failure](const ServerCertificateProbe::Result& probed) {
        if (m_probe != probe)
            return;
        Result result;
        result.result = failure;
        result.untrustedCertificate = probed.certificate;
        finish(result);
    });
}

void ImapFolderFetch::finish(Result result)
{
    Done done = std::move(m_done);
    m_done = nullptr;
    if (sources::imap::ImapClient* client = m_client.data()) {
        m_client.clear();
        client->deleteLater(); // after its logout was sent; dropping it closes the connection
    }
    if (ServerCertificateProbe* probe = m_probe.data()) {
        m_probe.clear();
        probe->deleteLater();
    }
    if (done)
        done(result);
}

} // namespace authlens::desktop
