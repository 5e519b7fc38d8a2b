//! The `[uncertainty]` block of a scenario file: growth distributions,
//! rank correlation, persistence, uncertain inputs and views of the centre.

use std::collections::BTreeMap;

use grdp_core::uncertainty::{
    Centre, InputUncertainty, Marginal, UncertaintyError, UncertaintySpec, View,
};
use serde::Deserialize;
use toml::Spanned;

use crate::error::{LoadError, LoadErrorKind};
use crate::scenario::{Builder, RawTable, suggestion};
use crate::sourced::Sourced;
use crate::vietnamese::suggestion_vi;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawUncertainty {
    growth: Spanned<BTreeMap<String, Spanned<RawMarginal>>>,
    #[serde(default)]
    by_year: BTreeMap<String, Spanned<BTreeMap<String, Spanned<RawMarginal>>>>,
    rank_correlation: Option<Spanned<Vec<Vec<f64>>>>,
    persistence: Option<Spanned<f64>>,
    status: Option<String>,
    source: Option<String>,
    pub(crate) note: Option<String>,
    pub(crate) note_vi: Option<String>,
    inputs: Option<Spanned<RawInputs>>,
    #[serde(default)]
    view: Vec<Spanned<RawView>>,
    preferred_view: Option<Spanned<String>>,
    pub(crate) supported_spread: Option<Spanned<RawSupportedSpread>>,
}

