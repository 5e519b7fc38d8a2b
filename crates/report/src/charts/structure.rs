//! Chart 2. Structure at current prices.

use plotters::prelude::*;

use super::*;

/// Logical pixels under the plot for the component names wrapped under
/// their bars (three lines; before the legend on the phone).
const PHONE_GAP: f64 = 58.0;

/// Logical pixels a row of the panel of gaps takes on the phone.
const PHONE_ROW: f64 = 26.0;

/// A projected share against its target range.
struct Gap {
    /// The component's index.
    component: usize,
    /// The projection's series (1 for the first target year), for its colour.
    series: usize,
    /// The target's year.
    year: i32,
    /// Projection less the nearer bound, percentage points: 0 inside the range.
    pp: f64,
    /// Whether the target has a lower and an upper bound (a one-sided
    /// target is met, not "within a range").
    bounds: (bool, bool),
}

/// How far `v` lies outside `[lo, hi]`: `v − hi` above it, `v − lo` below
/// it, 0 inside (all in the same unit, here percent of GRDP, so the result
/// is in percentage points).
fn outside_pp(v: f64, lo: f64, hi: f64) -> f64 {
    if v > hi {
        v - hi
    } else if v < lo {
        v - lo
    } else {
        0.0
    }
}

/// The panel beside (or, on the phone, under) the bars: each projected share
/// less its target range in percentage points, grouped by sector, so that
/// gaps of a few tenths of a point, invisible on a 0-60 % scale, show.
fn gap_panel(
    root: &Area,
    area: &Area,
    gaps: &[Gap],
    years: usize,
    w: &Words,
    layout: Layout,
    s: f64,
) -> Result<(), ReportError> {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    let (aw, _) = area.dim_in_pixel();
    let heading_style = bold(layout.pick(15.0, 13.0), s);
    let lines = wrap(
        root,
        &w.structure_gap_heading(),
        &heading_style,
        aw.saturating_sub((8.0 * s) as u32),
    )?;
    let line_h = (layout.pick(19.0, 17.0) * s) as i32;
    for (n, l) in lines.iter().enumerate() {
        area.draw_text(
            l,
            &heading_style,
            ((8.0 * s) as i32, (6.0 * s) as i32 + n as i32 * line_h),
        )
        .map_err(err)?;
    }
    let top = (12.0 * s) as u32 + line_h as u32 * lines.len() as u32;
    let area = area.margin(top, 0, 0, (layout.pick(24.0, 4.0) * s) as u32);
    // Rows top down: a sector's name, then one row a target year.
    enum Row<'g> {
        Sector(usize),
        Year(&'g Gap),
    }
    let mut rows = Vec::new();
    for g in gaps {
        if !matches!(rows.last(), Some(Row::Year(p)) if p.component == g.component) {
            rows.push(Row::Sector(g.component));
        }
        rows.push(Row::Year(g));
    }
    let n = rows.len();
    // At most a comfortable row height: a few rows stay together at the top.
    let axis = layout.pick(40.0, 36.0);
    let (_, ah) = area.dim_in_pixel();
    let want = ((n as f64 * layout.pick(40.0, PHONE_ROW) + axis) * s) as u32;
    let area = if ah > want {
        area.split_vertically(want).0
    } else {
        area
    };
    let widest = gaps.iter().map(|g| g.pp.abs()).fold(0.0, f64::max);
    // Room on both sides for the labels at the bars' ends.
    // At least ±0.5 pp, so that a gap of a few hundredths looks like one.
    let lim = if widest > 0.0 {
        nice_range(0.0, widest * 1.45).1.max(0.5)
    } else {
        1.0
    };
    let mut chart = ChartBuilder::on(&area)
        .x_label_area_size(axis * s)
        .y_label_area_size(layout.pick(48.0, 44.0) * s)
        .build_cartesian_2d(-lim..lim, -0.5..(n as f64 - 0.5))
        .map_err(err)?;
    chart
        .configure_mesh()
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(5)
        .x_label_formatter(&|x| {
            let decimals = if lim >= 2.0 { 0 } else { 1 };
            let v = w.num(*x, decimals);
            if *x > 1e-9 {
                format!("+{v}")
            } else if *x < -1e-9 {
                v
            } else {
                "0".into()
            }
        })
        .x_desc(w.axis_pp())
        .label_style(font(layout.pick(13.0, 12.0), s))
        .axis_desc_style(font(layout.pick(14.0, 12.0), s))
        .draw()
        .map_err(err)?;
    let y_of = |i: usize| (n - 1 - i) as f64;
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(0.0, -0.5), (0.0, n as f64 - 0.5)],
            INK.stroke_width((1.5 * s) as u32),
        )))
        .map_err(err)?;
    let value_style = font(layout.pick(13.0, 12.0), s);
    for (i, row) in rows.iter().enumerate() {
        let y = y_of(i);
        match row {
            Row::Sector(c) => {
                let (x, py) = chart.backend_coord(&(-lim, y));
                root.draw_text(
                    &w.component_short(*c),
                    &bold(layout.pick(13.0, 12.0), s).pos(Pos::new(HPos::Left, VPos::Center)),
                    (x + (4.0 * s) as i32, py),
                )
                .map_err(err)?;
            }
            Row::Year(g) => {
                let colour = year_colour(g.series, years);
                if g.pp != 0.0 {
                    chart
                        .draw_series(std::iter::once(Rectangle::new(
                            [(0.0, y - 0.3), (g.pp, y + 0.3)],
                            colour.filled(),
                        )))
                        .map_err(err)?;
                }
                let (x, py) = chart.backend_coord(&(g.pp, y));
                let pad = (6.0 * s) as i32;
                // A gap below the labels' two decimals gets a third, so that
                // it never reads as 0 (the verdict counts it a miss).
                let label = |v: f64| {
                    if v.abs() < 0.005 {
                        let t = w.num(v, 3);
                        if v > 0.0 { format!("+{t}") } else { t }
                    } else {
                        w.signed(v)
                    }
                };
                let (text, anchor, at) = if g.pp > 0.0 {
                    (label(g.pp), HPos::Left, x + pad)
                } else if g.pp < 0.0 {
                    (label(g.pp), HPos::Right, x - pad)
                } else {
                    (w.within_range(g.bounds), HPos::Left, x + pad)
                };
                root.draw_text(
                    &text,
                    &value_style.pos(Pos::new(anchor, VPos::Center)),
                    (at, py),
                )
                .map_err(err)?;
                // The year, left of the axis.
                let (x0, _) = chart.backend_coord(&(-lim, y));
                root.draw_text(
                    &g.year.to_string(),
                    &font(layout.pick(13.0, 12.0), s).pos(Pos::new(HPos::Right, VPos::Center)),
                    (x0 - pad, py),
                )
                .map_err(err)?;
            }
        }
    }
    Ok(())
}

