//! Chart 5. Fan chart: history and the projection with its bands.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::*;

/// 5. Fan chart: history, then the projection with 50 / 80 / 90 % bands.
pub(super) fn fan(
    input: &ReportInput,
    w: &Words,
    layout: Layout,
) -> Result<(String, String, Vec<u8>), ReportError> {
    let r = input.views[0].result;
    let hist = &input.history_growth;
    let first = hist
        .iter()
        .map(|h| h.0)
        .min()
        .unwrap_or(r.years.first().map_or(2024, |y| y.year) - 1);
    let last = r.years.last().map_or(first + 1, |y| y.year);
    let anchor = hist
        .iter()
        .find(|h| h.0 == input.projection.base.year)
        .map(|h| h.1);
    let vals = hist.iter().map(|h| h.1).chain(
        r.years
            .iter()
            .flat_map(|y| [y.quantiles_pct.p5, y.quantiles_pct.p95]),
    );
    let (vlo, vhi) = vals.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    let (lo, hi) = nice_range(vlo.min(0.0) - 0.5, vhi + 1.0);
    let period: Vec<(i32, i32, f64, f64)> = input
        .loaded
        .scenario
        .period_targets()
        .iter()
        .map(|p| {
            (
                p.first_year,
                p.last_year,
                p.bound.min.unwrap_or(f64::NAN),
                p.bound.max.unwrap_or(f64::NAN),
            )
        })
        .collect();
    let (title, subtitle, caption) = w.fan();
    let png = render(input, layout, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source())?;
        let (area, below) = split_legend(area, layout, 7, s);
        let mut keys = Keys::new();
        let mut chart = ChartBuilder::on(&area)
            .x_label_area_size(44.0 * s)
            .y_label_area_size(70.0 * s)
            .build_cartesian_2d(f64::from(first) - 0.5..f64::from(last) + 0.5, lo..hi)
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            // Every year on the page, every other year on the phone.
            .x_labels(layout.pick(
                (last - first + 1) as usize,
                ((last - first) / 2 + 1) as usize,
            ))
            .x_label_formatter(&|x| format!("{}", x.round() as i32))
            .y_label_formatter(&|y| w.num(*y, 1))
            .y_desc(w.axis_grdp_growth_pct())
            .x_desc(w.axis_year())
            .label_style(font(14.0, s))
            .axis_desc_style(font(16.0, s))
            .draw()
            .map_err(err)?;
        // The projection period, shaded and ruled off from history.
        let base_x = f64::from(input.projection.base.year);
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(base_x, lo), (f64::from(last) + 0.5, hi)],
                RGBColor(0xf3, 0xf3, 0xf3).filled(),
            )))
            .map_err(err)?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(base_x, lo), (base_x, hi)],
                GREY.stroke_width((1.5 * s).max(1.0) as u32),
            )))
            .map_err(err)?;
        chart
            .draw_series(std::iter::once(Text::new(
                w.projection_period(),
                (base_x + 0.1, hi - (hi - lo) * 0.03),
                font(14.0, s).color(&GREY),
            )))
            .map_err(err)?;
        // Period targets as shaded bands.
        for (a, b, pmin, pmax) in &period {
            if pmin.is_finite() {
                let top = if pmax.is_finite() {
                    *pmax
                } else {
                    *pmin + 0.05
                };
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(f64::from(*a) - 0.5, *pmin), (f64::from(*b) + 0.5, top)],
                        TARGET.mix(0.12).filled(),
                    )))
                    .map_err(err)?;
            }
        }
        let base = f64::from(input.projection.base.year);
        let band = |q: fn(&grdp_montecarlo::engine::Quantiles) -> (f64, f64)| -> Vec<(f64, f64)> {
            let mut upper: Vec<(f64, f64)> = anchor.map(|a| (base, a)).into_iter().collect();
            let mut lower = upper.clone();
            for y in &r.years {
                let (l, h) = q(&y.quantiles_pct);
                upper.push((f64::from(y.year), h));
                lower.push((f64::from(y.year), l));
            }
            upper.extend(lower.into_iter().rev());
            upper
        };
        let fan_c = VIEW_COLOURS[0];
        for (alpha, q, label) in [
            (
                0.18,
                (|q: &grdp_montecarlo::engine::Quantiles| (q.p5, q.p95))
                    as fn(&grdp_montecarlo::engine::Quantiles) -> (f64, f64),
                w.band(90),
            ),
            (0.30, |q| (q.p10, q.p90), w.band(80)),
            (0.48, |q| (q.p25, q.p75), w.band(50)),
        ] {
            chart
                .draw_series(std::iter::once(Polygon::new(
                    band(q),
                    fan_c.mix(alpha).filled(),
                )))
                .map_err(err)?;
            keys.add(label, swatch(fan_c.mix(alpha).filled(), s));
        }
        let median: Vec<(f64, f64)> = anchor
            .map(|a| (base, a))
            .into_iter()
            .chain(
                r.years
                    .iter()
                    .map(|y| (f64::from(y.year), y.quantiles_pct.p50)),
            )
            .collect();
        chart
            .draw_series(LineSeries::new(
                median,
                fan_c.stroke_width((3.0 * s) as u32),
            ))
            .map_err(err)?;
        keys.add(w.median_projection(), line_key(fan_c, 3.0, s));
        // History: points, joined where consecutive.
        let mut segment: Vec<(f64, f64)> = Vec::new();
        let mut segments = Vec::new();
        for (y, g) in hist {
            if let Some(last) = segment.last()
                && (f64::from(*y) - last.0 - 1.0).abs() > 1e-9
            {
                segments.push(std::mem::take(&mut segment));
            }
            segment.push((f64::from(*y), *g));
        }
        segments.push(segment);
        for seg in &segments {
            chart
                .draw_series(LineSeries::new(
                    seg.clone(),
                    INK.stroke_width((2.0 * s) as u32),
                ))
                .map_err(err)?;
        }
        chart
            .draw_series(
                hist.iter()
                    .map(|(y, g)| Circle::new((f64::from(*y), *g), (5.0 * s) as i32, INK.filled())),
            )
            .map_err(err)?;
        keys.add(w.outcomes(), move |(x, y)| {
            Circle::new((x + (7.0 * s) as i32, y), (5.0 * s) as i32, INK.filled())
        });
        // Each outcome's label where the line is not: above a peak, below a
        // trough, and beside a point the line runs through (on the side
        // away from the line: upper right on the way down, upper left on
        // the way up). The base year's next point is the projection's first.
        let first_median = r.years.first().map(|y| y.quantiles_pct.p50);
        let value_at = |year: i32| hist.iter().find(|h| h.0 == year).map(|h| h.1);
        let next_of = |year: i32| {
            value_at(year + 1).or(if year == input.projection.base.year {
                first_median
            } else {
                None
            })
        };
        let gap = (hi - lo) * 0.035;
        chart
            .draw_series(hist.iter().map(|(y, g)| {
                let (prev, next) = (value_at(y - 1), next_of(*y));
                let (dx, dy, pos) = match (prev, next) {
                    (Some(p), Some(n)) if p > *g && n > *g => {
                        (0.0, -gap, Pos::new(HPos::Center, VPos::Top))
                    }
                    (Some(p), Some(n)) if p > *g && n <= *g => {
                        (0.1, gap * 0.5, Pos::new(HPos::Left, VPos::Bottom))
                    }
                    (Some(p), Some(n)) if p <= *g && n > *g => {
                        (-0.1, gap * 0.5, Pos::new(HPos::Right, VPos::Bottom))
                    }
                    (None, Some(n)) | (Some(n), None) if n > *g => {
                        (0.0, -gap, Pos::new(HPos::Center, VPos::Top))
                    }
                    _ => (0.0, gap, Pos::new(HPos::Center, VPos::Bottom)),
                };
                // As published, to two decimals at most: 7.23, not 7.2
                // beside the page's 7.23.
                Text::new(
                    w.num(*g, crate::lang::given_decimals(*g).min(2)),
                    (f64::from(*y) + dx, *g + dy),
                    font(13.0, s).pos(pos),
                )
            }))
            .map_err(err)?;
        // A year with no published figure is marked as missing, not bridged.
        let (h_first, h_last) = (
            hist.iter().map(|h| h.0).min().unwrap_or(first),
            hist.iter().map(|h| h.0).max().unwrap_or(first),
        );
        for year in h_first..=h_last {
            if value_at(year).is_none() {
                let near = [value_at(year - 1), value_at(year + 1)];
                let known: Vec<f64> = near.iter().flatten().copied().collect();
                let y_mid = if known.is_empty() {
                    0.5 * (lo + hi)
                } else {
                    known.iter().sum::<f64>() / known.len() as f64
                };
                // On the phone the words would cover the neighbours'
                // labels: they go to the foot of the plot.
                let y_mid = layout.pick(y_mid, lo + (hi - lo) * 0.04);
                chart
                    .draw_series(std::iter::once(Text::new(
                        w.no_data(),
                        (f64::from(year), y_mid),
                        font(12.0, s)
                            .color(&GREY)
                            .pos(Pos::new(HPos::Center, VPos::Center)),
                    )))
                    .map_err(err)?;
            }
        }
        // Annual growth targets as red dashes (a range as a band between
        // its bounds), each about as wide as a year's room on an axis of
        // six or more years: on two years a dash 0.7 years wide ran from
        // mid-year to past the axis' last year.
        let annual: Vec<(i32, f64, Option<f64>)> = r
            .years
            .iter()
            .filter_map(|y| {
                let t = input.loaded.scenario.targets().find(
                    y.year,
                    grdp_core::Indicator::GrowthPct,
                    None,
                )?;
                t.bound.min.map(|m| (y.year, m, t.bound.max))
            })
            .collect();
        let half = (0.06 * f64::from(last - first + 1)).clamp(0.12, 0.35);
        if !annual.is_empty() {
            chart
                .draw_series(annual.iter().map(|(y, m, _)| {
                    PathElement::new(
                        vec![(f64::from(*y) - half, *m), (f64::from(*y) + half, *m)],
                        TARGET.stroke_width((4.0 * s) as u32),
                    )
                }))
                .map_err(err)?;
            chart
                .draw_series(annual.iter().filter_map(|(y, m, hi)| {
                    let hi = hi.filter(|h| h > m)?;
                    Some(Rectangle::new(
                        [(f64::from(*y) - half, *m), (f64::from(*y) + half, hi)],
                        TARGET.mix(0.35).filled(),
                    ))
                }))
                .map_err(err)?;
            // Each dash carries its figure, on a white ground above the
            // fan, so it reads as that year's target, not as the plan's
            // average band.
            let style = bold(13.0, s)
                .color(&TARGET)
                .pos(Pos::new(HPos::Center, VPos::Bottom));
            for (y, m, hi) in &annual {
                let text = match hi.filter(|h| h > m) {
                    Some(h) => format!("{}–{}", w.lang.given_num(*m), w.lang.given_num(h)),
                    None => w.lang.given_num(*m),
                };
                let top = hi.filter(|h| h > m).unwrap_or(*m);
                let (x, py) = chart.backend_coord(&(f64::from(*y), top));
                let py = py - (5.0 * s) as i32;
                let (tw, th) = root.estimate_text_size(&text, &style).map_err(err)?;
                let pad = (3.0 * s) as i32;
                root.draw(&Rectangle::new(
                    [
                        (x - tw as i32 / 2 - pad, py - th as i32 - pad),
                        (x + tw as i32 / 2 + pad, py + pad / 2),
                    ],
                    WHITE.mix(0.9).filled(),
                ))
                .map_err(err)?;
                root.draw_text(&text, &style, (x, py)).map_err(err)?;
            }
            keys.add(w.annual_target(), line_key(TARGET, 4.0, s));
        }
        if !period.is_empty() {
            keys.add(w.period_target_band(), swatch(TARGET.mix(0.2).filled(), s));
        }
        keys.draw(&mut chart, below, SeriesLabelPosition::LowerLeft, s)?;
        Ok(())
    })?;
    Ok((title, caption, png))
}
