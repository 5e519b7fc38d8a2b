//! Chart 3. The distribution of simulated growth.

use plotters::prelude::*;

use super::*;

/// 3. The distribution of simulated growth, each view with its P.
pub(super) fn distribution(
    input: &ReportInput,
    w: &Words,
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
    // Display bins of a whole number of the histogram's fine bins (about
    // 120 across the range), so that every display bin holds as many fine
    // bins as the next: no aliasing ripples.
    let density = |r: &grdp_montecarlo::SimResult| -> Vec<(f64, f64, f64)> {
        let h = &r.histogram;
        let per = (((hi - lo) / 120.0) / h.width).round().max(1.0) as usize;
        let width = per as f64 * h.width;
        let n = r.scenarios as f64;
        h.counts
            .chunks(per)
            .enumerate()
            .map(|(b, c)| {
                let x0 = h.lo + (b * per) as f64 * h.width;
                (x0, x0 + width, c.iter().sum::<u64>() as f64 / n / width)
            })
            .filter(|(a, b, _)| *b > lo && *a < hi)
            .collect()
    };
    let dens: Vec<Vec<(f64, f64, f64)>> = input.views.iter().map(|v| density(v.result)).collect();
    let ymax = dens.iter().flatten().map(|d| d.2).fold(0.0, f64::max) * 1.6;
    let (title, subtitle, caption) = w.distribution();
    let png = render(input, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source())?;
        let mut chart = ChartBuilder::on(&area)
            .x_label_area_size(44.0 * s)
            .y_label_area_size(70.0 * s)
            .build_cartesian_2d(lo..hi, 0.0..ymax)
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(RGBColor(0xf2, 0xf2, 0xf2))
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .y_label_formatter(&|y| w.num(*y, 2))
            .x_label_formatter(&|x| w.num(*x, 1))
            .y_desc(w.axis_density())
            .x_desc(w.axis_growth_pct(main.target_year))
            .label_style(font(14.0, s))
            .axis_desc_style(font(16.0, s))
            .draw()
            .map_err(err)?;
        // The first view filled, the region at or above the target darker.
        let c0 = VIEW_COLOURS[0];
        chart
            .draw_series(dens[0].iter().map(|&(x0, x1, d)| {
                let shade = if 0.5 * (x0 + x1) >= target {
                    c0.mix(0.75)
                } else {
                    c0.mix(0.25)
                };
                Rectangle::new([(x0.max(lo), 0.0), (x1.min(hi), d)], shade.filled())
            }))
            .map_err(err)?;
        for (vi, v) in input.views.iter().enumerate() {
            let colour = VIEW_COLOURS[vi % VIEW_COLOURS.len()];
            let pts: Vec<(f64, f64)> = dens[vi]
                .iter()
                .map(|&(x0, x1, d)| (0.5 * (x0 + x1), d))
                .filter(|(x, _)| *x >= lo && *x <= hi)
                .collect();
            let r = v.result;
            chart
                .draw_series(LineSeries::new(
                    pts,
                    colour.stroke_width((if vi == 0 { 3.0 } else { 2.5 } * s) as u32),
                ))
                .map_err(err)?
                .label(format!(
                    "{}: P = {} [{} – {}]",
                    v.name,
                    w.num(r.probability, 3),
                    w.num(r.probability_ci95[0], 3),
                    w.num(r.probability_ci95[1], 3)
                ))
                .legend(line_key(colour, 3.0, s));
        }
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(target, 0.0), (target, ymax * 0.78)],
                TARGET.stroke_width((3.0 * s) as u32),
            )))
            .map_err(err)?
            .label(w.target_at(target))
            .legend(line_key(TARGET, 3.0, s));
        chart
            .draw_series(std::iter::once(Text::new(
                w.p_at_least(target, main.probability, main.probability_ci95),
                // Below the legend band, above the curves' peak (at ymax / 1.6).
                (target + (hi - lo) * 0.01, ymax * 0.76),
                bold(16.0, s).color(&TARGET),
            )))
            .map_err(err)?;
        legend!(chart, SeriesLabelPosition::UpperLeft, s);
        Ok(())
    })?;
    Ok((title, caption, png))
}
