//! The charts of the report (eight, up to eleven), drawn with plotters into RGB buffers
//! and encoded as PNG. Every chart has a title, a subtitle that says what it
//! shows, axis labels with units, a legend where there is more than one
//! series, and a source line.

use plotters::coord::{CoordTranslate, Shift};
use plotters::element::{DynElement, IntoDynElement};
use plotters::prelude::*;
use plotters::style::FontStyle;

use crate::font::{FAMILY, register};
use crate::text::Words;
use crate::{Chart, ReportError, ReportInput};
use text::TextBackend;

pub use batch::batch_chart;
use contributions::contributions;
use convergence::convergence;
use distribution::distribution;
use fan::fan;
use feasibility::feasibility;
use neighbours::neighbours;
pub use speed::{SpeedRow, speed_history};
use structure::structure;
use targets::dashboard;
use tornado::tornado;
use track_record::track_record;
use year_so_far::year_so_far;

/// Width and height at scale 1, pixels.
pub const WIDTH: u32 = 1200;
/// Height at scale 1, pixels.
pub const HEIGHT: u32 = 750;
/// Width of the phone copy of a chart, logical pixels: drawn at this width
/// with the same type sizes, its words stay legible on a 360-400 px screen.
pub const PHONE_WIDTH: u32 = 480;
/// Height of the phone copy, logical pixels, unless a chart needs more.
pub const PHONE_HEIGHT: u32 = 640;
/// Pixel scale of the phone copy (at least): sharp on 2× screens.
pub const PHONE_SCALE: u32 = 2;

/// Which copy of a chart is drawn: the page's (1200 × 750) or the phone's
/// (480 wide, its own layout where the page's would not fit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Layout {
    Page,
    /// The phone copy, `height` logical pixels high.
    Phone {
        height: u32,
    },
}

impl Layout {
    /// The phone copy at its usual height.
    const PHONE: Layout = Layout::Phone {
        height: PHONE_HEIGHT,
    };

    pub(super) fn narrow(self) -> bool {
        matches!(self, Layout::Phone { .. })
    }

    /// `page` on the page, `phone` on the phone.
    pub(super) fn pick<T>(self, page: T, phone: T) -> T {
        if self.narrow() { phone } else { page }
    }
}

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
/// Dashes of the views other than the answer (dash and gap, pixels at
/// scale 1), by view index as the colours: long, medium, dotted, short; a
/// view's curve keeps its dash whichever view is the answer.
pub(super) const VIEW_DASHES: [(f64, f64); 4] = [(16.0, 6.0), (10.0, 5.0), (3.0, 4.0), (5.0, 5.0)];
/// Colours of the views: blue, reddish purple, black, sky blue (their
/// greyscale values differ too). No orange: deuteranopes see it as the
/// targets' vermillion, and the views' curves cross the target line.
pub(super) const VIEW_COLOURS: [RGBColor; 4] = [
    RGBColor(0x00, 0x72, 0xb2),
    RGBColor(0xcc, 0x79, 0xa7),
    RGBColor(0x00, 0x00, 0x00),
    RGBColor(0x56, 0xb4, 0xe9),
];
/// Colours of successive years of one series: sky blue, blue, black.
const YEAR_COLOURS: [RGBColor; 3] = [
    RGBColor(0x56, 0xb4, 0xe9),
    RGBColor(0x00, 0x72, 0xb2),
    RGBColor(0x00, 0x00, 0x00),
];

/// The colour of year `i` of `n`: the three of [`YEAR_COLOURS`] up to three
/// years; for more, steps along the same path from sky blue through blue
/// to black, so that no two years share a colour and each is darker than
/// the one before, in greyscale too.
pub(super) fn year_colour(i: usize, n: usize) -> RGBColor {
    if n <= YEAR_COLOURS.len() {
        return YEAR_COLOURS[i.min(YEAR_COLOURS.len() - 1)];
    }
    let t = i.min(n - 1) as f64 / (n - 1) as f64;
    let (a, b, u) = if t <= 0.5 {
        (YEAR_COLOURS[0], YEAR_COLOURS[1], t / 0.5)
    } else {
        (YEAR_COLOURS[1], YEAR_COLOURS[2], (t - 0.5) / 0.5)
    };
    let mix = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * u).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}
