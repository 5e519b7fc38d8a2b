//! Quarters: what the rest of a year needs, given what is known so far.
//!
//! Vietnamese releases give growth on the same period of the year before,
//! cumulated from January: the first quarter, the first half, nine months,
//! the year. With `s[q]` the base year's quarters' shares of its GRDP at
//! constant 2010 prices (summing to 100) and `g[q]` each quarter's growth on
//! the same quarter of the base year, the year's growth is `Σ s[q] g[q] /
//! 100`, and growth to quarter `k` is `Σ_{q ≤ k} s[q] g[q] / Σ_{q ≤ k} s[q]`.
//! Knowing growth to quarter `k` at `y` %, the remaining quarters need an
//! average (share-weighted) growth of `(100 G − y S_k) / (100 − S_k)` for the
//! year to reach `G`, where `S_k = Σ_{q ≤ k} s[q]`.

use serde::Serialize;

use crate::error::{ModelError, finite};

/// The largest growth rate taken for a rate rather than a typing slip, percent.
const MAX_RATE_PCT: f64 = 1000.0;

/// How much of the year a release covers, cumulated from January.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum KnownPart {
    /// The first quarter (Q1).
    #[serde(rename = "Q1")]
    Q1,
    /// The first half (H1, 6 months).
    #[serde(rename = "H1")]
    H1,
    /// The first nine months (9M, Q1-Q3).
    #[serde(rename = "9M")]
    M9,
}

impl KnownPart {
    /// Quarters covered: 1, 2 or 3.
    pub fn quarters(self) -> usize {
        match self {
            KnownPart::Q1 => 1,
            KnownPart::H1 => 2,
            KnownPart::M9 => 3,
        }
    }

    /// The label releases use: `Q1`, `H1`, `9M`.
    pub fn label(self) -> &'static str {
        match self {
            KnownPart::Q1 => "Q1",
            KnownPart::H1 => "H1",
            KnownPart::M9 => "9M",
        }
    }

    /// Reads `Q1`, `H1`, `6M`, `9M` (or `Q1-Q3`), in any case.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_uppercase().as_str() {
            "Q1" | "3M" => Some(KnownPart::Q1),
            "H1" | "6M" | "Q1-Q2" => Some(KnownPart::H1),
            "9M" | "Q1-Q3" => Some(KnownPart::M9),
            _ => None,
        }
    }
}

/// How far four stated quarter shares may sum from 100, in percentage
/// points: shares published to one decimal are each off by at most 0.05,
/// so four of them by at most 0.2 (25.1 + 24.6 + 24.9 + 25.3 = 99.9 is a
/// rounded release, not a slip). Within it they are scaled to sum to 100.
pub const QUARTER_SHARE_ROUNDING_PP: f64 = 0.2;

/// Quarter shares of the base year's GRDP at constant 2010 prices, percent,
/// checked to be positive and to sum to 100 within
/// [`QUARTER_SHARE_ROUNDING_PP`], and scaled to sum to 100 exactly.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct QuarterShares {
    /// Q1..Q4, percent, summing to 100.
    pub pct: [f64; 4],
    /// What the shares summed to as given, percent: 100 unless they were
    /// rounded and have been scaled.
    pub given_sum_pct: f64,
    /// Whether they were stated (by a scenario or a flag), rather than
    /// assumed equal for want of data.
    pub stated: bool,
}

impl QuarterShares {
    /// Equal quarters: 25 % each.
    pub const EQUAL: QuarterShares = QuarterShares {
        pct: [25.0; 4],
        given_sum_pct: 100.0,
        stated: false,
    };

    /// Checked shares, scaled to sum to 100 where rounding left them a
    /// little off.
    pub fn new(pct: [f64; 4]) -> Result<Self, ModelError> {
        for (q, &v) in pct.iter().enumerate() {
            finite(|| format!("quarter_shares.q{}", q + 1), v)?;
            if v <= 0.0 {
                return Err(ModelError::NotPositive {
                    field: format!("the share of Q{}", q + 1),
                    value: v,
                });
            }
        }
        let sum: f64 = pct.iter().sum();
        // The sum of four one-decimal figures carries binary noise (100.2
        // comes to 100.20000000000002): a margin far below any rounding.
        let off = (sum - 100.0).abs();
        if off.is_nan() || off > QUARTER_SHARE_ROUNDING_PP + 1e-9 {
            return Err(ModelError::QuarterSharesDoNotSumTo100 {
                sum_pct: sum,
                tolerance_pct: QUARTER_SHARE_ROUNDING_PP,
            });
        }
        // 100 but for the binary noise of adding decimals (20.0 + 23.7 +
        // 24.6 + 31.7 comes to 100.00000000000001): kept as given, bit for
        // bit, and said to sum to 100.
        if off < 1e-9 {
            return Ok(Self {
                pct,
                given_sum_pct: 100.0,
                stated: true,
            });
        }
        Ok(Self {
            pct: pct.map(|v| v * 100.0 / sum),
            given_sum_pct: sum,
            stated: true,
        })
    }

