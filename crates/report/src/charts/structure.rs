//! Chart 2. Structure at current prices.

use plotters::prelude::*;

use super::*;

/// Logical pixels under the plot of the phone copy for the component
/// names (three lines) before the legend.
const PHONE_GAP: f64 = 58.0;

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
    let ranges: Vec<(usize, usize, f64, f64)> = input
        .loaded
        .scenario
        .targets()
        .targets()
        .iter()
        .filter(|t| t.indicator == grdp_core::Indicator::ShareCurrentPct)
        .filter_map(|t| {
            let c = t.component.as_deref().and_then(|id| econ.index_of(id))?;
            let si = years.iter().position(|y| *y == t.year)? + 1;
            Some((
                c,
                si,
                t.bound.min.unwrap_or(0.0),
                t.bound.max.unwrap_or(100.0),
            ))
        })
        .collect();
    let ymax = series
        .iter()
        .flat_map(|s| s.1.iter())
        .chain(ranges.iter().map(|r| &r.3))
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let (title, subtitle, caption) = w.structure();
    let png =
        render(input, layout, |root, s| {
            let area = frame(root, s, &title, &subtitle, &w.source_data())?;
            let (area, below) = split_legend(area, layout, series.len() + 1, s);
            let mut keys = Keys::new();
            let mut chart = ChartBuilder::on(&area)
                .x_label_area_size(layout.pick(44.0, PHONE_GAP) * s)
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
                    if (x - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < k && !layout.narrow() {
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
                let colour = YEAR_COLOURS[si % YEAR_COLOURS.len()];
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
                chart
                    .draw_series(v.iter().enumerate().filter(|(_, x)| x.is_finite()).map(
                        |(c, x)| {
                            let cx = c as f64 + offset;
                            Text::new(
                                w.num(*x, 1),
                                (cx - width * 0.4, *x + ymax * 0.035),
                                font(layout.pick(12.0, 10.0), s),
                            )
                        },
                    ))
                    .map_err(err)?;
            }
            // Target ranges: a red bracket over the projection bar of their year.
            chart
                .draw_series(ranges.iter().map(|(c, si, lo, hi)| {
                    let cx = *c as f64 - 0.4 + width * (*si as f64 + 0.5);
                    let mid = 0.5 * (lo + hi);
                    let half = (0.5 * (hi - lo)).max(ymax * 0.004);
                    Rectangle::new(
                        [
                            (cx - width * 0.5, mid - half),
                            (cx + width * 0.5, mid + half),
                        ],
                        TARGET.mix(0.85).filled(),
                    )
                }))
                .map_err(err)?;
            if !ranges.is_empty() {
                keys.add(w.target_range(), move |(x, y)| {
                    Rectangle::new(
                        [
                            (x, y - (3.0 * s) as i32),
                            (x + (14.0 * s) as i32, y + (3.0 * s) as i32),
                        ],
                        TARGET.filled(),
                    )
                });
            }
            if layout.narrow() {
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