/// Targets: vermillion, used by no data series.
pub(super) const TARGET: RGBColor = RGBColor(0xd5, 0x5e, 0x00);
pub(super) const INK: RGBColor = RGBColor(0x20, 0x20, 0x20);
pub(super) const GREY: RGBColor = RGBColor(0x70, 0x70, 0x70);
/// A target met or exceeded: blue.
pub(super) const MET: RGBColor = RGBColor(0x00, 0x72, 0xb2);
/// A target exceeded: sky blue.
pub(super) const EXCEEDED: RGBColor = RGBColor(0x56, 0xb4, 0xe9);
/// Black or white, whichever reads better on `fill` (its relative
/// luminance, WCAG 2, above or below the point where the two contrast
/// ratios are equal).
pub(super) fn ink_on(fill: RGBAColor) -> &'static RGBColor {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    // Blended over white by its opacity, as it is drawn.
    let over_white = |c: u8| {
        let a = fill.3;
        (a * f64::from(c) + (1.0 - a) * 255.0).round() as u8
    };
    let l = 0.2126 * linear(over_white(fill.0))
        + 0.7152 * linear(over_white(fill.1))
        + 0.0722 * linear(over_white(fill.2));
    if l > 0.179 { &INK } else { &WHITE }
}

/// A target missed: orange (not red: red is the targets'), hatched by
/// [`status_bar`].
pub(super) const MISSED: RGBColor = RGBColor(0xe6, 0x9f, 0x00);

pub(super) type Area<'a> = DrawingArea<Backend<'a>, Shift>;

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

/// A key of the legend: draws the series' mark at a point.
type KeyFn<'k, 'b> = Box<dyn Fn((i32, i32)) -> DynElement<'static, Backend<'b>, (i32, i32)> + 'k>;

/// The backend every chart draws on.
pub(super) type Backend<'b> = TextBackend<BitMapBackend<'b>>;

/// The legend of a chart, collected as its series are drawn: on the page
/// copy a boxed legend inside the plot; on the phone copy a list under
/// the plot, where it covers no data.
pub(super) struct Keys<'k, 'b> {
    items: Vec<(String, KeyFn<'k, 'b>)>,
}

impl<'k, 'b: 'k> Keys<'k, 'b> {
    pub(super) fn new() -> Self {
        Keys { items: Vec::new() }
    }

    /// A series called `label`, marked by `key`.
    pub(super) fn add<E, F>(&mut self, label: impl Into<String>, key: F)
    where
        E: IntoDynElement<'static, Backend<'b>, (i32, i32)>,
        F: Fn((i32, i32)) -> E + 'k,
    {
        self.items
            .push((label.into(), Box::new(move |p| key(p).into_dyn())));
    }

    /// Draws the legend: on the page at `pos` inside `chart`'s plot; on
    /// the phone in `below` (from [`split_legend`]).
    pub(super) fn draw<CT: CoordTranslate>(
        self,
        chart: &mut ChartContext<'k, Backend<'b>, CT>,
        below: Option<Area<'b>>,
        pos: SeriesLabelPosition,
        s: f64,
    ) -> Result<(), ReportError> {
        if self.items.is_empty() {
            return Ok(());
        }
        match below {
            None => {
                for (label, key) in self.items {
                    chart
                        .draw_series(std::iter::empty::<EmptyElement<CT::From, Backend<'b>>>())
                        .map_err(err)?
                        .label(label)
                        .legend(key);
                }
                legend!(chart, pos, s);
            }
            Some(below) => {
                // One series a line; a label too long for the width wraps
                // under itself (the room was made by `split_legend`).
                let style = font(12.0, s).pos(plotters::style::text_anchor::Pos::new(
                    plotters::style::text_anchor::HPos::Left,
                    plotters::style::text_anchor::VPos::Center,
                ));
                let (x, mut y) = ((14.0 * s) as i32, (14.0 * s) as i32);
                let (text_x, room) = legend_text_room(&below, s);
                for (label, key) in self.items {
                    below.draw(&key((x, y))).map_err(err)?;
                    for line in wrap(&below, &label, &style, room)? {
                        below.draw_text(&line, &style, (text_x, y)).map_err(err)?;
                        y += (16.0 * s) as i32;
                    }
                }
            }
        }
        Ok(())
    }
}

