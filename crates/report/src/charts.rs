//! The eight charts of the report, drawn with plotters into RGB buffers
//! and encoded as PNG. Every chart has a title, a subtitle that says what it
//! shows, axis labels with units, a legend where there is more than one
//! series, and a source line.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::FontStyle;

use crate::font::{FAMILY, register};
use crate::text::Words;
use crate::{Chart, ReportError, ReportInput};

/// Width and height at scale 1, pixels.
pub const WIDTH: u32 = 1200;
/// Height at scale 1, pixels.
pub const HEIGHT: u32 = 750;

/// Colours of the components, in the economy's order (a colour-blind-safe set).
const COMPONENT_COLOURS: [RGBColor; 6] = [
    RGBColor(0x4e, 0x9a, 0x3f),
    RGBColor(0x3b, 0x6e, 0xa8),
    RGBColor(0xf0, 0x8c, 0x2a),
    RGBColor(0x8e, 0x6c, 0xbf),
    RGBColor(0x99, 0x99, 0x99),
    RGBColor(0xc4, 0x4e, 0x52),
];
/// Colours of the views.
const VIEW_COLOURS: [RGBColor; 4] = [
    RGBColor(0x1f, 0x5f, 0xa8),
    RGBColor(0xe0, 0x7b, 0x12),
    RGBColor(0xb0, 0x30, 0x30),
    RGBColor(0x55, 0x55, 0x55),
];
const TARGET: RGBColor = RGBColor(0xc0, 0x10, 0x10);
const INK: RGBColor = RGBColor(0x20, 0x20, 0x20);
const GREY: RGBColor = RGBColor(0x70, 0x70, 0x70);
const MET: RGBColor = RGBColor(0x3a, 0x8a, 0x4a);
const MISSED: RGBColor = RGBColor(0xc4, 0x4e, 0x52);

type Area<'a> = DrawingArea<BitMapBackend<'a>, Shift>;

fn err<E: std::error::Error + Send + Sync + 'static>(e: E) -> ReportError {
    ReportError::Draw(Box::new(e))
}

/// Font of `size` pixels at scale 1.
fn font(size: f64, s: f64) -> TextStyle<'static> {
    (FAMILY, size * s).into_font().color(&INK)
}

fn bold(size: f64, s: f64) -> TextStyle<'static> {
    (FAMILY, size * s, FontStyle::Bold).into_font().color(&INK)
}

/// A legend key: a filled square.
fn swatch(style: ShapeStyle, s: f64) -> impl Fn((i32, i32)) -> Rectangle<(i32, i32)> {
    let h = (6.0 * s) as i32;
    let w = (14.0 * s) as i32;
    move |(x, y)| Rectangle::new([(x, y - h), (x + w, y + h)], style)
}

/// A legend key: a short line.
fn line_key(
    colour: RGBColor,
    width: f64,
    s: f64,
) -> impl Fn((i32, i32)) -> PathElement<(i32, i32)> {
    let len = (16.0 * s) as i32;
    let style = colour.stroke_width((width * s) as u32);
    move |(x, y)| PathElement::new(vec![(x, y), (x + len, y)], style)
}

/// Draws the series labels as a boxed legend at `pos`, in 14 pt type unless
/// a size is given.
macro_rules! legend {
    ($chart:expr, $pos:expr, $s:expr) => {
        legend!($chart, $pos, $s, 14.0)
    };
    ($chart:expr, $pos:expr, $s:expr, $size:expr) => {
        $chart
            .configure_series_labels()
            .position($pos)
            .background_style(WHITE.mix(0.9))
            .border_style(GREY)
            .label_font(font($size, $s))
            .draw()
            .map_err(err)?
    };
}

/// Draws into a fresh buffer and encodes it as PNG.
fn render(
    input: &ReportInput,
    draw: impl FnOnce(&Area, f64) -> Result<(), ReportError>,
) -> Result<Vec<u8>, ReportError> {
    if !register() {
        return Err(ReportError::Font);
    }
    let scale = input.scale.max(1);
    let (w, h) = (WIDTH * scale, HEIGHT * scale);
    let mut buf = vec![255u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        draw(&root, f64::from(scale))?;
        root.present().map_err(err)?;
    }
    encode_png(&buf, w, h)
}

