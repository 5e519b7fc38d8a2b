//! Chart 10. The year so far: growth known for part of the year, the target
//! path, and the two ways on from the known part (what the target needs,
//! what the preferred scenario expects).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::*;

/// Chart 10: cumulative growth by part of the year (Q1, H1, 9M, the year).
pub(super) fn year_so_far(
    input: &ReportInput,
    w: &Words,
    layout: Layout,
) -> Result<(String, String, Vec<u8>), ReportError> {
    let g = input
        .given_known
        .ok_or_else(|| ReportError::Inconsistent("nothing known of the year".into()))?;
    let known = input.loaded.scenario.known();
    let path: Vec<(usize, f64)> = known
        .map(|k| {
            k.target_path_pct
                .iter()
                .map(|(p, v)| (p.quarters(), *v))
                .collect()
        })
        .unwrap_or_default();
    let (_, view) = w.preferred_view();
    let expected = view.result.mean_pct;
    let k = g.known.quarters();
    let covered = |q: usize| g.shares_pct[..q].iter().sum::<f64>();
    // Cumulative growth to quarter q when the rest grows at r.
    let cumulative = |q: usize, r: f64| {
        let (sk, sq) = (covered(k), covered(q));
        (sk * g.known_growth_pct + (sq - sk) * r) / sq
    };
    let later: Vec<usize> = (k + 1..=4).collect();
    let needed: Vec<(f64, f64)> = std::iter::once((k as f64, g.known_growth_pct))
        .chain(
            later
                .iter()
                .map(|q| (*q as f64, cumulative(*q, g.required_rest_pct))),
        )
        .collect();
    let expect: Vec<(f64, f64)> = std::iter::once((k as f64, g.known_growth_pct))
        .chain(later.iter().map(|q| (*q as f64, cumulative(*q, expected))))
        .collect();
    let values = needed
        .iter()
        .chain(&expect)
        .map(|p| p.1)
        .chain(path.iter().map(|p| p.1))
        .chain(std::iter::once(g.target_pct));
    let (vlo, vhi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    let (lo, hi) = nice_range(vlo - 1.5, vhi + 1.5);
    let (title, subtitle, caption) = w.year_so_far(g, expected);
    let png = render(input, layout, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source_data())?;
        let (area, below) = split_legend(area, layout, 4, s);
        let mut keys = Keys::new();
        let mut chart = ChartBuilder::on(&area)
            .margin_right(layout.pick(120.0, 56.0) * s)
            .x_label_area_size(44.0 * s)
            .y_label_area_size(70.0 * s)
            .build_cartesian_2d(0.5..4.5, lo..hi)
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .disable_x_mesh()
            .x_labels(4)
            .x_label_formatter(&|x: &f64| {
                let q = x.round() as usize;
                if (x - x.round()).abs() < 1e-6 && (1..=4).contains(&q) {
                    w.part_of_year(q)
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&|y| w.num(*y, 1))
            .y_desc(w.axis_growth_so_far_pct())
            .label_style(font(14.0, s))
            .axis_desc_style(font(16.0, s))
            .draw()
            .map_err(err)?;
        // What the target needs, and what the preferred scenario expects.
        chart
            .draw_series(DashedLineSeries::new(
                needed.clone(),
                (8.0 * s) as u32,
                (6.0 * s) as u32,
                TARGET.stroke_width((2.5 * s) as u32),
            ))
            .map_err(err)?;
        // A thin key for the dashed line; the targets' key is thick.
        keys.add(w.path_needed(g.required_rest_pct), line_key(TARGET, 2.0, s));
        let blue = VIEW_COLOURS[0];
        chart
            .draw_series(LineSeries::new(
                expect.clone(),
                blue.stroke_width((3.0 * s) as u32),
            ))
            .map_err(err)?;
        keys.add(w.path_expected(expected), line_key(blue, 3.0, s));
        // The target path and the year's target: vermillion dashes.
        let marks: Vec<(usize, f64)> = path
            .iter()
            .copied()
            .chain(std::iter::once((4, g.target_pct)))
            .collect();
        chart
            .draw_series(marks.iter().map(|(q, v)| {
                PathElement::new(
                    vec![(*q as f64 - 0.22, *v), (*q as f64 + 0.22, *v)],
                    TARGET.stroke_width((4.0 * s) as u32),
                )
            }))
            .map_err(err)?;
        chart
            .draw_series(marks.iter().map(|(q, v)| {
                Text::new(
                    w.lang.given_num(*v),
                    (*q as f64 + 0.26, *v),
                    bold(13.0, s)
                        .color(&TARGET)
                        .pos(Pos::new(HPos::Left, VPos::Center)),
                )
            }))
            .map_err(err)?;
        keys.add(w.path_target(!path.is_empty()), line_key(TARGET, 4.0, s));
        // The known part.
        chart
            .draw_series(std::iter::once(Circle::new(
                (k as f64, g.known_growth_pct),
                (7.0 * s) as i32,
                INK.filled(),
            )))
            .map_err(err)?;
        chart
            .draw_series(std::iter::once(Text::new(
                w.lang.given_num(g.known_growth_pct),
                (k as f64, g.known_growth_pct - (hi - lo) * 0.04),
                bold(13.0, s).pos(Pos::new(HPos::Center, VPos::Top)),
            )))
            .map_err(err)?;
        keys.add(w.path_known(), move |(x, y)| {
            Circle::new((x + (7.0 * s) as i32, y), (6.0 * s) as i32, INK.filled())
        });
        // The year's end of the expected line, labelled (the needed one
        // ends at the target, labelled already).
        for (line, colour) in [(&expect, blue)] {
            if let Some(&(x, y)) = line.last() {
                chart
                    .draw_series(std::iter::once(Text::new(
                        w.num(y, 2),
                        (x + 0.08, y - (hi - lo) * 0.05),
                        font(13.0, s)
                            .color(&colour)
                            .pos(Pos::new(HPos::Left, VPos::Center)),
                    )))
                    .map_err(err)?;
            }
        }
        keys.draw(&mut chart, below, SeriesLabelPosition::UpperLeft, s)?;
        Ok(())
    })?;
    Ok((title, caption, png))
}
