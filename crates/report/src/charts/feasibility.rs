//! Chart 8. Feasibility curve: P(target) against one component's growth.

use plotters::prelude::*;

use super::*;

/// 8. Feasibility curve: P(target) against one component's growth.
pub(super) fn feasibility(
    input: &ReportInput,
    w: &Words,
    layout: Layout,
) -> Result<(String, String, Vec<u8>), ReportError> {
    let r = input.views[0].result;
    let Some(f) = &r.feasibility else {
        return Err(ReportError::Inconsistent(
            "the simulation has no feasibility curve".into(),
        ));
    };
    let econ = input.loaded.scenario.economy();
    let Some(c) = econ.index_of(&f.component) else {
        return Err(ReportError::Inconsistent(format!(
            "the feasibility curve is for `{}`, which the scenario does not have",
            f.component
        )));
    };
    let xs: Vec<f64> = f.points.iter().map(|p| p.centre_pct).collect();
    let (xlo, xhi) = (
        xs.first().copied().unwrap_or(0.0),
        xs.last().copied().unwrap_or(1.0),
    );
    let planned = input
        .projection
        .years
        .iter()
        .find(|y| y.year == r.target_year)
        .map(|y| y.components[c].growth_pct);
    // Where the curve crosses one half, by linear interpolation.
    let half = f
        .points
        .windows(2)
        .find(|p| p[0].probability < 0.5 && p[1].probability >= 0.5)
        .map(|p| {
            let t = (0.5 - p[0].probability) / (p[1].probability - p[0].probability);
            p[0].centre_pct + t * (p[1].centre_pct - p[0].centre_pct)
        });
    let (title, subtitle, caption) = w.feasibility(c, half);
    let png = render(input, layout, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source())?;
        let (area, below) = split_legend(area, layout, 2, s);
        let mut keys = Keys::new();
        let mut chart = ChartBuilder::on(&area)
            .x_label_area_size(44.0 * s)
            .y_label_area_size(80.0 * s)
            .build_cartesian_2d(xlo..xhi, 0.0..1.0)
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .y_label_formatter(&|y| w.num(*y, 1))
            .x_label_formatter(&|x| w.num(*x, 1))
            .y_desc(w.axis_probability(r.target_pct))
            .x_desc(w.axis_component_growth(c))
            .label_style(font(14.0, s))
            .axis_desc_style(font(16.0, s))
            .draw()
            .map_err(err)?;
        // The first view's colour (the curve is drawn in that view): the
        // component's own could be orange, which deuteranopes cannot tell
        // from the targets' vermillion.
        let col = VIEW_COLOURS[0];
        chart
            .draw_series(LineSeries::new(
                f.points.iter().map(|p| (p.centre_pct, p.probability)),
                col.stroke_width((3.0 * s) as u32),
            ))
            .map_err(err)?;
        keys.add(w.curve_label(c), line_key(col, 3.0, s));
        chart
            .draw_series(f.points.iter().map(|p| {
                Circle::new(
                    (p.centre_pct, p.probability),
                    (3.0 * s) as i32,
                    col.filled(),
                )
            }))
            .map_err(err)?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(xlo, 0.5), (xhi, 0.5)],
                GREY.stroke_width((1.0 * s) as u32),
            )))
            .map_err(err)?;
        if let Some(pl) = planned {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(pl, 0.0), (pl, 1.0)],
                    TARGET.stroke_width((2.0 * s) as u32),
                )))
                .map_err(err)?;
            keys.add(w.planned_at(c, pl), line_key(TARGET, 2.0, s));
        }
        // The key sits top left, where a rising curve is low; a curve high
        // already in the left 40 % (the widest key, the Vietnamese one,
        // reaches about that far) would run under it, so the key goes
        // bottom right, below a curve that only rises.
        let key_edge = xlo + (xhi - xlo) * 0.4;
        let high_left = f
            .points
            .iter()
            .any(|p| p.centre_pct <= key_edge && p.probability > 0.8);
        let corner = if high_left {
            SeriesLabelPosition::LowerRight
        } else {
            SeriesLabelPosition::UpperLeft
        };
        keys.draw(&mut chart, below, corner, s)?;
        Ok(())
    })?;
    Ok((title, caption, png))
}
