//! Chart 7. Target dashboard: P(met) of every target.

use plotters::prelude::*;

use super::*;

/// 7. Target dashboard: P(met) of every target, the projection against its range.
pub(super) fn dashboard(
    input: &ReportInput,
    w: &Words,
    layout: Layout,
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
            // A sector's growth target near one half only because the view
            // centres the sector on it says so.
            let mark = if w.plan_centred()
                && o.target.indicator == grdp_core::Indicator::GrowthPct
                && o.target.component.is_some()
            {
                w.by_construction_mark()
            } else {
                String::new()
            };
            (
                format!("{} ({})", w.target_label(&o.target), o.target.year),
                format!("{}{mark}", w.target_detail(o)),
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
    if layout.narrow() {
        let png = phone(input, w, &rows, [&title, &subtitle])?;
        return Ok((title, caption, png));
    }
    let png = render(input, layout, |root, s| {
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
        for (i, (_, _, p, colour)) in rows.iter().enumerate() {
            let y = (n - 1 - i) as f64;
            let corners = [
                chart.backend_coord(&(0.0, y - 0.32)),
                chart.backend_coord(&(p.unwrap_or(0.0).max(0.003), y + 0.32)),
            ];
            status_bar(root, corners, *colour, s)?;
        }
        chart
            .draw_series(rows.iter().enumerate().map(|(i, (_, detail, p, _))| {
                let y = (n - 1 - i) as f64 + 0.2;
                let label = match p {
                    Some(p) => format!("{}   {detail}", w.p_equals(*p)),
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
            status_bar(&area, [(x0, y), (x0 + side, y + side)], colour, s)?;
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

/// Logical pixels a target takes on the phone: its label, its bar, its
/// detail line and a gap.
const PHONE_ROW: f64 = 50.0;

/// The phone copy: one target a row, its name and P over a bar on a 0-1
/// track, the target and the projection under it.
fn phone(
    input: &ReportInput,
    w: &Words,
    rows: &[(String, String, Option<f64>, RGBColor)],
    [title, subtitle]: [&str; 2],
) -> Result<Vec<u8>, ReportError> {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    // The title wraps on the phone: room for each of its lines (about 36
    // characters a line at this size), so the key never meets the source.
    let title_lines = title.chars().count().div_ceil(36) as u32;
    let height = (PHONE_ROW * rows.len() as f64) as u32 + 200 + 30 * title_lines;
    render(input, Layout::Phone { height }, |root, s| {
        let area = frame(root, s, title, subtitle, &w.source())?;
        let (aw, _) = area.dim_in_pixel();
        let px = |v: f64| (v * s) as i32;
        let (left, right) = (px(4.0), aw as i32 - px(4.0));
        let track = right - left;
        let label = font(13.0, s).pos(Pos::new(HPos::Left, VPos::Top));
        let value = bold(13.0, s).pos(Pos::new(HPos::Right, VPos::Top));
        let detail = font(11.5, s)
            .color(&GREY)
            .pos(Pos::new(HPos::Left, VPos::Top));
        for (i, (name, text, p, colour)) in rows.iter().enumerate() {
            let top = px(PHONE_ROW * i as f64);
            let p_text = p.map_or_else(String::new, |p| w.p_equals(p));
            area.draw_text(&p_text, &value, (right, top)).map_err(err)?;
            area.draw_text(name, &label, (left, top)).map_err(err)?;
            let bar = top + px(18.0);
            area.draw(&Rectangle::new(
                [(left, bar), (right, bar + px(10.0))],
                RGBColor(0xee, 0xee, 0xee).filled(),
            ))
            .map_err(err)?;
            let end = left + (f64::from(track) * p.unwrap_or(0.0)).round() as i32;
            status_bar(
                &area,
                [(left, bar), (end.max(left + px(1.5)), bar + px(10.0))],
                *colour,
                s,
            )?;
            area.draw_text(text, &detail, (left, bar + px(13.0)))
                .map_err(err)?;
        }
        // The scale of the bars, then the key to their colours.
        let scale_y = px(PHONE_ROW * rows.len() as f64);
        let tick = font(11.5, s).color(&GREY);
        for (v, h) in [(0.0, HPos::Left), (0.5, HPos::Center), (1.0, HPos::Right)] {
            let x = left + (f64::from(track) * v) as i32;
            area.draw(&PathElement::new(
                vec![(x, scale_y - px(4.0)), (x, scale_y + px(2.0))],
                GREY.stroke_width(s as u32),
            ))
            .map_err(err)?;
            area.draw_text(
                &w.text_num(v, 1),
                &tick.pos(Pos::new(h, VPos::Top)),
                (x, scale_y + px(4.0)),
            )
            .map_err(err)?;
        }
        area.draw_text(
            &w.axis_p_met(),
            &font(12.0, s).pos(Pos::new(HPos::Center, VPos::Top)),
            (left + track / 2, scale_y + px(20.0)),
        )
        .map_err(err)?;
        let side = px(12.0);
        for (k, (text, colour)) in [
            (w.projection_meets(), MET),
            (w.projection_exceeds(), EXCEEDED),
            (w.projection_misses(), MISSED),
        ]
        .into_iter()
        .enumerate()
        {
            let y = scale_y + px(46.0 + 18.0 * k as f64);
            status_bar(&area, [(left, y), (left + side, y + side)], colour, s)?;
            area.draw_text(&text, &label, (left + side + px(8.0), y - px(1.0)))
                .map_err(err)?;
        }
        Ok(())
    })
}
