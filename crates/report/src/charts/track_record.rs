//! Chart 9. The track record: past growth targets against outcomes.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::*;

/// Chart 9: past annual growth targets against outcomes, on the estimate
/// the simulation uses (filled) and the other estimate (hollow), where the
/// study carries a record of past shortfalls.
pub(super) fn track_record(
    input: &ReportInput,
    w: &Words,
    layout: Layout,
) -> Result<(String, String, Vec<u8>), ReportError> {
    let records = input
        .records
        .ok_or_else(|| ReportError::Inconsistent("no record of past shortfalls".into()))?;
    let used = &records.used.record.years;
    let other = records.other_vintage.as_ref().map(|o| &o.record.years);
    let years: Vec<i32> = used.iter().map(|s| s.year).collect();
    let (first, last) = (
        years.iter().copied().min().unwrap_or(2020),
        years.iter().copied().max().unwrap_or(2024),
    );
    let values = used
        .iter()
        .flat_map(|s| [s.target_pct, s.outcome_pct])
        .chain(other.into_iter().flatten().map(|s| s.outcome_pct));
    let (vlo, vhi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    let (lo, hi) = nice_range(vlo - 1.5, vhi + 1.5);
    let (title, subtitle, caption) = w.track_record(records);
    let png = render(input, layout, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source_data())?;
        let (area, below) = split_legend(area, layout, 3, s);
        let mut keys = Keys::new();
        let mut chart = ChartBuilder::on(&area)
            // On the phone, room for the last tick's or point's label.
            .margin_right(layout.pick(0.0, 44.0) * s)
            .x_label_area_size(44.0 * s)
            .y_label_area_size(70.0 * s)
            .build_cartesian_2d(f64::from(first) - 0.6..f64::from(last) + 0.6, lo..hi)
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .disable_x_mesh()
            .x_labels((last - first + 1) as usize)
            .x_label_formatter(&|x| format!("{}", x.round() as i32))
            .y_label_formatter(&|y| w.num(*y, 1))
            .y_desc(w.axis_grdp_growth_pct())
            .x_desc(w.axis_year())
            .label_style(font(14.0, s))
            .axis_desc_style(font(16.0, s))
            .draw()
            .map_err(err)?;
        // The gap from target to outcome, labelled in percentage points.
        chart
            .draw_series(used.iter().map(|r| {
                PathElement::new(
                    vec![
                        (f64::from(r.year), r.target_pct),
                        (f64::from(r.year), r.outcome_pct),
                    ],
                    GREY.stroke_width((2.0 * s) as u32),
                )
            }))
            .map_err(err)?;
        // Each gap's label sits in its own year's column, under the lower
        // of target and outcome (clear of the dot), so it never meets the
        // next year's target bar, however small the gap.
        let under = 0.04 * (hi - lo);
        chart
            .draw_series(used.iter().map(|r| {
                Text::new(
                    w.signed(r.shortfall_pp),
                    (f64::from(r.year), r.target_pct.min(r.outcome_pct) - under),
                    bold(14.0, s).pos(Pos::new(HPos::Center, VPos::Top)),
                )
            }))
            .map_err(err)?;
        chart
            .draw_series(used.iter().map(|r| {
                PathElement::new(
                    vec![
                        (f64::from(r.year) - 0.3, r.target_pct),
                        (f64::from(r.year) + 0.3, r.target_pct),
                    ],
                    TARGET.stroke_width((4.0 * s) as u32),
                )
            }))
            .map_err(err)?;
        keys.add(w.annual_target(), line_key(TARGET, 4.0, s));
        chart
            .draw_series(used.iter().map(|r| {
                Circle::new(
                    (f64::from(r.year), r.outcome_pct),
                    (7.0 * s) as i32,
                    INK.filled(),
                )
            }))
            .map_err(err)?;
        keys.add(w.vintage_name(records.used.vintage), move |(x, y)| {
            Circle::new((x + (7.0 * s) as i32, y), (6.0 * s) as i32, INK.filled())
        });
        if let Some((other, vintage)) = records
            .other_vintage
            .as_ref()
            .map(|o| (&o.record.years, o.vintage))
        {
            chart
                .draw_series(other.iter().map(|r| {
                    Circle::new(
                        (f64::from(r.year), r.outcome_pct),
                        (7.0 * s) as i32,
                        GREY.stroke_width((2.0 * s) as u32),
                    )
                }))
                .map_err(err)?;
            keys.add(w.vintage_name(vintage), move |(x, y)| {
                Circle::new(
                    (x + (7.0 * s) as i32, y),
                    (6.0 * s) as i32,
                    GREY.stroke_width((2.0 * s) as u32),
                )
            });
        }
        keys.draw(&mut chart, below, SeriesLabelPosition::LowerLeft, s)?;
        Ok(())
    })?;
    Ok((title, caption, png))
}
