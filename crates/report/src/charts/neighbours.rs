//! Chart 11. The area beside its neighbours: growth in the base year and
//! the plan period's aim, with the step between.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::*;

/// Chart 11: one row a region, the area first: its growth in the base year
/// (a dot), its average aim for the plan period (an orange-red bar over
/// the range as drafted) and the step between (a grey line, labelled in
/// percentage points).
pub(super) fn neighbours(
    input: &ReportInput,
    w: &Words,
    layout: Layout,
) -> Result<(String, String, Vec<u8>), ReportError> {
    let n = input
        .neighbours
        .ok_or_else(|| ReportError::Inconsistent("no comparison with neighbours".into()))?;
    let rows = &n.rows;
    // At least four rows' height, so that one or two regions are not drawn
    // as slabs; past a dozen, the figures are left to the page's table.
    let count = rows.len().max(4);
    let crowded = rows.len() > 12;
    let values = rows
        .iter()
        .flat_map(|r| [r.growth_pct, r.aim_min_pct, r.aim_max_pct]);
    let (vlo, vhi) = values
        .flatten()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(v), b.max(v))
        });
    if !vlo.is_finite() {
        return Err(ReportError::Inconsistent(
            "no figure for any region of the comparison".into(),
        ));
    }
    // Room left of the lowest dot and right of the highest aim for their
    // figures.
    let (lo, hi) = nice_range(vlo - 1.0, vhi + 1.5);
    let (title, subtitle, caption) = w.neighbours(n);
    // On the phone each name sits above its row; on the page, left of it.
    let label_room = layout.pick(250.0, 12.0);
    // A filled dot where the year's growth is of the kind the region's own
    // is (the statistics office's estimate), a hollow one where the table
    // gives it another status (a People's Committee's estimate), so that
    // unlike figures do not look alike.
    let of_other_status = n.growth_of_other_status();
    let other = |r: &grdp_study::neighbours::NeighbourRow| {
        of_other_status
            .iter()
            .any(|(_, rows)| rows.iter().any(|o| std::ptr::eq(*o, r)))
    };
    // The hollow keys: one a kind of figure, said once (a People's
    // Committee's figure on another row and on the area's own read alike).
    let mut hollow_keys: Vec<String> = Vec::new();
    let statuses = of_other_status.iter().map(|(s, _)| *s).chain(
        rows.iter()
            .flat_map(|r| r.growth_other.iter().map(|o| o.status.as_str())),
    );
    for status in statuses {
        let key = w.neighbours_other_growth_key(n.year, status);
        if !hollow_keys.contains(&key) {
            hollow_keys.push(key);
        }
    }
    let png = render(input, layout, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source_provinces(&n.table))?;
        // Under the plot, where it covers no row's figures, with room for
        // every line a long key wraps onto.
        let mut labels = Vec::new();
        if rows.iter().any(|r| r.step_pp.is_some()) {
            labels.push(w.neighbours_step_key());
        }
        if let Some(period) = &n.period {
            labels.push(w.neighbours_aim_key(period));
        }
        labels.push(w.neighbours_growth_key(n.year));
        labels.extend(hollow_keys.iter().cloned());
        let lines = legend_lines(&area, &labels, s)?;
        let (area, below) = legend_below(area, lines, s);
        let mut keys = Keys::new();
        let mut chart = ChartBuilder::on(&area)
            .margin_right(layout.pick(10.0, 16.0) * s)
            .x_label_area_size(44.0 * s)
            .y_label_area_size(label_room * s)
            .build_cartesian_2d(lo..hi, -0.7..(count as f64 - 0.3))
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .disable_y_mesh()
            .y_labels(0)
            .x_labels(layout.pick(10, 5))
            .x_label_formatter(&|x| w.num(*x, 1))
            .x_desc(w.axis_neighbours_growth())
            .label_style(font(14.0, s))
            .axis_desc_style(font(16.0, s))
            .draw()
            .map_err(err)?;
        // Row i from the top.
        let y_of = |i: usize| (count - 1 - i) as f64;
        // The steps: a grey line from the year's growth to the aim.
        chart
            .draw_series(rows.iter().enumerate().filter_map(|(i, r)| {
                let (g, a) = (r.growth_pct?, r.aim_min_pct?);
                Some(PathElement::new(
                    vec![(g, y_of(i)), (a, y_of(i))],
                    GREY.stroke_width((2.0 * s) as u32),
                ))
            }))
            .map_err(err)?;
        if rows.iter().any(|r| r.step_pp.is_some()) {
            keys.add(w.neighbours_step_key(), line_key(GREY, 2.0, s));
        }
        // Each step's size, above its line's middle.
        chart
            .draw_series(
                rows.iter()
                    .enumerate()
                    .filter(|_| !crowded)
                    .filter_map(|(i, r)| {
                        let (g, a, step) = (r.growth_pct?, r.aim_min_pct?, r.step_pp?);
                        Some(Text::new(
                            w.signed(step),
                            ((g + a) / 2.0, y_of(i) + 0.12),
                            font(13.0, s).pos(Pos::new(HPos::Center, VPos::Bottom)),
                        ))
                    }),
            )
            .map_err(err)?;
        // The aims: the range as drafted, or a mark where it is one figure.
        let bar = (hi - lo) * 0.004;
        chart
            .draw_series(rows.iter().enumerate().filter_map(|(i, r)| {
                // A ceiling alone is a mark at it.
                let a = r.aim_min_pct.or(r.aim_max_pct)?;
                let b = r.aim_max_pct.unwrap_or(a).max(a + bar);
                let y = y_of(i);
                Some(Rectangle::new(
                    [(a - bar, y - 0.16), (b + bar, y + 0.16)],
                    TARGET.filled(),
                ))
            }))
            .map_err(err)?;
        if let Some(period) = &n.period {
            keys.add(w.neighbours_aim_key(period), swatch(TARGET.filled(), s));
        }
        // The year's growth: filled dots, hollow ones for another status.
        let radius =
            |r: &grdp_study::neighbours::NeighbourRow| ((if r.own { 8.0 } else { 6.5 }) * s) as i32;
        chart
            .draw_series(
                rows.iter()
                    .enumerate()
                    .filter(|(_, r)| !other(r))
                    .filter_map(|(i, r)| {
                        Some(Circle::new(
                            (r.growth_pct?, y_of(i)),
                            radius(r),
                            INK.filled(),
                        ))
                    }),
            )
            .map_err(err)?;
        let hollow = WHITE.filled();
        let ring = INK.stroke_width((2.0 * s).max(1.0) as u32);
        for style in [hollow, ring] {
            chart
                .draw_series(
                    rows.iter()
                        .enumerate()
                        .filter(|(_, r)| other(r))
                        .filter_map(|(i, r)| {
                            Some(Circle::new((r.growth_pct?, y_of(i)), radius(r), style))
                        }),
                )
                .map_err(err)?;
            // A region's other figures of the year (its People's
            // Committee's beside the statistics office's), smaller, on its
            // row.
            chart
                .draw_series(rows.iter().enumerate().flat_map(|(i, r)| {
                    r.growth_other
                        .iter()
                        .map(move |o| Circle::new((o.growth_pct, y_of(i)), (5.0 * s) as i32, style))
                }))
                .map_err(err)?;
        }
        keys.add(w.neighbours_growth_key(n.year), move |(x, y)| {
            Circle::new((x + (7.0 * s) as i32, y), (6.0 * s) as i32, INK.filled())
        });
        for key in &hollow_keys {
            keys.add(key.clone(), move |(x, y)| {
                Circle::new((x + (7.0 * s) as i32, y), (6.0 * s) as i32, ring)
            });
        }
        // The figures: the growth left of its dot, the aim right of its bar.
        let gap = (hi - lo) * 0.012;
        let value = font(13.0, s);
        chart
            .draw_series(
                rows.iter()
                    .enumerate()
                    .filter(|_| !crowded)
                    .filter_map(|(i, r)| {
                        Some(Text::new(
                            w.lang.given_num(r.growth_pct?),
                            (r.growth_pct? - gap - (hi - lo) * 0.008, y_of(i)),
                            value.pos(Pos::new(HPos::Right, VPos::Center)),
                        ))
                    }),
            )
            .map_err(err)?;
        // An other figure's value under its dot, clear of the step's size
        // above the line.
        let under = value.pos(Pos::new(HPos::Center, VPos::Top));
        let other_values: Vec<(String, (f64, f64))> = rows
            .iter()
            .enumerate()
            .filter(|_| !crowded)
            .flat_map(|(i, r)| {
                r.growth_other.iter().map(move |o| {
                    (
                        w.lang.given_num(o.growth_pct),
                        (o.growth_pct, y_of(i) - 0.22),
                    )
                })
            })
            .collect();
        chart
            .draw_series(
                other_values
                    .into_iter()
                    .map(|(text, at)| Text::new(text, at, under.clone())),
            )
            .map_err(err)?;
        chart
            .draw_series(
                rows.iter()
                    .enumerate()
                    .filter(|_| !crowded)
                    .filter_map(|(i, r)| {
                        let (text, end) = match (r.aim_min_pct, r.aim_max_pct) {
                            (Some(a), Some(b)) => (
                                format!("{}–{}", w.lang.given_num(a), w.lang.given_num(b)),
                                b,
                            ),
                            (None, Some(b)) => (format!("≤ {}", w.lang.given_num(b)), b),
                            (Some(a), None) => (w.lang.given_num(a), a),
                            (None, None) => return None,
                        };
                        Some(Text::new(
                            text,
                            (end + gap, y_of(i)),
                            value.pos(Pos::new(HPos::Left, VPos::Center)),
                        ))
                    }),
            )
            .map_err(err)?;
        // The names: the area's in bold; "–" rows say what they lack.
        let pad = (8.0 * s) as i32;
        for (i, r) in rows.iter().enumerate() {
            // A long name is cut to the room it has.
            let full = w.lang.region_name(&r.region);
            let most = layout.pick(32, 44);
            let name = if full.chars().count() > most {
                format!("{}…", full.chars().take(most - 1).collect::<String>())
            } else {
                full
            };
            let style = if r.own {
                bold(layout.pick(14.0, 13.0), s)
            } else {
                font(layout.pick(14.0, 13.0), s)
            };
            let (x0, y) = chart.backend_coord(&(lo, y_of(i)));
            if layout.narrow() {
                let (_, above) = chart.backend_coord(&(lo, y_of(i) + 0.3));
                root.draw_text(
                    &name,
                    &style.pos(Pos::new(HPos::Left, VPos::Bottom)),
                    (x0 + pad / 2, above),
                )
                .map_err(err)?;
            } else {
                root.draw_text(
                    &name,
                    &style.pos(Pos::new(HPos::Right, VPos::Center)),
                    (x0 - pad, y),
                )
                .map_err(err)?;
            }
        }
        keys.draw(&mut chart, below, SeriesLabelPosition::LowerRight, s)?;
        Ok(())
    })?;
    Ok((title, caption, png))
}