/// `[uncertainty.supported_spread]`: other spreads the evidence supports.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSupportedSpread {
    sd_pp: Spanned<Vec<f64>>,
    status: Option<String>,
    source: Option<String>,
    pub(crate) note: Option<String>,
    pub(crate) note_vi: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMarginal {
    distribution: Spanned<String>,
    mean: Option<f64>,
    sd: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
    mode: Option<f64>,
    location: Option<f64>,
    scale: Option<f64>,
    df: Option<f64>,
    sd_lower: Option<f64>,
    sd_upper: Option<f64>,
    values: Option<Vec<f64>>,
    status: Option<String>,
    source: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInputs {
    constant_weight_sd_pp: Option<RawTable>,
    price_growth_sd_pp: Option<RawTable>,
    population_growth_sd_pp: Option<Spanned<Sourced>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawView {
    id: Spanned<String>,
    name_en: Option<String>,
    name_vi: Option<String>,
    centre: Spanned<String>,
    shortfall_pp: Option<Spanned<Sourced>>,
    growth_pct: Option<RawTable>,
    /// Free text for readers of the file; accepted, not used.
    #[allow(dead_code)]
    note: Option<String>,
}

const DISTRIBUTIONS: [&str; 9] = [
    "normal",
    "truncated_normal",
    "triangular",
    "pert",
    "uniform",
    "student_t",
    "split_normal",
    "empirical",
    "fixed",
];

impl Builder<'_> {
    pub(crate) fn uncertainty(
        &mut self,
        raw: &Spanned<RawUncertainty>,
        ids: &[String],
    ) -> Result<UncertaintySpec, LoadError> {
        let u = raw.get_ref();
        self.spans.insert("uncertainty".into(), raw.span());
        self.spans
            .insert("uncertainty.growth".into(), u.growth.span());
        let growth_map = self.marginals("uncertainty.growth", &u.growth, ids)?;
        let mut growth = Vec::with_capacity(ids.len());
        for id in ids {
            growth.push(growth_map.get(id).cloned().unwrap_or(Marginal::Fixed));
        }
        let mut growth_by_year = BTreeMap::new();
        for (year, table) in &u.by_year {
            let field = format!("uncertainty.by_year.{year}");
            let y: i32 = year.parse().map_err(|_| {
                self.loc.invalid_vi(
                    Some(table.span()),
                    &field,
                    format!(
                        "`{year}` is not a year; expected [uncertainty.by_year.2026.<component>]"
                    ),
                    format!(
                        "`{year}` không phải là một năm; cần dạng [uncertainty.by_year.2026.<component>]"
                    ),
                )
            })?;
            self.spans.insert(field.clone(), table.span());
            let m = self.marginals(&field, table, ids)?;
            growth_by_year.insert(
                y,
                m.into_iter()
                    .filter_map(|(id, m)| ids.iter().position(|i| *i == id).map(|i| (i, m)))
                    .collect(),
            );
        }
        let block_status = u.status.clone();
        let block_source = u.source.clone();
        let rank_correlation = u.rank_correlation.as_ref().map(|r| {
            self.spans
                .insert("uncertainty.rank_correlation".into(), r.span());
            for (i, row) in r.get_ref().iter().enumerate() {
                for (j, v) in row.iter().enumerate() {
                    self.record(
                        &format!("uncertainty.rank_correlation[{}][{}]", i + 1, j + 1),
                        *v,
                        &block_status,
                        &block_source,
                        &u.note,
                        r.span().start,
                    );
                }
            }
            r.get_ref().clone()
        });
        if let Some(r) = &rank_correlation {
            for (i, row) in r.iter().enumerate() {
                for j in 0..row.len() {
                    self.spans.insert(
                        format!("uncertainty.rank_correlation[{}][{}]", i + 1, j + 1),
                        raw_span(&u.rank_correlation),
                    );
                }
            }
        }
        let persistence = match &u.persistence {
            Some(p) => {
                self.spans
                    .insert("uncertainty.persistence".into(), p.span());
                self.record(
                    "uncertainty.persistence",
                    *p.get_ref(),
                    &block_status,
                    &block_source,
                    &u.note,
                    p.span().start,
                );
                *p.get_ref()
            }
            None => 0.0,
        };
        let inputs = match &u.inputs {
            None => InputUncertainty::default(),
            Some(inp) => {
                let i = inp.get_ref();
                InputUncertainty {
                    constant_weight_sd_pp: i
                        .constant_weight_sd_pp
                        .as_ref()
                        .map(|t| self.table("uncertainty.inputs.constant_weight_sd_pp", t, ids))
                        .transpose()?,
                    price_growth_sd_pp: i
                        .price_growth_sd_pp
                        .as_ref()
                        .map(|t| self.table("uncertainty.inputs.price_growth_sd_pp", t, ids))
                        .transpose()?,
                    population_growth_sd_pp: self.optional(
                        "uncertainty.inputs.population_growth_sd_pp",
                        &i.population_growth_sd_pp,
                    )?,
                }
            }
        };
        let mut views = Vec::new();
        for v in &u.view {
            views.push(self.view(v, ids)?);
        }
        if views.is_empty() {
            views.push(View {
                id: "plan".into(),
                name_en: "Plan: the plan's growth as the centre".into(),
                name_vi: "Kế hoạch: tăng trưởng theo kế hoạch là giá trị trung tâm".into(),
                centre: Centre::Plan,
            });
        }
        Ok(UncertaintySpec {
            growth,
            growth_by_year,
            rank_correlation,
            persistence,
            inputs,
            views,
            preferred_view: u.preferred_view.as_ref().map(|p| {
                self.spans
                    .insert("uncertainty.preferred_view".into(), p.span());
                p.get_ref().clone()
            }),
            supported_sd_pp: self.supported_spread(u.supported_spread.as_ref())?,
        })
    }

    /// The supported spreads' values, each recorded with the block's
    /// status and source (the values are checked with the rest of the
    /// block, by `UncertaintySpec::validate`).
    fn supported_spread(
        &mut self,
        raw: Option<&Spanned<RawSupportedSpread>>,
    ) -> Result<Vec<f64>, LoadError> {
        let Some(raw) = raw else {
            return Ok(Vec::new());
        };
        self.spans
            .insert("uncertainty.supported_spread".into(), raw.span());
        let r = raw.get_ref();
        let at = r.sd_pp.span();
        // `[1,44]` is TOML for two numbers, 1 and 44: a decimal comma. The
        // second is too wide a spread to be meant; say what was typed.
        let values = r.sd_pp.get_ref();
        if let Some(i) = (1..values.len()).find(|&i| {
            values[i - 1].fract() == 0.0
                && values[i - 1] >= 0.0
                && values[i] > grdp_core::uncertainty::MAX_SUPPORTED_SD_PP
                && values[i].fract() == 0.0
        }) {
            let (a, b) = (values[i - 1], values[i]);
            return Err(self.loc.invalid_vi(
                Some(at),
                format!("uncertainty.supported_spread.sd_pp[{}]", i + 1),
                format!(
                    "found {a} then {b}: a decimal comma? [{a},{b}] is two numbers in a scenario file; write {a}.{b} percentage points"
                ),
                format!(
                    "gặp {a} rồi {b}: có phải dấu phẩy thập phân? [{a},{b}] là hai số trong tệp kịch bản; hãy viết {a}.{b} (điểm phần trăm)"
                ),
            ));
        }
        // A block with no spread says nothing: refused, not passed over.
        if r.sd_pp.get_ref().is_empty() {
            return Err(self.loc.invalid_vi(
                Some(at),
                "uncertainty.supported_spread.sd_pp",
                "found an empty list; expected one to four spreads in percentage points, e.g. [1.78, 2.92]".to_string(),
                "gặp danh sách rỗng; cần từ một đến bốn độ lệch chuẩn tính bằng điểm phần trăm, ví dụ [1.78, 2.92]".to_string(),
            ));
        }
        for (i, v) in r.sd_pp.get_ref().iter().enumerate() {
            let field = format!("uncertainty.supported_spread.sd_pp[{}]", i + 1);
            self.spans.insert(field.clone(), at.clone());
            self.record(&field, *v, &r.status, &r.source, &r.note, at.start);
        }
        self.spans
            .insert("uncertainty.supported_spread.sd_pp".into(), at);
        Ok(r.sd_pp.get_ref().clone())
    }

    fn record(
        &mut self,
        field: &str,
        value: f64,
        status: &Option<String>,
        source: &Option<String>,
        note: &Option<String>,
        offset: usize,
    ) {
        let span = offset..offset + 1;
        let s = Sourced {
            value,
            status: status.clone(),
            source: source.clone(),
            note: note.clone(),
            note_vi: None,
        };
        // Provenance only; the value was checked where it is used.
        let _ = self.number(field, &Spanned::new(span, s));
    }

    fn marginals(
        &mut self,
        field: &str,
        table: &Spanned<BTreeMap<String, Spanned<RawMarginal>>>,
        ids: &[String],
    ) -> Result<BTreeMap<String, Marginal>, LoadError> {
        let mut out = BTreeMap::new();
        for (id, raw) in table.get_ref() {
            let at = format!("{field}.{id}");
            if !ids.contains(id) {
                return Err(self.loc.invalid_vi(
                    Some(raw.span()),
                    at,
                    format!(
                        "`{id}` is not a component of this scenario; expected one of: {}{}",
                        ids.join(", "),
                        suggestion(id, ids)
                    ),
                    format!(
                        "`{id}` không phải là thành phần của kịch bản này; cần một trong: {}{}",
                        ids.join(", "),
                        suggestion_vi(&suggestion(id, ids))
                    ),
                ));
            }
            self.spans.insert(at.clone(), raw.span());
            out.insert(id.clone(), self.marginal(&at, raw)?);
        }
        Ok(out)
    }

    fn marginal(&mut self, at: &str, raw: &Spanned<RawMarginal>) -> Result<Marginal, LoadError> {
        let m = raw.get_ref();
        let name = m.distribution.get_ref().as_str();
        let given: Vec<(&str, bool)> = vec![
            ("mean", m.mean.is_some()),
            ("sd", m.sd.is_some()),
            ("min", m.min.is_some()),
            ("max", m.max.is_some()),
            ("mode", m.mode.is_some()),
            ("location", m.location.is_some()),
            ("scale", m.scale.is_some()),
            ("df", m.df.is_some()),
            ("sd_lower", m.sd_lower.is_some()),
            ("sd_upper", m.sd_upper.is_some()),
            ("values", m.values.is_some()),
        ];
        let (required, optional): (&[&str], &[&str]) = match name {
            "normal" => (&["sd"], &["mean"]),
            "truncated_normal" => (&["sd", "min", "max"], &["mean"]),
            "triangular" | "pert" => (&["min", "mode", "max"], &[]),
            "uniform" => (&["min", "max"], &[]),
            "student_t" => (&["scale", "df"], &["location"]),
            "split_normal" => (&["sd_lower", "sd_upper"], &["mode"]),
            "empirical" => (&["values"], &[]),
            "fixed" => (&[], &[]),
            other => {
                return Err(self.loc.invalid_vi(
                    Some(m.distribution.span()),
                    format!("{at}.distribution"),
                    format!(
                        "found \"{other}\"; expected one of: {}{}",
                        DISTRIBUTIONS.join(", "),
                        suggestion(other, &DISTRIBUTIONS)
                    ),
                    format!(
                        "gặp \"{other}\"; cần một trong các phân phối: {}{}",
                        DISTRIBUTIONS.join(", "),
                        suggestion_vi(&suggestion(other, &DISTRIBUTIONS))
                    ),
                ));
            }
        };
        for (param, present) in &given {
            if *present && !required.contains(param) && !optional.contains(param) {
                let allowed: Vec<&str> = required.iter().chain(optional).copied().collect();
                let allowed = if allowed.is_empty() {
                    "distribution".into()
                } else {
                    allowed.join(", ")
                };
                return Err(self.loc.invalid_vi(
                    Some(raw.span()),
                    format!("{at}.{param}"),
                    format!(
                        "`{param}` does not apply to a {name} distribution; expected only: {allowed}"
                    ),
                    format!("`{param}` không dùng cho phân phối {name}; chỉ ghi: {allowed}"),
                ));
            }
        }
        for param in required {
            if !given.iter().any(|(p, present)| p == param && *present) {
                return Err(self.loc.invalid_vi(
                    Some(raw.span()),
                    format!("{at}.{param}"),
                    format!(
                        "a {name} distribution needs `{param}`; expected: {}",
                        required.join(", ")
                    ),
                    format!(
                        "phân phối {name} cần `{param}`; các tham số phải ghi: {}",
                        required.join(", ")
                    ),
                ));
            }
        }
        let status = m.status.clone();
        let source = m.source.clone();
        let start = raw.span().start;
        for (param, value) in [
            ("mean", m.mean),
            ("sd", m.sd),
            ("min", m.min),
            ("max", m.max),
            ("mode", m.mode),
            ("location", m.location),
            ("scale", m.scale),
            ("df", m.df),
            ("sd_lower", m.sd_lower),
            ("sd_upper", m.sd_upper),
        ] {
            if let Some(v) = value {
                self.spans.insert(format!("{at}.{param}"), raw.span());
                self.record(
                    &format!("{at}.{param}"),
                    v,
                    &status,
                    &source,
                    &m.note,
                    start,
                );
            }
        }
        if let Some(values) = &m.values {
            self.spans.insert(format!("{at}.values"), raw.span());
            for (i, v) in values.iter().enumerate() {
                self.record(
                    &format!("{at}.values[{}]", i + 1),
                    *v,
                    &status,
                    &source,
                    &m.note,
                    start,
                );
            }
        }
        let v = |x: Option<f64>| x.unwrap_or(f64::NAN);
        Ok(match name {
            "normal" => Marginal::Normal {
                mean: m.mean,
                sd: v(m.sd),
            },
            "truncated_normal" => Marginal::TruncatedNormal {
                mean: m.mean,
                sd: v(m.sd),
                min: v(m.min),
                max: v(m.max),
            },
            "triangular" => Marginal::Triangular {
                min: v(m.min),
                mode: v(m.mode),
                max: v(m.max),
            },
            "pert" => Marginal::Pert {
                min: v(m.min),
                mode: v(m.mode),
                max: v(m.max),
            },
            "uniform" => Marginal::Uniform {
                min: v(m.min),
                max: v(m.max),
            },
            "student_t" => Marginal::StudentT {
                location: m.location,
                scale: v(m.scale),
                df: v(m.df),
            },
            "split_normal" => Marginal::SplitNormal {
                mode: m.mode,
                sd_lower: v(m.sd_lower),
                sd_upper: v(m.sd_upper),
            },
            "empirical" => Marginal::Empirical {
                values: m.values.clone().unwrap_or_default(),
            },
            _ => Marginal::Fixed,
        })
    }

    fn view(&mut self, raw: &Spanned<RawView>, ids: &[String]) -> Result<View, LoadError> {
        let v = raw.get_ref();
        let id = v.id.get_ref().clone();
        let at = format!("uncertainty.view.{id}");
        self.spans.insert(at.clone(), raw.span());
        let centre_word = v.centre.get_ref().as_str();
        let centre = match centre_word {
            "plan" => Centre::Plan,
            "as_written" => Centre::AsWritten,
            "plan_minus" => {
                let s = v.shortfall_pp.as_ref().ok_or_else(|| {
                    self.loc.invalid_vi(
                        Some(raw.span()),
                        format!("{at}.shortfall_pp"),
                        "centre \"plan_minus\" needs shortfall_pp (percentage points taken off every component)",
                        "`centre = \"plan_minus\"` cần `shortfall_pp` (số điểm phần trăm trừ vào tốc độ tăng của mọi thành phần)",
                    )
                })?;
                Centre::PlanMinus {
                    shortfall_pp: self.number(&format!("{at}.shortfall_pp"), s)?,
                }
            }
            "growth" => {
                let t = v.growth_pct.as_ref().ok_or_else(|| {
                    self.loc.invalid_vi(
                        Some(raw.span()),
                        format!("{at}.growth_pct"),
                        "centre \"growth\" needs a [uncertainty.view.growth_pct] table, one growth rate per component",
                        "centre \"growth\" cần bảng [uncertainty.view.growth_pct], mỗi thành phần một tốc độ tăng",
                    )
                })?;
                Centre::Growth {
                    growth_pct: self.table(&format!("{at}.growth_pct"), t, ids)?,
                }
            }
            other => {
                let known = ["plan", "as_written", "plan_minus", "growth"];
                return Err(self.loc.invalid_vi(
                    Some(v.centre.span()),
                    format!("{at}.centre"),
                    format!(
                        "found \"{other}\"; expected one of: {}{}",
                        known.join(", "),
                        suggestion(other, &known)
                    ),
                    format!(
                        "gặp \"{other}\"; cần một trong: {}{}",
                        known.join(", "),
                        suggestion_vi(&suggestion(other, &known))
                    ),
                ));
            }
        };
        let name_en = v.name_en.clone().unwrap_or_else(|| id.clone());
        Ok(View {
            name_vi: v.name_vi.clone().unwrap_or_else(|| name_en.clone()),
            name_en,
            id,
            centre,
        })
    }

    /// Places an uncertainty error at the span of the field it names.
    pub(crate) fn uncertainty_error(&self, e: UncertaintyError) -> LoadError {
        let span = (|| {
            let mut path = e.field();
            loop {
                if let Some(s) = self.spans.get(path) {
                    return Some(s.clone());
                }
                path = &path[..path.rfind(['.', '['])?];
            }
        })();
        self.loc.error(span, LoadErrorKind::Uncertainty(e))
    }
}

fn raw_span(r: &Option<Spanned<Vec<Vec<f64>>>>) -> std::ops::Range<usize> {
    r.as_ref().map_or(0..0, Spanned::span)
}
