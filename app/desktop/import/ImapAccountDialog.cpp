// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImapAccountDialog.h"

#include "import/ImapFolderFetch.h"
#include "import/ServerCertificateProbe.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace authlens::desktop {

namespace {

using Security = sources::imap::ImapAccount::Security;
using AuthMethod = SavedImapAccount::AuthMethod;

// RFC 8314 3.3: implicit TLS on 993; RFC 3501 6.2.1: STARTTLS on 143.
constexpr int kImplicitTlsPort = 993;
constexpr int kStartTlsPort = 143;

} // namespace

ImapAccountDialog::ImapAccountDialog(QWidget* parent)
    : QDialog(parent)
    , m_fetch(new ImapFolderFetch(this))
{
    setObjectName(QStringLiteral("imapAccountDialog"));
    setWindowTitle(tr("IMAP Account"));
    resize(640, 720);

    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("imapHost"));
    m_host->setPlaceholderText(tr("imap.example.com"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("imapPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(kImplicitTlsPort);
    m_security = new QComboBox(this);
    m_security->setObjectName(QStringLiteral("imapSecurity"));
    m_security->addItem(tr("Implicit TLS (port 993)"), int(Security::ImplicitTls));
    m_security->addItem(tr("STARTTLS (port 143)"), int(Security::StartTls));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("imapUser"));
    m_auth = new QComboBox(this);
    m_auth->setObjectName(QStringLiteral("imapAuth"));
    m_auth->addItem(tr("Password (AUTHENTICATE PLAIN)"), int(AuthMethod::Plain));
    m_auth->addItem(tr("Password (LOGIN)"), int(AuthMethod::Login));
    m_auth->addItem(tr("OAuth 2.0 access token (XOAUTH2)"), int(AuthMethod::XOAuth2));
    m_secretLabel = new QLabel(this);
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("imapSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_remember = new QCheckBox(tr("Remember in the system keychain"), this);
    m_remember->setObjectName(QStringLiteral("imapRemember"));
    m_remember->setToolTip(
        tr("Without it, or where there is no keychain, Authlens asks for the password each "
           "time it connects. The password is never written to Authlens' settings or "
           "database."));

    m_folders = new QListWidget(this);
    m_folders->setObjectName(QStringLiteral("imapFolders"));
    m_fetchButton = new QPushButton(tr("&Fetch Folders from Server"), this);
    m_fetchButton->setObjectName(QStringLiteral("imapFetchFolders"));
    m_monitor = new QSpinBox(this);
    m_monitor->setObjectName(QStringLiteral("imapMonitor"));
    m_monitor->setRange(0, 24 * 60);
    m_monitor->setSpecialValueText(tr("Off"));
    m_monitor->setSuffix(tr(" min"));
    m_monitor->setToolTip(
        tr("While Authlens runs, check the folders for new mail this often and import it."));

    m_pin = new QLabel(this);
    m_pin->setObjectName(QStringLiteral("imapPin"));
    m_pin->setWordWrap(true);
    m_pin->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_forgetPin = new QPushButton(tr("Forget Trusted Certificate"), this);
    m_forgetPin->setObjectName(QStringLiteral("imapForgetPin"));
    m_certificateText = new QPlainTextEdit(this);
    m_certificateText->setObjectName(QStringLiteral("imapCertificate"));
    m_certificateText->setReadOnly(true);
    m_certificateText->setMaximumHeight(130);
    m_certificateText->setVisible(false);
    m_trust = new QPushButton(tr("&Trust This Certificate for This Account"), this);
    m_trust->setObjectName(QStringLiteral("imapTrustCertificate"));
    m_trust->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("imapStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("&Server:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Encryption:"), m_security);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("Sign-in &method:"), m_auth);
    form->addRow(m_secretLabel, m_secret);
    form->addRow(QString(), m_remember);
    form->addRow(tr("Check e&very:"), m_monitor);
    auto* pinRow = new QHBoxLayout;
    pinRow->addWidget(m_pin, 1);
    pinRow->addWidget(m_forgetPin);
    form->addRow(tr("Certificate:"), pinRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ImapAccountDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Folders to import (checked):"), this));
    layout->addWidget(m_folders, 1);
    layout->addWidget(m_fetchButton);
    layout->addWidget(m_certificateText);
    layout->addWidget(m_trust);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_security, &QComboBox::currentIndexChanged, this, &ImapAccountDialog::securityChanged);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &ImapAccountDialog::authChanged);
    connect(m_fetchButton, &QPushButton::clicked, this, &ImapAccountDialog::fetchFolders);
    connect(m_trust, &QPushButton::clicked, this, &ImapAccountDialog::trustShownCertificate);
    connect(m_forgetPin, &QPushButton::clicked, this, [this] {
        m_pinnedSha256.clear();
        updatePinLabel();
    });

    showFolders({QStringLiteral("INBOX")}, {QStringLiteral("INBOX")});
    authChanged();
    updatePinLabel();
}

ImapAccountDialog::~ImapAccountDialog() = default;

void ImapAccountDialog::setAccount(const SavedImapAccount& account)
{
    m_id = account.id;
    m_host->setText(account.host);
    m_security->setCurrentIndex(m_security->findData(int(account.security)));
    m_port->setValue(account.port);
    m_user->setText(account.user);
    m_auth->setCurrentIndex(m_auth->findData(int(account.authMethod)));
    m_remember->setChecked(account.rememberSecret);
    m_monitor->setValue(account.monitorMinutes);
    m_pinnedSha256 = account.pinnedSha256;
    showFolders(account.folders, account.folders);
    updatePinLabel();
}

SavedImapAccount ImapAccountDialog::account() const
{
    SavedImapAccount a;
    a.id = m_id;
    a.host = m_host->text();
    a.port = quint16(m_port->value());
    a.security = Security(m_security->currentData().toInt());
    a.user = m_user->text();
    a.authMethod = AuthMethod(m_auth->currentData().toInt());
    a.folders.clear();
    for (int i = 0; i < m_folders->count(); ++i) {
        if (m_folders->item(i)->checkState() == Qt::Checked)
            a.folders << m_folders->item(i)->text();
    }
    a.monitorMinutes = m_monitor->value();
    a.rememberSecret = m_remember->isChecked();
    a.pinnedSha256 = m_pinnedSha256;
    return a;
}

QByteArray ImapAccountDialog::secret() const
{
    return m_secret->text().toUtf8();
}

void ImapAccountDialog::setSecret(const QByteArray& secret)
{
    m_secret->setText(QString::fromUtf8(secret));
}

bool ImapAccountDialog::rememberSecret() const
{
    return m_remember->isChecked();
}

QString ImapAccountDialog::validate()
{
    const QString problem = ImapAccountSettings::validationError(account());
    if (!problem.isEmpty())
        showStatus(problem, true);
    return problem;
}

void ImapAccountDialog::accept()
{
    if (!validate().isEmpty())
        return;
    m_fetch->cancel();
    QDialog::accept();
}

void ImapAccountDialog::fetchFolders()
{
    SavedImapAccount a = account();
    a.folders = {QStringLiteral("INBOX")}; // the folder choice does not matter for listing
    if (const QString problem = ImapAccountSettings::validationError(a); !problem.isEmpty()) {
        showStatus(problem, true);
        emit folderFetchFinished(false);
        return;
    }
    if (m_secret->text().isEmpty()) {
        showStatus(a.authMethod == AuthMethod::XOAuth2 ? tr("Enter the access token to list the folders.")
                                                       : tr("Enter the password to list the folders."),
                   true);
        emit folderFetchFinished(false);
        return;
    }
    m_fetchButton->setEnabled(false);
    m_certificateText->setVisible(false);
    m_trust->setVisible(false);
    m_certificate = QSslCertificate();
    showStatus(tr("Connecting to %1…").arg(a.displayName()), false);
    const QStringList checked = account().folders;
    m_fetch->start(a.toImapAccount(), secret(), [this, checked](const ImapFolderFetch::Result& r) {
        m_fetchButton->setEnabled(true);
        if (r.result.ok()) {
            QStringList names;
            for (const sources::imap::MailboxInfo& box : r.folders)
                names << box.name;
            showFolders(names, checked);
            showStatus(tr("%n folder(s) found. Check the ones to import.", nullptr, int(names.size())) +
                           (r.pinnedCertificateUsed
                                ? QLatin1Char(' ') + tr("The connection used the certificate you trusted.")
                                : QString()),
                       false);
            emit folderFetchFinished(true);
            return;
        }
        if (r.result.status == sources::imap::ImapResult::Status::CertificateUntrusted &&
            !r.untrustedCertificate.isNull()) {
            m_certificate = r.untrustedCertificate;
            m_certificateText->setPlainText(ServerCertificateProbe::describe(m_certificate));
            m_certificateText->setVisible(true);
            m_trust->setVisible(true);
            showStatus(tr("The server's certificate could not be verified, so nothing was sent to it. Check "
                          "the certificate below (compare the fingerprint with the one your mail "
                          "administrator gives you) and trust it only if it is the server's.") +
                           QLatin1Char('\n') + r.result.reason,
                       true);
        } else {
            showStatus(r.result.reason, true);
        }
        emit folderFetchFinished(false);
    });
}

void ImapAccountDialog::trustShownCertificate()
{
    if (m_certificate.isNull())
        return;
    m_pinnedSha256 = sources::imap::ImapAccount::fingerprintOf(m_certificate);
    m_trust->setVisible(false);
    updatePinLabel();
    showStatus(tr("This certificate is now trusted for this account only. Fetch the folders again to "
                  "connect with it."),
               false);
}

QString ImapAccountDialog::statusText() const
{
    return m_status->text();
}

QStringList ImapAccountDialog::listedFolders() const
{
    QStringList names;
    for (int i = 0; i < m_folders->count(); ++i)
        names << m_folders->item(i)->text();
    return names;
}

void ImapAccountDialog::setFolderChecked(const QString& folder, bool checked)
{
    for (int i = 0; i < m_folders->count(); ++i) {
        if (m_folders->item(i)->text() == folder)
            m_folders->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

void ImapAccountDialog::securityChanged()
{
    // Follow the mode with the port unless the analyst typed another one.
    const bool startTls = Security(m_security->currentData().toInt()) == Security::StartTls;
    if (m_port->value() == kImplicitTlsPort || m_port->value() == kStartTlsPort)
        m_port->setValue(startTls ? kStartTlsPort : kImplicitTlsPort);
}

void ImapAccountDialog::authChanged()
{
    const bool token = AuthMethod(m_auth->currentData().toInt()) == AuthMethod::XOAuth2;
    m_secretLabel->setText(token ? tr("Access to&ken:") : tr("Pass&word:"));
    m_secretLabel->setBuddy(m_secret);
}

void ImapAccountDialog::showFolders(const QStringList& folders, const QStringList& checked)
{
    m_folders->clear();
    for (const QString& folder : folders) {
        auto* item = new QListWidgetItem(folder, m_folders);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(folder) ? Qt::Checked : Qt::Unchecked);
    }
    // A folder chosen before but not listed now stays visible, so it is not dropped silently.
    for (const QString& folder : checked) {
        if (!folders.contains(folder)) {
            auto* item = new QListWidgetItem(folder, m_folders);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
            item->setToolTip(tr("Not in the server's last list."));
        }
    }
}

void ImapAccountDialog::showStatus(const QString& text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #b00020;") : QString());
}

void ImapAccountDialog::updatePinLabel()
{
    const QByteArray pin = sources::imap::ImapAccount::normalizedFingerprint(m_pinnedSha256);
    m_forgetPin->setVisible(!pin.isEmpty());
    if (pin.isEmpty()) {
        m_pin->setText(tr("Verified against the system's certificate authorities."));
        return;
    }
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < pin.size(); i += 2)
        pairs << QString::fromLatin1(pin.mid(i, 2)).toUpper();
    m_pin->setText(tr("Trusted for this account: SHA-256 %1").arg(pairs.join(QLatin1Char(':'))));
}

} // namespace authlens::desktop
