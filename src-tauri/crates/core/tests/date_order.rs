//! The reading order set for the process reaches every date a sentence or document writes.
//! Its own test binary: the order is process-wide, and no other test may see it changed.

use chrono::NaiveDate;
use groundwork_core::goals::values::{day_order, DayOrder};
use groundwork_core::text::{date, long_date, month_year, said_by, set_date_order, DateOrder};

#[test]
fn dates_follow_the_order_the_app_sets() {
    let d = NaiveDate::from_ymd_opt(2026, 11, 5).unwrap();
    let plain = |s: String| s.replace('\u{a0}', " ");

    set_date_order(DateOrder::MonthDayYear);
    assert_eq!(plain(date(d)), "Nov 5, 2026");
    assert_eq!(long_date(d), "November 5, 2026");
    assert_eq!(plain(said_by("Dana Ruiz", d)), "Dana Ruiz, Nov 5, 2026");
    assert_eq!(month_year(d), "Nov 2026");

    // A pasted "03/04/2026" that nothing else explains is read the way the reader writes dates.
    assert_eq!(day_order(["03/04/2026"]), (DayOrder::MonthFirst, false));

    set_date_order(DateOrder::YearMonthDay);
    assert_eq!(plain(date(d)), "2026 Nov 5");
    assert_eq!(month_year(d), "2026 Nov");

    set_date_order(DateOrder::DayMonthYear);
    assert_eq!(plain(date(d)), "5 Nov 2026");
    assert_eq!(long_date(d), "5 November 2026");
    assert_eq!(day_order(["03/04/2026"]), (DayOrder::DayFirst, false));
}