/// PNG of an RGB buffer.
pub fn encode_png(rgb: &[u8], w: u32, h: u32) -> Result<Vec<u8>, ReportError> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header()?;
        writer.write_image_data(rgb)?;
    }
    Ok(out)
}

/// Title, subtitle and source line; returns the area left for the plot.
fn frame<'a>(
    root: &Area<'a>,
    s: f64,
    title: &str,
    subtitle: &str,
    source: &str,
) -> Result<Area<'a>, ReportError> {
    let (_, h) = root.dim_in_pixel();
    root.draw_text(
        title,
        &bold(26.0, s),
        ((22.0 * s) as i32, (16.0 * s) as i32),
    )
    .map_err(err)?;
    root.draw_text(
        subtitle,
        &font(16.0, s).color(&GREY),
        ((22.0 * s) as i32, (52.0 * s) as i32),
    )
    .map_err(err)?;
    root.draw_text(
        source,
        &font(13.0, s).color(&GREY),
        ((22.0 * s) as i32, h as i32 - (26.0 * s) as i32),
    )
    .map_err(err)?;
    Ok(root.margin(
        (84.0 * s) as u32,
        (36.0 * s) as u32,
        (12.0 * s) as u32,
        (44.0 * s) as u32,
    ))
}

/// Rounds a range outward to a tidy step.
fn nice_range(lo: f64, hi: f64) -> (f64, f64) {
    let span = (hi - lo).max(1e-9);
    let step = 10f64.powf(span.log10().floor()) / 2.0;
    ((lo / step).floor() * step, (hi / step).ceil() * step)
}

/// All eight charts.
pub fn all(input: &ReportInput) -> Result<Vec<Chart>, ReportError> {
    let w = Words::new(input);
    let mut charts = Vec::with_capacity(8);
    for (file, f) in [
        ("1-contributions.png", contributions as ChartFn),
        ("2-structure.png", structure),
        ("3-distribution.png", distribution),
        ("4-tornado.png", tornado),
        ("5-fan.png", fan),
        ("6-convergence.png", convergence),
        ("7-targets.png", dashboard),
        ("8-feasibility.png", feasibility),
    ] {
        let (title, caption, png) = f(input, &w)?;
        charts.push(Chart {
            file,
            title,
            caption,
            png,
        });
    }
    Ok(charts)
}

type ChartFn = fn(&ReportInput, &Words) -> Result<(String, String, Vec<u8>), ReportError>;

