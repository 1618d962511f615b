// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/DkimSetupPage.h"

#include "Session.h"
#include "dkimsetup/DnsSettings.h"
#include "dkimsetup/SetupReview.h"
#include "dkimsetup/SetupStates.h"
#include "dns/ResolverFactory.h"
#include "setup/DnsSettingsView.h"
#include "setup/NewKeyDialog.h"
#include "setup/SetupTableModel.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace authlens::desktop {

using dkimsetup::KeyGenerator;
using dkimsetup::PublicationCheck;
using dkimsetup::SetupState;
using dkimsetup::SetupStates;

namespace {

QString latin(const QByteArray& text)
{
    return QString::fromLatin1(text);
}

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString severityText(lint::Severity severity)
{
    switch (severity) {
    case lint::Severity::Error:
        return DkimSetupPage::tr("error");
    case lint::Severity::Warning:
        return DkimSetupPage::tr("warning");
    case lint::Severity::Info:
        break;
    }
    return DkimSetupPage::tr("info");
}

QString findingsHtml(const std::vector<lint::Finding>& findings)
{
    QString html = QStringLiteral("<ul>");
    for (const lint::Finding& f : findings) {
        html += QStringLiteral("<li><b>[%1]</b> %2 <tt>%3</tt><br>%4")
                    .arg(esc(severityText(f.severity)), esc(f.subject), esc(f.id), esc(f.message));
        if (!f.fix.isEmpty())
            html += DkimSetupPage::tr("<br><i>Fix:</i> %1").arg(esc(f.fix));
        if (!f.correctedRecord.isEmpty())
            html += QStringLiteral("<pre>%1</pre>").arg(esc(f.correctedRecord));
        html += QStringLiteral("</li>");
    }
    return html + QStringLiteral("</ul>");
}

// Publication checks ask past the session's cache: the customer may have published a minute ago, and a
// negative answer is cached for up to five minutes (RFC 2308 5).
std::shared_ptr<dns::Resolver> uncached(const std::shared_ptr<dns::Resolver>& resolver)
{
    if (auto caching = std::dynamic_pointer_cast<dns::CachingResolver>(resolver))
        return std::shared_ptr<dns::Resolver>(caching, &caching->upstream());
    return resolver;
}

} // namespace

DkimSetupPage::DkimSetupPage(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new SetupTableModel(this))
{
    setObjectName(QStringLiteral("dkimSetupPage"));
    m_newKey = new QPushButton(tr("New Key…"), this);
    m_newKey->setObjectName(QStringLiteral("newKeyButton"));
    m_newKey->setAccessibleName(tr("Generate a new DKIM key"));
    m_check = new QPushButton(tr("Check Publication"), this);
    m_check->setObjectName(QStringLiteral("checkPublicationButton"));
    m_check->setAccessibleName(tr("Check the publication of the selected selector"));
    m_enable = new QPushButton(tr("Enable"), this);
    m_enable->setObjectName(QStringLiteral("enableButton"));
    m_enable->setAccessibleName(tr("Enable DKIM signing with the selected selector"));
    m_disable = new QPushButton(tr("Disable…"), this);
    m_disable->setObjectName(QStringLiteral("disableButton"));
    m_disable->setAccessibleName(tr("Disable DKIM signing with the selected selector"));
    m_retire = new QPushButton(tr("Retire…"), this);
    m_retire->setObjectName(QStringLiteral("retireButton"));
    m_retire->setAccessibleName(tr("Retire the selected selector"));
    m_extraServers = new QLineEdit(this);
    m_extraServers->setObjectName(QStringLiteral("extraServers"));
    m_extraServers->setAccessibleName(tr("Extra DNS servers to ask"));
    m_extraServers->setPlaceholderText(tr("Also ask these DNS servers, e.g. 8.8.8.8, 1.1.1.1"));
    m_extraServers->setToolTip(tr("The check asks the current DNS setting and each of these servers, to see "
                                  "whether the record has propagated."));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("setupMessage"));
    m_message->setAccessibleName(tr("Last outcome"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setTextFormat(Qt::PlainText);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("setupTable"));
    m_view->setAccessibleName(tr("DKIM setup list"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);

    m_dns = new DnsSettingsView(this);
    m_checkResult = new QTextBrowser(this);
    m_checkResult->setObjectName(QStringLiteral("checkResult"));
    m_checkResult->setAccessibleName(tr("Publication check result"));
    m_reviewView = new QTextBrowser(this);
    m_reviewView->setObjectName(QStringLiteral("setupReview"));
    m_reviewView->setAccessibleName(tr("Setup review findings"));
    m_details = new QTabWidget(this);
    m_details->setObjectName(QStringLiteral("setupDetails"));
    m_details->setUsesScrollButtons(false);
    m_details->addTab(m_dns, tr("DNS Settings"));
    m_details->addTab(m_checkResult, tr("Publication Check"));
    m_details->addTab(m_reviewView, tr("Review"));

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_newKey, m_check, m_enable, m_disable, m_retire})
        buttons->addWidget(b);
    buttons->addWidget(m_extraServers, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_newKey, &QPushButton::clicked, this, &DkimSetupPage::newKeyDialog);
    connect(m_check, &QPushButton::clicked, this, [this] {
        if (checkSelected())
            m_details->setCurrentWidget(m_checkResult);
    });
    connect(m_enable, &QPushButton::clicked, this, [this] { warnIfRefused(enableSelected(), tr("Enable")); });
    connect(m_disable, &QPushButton::clicked, this, &DkimSetupPage::askAndDisable);
    connect(m_retire, &QPushButton::clicked, this, &DkimSetupPage::askAndRetire);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showCurrent();
        updateButtons();
    });
    connect(m_dns, &DnsSettingsView::copied, this, [this](const dkimsetup::DnsSettings& settings) {
        markHandedOver(settings.domain, settings.selector);
    });
    connect(&m_watcher, &QFutureWatcher<PublicationCheck::Report>::finished, this, &DkimSetupPage::checkDone);
    connect(session, &Session::databaseChanged, this, [this] {
        m_lastReport.reset();
        m_model->setDatabase(m_session->database());
        reload();
    });
    connect(session, &Session::dataChanged, this, &DkimSetupPage::reload);
    m_model->setDatabase(session->database());
    reload();
    showCurrent();
}

