// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/SettingsDialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace authlens::desktop {

namespace {

QStringList authservIdLines(const QString& text)
{
    QStringList ids;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            ids << line.trimmed();
    }
    return ids;
}

} // namespace

SettingsDialog::SettingsDialog(const AppSettings& current, QWidget* parent)
    : QDialog(parent)
    , m_initial(current)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(createDnsTab(), tr("&DNS"));
    m_tabs->addTab(createPolicyTab(), tr("&Policy"));
    m_tabs->addTab(createReceiversTab(), tr("&Receivers"));
    m_tabs->addTab(createLanguageTab(), tr("&Language"));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setVisible(false);
    // Errors in the palette's own emphasis (bold), not a fixed red that vanishes on a dark theme.
    QFont bold = m_error->font();
    bold.setBold(true);
    m_error->setFont(bold);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    updateDnsFields();
}

QWidget* SettingsDialog::createDnsTab()
{
    auto* page = new QWidget(this);
    m_system = new QRadioButton(tr("The &system's resolver"), page);
    m_system->setObjectName(QStringLiteral("dnsSystem"));
    m_recursive = new QRadioButton(tr("&Recursive from the root, validating DNSSEC"), page);
    m_recursive->setObjectName(QStringLiteral("dnsRecursive"));
    m_server = new QRadioButton(tr("&This server:"), page);
    m_server->setObjectName(QStringLiteral("dnsServer"));
    m_records = new QRadioButton(tr("&Offline, from a records file:"), page);
    m_records->setObjectName(QStringLiteral("dnsRecordsFile"));
    auto* group = new QButtonGroup(page);
    for (QRadioButton* button : {m_system, m_recursive, m_server, m_records})
        group->addButton(button);

    m_serverAddress = new QLineEdit(m_initial.dnsServer, page);
    m_serverAddress->setObjectName(QStringLiteral("dnsServerAddress"));
    m_serverAddress->setPlaceholderText(tr("192.0.2.53 or 192.0.2.53:5353"));
    m_serverAddress->setAccessibleName(tr("DNS server address"));
    m_serverDnssec = new QCheckBox(tr("&Validate DNSSEC"), page);
    m_serverDnssec->setObjectName(QStringLiteral("dnsServerDnssec"));
    m_serverDnssec->setChecked(m_initial.serverDnssec);
    m_recordsFile = new QLineEdit(m_initial.recordsFile, page);
    m_recordsFile->setObjectName(QStringLiteral("dnsRecordsFilePath"));
    m_recordsFile->setAccessibleName(tr("Records file"));
    auto* browse = new QPushButton(tr("&Browse…"), page);
    browse->setAccessibleName(tr("Choose the records file"));
    m_browse = browse;
    m_timeout = new QSpinBox(page);
    m_timeout->setObjectName(QStringLiteral("dnsTimeout"));
    m_timeout->setRange(1, 120);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(m_initial.dnsTimeoutSeconds);
    m_timeout->setAccessibleName(tr("DNS timeout in seconds"));

    switch (m_initial.dnsMode) {
    case AppSettings::DnsMode::System:
        m_system->setChecked(true);
        break;
    case AppSettings::DnsMode::Recursive:
        m_recursive->setChecked(true);
        break;
    case AppSettings::DnsMode::Server:
        m_server->setChecked(true);
        break;
    case AppSettings::DnsMode::RecordsFile:
        m_records->setChecked(true);
        break;
    }

    auto* grid = new QGridLayout;
    grid->addWidget(m_system, 0, 0, 1, 3);
    grid->addWidget(m_recursive, 1, 0, 1, 3);
    grid->addWidget(m_server, 2, 0);
    grid->addWidget(m_serverAddress, 2, 1);
    grid->addWidget(m_serverDnssec, 2, 2);
    grid->addWidget(m_records, 3, 0);
    grid->addWidget(m_recordsFile, 3, 1);
    grid->addWidget(browse, 3, 2);
    grid->setColumnStretch(1, 1);
    auto* timeoutLabel = new QLabel(tr("&Timeout per query:"), page);
    timeoutLabel->setBuddy(m_timeout);
    grid->addWidget(timeoutLabel, 4, 0);
    grid->addWidget(m_timeout, 4, 1);
    auto* note = new QLabel(tr("The checker, the trace, imports and re-verification all use this source. "
                               "A records file answers offline: names it does not hold do not exist."),
                            page);
    note->setWordWrap(true);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(grid);
    layout->addWidget(note);
    layout->addStretch(1);

    connect(group, &QButtonGroup::buttonToggled, this, [this] { updateDnsFields(); });
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::browseRecordsFile);
    return page;
}