    /// Share of the base year covered by the first `k` quarters, percent.
    pub fn covered_pct(&self, k: usize) -> f64 {
        self.pct[..k.min(4)].iter().sum()
    }
}

/// The year's growth from each quarter's growth on the same quarter of the
/// base year, percent.
pub fn year_growth_pct(shares: &QuarterShares, quarter_growth_pct: &[f64; 4]) -> f64 {
    shares
        .pct
        .iter()
        .zip(quarter_growth_pct)
        .map(|(s, g)| s * g)
        .sum::<f64>()
        / 100.0
}

/// What a scenario knows of a plan year so far: growth over its first
/// quarter, half or nine months as the latest release gives it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KnownYear {
    /// The year.
    pub year: i32,
    /// How much of it is known.
    pub part: KnownPart,
    /// Its growth on the same period of the year before, percent.
    pub growth_pct: f64,
    /// The year before's quarter shares at constant prices.
    pub shares: QuarterShares,
    /// The target path: growth set for parts of the year, cumulated from
    /// January (the quarterly path provinces report to the Government).
    pub target_path_pct: Vec<(KnownPart, f64)>,
}

/// What the rest of a year needs, and what it gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RemainingSolution {
    /// The year.
    pub year: i32,
    /// What is known.
    pub known: KnownPart,
    /// Growth known so far, cumulated from January on the same period of
    /// the year before, percent.
    pub known_growth_pct: f64,
    /// The quarter shares used, percent.
    pub shares_pct: [f64; 4],
    /// Whether the shares were stated (else equal, an assumption).
    pub shares_stated: bool,
    /// What the stated shares summed to before they were scaled to 100,
    /// percent (100 where they needed no scaling).
    pub shares_given_sum_pct: f64,
    /// The share of the year the known part covers, percent.
    pub known_share_pct: f64,
    /// The annual growth target, percent, if asked.
    pub target_pct: Option<f64>,
    /// Growth the remaining quarters need on average for the target,
    /// percent on the same quarters of the year before.
    pub required_remaining_pct: Option<f64>,
    /// How much `required_remaining_pct` moves, in percentage points, when
    /// the known part's share of the year is one point larger: the answer's
    /// sensitivity to the quarter shares.
    pub required_per_share_point_pp: Option<f64>,
    /// The answer under equal quarters, for comparison, percent.
    pub required_remaining_equal_pct: Option<f64>,
    /// Growth assumed for the remaining quarters, percent, if asked.
    pub then_remaining_pct: Option<f64>,
    /// The year's growth if the remaining quarters grow at that rate, percent.
    pub year_growth_pct: Option<f64>,
}

