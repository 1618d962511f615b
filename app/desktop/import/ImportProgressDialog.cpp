// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImportProgressDialog.h"

#include "Session.h"
#include "import/ImportController.h"
#include "store/ImportLog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace authlens::desktop {

namespace {

// Enough for any analyst to read; a run with more entries says how many were left out.
constexpr int kMaxRows = 10000;

QString duration(double seconds)
{
    const qint64 s = qMax<qint64>(0, qRound64(seconds));
    if (s >= 3600)
        return ImportProgressDialog::tr("%1 h %2 min").arg(s / 3600).arg((s / 60) % 60);
    if (s >= 60)
        return ImportProgressDialog::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return ImportProgressDialog::tr("%1 s").arg(s);
}

QString sourceName(const QString& source)
{
    // An imaps:// locator is shown whole; a path by its file name (the tooltip has the full path).
    if (source.contains(QLatin1String("://")))
        return source;
    const QString name = QFileInfo(source).fileName();
    return name.isEmpty() ? source : name;
}

} // namespace

ImportProgressDialog::ImportProgressDialog(ImportController* imports, Session* session, QWidget* parent)
    : QDialog(parent)
    , m_imports(imports)
    , m_session(session)
{
    setObjectName(QStringLiteral("importProgressDialog"));
    setWindowTitle(tr("Import"));
    setModal(false);
    resize(760, 480);

    m_source = new QLabel(this);
    m_source->setObjectName(QStringLiteral("importSource"));
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("importCounts"));
    m_bytes = new QLabel(this);
    m_bytes->setObjectName(QStringLiteral("importBytes"));
    m_rate = new QLabel(this);
    m_rate->setObjectName(QStringLiteral("importRate"));
    m_eta = new QLabel(this);
    m_eta->setObjectName(QStringLiteral("importEta"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("importBar"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("Source:"), m_source);
    form->addRow(tr("Messages:"), m_counts);
    form->addRow(tr("Read:"), m_bytes);
    form->addRow(tr("Rate:"), m_rate);
    form->addRow(tr("Time left:"), m_eta);

    m_log = new QTableWidget(0, 3, this);
    m_log->setObjectName(QStringLiteral("importLog"));
    m_log->setHorizontalHeaderLabels({tr("Source"), tr("Position"), tr("Problem")});
    m_log->horizontalHeader()->setStretchLastSection(true);
    m_log->verticalHeader()->setVisible(false);
    m_log->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_log->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_log->setWordWrap(false);
    m_log->setVisible(false);

    m_buttons = new QDialogButtonBox(this);
    m_cancel = m_buttons->addButton(tr("Cancel Import"), QDialogButtonBox::RejectRole);
    m_cancel->setObjectName(QStringLiteral("importCancel"));
    m_copy = m_buttons->addButton(tr("Copy List"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("importCopy"));
    m_copy->setVisible(false);
    QPushButton* close = m_buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("importClose"));
    // The dialog only watches: closing it leaves the import running (the status bar still shows it).
    connect(close, &QPushButton::clicked, this, &QDialog::hide);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_summary->setText(tr("Cancelling: what was read is still stored; the next import continues here."));
        m_imports->cancel();
    });
    connect(m_copy, &QPushButton::clicked, this, &ImportProgressDialog::copyLog);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_buttons);

    connect(m_imports, &ImportController::progress, this, &ImportProgressDialog::showProgress);
    connect(m_imports, &ImportController::finished, this, &ImportProgressDialog::showFinished);
}

void ImportProgressDialog::begin(const QString& title)
{
    m_following = true;
    m_rows.clear();
    m_log->setRowCount(0);
    m_log->setVisible(false);
    m_copy->setVisible(false);
    m_cancel->setVisible(true);
    m_cancel->setEnabled(true);
    setWindowTitle(tr("Import: %1").arg(title));
    m_source->setText(title);
    m_counts->setText(tr("starting…"));
    m_bytes->clear();
    m_rate->clear();
    m_eta->setText(tr("not known yet"));
    m_summary->clear();
    m_bar->setRange(0, 0); // busy until the first report says how large the source is
}