/// 1. Contributions to growth by component, stacked, with the targets.
fn contributions(input: &ReportInput, w: &Words) -> Result<(String, String, Vec<u8>), ReportError> {
    let p = input.projection;
    let k = input.loaded.scenario.economy().len();
    // Bars: the published year (if any), then every projected year.
    let mut bars: Vec<(String, Vec<f64>, f64, bool)> = Vec::new();
    if let Some((year, c)) = &input.published_contributions {
        bars.push((format!("{year}*"), c.clone(), c.iter().sum(), true));
    }
    for y in &p.years {
        bars.push((
            y.year.to_string(),
            y.components.iter().map(|c| c.contribution_pp).collect(),
            y.growth_pct,
            false,
        ));
    }
    let targets: Vec<(usize, f64)> = bars
        .iter()
        .enumerate()
        .filter_map(|(i, (label, _, _, published))| {
            if *published {
                return None;
            }
            let year: i32 = label.parse().ok()?;
            input
                .loaded
                .scenario
                .targets()
                .find(year, grdp_core::Indicator::GrowthPct, None)
                .and_then(|t| t.bound.min)
                .map(|m| (i, m))
        })
        .collect();
    let top = bars
        .iter()
        .map(|b| b.1.iter().filter(|v| **v > 0.0).sum::<f64>())
        .chain(targets.iter().map(|t| t.1))
        .fold(0.0, f64::max);
    let bottom = bars
        .iter()
        .map(|b| b.1.iter().filter(|v| **v < 0.0).sum::<f64>())
        .fold(0.0, f64::min);
    let (title, subtitle, caption) = w.contributions();
    let png = render(input, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source())?;
        let n = bars.len();
        let mut chart = ChartBuilder::on(&area)
            .x_label_area_size(44.0 * s)
            .y_label_area_size(70.0 * s)
            .build_cartesian_2d(-0.5..(n as f64 - 0.5), {
                let (a, b) = nice_range(bottom.min(0.0), top * 1.15);
                a..b
            })
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(RGBColor(0xf2, 0xf2, 0xf2))
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .disable_x_mesh()
            .x_labels(n)
            .x_label_formatter(&|x| {
                bars.get(x.round() as usize)
                    .map_or(String::new(), |b| b.0.clone())
            })
            .y_label_formatter(&|y| w.num(*y, 1))
            .y_desc(w.axis_contribution_pp())
            .x_desc(w.axis_year())
            .label_style(font(15.0, s))
            .axis_desc_style(font(16.0, s))
            .draw()
            .map_err(err)?;
        for c in 0..k {
            let colour = COMPONENT_COLOURS[c % COMPONENT_COLOURS.len()];
            chart
                .draw_series(bars.iter().enumerate().map(|(i, (_, v, _, published))| {
                    let below: f64 = v[..c]
                        .iter()
                        .filter(|x| (**x >= 0.0) == (v[c] >= 0.0))
                        .sum();
                    let x = i as f64;
                    let style = if *published {
                        colour.mix(0.55).filled()
                    } else {
                        colour.filled()
                    };
                    Rectangle::new([(x - 0.32, below), (x + 0.32, below + v[c])], style)
                }))
                .map_err(err)?
                .label(w.component(c))
                .legend(swatch(colour.filled(), s));
        }
        // Totals written above each bar.
        chart
            .draw_series(bars.iter().enumerate().map(|(i, (_, v, total, _))| {
                let up: f64 = v.iter().filter(|x| **x > 0.0).sum();
                Text::new(
                    w.num(*total, 2),
                    (i as f64 - 0.2, up + top * 0.05),
                    font(15.0, s),
                )
            }))
            .map_err(err)?;
        if !targets.is_empty() {
            chart
                .draw_series(targets.iter().map(|(i, t)| {
                    let x = *i as f64;
                    PathElement::new(
                        vec![(x - 0.45, *t), (x + 0.45, *t)],
                        TARGET.stroke_width((3.0 * s) as u32),
                    )
                }))
                .map_err(err)?
                .label(w.target_line())
                .legend(line_key(TARGET, 3.0, s));
        }
        legend!(chart, SeriesLabelPosition::UpperRight, s);
        Ok(())
    })?;
    Ok((title, caption, png))
}

