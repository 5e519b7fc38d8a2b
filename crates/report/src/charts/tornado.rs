//! Chart 4. Tornado: what drives aggregate growth.

use plotters::prelude::*;

use super::*;

/// 4. Tornado: aggregate growth with each component at its 10th and 90th percentiles.
pub(super) fn tornado(
    input: &ReportInput,
    w: &Words,
    layout: Layout,
) -> Result<(String, String, Vec<u8>), ReportError> {
    let r = input.views[0].result;
    let econ = input.loaded.scenario.economy();
    let mut rows: Vec<(usize, f64, f64)> = r
        .sensitivity
        .iter()
        .filter_map(|s| {
            econ.index_of(&s.id)
                .map(|i| (i, s.tornado_low_pct, s.tornado_high_pct))
        })
        .collect();
    rows.sort_by(|a, b| (a.2 - a.1).abs().total_cmp(&(b.2 - b.1).abs()));
    let centre = r.quantiles_pct.p50;
    let lo = rows
        .iter()
        .map(|r| r.1.min(r.2))
        .fold(r.target_pct.min(centre), f64::min);
    let hi = rows
        .iter()
        .map(|r| r.1.max(r.2))
        .fold(r.target_pct.max(centre), f64::max);
    let (lo, hi) = nice_range(lo - 0.5, hi + 0.5);
    let n = rows.len();
    let (title, subtitle, caption) = w.tornado();
    let png = render(input, layout, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source())?;
        let (area, below) = split_legend(area, layout, 4, s);
        let mut keys = Keys::new();
        let mut chart = ChartBuilder::on(&area)
            .x_label_area_size(44.0 * s)
            .y_label_area_size(layout.pick(300.0, 118.0) * s)
            .build_cartesian_2d(lo..hi, -0.5..(n as f64 - 0.5))
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .disable_y_mesh()
            .y_labels(n)
            .y_label_formatter(&|y| {
                let i = y.round();
                if (y - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < n && !layout.narrow() {
                    w.component_short(rows[i as usize].0)
                } else {
                    String::new()
                }
            })
            .x_labels(layout.pick(10, 5))
            .x_label_formatter(&|x| w.num(*x, 1))
            .x_desc(w.axis_growth_pct(r.target_year))
            .label_style(font(14.0, s))
            .axis_desc_style(font(16.0, s))
            .draw()
            .map_err(err)?;
        let low_c = MISSED;
        let high_c = MET;
        chart
            .draw_series(rows.iter().enumerate().map(|(i, (_, l, _))| {
                let y = i as f64;
                Rectangle::new(
                    [(l.min(centre), y - 0.3), (l.max(centre), y + 0.3)],
                    low_c.filled(),
                )
            }))
            .map_err(err)?;
        keys.add(w.tornado_low(), swatch(low_c.filled(), s));
        chart
            .draw_series(rows.iter().enumerate().map(|(i, (_, _, h))| {
                let y = i as f64;
                Rectangle::new(
                    [(h.min(centre), y - 0.3), (h.max(centre), y + 0.3)],
                    high_c.filled(),
                )
            }))
            .map_err(err)?;
        keys.add(w.tornado_high(), swatch(high_c.filled(), s));
        chart
            .draw_series(rows.iter().enumerate().flat_map(|(i, (_, l, h))| {
                let y = i as f64 + 0.36;
                [
                    Text::new(
                        w.num(*l, 2),
                        (l.min(*h) - (hi - lo) * layout.pick(0.045, 0.11), y),
                        font(13.0, s),
                    ),
                    Text::new(
                        w.num(*h, 2),
                        (l.max(*h) + (hi - lo) * 0.008, y),
                        font(13.0, s),
                    ),
                ]
            }))
            .map_err(err)?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(centre, -0.5), (centre, n as f64 - 0.5)],
                INK.stroke_width((2.0 * s) as u32),
            )))
            .map_err(err)?;
        keys.add(w.median_at(centre), line_key(INK, 2.0, s));
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(r.target_pct, -0.5), (r.target_pct, n as f64 - 0.5)],
                TARGET.stroke_width((3.0 * s) as u32),
            )))
            .map_err(err)?;
        keys.add(w.target_at(r.target_pct), line_key(TARGET, 3.0, s));
        if layout.narrow() {
            // The component names, wrapped into the narrow label area.
            for (i, (c, _, _)) in rows.iter().enumerate() {
                let (x, y) = chart.backend_coord(&(lo, i as f64));
                side_label(
                    root,
                    &w.component(*c),
                    &font(13.0, s),
                    (x - (8.0 * s) as i32, y),
                    (104.0 * s) as u32,
                )?;
            }
        }
        keys.draw(&mut chart, below, SeriesLabelPosition::LowerRight, s)?;
        Ok(())
    })?;
    Ok((title, caption, png))
}
