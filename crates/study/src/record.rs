//! The past the report draws beside the projection: aggregate growth by
//! year, and the last year whose sector contributions were published.

use grdp_scenario::{History, LoadedScenario};

/// The past as the report shows it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Past {
    /// Aggregate real growth by year up to the base year, percent: the
    /// scenario's outcomes, completed by the history (latest vintage).
    pub growth: Vec<(i32, f64)>,
    /// The latest year in which every component's contribution was
    /// published (percentage points, in the economy's order).
    pub published_contributions: Option<(i32, Vec<f64>)>,
}

/// The past of `loaded`, from its own outcomes and, where given, the
/// history of `region`.
pub fn past(loaded: &LoadedScenario, history: Option<(&History, &str)>) -> Past {
    let s = &loaded.scenario;
    let mut growth: Vec<(i32, f64)> = s
        .outcomes()
        .iter()
        .map(|o| (o.year, o.growth_pct))
        .collect();
    let mut published_contributions = None;
    if let Some((h, region)) = history {
        for (y, g) in h.annual(region, "total", "growth_pct") {
            if !growth.iter().any(|(y2, _)| *y2 == y) {
                growth.push((y, g));
            }
        }
        let ids: Vec<&str> = s
            .economy()
            .components()
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        let mut years: Vec<i32> = h
            .records
            .iter()
            .filter(|r| r.indicator == "contribution_pp")
            .filter_map(|r| r.year())
            .collect();
        years.sort_unstable();
        years.dedup();
        published_contributions = years.into_iter().rev().find_map(|y| {
            let c: Option<Vec<f64>> = ids
                .iter()
                .map(|id| h.latest(region, &y.to_string(), id, "contribution_pp"))
                .collect();
            c.map(|c| (y, c))
        });
    }
    growth.sort_by_key(|g| g.0);
    growth.retain(|(y, _)| *y <= s.economy().base().year);
    Past {
        growth,
        published_contributions,
    }
}
