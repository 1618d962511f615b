// SPDX-License-Identifier: GPL-3.0-or-later
// The only file that uses Qt Charts (see ChartWidget.h).
#include "charts/ChartWidget.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QPainter>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace authlens::desktop {

namespace {

template <typename T> QList<T> reversed(const QList<T>& list)
{
    return QList<T>(list.crbegin(), list.crend());
}

class QtChartsWidget final : public ChartWidget
{
public:
    explicit QtChartsWidget(QWidget* parent)
        : ChartWidget(parent)
        , m_view(new QChartView(this))
    {
        m_view->setRenderHint(QPainter::Antialiasing);
        m_view->setMinimumHeight(180);
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_view);
        setData({});
    }

    void setData(const ChartData& data) override
    {
        m_data = data;
        auto* chart = new QChart;
        chart->setTitle(data.title);
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->setBackgroundVisible(false);
        const QColor text = palette().color(QPalette::WindowText);
        chart->setTitleBrush(text);
        chart->legend()->setLabelColor(text);

        // Bars run horizontally so the categories (domain names, selectors) get the chart's width for
        // their labels instead of being elided under narrow columns; lines keep time on the x axis.
        const bool horizontal = data.kind == ChartData::Kind::StackedBars;
        auto* xAxis = new QBarCategoryAxis;
        xAxis->append(horizontal ? reversed(data.categories) : data.categories);
        xAxis->setLabelsColor(text);
        if (horizontal && data.categories.size() > 6) {
            // Qt Charts elides a label taller than its band: smaller type for many categories.
            QFont small = xAxis->labelsFont();
            small.setPixelSize(data.categories.size() > 10 ? 8 : 10);
            xAxis->setLabelsFont(small);
        }
        auto* yAxis = new QValueAxis;
        yAxis->setTitleText(data.valueAxisTitle);
        yAxis->setLabelsColor(text);
        yAxis->setTitleBrush(text);
        yAxis->setLabelFormat(QStringLiteral("%.0f"));
        chart->addAxis(xAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
        chart->addAxis(yAxis, horizontal ? Qt::AlignBottom : Qt::AlignLeft);

        double maximum = 0;
        if (data.kind == ChartData::Kind::StackedBars) {
            // The first category on top: Qt draws index 0 at the bottom of a vertical category axis.
            auto* bars = new QHorizontalStackedBarSeries;
            QList<double> totals(data.categories.size(), 0.0);
            for (const ChartSeries& s : data.series) {
                auto* set = new QBarSet(s.name);
                set->append(reversed(s.values));
                if (s.color.isValid())
                    set->setColor(s.color);
                bars->append(set);
                for (qsizetype i = 0; i < s.values.size() && i < totals.size(); ++i)
                    totals[i] += s.values[i];
            }
            maximum = totals.isEmpty() ? 0 : *std::max_element(totals.cbegin(), totals.cend());
            chart->addSeries(bars);
            bars->attachAxis(xAxis);
            bars->attachAxis(yAxis);
            connect(bars, &QHorizontalStackedBarSeries::clicked, this, [this](int index, QBarSet* set) {
                const int category = int(m_data.categories.size()) - 1 - index;
                if (category >= 0 && category < m_data.categories.size())
                    emit clicked(m_data.categories.at(category), set->label());
            });
        } else {
            // Lines over a category axis: x is the category index, centred on its tick.
            for (const ChartSeries& s : data.series) {
                auto* line = new QLineSeries;
                line->setName(s.name);
                line->setPointsVisible(true);
                for (qsizetype i = 0; i < s.values.size(); ++i) {
                    line->append(double(i), s.values[i]);
                    maximum = std::max(maximum, s.values[i]);
                }
                if (s.color.isValid())
                    line->setColor(s.color);
                chart->addSeries(line);
                line->attachAxis(xAxis);
                line->attachAxis(yAxis);
                connect(line, &QLineSeries::clicked, this, [this, name = s.name](const QPointF& point) {
                    const int index = qRound(point.x());
                    if (index >= 0 && index < m_data.categories.size())
                        emit clicked(m_data.categories.at(index), name);
                });
            }
        }
        yAxis->setRange(0, data.valueMaximum > 0 ? data.valueMaximum : std::max(1.0, maximum * 1.05));

        QChart* old = m_view->chart();
        m_view->setChart(chart);
        delete old;
    }

    void render(QPainter& painter, const QRectF& target) override
    {
        // Lay the chart out at the target's size in its own scene, so the PDF does not depend on the
        // widget's current size, then draw the scene (vector primitives on a PDF painter).
        QChart* chart = m_view->chart();
        const QSizeF before = chart->size();
        QGraphicsScene* scene = chart->scene();
        chart->resize(target.size());
        scene->render(&painter, target, QRectF(QPointF(0, 0), target.size()));
        chart->resize(before);
    }

private:
    QChartView* m_view;
};

} // namespace

ChartWidget* ChartWidget::create(QWidget* parent)
{
    return new QtChartsWidget(parent);
}

QColor resultColor(const QString& resultWord)
{
    const QString w = resultWord.toLower();
    if (w == QLatin1String("pass"))
        return QColor(0x2e, 0x7d, 0x32);
    if (w == QLatin1String("fail"))
        return QColor(0xc6, 0x28, 0x28);
    if (w == QLatin1String("softfail") || w == QLatin1String("policy"))
        return QColor(0xef, 0x6c, 0x00);
    if (w == QLatin1String("temperror"))
        return QColor(0x8e, 0x24, 0xaa);
    if (w == QLatin1String("permerror"))
        return QColor(0x6d, 0x4c, 0x41);
    if (w == QLatin1String("neutral"))
        return QColor(0x78, 0x90, 0x9c);
    return QColor(0xb0, 0xbe, 0xc5); // none and anything else
}

} // namespace authlens::desktop