/// Where a legend's text starts under a plot in `area` (after its key
/// mark), and how wide a line of it may run, pixels.
fn legend_text_room(area: &Area, s: f64) -> (i32, u32) {
    let (width, _) = area.dim_in_pixel();
    let text_x = (14.0 * s) as i32 + (24.0 * s) as i32;
    (
        text_x,
        width.saturating_sub(text_x as u32 + (4.0 * s) as u32),
    )
}

/// The lines a legend of `labels` takes under the plot in `area`, each
/// label wrapped as [`Keys::draw`] wraps it: for [`legend_below`], so that
/// long names never run past the room made for them.
pub(super) fn legend_lines(area: &Area, labels: &[String], s: f64) -> Result<usize, ReportError> {
    let style = font(12.0, s);
    let (_, room) = legend_text_room(area, s);
    let mut lines = 0;
    for label in labels {
        lines += wrap(area, label, &style, room)?.len().max(1);
    }
    Ok(lines)
}

/// On the phone copy, splits the room for a legend of `lines` lines off
/// the bottom of `area` (one a series, more where a label wraps); on the
/// page copy, leaves `area` whole.
pub(super) fn split_legend<'b>(
    area: Area<'b>,
    layout: Layout,
    lines: usize,
    s: f64,
) -> (Area<'b>, Option<Area<'b>>) {
    if !layout.narrow() {
        return (area, None);
    }
    legend_below(area, lines, s)
}

/// Splits `area` into the chart and, under it, room for a legend of
/// `lines` lines, whatever the layout: for a chart whose lines fill every
/// corner where a legend could sit.
pub(super) fn legend_below<'b>(
    area: Area<'b>,
    lines: usize,
    s: f64,
) -> (Area<'b>, Option<Area<'b>>) {
    let (_, h) = area.dim_in_pixel();
    let room = ((16.0 * lines as f64 + 12.0) * s) as u32;
    let (top, bottom) = area.split_vertically(h.saturating_sub(room));
    (top, Some(bottom))
}

/// Draws into a fresh buffer and encodes it as PNG.
pub(super) fn render(
    input: &ReportInput,
    layout: Layout,
    draw: impl FnOnce(&Area, f64) -> Result<(), ReportError>,
) -> Result<Vec<u8>, ReportError> {
    let (scale, size) = match layout {
        Layout::Page => (input.scale.max(1), (WIDTH, HEIGHT)),
        Layout::Phone { height } => (input.scale.max(PHONE_SCALE), (PHONE_WIDTH, height)),
    };
    render_sized(scale, size, draw)
}

