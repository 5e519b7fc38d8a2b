//! The CSV tables of every command: one row per figure, full precision,
//! machine names in the header.

use grdp_core::Projection;
use grdp_core::audit::{Check, CheckStatus};
use grdp_scenario::LoadedScenario;
use grdp_study::Simulation;
use grdp_study::partly_known::PartlyKnown;
use grdp_study::solve::Answer;

use crate::{Lang, ReportError};

/// Builds CSV text from a header and rows.
pub fn csv_text(header: &[&str], rows: &[Vec<String>]) -> Result<String, ReportError> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    w.write_record(header)?;
    for r in rows {
        w.write_record(r)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| ReportError::Csv(e.into_error().into()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Significant digits a CSV number keeps. Nine is far below anything the
/// figures can resolve (growth in hundredths of a point, levels in billions
/// of VND, probabilities from at most 10¹¹ draws) and far above the binary
/// noise of the arithmetic that makes 4.06 print as 4.059999999999997.
const CSV_SIGNIFICANT_DIGITS: usize = 9;

/// Below this magnitude a CSV number is written 0: the residue of
/// arithmetic (a gap of 5e-17 points), never a figure; the smallest
/// probability a run can estimate is 10⁻¹¹.
const CSV_ZERO_BELOW: f64 = 1e-12;

/// A number for CSV: nine significant digits, trailing zeros dropped
/// (`4.06`, `100`, `0.00000000384`), zero below 10⁻¹²; empty when unknown
/// or not a number.
pub fn csv_num(v: Option<f64>) -> String {
    v.map_or_else(String::new, csv_number)
}

/// [`csv_num`] of a known number.
fn csv_number(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    if x.abs() < CSV_ZERO_BELOW {
        return "0".to_string();
    }
    // Rounded in decimal to the digits kept, then written in full (Rust
    // writes no exponent), so a spreadsheet reads it as typed.
    let rounded: f64 = format!("{x:.prec$e}", prec = CSV_SIGNIFICANT_DIGITS - 1)
        .parse()
        .unwrap_or(x);
    format!("{rounded}")
}

/// The projection: one row per component and year, then the year's total.
/// Each header names its unit and price basis: growth and weights at
/// constant 2010 prices, structure at current prices, levels in billion VND
/// at either.
pub fn projection(
    loaded: &LoadedScenario,
    p: &Projection,
    lang: Lang,
) -> Result<String, ReportError> {
    let header = [
        "year",
        "component",
        "name",
        "growth_2010_prices_pct",
        "weight_2010_prices_pct",
        "contribution_pp",
        "share_of_increase_pct",
        "price_growth_pct",
        "share_current_prices_pct",
        "level_2010_prices_bn_vnd",
        "level_current_prices_bn_vnd",
    ];
    let mut rows = Vec::new();
    for y in &p.years {
        for (i, c) in y.components.iter().enumerate() {
            rows.push(vec![
                y.year.to_string(),
                c.id.clone(),
                lang.component_name(loaded, i).to_string(),
                csv_num(Some(c.growth_pct)),
                csv_num(Some(c.weight_pct)),
                csv_num(Some(c.contribution_pp)),
                csv_num(c.share_of_increase_pct),
                csv_num(c.price_growth_pct),
                csv_num(c.share_current_pct),
                csv_num(c.constant_bn_vnd),
                csv_num(c.current_bn_vnd),
            ]);
        }
        rows.push(vec![
            y.year.to_string(),
            "total".into(),
            lang.labels().total.to_string(),
            csv_num(Some(y.growth_pct)),
            csv_num(Some(100.0)),
            csv_num(Some(y.growth_pct)),
            String::new(),
            csv_num(y.deflator_growth_pct),
            csv_num(y.grdp_current_bn_vnd.map(|_| 100.0)),
            csv_num(y.grdp_constant_bn_vnd),
            csv_num(y.grdp_current_bn_vnd),
        ]);
    }
    csv_text(&header, &rows)
}

/// The audit in long format: one row per figure, `check,year,status,figure,value`.
pub fn audit(checks: &[Check]) -> Result<String, ReportError> {
    let mut rows = Vec::new();
    for c in checks {
        let value = serde_json::to_value(c)?;
        let mut figures = Vec::new();
        flatten("", &value, &mut figures);
        for (figure, v) in figures {
            if matches!(figure.as_str(), "id" | "year" | "status") {
                continue;
            }
            let text = match v {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Number(n) if n.is_f64() => csv_num(n.as_f64()),
                other => other.to_string(),
            };
            rows.push(vec![
                c.id.as_str().to_string(),
                c.year.to_string(),
                status_word(c.status).to_string(),
                figure,
                text,
            ]);
        }
    }
    csv_text(&["check", "year", "status", "figure", "value"], &rows)
}

/// A check's status as CSV and JSON write it.
fn status_word(s: CheckStatus) -> &'static str {
    match s {
        CheckStatus::Pass => "pass",
        CheckStatus::Warn => "warn",
        CheckStatus::Fail => "fail",
        CheckStatus::Understated => "understated",
    }
}

/// Flattens JSON into `path = value` pairs; arrays of objects with an `id`
/// (or a `year`) are keyed by it: `components.services.price_growth_pct`.
/// The CSV and the workbook's audit tables both read checks this way.
pub(crate) fn flatten<'v>(
    prefix: &str,
    v: &'v serde_json::Value,
    out: &mut Vec<(String, &'v serde_json::Value)>,
) {
    use serde_json::Value;
    let join = |k: &str| {
        if prefix.is_empty() {
            k.to_string()
        } else {
            format!("{prefix}.{k}")
        }
    };
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                flatten(&join(k), x, out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                let key = x
                    .get("id")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .or_else(|| x.get("year").map(|y| y.to_string()))
                    .unwrap_or_else(|| i.to_string());
                match x {
                    Value::Object(m) => {
                        for (k, y) in m {
                            if k != "id" && k != "year" {
                                flatten(&format!("{}.{k}", join(&key)), y, out);
                            }
                        }
                    }
                    other => flatten(&join(&key), other, out),
                }
            }
        }
        other => out.push((prefix.to_string(), other)),
    }
}

