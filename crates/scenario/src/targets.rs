//! The targets of a scenario file: `[[target]]`, `[[period_target]]` and
//! the known `[[outcome]]`s they are judged against.

use grdp_core::solve::YearGrowth;
use grdp_core::{Bound, Direction, Indicator, PeriodTarget, Target};
use serde::Deserialize;
use toml::Spanned;

use crate::error::LoadError;
use crate::scenario::{Builder, suggestion, suggestion_vi, ticked};
use crate::sourced::Sourced;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTarget {
    id: Spanned<String>,
    year: Spanned<i64>,
    indicator: Spanned<String>,
    component: Option<Spanned<String>>,
    min: Option<Spanned<Sourced>>,
    max: Option<Spanned<Sourced>>,
    direction: Option<Spanned<String>>,
    status: Option<Spanned<String>>,
    source: Option<String>,
    note: Option<String>,
    note_vi: Option<String>,
}

/// A target's own status, source, note and Vietnamese note, which its
/// bounds take unless they carry their own.
type TargetMeta<'a> = (
    &'a Option<Spanned<String>>,
    &'a Option<String>,
    &'a Option<String>,
    &'a Option<String>,
);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPeriodTarget {
    pub(crate) id: Spanned<String>,
    first_year: Spanned<i64>,
    last_year: Spanned<i64>,
    min: Option<Spanned<Sourced>>,
    max: Option<Spanned<Sourced>>,
    direction: Option<Spanned<String>>,
    status: Option<Spanned<String>>,
    source: Option<String>,
    note: Option<String>,
    note_vi: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOutcome {
    year: Spanned<i64>,
    growth_pct: Spanned<Sourced>,
}

impl Builder<'_> {
    pub(crate) fn target(&mut self, raw: &Spanned<RawTarget>) -> Result<Target, LoadError> {
        let t = raw.get_ref();
        let id = t.id.get_ref().clone();
        let at = format!("target.{id}");
        self.spans.insert(at.clone(), raw.span());
        let indicator = Indicator::parse(t.indicator.get_ref()).ok_or_else(|| {
            let known: Vec<&str> = Indicator::ALL.iter().map(|i| i.as_str()).collect();
            self.loc.invalid_vi(
                Some(t.indicator.span()),
                format!("{at}.indicator"),
                format!(
                    "found \"{}\"; expected one of: {}{}",
                    t.indicator.get_ref(),
                    known.join(", "),
                    suggestion(t.indicator.get_ref(), &known)
                ),
                format!(
                    "gặp \"{}\"; cần một trong: {}{}",
                    t.indicator.get_ref(),
                    ticked(&known),
                    suggestion_vi(t.indicator.get_ref(), &known)
                ),
            )
        })?;
        if let Some(s) = &t.status {
            self.status(&at, s)?;
        }
        if let Some(c) = &t.component {
            self.spans.insert(format!("{at}.component"), c.span());
        }
        let min = self.bound_number(
            &at,
            "min",
            &t.min,
            (&t.status, &t.source, &t.note, &t.note_vi),
        )?;
        let max = self.bound_number(
            &at,
            "max",
            &t.max,
            (&t.status, &t.source, &t.note, &t.note_vi),
        )?;
        let bound = Bound { min, max };
        let direction = self.direction(&at, t.direction.as_ref(), indicator, &bound)?;
        Ok(Target {
            id,
            year: self.year(&format!("{at}.year"), &t.year)?,
            indicator,
            component: t.component.as_ref().map(|c| c.get_ref().clone()),
            bound,
            direction,
        })
    }

    /// A target's `direction`, where the file gives one (else the
    /// indicator's default for `bound`).
    fn direction(
        &mut self,
        at: &str,
        given: Option<&Spanned<String>>,
        indicator: Indicator,
        bound: &Bound,
    ) -> Result<Direction, LoadError> {
        let Some(d) = given else {
            return Ok(Direction::default_for(indicator, bound));
        };
        self.spans.insert(format!("{at}.direction"), d.span());
        Direction::parse(d.get_ref()).ok_or_else(|| {
            let known: Vec<&str> = Direction::ALL.iter().map(|d| d.as_str()).collect();
            self.loc.invalid_vi(
                Some(d.span()),
                format!("{at}.direction"),
                format!(
                    "found \"{}\"; expected one of: {}{}",
                    d.get_ref(),
                    known.join(", "),
                    suggestion(d.get_ref(), &known)
                ),
                format!(
                    "gặp \"{}\"; cần một trong: {}{}",
                    d.get_ref(),
                    ticked(&known),
                    suggestion_vi(d.get_ref(), &known)
                ),
            )
        })
    }

    /// A target bound: the target's own status, source and notes apply to
    /// it unless the bound carries its own.
    fn bound_number(
        &mut self,
        at: &str,
        which: &str,
        n: &Option<Spanned<Sourced>>,
        (status, source, note, note_vi): TargetMeta,
    ) -> Result<Option<f64>, LoadError> {
        let Some(n) = n else { return Ok(None) };
        let mut filled = n.get_ref().clone();
        if filled.status.is_none() {
            filled.status = status.as_ref().map(|s| s.get_ref().clone());
        }
        if filled.source.is_none() {
            filled.source = source.clone();
        }
        // The notes go as a pair: a bound's own note is not given the
        // table's Vietnamese one.
        if filled.note.is_none() && filled.note_vi.is_none() {
            filled.note = note.clone();
            filled.note_vi = note_vi.clone();
        }
        let spanned = Spanned::new(n.span(), filled);
        self.number(&format!("{at}.{which}"), &spanned).map(Some)
    }

    pub(crate) fn period_target(
        &mut self,
        raw: &Spanned<RawPeriodTarget>,
    ) -> Result<PeriodTarget, LoadError> {
        let t = raw.get_ref();
        let id = t.id.get_ref().clone();
        if id.trim().is_empty() {
            return Err(self.loc.invalid_vi(
                Some(t.id.span()),
                "period_target.id",
                "the id is empty; expected a short unique name, e.g. plan_2026_2030",
                "`id` để trống; cần một tên ngắn, không trùng với chỉ tiêu khác, ví dụ `plan_2026_2030`",
            ));
        }
        let at = format!("period_target.{id}");
        self.spans.insert(at.clone(), raw.span());
        if t.min.is_none() && t.max.is_none() {
            return Err(self.loc.invalid_vi(
                Some(raw.span()),
                at,
                "has neither min nor max; expected at least one (min = 10 for an average of at least 10 % a year)",
                "không có `min` và cũng không có `max`; cần ít nhất một trong hai (`min = 10` cho chỉ tiêu tăng trưởng bình quân từ 10%/năm trở lên)",
            ));
        }
        if let Some(s) = &t.status {
            self.status(&at, s)?;
        }
        let meta = (&t.status, &t.source, &t.note, &t.note_vi);
        let bound = Bound {
            min: self.bound_number(&at, "min", &t.min, meta)?,
            max: self.bound_number(&at, "max", &t.max, meta)?,
        };
        // An average growth rate: a range is met at its minimum and above
        // unless the file says `within`, as for a year's growth.
        let direction = self.direction(&at, t.direction.as_ref(), Indicator::GrowthPct, &bound)?;
        let side = match direction {
            Direction::AtLeast => bound.min.is_some(),
            Direction::AtMost => bound.max.is_some(),
            Direction::Within => bound.min.is_some() && bound.max.is_some(),
        };
        if !side {
            return Err(self.loc.invalid_vi(
                t.direction.as_ref().map(Spanned::span).or(Some(raw.span())),
                format!("{at}.direction"),
                format!(
                    "direction = \"{}\" needs {}; expected a bound on the side the target points to",
                    direction.as_str(),
                    match direction {
                        Direction::AtLeast => "a min",
                        Direction::AtMost => "a max",
                        Direction::Within => "a min and a max",
                    }
                ),
                format!(
                    "`direction = \"{}\"` phải có {}; chỉ tiêu hướng về phía nào thì cần ghi cận ở phía đó",
                    direction.as_str(),
                    match direction {
                        Direction::AtLeast => "`min`",
                        Direction::AtMost => "`max`",
                        Direction::Within => "cả `min` và `max`",
                    }
                ),
            ));
        }
        Ok(PeriodTarget {
            first_year: self.year(&format!("{at}.first_year"), &t.first_year)?,
            last_year: self.year(&format!("{at}.last_year"), &t.last_year)?,
            bound,
            direction,
            id,
        })
    }

    pub(crate) fn outcome(&mut self, raw: &Spanned<RawOutcome>) -> Result<YearGrowth, LoadError> {
        let o = raw.get_ref();
        let year = self.year("outcome.year", &o.year)?;
        self.spans.insert(format!("outcome.{year}"), raw.span());
        Ok(YearGrowth {
            year,
            growth_pct: self.number(&format!("outcome.{year}.growth_pct"), &o.growth_pct)?,
        })
    }
}

