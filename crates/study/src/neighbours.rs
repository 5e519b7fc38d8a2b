//! The area beside its neighbours: each one's GRDP growth in the base year
//! and its average growth aim for the plan period, as the provincial table
//! gives them, and the step from the one to the other. What a planning
//! office puts beside its own target: is it asking more of itself than
//! the region does?

use grdp_scenario::{Compare, History, HistoryRecord, history::LATEST};
use serde::Serialize;

use crate::StudyError;

/// Indicator of a year's growth in the provincial table, percent.
const GROWTH: &str = "growth_pct";
/// Indicators of a plan period's average growth aim, percent a year.
const AIM_MIN: &str = "average_growth_target_min_pct";
const AIM_MAX: &str = "average_growth_target_max_pct";

/// One region of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeighbourRow {
    /// Its name in the provincial table.
    pub region: String,
    /// Whether it is the scenario's own area.
    pub own: bool,
    /// GRDP (GDP for the nation) growth in the compared year at constant
    /// 2010 prices, percent, where the table has it.
    pub growth_pct: Option<f64>,
    /// Its status as the table gives it (`estimate`, …).
    pub growth_status: Option<String>,
    /// Its source address.
    pub growth_source: Option<String>,
    /// The average growth aimed at over the plan period, percent a year:
    /// its lower bound, where the table has one.
    pub aim_min_pct: Option<f64>,
    /// Its upper bound, where the aim is a range.
    pub aim_max_pct: Option<f64>,
    /// The aim's status and source.
    pub aim_status: Option<String>,
    /// The aim's source address.
    pub aim_source: Option<String>,
    /// The step from the year's growth to the aim's lower bound, percentage
    /// points, where both are known (to nine decimals).
    pub step_pp: Option<f64>,
    /// Other figures of the same year's growth the table holds for the
    /// region (another vintage with another value: a People's Committee's
    /// estimate beside the statistics office's), in the table's order.
    pub growth_other: Vec<OtherGrowth>,
}

/// Another published figure of a region's growth in the compared year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OtherGrowth {
    /// The growth, percent at constant 2010 prices.
    pub growth_pct: f64,
    /// Its status as the table gives it.
    pub status: String,
    /// Its vintage in the table (`peoples_committee`, …).
    pub vintage: String,
    /// Its source address.
    pub source: String,
}

/// The comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Neighbours {
    /// The provincial table read, as its errors name it (the built-in one,
    /// or the file given).
    pub table: String,
    /// The year whose growth is compared: the scenario's base year.
    pub year: i32,
    /// The plan period of the aims compared (`2026-2030`): of the periods
    /// in the table that hold the scenario's first plan year, the area's
    /// own, else the one most of the regions have an aim for.
    pub period: Option<String>,
    /// The area first, then the others in the scenario's order.
    pub rows: Vec<NeighbourRow>,
}

impl Neighbours {
    /// The regions whose growth figure has another status than most
    /// figures of the comparison (ties go to the area's own status, then
    /// to the status met first): each such status, in the order first met,
    /// with its regions. Unlike figures (a People's Committee's estimate
    /// beside the statistics office's) are not to look alike; the area's
    /// own figure is among them where it is the odd one.
    pub fn growth_of_other_status(&self) -> Vec<(&str, Vec<&NeighbourRow>)> {
        let with_growth: Vec<&NeighbourRow> = self
            .rows
            .iter()
            .filter(|r| r.growth_pct.is_some())
            .collect();
        fn status(r: &NeighbourRow) -> &str {
            r.growth_status.as_deref().unwrap_or("")
        }
        // Each status and how many figures have it, in the order met.
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for r in &with_growth {
            match counts.iter_mut().find(|(s, _)| *s == status(r)) {
                Some((_, n)) => *n += 1,
                None => counts.push((status(r), 1)),
            }
        }
        let most = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
        let own = with_growth.iter().find(|r| r.own).map(|r| status(r));
        let baseline = own
            .filter(|o| counts.iter().any(|(s, n)| s == o && *n == most))
            .or(counts.iter().find(|(_, n)| *n == most).map(|(s, _)| *s));
        let mut out: Vec<(&str, Vec<&NeighbourRow>)> = Vec::new();
        for r in with_growth {
            if Some(status(r)) == baseline {
                continue;
            }
            match out.iter_mut().find(|(s, _)| *s == status(r)) {
                Some((_, rows)) => rows.push(r),
                None => out.push((status(r), vec![r])),
            }
        }
        out
    }
}

