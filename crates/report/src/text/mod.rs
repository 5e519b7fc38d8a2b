//! Every word of the charts and the page, in English and Vietnamese, with
//! the figures that make each sentence say something about the target:
//! `charts.rs` for the charts' titles, axes and captions, `page.rs` for the
//! page's verdict, proposal and tables.

pub(crate) mod batch;
mod charts;
mod page;

pub use page::{PageWords, TargetRow};

use grdp_core::{Indicator, Target, TargetOutcome};

use crate::ReportInput;
use crate::lang::{LabelStyle, Lang};

/// Words for one report, in one language.
pub struct Words<'a> {
    pub(crate) input: &'a ReportInput<'a>,
    pub(crate) lang: Lang,
}

impl<'a> Words<'a> {
    /// Words for `input` in `input.lang`.
    pub fn new(input: &'a ReportInput<'a>) -> Self {
        Self {
            input,
            lang: input.lang,
        }
    }

    pub(crate) fn vi(&self) -> bool {
        self.lang == Lang::Vi
    }

    pub(crate) fn pick(&self, en: impl Into<String>, vi: impl Into<String>) -> String {
        if self.vi() { vi.into() } else { en.into() }
    }

    /// Whether the plan's sector growth in the first plan year (the year of
    /// the contributions chart, the proposal and the main-targets note) is
    /// a set of targets (a resolution's) rather than an assumption: only
    /// then do the words say "the sector targets".
    pub(crate) fn sector_targets(&self) -> bool {
        self.input
            .projection
            .years
            .first()
            .is_some_and(|y| self.sector_targets_in(y.year))
    }

    /// Whether `o` is a sector's growth target the plan is made of, met by
    /// construction: counted apart from the targets the plan meets on its
    /// merits.
    pub(crate) fn met_by_construction(&self, o: &grdp_core::TargetOutcome) -> bool {
        o.status == grdp_core::TargetStatus::Met
            && o.target.indicator == grdp_core::Indicator::GrowthPct
            && o.target.component.is_some()
            && self.sector_targets_in(o.target.year)
    }

    /// Whether the plan's sector growth in `year` is a set of targets.
    pub(crate) fn sector_targets_in(&self, year: i32) -> bool {
        self.input.loaded.plan_growth_is_target(year)
    }

    /// "the sector targets add up to" or, for a plan that is not a set of
    /// targets, "the plan adds up to", in the report's language.
    pub(crate) fn plan_adds_up_to(&self) -> String {
        match (self.sector_targets(), self.plan_assumed(), self.vi()) {
            (true, _, false) => "the sector targets add up to".into(),
            (true, _, true) => "các chỉ tiêu khu vực cộng lại được".into(),
            // Growth rates do not add up; at them, GRDP grows.
            (false, true, false) => "at the assumed sector growth, GRDP grows".into(),
            (false, true, true) => "với tốc độ tăng giả định của các khu vực, GRDP tăng".into(),
            (false, false, false) => "the plan adds up to".into(),
            (false, false, true) => "kế hoạch cộng lại được".into(),
        }
    }

    /// Whether the first plan year's sector growth is an assumption, not
    /// anyone's plan: "as assumed", never "as planned".
    pub(crate) fn plan_assumed(&self) -> bool {
        self.input
            .projection
            .years
            .first()
            .is_some_and(|y| self.input.loaded.plan_growth_is_assumed(y.year))
    }

