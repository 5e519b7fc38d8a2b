//! Numbers that load but are not what they seem: a thousands dot read as a
//! decimal point, GRDP in million VND, growth typed as fractions, a target
//! no projection reaches, a written number no view reads. The impossible is
//! refused; the implausible is loaded with a warning that says what to check.

use std::fmt;

use grdp_core::Scenario;
use grdp_core::plan::PricePath;
use grdp_core::targets::Indicator;
use grdp_core::uncertainty::{Centre, Marginal, UncertaintySpec};

use crate::error::LoadError;
use crate::scenario::Builder;

/// Something in a scenario file that loads but probably is not what was meant.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    /// The file.
    pub origin: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// Dotted path of the field.
    pub field: String,
    /// What was found and what to check.
    pub message: String,
    /// `message` in Vietnamese (numbers with a decimal comma; what is to be
    /// typed in the file, with its decimal point, in backticks).
    pub message_vi: String,
}

impl Warning {
    /// The warning as [`fmt::Display`] writes it, in Vietnamese where
    /// `vietnamese`.
    pub fn display_in(&self, vietnamese: bool) -> String {
        if !vietnamese {
            return self.to_string();
        }
        let line = self.line.map_or(String::new(), |l| format!(":{l}"));
        format!("{}{line}: {}: {}", self.origin, self.field, self.message_vi)
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.origin)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}: {}", self.field, self.message)
    }
}

/// GRDP per capita, million VND a person, beyond which a base is taken for
/// a typing slip: Vietnam's provinces ranged from about 40 to 500 in 2024.
const PER_CAPITA_RANGE_MN_VND: (f64, f64) = (5.0, 5000.0);
/// Employment as a share of population outside this range is suspicious.
/// The lowest supported spread taken without a warning, percentage points.
const SUPPORTED_SD_MIN_PP: f64 = 0.1;
/// The highest ICOR taken without a warning.
const ICOR_MAX: f64 = 15.0;

const EMPLOYMENT_SHARE: (f64, f64) = (0.1, 1.0);
/// A population beyond this (thousand persons) is no province's.
const MAX_POPULATION_THOUSAND: f64 = 1_000_000.0;
/// A step from the last known growth to the plan's first year beyond this,
/// percentage points, is worth a second look.
const MAX_STEP_FROM_HISTORY_PP: f64 = 15.0;
/// Sector growth beyond this, percent, is taken for a typing slip.
const MAX_PLAUSIBLE_GROWTH_PCT: f64 = 50.0;
/// GRDP deflator growth beyond this, percent a year, is taken for a
/// typing slip: a judgement, set so that a slipped decimal point in a
/// plan's few percent (40.6 for 4.06) is caught while a year of high
/// inflation is not refused (it only warns).
const MAX_PLAUSIBLE_PRICE_GROWTH_PCT: f64 = 30.0;
/// A component's relative price in the base year (its share of GRDP at
/// current prices over its weight at constant 2010 prices) outside this
/// range is taken for a slip in one level (a thousands dot): sector prices
/// have not moved apart by a factor of five since 2010.
const RELATIVE_PRICE_RANGE: (f64, f64) = (0.2, 5.0);
/// Sector price growth beyond this, percent a year, is taken for a typing
/// slip: a judgement, wider than the deflator's because one sector's
/// prices move more than the whole (mining's with the oil price).
const MAX_PLAUSIBLE_SECTOR_PRICE_GROWTH_PCT: f64 = 100.0;
/// Price growth all below this, percent, is taken for fractions typed for
/// percents (4.06 % typed 0.0406).
const MAX_FRACTION_LIKE_PRICE_PCT: f64 = 0.2;
/// Growth spreads all below this, percentage points, are taken for
/// fractions typed for percents.
const MIN_PLAUSIBLE_SD_PP: f64 = 0.1;