DkimSetupPage::~DkimSetupPage()
{
    // The check holds only its own copies and shared resolvers, but its result must not arrive at a page
    // that is gone.
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

void DkimSetupPage::reload()
{
    const SetupTableModel::Row* row = m_model->row(m_view->currentIndex());
    const QByteArray domain = row ? row->domain() : QByteArray();
    const QByteArray selector = row ? row->selector() : QByteArray();
    m_model->reload();
    if (!domain.isEmpty())
        select(domain, selector);
    showReview();
    showCurrent();
    updateButtons();
}

bool DkimSetupPage::select(const QByteArray& domain, const QByteArray& selector)
{
    const int row = m_model->rowOf(domain, selector);
    if (row < 0)
        return false;
    m_view->selectionModel()->setCurrentIndex(m_model->index(row, 0), QItemSelectionModel::ClearAndSelect |
                                                                          QItemSelectionModel::Rows);
    return true;
}

void DkimSetupPage::updateButtons()
{
    const SetupTableModel::Row* row = m_model->row(m_view->currentIndex());
    const bool db = m_session->database() != nullptr;
    const auto state = row && row->entry ? std::optional(row->entry->state) : std::nullopt;
    m_newKey->setEnabled(db);
    m_check->setEnabled(db && state && !m_watcher.isRunning());
    m_enable->setEnabled(db && (state == SetupState::PublishedMatching || state == SetupState::Disabled));
    m_disable->setEnabled(db && state == SetupState::Enabled);
    m_retire->setEnabled(db && state && state != SetupState::Retired);
}

void DkimSetupPage::showCurrent()
{
    const SetupTableModel::Row* row = m_model->row(m_view->currentIndex());
    if (!row || !row->entry) {
        m_dns->clear();
        if (!m_watcher.isRunning() && !m_lastReport)
            m_checkResult->setHtml(tr("<p>Select a selector from the list and press <b>Check Publication</b> "
                                      "once the customer has published the record.</p>"));
        return;
    }
    const dkimsetup::SetupEntry& e = *row->entry;
    m_dns->showSettings(
        dkimsetup::DnsSettings::forKey(e.domain, e.selector, e.keyType, QByteArray::fromBase64(e.publicKey)));
    if (m_watcher.isRunning())
        return;
    if (m_lastReport && m_lastReport->domain == e.domain && m_lastReport->selector == e.selector) {
        showReport(*m_lastReport);
    } else if (e.lastCheck) {
        const QString last =
            m_model->index(m_view->currentIndex().row(), SetupTableModel::LastCheckColumn).data().toString();
        m_checkResult->setHtml(
            tr("<p>Last check: <b>%1</b></p><p>%2</p><p>Press <b>Check Publication</b> for "
               "the details.</p>")
                .arg(esc(last), esc(e.lastCheckReason)));
    } else {
        m_checkResult->setHtml(tr("<p>%1 of %2 has not been checked yet.</p>")
                                   .arg(esc(latin(e.selector)), esc(latin(e.domain))));
    }
}

void DkimSetupPage::showMessage(const QString& text, bool refusal)
{
    m_message->setText(text);
    if (!refusal)
        emit status(text);
}

QString DkimSetupPage::message() const
{
    return m_message->text();
}

QString DkimSetupPage::checkResultText() const
{
    return m_checkResult->toPlainText();
}

void DkimSetupPage::setExtraServers(const QString& servers)
{
    m_extraServers->setText(servers);
}

KeyGenerator::Result DkimSetupPage::generate(const QByteArray& domain, const QByteArray& selector,
                                             dkimsetup::KeyKind kind, const QString& outputDirectory)
{
    KeyGenerator::Result result;
    store::Database* db = m_session->database();
    if (!db) {
        result.error = tr("No database is open.");
        showMessage(result.error, true);
        return result;
    }
    // Refuse a listed selector before a key file is written that could never be used.
    const KeyGenerator::DomainCheck normalized = KeyGenerator::normalizedDomain(domain);
    if (normalized.error.isEmpty()) {
        if (const auto existing = SetupStates(*db).find(normalized.domain, selector.trimmed().toLower())) {
            result.error = tr("%1 is already listed for %2 (%3); a new key needs a new selector.")
                               .arg(latin(existing->selector), latin(existing->domain),
                                    SetupTableModel::stateText(existing->state));
            showMessage(result.error, true);
            return result;
        }
    }
    KeyGenerator::Request request;
    request.domain = domain.trimmed();
    request.selector = selector.trimmed();
    request.kind = kind;
    request.outputDirectory = outputDirectory;
    result = KeyGenerator::generate(request);
    if (!result.ok()) {
        showMessage(result.error, true);
        return result;
    }
    const SetupStates::Change change =
        SetupStates(*db).add(result.domain, result.selector, result.publicKey, result.privateKeyPath);
    if (!change.ok()) {
        result.error = tr("%1 (the private key was written to %2)").arg(change.error, result.privateKeyPath);
        showMessage(result.error, true);
        return result;
    }
    reload();
    select(result.domain, result.selector);
    m_details->setCurrentWidget(m_dns);
    showMessage(tr("Key generated for %1 of %2; the private key is in %3. Hand the DNS settings to the "
                   "customer, then check the publication.")
                    .arg(latin(result.selector), latin(result.domain), result.privateKeyPath),
                false);
    return result;
}

void DkimSetupPage::markHandedOver(const QByteArray& domain, const QByteArray& selector)
{
    store::Database* db = m_session->database();
    const int row = m_model->rowOf(domain, selector);
    const SetupTableModel::Row* r = m_model->row(row);
    if (!db || !r || !r->entry || r->entry->state != SetupState::Generated)
        return;
    // Copying the settings is handing them over: the selector now waits for the customer's DNS.
    if (SetupStates(*db).markWaitingForDns(domain, selector).ok())
        reload();
}

bool DkimSetupPage::checkSelected()
{
    const SetupTableModel::Row* row = m_model->row(m_view->currentIndex());
    store::Database* db = m_session->database();
    if (!db || !row || !row->entry) {
        showMessage(tr("Select a selector from the setup list first."), true);
        return false;
    }
    if (m_watcher.isRunning()) {
        showMessage(tr("A publication check is already running."), true);
        return false;
    }
    if (!m_session->resolver()) {
        showMessage(tr("No DNS resolver is set up; choose one in the Settings menu."), true);
        return false;
    }
    std::vector<PublicationCheck::ResolverProbe> probes;
    probes.push_back({m_session->resolverDescription(), uncached(m_session->resolver())});
    const QStringList servers =
        m_extraServers->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString& server : servers) {
        dns::ResolverRequest request;
        request.dnsServer = server;
        const dns::ResolverFactory::Result made = dns::ResolverFactory::create(request);
        if (!made.ok()) {
            showMessage(tr("DNS server %1: %2").arg(server, made.error), true);
            return false;
        }
        probes.push_back({made.description, uncached(made.resolver)});
    }
    const dkimsetup::SetupEntry& e = *row->entry;
    m_job = CheckJob{e.domain, e.selector, db};
    m_lastReport.reset();
    m_checkResult->setHtml(tr("<p>Checking %1 through %n resolver(s)…</p>", nullptr, int(probes.size()))
                               .arg(esc(latin(e.selector + "._domainkey." + e.domain))));
    showMessage(tr("Checking the publication of %1 of %2…").arg(latin(e.selector), latin(e.domain)), false);
    m_watcher.setFuture(QtConcurrent::run(
        [domain = e.domain, selector = e.selector, path = e.privateKeyPath, probes = std::move(probes)] {
            return PublicationCheck::checkKeyFile(domain, selector, path, probes);
        }));
    updateButtons();
    return true;
}

