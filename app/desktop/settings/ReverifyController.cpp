// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/ReverifyController.h"

#include "Session.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMetaObject>
#include <QtConcurrent>

namespace authlens::desktop {

ReverifyController::ReverifyController(Session* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{
    qRegisterMetaType<pipeline::ReverifySummary>();
    connect(&m_watcher, &QFutureWatcher<pipeline::ReverifySummary>::finished, this, [this] {
        m_summary = m_watcher.result();
        m_reverifier.reset();
        m_session->notifyDataChanged();
        emit finished(m_summary);
    });
}

ReverifyController::~ReverifyController()
{
    cancel();
    if (m_reverifier)
        m_watcher.waitForFinished();
}

bool ReverifyController::start(pipeline::ReverifyOptions::AsOf asOf)
{
    if (isRunning() || !m_session->database())
        return false;
    pipeline::ReverifyOptions options;
    // The same judgement as the checker and imports: the session's analyzer options.
    options.analyzer = m_session->analyzer().options();
    options.asOf = asOf;
    options.note = tr("re-verification after a settings change");
    m_reverifier = std::make_unique<pipeline::Reverifier>(m_session->databasePath(), m_session->resolver(),
                                                          std::move(options));
    m_reverifier->setProgressHandler([this](qint64 done, qint64 total) {
        // Called on the reverifier's thread: hand over to the GUI thread.
        QMetaObject::invokeMethod(
            this, [this, done, total] { emit progress(done, total); }, Qt::QueuedConnection);
    });
    pipeline::Reverifier* reverifier = m_reverifier.get();
    m_watcher.setFuture(QtConcurrent::run([reverifier] { return reverifier->run(); }));
    return true;
}

void ReverifyController::cancel()
{
    if (m_reverifier)
        m_reverifier->cancel();
}

void ReverifyController::wait()
{
    if (!m_reverifier)
        return;
    m_watcher.waitForFinished();
    QCoreApplication::sendPostedEvents(&m_watcher);
    QCoreApplication::processEvents();
}

QString describeReverifySummary(const pipeline::ReverifySummary& s)
{
    if (!s.fatalError.isEmpty())
        return ReverifyController::tr("Re-verification failed: %1").arg(s.fatalError);
    const QLocale locale;
    QString text = ReverifyController::tr("Re-verified %1 of %2 messages in %3 s: %4 changed.")
                       .arg(locale.toString(s.reverified), locale.toString(s.messages),
                            locale.toString(s.seconds, 'f', 1), locale.toString(s.changed));
    if (s.failed > 0)
        text +=
            QLatin1Char(' ') + ReverifyController::tr("%n could not be read again.", nullptr, int(s.failed));
    if (s.cancelled)
        text += QLatin1Char(' ') + ReverifyController::tr("Cancelled.");
    return text;
}

} // namespace authlens::desktop
