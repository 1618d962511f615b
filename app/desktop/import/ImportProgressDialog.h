// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/ImportProgress.h"
#include "pipeline/Importer.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace authlens::desktop {

class ImportController;
class Session;

// One row of the list shown when an import ends: where the problem is (file and byte offset, or IMAP
// folder and UID) and what it is, as the import log recorded it.
struct ImportLogRow
{
    QString source;
    QString position; // "offset 1,234", "UID 17", or empty for the whole source
    QString message;
};

// Follows an import run by the ImportController: messages, bytes, rate, time left and a cancel
// button while it runs; at the end the summary and every import-log entry of the run (errors,
// warnings, notes) with its position, copyable. The import itself runs on the importer's threads, so
// nothing here ever waits on it.
class ImportProgressDialog : public QDialog
{
    Q_OBJECT
public:
    ImportProgressDialog(ImportController* imports, Session* session, QWidget* parent = nullptr);

    // Clears the previous run and follows a new one; `title` names what is imported.
    void begin(const QString& title);

    const QList<ImportLogRow>& logRows() const { return m_rows; }
    // The rows as tab-separated text, one line each, with a header line (what "Copy" puts on the
    // clipboard).
    QString logText() const;
    bool isFollowing() const { return m_following; }

    static QList<ImportLogRow> loadLogRows(Session* session, const pipeline::ImportSummary& summary);

signals:
    // The log was put on the clipboard.
    void copied();

private:
    void showProgress(const pipeline::ImportProgress& progress);
    void showFinished(const pipeline::ImportSummary& summary);
    void copyLog();

    ImportController* m_imports;
    Session* m_session;
    bool m_following = false;
    QLabel* m_source = nullptr;
    QLabel* m_counts = nullptr;
    QLabel* m_bytes = nullptr;
    QLabel* m_rate = nullptr;
    QLabel* m_eta = nullptr;
    QLabel* m_summary = nullptr;
    QProgressBar* m_bar = nullptr;
    QTableWidget* m_log = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_copy = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QList<ImportLogRow> m_rows;
};

} // namespace authlens::desktop
