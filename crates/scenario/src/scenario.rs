//! The scenario file (TOML): reading it into a validated [`grdp_core::Scenario`].
//!
//! The format is documented, with a complete annotated example, in
//! `docs/scenario-format.md`; the built-in Cần Thơ scenario is a working one.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;

use grdp_core::{
    BaseYear, Component, ComponentKind, ConstantPriceBase, Economy, Plan, PricePath, Scenario,
    TargetSet, YearPlan, economy::SHARE_SUM_TOLERANCE_PP,
};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::{LoadError, LoadErrorKind, Locator, decode};
use crate::plausibility::Warning;
use crate::sourced::{Sourced, Status};
use crate::targets::{RawInvestment, RawKnown, RawOutcome, RawPeriodTarget, RawTarget};

/// A level at current prices beyond this, billion VND, is no economy's:
/// the world's output is about 3·10⁹ billion VND a year. Refused before it
/// overflows into an internal figure (a share of 1.7·10³⁰⁸ is infinite).
pub(crate) const MAX_LEVEL_BN_VND: f64 = 1e12;

/// What is wrong with a level beyond [`MAX_LEVEL_BN_VND`].
pub(crate) fn beyond_any_economy(v: f64) -> String {
    format!(
        "found {v:e} billion VND, more than the output of any economy (over 10^12 billion VND); expected billion VND (Cần Thơ's 2024 GRDP: 133065): was it typed in VND or million VND?"
    )
}

/// [`beyond_any_economy`] in Vietnamese.
pub(crate) fn beyond_any_economy_vi(v: f64) -> String {
    format!(
        "gặp {} tỷ đồng, lớn hơn tổng sản phẩm của bất kỳ nền kinh tế nào (trên 10^12 tỷ đồng); cần số liệu tính bằng tỷ đồng (GRDP năm 2024 của Cần Thơ: 133.065 tỷ đồng): có phải đã ghi theo đơn vị đồng hoặc triệu đồng?",
        crate::plausibility::tidy_vi(v)
    )
}

/// The scenario format version this reader understands.
pub const FORMAT_VERSION: i64 = 1;

/// A scenario as loaded: the model's scenario plus what the model does not
/// need but people do (names in two languages, where every number came from).
#[derive(Debug, Clone)]
pub struct LoadedScenario {
    /// The validated scenario.
    pub scenario: Scenario,
    /// Descriptive fields.
    pub meta: ScenarioMeta,
    /// Display names, one per component, in the economy's order.
    pub names: Vec<ComponentNames>,
    /// Provenance of every number in the file, in file order.
    pub provenance: Vec<Provenance>,
    /// The `[uncertainty]` block, where given.
    pub uncertainty: Option<grdp_core::uncertainty::UncertaintySpec>,
    /// What loads but probably is not what was meant (a thousands dot, growth
    /// as fractions, a target no plan year reaches, a number no view reads).
    pub warnings: Vec<Warning>,
    /// SHA-256 of the file's bytes, hexadecimal: the scenario's identity in outputs.
    pub sha256: String,
}

impl LoadedScenario {
    /// The source given for the number at dotted path `field`
    /// (`known.growth_pct`), where the file gives one.
    pub fn source_of(&self, field: &str) -> Option<String> {
        self.provenance
            .iter()
            .find(|p| p.field == field)
            .and_then(|p| p.source.clone())
    }

    /// Whether the plan's sector growth for `year` is a set of targets (every
    /// figure's status `target` or `plan`), as in a resolution, rather than
    /// an assumption such as last year's growth carried forward. The report
    /// speaks of "the sector targets" only when it is.
    pub fn plan_growth_is_target(&self, year: i32) -> bool {
        self.plan_growth_all(year, |s| matches!(s, Some(Status::Target | Status::Plan)))
    }

    /// Whether every sector's growth in plan year `year` is an assumption
    /// (the 2026 scenario carries 2025's pace forward): no one's plan, so
    /// the report does not call it one.
    pub fn plan_growth_is_assumed(&self, year: i32) -> bool {
        self.plan_growth_all(year, |s| s == Some(Status::Assumption))
    }

    /// Whether plan year `year` gives sector growth and every figure's
    /// status passes `test`.
    fn plan_growth_all(&self, year: i32, test: impl Fn(Option<Status>) -> bool) -> bool {
        let prefix = format!("plan.{year}.growth_pct.");
        let mut figures = self
            .provenance
            .iter()
            .filter(|p| p.field.starts_with(&prefix))
            .peekable();
        figures.peek().is_some() && figures.all(|p| test(p.status))
    }
}