/// The simulation: one row per view. Where part of the target year is
/// known (`given`), the last five columns hold it: the part (`Q1`, `H1`,
/// `9M`), its growth on the same period of the year before (percent), the
/// growth the rest of the year needs (percent), the year's growth a draw
/// needs given the part (percent) and the view's probability given it (a
/// fraction); empty otherwise.
pub fn simulation(sim: &Simulation, given: Option<&PartlyKnown>) -> Result<String, ReportError> {
    let header = [
        "view",
        "probability",
        "ci95_low",
        "ci95_high",
        "std_error",
        "mean_pct",
        "sd_pp",
        "p1_pct",
        "p5_pct",
        "p10_pct",
        "p25_pct",
        "p50_pct",
        "p75_pct",
        "p90_pct",
        "p95_pct",
        "p99_pct",
        "expected_shortfall_pp",
        "all_targets_probability",
        "probability_with_optimism_bias",
        "optimism_record_region",
        "scenarios",
        "year_so_far",
        "year_so_far_growth_pct",
        "rest_of_year_needed_pct",
        "year_threshold_given_so_far_pct",
        "probability_given_year_so_far",
    ];
    let rows = sim
        .views
        .iter()
        .map(|v| {
            let r = &v.result;
            let mut row = vec![
                v.view.id.clone(),
                csv_num(Some(r.probability)),
                csv_num(Some(r.probability_ci95[0])),
                csv_num(Some(r.probability_ci95[1])),
                csv_num(Some(r.std_error)),
                csv_num(Some(r.mean_pct)),
                csv_num(Some(r.sd_pp)),
            ];
            row.extend(r.quantiles_pct.values().iter().map(|q| csv_num(Some(*q))));
            row.push(csv_num(r.expected_shortfall_pp));
            row.push(csv_num(r.all_targets_probability));
            row.push(csv_num(v.with_optimism.as_ref().map(|w| w.probability)));
            // Whose record of past shortfalls that probability applies.
            row.push(
                sim.optimism
                    .as_ref()
                    .filter(|_| v.with_optimism.is_some())
                    .map_or_else(String::new, |o| o.region.clone()),
            );
            row.push(r.scenarios.to_string());
            let this = given.and_then(|g| g.view(&v.view.id).map(|w| (g, w)));
            row.push(this.map_or_else(String::new, |(g, _)| g.known.label().to_string()));
            row.push(csv_num(this.map(|(g, _)| g.known_growth_pct)));
            row.push(csv_num(this.map(|(g, _)| g.required_rest_pct)));
            row.push(csv_num(this.map(|(_, w)| w.annual_threshold_pct)));
            row.push(csv_num(this.map(|(_, w)| w.probability)));
            row
        })
        .collect::<Vec<_>>();
    csv_text(&header, &rows)
}