void DkimSetupPage::checkDone()
{
    const PublicationCheck::Report report = m_watcher.result();
    m_lastReport = report;
    store::Database* db = m_session->database();
    QString note;
    // The database may have been switched while the check ran: then the result belongs to no row here.
    if (db && db == m_job.database) {
        const SetupStates::Change change =
            SetupStates(*db).recordCheck(m_job.domain, m_job.selector, report.state, report.reason);
        if (!change.ok())
            note = change.error;
    }
    reload();
    select(m_job.domain, m_job.selector);
    showReport(report);
    showMessage(note.isEmpty() ? tr("%1 of %2: %3")
                                     .arg(latin(report.selector), latin(report.domain),
                                          SetupTableModel::publicationText(report.state))
                               : note,
                !note.isEmpty());
    emit checkFinished(dkimsetup::publicationStateName(report.state));
}

void DkimSetupPage::showReport(const PublicationCheck::Report& report)
{
    QString html = tr("<h3>%1: %2</h3><p>%3</p>")
                       .arg(esc(latin(report.name)), esc(SetupTableModel::publicationText(report.state)),
                            esc(report.reason));
    if (!report.expectedFingerprint.isEmpty())
        html += tr("<p>Private key fingerprint: <tt>%1</tt></p>").arg(esc(latin(report.expectedFingerprint)));
    html += tr("<h4>Per resolver</h4>");
    for (const PublicationCheck::ResolverOutcome& o : report.resolvers) {
        html += tr("<p><b>%1</b>: %2 (lookup %3)<br>%4")
                    .arg(esc(o.label), esc(SetupTableModel::publicationText(o.state)),
                         esc(dns::statusName(o.lookupStatus)), esc(o.reason));
        if (!o.cnameChain.isEmpty())
            html += tr("<br>Via CNAME: <tt>%1</tt>").arg(esc(latin(o.cnameChain.join(" -> "))));
        if (!o.record.isEmpty())
            html += tr("<br>Record: <tt>%1</tt>").arg(esc(latin(o.record)));
        if (!o.publishedFingerprint.isEmpty())
            html += tr("<br>Published key fingerprint: <tt>%1</tt>").arg(esc(latin(o.publishedFingerprint)));
        if (!o.testSignatureReason.isEmpty())
            html += (o.testSignatureVerified ? tr("<br>Proof by signature: a test message signed with the "
                                                  "private key verified (%1).")
                                             : tr("<br>Proof by signature: the test message signed with the "
                                                  "private key did not verify (%1)."))
                        .arg(esc(o.testSignatureReason));
        html += QStringLiteral("</p>");
    }
    if (!report.findings.empty())
        html += tr("<h4>Findings on the record</h4>") + findingsHtml(report.findings);
    m_checkResult->setHtml(html);
}

