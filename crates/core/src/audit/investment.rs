//! Check: does the investment target fit the growth target?
//!
//! The incremental capital-output ratio links them: ICOR = (investment /
//! GRDP at current prices) / real growth. A draft that sets investment
//! growth and GRDP growth for the same year implies an ICOR; set against
//! the region's own record and the nation's, it says whether the growth
//! target asks investment to be more productive than it has been. Without
//! an investment target, the check gives what the growth target needs: at
//! each reference ICOR, investment of ICOR × growth percent of GRDP.

use serde::Serialize;

use super::{CheckStatus, Figures, MissingInput};
use crate::projection::Projection;
use crate::targets::TargetSet;

/// A reference ICOR: the region's record, the nation's, a plan's aim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IcorReference {
    /// A short id, e.g. `can_tho_2023` or `vietnam`.
    pub id: String,
    /// The ratio (investment rate over real growth, both in percent).
    pub icor: f64,
}

/// An investment target: total social investment growth for a year on the
/// year before, and what it is judged against; or, with neither base nor
/// growth, only the references, to say what the growth target needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InvestmentTarget {
    /// The year the target is for.
    pub year: i32,
    /// Total social investment of the year before, current prices, billion
    /// VND; `None` where no investment target is set.
    pub base_bn_vnd: Option<f64>,
    /// Lowest growth of investment set, percent on the year before.
    pub growth_min_pct: Option<f64>,
    /// Highest growth of investment set, percent on the year before.
    pub growth_max_pct: Option<f64>,
    /// ICORs to judge the implied one against.
    pub icor_references: Vec<IcorReference>,
}

/// A reference ICOR and the growth the investment target would buy at it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IcorComparison {
    /// The reference's id.
    pub id: String,
    /// Its ICOR.
    pub icor: f64,
    /// Real growth the lowest investment target buys at this ICOR, percent.
    pub growth_supported_min_pct: Option<f64>,
    /// Real growth the highest investment target buys at this ICOR, percent.
    pub growth_supported_max_pct: Option<f64>,
    /// Investment the check's growth needs at this ICOR, percent of GRDP at
    /// current prices (ICOR × growth); `None` where growth is not positive.
    pub investment_needed_rate_pct: Option<f64>,
    /// The same in billion VND at current prices, on the year's projected
    /// GRDP (the basis of every rate of this check).
    pub investment_needed_bn_vnd: Option<f64>,
}

/// Figures of [`CheckId::InvestmentIcor`](super::CheckId::InvestmentIcor).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InvestmentFigures {
    /// Investment growth set, lowest, percent.
    pub investment_growth_min_pct: Option<f64>,
    /// Investment growth set, highest, percent.
    pub investment_growth_max_pct: Option<f64>,
    /// Investment of the year before, billion VND at current prices; `None`
    /// where no investment target is set.
    pub base_investment_bn_vnd: Option<f64>,
    /// Investment the lowest target gives, billion VND.
    pub investment_min_bn_vnd: Option<f64>,
    /// Investment the highest target gives, billion VND.
    pub investment_max_bn_vnd: Option<f64>,
    /// Projected GRDP at current prices, billion VND.
    pub grdp_current_bn_vnd: f64,
    /// Investment over GRDP at the lowest target, percent.
    pub investment_rate_min_pct: Option<f64>,
    /// Investment over GRDP at the highest target, percent.
    pub investment_rate_max_pct: Option<f64>,
    /// The real growth the ICOR is computed for, percent: the GRDP growth
    /// target's floor where there is one, else the plan's.
    pub growth_pct: f64,
    /// Whether `growth_pct` is the growth target (else the plan's growth).
    pub growth_is_target: bool,
    /// The plan's real growth that year, percent (the projection's): the
    /// yardstick for what the target's growth asks of investment.
    pub plan_growth_pct: f64,
    /// ICOR implied by the lowest investment target and that growth.
    pub icor_min: Option<f64>,
    /// ICOR implied by the highest investment target and that growth.
    pub icor_max: Option<f64>,
    /// The references, with the growth the target would buy at each.
    pub references: Vec<IcorComparison>,
}

