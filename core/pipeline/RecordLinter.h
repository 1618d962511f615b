// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lint/Finding.h"
#include "pipeline/Analysis.h"

#include <QByteArray>
#include <QHash>

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace authlens::dns {
class Resolver;
}
namespace authlens::mail {
class Message;
}

namespace authlens::pipeline {

// Lints every record a message's verification met (the DKIM key of each signature, the SPF record of
// the MAIL FROM or HELO domain, the DMARC record of the From domain) and checks the mailbox providers'
// sender requirements on the message. A record is linted once per linter and remembered: a mailbox
// of a million messages from ten domains lints ten domains. Thread-safe; one per import.
class RecordLinter
{
public:
    // Entries remembered before the memory is cleared and starts over (hostile mailboxes may name a
    // new domain in every message).
    static constexpr int kMaxRemembered = 20000;

    explicit RecordLinter(std::shared_ptr<dns::Resolver> resolver);

    std::vector<lint::Finding> recordFindings(const Analysis& analysis) const;
    static std::vector<lint::Finding> senderFindings(const Analysis& analysis, const mail::Message& message);

private:
    std::vector<lint::Finding> remembered(const QByteArray& key,
                                          const std::function<std::vector<lint::Finding>()>& lint) const;

    std::shared_ptr<dns::Resolver> m_resolver;
    mutable std::mutex m_mutex;
    mutable QHash<QByteArray, std::vector<lint::Finding>> m_done;
};

} // namespace authlens::pipeline