void DkimSetupPage::showReview()
{
    m_review = dkimsetup::SetupReview::review(m_model->entries(), m_model->signing());
    if (m_review.empty()) {
        m_reviewView->setHtml(m_model->rowCount() == 0
                                  ? tr("<p>No DKIM keys are set up yet. Press <b>New Key…</b> to generate "
                                       "the first one.</p>")
                                  : tr("<p>Nothing to review: the setup list agrees with the imported "
                                       "mail.</p>"));
        m_details->setTabText(m_details->indexOf(m_reviewView), tr("Review"));
        return;
    }
    m_reviewView->setHtml(findingsHtml(m_review));
    m_details->setTabText(m_details->indexOf(m_reviewView), tr("Review (%1)").arg(m_review.size()));
}

bool DkimSetupPage::changeSelected(
    const std::function<SetupStates::Change(SetupStates&, const dkimsetup::SetupEntry&)>& change,
    const std::function<QString(const dkimsetup::SetupEntry&)>& done)
{
    const SetupTableModel::Row* row = m_model->row(m_view->currentIndex());
    store::Database* db = m_session->database();
    if (!db || !row || !row->entry) {
        showMessage(tr("Select a selector from the setup list first."), true);
        return false;
    }
    const dkimsetup::SetupEntry e = *row->entry;
    SetupStates states(*db);
    const SetupStates::Change result = change(states, e);
    if (!result.ok()) {
        showMessage(result.error, true);
        return false;
    }
    reload();
    showMessage(done(e), false);
    return true;
}

