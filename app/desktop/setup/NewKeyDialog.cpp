// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/NewKeyDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>

namespace authlens::desktop {

using dkimsetup::KeyGenerator;
using dkimsetup::KeyKind;

namespace {

constexpr const char* kFolderKey = "dkimSetup/keyFolder";

} // namespace

NewKeyDialog::NewKeyDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("newKeyDialog"));
    setWindowTitle(tr("New DKIM Key"));
    m_domain = new QLineEdit(this);
    m_domain->setObjectName(QStringLiteral("newKeyDomain"));
    m_domain->setAccessibleName(tr("Signing domain"));
    m_domain->setPlaceholderText(tr("example.com"));
    m_selector = new QLineEdit(this);
    m_selector->setObjectName(QStringLiteral("newKeySelector"));
    m_selector->setAccessibleName(tr("Selector"));
    m_selector->setPlaceholderText(tr("s2026"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("newKeyType"));
    m_kind->setAccessibleName(tr("Key type"));
    m_kind->addItem(tr("RSA 2048 bits (recommended)"), int(KeyKind::Rsa2048));
    m_kind->addItem(tr("RSA 3072 bits"), int(KeyKind::Rsa3072));
    m_kind->addItem(tr("RSA 4096 bits (long record: split into strings)"), int(KeyKind::Rsa4096));
    m_kind->addItem(tr("Ed25519 (RFC 8463)"), int(KeyKind::Ed25519));
    m_advice = new QLabel(tr("Many receivers cannot verify Ed25519 signatures yet. Publish an RSA key beside "
                             "it under a second selector and sign every message with both."),
                          this);
    m_advice->setWordWrap(true);
    m_companion = new QCheckBox(tr("Also generate an RSA 2048 key with selector:"), this);
    m_companion->setObjectName(QStringLiteral("newKeyCompanion"));
    m_companion->setChecked(true);
    m_companionSelector = new QLineEdit(this);
    m_companionSelector->setObjectName(QStringLiteral("newKeyCompanionSelector"));
    m_companionSelector->setAccessibleName(tr("Selector of the RSA key beside the Ed25519 key"));
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("newKeyFolder"));
    m_folder->setAccessibleName(tr("Folder for the private key"));
    m_folder->setText(
        QSettings()
            .value(QLatin1String(kFolderKey), QStandardPaths::writableLocation(QStandardPaths::HomeLocation))
            .toString());
    auto* browse = new QPushButton(tr("Choose…"), this);
    browse->setAccessibleName(tr("Choose the folder for the private key"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("newKeyProblem"));
    m_problem->setWordWrap(true);
    auto* note = new QLabel(tr("The private key is written there as a PEM file readable only by you; the "
                               "database keeps only the public key, its fingerprint and the file's path."),
                            this);
    note->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Generate"));

    auto* companionRow = new QHBoxLayout;
    companionRow->addWidget(m_companion);
    companionRow->addWidget(m_companionSelector, 1);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Domain:"), m_domain);
    form->addRow(tr("&Selector:"), m_selector);
    form->addRow(tr("&Type:"), m_kind);
    form->addRow(m_advice);
    form->addRow(companionRow);
    form->addRow(tr("Private key &folder:"), folderRow);
    form->addRow(note);
    form->addRow(m_problem);
    form->addRow(m_buttons);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Folder for the Private Key"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(QDir::toNativeSeparators(dir));
    });
    for (QLineEdit* edit : {m_domain, m_selector, m_companionSelector, m_folder})
        connect(edit, &QLineEdit::textChanged, this, &NewKeyDialog::update);
    connect(m_selector, &QLineEdit::textEdited, this, [this](const QString& selector) {
        m_companionSelector->setText(selector.trimmed().isEmpty() ? QString() : selector.trimmed() + "rsa");
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, &NewKeyDialog::update);
    connect(m_companion, &QCheckBox::toggled, this, &NewKeyDialog::update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

std::vector<KeyGenerator::Request> NewKeyDialog::requests() const
{
    KeyGenerator::Request request;
    request.domain = m_domain->text().trimmed().toUtf8();
    request.selector = m_selector->text().trimmed().toUtf8();
    request.kind = KeyKind(m_kind->currentData().toInt());
    request.outputDirectory = QDir::fromNativeSeparators(m_folder->text().trimmed());
    std::vector<KeyGenerator::Request> out{request};
    if (request.kind == KeyKind::Ed25519 && m_companion->isChecked()) {
        request.selector = m_companionSelector->text().trimmed().toUtf8();
        request.kind = KeyKind::Rsa2048;
        out.push_back(request);
    }
    return out;
}

QString NewKeyDialog::problem() const
{
    const auto all = requests();
    if (m_domain->text().trimmed().isEmpty())
        return tr("Enter the customer's signing domain.");
    if (const auto domain = KeyGenerator::normalizedDomain(all.front().domain); !domain.error.isEmpty())
        return tr("Domain: %1").arg(domain.error);
    for (const auto& request : all) {
        if (request.selector.isEmpty())
            return tr("Enter a selector.");
        if (const QString error = KeyGenerator::selectorError(request.selector); !error.isEmpty())
            return tr("Selector %1: %2").arg(QString::fromUtf8(request.selector), error);
    }
    if (all.size() == 2 && all.at(0).selector.toLower() == all.at(1).selector.toLower())
        return tr("The RSA key needs a selector of its own.");
    if (!QDir(all.front().outputDirectory).exists())
        return tr("Choose an existing folder for the private key.");
    return {};
}

void NewKeyDialog::update()
{
    const bool ed25519 = KeyKind(m_kind->currentData().toInt()) == KeyKind::Ed25519;
    m_advice->setVisible(ed25519);
    m_companion->setVisible(ed25519);
    m_companionSelector->setVisible(ed25519);
    m_companionSelector->setEnabled(m_companion->isChecked());
    const QString why = problem();
    m_problem->setText(why);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

void NewKeyDialog::done(int result)
{
    if (result == QDialog::Accepted) {
        if (!problem().isEmpty())
            return;
        QSettings().setValue(QLatin1String(kFolderKey), m_folder->text().trimmed());
    }
    QDialog::done(result);
}

} // namespace authlens::desktop
