// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Reverifier.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace authlens::desktop {

class Session;

// Re-verifies every stored message with the session's current resolver and analyzer settings (after
// a policy or DNS change), off the GUI thread, like ImportController does for imports.
class ReverifyController : public QObject
{
    Q_OBJECT
public:
    explicit ReverifyController(Session* session, QObject* parent = nullptr);
    ~ReverifyController() override;

    bool isRunning() const { return m_reverifier != nullptr; }
    // False when one is running already or no database is open.
    bool start(pipeline::ReverifyOptions::AsOf asOf = pipeline::ReverifyOptions::AsOf::Now);
    void cancel();
    // Blocks until the running re-verification ended and delivers finished() (tests, quitting).
    void wait();

    const pipeline::ReverifySummary& lastSummary() const { return m_summary; }

signals:
    void progress(qint64 done, qint64 total);
    void finished(const authlens::pipeline::ReverifySummary& summary);

private:
    Session* m_session;
    std::unique_ptr<pipeline::Reverifier> m_reverifier;
    QFutureWatcher<pipeline::ReverifySummary> m_watcher;
    pipeline::ReverifySummary m_summary;
};

// "Re-verified 1,200 messages in 3 s: 40 changed."
QString describeReverifySummary(const pipeline::ReverifySummary& summary);

} // namespace authlens::desktop

Q_DECLARE_METATYPE(authlens::pipeline::ReverifySummary)