/// 2. Structure at current prices: base, projection, target ranges.
pub(super) fn structure(
    input: &ReportInput,
    w: &Words,
    layout: Layout,
) -> Result<(String, String, Vec<u8>), ReportError> {
    let p = input.projection;
    let econ = input.loaded.scenario.economy();
    let k = econ.len();
    let base = p.base.share_current_pct.clone().unwrap_or_default();
    // Years to show: every year with share targets, else the first.
    let mut years: Vec<i32> = input
        .loaded
        .scenario
        .targets()
        .targets()
        .iter()
        .filter(|t| t.indicator == grdp_core::Indicator::ShareCurrentPct)
        .map(|t| t.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    // Only years the projection reaches: a target in another year has no
    // bar to stand beside.
    years.retain(|y| p.year(*y).is_some());
    if years.is_empty() {
        years.extend(p.years.first().map(|y| y.year));
    }
    let series: Vec<(String, Vec<f64>)> = std::iter::once((
        format!("{} ({})", p.base.year, w.word_estimate()),
        base.clone(),
    ))
    .chain(years.iter().filter_map(|y| {
        p.year(*y).map(|r| {
            (
                format!("{y} ({})", w.word_projection()),
                r.components
                    .iter()
                    .map(|c| c.share_current_pct.unwrap_or(f64::NAN))
                    .collect(),
            )
        })
    }))
    .collect();
    // Each share target: component, series, and its bounds (either may be
    // missing: "at least" or "at most").
    let ranges: Vec<(usize, usize, Option<f64>, Option<f64>)> = input
        .loaded
        .scenario
        .targets()
        .targets()
        .iter()
        .filter(|t| t.indicator == grdp_core::Indicator::ShareCurrentPct)
        .filter_map(|t| {
            let c = t.component.as_deref().and_then(|id| econ.index_of(id))?;
            let si = years.iter().position(|y| *y == t.year)? + 1;
            Some((c, si, t.bound.min, t.bound.max))
        })
        .collect();
    let ymax = series
        .iter()
        .flat_map(|s| s.1.iter())
        .copied()
        .chain(ranges.iter().filter_map(|r| r.3.or(r.2)))
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    // How far each projection lies outside its range, percentage points.
    let mut gaps: Vec<Gap> = ranges
        .iter()
        .filter_map(|&(c, si, lo, hi)| {
            let v = *series.get(si)?.1.get(c)?;
            let pp = outside_pp(
                v,
                lo.unwrap_or(f64::NEG_INFINITY),
                hi.unwrap_or(f64::INFINITY),
            );
            v.is_finite().then(|| Gap {
                component: c,
                series: si,
                year: years[si - 1],
                pp,
                bounds: (lo.is_some(), hi.is_some()),
            })
        })
        .collect();
    gaps.sort_by_key(|g| (g.component, g.year));
    let (title, subtitle, caption) = w.structure();
    // The phone copy stacks the gaps under the bars: taller by their panel,
    // a heading, a row a sector and a row a gap, the axis.
    let sectors = {
        let mut c: Vec<usize> = gaps.iter().map(|g| g.component).collect();
        c.dedup();
        c.len()
    };
    let gaps_height = 80.0 + PHONE_ROW * (sectors + gaps.len()) as f64;
    let layout = match layout {
        Layout::Phone { height } if !gaps.is_empty() => Layout::Phone {
            height: height + gaps_height as u32,
        },
        l => l,
    };
    let png =
        render(input, layout, |root, s| {
            let area = frame(root, s, &title, &subtitle, &w.source_data())?;
            let (area, gap_area) = if gaps.is_empty() {
                (area, None)
            } else {
                let (aw, ah) = area.dim_in_pixel();
                let (bars, rest) = match layout {
                    Layout::Page => area.split_horizontally((f64::from(aw) * 0.6) as u32),
                    Layout::Phone { .. } => {
                        area.split_vertically(ah.saturating_sub((gaps_height * s) as u32))
                    }
                };
                (bars, Some(rest))
            };
            if let Some(gap_area) = &gap_area {
                gap_panel(root, gap_area, &gaps, series.len(), w, layout, s)?;
            }
            // Beside the gaps the bars are narrow: names wrap under them, as on the phone.
            let wrap_names = layout.narrow() || gap_area.is_some();
            let (area, below) = split_legend(area, layout, series.len() + 1, s);
            let mut keys = Keys::new();
            let mut chart = ChartBuilder::on(&area)
                .x_label_area_size(if wrap_names { PHONE_GAP } else { 44.0 } * s)
                .y_label_area_size(70.0 * s)
                .build_cartesian_2d(-0.5..(k as f64 - 0.5), 0.0..(ymax * 1.15).ceil())
                .map_err(err)?;
            chart
                .configure_mesh()
                .light_line_style(WHITE)
                .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
                .disable_x_mesh()
                .x_labels(k)
                .x_label_formatter(&|x| {
                    let i = x.round();
                    if (x - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < k && !wrap_names {
                        w.component_short(i as usize)
                    } else {
                        String::new()
                    }
                })
                .y_label_formatter(&|y| w.num(*y, 0))
                .y_desc(w.axis_share_pct())
                .label_style(font(14.0, s))
                .axis_desc_style(font(16.0, s))
                .draw()
                .map_err(err)?;
            let m = series.len() as f64;
            let width = 0.8 / m;
            for (si, (label, v)) in series.iter().enumerate() {
                // Years light to dark (sky blue, blue, black): apart in
                // greyscale as in colour, and none is the targets' vermillion.
                let colour = year_colour(si, series.len());
                let offset = -0.4 + width * (si as f64 + 0.5);
                chart
                    .draw_series(v.iter().enumerate().filter(|(_, x)| x.is_finite()).map(
                        |(c, x)| {
                            let cx = c as f64 + offset;
                            Rectangle::new(
                                [(cx - width * 0.42, 0.0), (cx + width * 0.42, *x)],
                                colour.filled(),
                            )
                        },
                    ))
                    .map_err(err)?;
                keys.add(label.clone(), swatch(colour.filled(), s));
                // A value's label sits above its bar, or above a target mark
                // that would cover it (services 2025: 53.4 under 54.1-54.75).
                let label_base = |c: usize, x: f64| {
                    ranges
                        .iter()
                        .filter(|r| r.0 == c && r.1 == si)
                        .filter_map(|&(_, _, lo, hi)| {
                            let (lo, hi) = (lo.or(hi)?, hi.or(lo)?);
                            let half = (0.5 * (hi - lo)).max(ymax * 0.004);
                            let mid = 0.5 * (lo + hi);
                            // A wide range is not a mark to clear: its label
                            // would float far above the bar.
                            let narrow = hi - lo < ymax * 0.05;
                            let covers = narrow && mid - half < x + ymax * 0.045 && mid + half > x;
                            covers.then_some(mid + half)
                        })
                        .fold(x, f64::max)
                };
                // Past four years side by side the labels run into each
                // other: the bars and the gap panel carry the figures.
                // The base year's stay: no gap shows them.
                let labelled = series.len() <= 4 || si == 0;
                chart
                    .draw_series(
                        v.iter()
                            .enumerate()
                            .filter(|(_, x)| labelled && x.is_finite())
                            .map(|(c, x)| {
                                let cx = c as f64 + offset;
                                Text::new(
                                    w.num(*x, 1),
                                    (cx - width * 0.4, label_base(c, *x) + ymax * 0.035),
                                    font(layout.pick(12.0, 10.0), s),
                                )
                            }),
                    )
                    .map_err(err)?;
            }
            // Target ranges: a red bracket over the projection bar of their year.
            chart
                .draw_series(ranges.iter().filter_map(|(c, si, lo, hi)| {
                    // A one-sided target is drawn as a mark at its bound.
                    let (lo, hi) = (lo.or(*hi)?, hi.or(*lo)?);
                    let cx = *c as f64 - 0.4 + width * (*si as f64 + 0.5);
                    let mid = 0.5 * (lo + hi);
                    let half = (0.5 * (hi - lo)).max(ymax * 0.004);
                    Some(Rectangle::new(
                        [
                            (cx - width * 0.5, mid - half),
                            (cx + width * 0.5, mid + half),
                        ],
                        TARGET.mix(0.85).filled(),
                    ))
                }))
                .map_err(err)?;
            if !ranges.is_empty() {
                let kind = |want: (bool, bool)| {
                    ranges
                        .iter()
                        .any(|(_, _, lo, hi)| (lo.is_some(), hi.is_some()) == want)
                };
                let key =
                    w.target_range(kind((true, true)), kind((true, false)), kind((false, true)));
                keys.add(key, move |(x, y)| {
                    Rectangle::new(
                        [
                            (x, y - (3.0 * s) as i32),
                            (x + (14.0 * s) as i32, y + (3.0 * s) as i32),
                        ],
                        TARGET.filled(),
                    )
                });
            }
            if wrap_names {
                // The component names, wrapped under their bars.
                use plotters::style::text_anchor::{HPos, Pos, VPos};
                let style = font(12.0, s).pos(Pos::new(HPos::Center, VPos::Top));
                let (plot_w, _) = chart.plotting_area().dim_in_pixel();
                let room = (f64::from(plot_w) / k.max(1) as f64 - 6.0 * s) as u32;
                for c in 0..k {
                    let (x, y) = chart.backend_coord(&(c as f64, 0.0));
                    for (line, text) in wrap(root, &w.component_short(c), &style, room)?
                        .iter()
                        .enumerate()
                    {
                        root.draw_text(
                            text,
                            &style,
                            (x, y + ((8.0 + 14.0 * line as f64) * s) as i32),
                        )
                        .map_err(err)?;
                    }
                }
            }
            keys.draw(&mut chart, below, SeriesLabelPosition::UpperLeft, s)?;
            Ok(())
        })?;
    Ok((title, caption, png))
}

#[cfg(test)]
mod tests {
    use super::outside_pp;

    #[test]
    fn a_share_outside_its_range_is_measured_from_the_nearer_bound() {
        // Services 2025: projected 53.37 % against 54.1-54.75 %: 0.73 below
        // the lower bound. Industry: 31.42 against 31.04-31.09: 0.33 above
        // the upper. Inside the range, or on a bound, nothing.
        assert!((outside_pp(53.37, 54.1, 54.75) + 0.73).abs() < 1e-9);
        assert!((outside_pp(31.42, 31.04, 31.09) - 0.33).abs() < 1e-9);
        assert!(outside_pp(31.05, 31.04, 31.09).abs() < 1e-12);
        assert!(outside_pp(54.1, 54.1, 54.75).abs() < 1e-12);
    }
}