/// Draws into a fresh buffer of `(w, h)` logical pixels at `scale` and
/// encodes it as PNG.
pub(super) fn render_sized(
    scale: u32,
    (w, h): (u32, u32),
    draw: impl FnOnce(&Area, f64) -> Result<(), ReportError>,
) -> Result<Vec<u8>, ReportError> {
    if !register() {
        return Err(ReportError::Font);
    }
    let (w, h) = (w * scale, h * scale);
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
/// On the phone copy (an area under 800 logical pixels wide) the three are
/// set smaller and wrapped to the width.
pub(super) fn frame<'a>(
    root: &Area<'a>,
    s: f64,
    title: &str,
    subtitle: &str,
    source: &str,
) -> Result<Area<'a>, ReportError> {
    let (w, h) = root.dim_in_pixel();
    if f64::from(w) / s >= 800.0 {
        // A long title is set smaller until it fits the width (not below
        // 18 pt); one that still does not fit is wrapped at 20 pt, and the
        // subtitle and plot move down, rather than run off the image.
        let room = w.saturating_sub((44.0 * s) as u32);
        let width = |size: f64| -> Result<u32, ReportError> {
            Ok(root
                .estimate_text_size(title, &bold(size, s))
                .map_err(err)?
                .0)
        };
        let mut size = 26.0;
        while size > 18.0 && width(size)? > room {
            size -= 1.0;
        }
        let (size, lines) = if width(size)? <= room {
            (size, vec![title.to_string()])
        } else {
            (20.0, wrap(root, title, &bold(20.0, s), room)?)
        };
        // Below the title's first line everything moves down by its
        // further lines, and by the subtitle's.
        let step = size * 1.3;
        for (i, l) in lines.iter().enumerate() {
            let y = 16.0 + step * i as f64;
            root.draw_text(l, &bold(size, s), ((22.0 * s) as i32, (y * s) as i32))
                .map_err(err)?;
        }
        let sub_style = font(16.0, s).color(&GREY);
        let mut y = 52.0 + step * (lines.len() - 1) as f64;
        let sub_lines = wrap(root, subtitle, &sub_style, room)?;
        for l in &sub_lines {
            root.draw_text(l, &sub_style, ((22.0 * s) as i32, (y * s) as i32))
                .map_err(err)?;
            y += 20.0;
        }
        let extra = y - 72.0;
        // A long source line wraps upward from the foot.
        let style = font(13.0, s).color(&GREY);
        let lines = wrap(root, source, &style, w.saturating_sub((44.0 * s) as u32))?;
        let step = (16.0 * s) as i32;
        let mut y = h as i32 - (26.0 * s) as i32 - step * (lines.len() as i32 - 1);
        for l in &lines {
            root.draw_text(l, &style, ((22.0 * s) as i32, y))
                .map_err(err)?;
            y += step;
        }
        // The plot ends above the source line, however many lines it has.
        return Ok(root.margin(
            ((84.0 + extra) * s) as u32,
            (36.0 * s) as u32 + step as u32 * (lines.len().max(1) as u32 - 1),
            (12.0 * s) as u32,
            (44.0 * s) as u32,
        ));
    }
    let left = (12.0 * s) as i32;
    let width = w.saturating_sub((24.0 * s) as u32);
    let mut y = (10.0 * s) as i32;
    for (text, style, line) in [
        (title, bold(19.0, s), 24.0),
        (subtitle, font(14.0, s).color(&GREY), 18.0),
    ] {
        for l in wrap(root, text, &style, width)? {
            root.draw_text(&l, &style, (left, y)).map_err(err)?;
            y += (line * s) as i32;
        }
        y += (6.0 * s) as i32;
    }
    let style = font(11.0, s).color(&GREY);
    let lines = wrap(root, source, &style, width)?;
    let step = (14.0 * s) as i32;
    let mut sy = h as i32 - (6.0 * s) as i32 - step * lines.len() as i32;
    let bottom = h as i32 - sy + (8.0 * s) as i32;
    for l in lines {
        root.draw_text(&l, &style, (left, sy)).map_err(err)?;
        sy += step;
    }
    // Room on the right for half of the last tick's label ("12,0").
    Ok(root.margin(y as u32, bottom as u32, (4.0 * s) as u32, (26.0 * s) as u32))
}

/// `text` broken at spaces into lines no wider than `width` pixels in
/// `style` (a word longer than the width gets a line of its own).
pub(super) fn wrap(
    area: &Area,
    text: &str,
    style: &TextStyle,
    width: u32,
) -> Result<Vec<String>, ReportError> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        let (cw, _) = area.estimate_text_size(&candidate, style).map_err(err)?;
        if cw > width && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

/// Draws `label` wrapped to `width` pixels, each line ending at x =
/// `right` and the block centred on y = `y` (pixels of `root`): the row
/// labels of a bar chart on the phone copy, where one line would not fit.
pub(super) fn side_label(
    root: &Area,
    label: &str,
    style: &TextStyle,
    (right, y): (i32, i32),
    width: u32,
) -> Result<(), ReportError> {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    let lines = wrap(root, label, style, width)?;
    let (_, line_h) = root.estimate_text_size("Ág", style).map_err(err)?;
    let line_h = (f64::from(line_h) * 1.15) as i32;
    let top = y - line_h * (lines.len() as i32 - 1) / 2;
    let anchored = style.pos(Pos::new(HPos::Right, VPos::Center));
    for (k, l) in lines.iter().enumerate() {
        root.draw_text(l, &anchored, (right, top + k as i32 * line_h))
            .map_err(err)?;
    }
    Ok(())
}

/// A bar between two pixel corners in `colour`; a [`MISSED`] bar is also
/// hatched with white diagonals, so it stays apart from an [`EXCEEDED`] one
/// in greyscale (their lightness is within 1 L* unit).
pub(super) fn status_bar(
    area: &Area,
    [(ax, ay), (bx, by)]: [(i32, i32); 2],
    colour: RGBColor,
    s: f64,
) -> Result<(), ReportError> {
    let (x0, x1) = (ax.min(bx), ax.max(bx));
    let (y0, y1) = (ay.min(by), ay.max(by));
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], colour.filled()))
        .map_err(err)?;
    if colour != MISSED {
        return Ok(());
    }
    // Lines x = c + t, y = y1 - t, for t where both stay in the bar.
    let step = ((5.0 * s) as i32).max(3);
    let height = y1 - y0;
    let stroke = WHITE.stroke_width((1.5 * s).max(1.0) as u32);
    let mut c = x0 - height;
    while c < x1 {
        let (t0, t1) = ((x0 - c).max(0), (x1 - c).min(height));
        if t0 < t1 {
            area.draw(&PathElement::new(
                vec![(c + t0, y1 - t0), (c + t1, y1 - t1)],
                stroke,
            ))
            .map_err(err)?;
        }
        c += step;
    }
    Ok(())
}