/// Answers: what the remaining quarters need for `target_pct` (if given),
/// and what the year comes to if they grow at `then_pct` (if given).
pub fn remaining(
    year: i32,
    shares: &QuarterShares,
    known: KnownPart,
    known_growth_pct: f64,
    target_pct: Option<f64>,
    then_pct: Option<f64>,
) -> Result<RemainingSolution, ModelError> {
    // Rates as growth: above −100 %, and below the 1,000 % that marks a
    // typing slip everywhere else in grdp.
    let rate = |what: String, v: f64| -> Result<(), ModelError> {
        crate::error::growth_pct(|| what.clone(), v)?;
        if v > MAX_RATE_PCT {
            return Err(ModelError::Unsolvable {
                what,
                reason: format!(
                    "{v} % is beyond any growth rate ({MAX_RATE_PCT} % at most): a typing slip?"
                ),
            });
        }
        Ok(())
    };
    rate(
        format!("known growth ({})", known.label()),
        known_growth_pct,
    )?;
    if let Some(t) = target_pct {
        rate("the target".into(), t)?;
    }
    if let Some(t) = then_pct {
        rate("the rest's growth (--then)".into(), t)?;
    }
    let need = |s: &QuarterShares, t: f64| {
        let k = s.covered_pct(known.quarters());
        (100.0 * t - known_growth_pct * k) / (100.0 - k)
    };
    let k = shares.covered_pct(known.quarters());
    let required = target_pct.map(|t| need(shares, t));
    // d/dS of (100 G − y S) / (100 − S) = 100 (G − y) / (100 − S)².
    let per_point = target_pct.map(|t| 100.0 * (t - known_growth_pct) / (100.0 - k).powi(2));
    let equal = target_pct.map(|t| need(&QuarterShares::EQUAL, t));
    let year_growth = then_pct.map(|r| (known_growth_pct * k + r * (100.0 - k)) / 100.0);
    Ok(RemainingSolution {
        year,
        known,
        known_growth_pct,
        shares_pct: shares.pct,
        shares_stated: shares.stated,
        shares_given_sum_pct: shares.given_sum_pct,
        known_share_pct: k,
        target_pct,
        required_remaining_pct: required,
        required_per_share_point_pp: per_point,
        required_remaining_equal_pct: equal,
        then_remaining_pct: then_pct,
        year_growth_pct: year_growth,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cần Thơ 2024 (baocantho.com.vn a182797): quarters 4.8, 6.11, 8.5 and
    /// 8.87 % on 2023's. Equal quarters give (4.8 + 6.11 + 8.5 + 8.87) / 4 =
    /// 7.07 %, within 0.1 pp of the published 7.12 %. Shares leaning to the
    /// year's end (22 / 24 / 25 / 29 %, as national GDP's quarters do) give
    /// 1.056 + 1.4664 + 2.125 + 2.5723 = 7.2197 %: the shares move the
    /// answer by about 0.15 pp.
    #[test]
    fn can_tho_2024_quarters_add_up_to_the_year() {
        let g = [4.8, 6.11, 8.5, 8.87];
        let equal = year_growth_pct(&QuarterShares::EQUAL, &g);
        assert!((equal - 7.07).abs() < 1e-9);
        assert!((equal - 7.12).abs() < 0.1);
        let late = QuarterShares::new([22.0, 24.0, 25.0, 29.0]).unwrap();
        assert!((year_growth_pct(&late, &g) - 7.2197).abs() < 1e-9);
    }

    /// By hand: nine months at 7.39 % with equal quarters (75 % of the
    /// year): for 10 % the fourth quarter needs (1000 − 7.39 × 75) / 25 =
    /// 17.83 %. Each point more of the year in the nine months raises that
    /// by 100 (10 − 7.39) / 25² = 0.4176 pp. If Q4 grows 8 %, the year is
    /// (7.39 × 75 + 8 × 25) / 100 = 7.5425 %.
    #[test]
    fn nine_months_at_7_39_need_a_fourth_quarter_of_17_83_for_10() {
        let r = remaining(
            2025,
            &QuarterShares::EQUAL,
            KnownPart::M9,
            7.39,
            Some(10.0),
            Some(8.0),
        )
        .unwrap();
        assert!((r.required_remaining_pct.unwrap() - 17.83).abs() < 1e-9);
        assert!((r.required_per_share_point_pp.unwrap() - 0.4176).abs() < 1e-9);
        assert!((r.year_growth_pct.unwrap() - 7.5425).abs() < 1e-9);
        assert!((r.known_share_pct - 75.0).abs() < 1e-12);
    }

    /// Shares rounded to one decimal: 25.1 + 24.6 + 24.9 + 25.3 = 99.9 is
    /// accepted and scaled, Q1 to 25.1 × 100 / 99.9 = 25.125125… % (by
    /// hand); 100.2 (the most four roundings can add) is accepted, 100.3
    /// and 99.7 are not. Tolerance 1e-9: the scaling's rounding error.
    #[test]
    fn shares_rounded_to_one_decimal_are_scaled_to_100() {
        let s = QuarterShares::new([25.1, 24.6, 24.9, 25.3]).unwrap();
        assert!((s.pct[0] - 25.125_125_125).abs() < 1e-9);
        assert!((s.given_sum_pct - 99.9).abs() < 1e-9);
        assert!((s.covered_pct(4) - 100.0).abs() < 1e-9);
        assert!(s.stated);
        assert!(QuarterShares::new([25.1, 24.6, 24.9, 25.6]).is_ok());
        assert!(QuarterShares::new([25.1, 24.6, 24.9, 25.7]).is_err());
        assert!(QuarterShares::new([25.1, 24.6, 24.9, 25.1]).is_err());
        // Shares summing to 100 are kept as given, also where adding them
        // in binary leaves noise (20.0 + 23.7 + 24.6 + 31.7 is
        // 100.00000000000001 in f64).
        for given in [[22.0, 24.0, 25.0, 29.0], [20.0, 23.7, 24.6, 31.7]] {
            let exact = QuarterShares::new(given).unwrap();
            assert_eq!(exact.pct.map(f64::to_bits), given.map(f64::to_bits));
            assert_eq!(exact.given_sum_pct.to_bits(), 100f64.to_bits());
        }
    }

    /// The known part exactly on target needs the same from the rest; the
    /// year at the known rate is that rate.
    #[test]
    fn a_known_part_on_target_needs_the_same_from_the_rest() {
        let s = QuarterShares::new([23.0, 24.0, 25.0, 28.0]).unwrap();
        for part in [KnownPart::Q1, KnownPart::H1, KnownPart::M9] {
            let r = remaining(2025, &s, part, 8.0, Some(8.0), Some(8.0)).unwrap();
            assert!((r.required_remaining_pct.unwrap() - 8.0).abs() < 1e-12);
            assert!((r.year_growth_pct.unwrap() - 8.0).abs() < 1e-12);
        }
    }

    #[test]
    fn shares_off_100_or_not_positive_are_refused() {
        assert!(QuarterShares::new([25.0, 25.0, 25.0, 24.0]).is_err());
        assert!(QuarterShares::new([50.0, 50.0, 0.0, 0.0]).is_err());
        assert_eq!(KnownPart::parse("9m"), Some(KnownPart::M9));
        assert_eq!(KnownPart::parse("Q4"), None);
    }
}
