//! Chart 3. The distribution of simulated growth.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::*;

/// How opaque a target range's shade is over white: light enough for the
/// curves to read through it, dark enough to stay in greyscale (a
/// lightness of about 0.84).
const BAND_ALPHA: f64 = 0.3;

/// 3. The distribution of simulated growth, each view with its P.
pub(super) fn distribution(
    input: &ReportInput,
    w: &Words,
    layout: Layout,
) -> Result<(String, String, Vec<u8>), ReportError> {
    let main = &input.views[0].result;
    let target = main.target_pct;
    // A readable histogram: about 120 bins between the views' 0.5th and 99.5th percentiles.
    let lo = input
        .views
        .iter()
        .map(|v| v.result.quantiles_pct.p1)
        .fold(f64::INFINITY, f64::min)
        - 1.0;
    let hi = input
        .views
        .iter()
        .map(|v| v.result.quantiles_pct.p99)
        .fold(f64::NEG_INFINITY, f64::max)
        + 1.0;
    let (lo, hi) = nice_range(lo, hi);
    // P(growth ≥ x) at every bin edge: the draws in the bins from x up,
    // plus those above the last bin, over all draws (exact at the edges).
    let exceedance = |r: &grdp_montecarlo::SimResult| -> Vec<(f64, f64)> {
        let h = &r.histogram;
        let n = r.scenarios as f64;
        let mut above = h.over;
        let mut pts: Vec<(f64, f64)> = Vec::with_capacity(h.counts.len() + 1);
        pts.push((h.lo + h.counts.len() as f64 * h.width, above as f64 / n));
        for (b, c) in h.counts.iter().enumerate().rev() {
            above += c;
            pts.push((h.lo + b as f64 * h.width, above as f64 / n));
        }
        pts.reverse();
        // Exact at every kept edge; one edge every 1/800 of the axis at
        // most, so that a wide or dashed stroke is not a staircase of
        // sub-pixel steps.
        let step = (hi - lo) / 800.0;
        let mut kept: Vec<(f64, f64)> = Vec::new();
        for p in pts.into_iter().filter(|(x, _)| *x >= lo && *x <= hi) {
            if kept.last().is_none_or(|l| p.0 - l.0 >= step) {
                kept.push(p);
            }
        }
        kept
    };
    let curves: Vec<Vec<(f64, f64)>> = input.views.iter().map(|v| exceedance(v.result)).collect();
    let (pi, preferred) = w.preferred_view();
    let (title, subtitle, caption) = w.distribution();
    // A target range (10-10.5 %, a floor with room above or a band to stay
    // within) is shaded from its lower end, where the dots are, to its
    // upper end, clipped at the axis's end.
    let upper = input
        .briefing
        .preferred
        .as_ref()
        .and_then(|p| {
            p.upper_end
                .map(|u| u.target_pct)
                .or(p.as_set.and_then(|a| a.max_pct))
        })
        .filter(|u| *u > target);
    // The key's labels: the target, then each view with its P.
    let target_label = match upper {
        Some(u) => w.target_range_at(target, u),
        None => w.target_at(target),
    };
    let view_labels: Vec<String> = input
        .views
        .iter()
        .enumerate()
        .map(|(vi, v)| {
            format!(
                "{}: P = {}{}",
                v.name,
                w.num(v.result.probability, 3),
                if vi == pi {
                    w.word_the_answer()
                } else {
                    String::new()
                }
            )
        })
        .collect();
    let labels: Vec<String> = std::iter::once(target_label.clone())
        .chain(view_labels.iter().cloned())
        .collect();
    let png = render(input, layout, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source())?;
        // The curves cross the whole panel, and long view names make a wide
        // key: it goes under the chart, on the page as on the phone, with
        // room for every line a long name wraps onto.
        let lines = legend_lines(&area, &labels, s)?;
        let (area, below) = legend_below(area, lines, s);
        let mut keys = Keys::new();
        let mut chart = ChartBuilder::on(&area)
            .x_label_area_size(44.0 * s)
            .y_label_area_size(70.0 * s)
            .build_cartesian_2d(lo..hi, 0.0..1.0)
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .y_labels(6)
            .y_label_formatter(&|y| w.text_num(*y, 1))
            .x_label_formatter(&|x| w.text_num(*x, 1))
            .y_desc(w.axis_exceedance())
            .x_desc(w.axis_growth_pct(main.target_year))
            .label_style(font(14.0, s))
            .axis_desc_style(font(16.0, s))
            .draw()
            .map_err(err)?;
        if let Some(u) = upper.filter(|_| target < hi) {
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(target, 0.0), (u.min(hi), 1.0)],
                    TARGET.mix(BAND_ALPHA).filled(),
                )))
                .map_err(err)?;
            // Its upper end, thinner than the lower where the dots are.
            if u < hi {
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(u, 0.0), (u, 1.0)],
                        TARGET.stroke_width((1.5 * s).max(1.0) as u32),
                    )))
                    .map_err(err)?;
            }
        }
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(target, 0.0), (target, 1.0)],
                TARGET.stroke_width((3.0 * s) as u32),
            )))
            .map_err(err)?;
        match upper {
            Some(_) => keys.add(target_label.clone(), move |(x, y): (i32, i32)| {
                let len = (16.0 * s) as i32;
                let half = (5.0 * s) as i32;
                Rectangle::new(
                    [(x, y - half), (x + len, y + half)],
                    TARGET.mix(BAND_ALPHA).filled(),
                )
            }),
            None => keys.add(target_label.clone(), line_key(TARGET, 3.0, s)),
        }
        for (vi, v) in input.views.iter().enumerate() {
            let colour = VIEW_COLOURS[vi % VIEW_COLOURS.len()];
            let r = v.result;
            let width = if vi == pi { 4.0 } else { 2.0 };
            // The answer solid, the others dashed, each its own dash, so
            // that the curves part in greyscale as in colour.
            // From the fifth view the dashes shift against the colours, so
            // that no two views share both.
            let dash =
                (vi != pi).then(|| VIEW_DASHES[(vi + vi / VIEW_COLOURS.len()) % VIEW_DASHES.len()]);
            let style = colour.stroke_width((width * s) as u32);
            match dash {
                None => chart
                    .draw_series(LineSeries::new(curves[vi].iter().copied(), style))
                    .map_err(err)?,
                Some((on, off)) => chart
                    .draw_series(DashedLineSeries::new(
                        curves[vi].iter().copied(),
                        on * s,
                        off * s,
                        style,
                    ))
                    .map_err(err)?,
            };
            keys.add(view_labels[vi].clone(), move |(x, y): (i32, i32)| {
                // The key is short: its dash at half length, so
                // that a long dash still shows a gap.
                let len = (16.0 * s) as i32;
                let (on, off) = dash.map_or((16.0, 0.0), |(on, off)| (0.5 * on, 0.5 * off));
                DashedPathElement::new(
                    vec![(x, y), (x + len, y)],
                    (on * s).max(1.0) as i32,
                    (off * s).max(1.0) as i32,
                    style,
                )
            });
            // Where each curve crosses the target: the view's P.
            chart
                .draw_series(std::iter::once(Circle::new(
                    (target, r.probability),
                    (if vi == pi { 7.0 } else { 5.0 } * s) as i32,
                    colour.filled(),
                )))
                .map_err(err)?;
        }
        // The answer, written in the empty lower right and tied to its dot
        // (on the phone a little higher, clear of the curves).
        let r = preferred.result;
        let at = (
            target + (hi - lo) * layout.pick(0.17, 0.14),
            r.probability + layout.pick(0.0, 0.12),
        );
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![
                    (target + (hi - lo) * 0.01, r.probability),
                    (at.0 - (hi - lo) * 0.005, at.1),
                ],
                GREY.stroke_width(s.max(1.0) as u32),
            )))
            .map_err(err)?;
        // The simulation's own error is in the appendix (chart 6): beside
        // the answer it would suggest a precision the assumptions lack.
        chart
            .draw_series(std::iter::once(Text::new(
                w.p_at_least(target, r.probability),
                at,
                bold(layout.pick(16.0, 14.0), s)
                    .color(&INK)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            )))
            .map_err(err)?;
        keys.draw(&mut chart, below, SeriesLabelPosition::UpperRight, s)?;
        Ok(())
    })?;
    Ok((title, caption, png))
}