QWidget* SettingsDialog::createPolicyTab()
{
    auto* page = new QWidget(this);
    m_minRsaBits = new QSpinBox(page);
    m_minRsaBits->setObjectName(QStringLiteral("policyMinRsaBits"));
    m_minRsaBits->setRange(AppSettings::kMinRsaBitsFloor, AppSettings::kMinRsaBitsCeiling);
    m_minRsaBits->setSingleStep(512);
    m_minRsaBits->setSuffix(tr(" bits"));
    m_minRsaBits->setValue(m_initial.minimumRsaBits);
    m_minRsaBits->setAccessibleName(tr("Minimum RSA key size"));
    m_minRsaBits->setToolTip(tr("Smaller RSA keys give the result policy. RFC 8301 requires at least 1024."));

    m_rsaSha1 = new QComboBox(page);
    m_rsaSha1->setObjectName(QStringLiteral("policyRsaSha1"));
    m_rsaSha1->addItem(tr("Refuse (policy, as RFC 8301 requires)"), int(AppSettings::RsaSha1::Refuse));
    m_rsaSha1->addItem(tr("Accept like rsa-sha256"), int(AppSettings::RsaSha1::Accept));
    m_rsaSha1->setCurrentIndex(m_rsaSha1->findData(int(m_initial.rsaSha1)));
    m_rsaSha1->setAccessibleName(tr("rsa-sha1 signatures"));

    m_clockSkew = new QSpinBox(page);
    m_clockSkew->setObjectName(QStringLiteral("policyClockSkew"));
    m_clockSkew->setRange(0, AppSettings::kMaxClockSkewSeconds);
    m_clockSkew->setSingleStep(60);
    m_clockSkew->setSuffix(tr(" s"));
    m_clockSkew->setValue(m_initial.clockSkewSeconds);
    m_clockSkew->setAccessibleName(tr("Allowed clock skew in seconds"));
    m_clockSkew->setToolTip(
        tr("Allowed for an expiry (x=) just past and a signing time (t=) in the future."));

    m_signatures = new QSpinBox(page);
    m_signatures->setObjectName(QStringLiteral("policySignatures"));
    m_signatures->setRange(1, AppSettings::kMaxSignaturesPerMessage);
    m_signatures->setValue(m_initial.signaturesPerMessage);
    m_signatures->setAccessibleName(tr("Signatures evaluated per message"));
    m_signatures->setToolTip(tr("Signatures past this many are reported as neutral, not evaluated."));

    auto* form = new QFormLayout(page);
    form->addRow(tr("&Minimum RSA key size:"), m_minRsaBits);
    form->addRow(tr("rsa-&sha1 signatures:"), m_rsaSha1);
    form->addRow(tr("Allowed &clock skew:"), m_clockSkew);
    form->addRow(tr("Si&gnatures evaluated per message:"), m_signatures);
    return page;
}

QWidget* SettingsDialog::createReceiversTab()
{
    auto* page = new QWidget(this);
    auto* label = new QLabel(tr("Trusted &authserv-ids, one per line. The Authentication-Results fields "
                                "of these receivers are compared with Authlens's own verdicts; with none, "
                                "the topmost Authentication-Results field is read."),
                             page);
    label->setWordWrap(true);
    m_authservIds = new QPlainTextEdit(m_initial.trustedAuthservIds.join(QLatin1Char('\n')), page);
    m_authservIds->setObjectName(QStringLiteral("trustedAuthservIds"));
    m_authservIds->setAccessibleName(tr("Trusted authserv-ids"));
    m_authservIds->setPlaceholderText(tr("mx.example.com"));
    m_authservIds->setTabChangesFocus(true);
    label->setBuddy(m_authservIds);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(label);
    layout->addWidget(m_authservIds, 1);
    return page;
}