/// `[investment]`: total social investment of the base year and its growth
/// target for a plan year, with reference ICORs to judge it against; or the
/// references alone, for what the growth target needs.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawInvestment {
    year: Spanned<i64>,
    base_bn_vnd: Option<Spanned<Sourced>>,
    growth_min_pct: Option<Spanned<Sourced>>,
    growth_max_pct: Option<Spanned<Sourced>>,
    #[serde(default)]
    icor_reference: std::collections::BTreeMap<String, Spanned<Sourced>>,
}

impl Builder<'_> {
    pub(crate) fn investment(
        &mut self,
        raw: &Spanned<RawInvestment>,
    ) -> Result<grdp_core::audit::InvestmentTarget, LoadError> {
        let i = raw.get_ref();
        self.spans.insert("investment".into(), raw.span());
        let year = self.year("investment.year", &i.year)?;
        let base_bn_vnd = self.optional("investment.base_bn_vnd", &i.base_bn_vnd)?;
        if let (Some(base_bn_vnd), Some(raw_base)) = (base_bn_vnd, &i.base_bn_vnd)
            && base_bn_vnd > crate::scenario::MAX_LEVEL_BN_VND
        {
            return Err(self.loc.invalid_vi(
                Some(raw_base.span()),
                "investment.base_bn_vnd",
                crate::scenario::beyond_any_economy(base_bn_vnd),
                crate::scenario::beyond_any_economy_vi(base_bn_vnd),
            ));
        }
        let growth_min_pct = self.optional("investment.growth_min_pct", &i.growth_min_pct)?;
        let growth_max_pct = self.optional("investment.growth_max_pct", &i.growth_max_pct)?;
        let mut icor_references = Vec::new();
        for (id, v) in &i.icor_reference {
            // A reference is named on the page by its id: an empty one
            // would read "(reference )".
            if id.trim().is_empty() {
                return Err(self.loc.invalid_vi(
                    Some(v.span()),
                    "investment.icor_reference",
                    "a reference's name is empty; expected a short name such as `can_tho_2023` or `vietnam`",
                    "tên của một mức tham chiếu để trống; cần một tên ngắn, ví dụ `can_tho_2023` hoặc `vietnam`",
                ));
            }
            let icor = self.number(&format!("investment.icor_reference.{id}"), v)?;
            icor_references.push(grdp_core::audit::IcorReference {
                id: id.clone(),
                icor,
            });
        }
        Ok(grdp_core::audit::InvestmentTarget {
            year,
            base_bn_vnd,
            growth_min_pct,
            growth_max_pct,
            icor_references,
        })
    }
}

