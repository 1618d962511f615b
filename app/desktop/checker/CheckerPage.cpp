// SPDX-License-Identifier: GPL-3.0-or-later
#include "checker/CheckerPage.h"

#include "Session.h"
#include "charts/ChartWidget.h"
#include "checker/VerdictCard.h"
#include "sources/SourceFactory.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace authlens::desktop {

namespace {

// A dropped file bigger than this is refused: the checker is for single messages and small mboxes.
constexpr qint64 kMaxCheckedFileBytes = 256LL * 1024 * 1024;
constexpr int kMaxCards = 500;

} // namespace

CheckerPage::CheckerPage(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("checkerPage"));
    m_hint = new QLabel(tr("Drop .eml files or an mbox anywhere on the window, use File → Open Message, or "
                           "paste a raw message. Nothing checked here is stored."),
                        this);
    m_hint->setWordWrap(true);
    auto* paste = new QPushButton(tr("Paste message"), this);
    paste->setObjectName(QStringLiteral("pasteMessage"));
    auto* clearButton = new QPushButton(tr("Clear"), this);

    auto* list = new QWidget(this);
    m_cards = new QVBoxLayout(list);
    m_cards->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(list);
    scroll->setAccessibleName(tr("Checked messages"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_hint, 1);
    top->addWidget(paste);
    top->addWidget(clearButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);
    connect(paste, &QPushButton::clicked, this, &CheckerPage::pasteMessage);
    connect(clearButton, &QPushButton::clicked, this, &CheckerPage::clear);
}

int CheckerPage::checkFiles(const QStringList& paths)
{
    int checked = 0;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            addError(tr("%1: no such file or folder").arg(path));
            continue;
        }
        if (info.isFile() && info.size() > kMaxCheckedFileBytes) {
            addError(tr("%1: %2 MB is too big for the checker; import it instead")
                         .arg(path)
                         .arg(info.size() / (1024 * 1024)));
            continue;
        }
        sources::OpenedSource opened = sources::SourceFactory::open(path);
        if (!opened.source) {
            addError(tr("%1: %2").arg(path, opened.error));
            continue;
        }
        while (std::optional<sources::SourceItem> item = opened.source->next()) {
            for (const sources::SourceError& e : opened.source->takeErrors())
                addError(e.toString());
            if (cards().size() >= kMaxCards) {
                addError(tr("%1: more than %2 messages; import it to see them all").arg(path).arg(kMaxCards));
                break;
            }
            checkRaw(item->bytes, item->locator());
            ++checked;
        }
        for (const sources::SourceError& e : opened.source->takeErrors())
            addError(e.toString());
        if (!opened.source->openError().isEmpty())
            addError(tr("%1: %2").arg(path, opened.source->openError()));
    }
    emit status(tr("Checked %n message(s)", nullptr, checked));
    return checked;
}

void CheckerPage::checkRaw(const QByteArray& raw, const QString& origin)
{
    auto* card = new VerdictCard(origin, raw, m_session->analyze(raw), this);
    connect(card, &VerdictCard::openTrace, this, &CheckerPage::openTrace);
    // Newest first, above the stretch.
    m_cards->insertWidget(0, card);
}

void CheckerPage::clear()
{
    for (VerdictCard* card : cards())
        delete card;
    const QList<QLabel*> labels = findChildren<QLabel*>(QStringLiteral("checkerError"));
    for (QLabel* label : labels)
        delete label;
    m_errors.clear();
}

QList<VerdictCard*> CheckerPage::cards() const
{
    return findChildren<VerdictCard*>();
}

void CheckerPage::addError(const QString& text)
{
    m_errors.append(text);
    auto* label = new QLabel(text, this);
    label->setObjectName(QStringLiteral("checkerError"));
    label->setWordWrap(true);
    // The error red, lightened on a dark palette so it stays readable there too.
    QColor red = resultColor(QStringLiteral("fail"));
    if (palette().color(QPalette::Window).lightness() < 128)
        red = red.lighter(170);
    QPalette colours = label->palette();
    colours.setColor(QPalette::WindowText, red);
    label->setPalette(colours);
    m_cards->insertWidget(0, label);
}

void CheckerPage::pasteMessage()
{
    const QByteArray raw = QApplication::clipboard()->text().toUtf8();
    if (raw.trimmed().isEmpty()) {
        emit status(tr("The clipboard holds no text to check."));
        return;
    }
    checkRaw(raw, tr("Pasted message"));
}

} // namespace authlens::desktop
