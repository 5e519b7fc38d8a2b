//! The embedded font: DejaVu Sans, registered once for plotters under
//! "sans-serif", so no system font is ever looked up.

use std::sync::OnceLock;

use plotters::style::FontStyle;

/// DejaVu Sans (regular), DejaVu fonts 2.37.
pub const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
pub const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// The family name charts ask for.
pub const FAMILY: &str = "sans-serif";

/// Registers the embedded faces (idempotent); false if the bytes are unusable.
pub fn register() -> bool {
    static DONE: OnceLock<bool> = OnceLock::new();
    *DONE.get_or_init(|| {
        plotters::style::register_font(FAMILY, FontStyle::Normal, REGULAR).is_ok()
            && plotters::style::register_font(FAMILY, FontStyle::Bold, BOLD).is_ok()
    })
}