/// Runs the check. Warns when even the highest investment target implies an
/// ICOR below every reference: the growth target then needs investment more
/// productive than any record. Without an investment target it warns too:
/// the growth target rests on investment the plan does not set.
pub(crate) fn check(
    inv: &InvestmentTarget,
    targets: &TargetSet,
    projection: &Projection,
) -> Result<(CheckStatus, InvestmentFigures), MissingInput> {
    let this = projection
        .year(inv.year)
        .ok_or(MissingInput::YearNotProjected)?;
    let gdp = this
        .grdp_current_bn_vnd
        .ok_or(MissingInput::NoCurrentPrices)?;
    // The growth target's floor, where it has one (a ceiling asks no
    // growth of investment); else the plan's growth.
    let floor = targets
        .find(inv.year, crate::Indicator::GrowthPct, None)
        .filter(|t| t.direction != crate::Direction::AtMost)
        .and_then(|t| t.bound.min);
    let (growth, is_target) = match floor {
        Some(t) => (t, true),
        None => (this.growth_pct, false),
    };
    let level = |g: Option<f64>| inv.base_bn_vnd.zip(g).map(|(b, g)| b * (1.0 + g / 100.0));
    let (i_min, i_max) = (level(inv.growth_min_pct), level(inv.growth_max_pct));
    let rate = |i: Option<f64>| i.map(|i| 100.0 * i / gdp);
    let (r_min, r_max) = (rate(i_min), rate(i_max));
    let icor = |r: Option<f64>| r.filter(|_| growth > 0.0).map(|r| r / growth);
    let (icor_min, icor_max) = (icor(r_min), icor(r_max));
    let references: Vec<IcorComparison> = inv
        .icor_references
        .iter()
        .map(|r| IcorComparison {
            id: r.id.clone(),
            icor: r.icor,
            growth_supported_min_pct: r_min.map(|x| x / r.icor),
            growth_supported_max_pct: r_max.map(|x| x / r.icor),
            investment_needed_rate_pct: (growth > 0.0).then_some(r.icor * growth),
            investment_needed_bn_vnd: (growth > 0.0).then_some(r.icor * growth / 100.0 * gdp),
        })
        .collect();
    let lowest_reference = inv
        .icor_references
        .iter()
        .map(|r| r.icor)
        .fold(f64::INFINITY, f64::min);
    let highest_implied = icor_max.or(icor_min);
    let status = match highest_implied {
        _ if inv.base_bn_vnd.is_none() => CheckStatus::Warn,
        Some(h) if lowest_reference.is_finite() && h < lowest_reference => CheckStatus::Warn,
        Some(_) => CheckStatus::Pass,
        None => CheckStatus::Warn,
    };
    Ok((
        status,
        InvestmentFigures {
            investment_growth_min_pct: inv.growth_min_pct,
            investment_growth_max_pct: inv.growth_max_pct,
            base_investment_bn_vnd: inv.base_bn_vnd,
            investment_min_bn_vnd: i_min,
            investment_max_bn_vnd: i_max,
            grdp_current_bn_vnd: gdp,
            investment_rate_min_pct: r_min,
            investment_rate_max_pct: r_max,
            growth_pct: growth,
            growth_is_target: is_target,
            plan_growth_pct: this.growth_pct,
            icor_min,
            icor_max,
            references,
        },
    ))
}

/// The check as an audit entry.
pub(crate) fn entry(
    inv: &InvestmentTarget,
    targets: &TargetSet,
    projection: &Projection,
) -> Result<super::Check, super::NotApplicable> {
    match check(inv, targets, projection) {
        Ok((status, f)) => Ok(super::Check {
            id: super::CheckId::InvestmentIcor,
            year: inv.year,
            status,
            figures: Figures::Investment(f),
        }),
        Err(reason) => Err(super::NotApplicable {
            id: super::CheckId::InvestmentIcor,
            year: Some(inv.year),
            reason,
        }),
    }
}
