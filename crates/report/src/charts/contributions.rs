//! Chart 1. Contributions to growth by component.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::*;

/// 1. Contributions to growth by component, stacked, with the targets.
pub(super) fn contributions(
    input: &ReportInput,
    w: &Words,
    layout: Layout,
) -> Result<(String, String, Vec<u8>), ReportError> {
    let p = input.projection;
    let k = input.loaded.scenario.economy().len();
    // Bars: the published year (if any), then every projected year.
    let mut bars: Vec<(String, Vec<f64>, f64, bool)> = Vec::new();
    if let Some((year, c)) = &input.published_contributions {
        bars.push((format!("{year}*"), c.clone(), c.iter().sum(), true));
    }
    for y in &p.years {
        bars.push((
            y.year.to_string(),
            y.components.iter().map(|c| c.contribution_pp).collect(),
            y.growth_pct,
            false,
        ));
    }
    let targets: Vec<(usize, f64)> = bars
        .iter()
        .enumerate()
        .filter_map(|(i, (label, _, _, published))| {
            if *published {
                return None;
            }
            let year: i32 = label.parse().ok()?;
            input
                .loaded
                .scenario
                .targets()
                .find(year, grdp_core::Indicator::GrowthPct, None)
                .and_then(|t| t.bound.min)
                .map(|m| (i, m))
        })
        .collect();
    let top = bars
        .iter()
        .map(|b| b.1.iter().filter(|v| **v > 0.0).sum::<f64>())
        .chain(targets.iter().map(|t| t.1))
        .fold(0.0, f64::max);
    let bottom = bars
        .iter()
        .map(|b| b.1.iter().filter(|v| **v < 0.0).sum::<f64>())
        .fold(0.0, f64::min);
    let (title, subtitle, caption) = w.contributions();
    // The value axis, from 0 (or the lowest negative part) to the tallest
    // bar and room above it for its total.
    let (y_lo, y_hi) = nice_range(bottom.min(0.0), top * 1.15);
    let png = render(input, layout, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source_data())?;
        let (area, below) = split_legend(area, layout, k + 1, s);
        let mut keys = Keys::new();
        let n = bars.len();
        let mut chart = ChartBuilder::on(&area)
            .x_label_area_size(44.0 * s)
            .y_label_area_size(70.0 * s)
            .build_cartesian_2d(-0.5..(n as f64 - 0.5), y_lo..y_hi)
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .disable_x_mesh()
            .x_labels(n)
            .x_label_formatter(&|x| {
                bars.get(x.round() as usize)
                    .map_or(String::new(), |b| b.0.clone())
            })
            .y_label_formatter(&|y| w.num(*y, 1))
            .y_desc(w.axis_contribution_pp())
            .x_desc(w.axis_year())
            .label_style(font(15.0, s))
            .axis_desc_style(font(16.0, s))
            .draw()
            .map_err(err)?;
        // A segment tall enough for a label (18 pixels at scale 1) carries
        // its value, so the parts read without telling colours apart (in
        // greyscale, say).
        let plot_h = f64::from(chart.plotting_area().dim_in_pixel().1.max(1));
        let labelled = 18.0 * s / plot_h * (y_hi - y_lo);
        // One or two bars stand narrower, not across the whole panel.
        let half = if n <= 2 { 0.2 } else { 0.32 };
        for c in 0..k {
            let colour = COMPONENT_COLOURS[c % COMPONENT_COLOURS.len()];
            let segment = |v: &[f64]| {
                let below: f64 = v[..c]
                    .iter()
                    .filter(|x| (**x >= 0.0) == (v[c] >= 0.0))
                    .sum();
                (below, below + v[c])
            };
            chart
                .draw_series(bars.iter().enumerate().map(|(i, (_, v, _, published))| {
                    let (from, to) = segment(v);
                    let x = i as f64;
                    let style = if *published {
                        colour.mix(0.55).filled()
                    } else {
                        colour.filled()
                    };
                    Rectangle::new([(x - half, from), (x + half, to)], style)
                }))
                .map_err(err)?;
            // White between the parts, so each reads as a block of its own.
            chart
                .draw_series(bars.iter().enumerate().map(|(i, (_, v, _, _))| {
                    let (from, to) = segment(v);
                    let x = i as f64;
                    Rectangle::new(
                        [(x - half, from), (x + half, to)],
                        WHITE.stroke_width((1.5 * s).max(1.0) as u32),
                    )
                }))
                .map_err(err)?;
            chart
                .draw_series(
                    bars.iter()
                        .enumerate()
                        .filter(|(_, (_, v, _, _))| v[c].abs() >= labelled)
                        .map(|(i, (_, v, _, published))| {
                            let (from, to) = segment(v);
                            let fill = if *published {
                                colour.mix(0.55).to_rgba()
                            } else {
                                colour.to_rgba()
                            };
                            Text::new(
                                w.num(v[c], 2),
                                (i as f64, 0.5 * (from + to)),
                                font(13.0, s)
                                    .color(ink_on(fill))
                                    .pos(Pos::new(HPos::Center, VPos::Center)),
                            )
                        }),
                )
                .map_err(err)?;
        }
        // The key lists the parts top down, as the bars stack them.
        for c in (0..k).rev() {
            let colour = COMPONENT_COLOURS[c % COMPONENT_COLOURS.len()];
            keys.add(w.component(c), swatch(colour.filled(), s));
        }
        // Totals written above each bar, centred on it.
        chart
            .draw_series(bars.iter().enumerate().map(|(i, (_, v, total, _))| {
                let up: f64 = v.iter().filter(|x| **x > 0.0).sum();
                Text::new(
                    w.num(*total, 2),
                    (i as f64, up + top * 0.02),
                    font(15.0, s).pos(Pos::new(HPos::Center, VPos::Bottom)),
                )
            }))
            .map_err(err)?;
        if !targets.is_empty() {
            chart
                .draw_series(targets.iter().map(|(i, t)| {
                    let x = *i as f64;
                    PathElement::new(
                        vec![(x - half - 0.1, *t), (x + half + 0.1, *t)],
                        TARGET.stroke_width((3.0 * s) as u32),
                    )
                }))
                .map_err(err)?;
            keys.add(w.target_line(), line_key(TARGET, 3.0, s));
        }
        keys.draw(&mut chart, below, SeriesLabelPosition::UpperRight, s)?;
        Ok(())
    })?;
    Ok((title, caption, png))
}
