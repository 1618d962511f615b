// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/DnsSettingsView.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>

namespace authlens::desktop {

namespace {

constexpr const char* kCnamePatternKey = "dkimSetup/cnamePattern";

QString latin(const QByteArray& text)
{
    return QString::fromLatin1(text);
}

QPlainTextEdit* codeBox(QWidget* parent, const QString& objectName, const QString& accessibleName, int lines)
{
    auto* box = new QPlainTextEdit(parent);
    box->setObjectName(objectName);
    box->setAccessibleName(accessibleName);
    box->setReadOnly(true);
    box->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    box->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    box->setWordWrapMode(QTextOption::WrapAnywhere);
    box->setMaximumHeight(box->fontMetrics().lineSpacing() * lines + 12);
    return box;
}

} // namespace

DnsSettingsView::DnsSettingsView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("dnsSettingsView"));
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("dnsSettingsHeading"));
    m_heading->setWordWrap(true);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("dnsName"));
    m_name->setAccessibleName(tr("Record name"));
    m_name->setReadOnly(true);
    m_value = codeBox(this, QStringLiteral("dnsValue"), tr("TXT value, whole"), 4);
    m_strings = codeBox(this, QStringLiteral("dnsStrings"), tr("TXT value in 255-octet strings"), 6);
    m_zoneLine = codeBox(this, QStringLiteral("dnsZoneLine"), tr("Zone file line"), 4);
    m_pattern = new QLineEdit(this);
    m_pattern->setObjectName(QStringLiteral("cnamePattern"));
    m_pattern->setAccessibleName(tr("Delegation target pattern"));
    m_pattern->setPlaceholderText(tr("{selector}.{domain}.dkim.platform.example"));
    m_pattern->setToolTip(tr("Where the platform serves delegated selectors; {selector} and {domain} are "
                             "replaced."));
    m_pattern->setText(QSettings().value(QLatin1String(kCnamePatternKey)).toString());
    m_cname = new QLineEdit(this);
    m_cname->setObjectName(QStringLiteral("dnsCname"));
    m_cname->setAccessibleName(tr("CNAME record for delegation"));
    m_cname->setReadOnly(true);
    m_cname->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_heading, 0, 0, 1, 3);
    struct Line
    {
        QString label;
        QWidget* widget;
        Field field;
        QString copyName;
    };
    const QList<Line> lines = {
        {tr("Name (TXT):"), m_name, Field::Name, tr("Copy the record name")},
        {tr("Value, whole:"), m_value, Field::Value, tr("Copy the whole TXT value")},
        {tr("Value in strings:"), m_strings, Field::Strings, tr("Copy the TXT value in 255-octet strings")},
        {tr("Zone file line:"), m_zoneLine, Field::ZoneLine, tr("Copy the zone file line")},
        {tr("CNAME variant:"), m_cname, Field::Cname, tr("Copy the CNAME record")},
    };
    int row = 1;
    for (const Line& line : lines) {
        if (line.field == Field::Cname) {
            auto* patternLabel = new QLabel(tr("Delegation target:"), this);
            patternLabel->setBuddy(m_pattern);
            grid->addWidget(patternLabel, row, 0);
            grid->addWidget(m_pattern, row, 1, 1, 2);
            ++row;
        }
        auto* label = new QLabel(line.label, this);
        label->setBuddy(line.widget);
        auto* copyButton = new QPushButton(tr("Copy"), this);
        copyButton->setAccessibleName(line.copyName);
        copyButton->setToolTip(line.copyName);
        copyButton->setEnabled(false);
        const Field field = line.field;
        connect(copyButton, &QPushButton::clicked, this, [this, field] { copy(field); });
        grid->addWidget(label, row, 0, Qt::AlignTop);
        grid->addWidget(line.widget, row, 1);
        grid->addWidget(copyButton, row, 2, Qt::AlignTop);
        m_copyButtons.append(copyButton);
        ++row;
    }
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(row, 1);

    connect(m_pattern, &QLineEdit::textEdited, this, [this](const QString& pattern) {
        QSettings().setValue(QLatin1String(kCnamePatternKey), pattern.trimmed());
        refresh();
    });
    clear();
}

void DnsSettingsView::showSettings(const dkimsetup::DnsSettings& settings)
{
    m_settings = settings;
    refresh();
}

void DnsSettingsView::clear()
{
    m_settings = {};
    refresh();
}

QString DnsSettingsView::cnamePattern() const
{
    return m_pattern->text().trimmed();
}

void DnsSettingsView::setCnamePattern(const QString& pattern)
{
    m_pattern->setText(pattern);
    QSettings().setValue(QLatin1String(kCnamePatternKey), pattern.trimmed());
    refresh();
}

void DnsSettingsView::refresh()
{
    const bool any = !m_settings.name.isEmpty();
    if (any && !cnamePattern().isEmpty())
        m_settings.cnameTarget =
            dkimsetup::DnsSettings::cnameTargetFor(cnamePattern(), m_settings.domain, m_settings.selector);
    else
        m_settings.cnameTarget.clear();
    m_heading->setText(any ? tr("Publish this TXT record at the customer's DNS provider, or delegate the "
                                "selector with the CNAME record.")
                           : tr("Select a selector or generate a new key to see its DNS settings."));
    m_name->setText(any ? latin(m_settings.name) : QString());
    m_value->setPlainText(any ? latin(m_settings.value) : QString());
    QStringList strings;
    for (const QByteArray& s : m_settings.strings)
        strings << latin(dkimsetup::DnsSettings::quoted(s));
    m_strings->setPlainText(strings.join(QLatin1Char('\n')));
    m_zoneLine->setPlainText(any ? latin(m_settings.zoneLine()) : QString());
    m_cname->setText(latin(m_settings.cnameZoneLine()));
    m_cname->setPlaceholderText(any ? tr("Enter the delegation target pattern above") : QString());
    for (int i = 0; i < m_copyButtons.size(); ++i)
        m_copyButtons.at(i)->setEnabled(any && !text(Field(i)).isEmpty());
}

QString DnsSettingsView::text(Field field) const
{
    switch (field) {
    case Field::Name:
        return m_name->text();
    case Field::Value:
        return m_value->toPlainText();
    case Field::Strings:
        return m_strings->toPlainText();
    case Field::ZoneLine:
        return m_zoneLine->toPlainText();
    case Field::Cname:
        return m_cname->text();
    }
    return {};
}

void DnsSettingsView::copy(Field field)
{
    const QString value = text(field);
    if (value.isEmpty())
        return;
    QApplication::clipboard()->setText(value);
    emit copied(m_settings);
}

} // namespace authlens::desktop
