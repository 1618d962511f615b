// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QTabWidget;

namespace authlens::desktop {

class DashboardPage;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Window geometry and dock/toolbar layout are kept in QSettings under these keys.
    static constexpr const char* kGeometryKey = "mainWindow/geometry";
    static constexpr const char* kStateKey = "mainWindow/state";

    void saveWindowState() const;
    void restoreWindowState();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void showAbout();

    QTabWidget* m_pages = nullptr;
    DashboardPage* m_dashboard = nullptr;
};

} // namespace authlens::desktop
