//! Chart 7. Target dashboard: P(met) of every target.

use plotters::prelude::*;

use super::*;

/// 7. Target dashboard: P(met) of every target, the projection against its range.
pub(super) fn dashboard(
    input: &ReportInput,
    w: &Words,
) -> Result<(String, String, Vec<u8>), ReportError> {
    let (_, view) = w.preferred_view();
    let r = view.result;
    let rows: Vec<(String, String, Option<f64>, RGBColor)> = input
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
                match o.status {
                    grdp_core::TargetStatus::Met => MET,
                    grdp_core::TargetStatus::Exceeded => EXCEEDED,
                    _ => MISSED,
                },
            )
        })
        .collect();
    let n = rows.len().max(1);
    let (title, subtitle, caption) = w.dashboard();
    let png = render(input, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source())?;
        let mut chart = ChartBuilder::on(&area)
            .x_label_area_size(40.0 * s)
            .y_label_area_size(390.0 * s)
            // The axis ends at 1; the labels of long bars run into the margin.
            .margin_right(330.0 * s)
            .build_cartesian_2d(0.0..1.0, -0.5..(n as f64 - 0.5))
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .disable_y_mesh()
            .y_labels(n)
            .x_labels(6)
            .x_label_formatter(&|x| w.text_num(*x, 1))
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
            .draw_series(rows.iter().enumerate().map(|(i, (_, _, p, colour))| {
                let y = (n - 1 - i) as f64;
                Rectangle::new(
                    [(0.0, y - 0.32), (p.unwrap_or(0.0).max(0.003), y + 0.32)],
                    colour.filled(),
                )
            }))
            .map_err(err)?;
        chart
            .draw_series(rows.iter().enumerate().map(|(i, (_, detail, p, _))| {
                let y = (n - 1 - i) as f64 + 0.2;
                let label = match p {
                    Some(p) => format!("P = {}   {detail}", w.probability(*p)),
                    None => detail.clone(),
                };
                Text::new(label, (p.unwrap_or(0.0) + 0.015, y), font(12.0, s))
            }))
            .map_err(err)?;
        // The legend sits in the right margin, below the longest labels.
        let (aw, ah) = area.dim_in_pixel();
        let (x0, y0) = (
            aw as i32 - (300.0 * s) as i32,
            ah as i32 - (150.0 * s) as i32,
        );
        let step = (22.0 * s) as i32;
        let side = (14.0 * s) as i32;
        for (k, (label, colour)) in [
            (w.projection_meets(), MET),
            (w.projection_exceeds(), EXCEEDED),
            (w.projection_misses(), MISSED),
        ]
        .into_iter()
        .enumerate()
        {
            let y = y0 + k as i32 * step;
            area.draw(&Rectangle::new(
                [(x0, y), (x0 + side, y + side)],
                colour.filled(),
            ))
            .map_err(err)?;
            area.draw(&Text::new(
                label,
                (x0 + side + (8.0 * s) as i32, y),
                font(13.0, s),
            ))
            .map_err(err)?;
        }
        Ok(())
    })?;
    Ok((title, caption, png))
}
