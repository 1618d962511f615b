// SPDX-License-Identifier: GPL-3.0-or-later
#include "messages/MessagesPage.h"

#include "Session.h"
#include "messages/MessageTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace authlens::desktop {

MessagesPage::MessagesPage(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new MessageTableModel(this))
{
    setObjectName(QStringLiteral("messagesPage"));
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("messageFilter"));
    m_text->setPlaceholderText(tr("Filter by From or subject"));
    m_text->setClearButtonEnabled(true);
    m_text->setAccessibleName(tr("Message filter"));
    m_scope = new QLabel(this);
    m_scope->setObjectName(QStringLiteral("messageCount"));
    auto* clear = new QPushButton(tr("Show all"), this);
    clear->setObjectName(QStringLiteral("showAllMessages"));
    clear->setAccessibleName(tr("Show all messages"));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("messageTable"));
    m_model->setAsyncPages(true); // a large list never makes a frame wait for the disk
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(MessageTableModel::DateColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Uniform row heights: the view never measures rows it does not show (a million rows stay cheap).
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(MessageTableModel::SubjectColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(MessageTableModel::DateColumn, 150);
    m_view->setColumnWidth(MessageTableModel::FromColumn, 240);
    // Room for two signatures' d=/s= and results, and for "N (worst: warning)".
    m_view->setColumnWidth(MessageTableModel::DkimColumn, 300);
    m_view->setColumnWidth(MessageTableModel::SpfColumn, 80);
    m_view->setColumnWidth(MessageTableModel::DmarcColumn, 80);
    m_view->setColumnWidth(MessageTableModel::FindingsColumn, 150);
    m_view->setAccessibleName(tr("Messages"));
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setAccessibleName(tr("Message columns"));
    m_defaultLayout = header->saveState();

    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);

    auto* top = new QHBoxLayout;
    top->addWidget(m_text, 1);
    top->addWidget(m_scope);
    top->addWidget(clear);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_text, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, &MessagesPage::applyText);
    connect(clear, &QPushButton::clicked, this, [this] {
        m_text->clear();
        setFilter({});
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (const qint64 id = m_model->messageId(index.row()))
            emit openMessage(id);
    });
    connect(session, &Session::databaseChanged, this,
            [this] { m_model->setDatabase(m_session->database()); });
    connect(session, &Session::dataChanged, m_model, &MessageTableModel::reload);
    // The count follows every reload (a database opened or imported into), not only filter changes.
    connect(m_model, &QAbstractItemModel::modelReset, this, &MessagesPage::describeFilter);
    m_model->setDatabase(session->database());
    restoreColumnLayout();
    describeFilter();

    // Save the layout a moment after the analyst stops dragging, not on every pixel of a resize.
    m_layoutChanged = new QTimer(this);
    m_layoutChanged->setSingleShot(true);
    m_layoutChanged->setInterval(400);
    connect(m_layoutChanged, &QTimer::timeout, this, &MessagesPage::saveColumnLayout);
    const auto changed = [this] { m_layoutChanged->start(); };
    connect(header, &QHeaderView::sectionMoved, this, changed);
    connect(header, &QHeaderView::sectionResized, this, changed);
    connect(header, &QHeaderView::sortIndicatorChanged, this, changed);
    connect(header, &QHeaderView::customContextMenuRequested, this, &MessagesPage::showHeaderMenu);
}

MessagesPage::~MessagesPage()
{
    if (m_layoutChanged->isActive())
        saveColumnLayout();
}

void MessagesPage::focusFilter()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

void MessagesPage::saveColumnLayout() const
{
    m_layoutChanged->stop();
    QSettings().setValue(QLatin1String(kColumnsKey), m_view->horizontalHeader()->saveState());
}

bool MessagesPage::restoreColumnLayout()
{
    QHeaderView* header = m_view->horizontalHeader();
    const QByteArray state = QSettings().value(QLatin1String(kColumnsKey)).toByteArray();
    // restoreState() refuses a state of another column count (an older version's), keeping the default.
    if (state.isEmpty() || !header->restoreState(state))
        return false;
    // At least one column stays visible whatever a hand-edited state says.
    if (header->hiddenSectionCount() >= header->count())
        header->showSection(MessageTableModel::DateColumn);
    // The restored sort indicator orders the rows too.
    m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    return true;
}

void MessagesPage::resetColumnLayout()
{
    QHeaderView* header = m_view->horizontalHeader();
    header->restoreState(m_defaultLayout);
    for (int i = 0; i < header->count(); ++i)
        header->showSection(i);
    m_view->sortByColumn(MessageTableModel::DateColumn, Qt::DescendingOrder);
    saveColumnLayout();
}

void MessagesPage::showHeaderMenu(const QPoint& position)
{
    QHeaderView* header = m_view->horizontalHeader();
    QMenu menu(this);
    for (int column = 0; column < m_model->columnCount(); ++column) {
        QAction* action = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The last visible column cannot be hidden: the header (and this menu) would go with it.
        action->setEnabled(header->isSectionHidden(column) ||
                           header->hiddenSectionCount() < header->count() - 1);
        connect(action, &QAction::toggled, this, [this, header, column](bool visible) {
            header->setSectionHidden(column, !visible);
            saveColumnLayout();
        });
    }
    menu.addSeparator();
    connect(menu.addAction(tr("Reset Columns")), &QAction::triggered, this, &MessagesPage::resetColumnLayout);
    menu.exec(header->viewport()->mapToGlobal(position));
}

void MessagesPage::setFilter(const store::MessageFilter& filter)
{
    m_filter = filter;
    m_filter.text = m_text->text().trimmed();
    m_model->setFilter(m_filter);
    describeFilter();
}

void MessagesPage::applyText()
{
    setFilter(m_filter);
}

void MessagesPage::describeFilter()
{
    QStringList parts;
    if (!m_filter.domain.isEmpty())
        parts << m_filter.domain;
    if (!m_filter.bouncesFor.isEmpty())
        parts << tr("bounces of mail from %1").arg(m_filter.bouncesFor);
    if (!m_filter.selector.isEmpty())
        parts << tr("selector %1").arg(m_filter.selector);
    if (!m_filter.dkimResult.isEmpty())
        parts << tr("DKIM %1").arg(m_filter.dkimResult);
    if (!m_filter.spfResult.isEmpty())
        parts << tr("SPF %1").arg(m_filter.spfResult);
    if (!m_filter.dmarcResult.isEmpty())
        parts << tr("DMARC %1").arg(m_filter.dmarcResult);
    if (m_filter.from.isValid())
        parts << tr("from %1").arg(m_filter.from.date().toString(Qt::ISODate));
    if (m_filter.to.isValid())
        parts << tr("before %1").arg(m_filter.to.date().toString(Qt::ISODate));
    m_scope->setText(
        tr("%n message(s)", nullptr, m_model->rowCount()) +
        (parts.isEmpty() ? QString() : QStringLiteral(" · ") + parts.join(QStringLiteral(", "))));
}

} // namespace authlens::desktop