QWidget* SettingsDialog::createLanguageTab()
{
    auto* page = new QWidget(this);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("The system's language"), QString());
    // Language names in their own language, so anyone can find theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    int index = m_language->findData(m_initial.language);
    if (index < 0) // a stored full locale name ("de_DE"): match its language
        index = m_language->findData(m_initial.language.section(QLatin1Char('_'), 0, 0));
    m_language->setCurrentIndex(std::max(index, 0));
    auto* note = new QLabel(tr("The new language is used from the next start of Authlens."), page);
    note->setWordWrap(true);
    auto* form = new QFormLayout(page);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(note);
    return page;
}

void SettingsDialog::updateDnsFields()
{
    m_serverAddress->setEnabled(m_server->isChecked());
    m_serverDnssec->setEnabled(m_server->isChecked());
    m_recordsFile->setEnabled(m_records->isChecked());
    m_browse->setEnabled(m_records->isChecked());
    m_timeout->setEnabled(!m_records->isChecked());
}

void SettingsDialog::browseRecordsFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("DNS Records File"), m_recordsFile->text(),
                                                      tr("Zone files (*.zone *.txt);;All files (*)"));
    if (!path.isEmpty())
        m_recordsFile->setText(path);
}

AppSettings SettingsDialog::settings() const
{
    AppSettings s = m_initial;
    if (m_recursive->isChecked())
        s.dnsMode = AppSettings::DnsMode::Recursive;
    else if (m_server->isChecked())
        s.dnsMode = AppSettings::DnsMode::Server;
    else if (m_records->isChecked())
        s.dnsMode = AppSettings::DnsMode::RecordsFile;
    else
        s.dnsMode = AppSettings::DnsMode::System;
    s.dnsServer = m_serverAddress->text().trimmed();
    s.serverDnssec = m_serverDnssec->isChecked();
    s.recordsFile = m_recordsFile->text().trimmed();
    s.dnsTimeoutSeconds = m_timeout->value();
    s.minimumRsaBits = m_minRsaBits->value();
    s.rsaSha1 = AppSettings::RsaSha1(m_rsaSha1->currentData().toInt());
    s.clockSkewSeconds = m_clockSkew->value();
    s.signaturesPerMessage = m_signatures->value();
    s.trustedAuthservIds = authservIdLines(m_authservIds->toPlainText());
    s.language = m_language->currentData().toString();
    return s;
}

QString SettingsDialog::validate() const
{
    const AppSettings s = settings();
    if (s.dnsMode == AppSettings::DnsMode::Server && s.dnsServer.isEmpty())
        return tr("Enter the DNS server's address, or choose another DNS source.");
    if (s.dnsMode == AppSettings::DnsMode::RecordsFile && !QFileInfo(s.recordsFile).isFile())
        return tr("The records file %1 does not exist.").arg(s.recordsFile);
    for (const QString& id : s.trustedAuthservIds) {
        // RFC 8601 2.5: an authserv-id is one token (in practice a host name): no spaces or ';'.
        for (const QChar c : id) {
            if (c.isSpace() || c == QLatin1Char(';') || c == QLatin1Char('"') || c.unicode() > 0x7e)
                return tr("The authserv-id \"%1\" is not a single name (one per line).").arg(id);
        }
    }
    // The core's own checks: a records file is refused whole on its first bad line, with FILE:LINE.
    if (s.dnsMode != m_initial.dnsMode ||
        s.resolverRequest().recordsFile != m_initial.resolverRequest().recordsFile ||
        s.resolverRequest().dnsServer != m_initial.resolverRequest().dnsServer) {
        const dns::ResolverFactory::Result made = dns::ResolverFactory::create(s.resolverRequest());
        if (!made.ok())
            return made.error;
    }
    return {};
}

void SettingsDialog::accept()
{
    const QString error = validate();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    if (error.isEmpty())
        QDialog::accept();
}

} // namespace authlens::desktop