void ImportProgressDialog::showProgress(const pipeline::ImportProgress& p)
{
    if (!m_following)
        return;
    const QLocale locale;
    m_source->setText(
        p.sourceCount > 1
            ? tr("%1 (source %2 of %3)").arg(sourceName(p.source)).arg(p.sourceIndex + 1).arg(p.sourceCount)
            : sourceName(p.source));
    m_source->setToolTip(p.source);
    m_counts->setText(tr("%1 read, %2 new, %3 already stored, %4 errors")
                          .arg(locale.toString(p.messagesRead), locale.toString(p.messagesStored),
                               locale.toString(p.duplicates), locale.toString(p.errors)));
    m_bytes->setText(p.bytesTotal > 0 ? tr("%1 of %2")
                                            .arg(locale.formattedDataSize(p.bytesRead),
                                                 locale.formattedDataSize(p.bytesTotal))
                                      : locale.formattedDataSize(p.bytesRead));
    const double megabytesPerSecond = p.seconds > 0 ? double(p.bytesRead) / 1048576.0 / p.seconds : 0;
    m_rate->setText(
        tr("%1 messages/s, %2 MB/s")
            .arg(locale.toString(p.messagesPerSecond, 'f', 0), locale.toString(megabytesPerSecond, 'f', 1)));
    m_eta->setText(p.etaSeconds ? tr("about %1").arg(duration(*p.etaSeconds))
                                : (p.bytesTotal > 0 ? tr("not known yet")
                                                    : tr("not known (the size of an IMAP folder is "
                                                         "not known in advance)")));
    if (p.bytesTotal > 0) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(1000.0 * double(p.bytesRead) / double(p.bytesTotal)));
    } else {
        m_bar->setRange(0, 0);
    }
}

void ImportProgressDialog::showFinished(const pipeline::ImportSummary& summary)
{
    if (!m_following)
        return;
    m_following = false;
    m_cancel->setVisible(false);
    m_bar->setRange(0, 1);
    m_bar->setValue(1);
    m_eta->setText(tr("done in %1").arg(duration(summary.seconds)));
    const QLocale locale;
    m_counts->setText(tr("%1 read, %2 new, %3 already stored, %4 errors")
                          .arg(locale.toString(summary.messagesRead), locale.toString(summary.stored),
                               locale.toString(summary.duplicates),
                               locale.toString(summary.failed + summary.sourceErrors)));
    m_rows = loadLogRows(m_session, summary);
    const int shown = int(qMin<qsizetype>(m_rows.size(), kMaxRows));
    QString text = describeSummary(summary);
    if (m_rows.isEmpty())
        text += QLatin1Char('\n') + tr("The import log has no entries for this import.");
    else if (shown < m_rows.size())
        text += QLatin1Char('\n') + tr("The first %1 of %2 import-log entries are listed.")
                                        .arg(locale.toString(shown), locale.toString(m_rows.size()));
    else
        text += QLatin1Char('\n') + tr("%n import-log entries (errors, warnings and notes):", nullptr, shown);
    m_summary->setText(text);
    m_log->setRowCount(shown);
    for (int row = 0; row < shown; ++row) {
        const ImportLogRow& entry = m_rows.at(row);
        auto* source = new QTableWidgetItem(sourceName(entry.source));
        source->setToolTip(entry.source);
        m_log->setItem(row, 0, source);
        m_log->setItem(row, 1, new QTableWidgetItem(entry.position));
        auto* message = new QTableWidgetItem(entry.message);
        message->setToolTip(entry.message);
        m_log->setItem(row, 2, message);
    }
    m_log->resizeColumnToContents(0);
    m_log->resizeColumnToContents(1);
    m_log->setVisible(shown > 0);
    m_copy->setVisible(shown > 0);
}

QList<ImportLogRow> ImportProgressDialog::loadLogRows(Session* session,
                                                      const pipeline::ImportSummary& summary)
{
    QList<ImportLogRow> rows;
    store::Database* database = session ? session->database() : nullptr;
    const QLocale locale;
    for (const pipeline::SourceImportSummary& source : summary.sources) {
        QList<store::ImportError> entries;
        if (database && source.importId > 0)
            entries = store::ImportLog(*database).errors(source.importId);
        bool sourceErrorLogged = source.error.isEmpty();
        for (const store::ImportError& entry : entries) {
            QString position;
            if (entry.uid)
                position = tr("UID %1").arg(*entry.uid);
            else if (entry.offset)
                position = tr("offset %1").arg(locale.toString(*entry.offset));
            rows.append({entry.path.isEmpty() ? source.source : entry.path, position, entry.message});
            sourceErrorLogged = sourceErrorLogged || entry.message.contains(source.error);
        }
        // A source that could not be opened at all may have no run to log into.
        if (!sourceErrorLogged)
            rows.append({source.source, QString(), source.error});
    }
    if (!summary.fatalError.isEmpty())
        rows.append({QString(), QString(), summary.fatalError});
    return rows;
}

QString ImportProgressDialog::logText() const
{
    QString text = tr("Source") + QLatin1Char('\t') + tr("Position") + QLatin1Char('\t') + tr("Problem") +
                   QLatin1Char('\n');
    for (const ImportLogRow& row : m_rows)
        text += row.source + QLatin1Char('\t') + row.position + QLatin1Char('\t') + row.message +
                QLatin1Char('\n');
    return text;
}

void ImportProgressDialog::copyLog()
{
    QApplication::clipboard()->setText(logText());
    emit copied();
}

} // namespace authlens::desktop
