//! Chart 6. Convergence of P as scenarios accumulate.

use plotters::prelude::*;

use super::*;

/// 6. Convergence of P with its interval as scenarios accumulate.
pub(super) fn convergence(
    input: &ReportInput,
    w: &Words,
    layout: Layout,
) -> Result<(String, String, Vec<u8>), ReportError> {
    let r = input.views[0].result;
    let pts = &r.convergence;
    let xmin = pts.first().map_or(1.0, |c| c.scenarios as f64);
    let xmax = pts
        .last()
        .map_or(10.0, |c| c.scenarios as f64)
        .max(xmin * 10.0);
    let ylo = pts.iter().map(|c| c.ci95[0]).fold(f64::INFINITY, f64::min);
    let yhi = pts
        .iter()
        .map(|c| c.ci95[1])
        .fold(f64::NEG_INFINITY, f64::max);
    let pad = (yhi - ylo).max(0.01) * 0.15;
    let (title, subtitle, caption) = w.convergence();
    let png = render(input, layout, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source())?;
        let (area, below) = split_legend(area, layout, 2, s);
        let mut keys = Keys::new();
        let mut chart = ChartBuilder::on(&area)
            // On the phone, room for the last tick's or point's label.
            .margin_right(layout.pick(0.0, 26.0) * s)
            .x_label_area_size(44.0 * s)
            .y_label_area_size(80.0 * s)
            .build_cartesian_2d(
                (xmin..xmax).log_scale(),
                (ylo - pad).max(0.0)..(yhi + pad).min(1.0),
            )
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .x_label_formatter(&|x| w.num(*x, 0))
            .y_label_formatter(&|y| w.num(*y, 3))
            .y_desc(w.axis_probability(r.target_pct))
            .x_desc(w.axis_scenarios())
            .label_style(font(14.0, s))
            .axis_desc_style(font(16.0, s))
            .draw()
            .map_err(err)?;
        let c = VIEW_COLOURS[0];
        let band: Vec<(f64, f64)> = pts
            .iter()
            .map(|p| (p.scenarios as f64, p.ci95[1]))
            .chain(pts.iter().rev().map(|p| (p.scenarios as f64, p.ci95[0])))
            .collect();
        chart
            .draw_series(std::iter::once(Polygon::new(band, c.mix(0.25).filled())))
            .map_err(err)?;
        keys.add(w.ci95(), swatch(c.mix(0.25).filled(), s));
        chart
            .draw_series(LineSeries::new(
                pts.iter().map(|p| (p.scenarios as f64, p.probability)),
                c.stroke_width((3.0 * s) as u32),
            ))
            .map_err(err)?;
        keys.add(w.p_estimate(), line_key(c, 3.0, s));
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(xmin, r.probability), (xmax, r.probability)],
                GREY.stroke_width((1.0 * s) as u32),
            )))
            .map_err(err)?;
        keys.draw(&mut chart, below, SeriesLabelPosition::UpperRight, s)?;
        Ok(())
    })?;
    Ok((title, caption, png))
}