/// 2. Structure at current prices: base, projection, target ranges.
fn structure(input: &ReportInput, w: &Words) -> Result<(String, String, Vec<u8>), ReportError> {
    let p = input.projection;
    let econ = input.loaded.scenario.economy();
    let k = econ.len();
    let base = p.base.share_current_pct.clone().unwrap_or_default();
    // Years to show: every year with share targets, else the first.
    let mut years: Vec<i32> = input
        .loaded
        .scenario
        .targets()
        .targets()
        .iter()
        .filter(|t| t.indicator == grdp_core::Indicator::ShareCurrentPct)
        .map(|t| t.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    if years.is_empty() {
        years.extend(p.years.first().map(|y| y.year));
    }
    let series: Vec<(String, Vec<f64>)> = std::iter::once((
        format!("{} ({})", p.base.year, w.word_estimate()),
        base.clone(),
    ))
    .chain(years.iter().filter_map(|y| {
        p.year(*y).map(|r| {
            (
                format!("{y} ({})", w.word_projection()),
                r.components
                    .iter()
                    .map(|c| c.share_current_pct.unwrap_or(f64::NAN))
                    .collect(),
            )
        })
    }))
    .collect();
    let ranges: Vec<(usize, usize, f64, f64)> = input
        .loaded
        .scenario
        .targets()
        .targets()
        .iter()
        .filter(|t| t.indicator == grdp_core::Indicator::ShareCurrentPct)
        .filter_map(|t| {
            let c = t.component.as_deref().and_then(|id| econ.index_of(id))?;
            let si = years.iter().position(|y| *y == t.year)? + 1;
            Some((
                c,
                si,
                t.bound.min.unwrap_or(0.0),
                t.bound.max.unwrap_or(100.0),
            ))
        })
        .collect();
    let ymax = series
        .iter()
        .flat_map(|s| s.1.iter())
        .chain(ranges.iter().map(|r| &r.3))
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let (title, subtitle, caption) = w.structure();
    let png =
        render(input, |root, s| {
            let area = frame(root, s, &title, &subtitle, &w.source())?;
            let mut chart = ChartBuilder::on(&area)
                .x_label_area_size(44.0 * s)
                .y_label_area_size(70.0 * s)
                .build_cartesian_2d(-0.5..(k as f64 - 0.5), 0.0..(ymax * 1.15).ceil())
                .map_err(err)?;
            chart
                .configure_mesh()
                .light_line_style(RGBColor(0xf2, 0xf2, 0xf2))
                .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
                .disable_x_mesh()
                .x_labels(k)
                .x_label_formatter(&|x| {
                    let i = x.round();
                    if (x - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < k {
                        w.component_short(i as usize)
                    } else {
                        String::new()
                    }
                })
                .y_label_formatter(&|y| w.num(*y, 0))
                .y_desc(w.axis_share_pct())
                .label_style(font(14.0, s))
                .axis_desc_style(font(16.0, s))
                .draw()
                .map_err(err)?;
            let m = series.len() as f64;
            let width = 0.8 / m;
            for (si, (label, v)) in series.iter().enumerate() {
                let colour = VIEW_COLOURS[si % VIEW_COLOURS.len()];
                let offset = -0.4 + width * (si as f64 + 0.5);
                chart
                    .draw_series(v.iter().enumerate().filter(|(_, x)| x.is_finite()).map(
                        |(c, x)| {
                            let cx = c as f64 + offset;
                            Rectangle::new(
                                [(cx - width * 0.42, 0.0), (cx + width * 0.42, *x)],
                                colour.mix(if si == 0 { 0.55 } else { 0.9 }).filled(),
                            )
                        },
                    ))
                    .map_err(err)?
                    .label(label.clone())
                    .legend(swatch(colour.filled(), s));
                chart
                    .draw_series(v.iter().enumerate().filter(|(_, x)| x.is_finite()).map(
                        |(c, x)| {
                            let cx = c as f64 + offset;
                            Text::new(
                                w.num(*x, 1),
                                (cx - width * 0.4, *x + ymax * 0.035),
                                font(12.0, s),
                            )
                        },
                    ))
                    .map_err(err)?;
            }
            // Target ranges: a red bracket over the projection bar of their year.
            chart
                .draw_series(ranges.iter().map(|(c, si, lo, hi)| {
                    let cx = *c as f64 - 0.4 + width * (*si as f64 + 0.5);
                    let mid = 0.5 * (lo + hi);
                    let half = (0.5 * (hi - lo)).max(ymax * 0.004);
                    Rectangle::new(
                        [
                            (cx - width * 0.5, mid - half),
                            (cx + width * 0.5, mid + half),
                        ],
                        TARGET.mix(0.85).filled(),
                    )
                }))
                .map_err(err)?
                .label(w.target_range())
                .legend(move |(x, y)| {
                    Rectangle::new(
                        [
                            (x, y - (3.0 * s) as i32),
                            (x + (14.0 * s) as i32, y + (3.0 * s) as i32),
                        ],
                        TARGET.filled(),
                    )
                });
            legend!(chart, SeriesLabelPosition::UpperLeft, s);
            Ok(())
        })?;
    Ok((title, caption, png))
}

/// 3. The distribution of simulated growth, each view with its P.
fn distribution(input: &ReportInput, w: &Words) -> Result<(String, String, Vec<u8>), ReportError> {
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

/// 4. Tornado: aggregate growth with each component at its 10th and 90th percentiles.
fn tornado(input: &ReportInput, w: &Words) -> Result<(String, String, Vec<u8>), ReportError> {
    let r = input.views[0].result;
    let econ = input.loaded.scenario.economy();
    let mut rows: Vec<(usize, f64, f64)> = r
        .sensitivity
        .iter()
        .filter_map(|s| {
            econ.index_of(&s.id)
                .map(|i| (i, s.tornado_low_pct, s.tornado_high_pct))
        })
        .collect();
    rows.sort_by(|a, b| (a.2 - a.1).abs().total_cmp(&(b.2 - b.1).abs()));
    let centre = r.quantiles_pct.p50;
    let lo = rows
        .iter()
        .map(|r| r.1.min(r.2))
        .fold(r.target_pct.min(centre), f64::min);
    let hi = rows
        .iter()
        .map(|r| r.1.max(r.2))
        .fold(r.target_pct.max(centre), f64::max);
    let (lo, hi) = nice_range(lo - 0.5, hi + 0.5);
    let n = rows.len();
    let (title, subtitle, caption) = w.tornado();
    let png = render(input, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source())?;
        let mut chart = ChartBuilder::on(&area)
            .x_label_area_size(44.0 * s)
            .y_label_area_size(300.0 * s)
            .build_cartesian_2d(lo..hi, -0.5..(n as f64 - 0.5))
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(RGBColor(0xf2, 0xf2, 0xf2))
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .disable_y_mesh()
            .y_labels(n)
            .y_label_formatter(&|y| {
                let i = y.round();
                if (y - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < n {
                    w.component(rows[i as usize].0)
                } else {
                    String::new()
                }
            })
            .x_label_formatter(&|x| w.num(*x, 1))
            .x_desc(w.axis_growth_pct(r.target_year))
            .label_style(font(14.0, s))
            .axis_desc_style(font(16.0, s))
            .draw()
            .map_err(err)?;
        let low_c = RGBColor(0xc4, 0x4e, 0x52);
        let high_c = RGBColor(0x3b, 0x6e, 0xa8);
        chart
            .draw_series(rows.iter().enumerate().map(|(i, (_, l, _))| {
                let y = i as f64;
                Rectangle::new(
                    [(l.min(centre), y - 0.3), (l.max(centre), y + 0.3)],
                    low_c.filled(),
                )
            }))
            .map_err(err)?
            .label(w.tornado_low())
            .legend(swatch(low_c.filled(), s));
        chart
            .draw_series(rows.iter().enumerate().map(|(i, (_, _, h))| {
                let y = i as f64;
                Rectangle::new(
                    [(h.min(centre), y - 0.3), (h.max(centre), y + 0.3)],
                    high_c.filled(),
                )
            }))
            .map_err(err)?
            .label(w.tornado_high())
            .legend(swatch(high_c.filled(), s));
        chart
            .draw_series(rows.iter().enumerate().flat_map(|(i, (_, l, h))| {
                let y = i as f64 + 0.36;
                [
                    Text::new(
                        w.num(*l, 2),
                        (l.min(*h) - (hi - lo) * 0.045, y),
                        font(13.0, s),
                    ),
                    Text::new(
                        w.num(*h, 2),
                        (l.max(*h) + (hi - lo) * 0.008, y),
                        font(13.0, s),
                    ),
                ]
            }))
            .map_err(err)?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(centre, -0.5), (centre, n as f64 - 0.5)],
                INK.stroke_width((2.0 * s) as u32),
            )))
            .map_err(err)?
            .label(w.median_at(centre))
            .legend(line_key(INK, 2.0, s));
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(r.target_pct, -0.5), (r.target_pct, n as f64 - 0.5)],
                TARGET.stroke_width((3.0 * s) as u32),
            )))
            .map_err(err)?
            .label(w.target_at(r.target_pct))
            .legend(line_key(TARGET, 3.0, s));
        legend!(chart, SeriesLabelPosition::LowerRight, s);
        Ok(())
    })?;
    Ok((title, caption, png))
}

