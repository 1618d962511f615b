// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkimsetup/DnsSettings.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace authlens::desktop {

// The DNS settings to hand to the customer for one selector: the record's name, the TXT value whole (as
// web DNS panels want it), split into 255-octet strings, as one zone-file line, and the CNAME variant for
// customers who delegate the selector to the platform. Each with a Copy button.
class DnsSettingsView : public QWidget
{
    Q_OBJECT
public:
    enum class Field
    {
        Name,
        Value,
        Strings,
        ZoneLine,
        Cname,
    };

    explicit DnsSettingsView(QWidget* parent = nullptr);

    // Shows the settings for a key; the CNAME target comes from the delegation pattern.
    void showSettings(const dkimsetup::DnsSettings& settings);
    void clear();
    const dkimsetup::DnsSettings& settings() const { return m_settings; }
    // The text shown in a field, as it would be copied.
    QString text(Field field) const;
    // "{selector}.{domain}.dkim.example.net": where the platform serves delegated selectors. Kept in
    // QSettings.
    QString cnamePattern() const;
    void setCnamePattern(const QString& pattern);

signals:
    // A field was copied to the clipboard: the settings were handed to the customer.
    void copied(const dkimsetup::DnsSettings& settings);

private:
    void refresh();
    void copy(Field field);

    dkimsetup::DnsSettings m_settings;
    QLabel* m_heading = nullptr;
    QLineEdit* m_name = nullptr;
    QPlainTextEdit* m_value = nullptr;
    QPlainTextEdit* m_strings = nullptr;
    QPlainTextEdit* m_zoneLine = nullptr;
    QLineEdit* m_pattern = nullptr;
    QLineEdit* m_cname = nullptr;
    QList<QWidget*> m_copyButtons;
};

} // namespace authlens::desktop