/// Rounds a range outward to a tidy step.
pub(super) fn nice_range(lo: f64, hi: f64) -> (f64, f64) {
    let span = (hi - lo).max(1e-9);
    let step = 10f64.powf(span.log10().floor()) / 2.0;
    ((lo / step).floor() * step, (hi / step).ceil() * step)
}

/// Every chart the report has: seven always (the targets chart with two
/// targets or more), up to eleven.
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
        ("10-year-so-far.png", year_so_far),
        ("11-neighbours.png", neighbours),
    ] {
        // The track record needs the record of past shortfalls; the year
        // so far, something known of the target year.
        if file == "9-track-record.png" && input.records.is_none() {
            continue;
        }
        if file == "10-year-so-far.png" && input.given_known.is_none() {
            continue;
        }
        // The neighbours, where the scenario names them.
        if file == "11-neighbours.png" && input.neighbours.is_none() {
            continue;
        }
        // No targets in the scenario (a threshold given with --target):
        // nothing for the targets chart to count; one target: its one bar
        // would repeat chart 3's answer in a panel of its own.
        if file == "7-targets.png" && input.target_outcomes.len() < 2 {
            continue;
        }
        let (title, caption, png) = f(input, &w, Layout::Page)?;
        let (_, _, phone_png) = f(input, &w, Layout::PHONE)?;
        charts.push(Chart {
            file,
            title,
            caption,
            png,
            phone_png,
        });
    }
    Ok(charts)
}

type ChartFn = fn(&ReportInput, &Words, Layout) -> Result<(String, String, Vec<u8>), ReportError>;

// After `legend!`, which the charts use (macros are in scope from their definition on).
mod batch;
mod contributions;
mod convergence;
mod distribution;
mod fan;
mod feasibility;
mod neighbours;
mod speed;
mod structure;
mod targets;
mod text;
mod tornado;
mod track_record;
mod year_so_far;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_white_on_dark_fills_and_ink_on_light_ones() {
        // Relative luminance worked by hand (WCAG 2): Okabe-Ito blue
        // (0, 114, 178) is 0.152, below the 0.179 where black and white
        // contrast equally; orange (230, 159, 0) is 0.416; the same blue at
        // 55 % over white is about 0.40.
        let blue = COMPONENT_COLOURS[1];
        assert_eq!(*ink_on(blue.to_rgba()), WHITE);
        assert_eq!(*ink_on(COMPONENT_COLOURS[2].to_rgba()), INK);
        assert_eq!(*ink_on(blue.mix(0.55).to_rgba()), INK);
    }

    #[test]
    fn years_past_three_get_colours_of_their_own_darker_each_year() {
        // Up to three years: sky blue, blue, black, as always.
        assert_eq!(year_colour(0, 3), RGBColor(0x56, 0xb4, 0xe9));
        assert_eq!(year_colour(2, 3), RGBColor(0, 0, 0));
        assert_eq!(year_colour(1, 2), RGBColor(0x00, 0x72, 0xb2));
        // Six years (the colours repeated after three): each darker than
        // the last in greyscale (Rec. 601 luma), so none is mistaken for
        // another; the first and last are the ends of the path.
        let luma =
            |c: RGBColor| 0.299 * f64::from(c.0) + 0.587 * f64::from(c.1) + 0.114 * f64::from(c.2);
        let six: Vec<RGBColor> = (0..6).map(|i| year_colour(i, 6)).collect();
        assert_eq!(six[0], RGBColor(0x56, 0xb4, 0xe9));
        assert_eq!(six[5], RGBColor(0, 0, 0));
        for pair in six.windows(2) {
            assert!(luma(pair[1]) < luma(pair[0]) - 10.0, "{pair:?}");
        }
    }
}
