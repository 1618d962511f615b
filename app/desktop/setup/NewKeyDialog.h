// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkimsetup/KeyGenerator.h"

#include <QDialog>

#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace authlens::desktop {

// Asks for what a new DKIM key needs: domain, selector, key type and the folder the private key is
// written to. With Ed25519 it advises (and offers) an RSA key beside it under a second selector, since
// many receivers cannot verify Ed25519 alone (RFC 8463).
class NewKeyDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewKeyDialog(QWidget* parent = nullptr);

    // One request, or two with the RSA companion of an Ed25519 key.
    std::vector<dkimsetup::KeyGenerator::Request> requests() const;

    void done(int result) override;

private:
    void update();
    QString problem() const;

    QLineEdit* m_domain = nullptr;
    QLineEdit* m_selector = nullptr;
    QComboBox* m_kind = nullptr;
    QLabel* m_advice = nullptr;
    QCheckBox* m_companion = nullptr;
    QLineEdit* m_companionSelector = nullptr;
    QLineEdit* m_folder = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace authlens::desktop
