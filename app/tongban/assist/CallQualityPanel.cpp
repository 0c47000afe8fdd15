#include "CallQualityPanel.h"

#include "CallTr.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Tongban::Gui {

CallQualityPanel::CallQualityPanel(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12); // as the call screen's own rows
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("qualityNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setProperty("problem", true);
    m_notice->setVisible(false);
    layout->addWidget(m_notice);
    m_figures = new QLabel(this);
    m_figures->setObjectName(QStringLiteral("callQuality"));
    m_figures->setTextFormat(Qt::PlainText);
    m_figures->setVisible(false);
    layout->addWidget(m_figures);
    setVisible(false);
}

void CallQualityPanel::showReport(const Assist::QualityReport &report)
{
    // A figure not measured yet (the rates before the call's first second, the loss before
    // two receiver reports) is a dash, never a 0 that would say nothing gets through.
    const auto figure = [](double value, int decimals) {
        return value >= 0 ? QString::number(value, 'f', decimals) : QStringLiteral("—");
    };
    m_figures->setText(CallTr::tr("Round trip %1 ms · loss %2 % · sending %3 kbit/s · receiving %4 "
                                  "kbit/s · %5 frames/s")
                           .arg(figure(report.roundTripMs, 0), figure(report.lossPercent, 1),
                               figure(report.sendKbps, 0), figure(report.receiveKbps, 0),
                               figure(report.framesPerSecond, 0)));
    const bool measuring
        = report.sendKbps < 0 || report.receiveKbps < 0 || report.framesPerSecond < 0;
    const QString note = measuring
        ? CallTr::tr("Measuring: the call's figures come after its first second.")
        : QString();
    m_figures->setToolTip(note);
    m_figures->setAccessibleDescription(note);
    m_figures->setVisible(true);
    updateVisibility();
}

void CallQualityPanel::showLevel(Assist::VideoLevel level, Assist::VideoLevel ceiling)
{
    if (level == Assist::VideoLevel::AudioOnly)
        m_notice->setText(CallTr::tr("The network is very poor: your picture is paused and only "
                                     "the sound goes through. It comes back by itself."));
    else if (level < ceiling)
        m_notice->setText(CallTr::tr("The network is poor: your picture is sent at a lower "
                                     "quality."));
    m_notice->setVisible(level < ceiling);
    updateVisibility();
}

void CallQualityPanel::reset()
{
    m_figures->setVisible(false);
    m_notice->setVisible(false);
    updateVisibility();
}

void CallQualityPanel::updateVisibility()
{
    // Hidden whole when empty: the screen's layout keeps no gap for it.
    setVisible(!m_figures->isHidden() || !m_notice->isHidden());
}

} // namespace Tongban::Gui
