// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImportController.h"

#include "Session.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QMetaObject>
#include <QtConcurrent>

namespace authlens::desktop {

ImportController::ImportController(Session* session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{
    qRegisterMetaType<pipeline::ImportProgress>();
    qRegisterMetaType<pipeline::ImportSummary>();
    connect(&m_watcher, &QFutureWatcher<pipeline::ImportSummary>::finished, this, [this] {
        m_summary = m_watcher.result();
        m_importer.reset();
        m_session->notifyDataChanged();
        emit finished(m_summary);
    });
}

ImportController::~ImportController()
{
    cancel();
    wait();
}

bool ImportController::isRunning() const
{
    return m_importer != nullptr;
}

bool ImportController::start(const QStringList& sources, pipeline::ImportOptions options)
{
    if (isRunning() || !m_session->database())
        return false;
    // Imports judge like the checker and the trace: the session's analyzer settings.
    options.analyzer = m_session->analyzer().options();
    // The importer opens its own connections on its threads; the GUI's connection stays the GUI's.
    m_importer = std::make_unique<pipeline::Importer>(m_session->databasePath(), m_session->resolver(),
                                                      std::move(options));
    m_importer->setProgressHandler([this](const pipeline::ImportProgress& p) {
        // Called on the importer's thread: hand over to the GUI thread.
        QMetaObject::invokeMethod(
            this, [this, p] { emit progress(p); }, Qt::QueuedConnection);
    });
    pipeline::Importer* importer = m_importer.get();
    m_watcher.setFuture(QtConcurrent::run([importer, sources] { return importer->run(sources); }));
    return true;
}

void ImportController::cancel()
{
    if (m_importer)
        m_importer->cancel();
}

void ImportController::wait()
{
    if (!m_importer)
        return;
    m_watcher.waitForFinished();
    // Deliver the finished signal now, as the event loop would.
    QCoreApplication::sendPostedEvents(&m_watcher);
    QCoreApplication::processEvents();
}

QString describeProgress(const pipeline::ImportProgress& p)
{
    const QLocale locale;
    QString text = ImportController::tr("Importing %1: %2 messages, %3 new, %4/s")
                       .arg(QFileInfo(p.source).fileName(), locale.toString(p.messagesRead),
                            locale.toString(p.messagesStored), locale.toString(p.messagesPerSecond, 'f', 0));
    if (p.errors > 0)
        text += ImportController::tr(", %1 errors").arg(p.errors);
    if (p.etaSeconds)
        text += ImportController::tr(", about %1 s left").arg(qRound(*p.etaSeconds));
    return text;
}

QString describeSummary(const pipeline::ImportSummary& s)
{
    const QLocale locale;
    if (!s.fatalError.isEmpty())
        return ImportController::tr("Import failed: %1").arg(s.fatalError);
    return ImportController::tr("%1: %2 messages read, %3 new, %4 already stored, %5 errors, in %6 s")
        .arg(s.cancelled ? ImportController::tr("Import cancelled") : ImportController::tr("Import finished"),
             locale.toString(s.messagesRead), locale.toString(s.stored), locale.toString(s.duplicates),
             locale.toString(s.failed + s.sourceErrors), locale.toString(s.seconds, 'f', 1));
}

} // namespace authlens::desktop