/// Descriptive fields of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioMeta {
    /// Display name.
    pub name: String,
    /// Display name in Vietnamese (the English name where not given).
    pub name_vi: String,
    /// The region the scenario describes (the area, on its boundaries of
    /// the time: e.g. before or after the July 2025 merger).
    pub region: Option<String>,
    /// `region` in Vietnamese, where given.
    pub region_vi: Option<String>,
    /// The region of the history file (`data/history.csv`) whose past
    /// targets and outcomes are this area's own, where there is one: its
    /// record of past shortfalls is what `grdp report` applies by default,
    /// and its track record what the report shows. `None`: the area has no
    /// record there (another province, or the merged city on a new basis).
    pub history_region: Option<String>,
    /// A sentence or two on what the scenario asks.
    pub description: Option<String>,
    /// `description` in Vietnamese, where given.
    pub description_vi: Option<String>,
    /// Which vintage of the data it uses: which estimates, of when (the
    /// report prints it under the title, as "Data vintage").
    pub vintage: Option<String>,
    /// `vintage` in Vietnamese, where given.
    pub vintage_vi: Option<String>,
    /// Who issues briefings on it (an office, a consultant), where given.
    pub issuer: Option<String>,
    /// Where its data come from, in a few words for a chart's source line
    /// (e.g. "statistics office of Cần Thơ, draft resolution"), and in
    /// Vietnamese; where not given, charts say "the sources cited in the
    /// scenario file".
    pub data_source: Option<String>,
    /// `data_source` in Vietnamese.
    pub data_source_vi: Option<String>,
    /// The briefing's comparison with the neighbours (`[compare]`), where
    /// given.
    pub compare: Option<Compare>,
    /// What the `[uncertainty]` block's `note` says of the assumed spread
    /// (where it comes from, what it rests on), where given: the briefing
    /// prints it beside P's sensitivity to the spread.
    pub uncertainty_note: Option<String>,
    /// `uncertainty_note` in Vietnamese (`note_vi`), where given.
    pub uncertainty_note_vi: Option<String>,
    /// What `[uncertainty.supported_spread]`'s `note` says the supported
    /// spreads rest on, where given: the briefing prints it beside P at
    /// those spreads.
    pub supported_spread_note: Option<String>,
    /// `supported_spread_note` in Vietnamese (`note_vi`), where given.
    pub supported_spread_note_vi: Option<String>,
}

/// Whom the briefing compares the area with, by their names in the
/// provincial table (`data/provinces/provinces.csv`): the area itself and
/// its neighbours, the region or the nation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Compare {
    /// The area's own name in the table, e.g. `Cần Thơ (merged)`.
    pub region: String,
    /// The others, in the order the briefing lists them.
    pub with: Vec<String>,
    /// Where each name stands in the scenario file (`file:line:column`),
    /// the area's first, then the others' in order: errors about a name
    /// point at it. Empty for a comparison built in code.
    pub locations: Vec<String>,
}

/// A component's names for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComponentNames {
    /// English name.
    pub en: String,
    /// Vietnamese name.
    pub vi: String,
}

/// Where one number in the scenario came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Provenance {
    /// Dotted path of the field, e.g. `base.share_current_pct.services`.
    pub field: String,
    /// The value, in the field's unit.
    pub value: f64,
    /// Its status, where given.
    pub status: Option<Status>,
    /// Its source (an address or a document), where given.
    pub source: Option<String>,
    /// A note, where given.
    pub note: Option<String>,
    /// The note in Vietnamese, where given (`note_vi`).
    pub note_vi: Option<String>,
    /// 1-based line in the file.
    pub line: usize,
}

/// The largest scenario file read, bytes (the built-in one is 40 kB).
pub const MAX_SCENARIO_BYTES: u64 = 5_000_000;

/// Reads and validates a scenario file.
pub fn read_scenario(path: &Path) -> Result<LoadedScenario, LoadError> {
    let origin = path.display().to_string();
    let bytes = crate::error::read_file(path, MAX_SCENARIO_BYTES, crate::error::SCENARIO_WHAT)?;
    parse_scenario_bytes(&bytes, &origin)
}

/// Parses and validates scenario bytes; `origin` names them in errors.
pub fn parse_scenario_bytes(bytes: &[u8], origin: &str) -> Result<LoadedScenario, LoadError> {
    let text = decode(origin, bytes, crate::error::SCENARIO_EXPECTED)?;
    let mut loaded = parse_scenario(text, origin)?;
    loaded.sha256 = sha256_hex(bytes);
    Ok(loaded)
}