bool DkimSetupPage::enableSelected()
{
    return changeSelected(
        [](SetupStates& s, const dkimsetup::SetupEntry& e) { return s.enable(e.domain, e.selector); },
        [](const dkimsetup::SetupEntry& e) {
            return tr("%1 of %2 is enabled: mail for %2 is signed with it.")
                .arg(latin(e.selector), latin(e.domain));
        });
}

bool DkimSetupPage::disableSelected(const QString& reason)
{
    return changeSelected(
        [&reason](SetupStates& s, const dkimsetup::SetupEntry& e) {
            return s.disable(e.domain, e.selector, reason);
        },
        [](const dkimsetup::SetupEntry& e) {
            return tr("%1 of %2 is disabled.").arg(latin(e.selector), latin(e.domain));
        });
}

bool DkimSetupPage::retireSelected(bool force)
{
    return changeSelected(
        [force](SetupStates& s, const dkimsetup::SetupEntry& e) {
            return s.retire(e.domain, e.selector, force);
        },
        [](const dkimsetup::SetupEntry& e) {
            return tr("%1 of %2 is retired; its record can be removed once mail signed with it has been "
                      "delivered.")
                .arg(latin(e.selector), latin(e.domain));
        });
}

void DkimSetupPage::warnIfRefused(bool ok, const QString& title)
{
    if (!ok)
        QMessageBox::warning(this, title, message());
}

void DkimSetupPage::newKeyDialog()
{
    NewKeyDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    QStringList errors;
    for (const KeyGenerator::Request& request : dialog.requests()) {
        const KeyGenerator::Result result =
            generate(request.domain, request.selector, request.kind, request.outputDirectory);
        if (!result.ok())
            errors << result.error;
    }
    QApplication::restoreOverrideCursor();
    if (!errors.isEmpty())
        QMessageBox::warning(this, tr("New DKIM Key"), errors.join(QLatin1Char('\n')));
}

void DkimSetupPage::askAndDisable()
{
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Disable DKIM Signing"), tr("Why is signing with this selector switched off? (optional)"),
        QLineEdit::Normal, QString(), &ok);
    if (ok)
        warnIfRefused(disableSelected(reason.trimmed()), tr("Disable"));
}

void DkimSetupPage::askAndRetire()
{
    const SetupTableModel::Row* row = m_model->row(m_view->currentIndex());
    if (!row || !row->entry)
        return;
    const bool enabled = row->entry->state == SetupState::Enabled;
    if (QMessageBox::question(this, tr("Retire Selector"),
                              tr("Retire %1 of %2? A retired selector is never signed with again.")
                                  .arg(latin(row->entry->selector), latin(row->entry->domain))) !=
        QMessageBox::Yes)
        return;
    if (retireSelected(false))
        return;
    if (!enabled) {
        QMessageBox::warning(this, tr("Retire Selector"), message());
        return;
    }
    // The only enabled selector of its domain: say why plainly and let the analyst insist.
    QMessageBox box(QMessageBox::Warning, tr("Retire Selector"), message(), QMessageBox::Cancel, this);
    QPushButton* force = box.addButton(tr("Retire Anyway"), QMessageBox::DestructiveRole);
    box.exec();
    if (box.clickedButton() == force)
        warnIfRefused(retireSelected(true), tr("Retire Selector"));
}

} // namespace authlens::desktop
