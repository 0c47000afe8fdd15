#pragma once

#include <core/Result.h>
#include <core/WorkCalendar.h>

#include <QDate>

namespace Tongban::Intake {

/// 000 第十七条: the paper originals go out within this many working days of intake.
inline constexpr int kMailingWorkingDays = 1;

/*!
 * The deadline for mailing the paper originals of a case received on
 * \a receivedOn (the China Standard Time date, Core::Clock::today()). Never
 * fails because \a calendar lacks a year: the date is then computed on weekends
 * only and marked provisional (IntakeStore recomputes it when the year
 * arrives). Fails only for an invalid \a receivedOn.
 */
Core::Result<Core::DueDate> mailingDueDate(
    const Core::WorkCalendar &calendar, const QDate &receivedOn);

} // namespace Tongban::Intake
