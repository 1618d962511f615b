// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/ImportProgress.h"
#include "pipeline/Importer.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace authlens::desktop {

class Session;

// Runs the core's Importer off the GUI thread and reports its progress as signals, so the window
// stays responsive and can cancel. One import at a time.
class ImportController : public QObject
{
    Q_OBJECT
public:
    explicit ImportController(Session* session, QObject* parent = nullptr);
    ~ImportController() override;

    bool isRunning() const;
    // False when an import is already running or no database is open. The analyzer settings are
    // the session's.
    bool start(const QStringList& sources, pipeline::ImportOptions options = {});
    void cancel();
    // Blocks until the running import ended (tests, quitting).
    void wait();

    const pipeline::ImportSummary& lastSummary() const { return m_summary; }

signals:
    void progress(const authlens::pipeline::ImportProgress& progress);
    void finished(const authlens::pipeline::ImportSummary& summary);

private:
    Session* m_session;
    std::unique_ptr<pipeline::Importer> m_importer;
    QFutureWatcher<pipeline::ImportSummary> m_watcher;
    pipeline::ImportSummary m_summary;
};

// A sentence for the status bar: "Importing samples.mbox: 1,200 messages, 340/s, about 20 s left".
QString describeProgress(const pipeline::ImportProgress& progress);
QString describeSummary(const pipeline::ImportSummary& summary);

} // namespace authlens::desktop

Q_DECLARE_METATYPE(authlens::pipeline::ImportProgress)
Q_DECLARE_METATYPE(authlens::pipeline::ImportSummary)
