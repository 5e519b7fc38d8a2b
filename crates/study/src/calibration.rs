//! Growth distributions and correlations estimated from history, and the
//! record of planning optimism: what `[uncertainty]` blocks are made from.

use grdp_montecarlo::calibrate::{self, Calibration, Optimism, Series};
use grdp_scenario::History;
use serde::Serialize;

use crate::error::StudyError;

/// The order components are listed in when a history names them itself:
/// the built-in four first, then the rest alphabetically.
const USUAL_ORDER: [&str; 4] = [
    "agriculture",
    "industry_construction",
    "services",
    "product_taxes",
];

/// What to estimate.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CalibrateOptions {
    /// Region whose sector growth is estimated.
    pub region: String,
    /// Components to estimate; `None` for every one the region has (those
    /// with fewer than two years are left out and listed).
    pub components: Option<Vec<String>>,
    /// First year to use.
    pub from: Option<i32>,
    /// Last year to use.
    pub to: Option<i32>,
    /// Years to leave out (the pandemic, say).
    pub exclude: Vec<i32>,
    /// Scale the standard deviations to this region's volatility: the ratio
    /// of its aggregate growth SD to the region's, over their common years.
    pub scale_to: Option<String>,
}

/// How the source region's volatility was scaled to the target region's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scale {
    /// The region whose volatility the SDs were scaled to.
    pub to_region: String,
    /// The factor applied to every SD.
    pub factor: f64,
    /// The common years the ratio uses.
    pub years: Vec<i32>,
}

/// A calibration: the estimates, how they were scaled, and the record of
/// planning optimism of the region they are for.
#[derive(Debug, Clone, PartialEq)]
pub struct CalibrationStudy {
    /// The options it was made with.
    pub options: CalibrateOptions,
    /// Components left out for too few years, e.g. `mining (1 year)`.
    pub left_out: Vec<String>,
    /// Distributions and correlations.
    pub calibration: Calibration,
    /// The volatility scaling, where asked for.
    pub scale: Option<Scale>,
    /// The region the optimism record is for (the scaled-to region, else the region).
    pub optimism_region: String,
    /// Its record of outcomes against targets, where the history has one.
    pub optimism: Option<Optimism>,
}

/// Which estimate of a past outcome a record of shortfalls uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordVintage {
    /// The latest estimate: the outcome as finally measured. What a forecast
    /// of the finally measured outcome should be judged against.
    Latest,
    /// The first estimate where it was revised: the outcome as planners saw
    /// it when they set the next target. A record of planning optimism.
    FirstEstimate,
}

impl RecordVintage {
    /// The other vintage.
    pub fn other(self) -> Self {
        match self {
            RecordVintage::Latest => RecordVintage::FirstEstimate,
            RecordVintage::FirstEstimate => RecordVintage::Latest,
        }
    }

    /// The history's name for it.
    fn history_vintage(self) -> &'static str {
        match self {
            RecordVintage::Latest => "latest",
            RecordVintage::FirstEstimate => "first_estimate",
        }
    }
}

/// A region's record of outcomes against targets, on one vintage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShortfallRecord {
    /// Which estimate of each outcome.
    pub vintage: RecordVintage,
    /// Outcome less target, year by year, with mean, median and SD.
    #[serde(flatten)]
    pub record: Optimism,
}

/// The record a study applies, and the same record on the other vintage
/// for comparison: with five points, one revised outcome moves the median a lot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShortfallRecords {
    /// The region.
    pub region: String,
    /// The record added to the draws.
    #[serde(flatten)]
    pub used: ShortfallRecord,
    /// The record on the other vintage, where the history has one.
    pub other_vintage: Option<ShortfallRecord>,
}

/// Both records of `region`, `used` applied and the other shown.
pub fn shortfall_records(
    history: &History,
    region: &str,
    used: RecordVintage,
) -> Result<ShortfallRecords, StudyError> {
    let record = |vintage| {
        Ok::<_, StudyError>(ShortfallRecord {
            vintage,
            record: calibrate::optimism(&target_outcome_pairs(history, region, vintage)?)?,
        })
    };
    Ok(ShortfallRecords {
        region: region.to_string(),
        used: record(used)?,
        other_vintage: record(used.other()).ok(),
    })
}

