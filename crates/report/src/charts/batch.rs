//! The batch chart (`grdp batch --chart`): every region's growth target
//! against last year's growth and the year's outcome, beside P(target).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use grdp_study::batch::{Basis, Batch, RecentSource};

use super::*;
use crate::Lang;
use crate::text::batch::BatchWords;

/// Logical pixels a region's row takes.
const ROW: f64 = 19.0;

/// The batch chart as PNG bytes, 1200 logical pixels wide and as tall as
/// its rows need, drawn at `scale`.
pub fn batch_chart(b: &Batch, lang: Lang, scale: u32) -> Result<Vec<u8>, ReportError> {
    let w = BatchWords::new(b, lang);
    // Highest P first; ties by the lower target.
    let mut rows: Vec<&grdp_study::batch::BatchRow> = b.rows.iter().collect();
    rows.sort_by(|x, y| {
        y.probability
            .total_cmp(&x.probability)
            .then(x.input.target.value.total_cmp(&y.input.target.value))
    });
    let n = rows.len().max(1);
    let height = HEIGHT.max((ROW * n as f64) as u32 + 260);
    let values = rows.iter().flat_map(|r| {
        [r.input.recent_pct, Some(r.input.target.value)]
            .into_iter()
            .flatten()
            .chain(r.input.outcome.as_ref().map(|(f, _)| f.value))
    });
    let (vlo, vhi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, c), v| {
        (a.min(v), c.max(v))
    });
    let (lo, hi) = nice_range(vlo - 0.5, vhi + 0.5);
    let y_of = |i: usize| (n - 1 - i) as f64;
    render_sized(scale.max(1), (WIDTH, height), |root, s| {
        let area = frame(root, s, &w.title(), &w.subtitle(), &w.source())?;
        let (keys_area, area) = area.split_vertically((30.0 * s) as u32);
        let (left, right) = area.split_horizontally((760.0 * s) as u32);
        let mut growth = ChartBuilder::on(&left)
            .x_label_area_size(44.0 * s)
            .y_label_area_size(200.0 * s)
            .margin_right(16.0 * s)
            .build_cartesian_2d(lo..hi, -0.6..(n as f64 - 0.4))
            .map_err(err)?;
        growth
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .disable_y_mesh()
            .y_labels(0)
            .x_label_formatter(&|x| lang.num(*x, if hi - lo < 6.0 { 1 } else { 0 }))
            .x_desc(w.axis_growth())
            .label_style(font(13.0, s))
            .axis_desc_style(font(15.0, s))
            .draw()
            .map_err(err)?;
        for (i, row) in rows.iter().enumerate() {
            let y = y_of(i);
            let input = &row.input;
            let (px, py) = growth.backend_coord(&(lo, y));
            side_label(
                root,
                &input.region,
                &font(13.0, s),
                (px - (8.0 * s) as i32, py),
                (190.0 * s) as u32,
            )?;
            if let Some(g) = input.recent_pct {
                growth
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(g, y), (input.target.value, y)],
                        GREY.stroke_width((2.0 * s).max(1.0) as u32),
                    )))
                    .map_err(err)?;
                let at = growth.backend_coord(&(g, y));
                let kind = if national(row) {
                    Mark::National
                } else {
                    Mark::Recent
                };
                mark(root, kind, at, s)?;
            }
            let at = |v: f64| growth.backend_coord(&(v, y));
            mark(root, Mark::Target, at(input.target.value), s)?;
            if let Some((f, basis)) = &input.outcome {
                let kind = if *basis == Basis::Same {
                    Mark::Outcome
                } else {
                    Mark::OutcomeMerged
                };
                mark(root, kind, at(f.value), s)?;
            }
        }
        let mut p = ChartBuilder::on(&right)
            .x_label_area_size(44.0 * s)
            .margin_right(60.0 * s)
            .margin_left(10.0 * s)
            .build_cartesian_2d(0.0..1.0, -0.6..(n as f64 - 0.4))
            .map_err(err)?;
        p.configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(6)
            .x_label_formatter(&|x| lang.num(*x, 1))
            .x_desc(w.axis_probability())
            .label_style(font(13.0, s))
            .axis_desc_style(font(15.0, s))
            .draw()
            .map_err(err)?;
        // Bars at most 18 logical pixels thick, however few the rows.
        let row_px =
            f64::from((p.backend_coord(&(0.0, 0.0)).1 - p.backend_coord(&(0.0, 1.0)).1).abs())
                .max(1.0);
        let half = 0.32_f64.min(9.0 * s / row_px);
        p.draw_series(rows.iter().enumerate().map(|(i, row)| {
            let y = y_of(i);
            // A lighter bar where the centre is the nation's growth.
            let colour = match row.input.recent {
                RecentSource::National { .. } => EXCEEDED,
                _ => MET,
            };
            Rectangle::new(
                [(0.0, y - half), (row.probability.max(0.002), y + half)],
                colour.filled(),
            )
        }))
        .map_err(err)?;
        p.draw_series(rows.iter().enumerate().map(|(i, row)| {
            Text::new(
                w.probability(row.probability),
                (row.probability.max(0.002) + 0.012, y_of(i)),
                font(12.0, s).pos(Pos::new(HPos::Left, VPos::Center)),
            )
        }))
        .map_err(err)?;
        // The key, in a strip over both plots.
        let style = font(13.0, s).pos(Pos::new(HPos::Left, VPos::Center));
        let y = (14.0 * s) as i32;
        let mut x = (210.0 * s) as i32;
        let labels = [
            w.key_recent(),
            w.key_national(),
            w.key_target(),
            w.key_outcome(),
            w.key_outcome_merged(),
        ];
        let (bx, by) = keys_area.get_base_pixel();
        // Only the marks the chart uses.
        let used = |kind: Mark| match kind {
            Mark::Recent => rows
                .iter()
                .any(|r| r.input.recent_pct.is_some() && !national(r)),
            Mark::National => rows.iter().any(|r| national(r)),
            Mark::Target => true,
            Mark::Outcome => rows
                .iter()
                .any(|r| matches!(r.input.outcome, Some((_, Basis::Same)))),
            Mark::OutcomeMerged => rows
                .iter()
                .any(|r| matches!(r.input.outcome, Some((_, Basis::Merged)))),
        };
        for (kind, label) in [
            Mark::Recent,
            Mark::National,
            Mark::Target,
            Mark::Outcome,
            Mark::OutcomeMerged,
        ]
        .into_iter()
        .zip(labels.iter())
        .filter(|(k, _)| used(*k))
        {
            mark(root, kind, (bx + x, by + y), s)?;
            let (tw, _) = keys_area.estimate_text_size(label, &style).map_err(err)?;
            keys_area
                .draw_text(label, &style, (x + (12.0 * s) as i32, y))
                .map_err(err)?;
            x += tw as i32 + (34.0 * s) as i32;
        }
        Ok(())
    })
}