/// `[known]`: a plan year so far, as the latest release gives it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawKnown {
    year: Spanned<i64>,
    part: Spanned<String>,
    growth_pct: Spanned<Sourced>,
    quarter_shares_pct: Option<std::collections::BTreeMap<String, Spanned<Sourced>>>,
    #[serde(default)]
    target_path_pct: std::collections::BTreeMap<String, Spanned<Sourced>>,
}

impl Builder<'_> {
    pub(crate) fn known(
        &mut self,
        raw: &Spanned<RawKnown>,
    ) -> Result<grdp_core::quarters::KnownYear, LoadError> {
        let k = raw.get_ref();
        self.spans.insert("known".into(), raw.span());
        let year = self.year("known.year", &k.year)?;
        let part = grdp_core::quarters::KnownPart::parse(k.part.get_ref()).ok_or_else(|| {
            self.loc.invalid_vi(
                Some(k.part.span()),
                "known.part",
                format!(
                    "found {:?}; expected \"Q1\", \"H1\" or \"9M\" (growth cumulated from January)",
                    k.part.get_ref()
                ),
                format!(
                    "gặp {:?}; cần `\"Q1\"`, `\"H1\"` hoặc `\"9M\"` (tốc độ tăng lũy kế từ đầu năm: quý I, 6 tháng, 9 tháng)",
                    k.part.get_ref()
                ),
            )
        })?;
        let growth_pct = self.number("known.growth_pct", &k.growth_pct)?;
        let shares = match &k.quarter_shares_pct {
            None => grdp_core::quarters::QuarterShares::EQUAL,
            Some(t) => {
                let mut pct = [0.0; 4];
                for (q, slot) in pct.iter_mut().enumerate() {
                    let key = format!("q{}", q + 1);
                    let v = t.get(&key).ok_or_else(|| {
                        self.loc.invalid_vi(
                            Some(raw.span()),
                            "known.quarter_shares_pct",
                            format!("no {key}; expected q1, q2, q3 and q4"),
                            format!("thiếu `{key}`; cần đủ `q1`, `q2`, `q3` và `q4`"),
                        )
                    })?;
                    *slot = self.number(&format!("known.quarter_shares_pct.{key}"), v)?;
                }
                if let Some(extra) = t
                    .keys()
                    .find(|k| !["q1", "q2", "q3", "q4"].contains(&k.as_str()))
                {
                    return Err(self.loc.invalid_vi(
                        Some(raw.span()),
                        "known.quarter_shares_pct",
                        format!("unknown key `{extra}`; expected q1, q2, q3 and q4"),
                        format!(
                            "khóa `{extra}` không dùng được ở đây; cần `q1`, `q2`, `q3` và `q4`"
                        ),
                    ));
                }
                grdp_core::quarters::QuarterShares::new(pct).map_err(|e| {
                    // At the share at fault (one not above zero), else at Q1.
                    let q = pct
                        .iter()
                        .position(|v| v.is_nan() || *v <= 0.0)
                        .unwrap_or(0);
                    let span = t.get(&format!("q{}", q + 1)).map(Spanned::span);
                    // The model's words, in Vietnamese where its translator
                    // (crate::vietnamese) has them.
                    let span = span.or(Some(raw.span()));
                    match crate::vietnamese::model_error(&e) {
                        Some(vi) => {
                            self.loc
                                .invalid_vi(span, "known.quarter_shares_pct", e.to_string(), vi)
                        }
                        None => self
                            .loc
                            .invalid(span, "known.quarter_shares_pct", e.to_string()),
                    }
                })?
            }
        };
        let mut target_path_pct = Vec::new();
        for (key, v) in &k.target_path_pct {
            let p = grdp_core::quarters::KnownPart::parse(key).ok_or_else(|| {
                self.loc.invalid_vi(
                    Some(v.span()),
                    "known.target_path_pct",
                    format!("key `{key}`; expected q1, h1 or 9m"),
                    format!("gặp khóa `{key}`; cần `q1`, `h1` hoặc `9m` (quý I, 6 tháng, 9 tháng)"),
                )
            })?;
            let value = self.number(&format!("known.target_path_pct.{key}"), v)?;
            if !(value > -100.0 && value <= 1000.0) {
                return Err(self.loc.invalid_vi(
                    Some(v.span()),
                    format!("known.target_path_pct.{key}"),
                    format!("found {value}; expected growth in percent above −100 and at most 1000 (a typing slip?)"),
                    format!("gặp `{value}`; cần tốc độ tăng tính theo phần trăm, lớn hơn −100 và không quá 1.000 (có gõ nhầm không?)"),
                ));
            }
            target_path_pct.push((p, value));
        }
        target_path_pct.sort_by_key(|(p, _)| p.quarters());
        Ok(grdp_core::quarters::KnownYear {
            year,
            part,
            growth_pct,
            shares,
            target_path_pct,
        })
    }
}