impl Builder<'_> {
    /// A warning about `field`, at its line where the file gave one, in
    /// English and Vietnamese.
    fn warning(&self, field: &str, message: String, message_vi: String) -> Warning {
        let mut path = field;
        let span = loop {
            if let Some(s) = self.spans.get(path) {
                break Some(s.clone());
            }
            match path.rfind('.') {
                Some(i) => path = &path[..i],
                None => break None,
            }
        };
        Warning {
            origin: self.loc.origin().to_string(),
            line: span.map(|s| self.loc.line_col(s.start).0),
            field: field.to_string(),
            message,
            message_vi,
        }
    }

    /// Refuses the impossible and lists the implausible.
    pub(crate) fn plausibility(
        &self,
        s: &Scenario,
        spec: Option<&UncertaintySpec>,
        kind_given: &[bool],
    ) -> Result<Vec<Warning>, LoadError> {
        let mut out: Vec<Warning> = self
            .notes
            .iter()
            .map(|(field, en, vi)| self.warning(field, en.clone(), vi.clone()))
            .collect();
        let e = s.economy();
        let base = e.base();
        if let (Some(pop), Some(emp)) = (base.population_thousand, base.employed_thousand)
            && emp > pop
        {
            let w = self.warning("base.employed_thousand", String::new(), String::new());
            return Err(self.loc.invalid_vi(
                self.spans.get("base.employed_thousand").cloned(),
                w.field,
                format!(
                    "{emp} thousand employed is more than the population of {pop} thousand; expected employment at most the population (both in thousand persons)"
                ),
                format!(
                    "{} nghìn lao động có việc làm, nhiều hơn dân số {} nghìn người; cần số lao động có việc làm không vượt quá dân số (cả hai tính bằng nghìn người)",
                    tidy_vi(emp),
                    tidy_vi(pop)
                ),
            ));
        }
        if let Some(pop) = base.population_thousand
            && pop > MAX_POPULATION_THOUSAND
        {
            return Err(self.loc.invalid_vi(
                self.spans.get("base.population_thousand").cloned(),
                "base.population_thousand",
                format!(
                    "found {pop:?} thousand persons, more people than any country has; expected a province's population in thousand persons (Cần Thơ as merged in July 2025: about 3,220; before: about 1,260)"
                ),
                format!(
                    "gặp {} nghìn người, đông hơn dân số của bất kỳ quốc gia nào; cần dân số của tỉnh, thành phố tính bằng nghìn người (Cần Thơ sau hợp nhất tháng 7/2025: khoảng 3.220 nghìn người; trước đó: khoảng 1.260 nghìn người)",
                    tidy_vi(pop)
                ),
            ));
        }
        let total = base.current_bn_vnd.as_ref().map(|c| c.iter().sum::<f64>());
        if let (Some(grdp), Some(pop)) = (total, base.population_thousand) {
            // Billion VND over thousand persons is million VND a person.
            let per_capita = grdp / pop;
            let (lo, hi) = PER_CAPITA_RANGE_MN_VND;
            if per_capita < lo || per_capita > hi {
                out.push(self.warning(
                    "base.grdp_current_bn_vnd",
                    format!(
                        "GRDP of {} billion VND over {} thousand people is {} million VND a person, outside anything Vietnam's provinces have (about 40 to 500): check for a thousands dot read as a decimal point (133.065 for 133,065), GRDP in million rather than billion VND, or population in persons rather than thousands",
                        tidy(grdp),
                        tidy(pop),
                        tidy(per_capita)
                    ),
                    format!(
                        "GRDP {} tỷ đồng trên {} nghìn người là {} triệu đồng/người, nằm ngoài khoảng của các tỉnh, thành phố (khoảng 40–500 triệu đồng/người): kiểm tra dấu chấm phân cách hàng nghìn bị đọc thành dấu thập phân (trong tệp ghi `133065`, không ghi `133.065`), GRDP ghi bằng triệu đồng thay vì tỷ đồng, hoặc dân số ghi bằng người thay vì nghìn người",
                        tidy_vi(grdp),
                        tidy_vi(pop),
                        tidy_vi(per_capita)
                    ),
                ));
            }
        }
        // Investment is a share of output, a third or so in Vietnam; more
        // than the whole GRDP is a unit slip (million VND for billion).
        if let (Some(grdp), Some(base)) = (total, s.investment().and_then(|i| i.base_bn_vnd))
            && base > grdp
        {
            out.push(self.warning(
                "investment.base_bn_vnd",
                format!(
                    "investment of {} billion VND is {:.0}% of the base year's GRDP ({} billion VND); provinces invest about a third of GRDP: check that it is in billion VND, not million VND",
                    tidy(base),
                    100.0 * base / grdp,
                    tidy(grdp)
                ),
                format!(
                    "vốn đầu tư {} tỷ đồng bằng {}% GRDP năm xuất phát ({} tỷ đồng); các tỉnh, thành phố thường đầu tư khoảng một phần ba GRDP: kiểm tra đơn vị là tỷ đồng, không phải triệu đồng",
                    tidy_vi(base),
                    tidy_vi((100.0 * base / grdp).round()),
                    tidy_vi(grdp)
                ),
            ));
        }
        // An ICOR is a handful (Vietnam's is about 6.5, a province's 3-7);
        // one above 15 is more likely a decimal point lost (43 for 4.3).
        if let Some(inv) = s.investment() {
            for r in inv.icor_references.iter().filter(|r| r.icor > ICOR_MAX) {
                out.push(self.warning(
                    &format!("investment.icor_reference.{}", r.id),
                    format!(
                        "an ICOR of {} is beyond any economy's (Vietnam's is about 6.5): check for a lost decimal point ({} for {})",
                        tidy(r.icor),
                        tidy(r.icor),
                        tidy(r.icor / 10.0)
                    ),
                    format!(
                        "hệ số ICOR {} vượt xa mọi nền kinh tế (cả nước khoảng 6,5): kiểm tra xem có mất dấu thập phân không ({} thay cho {})",
                        tidy_vi(r.icor),
                        tidy_vi(r.icor),
                        tidy_vi(r.icor / 10.0)
                    ),
                ));
            }
        }
        // A supported spread is a provincial growth rate's standard
        // deviation, a point or more; one under a tenth of a point is more
        // likely a fraction typed for percentage points (0.0144 for 1.44).
        for (i, sd) in spec
            .map_or(&[][..], |u| u.supported_sd_pp.as_slice())
            .iter()
            .enumerate()
            .filter(|(_, sd)| **sd < SUPPORTED_SD_MIN_PP)
        {
            out.push(self.warning(
                &format!("uncertainty.supported_spread.sd_pp[{}]", i + 1),
                format!(
                    "a spread of {} percentage points is far below any province's year-to-year scatter: check that it is in percentage points, not a fraction ({} for {})",
                    tidy_exact(*sd),
                    tidy_exact(*sd),
                    tidy_exact(sd * 100.0)
                ),
                format!(
                    "độ lệch chuẩn {} điểm phần trăm thấp hơn nhiều so với mức dao động hằng năm của bất kỳ tỉnh nào: kiểm tra đơn vị là điểm phần trăm, không phải số thập phân ({} thay cho {})",
                    crate::vietnamese::vi_text_number(&tidy_exact(*sd)),
                    crate::vietnamese::vi_text_number(&tidy_exact(*sd)),
                    crate::vietnamese::vi_text_number(&tidy_exact(sd * 100.0))
                ),
            ));
        }
        if let (Some(pop), Some(emp)) = (base.population_thousand, base.employed_thousand) {
            let share = emp / pop;
            if share < EMPLOYMENT_SHARE.0 || share > EMPLOYMENT_SHARE.1 {
                out.push(self.warning(
                    "base.employed_thousand",
                    format!(
                        "{emp} thousand employed is {:.0}% of the population of {pop} thousand; provinces employ about half their people: check the units (thousand persons)",
                        100.0 * share
                    ),
                    format!(
                        "{} nghìn lao động có việc làm bằng {}% dân số {} nghìn người; lao động có việc làm của các tỉnh, thành phố thường khoảng một nửa dân số: kiểm tra đơn vị (nghìn người)",
                        tidy_vi(emp),
                        tidy_vi((100.0 * share).round()),
                        tidy_vi(pop)
                    ),
                ));
            }
        }
        let ids: Vec<&str> = e.components().iter().map(|c| c.id.as_str()).collect();
        let growth: Vec<f64> = s
            .plan()
            .years()
            .iter()
            .flat_map(|y| y.real_growth_pct.iter().copied())
            .collect();
        if growth.iter().all(|g| g.abs() < 1.0)
            && let Some(&first) = growth.iter().find(|g| **g != 0.0)
        {
            // The file's own first rate, as typed and as a percent.
            let (typed, meant) = (tidy_exact(first), tidy_exact(first * 100.0));
            out.push(self.warning(
                "plan",
                format!("every growth rate of the plan is below 1%: were they typed as fractions ({typed} for {meant}%)? Growth is written in percent"),
                format!("mọi tốc độ tăng trong kế hoạch đều dưới 1%: có phải đã ghi dạng số thập phân (`{typed}`) thay vì phần trăm (`{meant}`)? Tốc độ tăng ghi theo phần trăm"),
            ));
        }
        for y in s.plan().years() {
            for (g, id) in y.real_growth_pct.iter().zip(&ids) {
                if g.abs() > MAX_PLAUSIBLE_GROWTH_PCT {
                    out.push(self.warning(
                        &format!("plan.{}.growth_pct.{id}", y.year),
                        format!(
                            "{g}% is far beyond any sector's recorded growth: a typing slip (114.2 for 11.42)?"
                        ),
                        format!(
                            "{}% vượt xa mọi tốc độ tăng từng ghi nhận của một thành phần: có phải gõ nhầm (`114.2` thay cho `11.42`)?",
                            tidy_vi(*g)
                        ),
                    ));
                }
            }
        }
        // Growth against its own history: the first plan year's aggregate
        // (Σ w g with the base weights) far from the last known outcome.
        if let (Some(last), Some(first)) = (s.outcomes().last(), s.plan().years().first()) {
            let planned: f64 = e
                .base_weights()
                .iter()
                .zip(&first.real_growth_pct)
                .map(|(w, g)| w * g)
                .sum();
            if (planned - last.growth_pct).abs() > MAX_STEP_FROM_HISTORY_PP {
                out.push(self.warning(
                    &format!("plan.{}", first.year),
                    format!(
                        "the plan's growth in {} comes to {}%, {} points from the {:.2}% of {}: check the plan and the outcomes for a typing slip",
                        first.year,
                        fixed(planned, 2),
                        fixed((planned - last.growth_pct).abs(), 1),
                        last.growth_pct,
                        last.year
                    ),
                    format!(
                        "tốc độ tăng theo kế hoạch năm {} là {}%, chênh {} điểm phần trăm so với mức {}% của năm {}: kiểm tra kế hoạch và số thực hiện xem có gõ nhầm không",
                        first.year,
                        fixed_vi(planned, 2),
                        fixed_vi((planned - last.growth_pct).abs(), 1),
                        fixed_vi(last.growth_pct, 2),
                        last.year
                    ),
                ));
            }
        }
        let untyped: Vec<&str> = ids
            .iter()
            .zip(kind_given)
            .filter(|(_, given)| !**given)
            .map(|(id, _)| *id)
            .collect();
        for id in &untyped {
            out.push(self.warning(
                &format!("components.{id}"),
                "no kind given: counted as value added, so its growth enters the national office's share of the increase in value added (product taxes are left out of it); write kind = \"value_added\" or \"product_taxes\" to say which".into(),
                "chưa khai báo loại thành phần (`kind`): thành phần này được coi là giá trị tăng thêm, nên được tính vào tổng giá trị tăng thêm khi tính tỷ lệ đóng góp vào mức tăng (thuế sản phẩm trừ trợ cấp sản phẩm thì không); ghi rõ `kind = \"value_added\"` hoặc `kind = \"product_taxes\"`".into(),
            ));
        }
        let plan_years: Vec<i32> = s.plan().years().iter().map(|y| y.year).collect();
        if plan_years.is_empty() {
            out.push(self.warning(
                "plan",
                "the scenario has no [[plan]] year: nothing is projected, no target can be evaluated and nothing simulated".into(),
                "kịch bản không có năm `[[plan]]` nào: không có gì được dự báo, không chỉ tiêu nào đánh giá được và không có gì để mô phỏng".into(),
            ));
        }
        for t in s.targets().targets() {
            if plan_years.contains(&t.year) {
                continue;
            }
            let (why, why_vi) = if t.year == base.year {
                (
                    format!(
                        "{} is the base year, which the projection starts from: it is known, not projected; move the target to a plan year, or its outcome to [[outcome]]",
                        t.year
                    ),
                    format!(
                        "{} là năm xuất phát của dự báo: số liệu năm này đã biết, không dự báo; chuyển chỉ tiêu sang một năm kế hoạch, hoặc ghi kết quả của năm này vào `[[outcome]]`",
                        t.year
                    ),
                )
            } else {
                let years = match (plan_years.first(), plan_years.last()) {
                    (Some(a), Some(b)) if a == b => Some(a.to_string()),
                    (Some(a), Some(b)) => Some(format!("{a}-{b}")),
                    _ => None,
                };
                (
                    format!(
                        "{} is not a plan year ({}): the target cannot be evaluated; add a [[plan]] for it",
                        t.year,
                        years.as_deref().unwrap_or("none")
                    ),
                    format!(
                        "{} không phải năm kế hoạch ({}): không đánh giá được chỉ tiêu; thêm một `[[plan]]` cho năm này",
                        t.year,
                        years.as_deref().unwrap_or("không có năm nào")
                    ),
                )
            };
            out.push(self.warning(&format!("target.{}", t.id), why, why_vi));
        }
        if let Some(spec) = spec
            && !spec.views.iter().any(|v| v.centre == Centre::AsWritten)
        {
            for (m, id) in spec.growth.iter().zip(&ids) {
                let written = match m {
                    Marginal::Normal { mean: Some(v), .. }
                    | Marginal::TruncatedNormal { mean: Some(v), .. } => Some(("mean", v)),
                    Marginal::StudentT {
                        location: Some(v), ..
                    } => Some(("location", v)),
                    Marginal::SplitNormal { mode: Some(v), .. } => Some(("mode", v)),
                    _ => None,
                };
                if let Some((name, v)) = written {
                    out.push(self.warning(
                        &format!("uncertainty.growth.{id}.{name}"),
                        format!(
                            "{name} = {v} is not used: every view moves the distribution's centre (to the plan, the plan less a shortfall, or given growth); only a view with centre = \"as_written\" reads it"
                        ),
                        format!(
                            "`{name} = {v}` không được dùng: kịch bản nào cũng dời tâm của phân phối (về kế hoạch, kế hoạch trừ mức hụt, hoặc tốc độ tăng cho trước); chỉ kịch bản có `centre = \"as_written\"` mới đọc giá trị này"
                        ),
                    ));
                }
            }
        }
        self.fraction_slips(s, spec, &ids, &mut out);
        Ok(out)
    }

    /// Fractions typed for percents, and a thousands dot in one level:
    /// targets in percent whose bounds all lie between 0 and 1, price
    /// growth all below 1 % or far beyond any record, spreads all below
    /// 0.1 pp, a component whose current-price share is far from its
    /// constant-price weight.
    fn fraction_slips(
        &self,
        s: &Scenario,
        spec: Option<&UncertaintySpec>,
        ids: &[&str],
        out: &mut Vec<Warning>,
    ) {
        let e = s.economy();
        let in_unit = |v: f64| v > 0.0 && v < 1.0;
        // Each target in percent with its bounds: a year's, and a period's
        // average growth.
        let percent_targets = s
            .targets()
            .targets()
            .iter()
            .filter(|t| match t.indicator {
                Indicator::GrowthPct => t.component.is_none(),
                Indicator::NominalGrowthPct
                | Indicator::LabourProductivityGrowthPct
                | Indicator::ShareCurrentPct => true,
                _ => false,
            })
            .map(|t| (format!("target.{}", t.id), &t.bound))
            .chain(
                s.period_targets()
                    .iter()
                    .map(|t| (format!("period_target.{}", t.id), &t.bound)),
            );
        for (at, bound) in percent_targets {
            let bounds: Vec<f64> = [bound.min, bound.max].into_iter().flatten().collect();
            if !bounds.is_empty() && bounds.iter().all(|&v| in_unit(v)) {
                // Pointed at the first bound's line, where the slip is.
                let first = if bound.min.is_some() { "min" } else { "max" };
                let field = format!("{at}.{first}");
                // As the file has them, and a hundred times that, without
                // the binary noise of the product (0.1025 → 10.25).
                let written: Vec<String> = bounds.iter().map(|v| v.to_string()).collect();
                let meant: Vec<String> = bounds.iter().map(|&v| tidy_exact(100.0 * v)).collect();
                out.push(self.warning(
                    &field,
                    format!(
                        "{} % is below 1 %: typed as a fraction ({} for {} %)? Targets are written in percent",
                        written.join("–"),
                        written.join("–"),
                        meant.join("–")
                    ),
                    format!(
                        "{}% thấp hơn 1%: có phải đã ghi dạng số thập phân (`{}`) thay vì phần trăm (`{}`)? Chỉ tiêu ghi theo phần trăm",
                        written.iter().map(|v| crate::vietnamese::vi_text_number(v)).collect::<Vec<_>>().join("–"),
                        written.join("`–`"),
                        meant.join("`–`")
                    ),
                ));
            }
        }
        // Each price growth rate with the field it was written in: the
        // GRDP deflator's, or a sector's own.
        let prices: Vec<(String, f64, f64)> = s
            .plan()
            .years()
            .iter()
            .flat_map(|y| {
                let rates: Vec<(String, f64, f64)> = match &y.prices {
                    Some(PricePath::GrdpDeflatorPct(p)) => vec![(
                        format!("plan.{}.deflator_growth_pct", y.year),
                        *p,
                        MAX_PLAUSIBLE_PRICE_GROWTH_PCT,
                    )],
                    Some(PricePath::PerComponentPct(v)) => v
                        .iter()
                        .zip(ids)
                        .map(|(p, id)| {
                            (
                                format!("plan.{}.price_growth_pct.{id}", y.year),
                                *p,
                                MAX_PLAUSIBLE_SECTOR_PRICE_GROWTH_PCT,
                            )
                        })
                        .collect(),
                    None => Vec::new(),
                };
                rates
            })
            .collect();
        // Fractions of the usual rates (2 to 8 %) are below 0.2; a low but
        // real rate (0.8 %) is not taken for one.
        if prices.iter().any(|(_, p, _)| *p != 0.0)
            && prices
                .iter()
                .all(|(_, p, _)| p.abs() < MAX_FRACTION_LIKE_PRICE_PCT)
        {
            out.push(self.warning(
                "plan",
                format!(
                    "every price growth rate of the plan is below {MAX_FRACTION_LIKE_PRICE_PCT} %: typed as fractions (0.0406 for 4.06 %)? Price growth is written in percent"
                ),
                format!(
                    "mọi tốc độ tăng giá trong kế hoạch đều dưới {}%: có phải đã ghi dạng số thập phân (`0.0406`) thay vì phần trăm (`4.06`)? Tốc độ tăng giá ghi theo phần trăm",
                    tidy_vi(MAX_FRACTION_LIKE_PRICE_PCT)
                ),
            ));
        }
        for (field, p, limit) in &prices {
            if p.abs() > *limit {
                // An example of the slip at the limit's scale.
                let (slip, meant) = if *limit < MAX_PLAUSIBLE_SECTOR_PRICE_GROWTH_PCT {
                    ("40.6", "4.06")
                } else {
                    ("406", "40.6")
                };
                out.push(self.warning(
                    field,
                    format!(
                        "{}% price growth in a year is beyond {limit} %, far above the few percent a year a plan assumes: a typing slip ({slip} for {meant})?",
                        tidy(*p)
                    ),
                    format!(
                        "giá tăng {}% trong một năm, vượt {}%, cao hơn nhiều so với mức vài phần trăm một năm mà kế hoạch thường giả định: có phải ghi nhầm (`{slip}` thay vì `{meant}`)?",
                        tidy_vi(*p),
                        tidy_vi(*limit)
                    ),
                ));
            }
        }
        if let Some(spec) = spec {
            for v in &spec.views {
                if let Centre::PlanMinus { shortfall_pp } = v.centre
                    && shortfall_pp < 0.0
                {
                    out.push(self.warning(
                        &format!("uncertainty.view.{}.shortfall_pp", v.id),
                        format!(
                            "{} points below the plan adds {} points to every sector's growth: a shortfall is written as a positive number (1.26 for growth 1.26 points under the plan)",
                            tidy(shortfall_pp),
                            tidy(-shortfall_pp)
                        ),
                        format!(
                            "mức hụt {} điểm phần trăm so với kế hoạch lại cộng thêm {} điểm phần trăm vào tốc độ tăng của mọi thành phần: mức hụt ghi bằng số dương (`1.26` khi tốc độ tăng thấp hơn kế hoạch 1,26 điểm phần trăm)",
                            tidy_vi(shortfall_pp),
                            tidy_vi(-shortfall_pp)
                        ),
                    ));
                }
            }
            // Only where every uncertain sector's spread is a standard
            // deviation: other distributions are given by bounds or a scale.
            let sds: Option<Vec<f64>> = spec
                .growth
                .iter()
                .map(|m| match m {
                    Marginal::Normal { sd, .. } | Marginal::TruncatedNormal { sd, .. } => {
                        Some(vec![*sd])
                    }
                    Marginal::SplitNormal {
                        sd_lower, sd_upper, ..
                    } => Some(vec![*sd_lower, *sd_upper]),
                    // A sector held at its centre has no spread to check.
                    Marginal::Fixed => Some(Vec::new()),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()
                .map(|v| v.concat());
            if let Some(sds) = sds
                && !sds.is_empty()
                && sds.iter().all(|&sd| sd > 0.0 && sd < MIN_PLAUSIBLE_SD_PP)
            {
                out.push(self.warning(
                    "uncertainty.growth",
                    format!(
                        "every spread of sector growth is below {MIN_PLAUSIBLE_SD_PP} percentage points: typed as fractions (0.0206 for 2.06)? Spreads are written in percentage points"
                    ),
                    format!(
                        "mọi độ lệch chuẩn của tốc độ tăng các thành phần đều dưới {} điểm phần trăm: có phải đã ghi dạng số thập phân (`0.0206`) thay vì điểm phần trăm (`2.06`)? Độ lệch chuẩn ghi theo điểm phần trăm",
                        tidy_vi(MIN_PLAUSIBLE_SD_PP)
                    ),
                ));
            }
        }
        let base = e.base();
        if let Some(current) = &base.current_bn_vnd {
            let total: f64 = current.iter().sum();
            for ((c, w), id) in current.iter().zip(e.base_weights()).zip(ids) {
                let relative = (c / total) / w;
                let (lo, hi) = RELATIVE_PRICE_RANGE;
                if *w > 0.0 && (relative < lo || relative > hi) {
                    // Named as the file gave it: levels or shares.
                    let as_shares = self
                        .spans
                        .contains_key(&format!("base.share_current_pct.{id}"));
                    let (field, given, given_vi) = if !as_shares {
                        (
                            format!("base.current_bn_vnd.{id}"),
                            format!(
                                "{} billion VND is {:.2} % of GRDP at current prices",
                                tidy(*c),
                                100.0 * c / total
                            ),
                            format!(
                                "{} tỷ đồng là {}% GRDP theo giá hiện hành",
                                tidy_vi(*c),
                                fixed_vi(100.0 * c / total, 2)
                            ),
                        )
                    } else {
                        (
                            format!("base.share_current_pct.{id}"),
                            format!(
                                "a share of {} % of GRDP at current prices",
                                tidy(100.0 * c / total)
                            ),
                            format!(
                                "tỷ trọng {}% GRDP theo giá hiện hành",
                                tidy_vi(100.0 * c / total)
                            ),
                        )
                    };
                    out.push(self.warning(
                        &field,
                        format!(
                            "{given}, against a weight of {:.2} % at constant 2010 prices: prices that far apart point to a typing slip in one figure, such as a thousands dot (13.253 for 13,253) or a misplaced decimal point",
                            100.0 * w
                        ),
                        format!(
                            "{given_vi}, so với tỷ trọng theo giá so sánh 2010 {}%: giá lệch nhau xa như vậy cho thấy một con số bị gõ nhầm, chẳng hạn dấu chấm phân cách hàng nghìn (trong tệp ghi `13253`, không ghi `13.253`) hoặc dấu thập phân đặt sai chỗ",
                            fixed_vi(100.0 * w, 2)
                        ),
                    ));
                }
            }
        }
    }
}

/// A number as a person wrote it: at most three decimals, no trailing zeros.
/// Beyond a thousand billion, or below a thousandth, in scientific
/// notation (1e300, not 301 digits; 2e-7, not 0).
fn tidy(x: f64) -> String {
    if x != 0.0 && x.is_finite() && !(1e-3..1e15).contains(&x.abs()) {
        let s = format!("{x:.3e}");
        return match s.split_once('e') {
            Some((m, e)) => format!("{}e{e}", m.trim_end_matches('0').trim_end_matches('.')),
            None => s,
        };
    }
    let s = format!("{x:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// [`tidy`] in Vietnamese notation: a decimal comma and a thousands dot
/// (133.065 is a hundred and thirty-three thousand and sixty-five; 9,32 is
/// nine point three two).
pub(crate) fn tidy_vi(x: f64) -> String {
    crate::vietnamese::vi_text_number(&tidy(x))
}

/// `x` to `decimals` places; from 10¹⁵ in absolute value (a typing slip
/// far beyond any growth rate) in short scientific notation, as [`tidy`]
/// writes it, not ninety digits.
fn fixed(x: f64, decimals: usize) -> String {
    if x.abs() >= 1e15 {
        return tidy(x);
    }
    format!("{x:.decimals$}")
}

/// `x` to `decimals` places, in Vietnamese notation, trailing zeros
/// dropped as releases write them (25%, 6,5%); from 10¹⁵ in scientific
/// notation (the notation of grdp-core's refusals, [`crate::vietnamese`]).
pub(crate) fn fixed_vi(x: f64, decimals: usize) -> String {
    crate::vietnamese::number(x, decimals)
}

/// `x` as typed: ten significant digits at most, so the product of a
/// typed number and 100 reads as the number meant (10.25, not
/// 10.249999999999998).
fn tidy_exact(x: f64) -> String {
    format!("{x:.9e}")
        .parse::<f64>()
        .map_or_else(|_| x.to_string(), |r| r.to_string())
}

#[cfg(test)]
mod tests {
    use super::{fixed_vi, tidy, tidy_exact, tidy_vi};

    /// Worked by hand, as a Vietnamese release writes them.
    #[test]
    fn numbers_in_vietnamese_warnings_take_a_decimal_comma() {
        assert_eq!(tidy_vi(133_065.0), "133.065");
        assert_eq!(tidy_vi(133.065), "133,065");
        assert_eq!(tidy_vi(1_234_567.5), "1.234.567,5");
        assert_eq!(tidy_vi(-1.26), "-1,26");
        assert_eq!(tidy_vi(0.2), "0,2");
        assert_eq!(tidy_vi(1e300), "1e300");
        assert_eq!(tidy_vi(1.2345e20), "1,234e20");
        assert_eq!(fixed_vi(9.475, 2), "9,47");
        assert_eq!(fixed_vi(25.0, 2), "25");
        assert_eq!(fixed_vi(6.5, 2), "6,5");
        assert_eq!(fixed_vi(100.3, 2), "100,3");
        assert_eq!(tidy_exact(100.0 * 0.1025), "10.25");
    }

    #[test]
    fn numbers_in_warnings_are_written_as_a_person_would() {
        assert_eq!(tidy(133_065.0), "133065");
        assert_eq!(tidy(9.32), "9.32");
        assert_eq!(tidy(0.0406), "0.041");
        assert_eq!(tidy(0.0), "0");
        // A slip by many orders of magnitude: short, not 301 digits or 0.
        assert_eq!(tidy(1e300), "1e300");
        assert_eq!(tidy(-2e-7), "-2e-7");
        assert_eq!(tidy(1.0000000000000002e300), "1e300");
        assert_eq!(tidy(1.2345e20), "1.234e20");
    }
}