/// Whether a row's last-year growth is the nation's, standing in.
fn national(r: &grdp_study::batch::BatchRow) -> bool {
    matches!(r.input.recent, RecentSource::National { .. })
}

/// The marks of the chart.
#[derive(Clone, Copy)]
enum Mark {
    /// Last year's growth: a black dot.
    Recent,
    /// The nation's growth standing in for it: a hollow black dot.
    National,
    /// The target: a vermillion upright bar.
    Target,
    /// The outcome: a blue diamond.
    Outcome,
    /// The outcome of the region as merged after the target was set: a
    /// hollow blue diamond.
    OutcomeMerged,
}

/// Draws `kind` centred on `at` (pixels of `root`).
fn mark(root: &Area, kind: Mark, at: (i32, i32), s: f64) -> Result<(), ReportError> {
    let r = (5.0 * s) as i32;
    let thin = (2.0 * s).max(1.0) as u32;
    let (x, y) = at;
    match kind {
        Mark::Recent => root.draw(&Circle::new(at, r, INK.filled())),
        Mark::National => {
            // A ring: a dot with a white centre (plotters' thick circle
            // outlines leave gaps).
            root.draw(&Circle::new(at, r, INK.filled())).map_err(err)?;
            root.draw(&Circle::new(at, r - thin as i32, WHITE.filled()))
        }
        Mark::Target => {
            let (h, half) = ((8.0 * s) as i32, (2.0 * s).max(1.0) as i32);
            root.draw(&Rectangle::new(
                [(x - half, y - h), (x + half, y + h)],
                TARGET.filled(),
            ))
        }
        Mark::Outcome => root.draw(&Polygon::new(diamond(at, r + 1), MET.filled())),
        Mark::OutcomeMerged => {
            root.draw(&Polygon::new(diamond(at, r + 1), MET.filled()))
                .map_err(err)?;
            let inner = r + 1 - (f64::from(thin) * 1.5).round() as i32;
            root.draw(&Polygon::new(diamond(at, inner), WHITE.filled()))
        }
    }
    .map_err(err)
}

/// The corners of a diamond of radius `r` around `(x, y)`, pixels.
fn diamond((x, y): (i32, i32), r: i32) -> Vec<(i32, i32)> {
    vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
}
