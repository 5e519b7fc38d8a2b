//! Model speed across commits (`benches/history.csv`), for BENCHMARKS.md:
//! a slowdown shows at a glance.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::*;

/// One measurement of `benches/history.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeedRow {
    /// When, as written (ISO 8601, UTC).
    pub date: String,
    /// The commit measured.
    pub commit: String,
    /// The benchmark's id.
    pub benchmark: String,
    /// The value, in `unit`.
    pub value: f64,
    /// `M elements/s` (higher is faster) or `ns` (lower is faster).
    pub unit: String,
    /// What the row was compared with (empty where nothing): a new peer
    /// starts a new line in the ratio panel.
    pub peer: String,
    /// grdp's speed over its peer's, where the row compares them.
    pub peer_ratio: Option<f64>,
}

/// The chart of `rows` (in file order, oldest first): each benchmark's
/// speed relative to its first measurement (above, one line a benchmark),
/// and grdp's ratio to its peer (below); runs along the bottom by commit.
pub fn speed_history(rows: &[SpeedRow]) -> Result<Vec<u8>, ReportError> {
    // The runs: distinct (day, commit), in the order of their first record
    // (one commit's criterion and compare.sh rows share a place).
    let day = |d: &str| d.get(..10).unwrap_or(d).to_string();
    let mut first: Vec<(String, (String, String))> = Vec::new();
    for r in rows {
        let key = (day(&r.date), r.commit.clone());
        match first.iter_mut().find(|(_, k)| *k == key) {
            Some((when, _)) if r.date < *when => *when = r.date.clone(),
            Some(_) => {}
            None => first.push((r.date.clone(), key)),
        }
    }
    first.sort();
    let runs: Vec<(String, String)> = first.into_iter().map(|(_, k)| k).collect();
    let at = |r: &SpeedRow| {
        runs.iter()
            .position(|k| k.0 == day(&r.date) && k.1 == r.commit)
            .unwrap_or(0) as f64
    };
    let mut names: Vec<&str> = Vec::new();
    for r in rows {
        if !names.contains(&r.benchmark.as_str()) {
            names.push(&r.benchmark);
        }
    }
    let speed = |r: &SpeedRow| {
        if r.unit == "ns" {
            1.0 / r.value
        } else {
            r.value
        }
    };
    let series: Vec<Series> = names
        .iter()
        .map(|n| {
            let mine: Vec<&SpeedRow> = rows.iter().filter(|r| r.benchmark == *n).collect();
            let first = mine.first().map_or(1.0, |r| speed(r));
            (
                *n,
                vec![mine.iter().map(|r| (at(r), speed(r) / first)).collect()],
            )
        })
        .collect();
    // A ratio is only comparable with the same peer: each new peer starts
    // a new line, and the run where it starts is marked.
    let mut new_peer: Vec<f64> = Vec::new();
    let ratios: Vec<Series> = names
        .iter()
        .filter_map(|n| {
            let mut lines: Vec<Vec<(f64, f64)>> = Vec::new();
            let mut last: Option<&str> = None;
            for r in rows.iter().filter(|r| r.benchmark == *n) {
                let Some(p) = r.peer_ratio else { continue };
                if last.is_none_or(|l| l != r.peer) {
                    if last.is_some() && !new_peer.contains(&at(r)) {
                        new_peer.push(at(r));
                    }
                    lines.push(Vec::new());
                    last = Some(&r.peer);
                }
                if let Some(line) = lines.last_mut() {
                    // On a doubling scale: log₂ of the ratio, labelled back
                    // as ratios, so 4× and 20× both read at a glance.
                    line.push((at(r), p.max(f64::MIN_POSITIVE).log2()));
                }
            }
            (!lines.is_empty()).then_some((*n, lines))
        })
        .collect();
    let n = runs.len().max(1) as f64;
    let highest = |s: &[Series]| {
        s.iter()
            .flat_map(|(_, lines)| lines.iter().flatten().map(|(_, y)| *y))
            .fold(1.0_f64, f64::max)
    };
    let top = highest(&series) * 1.15;
    let ratio_top = highest(&ratios).max(0.0) + 0.4;
    // The commit alone (its date is in the file): a date beside it would
    // crowd the axis. Past 18 runs, every second (third, ...) is named.
    let every = runs.len().div_ceil(18).max(1);
    let labels: Vec<String> = runs
        .iter()
        .enumerate()
        .map(|(i, (_, c))| {
            if i % every == 0 {
                c.clone()
            } else {
                String::new()
            }
        })
        .collect();
    render_sized(1, (WIDTH, HEIGHT + 150), |root, s| {
        let area = frame(
            root,
            s,
            "grdp's model speed across commits",
            "Above: each benchmark's speed over its first record (lower is a slowdown). Below: grdp's speed over its NumPy peer; dotted: a new peer.",
            "Source: benches/history.csv (criterion medians via benches/record.py; benches/compare.sh), runs by commit, dates in the file. Machines differ between rows: compare within a run.",
        )?;
        let (upper, lower) = area.split_vertically((520.0 * s) as u32);
        let label_of = |x: &f64| {
            let i = x.round();
            if (x - i).abs() < 1e-9 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        };
        let no_label = |_: &f64| String::new();
        let unlabelled = Panel {
            n,
            label_of: &no_label,
            ticks: runs.len().max(2),
            label_area: 12.0,
            y: None,
        };
        let doubling = |v: &f64| {
            let i = v.round();
            if (v - i).abs() < 1e-9 && i >= 0.0 {
                format!("{}×", 2_f64.powi(i as i32))
            } else {
                String::new()
            }
        };
        let panel = Panel {
            n,
            label_of: &label_of,
            ticks: runs.len().max(2),
            label_area: 30.0,
            y: Some((&doubling, ratio_top.ceil() as usize + 1)),
        };
        unlabelled.draw(
            &upper,
            s,
            (top, "speed / first record", 0.0),
            &series,
            &COMPONENT_COLOURS,
            SeriesLabelPosition::UpperLeft,
            &[],
            &[],
        )?;
        panel.draw(
            &lower,
            s,
            (ratio_top, "× NumPy (doubling scale)", 10.0),
            &ratios,
            &VIEW_COLOURS,
            SeriesLabelPosition::LowerRight,
            &[
                (4_f64.log2(), "target, full model, one core: 4×"),
                (20_f64.log2(), "target, reference model, one core: 20×"),
            ],
            &new_peer,
        )?;
        Ok(())
    })
}