/// The answer of `grdp solve`.
pub fn solve(loaded: &LoadedScenario, a: &Answer, lang: Lang) -> Result<String, ReportError> {
    match a {
        Answer::Component(c) => csv_text(
            &[
                "year",
                "component",
                "name",
                "target_pct",
                "planned_aggregate_pct",
                "planned_growth_pct",
                "required_growth_pct",
                "change_pp",
                "weight_2010_prices_pct",
            ],
            &[vec![
                c.year.to_string(),
                c.component.clone(),
                lang.component_name_of(loaded, &c.component).to_string(),
                csv_num(Some(c.target_pct)),
                csv_num(Some(c.planned_aggregate_pct)),
                csv_num(Some(c.planned_growth_pct)),
                csv_num(Some(c.required_growth_pct)),
                csv_num(Some(c.change_pp)),
                csv_num(Some(c.weight_pct)),
            ]],
        ),
        Answer::Rest(r) => csv_text(
            &[
                "year",
                "held",
                "name",
                "target_pct",
                "held_growth_pct",
                "held_weight_2010_prices_pct",
                "planned_rest_pct",
                "required_rest_pct",
            ],
            &[vec![
                r.year.to_string(),
                r.held.clone(),
                lang.component_name_of(loaded, &r.held).to_string(),
                csv_num(Some(r.target_pct)),
                csv_num(Some(r.held_growth_pct)),
                csv_num(Some(r.held_weight_pct)),
                csv_num(Some(r.planned_rest_pct)),
                csv_num(Some(r.required_rest_pct)),
            ]],
        ),
        Answer::Uniform(u) => csv_text(
            &[
                "year",
                "component",
                "name",
                "target_pct",
                "add_on_pp",
                "planned_growth_pct",
                "required_growth_pct",
            ],
            &u.components
                .iter()
                .map(|c| {
                    vec![
                        u.year.to_string(),
                        c.id.clone(),
                        lang.component_name_of(loaded, &c.id).to_string(),
                        csv_num(Some(u.target_pct)),
                        csv_num(Some(u.add_on_pp)),
                        csv_num(Some(c.planned_growth_pct)),
                        csv_num(Some(c.required_growth_pct)),
                    ]
                })
                .collect::<Vec<_>>(),
        ),
        Answer::Period(p) => {
            let mut rows: Vec<Vec<String>> = p
                .known
                .iter()
                .map(|k| {
                    vec![
                        k.year.to_string(),
                        "known".into(),
                        csv_num(Some(k.growth_pct)),
                    ]
                })
                .collect();
            rows.extend(p.remaining_years.iter().map(|y| {
                vec![
                    y.to_string(),
                    "required".into(),
                    csv_num(Some(p.required_pct)),
                ]
            }));
            csv_text(&["year", "kind", "growth_pct"], &rows)
        }
        Answer::Remaining(r) => csv_text(
            &[
                "year",
                "known",
                "known_growth_pct",
                "known_share_pct",
                "target_pct",
                "required_remaining_pct",
                "required_per_share_point_pp",
                "then_remaining_pct",
                "year_growth_pct",
            ],
            &[vec![
                r.year.to_string(),
                r.known.label().to_string(),
                csv_num(Some(r.known_growth_pct)),
                csv_num(Some(r.known_share_pct)),
                csv_num(r.target_pct),
                csv_num(r.required_remaining_pct),
                csv_num(r.required_per_share_point_pp),
                csv_num(r.then_remaining_pct),
                csv_num(r.year_growth_pct),
            ]],
        ),
    }
}

