//! Text on the charts, laid out glyph by glyph with each glyph's own side
//! bearing and at its sub-pixel position.
//!
//! plotters' own drawing of ab_glyph text puts each glyph's rendered box at
//! the pen position, dropping the glyph's left side bearing and rounding the
//! pen to whole pixels: letters crowd or drift apart by a pixel at a time,
//! which in Vietnamese (many narrow accented letters) runs words together
//! ("Côngnghiệp", "31 ,040"). This backend wraps the bitmap backend and draws
//! every text itself; the box it reports is the one plotters computes (pen
//! advances and kerning), so layouts do not move.

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};

use crate::font::{BOLD, REGULAR};

/// A backend that draws text correctly and everything else through `B`.
pub struct TextBackend<B> {
    inner: B,
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

impl<B> TextBackend<B> {
    /// Wraps `inner`; `None` if the embedded fonts cannot be read.
    pub fn new(inner: B) -> Option<Self> {
        Some(Self {
            inner,
            regular: FontRef::try_from_slice(REGULAR).ok()?,
            bold: FontRef::try_from_slice(BOLD).ok()?,
        })
    }

    fn face(&self, style: FontStyle) -> &FontRef<'static> {
        match style {
            FontStyle::Bold => &self.bold,
            _ => &self.regular,
        }
    }
}

/// Pen positions (pixels) of each glyph of `text`, and the advance of the
/// whole line: the advances and kerning plotters measures with.
fn layout(font: &FontRef<'static>, size: f32, text: &str) -> (Vec<(ab_glyph::GlyphId, f32)>, f32) {
    let scaled = font.as_scaled(PxScale::from(size));
    let mut x = 0.0f32;
    let mut prev = None;
    let mut glyphs = Vec::with_capacity(text.len());
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            x += scaled.kern(p, id);
        }
        glyphs.push((id, x));
        x += scaled.h_advance(id);
        prev = Some(id);
    }
    (glyphs, x)
}

impl<B: DrawingBackend> DrawingBackend for TextBackend<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (iw, ih): (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.blit_bitmap(pos, (iw, ih), src)
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let size = style.size() as f32;
        let (_, width) = layout(self.face(style.style()), size, text);
        Ok((width as u32, (style.size() / 1.24) as u32))
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let size = style.size() as f32;
        let font = self.face(style.style()).clone();
        let (glyphs, advance) = layout(&font, size, text);
        // The box plotters anchors text by: the line's advance, and the
        // height it gives a line of this size.
        let (width, height) = (advance as i32, (style.size() / 1.24) as i32);
        let dx = match style.anchor().h_pos {
            HPos::Left => 0,
            HPos::Right => -width,
            HPos::Center => -width / 2,
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => 0,
            VPos::Center => -height / 2,
            VPos::Bottom => -height,
        };
        let transform: FontTransform = style.transform();
        let (w, h) = self.get_size();
        let scale = PxScale::from(size);
        for (id, x) in glyphs {
            // Placed at its own sub-pixel position: its raster starts at its
            // side bearing, not at the pen. Vertically as plotters places it.
            let glyph = id.with_scale_and_position(scale, point(x, 0.0));
            let Some(outline) = font.outline_glyph(glyph) else {
                continue;
            };
            let bounds = outline.px_bounds();
            let left = bounds.min.x as i32;
            let top = (size / 2.0 + bounds.min.y) as i32;
            let mut pixels = Vec::new();
            outline.draw(|gx, gy, coverage| pixels.push((gx as i32, gy as i32, coverage)));
            for (gx, gy, coverage) in pixels {
                let (tx, ty) = transform.transform(left + gx + dx, top + gy + dy);
                let (px, py) = (pos.0 + tx, pos.1 + ty);
                if px >= 0 && px < w as i32 && py >= 0 && py < h as i32 {
                    self.inner.draw_pixel(
                        (px, py),
                        BackendColor {
                            alpha: color.alpha * f64::from(coverage),
                            rgb: color.rgb,
                        },
                    )?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blank columns between inked ones, widest first.
    fn blank_runs(buf: &[u8], w: u32, h: u32) -> Vec<u32> {
        let inked = |x: u32| (0..h).any(|y| buf[((y * w + x) * 3) as usize] < 160);
        let columns: Vec<u32> = (0..w).filter(|x| inked(*x)).collect();
        let mut runs: Vec<u32> = columns.windows(2).map(|p| p[1] - p[0] - 1).collect();
        runs.sort_unstable_by(|a, b| b.cmp(a));
        runs
    }

    /// The space between two words must read as one: at 16 px the blank
    /// run between "Công" and "nghiệp" is at least twice the widest gap
    /// between letters. plotters' own drawing, which drops each glyph's
    /// side bearing, gives 5 against 3 here (the words run together); this
    /// backend gives 7 against 2.
    #[test]
    fn a_space_between_vietnamese_words_reads_as_one() {
        let (w, h) = (300u32, 30u32);
        let mut buf = vec![255u8; (w * h * 3) as usize];
        {
            let backend = plotters::backend::BitMapBackend::with_buffer(&mut buf, (w, h));
            let mut t = TextBackend::new(backend).unwrap();
            let style = plotters::style::TextStyle::from(("sans-serif", 16.0).into_font());
            t.draw_text("Công nghiệp", &style, (10, 5)).unwrap();
            t.present().unwrap();
        }
        let runs = blank_runs(&buf, w, h);
        assert!(
            runs[0] >= 4 && runs[0] >= 2 * runs[1],
            "word gap {} px against letter gaps {:?}",
            runs[0],
            &runs[1..]
        );
    }

    use plotters::style::IntoFont;
}
