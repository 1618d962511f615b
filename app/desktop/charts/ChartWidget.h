// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>

class QPainter;

namespace authlens::desktop {

// One named series of values, one value per category (bars) or per point (lines).
struct ChartSeries
{
    QString name;
    QList<double> values;
    QColor color;
};

// What a chart shows. Bars are stacked per category; lines share the categories as their x axis.
struct ChartData
{
    enum class Kind
    {
        StackedBars,
        Lines,
    };
    Kind kind = Kind::StackedBars;
    QString title;
    QStringList categories;
    QList<ChartSeries> series;
    QString valueAxisTitle;  // e.g. "messages", "% pass"
    double valueMaximum = 0; // 0: from the data
};

// Our one interface to a charting library. Qt Charts is deprecated from Qt 6.10, so every use of it
// stays behind this class (one implementation file); the dashboard and the PDF report only see this.
class ChartWidget : public QWidget
{
    Q_OBJECT
public:
    // The implementation in use (today: Qt Charts).
    static ChartWidget* create(QWidget* parent = nullptr);

    virtual void setData(const ChartData& data) = 0;
    const ChartData& data() const { return m_data; }
    // Draws the chart into `target` as vectors (for the PDF report), independent of the widget's size.
    virtual void render(QPainter& painter, const QRectF& target) = 0;

signals:
    // The analyst clicked the bar or point of `category` in `series`.
    void clicked(const QString& category, const QString& series);

protected:
    using QWidget::QWidget;
    ChartData m_data;
};

// The colours results are drawn in, the same everywhere (dashboard, report).
QColor resultColor(const QString& resultWord);

} // namespace authlens::desktop
