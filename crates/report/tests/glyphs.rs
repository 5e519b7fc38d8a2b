//! The embedded font must draw every character the report's words use, in
//! both languages: a missing glyph would print as an empty box.

use ab_glyph::{Font, FontRef};

/// Every source file that holds words of the report, and the built-in
/// scenario (component and view names in Vietnamese).
const SOURCES: [&str; 11] = [
    include_str!("../src/text/mod.rs"),
    include_str!("../src/text/charts.rs"),
    include_str!("../src/text/page.rs"),
    include_str!("../src/lang/mod.rs"),
    include_str!("../src/lang/labels.rs"),
    include_str!("../src/lang/phrases.rs"),
    include_str!("../src/terminal.rs"),
    include_str!("../src/findings.rs"),
    include_str!("../src/html.rs"),
    include_str!("../../../data/cantho/scenario-2025.toml"),
    include_str!("../../../data/cantho/scenario-2026.toml"),
];

#[test]
fn every_character_of_the_words_has_a_glyph() {
    for (name, bytes) in [
        ("regular", grdp_report::font::REGULAR),
        ("bold", grdp_report::font::BOLD),
    ] {
        let font = FontRef::try_from_slice(bytes).expect("the embedded font parses");
        let mut missing: Vec<char> = SOURCES
            .iter()
            .flat_map(|s| s.chars())
            .filter(|c| !c.is_control() && font.glyph_id(*c).0 == 0)
            .collect();
        missing.sort_unstable();
        missing.dedup();
        assert!(missing.is_empty(), "{name} lacks glyphs for {missing:?}");
    }
}

#[test]
fn vietnamese_letters_are_real_glyphs() {
    let font = FontRef::try_from_slice(grdp_report::font::REGULAR).unwrap();
    // Every precomposed Vietnamese vowel with its tone marks, both cases.
    let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
    for c in letters.chars().chain(letters.to_uppercase().chars()) {
        let id = font.glyph_id(c);
        assert_ne!(id.0, 0, "no glyph for {c}");
        // A real glyph has an outline; the replacement box would be glyph 0.
        assert!(font.outline(id).is_some(), "{c} has no outline");
    }
}