/// SHA-256 of bytes, lowercase hexadecimal.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Parses and validates scenario text; `origin` names it in errors.
pub fn parse_scenario(text: &str, origin: &str) -> Result<LoadedScenario, LoadError> {
    let loc = Locator::new(origin, text);
    let raw: RawScenario = toml::from_str(text).map_err(|e| {
        let message = with_suggestion(e.message().trim_end());
        let (hint, hint_vi) = crate::error::explain_toml(text, e.span(), &message);
        // In Vietnamese: the hint where there is one (it says the whole
        // slip: a decimal comma, a percent sign, a key given twice), else
        // the reader's message where its shape is known.
        let message_vi = match hint_vi.strip_prefix("; ") {
            Some(hint) => Some(hint.to_string()),
            None => crate::error::toml_message_vi(&message),
        };
        let message = crate::error::in_plain_words(&message);
        let mut error = loc.error(e.span(), LoadErrorKind::Syntax(format!("{message}{hint}")));
        error.message_vi = message_vi;
        error
    })?;
    let mut loaded = Builder {
        loc: &loc,
        spans: HashMap::new(),
        provenance: Vec::new(),
        notes: Vec::new(),
    }
    .build(raw)?;
    loaded.sha256 = sha256_hex(text.as_bytes());
    Ok(loaded)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScenario {
    format: Spanned<i64>,
    scenario: RawMeta,
    components: Spanned<Vec<RawComponent>>,
    base: Spanned<RawBase>,
    #[serde(default)]
    plan: Vec<Spanned<RawYearPlan>>,
    #[serde(default)]
    target: Vec<Spanned<RawTarget>>,
    #[serde(default)]
    period_target: Vec<Spanned<RawPeriodTarget>>,
    #[serde(default)]
    outcome: Vec<Spanned<RawOutcome>>,
    investment: Option<Spanned<RawInvestment>>,
    known: Option<Spanned<RawKnown>>,
    uncertainty: Option<Spanned<crate::uncertainty::RawUncertainty>>,
    compare: Option<Spanned<RawCompare>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCompare {
    region: Spanned<String>,
    with: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    name: String,
    name_vi: Option<String>,
    region: Option<String>,
    region_vi: Option<String>,
    history_region: Option<String>,
    description: Option<String>,
    description_vi: Option<String>,
    vintage: Option<String>,
    vintage_vi: Option<String>,
    issuer: Option<String>,
    data_source: Option<String>,
    data_source_vi: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComponent {
    id: Spanned<String>,
    kind: Option<Spanned<String>>,
    name_en: Option<String>,
    name_vi: Option<String>,
}

pub(crate) type RawTable = Spanned<BTreeMap<String, Spanned<Sourced>>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBase {
    year: Spanned<i64>,
    grdp_current_bn_vnd: Option<Spanned<Sourced>>,
    share_current_pct: Option<RawTable>,
    current_bn_vnd: Option<RawTable>,
    constant_bn_vnd: Option<RawTable>,
    constant_weight_pct: Option<RawTable>,
    population_thousand: Option<Spanned<Sourced>>,
    employed_thousand: Option<Spanned<Sourced>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYearPlan {
    year: Spanned<i64>,
    growth_pct: RawTable,
    deflator_growth_pct: Option<Spanned<Sourced>>,
    price_growth_pct: Option<RawTable>,
    population_growth_pct: Option<Spanned<Sourced>>,
    employment_growth_pct: Option<Spanned<Sourced>>,
}

pub(crate) struct Builder<'a> {
    pub(crate) loc: &'a Locator<'a>,
    /// Field path → span, to place the model's errors.
    pub(crate) spans: HashMap<String, Range<usize>>,
    pub(crate) provenance: Vec<Provenance>,
    /// Warnings found while reading (field, English, Vietnamese), issued with the
    /// plausibility checks'.
    pub(crate) notes: Vec<(String, String, String)>,
}

impl Builder<'_> {
    /// Refuses a table of levels (billion VND) with one beyond
    /// [`MAX_LEVEL_BN_VND`], at that entry's line.
    fn within_any_economy(
        &self,
        table: &str,
        ids: &[String],
        levels: &[f64],
    ) -> Result<(), LoadError> {
        for (id, v) in ids.iter().zip(levels) {
            if *v > MAX_LEVEL_BN_VND {
                let field = format!("{table}.{id}");
                let span = self.spans.get(&field).cloned();
                return Err(self.loc.invalid_vi(
                    span,
                    field,
                    beyond_any_economy(*v),
                    beyond_any_economy_vi(*v),
                ));
            }
        }
        Ok(())
    }

    fn build(mut self, raw: RawScenario) -> Result<LoadedScenario, LoadError> {
        if *raw.format.get_ref() != FORMAT_VERSION {
            return Err(self.loc.invalid_vi(
                Some(raw.format.span()),
                "format",
                format!(
                    "found format {}; this grdp reads format {FORMAT_VERSION}",
                    raw.format.get_ref()
                ),
                format!(
                    "gặp `format = {}`; phiên bản grdp này chỉ đọc được `format = {FORMAT_VERSION}`",
                    raw.format.get_ref()
                ),
            ));
        }
        let (components, names) = self.components(&raw.components)?;
        let ids: Vec<String> = components.iter().map(|c| c.id.clone()).collect();
        let base = self.base(&raw.base, &ids)?;
        let economy = Economy::new(components, base).map_err(|e| self.model(e))?;
        let years = raw
            .plan
            .iter()
            .map(|p| self.year_plan(p, &ids))
            .collect::<Result<Vec<_>, _>>()?;
        let plan = Plan::new(&economy, years).map_err(|e| self.model(e))?;
        let targets = raw
            .target
            .iter()
            .map(|t| self.target(t))
            .collect::<Result<Vec<_>, _>>()?;
        let targets = TargetSet::new(&economy, targets).map_err(|e| self.model(e))?;
        // A period target's id is unique among all targets: its notes and
        // source are found by it.
        let mut seen: std::collections::HashSet<String> =
            targets.targets().iter().map(|t| t.id.clone()).collect();
        for t in &raw.period_target {
            let id = t.get_ref().id.get_ref();
            if !seen.insert(id.clone()) {
                return Err(self.loc.invalid_vi(
                    Some(t.span()),
                    format!("period_target.{id}"),
                    "the id is used by another target; expected unique ids",
                    format!("mã `{id}` đã được dùng cho một chỉ tiêu khác; cần mỗi chỉ tiêu một mã riêng"),
                ));
            }
        }
        let period_targets = raw
            .period_target
            .iter()
            .map(|t| self.period_target(t))
            .collect::<Result<Vec<_>, _>>()?;
        let outcomes = raw
            .outcome
            .iter()
            .map(|o| self.outcome(o))
            .collect::<Result<Vec<_>, _>>()?;
        let scenario = Scenario::new(
            raw.scenario.name.clone(),
            economy,
            plan,
            targets,
            period_targets,
            outcomes,
        )
        .map_err(|e| self.model(e))?;
        let scenario = match &raw.investment {
            Some(i) => {
                let inv = self.investment(i)?;
                scenario.with_investment(inv).map_err(|e| self.model(e))?
            }
            None => scenario,
        };
        let scenario = match &raw.known {
            Some(k) => {
                let known = self.known(k)?;
                scenario.with_known(known).map_err(|e| self.model(e))?
            }
            None => scenario,
        };
        let uncertainty = match &raw.uncertainty {
            Some(u) => {
                let spec = self.uncertainty(u, &ids)?;
                let years: Vec<i32> = scenario.plan().years().iter().map(|y| y.year).collect();
                spec.validate(&ids, &years)
                    .map_err(|e| self.uncertainty_error(e))?;
                Some(spec)
            }
            None => None,
        };
        // The comparison's names: NFC as the table's are, none empty or
        // given twice (the table itself is read by the study).
        let compare = match &raw.compare {
            Some(c) => {
                let c = c.get_ref();
                let region = crate::history::region_name(c.region.get_ref());
                let with: Vec<String> = c
                    .with
                    .iter()
                    .map(|r| crate::history::region_name(r.get_ref()))
                    .collect();
                let locations = std::iter::once(&c.region)
                    .chain(&c.with)
                    .map(|name| {
                        let (line, column) = self.loc.line_col(name.span().start);
                        format!("{}:{line}:{column}", self.loc.origin())
                    })
                    .collect();
                // Each name's own place in the file, for its errors.
                let spans = std::iter::once(&c.region)
                    .chain(&c.with)
                    .map(|name| Some(name.span()));
                let mut seen = std::collections::HashSet::new();
                for (name, span) in std::iter::once(&region).chain(&with).zip(spans) {
                    if name.is_empty() {
                        return Err(self.loc.invalid_vi(
                            span,
                            "compare",
                            "an empty name; expected regions as the provincial table names them, e.g. \"An Giang (merged)\"",
                            "tên để trống; cần tên địa phương đúng như bảng số liệu các tỉnh, thành phố ghi, ví dụ `\"An Giang (merged)\"`",
                        ));
                    }
                    if !seen.insert(name.clone()) {
                        return Err(self.loc.invalid_vi(
                            span,
                            "compare",
                            format!("`{name}` is named twice; expected each region once (the area itself in `region`, the others in `with`)"),
                            format!("`{name}` được ghi hai lần; cần ghi mỗi địa phương một lần (địa phương đang xét ở `region`, các địa phương so sánh ở `with`)"),
                        ));
                    }
                }
                Some(Compare {
                    region,
                    with,
                    locations,
                })
            }
            None => None,
        };
        let kind_given: Vec<bool> = raw
            .components
            .get_ref()
            .iter()
            .map(|c| c.kind.is_some())
            .collect();
        let warnings = self.plausibility(&scenario, uncertainty.as_ref(), &kind_given)?;
        let (uncertainty_note, uncertainty_note_vi) =
            raw.uncertainty.as_ref().map_or((None, None), |u| {
                let u = u.get_ref();
                (u.note.clone(), u.note_vi.clone())
            });
        let (supported_spread_note, supported_spread_note_vi) = raw
            .uncertainty
            .as_ref()
            .and_then(|u| u.get_ref().supported_spread.as_ref())
            .map_or((None, None), |s| {
                let s = s.get_ref();
                (s.note.clone(), s.note_vi.clone())
            });
        Ok(LoadedScenario {
            warnings,
            uncertainty,
            sha256: String::new(),
            scenario,
            meta: ScenarioMeta {
                name_vi: raw
                    .scenario
                    .name_vi
                    .unwrap_or_else(|| raw.scenario.name.clone()),
                name: raw.scenario.name,
                region: raw.scenario.region,
                region_vi: raw.scenario.region_vi,
                history_region: raw
                    .scenario
                    .history_region
                    .as_deref()
                    .map(crate::history::region_name),
                description: raw.scenario.description,
                description_vi: raw.scenario.description_vi,
                vintage: raw.scenario.vintage,
                vintage_vi: raw.scenario.vintage_vi,
                issuer: raw.scenario.issuer,
                data_source: raw.scenario.data_source,
                data_source_vi: raw.scenario.data_source_vi,
                compare,
                uncertainty_note,
                uncertainty_note_vi,
                supported_spread_note,
                supported_spread_note_vi,
            },
            names,
            provenance: self.provenance,
        })
    }

    /// Places a model error at the span of the field it names.
    fn model(&self, e: grdp_core::ModelError) -> LoadError {
        let span = e.field().and_then(|f| {
            // The most specific recorded prefix of the field path.
            let mut path = f.as_str();
            loop {
                if let Some(s) = self.spans.get(path) {
                    return Some(s.clone());
                }
                path = &path[..path.rfind('.')?];
            }
        });
        self.loc.error(span, LoadErrorKind::Model(e))
    }

    pub(crate) fn year(&self, field: &str, y: &Spanned<i64>) -> Result<i32, LoadError> {
        let v = *y.get_ref();
        if (1900..=2200).contains(&v) {
            Ok(v as i32)
        } else {
            Err(self.loc.invalid_vi(
                Some(y.span()),
                field,
                format!("found {v}; expected a calendar year between 1900 and 2200"),
                format!("gặp {v}; cần một năm dương lịch từ 1900 đến 2200"),
            ))
        }
    }

    pub(crate) fn status(&self, field: &str, s: &Spanned<String>) -> Result<Status, LoadError> {
        Status::parse(s.get_ref()).ok_or_else(|| {
            self.loc.invalid_vi(
                Some(s.span()),
                format!("{field}.status"),
                format!(
                    "found \"{}\"; expected one of: {}",
                    s.get_ref(),
                    Status::list()
                ),
                format!(
                    "gặp \"{}\"; cần một trong: {}",
                    s.get_ref(),
                    ticked(&Status::ALL.map(Status::as_str))
                ),
            )
        })
    }

    /// Records a sourced number's provenance and span; returns its value.
    pub(crate) fn number(&mut self, field: &str, n: &Spanned<Sourced>) -> Result<f64, LoadError> {
        let s = n.get_ref();
        let status = match &s.status {
            Some(word) => Some(Status::parse(word).ok_or_else(|| {
                self.loc.invalid_vi(
                    Some(n.span()),
                    format!("{field}.status"),
                    format!("found \"{word}\"; expected one of: {}", Status::list()),
                    format!(
                        "gặp \"{word}\"; cần một trong: {}",
                        ticked(&Status::ALL.map(Status::as_str))
                    ),
                )
            })?),
            None => None,
        };
        if !s.value.is_finite() {
            return Err(self.loc.invalid_vi(
                Some(n.span()),
                field,
                format!("found {}; expected a finite number", s.value),
                // As TOML spells it (`nan`), where Rust writes NaN.
                format!(
                    "gặp `{}`; cần một số hữu hạn",
                    if s.value.is_nan() {
                        "nan".to_string()
                    } else {
                        s.value.to_string()
                    }
                ),
            ));
        }
        self.spans.insert(field.to_string(), n.span());
        self.provenance.push(Provenance {
            field: field.to_string(),
            value: s.value,
            status,
            source: s.source.clone(),
            note: s.note.clone(),
            note_vi: s.note_vi.clone(),
            line: self.loc.line_col(n.span().start).0,
        });
        Ok(s.value)
    }

    pub(crate) fn optional(
        &mut self,
        field: &str,
        n: &Option<Spanned<Sourced>>,
    ) -> Result<Option<f64>, LoadError> {
        n.as_ref().map(|n| self.number(field, n)).transpose()
    }

    /// Reads a per-component table: every component exactly once, no others.
    pub(crate) fn table(
        &mut self,
        field: &str,
        t: &RawTable,
        ids: &[String],
    ) -> Result<Vec<f64>, LoadError> {
        self.spans.insert(field.to_string(), t.span());
        for (key, value) in t.get_ref() {
            if !ids.contains(key) {
                return Err(self.loc.invalid_vi(
                    Some(value.span()),
                    format!("{field}.{key}"),
                    format!(
                        "`{key}` is not a component of this scenario; expected one of: {}{}",
                        ids.join(", "),
                        suggestion(key, ids)
                    ),
                    format!(
                        "`{key}` không phải là thành phần của kịch bản này; cần một trong: {}{}",
                        ticked(ids),
                        suggestion_vi(key, ids)
                    ),
                ));
            }
        }
        ids.iter()
            .map(|id| {
                let v = t.get_ref().get(id).ok_or_else(|| {
                    self.loc.invalid_vi(
                        Some(t.span()),
                        field,
                        format!(
                            "no value for component `{id}`; expected one value for each of: {}",
                            ids.join(", ")
                        ),
                        format!(
                            "thiếu giá trị của thành phần `{id}`; cần một giá trị cho mỗi thành phần: {}",
                            ticked(ids)
                        ),
                    )
                })?;
                self.number(&format!("{field}.{id}"), v)
            })
            .collect()
    }

    fn components(
        &mut self,
        raw: &Spanned<Vec<RawComponent>>,
    ) -> Result<(Vec<Component>, Vec<ComponentNames>), LoadError> {
        if raw.get_ref().is_empty() {
            return Err(self.loc.invalid_vi(
                Some(raw.span()),
                "components",
                "no components; expected at least one [[components]] table with an id",
                "không có thành phần nào; cần ít nhất một bảng `[[components]]` có khóa `id`",
            ));
        }
        let mut comps = Vec::new();
        let mut names = Vec::new();
        for (i, c) in raw.get_ref().iter().enumerate() {
            let id = c.id.get_ref().trim().to_string();
            let field = format!("components[{}]", i + 1);
            if id.is_empty() {
                return Err(self.loc.invalid_vi(
                    Some(c.id.span()),
                    format!("{field}.id"),
                    "the id is empty; expected a short name such as `services`",
                    "`id` để trống; cần một tên ngắn, như `services`",
                ));
            }
            if !id.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_') {
                return Err(self.loc.invalid_vi(
                    Some(c.id.span()),
                    format!("{field}.id"),
                    format!("found `{id}`; expected letters, digits and underscores only (names with spaces or accents go in name_en and name_vi)"),
                    format!("gặp `{id}`; cần mã chỉ gồm chữ cái không dấu, chữ số và dấu gạch dưới (tên có dấu cách hoặc dấu tiếng Việt ghi ở `name_vi` và `name_en`)"),
                ));
            }
            if id.eq_ignore_ascii_case("total") {
                return Err(self.loc.invalid_vi(
                    Some(c.id.span()),
                    format!("{field}.id"),
                    "`total` is reserved: tables and histories name GRDP as a whole `total`; choose another id, such as `other`",
                    "`total` là mã dành riêng: các bảng và tệp lịch sử dùng `total` cho toàn bộ GRDP; chọn mã khác, như `other`",
                ));
            }
            if comps.iter().any(|o: &Component| o.id == id) {
                return Err(self.loc.invalid_vi(
                    Some(c.id.span()),
                    format!("{field}.id"),
                    format!("`{id}` is listed more than once; expected each component once"),
                    format!("`{id}` được khai báo nhiều lần; cần khai báo mỗi thành phần một lần"),
                ));
            }
            self.spans.insert(format!("components.{id}"), c.id.span());
            let kind = match c.kind.as_ref().map(|k| (k.get_ref().as_str(), k.span())) {
                None | Some(("value_added", _)) => ComponentKind::ValueAdded,
                Some(("product_taxes", _)) => ComponentKind::ProductTaxes,
                Some((other, span)) => {
                    return Err(self.loc.invalid_vi(
                        Some(span),
                        format!("{field}.kind"),
                        format!("found \"{other}\"; expected \"value_added\" or \"product_taxes\""),
                        format!("gặp \"{other}\"; cần `\"value_added\"` (giá trị tăng thêm) hoặc `\"product_taxes\"` (thuế sản phẩm trừ trợ cấp sản phẩm)"),
                    ));
                }
            };
            let en = c.name_en.clone().unwrap_or_else(|| id.clone());
            names.push(ComponentNames {
                vi: c.name_vi.clone().unwrap_or_else(|| en.clone()),
                en,
            });
            comps.push(Component { id, kind });
        }
        Ok((comps, names))
    }

    fn base(&mut self, raw: &Spanned<RawBase>, ids: &[String]) -> Result<BaseYear, LoadError> {
        let b = raw.get_ref();
        let year = self.year("base.year", &b.year)?;
        let current = match (
            &b.current_bn_vnd,
            &b.grdp_current_bn_vnd,
            &b.share_current_pct,
        ) {
            (Some(levels), None, None) => {
                let levels_v = self.table("base.current_bn_vnd", levels, ids)?;
                self.within_any_economy("base.current_bn_vnd", ids, &levels_v)?;
                Some(levels_v)
            }
            (None, Some(total), Some(shares)) => {
                let total_v = self.number("base.grdp_current_bn_vnd", total)?;
                if total_v <= 0.0 {
                    return Err(self.loc.invalid_vi(
                        Some(total.span()),
                        "base.grdp_current_bn_vnd",
                        format!("found {total_v}; expected GRDP at current prices above zero, in billion VND"),
                        format!("gặp `{total_v}`; cần GRDP theo giá hiện hành lớn hơn 0, tính bằng tỷ đồng"),
                    ));
                }
                if total_v > MAX_LEVEL_BN_VND {
                    return Err(self.loc.invalid_vi(
                        Some(total.span()),
                        "base.grdp_current_bn_vnd",
                        beyond_any_economy(total_v),
                        beyond_any_economy_vi(total_v),
                    ));
                }
                let shares_v = self.table("base.share_current_pct", shares, ids)?;
                for (id, s) in ids.iter().zip(&shares_v) {
                    if *s <= 0.0 {
                        let span = self
                            .spans
                            .get(&format!("base.share_current_pct.{id}"))
                            .cloned();
                        return Err(self.loc.invalid_vi(
                            span,
                            format!("base.share_current_pct.{id}"),
                            format!(
                                "found {s}; expected a share above zero (a component with no output at current prices has nothing to project: leave it out of [[components]])"
                            ),
                            format!(
                                "gặp `{s}`; cần tỷ trọng lớn hơn 0 (thành phần không có giá trị theo giá hiện hành thì không có gì để dự báo: bỏ thành phần đó khỏi `[[components]]`)"
                            ),
                        ));
                    }
                }
                let sum: f64 = shares_v.iter().sum();
                if (sum - 100.0).abs() > SHARE_SUM_TOLERANCE_PP {
                    return Err(self.loc.invalid_vi(
                        Some(shares.span()),
                        "base.share_current_pct",
                        format!("the shares sum to {sum:.4}%; expected 100% (within {SHARE_SUM_TOLERANCE_PP} percentage points)"),
                        format!(
                            "tổng các tỷ trọng là {}%; cần bằng 100% (chênh lệch không quá {} điểm phần trăm)",
                            crate::plausibility::fixed_vi(sum, 4),
                            crate::plausibility::tidy_vi(SHARE_SUM_TOLERANCE_PP)
                        ),
                    ));
                }
                // Levels from total × share; record spans so model errors land on the share.
                for id in ids {
                    if let Some(s) = self
                        .spans
                        .get(&format!("base.share_current_pct.{id}"))
                        .cloned()
                    {
                        self.spans.insert(format!("base.current_bn_vnd.{id}"), s);
                    }
                }
                Some(shares_v.iter().map(|s| total_v * s / sum).collect())
            }
            (None, None, None) => None,
            (Some(_), _, _) => {
                return Err(self.loc.invalid_vi(
                    Some(raw.span()),
                    "base",
                    "current prices are given twice; expected either [base.current_bn_vnd] or grdp_current_bn_vnd with [base.share_current_pct], not both",
                    "số liệu theo giá hiện hành được ghi hai lần; cần hoặc bảng `[base.current_bn_vnd]`, hoặc `grdp_current_bn_vnd` cùng bảng `[base.share_current_pct]`, không ghi cả hai",
                ));
            }
            (None, Some(t), None) => {
                return Err(self.loc.invalid_vi(
                    Some(t.span()),
                    "base.grdp_current_bn_vnd",
                    "a total without [base.share_current_pct]; expected the shares too, to split it by component",
                    "có tổng GRDP nhưng không có bảng `[base.share_current_pct]`; cần cả tỷ trọng để chia tổng cho các thành phần",
                ));
            }
            (None, None, Some(s)) => {
                return Err(self.loc.invalid_vi(
                    Some(s.span()),
                    "base.share_current_pct",
                    "shares without base.grdp_current_bn_vnd; expected the total too, to turn shares into levels",
                    "có tỷ trọng nhưng không có `base.grdp_current_bn_vnd`; cần cả tổng GRDP để tính giá trị của từng thành phần từ tỷ trọng",
                ));
            }
        };
        let constant = match (&b.constant_bn_vnd, &b.constant_weight_pct) {
            (Some(levels), None) => {
                let levels_v = self.table("base.constant_bn_vnd", levels, ids)?;
                self.within_any_economy("base.constant_bn_vnd", ids, &levels_v)?;
                ConstantPriceBase::LevelsBnVnd(levels_v)
            }
            (None, Some(w)) => {
                let weights = self.table("base.constant_weight_pct", w, ids)?;
                // Weights worked out from rounded contributions miss 100 by a
                // few tenths at most: the model normalises them, and the
                // reader is told. Further off is a slip, which it refuses.
                let sum: f64 = weights.iter().sum();
                let off = (sum - 100.0).abs();
                if off > grdp_core::economy::SHARE_SUM_TOLERANCE_PP
                    && off <= grdp_core::economy::WEIGHT_SUM_TOLERANCE_PP
                {
                    let sum_vi = format!("{sum:.2}")
                        .trim_end_matches('0')
                        .trim_end_matches('.')
                        .replace('.', ",");
                    self.notes.push((
                        "base.constant_weight_pct".into(),
                        format!(
                            "the weights sum to {sum:.2} %; normalised to 100 (each × 100 / {sum:.2}), as weights worked out from rounded contributions need. `grdp derive` does this from the release and reports the residual"
                        ),
                        format!(
                            "tổng các tỷ trọng theo giá so sánh 2010 là {sum_vi}%; đã chuẩn hóa về 100 (mỗi tỷ trọng × 100 / {sum_vi}), vì các tỷ trọng tính từ số đóng góp đã làm tròn thường lệch khỏi 100 một chút. Lệnh `grdp derive` làm việc này từ số liệu công bố và báo phần chênh lệch"
                        ),
                    ));
                }
                ConstantPriceBase::WeightsPct(weights)
            }
            (Some(_), Some(_)) => {
                return Err(self.loc.invalid_vi(
                    Some(raw.span()),
                    "base",
                    "both [base.constant_bn_vnd] and [base.constant_weight_pct]; expected one of them",
                    "có cả bảng `[base.constant_bn_vnd]` và bảng `[base.constant_weight_pct]`; cần một trong hai",
                ));
            }
            (None, None) => {
                return Err(self.loc.invalid_vi(
                    Some(raw.span()),
                    "base",
                    "no constant-price data; expected [base.constant_bn_vnd] (levels at constant 2010 prices) or [base.constant_weight_pct] (weights, summing to 100)",
                    "không có số liệu theo giá so sánh 2010; cần bảng `[base.constant_bn_vnd]` (giá trị theo giá so sánh 2010, tỷ đồng) hoặc bảng `[base.constant_weight_pct]` (tỷ trọng theo giá so sánh 2010, tổng bằng 100)",
                ));
            }
        };
        Ok(BaseYear {
            year,
            current_bn_vnd: current,
            constant,
            population_thousand: self
                .optional("base.population_thousand", &b.population_thousand)?,
            employed_thousand: self.optional("base.employed_thousand", &b.employed_thousand)?,
        })
    }

    fn year_plan(
        &mut self,
        raw: &Spanned<RawYearPlan>,
        ids: &[String],
    ) -> Result<YearPlan, LoadError> {
        let p = raw.get_ref();
        let year = self.year("plan.year", &p.year)?;
        let at = format!("plan.{year}");
        if self.spans.contains_key(&at) {
            return Err(self.loc.invalid_vi(
                Some(p.year.span()),
                at,
                format!("year {year} has two [[plan]] tables; expected one per year"),
                format!("năm {year} có hai bảng `[[plan]]`; cần mỗi năm một bảng"),
            ));
        }
        self.spans.insert(at.clone(), p.year.span());
        let real_growth_pct = self.table(&format!("{at}.growth_pct"), &p.growth_pct, ids)?;
        let prices = match (&p.deflator_growth_pct, &p.price_growth_pct) {
            (Some(d), None) => Some(PricePath::GrdpDeflatorPct(
                self.number(&format!("{at}.deflator_growth_pct"), d)?,
            )),
            (None, Some(t)) => Some(PricePath::PerComponentPct(self.table(
                &format!("{at}.price_growth_pct"),
                t,
                ids,
            )?)),
            (None, None) => None,
            (Some(d), Some(_)) => {
                return Err(self.loc.invalid_vi(
                    Some(d.span()),
                    format!("{at}.deflator_growth_pct"),
                    "both deflator_growth_pct and [plan.price_growth_pct]; expected one: a GRDP deflator, or a price growth per component",
                    "có cả `deflator_growth_pct` và bảng `[plan.price_growth_pct]`; cần một trong hai: tốc độ tăng chỉ số giảm phát GRDP, hoặc tốc độ tăng giá của từng thành phần",
                ));
            }
        };
        Ok(YearPlan {
            year,
            real_growth_pct,
            prices,
            population_growth_pct: self.optional(
                &format!("{at}.population_growth_pct"),
                &p.population_growth_pct,
            )?,
            employment_growth_pct: self.optional(
                &format!("{at}.employment_growth_pct"),
                &p.employment_growth_pct,
            )?,
        })
    }
}

/// Adds "; did you mean `x`?" to serde's "unknown field `y`, expected one of
/// `a`, `b`" (or "unknown variant ..."), naming the nearest expected word.
fn with_suggestion(message: &str) -> String {
    // A date where a number or a sourced value is expected: the TOML
    // reader names it by its private field.
    if message.starts_with("unknown field `$__toml_private_datetime`") {
        return "found a date; expected a number (or a table { value = NUMBER, status = \"...\", source = \"...\" })".to_string();
    }
    let Some(rest) = message
        .strip_prefix("unknown field `")
        .or_else(|| message.strip_prefix("unknown variant `"))
    else {
        return message.to_string();
    };
    let Some((found, expected)) = rest.split_once('`') else {
        return message.to_string();
    };
    let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    format!("{message}{}", suggestion(found, &known))
}

/// ", did you mean `x`?" for the nearest known word within a small edit distance.
pub(crate) fn suggestion<S: AsRef<str>>(found: &str, known: &[S]) -> String {
    nearest(found, known)
        .map(|k| format!("; did you mean `{k}`?"))
        .unwrap_or_default()
}

/// [`suggestion`] in Vietnamese: "; có phải là `x`?".
pub(crate) fn suggestion_vi<S: AsRef<str>>(found: &str, known: &[S]) -> String {
    nearest(found, known)
        .map(|k| format!("; có phải là `{k}`?"))
        .unwrap_or_default()
}

/// The known word nearest `found`, within a small edit distance.
fn nearest<'k, S: AsRef<str>>(found: &str, known: &'k [S]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (edit_distance(found, k.as_ref()), k.as_ref()))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Words as a Vietnamese message lists what may be written: each in
/// backticks, comma separated (`a`, `b`).
pub(crate) fn ticked<S: AsRef<str>>(words: &[S]) -> String {
    words
        .iter()
        .map(|w| format!("`{}`", w.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Levenshtein distance in characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_get_a_suggestion() {
        assert_eq!(
            with_suggestion("unknown field `yaer`, expected one of `year`, `base`"),
            "unknown field `yaer`, expected one of `year`, `base`; did you mean `year`?"
        );
        assert_eq!(
            with_suggestion("invalid type: string"),
            "invalid type: string"
        );
    }

    #[test]
    fn suggests_the_nearest_word() {
        assert_eq!(
            suggestion("servces", &["agriculture", "services"]),
            "; did you mean `services`?"
        );
        assert_eq!(suggestion("zzz", &["agriculture", "services"]), "");
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
