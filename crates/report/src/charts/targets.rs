//! Chart 7. Target dashboard: P(met) of every target.

use plotters::prelude::*;

use super::*;

/// 7. Target dashboard: P(met) of every target, the projection against its range.
pub(super) fn dashboard(
    input: &ReportInput,
    w: &Words,
) -> Result<(String, String, Vec<u8>), ReportError> {
    let r = input.views[0].result;
    let rows: Vec<(String, String, Option<f64>, bool)> = input
        .target_outcomes
        .iter()
        .map(|o| {
            let p = r
                .targets
                .iter()
                .find(|t| t.id == o.target.id)
                .and_then(|t| t.probability);
            (
                format!("{} ({})", w.target_label(&o.target), o.target.year),
                w.target_detail(o),
                p,
                matches!(
                    o.status,
                    grdp_core::TargetStatus::Met | grdp_core::TargetStatus::Exceeded
                ),
            )
        })
        .collect();
    let n = rows.len().max(1);
    let (title, subtitle, caption) = w.dashboard();
    let png = render(input, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source())?;
        let mut chart = ChartBuilder::on(&area)
            .x_label_area_size(40.0 * s)
            .y_label_area_size(430.0 * s)
            .build_cartesian_2d(0.0..1.55, -0.5..(n as f64 - 0.5))
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(RGBColor(0xf2, 0xf2, 0xf2))
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .disable_y_mesh()
            .y_labels(n)
            .x_labels(6)
            .x_label_formatter(&|x| {
                if *x <= 1.0 + 1e-9 {
                    w.num(*x, 1)
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&|y| {
                let i = y.round();
                if (y - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < n {
                    rows[n - 1 - i as usize].0.clone()
                } else {
                    String::new()
                }
            })
            .x_desc(w.axis_p_met())
            .label_style(font(13.0, s))
            .axis_desc_style(font(15.0, s))
            .draw()
            .map_err(err)?;
        chart
            .draw_series(rows.iter().enumerate().map(|(i, (_, _, p, met))| {
                let y = (n - 1 - i) as f64;
                let colour = if *met { MET } else { MISSED };
                Rectangle::new(
                    [(0.0, y - 0.32), (p.unwrap_or(0.0).max(0.003), y + 0.32)],
                    colour.filled(),
                )
            }))
            .map_err(err)?
            .label(w.projection_meets())
            .legend(swatch(MET.filled(), s));
        chart
            .draw_series(std::iter::empty::<Rectangle<(f64, f64)>>())
            .map_err(err)?
            .label(w.projection_misses())
            .legend(swatch(MISSED.filled(), s));
        chart
            .draw_series(rows.iter().enumerate().map(|(i, (_, detail, p, _))| {
                let y = (n - 1 - i) as f64 + 0.2;
                let label = match p {
                    Some(p) => format!("P = {}   {detail}", w.num(*p, 3)),
                    None => detail.clone(),
                };
                Text::new(label, (p.unwrap_or(0.0) + 0.015, y), font(12.0, s))
            }))
            .map_err(err)?;
        legend!(chart, SeriesLabelPosition::UpperRight, s, 13.0);
        Ok(())
    })?;
    Ok((title, caption, png))
}
