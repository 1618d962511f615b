// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/AppSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;
class QTabWidget;

namespace authlens::desktop {

// Settings → Preferences: DNS source (system, recursive with DNSSEC, one server, an offline records
// file), DKIM policy (minimum RSA bits, rsa-sha1, clock skew, signatures per message), the receivers
// whose Authentication-Results are trusted, and the language. It edits a copy; the window applies
// what settings() returns after accept. OK refuses settings the core would refuse (a records file
// with a bad line, a server that is not an address) and says why, so nothing half-applies.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings& current, QWidget* parent = nullptr);

    AppSettings settings() const;
    // Empty when settings() can be applied, else a sentence for the analyst.
    QString validate() const;

    void accept() override;

private:
    QWidget* createDnsTab();
    QWidget* createPolicyTab();
    QWidget* createReceiversTab();
    QWidget* createLanguageTab();
    void updateDnsFields();
    void browseRecordsFile();

    AppSettings m_initial;
    QTabWidget* m_tabs = nullptr;
    QRadioButton* m_system = nullptr;
    QRadioButton* m_recursive = nullptr;
    QRadioButton* m_server = nullptr;
    QRadioButton* m_records = nullptr;
    QLineEdit* m_serverAddress = nullptr;
    QCheckBox* m_serverDnssec = nullptr;
    QLineEdit* m_recordsFile = nullptr;
    QWidget* m_browse = nullptr;
    QSpinBox* m_timeout = nullptr;
    QSpinBox* m_minRsaBits = nullptr;
    QComboBox* m_rsaSha1 = nullptr;
    QSpinBox* m_clockSkew = nullptr;
    QSpinBox* m_signatures = nullptr;
    QPlainTextEdit* m_authservIds = nullptr;
    QComboBox* m_language = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace authlens::desktop
