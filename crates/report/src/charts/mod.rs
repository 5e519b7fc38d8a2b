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
use text::TextBackend;

use contributions::contributions;
use convergence::convergence;
use distribution::distribution;
use fan::fan;
use feasibility::feasibility;
use structure::structure;
use targets::dashboard;
use tornado::tornado;
use track_record::track_record;

/// Width and height at scale 1, pixels.
pub const WIDTH: u32 = 1200;
/// Height at scale 1, pixels.
pub const HEIGHT: u32 = 750;

// The Okabe-Ito palette (Okabe & Ito, "Color Universal Design", 2008):
// told apart under the common colour-vision deficiencies, and no red/green
// pair. Vermillion is kept for targets alone: no data series uses it.

/// Colours of the components, in the economy's order: bluish green, blue,
/// orange, reddish purple, sky blue, yellow.
pub(super) const COMPONENT_COLOURS: [RGBColor; 6] = [
    RGBColor(0x00, 0x9e, 0x73),
    RGBColor(0x00, 0x72, 0xb2),
    RGBColor(0xe6, 0x9f, 0x00),
    RGBColor(0xcc, 0x79, 0xa7),
    RGBColor(0x56, 0xb4, 0xe9),
    RGBColor(0xf0, 0xe4, 0x42),
];
/// Colours of the views: blue, orange, black, reddish purple (their
/// greyscale values differ too).
pub(super) const VIEW_COLOURS: [RGBColor; 4] = [
    RGBColor(0x00, 0x72, 0xb2),
    RGBColor(0xe6, 0x9f, 0x00),
    RGBColor(0x00, 0x00, 0x00),
    RGBColor(0xcc, 0x79, 0xa7),
];
/// Colours of successive years of one series: sky blue, blue, black.
pub(super) const YEAR_COLOURS: [RGBColor; 3] = [
    RGBColor(0x56, 0xb4, 0xe9),
    RGBColor(0x00, 0x72, 0xb2),
    RGBColor(0x00, 0x00, 0x00),
];
/// Targets: vermillion, used by no data series.
pub(super) const TARGET: RGBColor = RGBColor(0xd5, 0x5e, 0x00);
pub(super) const INK: RGBColor = RGBColor(0x20, 0x20, 0x20);
pub(super) const GREY: RGBColor = RGBColor(0x70, 0x70, 0x70);
/// A target met or exceeded: blue.
pub(super) const MET: RGBColor = RGBColor(0x00, 0x72, 0xb2);
/// A target exceeded: sky blue.
pub(super) const EXCEEDED: RGBColor = RGBColor(0x56, 0xb4, 0xe9);
/// A target missed: orange (not red: red is the targets').
pub(super) const MISSED: RGBColor = RGBColor(0xe6, 0x9f, 0x00);

pub(super) type Area<'a> = DrawingArea<TextBackend<BitMapBackend<'a>>, Shift>;

pub(super) fn err<E: std::error::Error + Send + Sync + 'static>(e: E) -> ReportError {
    ReportError::Draw(Box::new(e))
}

/// Font of `size` pixels at scale 1.
pub(super) fn font(size: f64, s: f64) -> TextStyle<'static> {
    (FAMILY, size * s).into_font().color(&INK)
}

pub(super) fn bold(size: f64, s: f64) -> TextStyle<'static> {
    (FAMILY, size * s, FontStyle::Bold).into_font().color(&INK)
}

/// A legend key: a filled square.
pub(super) fn swatch(style: ShapeStyle, s: f64) -> impl Fn((i32, i32)) -> Rectangle<(i32, i32)> {
    let h = (6.0 * s) as i32;
    let w = (14.0 * s) as i32;
    move |(x, y)| Rectangle::new([(x, y - h), (x + w, y + h)], style)
}

/// A legend key: a short line.
pub(super) fn line_key(
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
pub(super) fn render(
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
        let root = TextBackend::new(BitMapBackend::with_buffer(&mut buf, (w, h)))
            .ok_or(ReportError::Font)?
            .into_drawing_area();
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
pub(super) fn frame<'a>(
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
pub(super) fn nice_range(lo: f64, hi: f64) -> (f64, f64) {
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
        ("9-track-record.png", track_record),
    ] {
        // The track record needs the record of past shortfalls.
        if file == "9-track-record.png" && input.records.is_none() {
            continue;
        }
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

// After `legend!`, which the charts use (macros are in scope from their definition on).
mod contributions;
mod convergence;
mod distribution;
mod fan;
mod feasibility;
mod structure;
mod targets;
mod text;
mod tornado;
mod track_record;