/// 5. Fan chart: history, then the projection with 50 / 80 / 90 % bands.
fn fan(input: &ReportInput, w: &Words) -> Result<(String, String, Vec<u8>), ReportError> {
    let r = input.views[0].result;
    let hist = &input.history_growth;
    let first = hist
        .iter()
        .map(|h| h.0)
        .min()
        .unwrap_or(r.years.first().map_or(2024, |y| y.year) - 1);
    let last = r.years.last().map_or(first + 1, |y| y.year);
    let anchor = hist
        .iter()
        .find(|h| h.0 == input.projection.base.year)
        .map(|h| h.1);
    let vals = hist.iter().map(|h| h.1).chain(
        r.years
            .iter()
            .flat_map(|y| [y.quantiles_pct.p5, y.quantiles_pct.p95]),
    );
    let (vlo, vhi) = vals.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    let (lo, hi) = nice_range(vlo.min(0.0) - 0.5, vhi + 1.0);
    let period: Vec<(i32, i32, f64, f64)> = input
        .loaded
        .scenario
        .period_targets()
        .iter()
        .map(|p| {
            (
                p.first_year,
                p.last_year,
                p.bound.min.unwrap_or(f64::NAN),
                p.bound.max.unwrap_or(f64::NAN),
            )
        })
        .collect();
    let (title, subtitle, caption) = w.fan();
    let png = render(input, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source())?;
        let mut chart = ChartBuilder::on(&area)
            .x_label_area_size(44.0 * s)
            .y_label_area_size(70.0 * s)
            .build_cartesian_2d(f64::from(first) - 0.5..f64::from(last) + 0.5, lo..hi)
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(RGBColor(0xf2, 0xf2, 0xf2))
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .x_labels((last - first + 1) as usize)
            .x_label_formatter(&|x| format!("{}", x.round() as i32))
            .y_label_formatter(&|y| w.num(*y, 1))
            .y_desc(w.axis_grdp_growth_pct())
            .x_desc(w.axis_year())
            .label_style(font(14.0, s))
            .axis_desc_style(font(16.0, s))
            .draw()
            .map_err(err)?;
        // Period targets as shaded bands.
        for (a, b, pmin, pmax) in &period {
            if pmin.is_finite() {
                let top = if pmax.is_finite() {
                    *pmax
                } else {
                    *pmin + 0.05
                };
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(f64::from(*a) - 0.5, *pmin), (f64::from(*b) + 0.5, top)],
                        TARGET.mix(0.12).filled(),
                    )))
                    .map_err(err)?;
            }
        }
        let base = f64::from(input.projection.base.year);
        let band = |q: fn(&grdp_montecarlo::engine::Quantiles) -> (f64, f64)| -> Vec<(f64, f64)> {
            let mut upper: Vec<(f64, f64)> = anchor.map(|a| (base, a)).into_iter().collect();
            let mut lower = upper.clone();
            for y in &r.years {
                let (l, h) = q(&y.quantiles_pct);
                upper.push((f64::from(y.year), h));
                lower.push((f64::from(y.year), l));
            }
            upper.extend(lower.into_iter().rev());
            upper
        };
        let fan_c = VIEW_COLOURS[0];
        for (alpha, q, label) in [
            (
                0.18,
                (|q: &grdp_montecarlo::engine::Quantiles| (q.p5, q.p95))
                    as fn(&grdp_montecarlo::engine::Quantiles) -> (f64, f64),
                w.band(90),
            ),
            (0.30, |q| (q.p10, q.p90), w.band(80)),
            (0.48, |q| (q.p25, q.p75), w.band(50)),
        ] {
            chart
                .draw_series(std::iter::once(Polygon::new(
                    band(q),
                    fan_c.mix(alpha).filled(),
                )))
                .map_err(err)?
                .label(label)
                .legend(swatch(fan_c.mix(alpha).filled(), s));
        }
        let median: Vec<(f64, f64)> = anchor
            .map(|a| (base, a))
            .into_iter()
            .chain(
                r.years
                    .iter()
                    .map(|y| (f64::from(y.year), y.quantiles_pct.p50)),
            )
            .collect();
        chart
            .draw_series(LineSeries::new(
                median,
                fan_c.stroke_width((3.0 * s) as u32),
            ))
            .map_err(err)?
            .label(w.median_projection())
            .legend(line_key(fan_c, 3.0, s));
        // History: points, joined where consecutive.
        let mut segment: Vec<(f64, f64)> = Vec::new();
        let mut segments = Vec::new();
        for (y, g) in hist {
            if let Some(last) = segment.last()
                && (f64::from(*y) - last.0 - 1.0).abs() > 1e-9
            {
                segments.push(std::mem::take(&mut segment));
            }
            segment.push((f64::from(*y), *g));
        }
        segments.push(segment);
        for seg in &segments {
            chart
                .draw_series(LineSeries::new(
                    seg.clone(),
                    INK.stroke_width((2.0 * s) as u32),
                ))
                .map_err(err)?;
        }
        chart
            .draw_series(
                hist.iter()
                    .map(|(y, g)| Circle::new((f64::from(*y), *g), (5.0 * s) as i32, INK.filled())),
            )
            .map_err(err)?
            .label(w.outcomes())
            .legend(move |(x, y)| {
                Circle::new((x + (7.0 * s) as i32, y), (5.0 * s) as i32, INK.filled())
            });
        chart
            .draw_series(hist.iter().map(|(y, g)| {
                Text::new(
                    w.num(*g, 1),
                    (f64::from(*y) - 0.25, *g + (hi - lo) * 0.03),
                    font(13.0, s),
                )
            }))
            .map_err(err)?;
        // Annual growth targets as red dashes.
        let annual: Vec<(i32, f64)> = r
            .years
            .iter()
            .filter_map(|y| {
                input
                    .loaded
                    .scenario
                    .targets()
                    .find(y.year, grdp_core::Indicator::GrowthPct, None)
                    .and_then(|t| t.bound.min)
                    .map(|m| (y.year, m))
            })
            .collect();
        if !annual.is_empty() {
            chart
                .draw_series(annual.iter().map(|(y, m)| {
                    PathElement::new(
                        vec![(f64::from(*y) - 0.35, *m), (f64::from(*y) + 0.35, *m)],
                        TARGET.stroke_width((4.0 * s) as u32),
                    )
                }))
                .map_err(err)?
                .label(w.annual_target())
                .legend(line_key(TARGET, 4.0, s));
        }
        if !period.is_empty() {
            chart
                .draw_series(std::iter::empty::<Rectangle<(f64, f64)>>())
                .map_err(err)?
                .label(w.period_target_band())
                .legend(swatch(TARGET.mix(0.2).filled(), s));
        }
        legend!(chart, SeriesLabelPosition::LowerLeft, s);
        Ok(())
    })?;
    Ok((title, caption, png))
}