/// Whether `period` is a plan's years (`2026-2030`) holding `year`.
fn holds(period: &str, year: i32) -> bool {
    period
        .split_once('-')
        .and_then(|(a, b)| Some((a.parse::<i32>().ok()?, b.parse::<i32>().ok()?)))
        .is_some_and(|(a, b)| (a..=b).contains(&year))
}

/// The comparison `compare` asks for, from the provincial table `table`:
/// growth in `year` (the base year) and aims over a period holding
/// `plan_year`. A name the table does not have is an error at its place
/// in the scenario, with the name it most likely meant, else the names the
/// table has.
pub fn compare(
    table: &History,
    origin: &str,
    compare: &Compare,
    year: i32,
    plan_year: i32,
) -> Result<Neighbours, StudyError> {
    let names = std::iter::once(&compare.region).chain(&compare.with);
    for (i, name) in names.clone().enumerate() {
        if !table.records.iter().any(|r| &r.region == name) {
            let mut known: Vec<&str> = table.records.iter().map(|r| r.region.as_str()).collect();
            known.sort_unstable();
            known.dedup();
            return Err(StudyError::UnknownCompareRegion {
                name: name.clone(),
                origin: origin.to_string(),
                location: compare.locations.get(i).cloned(),
                meant: grdp_scenario::history::nearest_regions(name, &known)
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
                known: known.into_iter().map(str::to_string).collect(),
            });
        }
    }
    let find = |region: &str, period: &str, indicator: &str| -> Option<&HistoryRecord> {
        table.records.iter().find(|r| {
            r.region == region
                && r.period == period
                && r.component == "total"
                && r.indicator == indicator
                && r.vintage == LATEST
        })
    };
    // The aims' period: of the latest aims that hold the plan year, the
    // area's own; else the one most regions have (the earliest on a tie).
    let aims: Vec<&HistoryRecord> = table
        .records
        .iter()
        .filter(|r| {
            (r.indicator == AIM_MIN || r.indicator == AIM_MAX)
                && r.component == "total"
                && r.vintage == LATEST
                && holds(&r.period, plan_year)
                && names.clone().any(|n| n == &r.region)
        })
        .collect();
    let own_period = aims
        .iter()
        .filter(|r| r.region == compare.region)
        .map(|r| r.period.clone())
        .min();
    let period = own_period.or_else(|| {
        let mut counts: std::collections::BTreeMap<&str, std::collections::BTreeSet<&str>> =
            Default::default();
        for r in &aims {
            counts
                .entry(r.period.as_str())
                .or_default()
                .insert(r.region.as_str());
        }
        // max_by_key keeps the last of equals: iterate latest-first so the
        // earliest period wins a tie.
        counts
            .iter()
            .rev()
            .max_by_key(|(_, regions)| regions.len())
            .map(|(p, _)| p.to_string())
    });
    // An aim whose minimum lies above its maximum is a slip in the table.
    if let Some(p) = &period {
        for region in names.clone() {
            let (lo, hi) = (find(region, p, AIM_MIN), find(region, p, AIM_MAX));
            if let (Some(lo), Some(hi)) = (lo, hi)
                && lo.value > hi.value
            {
                return Err(StudyError::CompareTable {
                    origin: origin.to_string(),
                    line: hi.line,
                    message: format!(
                        "{region}'s {p} aim has a maximum ({}) below its minimum ({}, line {}); expected min ≤ max",
                        hi.value, lo.value, lo.line
                    ),
                });
            }
        }
    }
    let year_text = year.to_string();
    let rows = names
        .enumerate()
        .map(|(i, region)| {
            let growth = find(region, &year_text, GROWTH);
            let aim = |indicator| period.as_deref().and_then(|p| find(region, p, indicator));
            let (aim_min, aim_max) = (aim(AIM_MIN), aim(AIM_MAX));
            let growth_pct = growth.map(|r| r.value);
            let aim_min_pct = aim_min.map(|r| r.value);
            NeighbourRow {
                region: region.clone(),
                own: i == 0,
                growth_pct,
                growth_status: growth.map(|r| r.status.clone()),
                growth_source: growth.map(|r| r.source.clone()),
                aim_min_pct,
                aim_max_pct: aim_max.map(|r| r.value),
                aim_status: aim_min.or(aim_max).map(|r| r.status.clone()),
                aim_source: aim_min.or(aim_max).map(|r| r.source.clone()),
                // Two published figures' difference, rounded to nine
                // decimals: 10 − 7.23 is 2.77, not 2.7699999999999996.
                step_pp: growth_pct
                    .zip(aim_min_pct)
                    .map(|(g, a)| ((a - g) * 1e9).round() / 1e9),
                growth_other: table
                    .records
                    .iter()
                    .filter(|r| {
                        &r.region == region
                            && r.period == year_text
                            && r.component == "total"
                            && r.indicator == GROWTH
                            && r.vintage != LATEST
                            && growth_pct.is_none_or(|g| (r.value - g).abs() > 1e-9)
                    })
                    .map(|r| OtherGrowth {
                        growth_pct: r.value,
                        status: r.status.clone(),
                        vintage: r.vintage.clone(),
                        source: r.source.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    Ok(Neighbours {
        table: origin.to_string(),
        year,
        period,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "region,period,component,indicator,value,unit,status,vintage,source
A,2025,total,growth_pct,7.23,%,estimate,latest,https://a
A,2026-2030,total,average_growth_target_min_pct,10.0,%,target,latest,https://aim
A,2026-2030,total,average_growth_target_max_pct,10.5,%,target,latest,https://aim
B,2025,total,growth_pct,5.84,%,estimate,latest,https://b
B,2021-2025,total,average_growth_target_min_pct,7.0,%,target,latest,https://old
C,2026-2030,total,average_growth_target_min_pct,8.5,%,target,latest,https://aim
";

    fn table() -> History {
        grdp_scenario::parse_history(TABLE, "t.csv").unwrap()
    }

    /// By hand: A steps from 7.23 to 10 (2.77 points); B has no aim for
    /// 2026-2030 (its 2021-2025 one does not hold 2026); C has no 2025
    /// growth. Exact: the step is one subtraction of given figures.
    #[test]
    fn each_region_gets_its_growth_its_aim_and_the_step_between() {
        let c = Compare {
            region: "A".into(),
            with: vec!["B".into(), "C".into()],
            locations: vec![],
        };
        let n = compare(&table(), "t.csv", &c, 2025, 2026).unwrap();
        assert_eq!(n.period.as_deref(), Some("2026-2030"));
        let [a, b, c] = n.rows.as_slice() else {
            panic!("{n:?}")
        };
        assert!(a.own && !b.own && !c.own);
        assert_eq!(
            (a.growth_pct, a.aim_min_pct, a.aim_max_pct),
            (Some(7.23), Some(10.0), Some(10.5))
        );
        assert!((a.step_pp.unwrap() - 2.77).abs() < 1e-12);
        assert_eq!(
            (b.growth_pct, b.aim_min_pct, b.step_pp),
            (Some(5.84), None, None)
        );
        assert_eq!(
            (c.growth_pct, c.aim_min_pct, c.step_pp),
            (None, Some(8.5), None)
        );
        assert_eq!(a.aim_source.as_deref(), Some("https://aim"));
    }

    /// The aims' period is the area's own, whatever another region's
    /// shorter plan or a superseded vintage says; a ceiling alone is kept;
    /// an aim whose maximum lies below its minimum is refused at its line.
    #[test]
    fn the_period_is_the_areas_own_and_a_slip_in_an_aim_is_refused() {
        let extra = "B,2025-2027,total,average_growth_target_min_pct,6.0,%,target,latest,https://b
C,2024-2026,total,average_growth_target_min_pct,5.0,%,target,draft,https://c
C,2026-2030,total,average_growth_target_max_pct,9.0,%,target,latest,https://aim
";
        let t = grdp_scenario::parse_history(&format!("{TABLE}{extra}"), "t.csv").unwrap();
        let c = Compare {
            region: "A".into(),
            with: vec!["B".into(), "C".into()],
            locations: vec![],
        };
        let n = compare(&t, "t.csv", &c, 2025, 2026).unwrap();
        assert_eq!(n.period.as_deref(), Some("2026-2030"));
        assert_eq!(
            (n.rows[2].aim_min_pct, n.rows[2].aim_max_pct),
            (Some(8.5), Some(9.0))
        );
        // B's own period wins for B, though the others share 2026-2030.
        let c2 = Compare {
            region: "B".into(),
            with: vec!["A".into(), "C".into()],
            locations: vec![],
        };
        assert_eq!(
            compare(&t, "t.csv", &c2, 2025, 2026)
                .unwrap()
                .period
                .as_deref(),
            Some("2025-2027")
        );
        let slip =
            "C,2026-2030,total,average_growth_target_max_pct,7.0,%,target,latest,https://c\n";
        let t = grdp_scenario::parse_history(&format!("{TABLE}{slip}"), "t.csv").unwrap();
        let e = compare(&t, "t.csv", &c, 2025, 2026)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with(
                "t.csv:8: C's 2026-2030 aim has a maximum (7) below its minimum (8.5, line 7)"
            ),
            "{e}"
        );
    }

    /// A region's other figures of the year's growth: another vintage with
    /// another value (8.3 beside 7.23) is kept; one with the same value
    /// (7.23 as a first estimate) says nothing new and is not.
    #[test]
    fn another_vintage_of_the_years_growth_is_kept_beside_it() {
        let extra = "A,2025,total,growth_pct,8.3,%,estimate (people's committee),peoples_committee,https://pc
A,2025,total,growth_pct,7.23,%,estimate,first_estimate,https://first
";
        let t = grdp_scenario::parse_history(&format!("{TABLE}{extra}"), "t.csv").unwrap();
        let c = Compare {
            region: "A".into(),
            with: vec!["B".into()],
            locations: vec![],
        };
        let n = compare(&t, "t.csv", &c, 2025, 2026).unwrap();
        assert_eq!(n.rows[0].growth_pct, Some(7.23));
        assert_eq!(
            n.rows[0].growth_other,
            vec![OtherGrowth {
                growth_pct: 8.3,
                status: "estimate (people's committee)".into(),
                vintage: "peoples_committee".into(),
                source: "https://pc".into(),
            }]
        );
        assert!(n.rows[1].growth_other.is_empty());
    }

    /// A name the table lacks is an error naming it and the table's names.
    #[test]
    fn an_unknown_name_is_refused_with_the_names_there_are() {
        let c = Compare {
            region: "A".into(),
            with: vec!["Z".into()],
            locations: vec![],
        };
        let e = compare(&table(), "t.csv", &c, 2025, 2026)
            .unwrap_err()
            .to_string();
        assert!(e.contains("`Z`") && e.contains("A, B, C"), "{e}");
    }
}

#[cfg(test)]
mod other_status_tests {
    use super::*;

    fn row(region: &str, own: bool, growth: Option<f64>, status: Option<&str>) -> NeighbourRow {
        NeighbourRow {
            region: region.into(),
            own,
            growth_pct: growth,
            growth_status: status.map(str::to_string),
            growth_source: None,
            aim_min_pct: None,
            aim_max_pct: None,
            aim_status: None,
            aim_source: None,
            step_pp: None,
            growth_other: Vec::new(),
        }
    }

    /// Most figures are "estimate" (A, C, H): B and D share a People's
    /// Committee status, E has another, F has none; G has no figure to
    /// mark. Statuses in the order first met, regions in row order.
    #[test]
    fn figures_of_another_status_are_grouped_by_status() {
        let n = Neighbours {
            table: "t.csv".into(),
            year: 2025,
            period: None,
            rows: vec![
                row("A", true, Some(7.2), Some("estimate")),
                row("B", false, Some(8.0), Some("pc")),
                row("C", false, Some(8.4), Some("estimate")),
                row("D", false, Some(8.0), Some("pc")),
                row("E", false, Some(5.8), Some("official")),
                row("F", false, Some(6.0), None),
                row("G", false, None, Some("pc")),
                row("H", false, Some(7.0), Some("estimate")),
            ],
        };
        assert_eq!(
            groups(&n),
            vec![
                ("pc", vec!["B", "D"]),
                ("official", vec!["E"]),
                ("", vec!["F"]),
            ]
        );
    }

    /// The area's own figure is the odd one (a People's Committee's
    /// estimate among the statistics office's): it is the one marked. With
    /// no status of its own, the others' common status stays unmarked.
    #[test]
    fn the_odd_figure_is_marked_even_the_areas_own() {
        let n = Neighbours {
            table: "t.csv".into(),
            year: 2025,
            period: None,
            rows: vec![
                row("A", true, Some(8.3), Some("pc")),
                row("B", false, Some(8.4), Some("estimate")),
                row("C", false, Some(5.8), Some("estimate")),
            ],
        };
        assert_eq!(groups(&n), vec![("pc", vec!["A"])]);
        let n = Neighbours {
            rows: vec![
                row("A", true, Some(7.2), None),
                row("B", false, Some(8.4), Some("estimate")),
                row("C", false, Some(5.8), Some("estimate")),
            ],
            ..n
        };
        assert_eq!(groups(&n), vec![("", vec!["A"])]);
        // A tie goes to the area's own status.
        let n = Neighbours {
            rows: vec![
                row("A", true, Some(7.2), Some("estimate")),
                row("B", false, Some(8.0), Some("pc")),
            ],
            ..n
        };
        assert_eq!(groups(&n), vec![("pc", vec!["B"])]);
    }

    fn groups(n: &Neighbours) -> Vec<(&str, Vec<&str>)> {
        n.growth_of_other_status()
            .into_iter()
            .map(|(s, rows)| (s, rows.iter().map(|r| r.region.as_str()).collect()))
            .collect()
    }
}