/// `grdp batch`: one row per region, every figure with its basis and source.
pub fn batch(b: &grdp_study::batch::Batch) -> Result<String, ReportError> {
    use grdp_study::batch::{Basis, RecentSource, RowModel};
    let header = [
        "region",
        "year",
        "target_pct",
        "target_status",
        "target_source",
        "recent_pct",
        "recent_basis",
        "recent_region",
        "recent_source",
        "step_up_pp",
        "model",
        "centre_pct",
        "sd_pp",
        "probability",
        "std_error",
        "outcome_pct",
        "outcome_basis",
        "outcome_region",
        "outcome_source",
        "met",
    ];
    let rows: Vec<Vec<String>> = b
        .rows
        .iter()
        .map(|r| {
            let i = &r.input;
            let (recent_basis, recent_region, recent_source) = match &i.recent {
                RecentSource::Own(f) => (
                    format!("own {}", f.period),
                    f.region.clone(),
                    f.source.clone(),
                ),
                RecentSource::National { year } => (
                    format!("national {year} (assumption: no figure for the region)"),
                    "Việt Nam".into(),
                    String::new(),
                ),
                RecentSource::Scenario { year } => (
                    format!("the scenario's outcome of {year}"),
                    i.region.clone(),
                    String::new(),
                ),
                RecentSource::Unknown => Default::default(),
            };
            let model = match &i.model {
                RowModel::Aggregate => "aggregate".to_string(),
                RowModel::Sectors { sectors, .. } => format!(
                    "sectors: {}",
                    sectors
                        .iter()
                        .map(|s| s.id.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
                RowModel::Scenario { view, .. } => format!("scenario: {view}"),
            };
            let (outcome, basis, region, source) = match &i.outcome {
                Some((f, basis)) => (
                    csv_num(Some(f.value)),
                    match basis {
                        Basis::Same => "same".to_string(),
                        Basis::Merged => "merged (target set before the merger)".to_string(),
                    },
                    f.region.clone(),
                    f.source.clone(),
                ),
                None => Default::default(),
            };
            vec![
                i.region.clone(),
                b.year.to_string(),
                csv_num(Some(i.target.value)),
                i.target.status.clone(),
                i.target.source.clone(),
                csv_num(i.recent_pct),
                recent_basis,
                recent_region,
                recent_source,
                csv_num(r.step_up_pp),
                model,
                csv_num(Some(r.centre_pct)),
                csv_num(Some(r.sd_pp)),
                csv_num(Some(r.probability)),
                csv_num(Some(r.std_error)),
                outcome,
                basis,
                region,
                source,
                r.met.map_or_else(String::new, |m| m.to_string()),
            ]
        })
        .collect();
    csv_text(&header, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Worked by hand: each number rounded to nine significant digits,
    /// trailing zeros dropped, exactly as a reader would write it.
    #[test]
    fn csv_numbers_drop_binary_noise_and_keep_nine_digits() {
        // A deflator of exactly 4.06 % after the arithmetic.
        assert_eq!(csv_num(Some(4.059999999999997)), "4.06");
        assert_eq!(csv_num(Some(0.00044399999999988893)), "0.000444");
        assert_eq!(csv_num(Some(100.0)), "100");
        assert_eq!(csv_num(Some(269781.7381390556)), "269781.738");
        assert_eq!(csv_num(Some(9.475785444214557)), "9.47578544");
        assert_eq!(csv_num(Some(0.000499983556704618)), "0.000499983557");
        assert_eq!(csv_num(Some(-2.372)), "-2.372");
        // A probability of a few in a billion keeps its digits.
        assert_eq!(csv_num(Some(3.84e-9)), "0.00000000384");
        // The residue of arithmetic is zero, never "-0".
        assert_eq!(csv_num(Some(-5.551115123125783e-17)), "0");
        assert_eq!(csv_num(None), "");
        assert_eq!(csv_num(Some(f64::NAN)), "");
    }
}