/// 6. Convergence of P with its interval as scenarios accumulate.
fn convergence(input: &ReportInput, w: &Words) -> Result<(String, String, Vec<u8>), ReportError> {
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
    let png = render(input, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source())?;
        let mut chart = ChartBuilder::on(&area)
            .x_label_area_size(44.0 * s)
            .y_label_area_size(80.0 * s)
            .build_cartesian_2d(
                (xmin..xmax).log_scale(),
                (ylo - pad).max(0.0)..(yhi + pad).min(1.0),
            )
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(RGBColor(0xf2, 0xf2, 0xf2))
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
            .map_err(err)?
            .label(w.ci95())
            .legend(swatch(c.mix(0.25).filled(), s));
        chart
            .draw_series(LineSeries::new(
                pts.iter().map(|p| (p.scenarios as f64, p.probability)),
                c.stroke_width((3.0 * s) as u32),
            ))
            .map_err(err)?
            .label(w.p_estimate())
            .legend(line_key(c, 3.0, s));
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(xmin, r.probability), (xmax, r.probability)],
                GREY.stroke_width((1.0 * s) as u32),
            )))
            .map_err(err)?;
        legend!(chart, SeriesLabelPosition::UpperRight, s);
        Ok(())
    })?;
    Ok((title, caption, png))
}