/// (year, target minimum, outcome) for every year a region has both, for
/// its aggregate growth, the outcome on `vintage`.
pub fn target_outcome_pairs(
    history: &History,
    region: &str,
    vintage: RecordVintage,
) -> Result<Vec<(i32, f64, f64)>, StudyError> {
    let outcomes =
        history.annual_preferring(region, "total", "growth_pct", vintage.history_vintage());
    let pairs: Vec<(i32, f64, f64)> = history
        .annual(region, "total", "growth_target_min_pct")
        .into_iter()
        .filter_map(|(y, target)| {
            outcomes
                .iter()
                .find(|(y2, _)| *y2 == y)
                .map(|(_, o)| (y, target, *o))
        })
        .collect();
    if pairs.len() < 2 {
        return Err(StudyError::TooShortRecord {
            region: region.to_string(),
            found: pairs.len(),
        });
    }
    Ok(pairs)
}

/// A region's record of planning optimism: its outcomes (latest
/// estimates) less its targets.
pub fn optimism_record(history: &History, region: &str) -> Result<Optimism, StudyError> {
    let pairs = target_outcome_pairs(history, region, RecordVintage::Latest)?;
    Ok(calibrate::optimism(&pairs)?)
}

/// The regions a history holds, sorted.
pub fn regions(history: &History) -> Vec<&str> {
    let mut r: Vec<&str> = history.records.iter().map(|r| r.region.as_str()).collect();
    r.sort_unstable();
    r.dedup();
    r
}

/// The regions of `history` that have a record of planning optimism
/// ([`optimism_record`]: two years or more with both a growth target and an
/// outcome of their total, latest estimates), sorted.
pub fn regions_with_record(history: &History) -> Vec<&str> {
    let mut r = regions(history);
    r.retain(|region| has_record(history, region));
    r
}

/// Whether `region` has a record of planning optimism in `history` (see
/// [`regions_with_record`]).
pub fn has_record(history: &History, region: &str) -> bool {
    target_outcome_pairs(history, region, RecordVintage::Latest).is_ok()
}

/// Estimates distributions and correlations from `history`.
pub fn calibrate(
    history: &History,
    options: &CalibrateOptions,
) -> Result<CalibrationStudy, StudyError> {
    let in_range = |y: i32| {
        options.from.is_none_or(|f| y >= f)
            && options.to.is_none_or(|t| y <= t)
            && !options.exclude.contains(&y)
    };
    let known = regions(history);
    // The region estimated, then the one its volatility is scaled to.
    for region in std::iter::once(&options.region).chain(&options.scale_to) {
        if !known.contains(&region.as_str()) {
            return Err(StudyError::UnknownRegion {
                id: region.clone(),
                known: known.iter().map(|r| r.to_string()).collect(),
            });
        }
    }
    let components: Vec<String> = match &options.components {
        Some(list) => list.clone(),
        None => {
            let mut c: Vec<String> = history
                .records
                .iter()
                .filter(|r| {
                    r.region == options.region
                        && r.indicator == "growth_pct"
                        && r.component != "total"
                })
                .map(|r| r.component.clone())
                .collect();
            // The usual four first, in their order, then the rest by name;
            // each once, however many years it has.
            c.sort_by(|x, y| {
                let rank = |id: &String| {
                    USUAL_ORDER
                        .iter()
                        .position(|o| o == id)
                        .unwrap_or(USUAL_ORDER.len())
                };
                rank(x).cmp(&rank(y)).then_with(|| x.cmp(y))
            });
            c.dedup();
            c
        }
    };
    let series_of = |region: &str, component: &str| -> Series {
        history
            .annual(region, component, "growth_pct")
            .into_iter()
            .filter(|(y, _)| in_range(*y))
            .collect()
    };
    let all: Vec<(String, Series)> = components
        .iter()
        .map(|c| (c.clone(), series_of(&options.region, c)))
        .collect();
    // Components found by themselves need two years; named ones must have them.
    let (series, short): (Vec<_>, Vec<_>) = all
        .into_iter()
        .partition(|(_, s)| options.components.is_some() || s.len() >= 2);
    let left_out = short
        .iter()
        .map(|(c, s)| {
            format!(
                "{c} ({} year{})",
                s.len(),
                if s.len() == 1 { "" } else { "s" }
            )
        })
        .collect();
    let mut calibration = calibrate::estimate(&series)?;
    let scale = match &options.scale_to {
        Some(to) => {
            let target = series_of(to, "total");
            let source = series_of(&options.region, "total");
            let (factor, years) = calibrate::volatility_ratio(&target, &source)?;
            for c in &mut calibration.components {
                c.sd_pp *= factor;
            }
            Some(Scale {
                to_region: to.clone(),
                factor,
                years,
            })
        }
        None => None,
    };
    let optimism_region = options
        .scale_to
        .clone()
        .unwrap_or_else(|| options.region.clone());
    let optimism = optimism_record(history, &optimism_region).ok();
    Ok(CalibrationStudy {
        options: options.clone(),
        left_out,
        calibration,
        scale,
        optimism_region,
        optimism,
    })
}