/// How a series' points are marked.
#[derive(Clone, Copy)]
enum Marker {
    Dot,
    Cross,
    Triangle,
    Square,
}

impl Marker {
    const ALL: [Marker; 4] = [Marker::Dot, Marker::Cross, Marker::Triangle, Marker::Square];
}

/// A named series: its lines (one, or one a peer), each of (run, value)
/// points.
type Series<'n> = (&'n str, Vec<Vec<(f64, f64)>>);

/// One panel of the chart: runs along the bottom, a line a series.
struct Panel<'l> {
    n: f64,
    label_of: Labels<'l>,
    ticks: usize,
    /// Height of the labels under the panel, logical pixels.
    label_area: f64,
    /// The vertical axis's labels and how many, where not plain numbers.
    y: Option<(Labels<'l>, usize)>,
}

/// A label for each position along an axis (empty: none there).
type Labels<'l> = &'l dyn Fn(&f64) -> String;

impl Panel<'_> {
    /// Draws `series` on `area` up to `top` (with `y_desc` and `margin_top`
    /// logical pixels above), series `k` in colour `k mod colours.len()` and
    /// marker `k mod 4` (dot, cross, triangle, square), so no two look
    /// alike, in greyscale too (the shades of the palette come close);
    /// each of `marks` a dashed grey line at its height, named at the left;
    /// each run of `new_peer` a dotted grey line up the panel, named at its
    /// top.
    #[allow(clippy::too_many_arguments)]
    fn draw(
        &self,
        area: &Area,
        s: f64,
        (top, y_desc, margin_top): (f64, &str, f64),
        series: &[Series],
        colours: &[RGBColor],
        pos: SeriesLabelPosition,
        marks: &[(f64, &str)],
        new_peer: &[f64],
    ) -> Result<(), ReportError> {
        let mut chart = ChartBuilder::on(area)
            .x_label_area_size(self.label_area * s)
            .y_label_area_size(60.0 * s)
            .margin_right(20.0 * s)
            .margin_top(margin_top * s)
            .build_cartesian_2d(-0.5..self.n - 0.5, 0.0..top)
            .map_err(err)?;
        let mut mesh = chart.configure_mesh();
        mesh.light_line_style(WHITE)
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .x_labels(self.ticks)
            .x_label_formatter(self.label_of)
            .y_desc(y_desc)
            .label_style(font(12.0, s))
            .axis_desc_style(font(14.0, s));
        if let Some((label_of, count)) = self.y {
            mesh.y_label_formatter(label_of).y_labels(count);
        }
        mesh.draw().map_err(err)?;
        for &(y, name) in marks {
            let grey = RGBColor(0x70, 0x70, 0x70);
            chart
                .draw_series(DashedLineSeries::new(
                    [(-0.5, y), (self.n - 0.5, y)],
                    (6.0 * s) as u32,
                    (4.0 * s) as u32,
                    grey.stroke_width((1.5 * s).max(1.0) as u32),
                ))
                .map_err(err)?;
            chart
                .draw_series(std::iter::once(Text::new(
                    name.to_string(),
                    (-0.45, y),
                    font(11.0, s)
                        .color(&grey)
                        .pos(Pos::new(HPos::Left, VPos::Bottom)),
                )))
                .map_err(err)?;
        }
        for &x in new_peer {
            let grey = RGBColor(0x70, 0x70, 0x70);
            chart
                .draw_series(DashedLineSeries::new(
                    [(x - 0.5, 0.0), (x - 0.5, top)],
                    (2.0 * s) as u32,
                    (3.0 * s) as u32,
                    grey.stroke_width((1.5 * s).max(1.0) as u32),
                ))
                .map_err(err)?;
            chart
                .draw_series(std::iter::once(Text::new(
                    "new peer →".to_string(),
                    (x - 0.45, top),
                    font(11.0, s)
                        .color(&grey)
                        .pos(Pos::new(HPos::Left, VPos::Top)),
                )))
                .map_err(err)?;
        }
        let r = (5.0 * s) as i32;
        for (k, (name, lines)) in series.iter().enumerate() {
            let colour = colours[k % colours.len()];
            let marker = Marker::ALL[k % Marker::ALL.len()];
            for line in lines.iter().skip(1) {
                chart
                    .draw_series(LineSeries::new(
                        line.iter().copied(),
                        colour.stroke_width((2.0 * s) as u32),
                    ))
                    .map_err(err)?;
            }
            let pts: Vec<(f64, f64)> = lines.iter().flatten().copied().collect();
            chart
                .draw_series(LineSeries::new(
                    lines.first().into_iter().flatten().copied(),
                    colour.stroke_width((2.0 * s) as u32),
                ))
                .map_err(err)?
                .label(name.to_string())
                .legend(move |(x, y)| {
                    // Relative to the anchor at the key's centre; the
                    // markers not drawn have no size (a point on the line).
                    let line = PathElement::new(vec![(-8, 0), (8, 0)], colour.stroke_width(2));
                    let size = |m: Marker| if m as u8 == marker as u8 { 4 } else { 0 };
                    let (t, q) = (size(Marker::Triangle), size(Marker::Square));
                    EmptyElement::at((x + 8, y))
                        + line
                        + Circle::new((0, 0), size(Marker::Dot), colour.filled())
                        + Cross::new((0, 0), size(Marker::Cross), colour.stroke_width(2))
                        + Polygon::new(vec![(0, -t), (-t, t), (t, t)], colour.filled())
                        + Rectangle::new([(-q, -q), (q, q)], colour.filled())
                });
            let width = (2.0 * s) as u32;
            let at = |p: &(f64, f64)| EmptyElement::at(*p);
            match marker {
                Marker::Dot => chart.draw_series(
                    pts.iter()
                        .map(|p| at(p) + Circle::new((0, 0), r, colour.filled())),
                ),
                Marker::Cross => chart.draw_series(
                    pts.iter()
                        .map(|p| at(p) + Cross::new((0, 0), r, colour.stroke_width(width))),
                ),
                Marker::Triangle => chart.draw_series(pts.iter().map(|p| {
                    at(p) + Polygon::new(vec![(0, -r), (-r, r), (r, r)], colour.filled())
                })),
                Marker::Square => chart.draw_series(pts.iter().map(|p| {
                    at(p) + Rectangle::new([(1 - r, 1 - r), (r - 1, r - 1)], colour.filled())
                })),
            }
            .map_err(err)?;
        }
        if !series.is_empty() {
            legend!(chart, pos, s, 11.0);
        }
        Ok(())
    }
}