/// 7. Target dashboard: P(met) of every target, the projection against its range.
fn dashboard(input: &ReportInput, w: &Words) -> Result<(String, String, Vec<u8>), ReportError> {
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
                o.status == grdp_core::TargetStatus::Met,
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

/// 8. Feasibility curve: P(target) against one component's growth.
fn feasibility(input: &ReportInput, w: &Words) -> Result<(String, String, Vec<u8>), ReportError> {
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
    let png = render(input, |root, s| {
        let area = frame(root, s, &title, &subtitle, &w.source())?;
        let mut chart = ChartBuilder::on(&area)
            .x_label_area_size(44.0 * s)
            .y_label_area_size(80.0 * s)
            .build_cartesian_2d(xlo..xhi, 0.0..1.0)
            .map_err(err)?;
        chart
            .configure_mesh()
            .light_line_style(RGBColor(0xf2, 0xf2, 0xf2))
            .bold_line_style(RGBColor(0xd8, 0xd8, 0xd8))
            .y_label_formatter(&|y| w.num(*y, 1))
            .x_label_formatter(&|x| w.num(*x, 1))
            .y_desc(w.axis_probability(r.target_pct))
            .x_desc(w.axis_component_growth(c))
            .label_style(font(14.0, s))
            .axis_desc_style(font(16.0, s))
            .draw()
            .map_err(err)?;
        let col = COMPONENT_COLOURS[c % COMPONENT_COLOURS.len()];
        chart
            .draw_series(LineSeries::new(
                f.points.iter().map(|p| (p.centre_pct, p.probability)),
                col.stroke_width((3.0 * s) as u32),
            ))
            .map_err(err)?
            .label(w.curve_label(c))
            .legend(line_key(col, 3.0, s));
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
                .map_err(err)?
                .label(w.planned_at(c, pl))
                .legend(line_key(TARGET, 2.0, s));
        }
        legend!(chart, SeriesLabelPosition::UpperLeft, s);
        Ok(())
    })?;
    Ok((title, caption, png))
}