    /// "at its planned growth", or "at its assumed growth" for a plan that
    /// is an assumption, in the report's language.
    pub(crate) fn at_planned_growth(&self) -> &'static str {
        match (self.plan_assumed(), self.vi()) {
            (true, false) => "at its assumed growth",
            (true, true) => "tăng theo giả định",
            (false, false) => "at its planned growth",
            (false, true) => "tăng như kế hoạch",
        }
    }

    /// A number in the language's convention.
    pub fn num(&self, v: f64, decimals: usize) -> String {
        self.lang.num(v, decimals)
    }

    /// A number for running text: no trailing zeros (9,5 %, not 9,50 %).
    pub fn text_num(&self, v: f64, decimals: usize) -> String {
        self.lang.text_num(v, decimals)
    }

    pub(crate) fn signed(&self, v: f64) -> String {
        self.lang.signed(v)
    }

    /// A component's name.
    pub fn component(&self, i: usize) -> String {
        self.lang.component_name(self.input.loaded, i).to_string()
    }

    /// A component's name, shortened to fit under a bar.
    pub fn component_short(&self, i: usize) -> String {
        let full = self.component(i);
        if full.chars().count() <= 34 {
            return full;
        }
        let cut: String = full.chars().take(32).collect();
        format!("{}…", cut.trim_end())
    }

    /// A target's indicator, with its component.
    pub fn target_label(&self, t: &Target) -> String {
        self.lang
            .target_label(self.input.loaded, t, LabelStyle::Prose)
    }

    /// "target 113–115, projected 119.4".
    pub fn target_detail(&self, o: &TargetOutcome) -> String {
        let d = if o.target.indicator == Indicator::ShareCurrentPct {
            3
        } else {
            2
        };
        // The bound as the draft wrote it (5–5.6, not 5.000–5.600).
        let t = |v: f64| self.text_num(v, d);
        let bound = match (o.target.bound.min, o.target.bound.max) {
            (Some(lo), Some(hi)) => format!("{}–{}", t(lo), t(hi)),
            (Some(lo), None) => format!("≥ {}", t(lo)),
            (None, Some(hi)) => format!("≤ {}", t(hi)),
            (None, None) => String::new(),
        };
        let unit = self.lang.indicator_unit(o.target.indicator);
        let value = o.value.map_or("–".into(), |v| self.num(v, d));
        self.pick(
            format!("target {bound}{unit}, projected {value}"),
            format!("chỉ tiêu {bound}{unit}, dự báo {value}"),
        )
    }

    pub(crate) fn main(&self) -> &grdp_montecarlo::SimResult {
        self.input.views[0].result
    }

    /// " Scenario: Plan.": the first view's name (up to its colon), for the
    /// subtitles of charts drawn from it (the tornado, the fan, the
    /// feasibility curve, the convergence trace), which may differ from the
    /// view the answer comes from.
    pub(crate) fn main_scenario_note(&self) -> String {
        let name = &self.input.views[0].name;
        let short = name
            .split_once(':')
            .map_or(name.as_str(), |(a, _)| a)
            .trim();
        self.pick(
            format!(" Scenario: {short}."),
            format!(" Kịch bản: {short}."),
        )
    }

    /// The view that answers the question (the briefing's preferred one,
    /// else the first): its index and name.
    /// What a growth target that is not a floor asks, in words of both
    /// languages: "growth within 10–10.5 %", "growth of at most 10.5 %",
    /// "growth of exactly 10 %".
    pub(crate) fn as_set_growth(&self, a: &grdp_study::briefing::AsSet) -> (String, String) {
        let lo = self.lang.given_num(a.min_pct);
        match (a.direction, a.max_pct) {
            // A range of one point: growth of exactly it.
            (grdp_core::Direction::Within, Some(hi)) if (hi - a.min_pct).abs() < 1e-12 => (
                format!("growth of exactly {lo} %"),
                format!("tăng đúng {lo}%"),
            ),
            (grdp_core::Direction::Within, Some(hi)) => {
                let hi = self.lang.given_num(hi);
                (
                    format!("growth within {lo}–{hi} %"),
                    format!("tăng trong khoảng {lo}–{hi}%"),
                )
            }
            (_, Some(hi)) => {
                let hi = self.lang.given_num(hi);
                (
                    format!("growth of at most {hi} %"),
                    format!("tăng không quá {hi}%"),
                )
            }
            // A range or ceiling without a maximum asks the minimum.
            (_, None) => (
                format!("growth of at least {lo} %"),
                format!("tăng từ {lo}% trở lên"),
            ),
        }
    }

    pub(crate) fn preferred_view(&self) -> (usize, &crate::ViewInput<'_>) {
        let i = self
            .input
            .briefing
            .preferred
            .as_ref()
            .map_or(0, |p| p.index)
            .min(self.input.views.len() - 1);
        (i, &self.input.views[i])
    }

    /// The word for an audit status.
    pub fn status(&self, s: grdp_core::CheckStatus) -> String {
        let p = self.page();
        match s {
            grdp_core::CheckStatus::Pass => p.status_pass,
            grdp_core::CheckStatus::Warn => p.status_warn,
            grdp_core::CheckStatus::Fail => p.status_fail,
            grdp_core::CheckStatus::Understated => p.status_understated,
        }
    }

    /// The signed margin of a target outcome.
    pub fn margin(&self, o: &TargetOutcome) -> String {
        o.margin.map_or("–".into(), |m| self.signed(m))
    }
}

/// A view's short name for a title: a name written "Short name: what it
/// does" up to its ": ", where that leaves a word; else the whole name
/// ("10:30 view", "see http://…" and ": x" stay whole).
pub(crate) fn short_view_name(name: &str) -> &str {
    match name.split_once(": ") {
        Some((head, _)) if !head.trim().is_empty() => head.trim(),
        _ => name.trim(),
    }
}

#[cfg(test)]
mod tests {
    use super::short_view_name;

    #[test]
    fn a_views_short_name_stops_at_its_colon_only_where_words_come_before() {
        assert_eq!(
            short_view_name("2025's pace: every sector grows as in 2025"),
            "2025's pace"
        );
        assert_eq!(short_view_name("10:30 view"), "10:30 view");
        assert_eq!(
            short_view_name("see http://example.org: x"),
            "see http://example.org"
        );
        assert_eq!(short_view_name(": leading colon"), ": leading colon");
        assert_eq!(short_view_name("  plain  "), "plain");
    }

    #[test]
    fn only_a_capitalised_word_loses_its_capital() {
        assert_eq!(crate::Lang::lower_initial("Giữ tốc độ"), "giữ tốc độ");
        assert_eq!(crate::Lang::lower_initial("UBND 2025"), "UBND 2025");
        assert_eq!(crate::Lang::lower_initial("R&D push"), "R&D push");
    }
}
