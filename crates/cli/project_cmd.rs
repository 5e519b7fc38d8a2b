//! `grdp project`: the projection, year by year, and the targets.

use grdp_core::{Projection, TargetOutcome, TargetStatus};
use grdp_scenario::{ComponentNames, LoadedScenario};
use serde::Serialize;

use crate::args::{CommonArgs, Format};
use crate::output::{csv_num, csv_text, emit, json};
use crate::table::Table;
use grdp_report::Lang;

/// The JSON document of `grdp project` (contract in docs/json.md).
#[derive(Serialize)]
struct ProjectJson<'a> {
    scenario: &'a str,
    base_year: i32,
    components: Vec<ComponentJson<'a>>,
    base: &'a grdp_core::projection::BaseSnapshot,
    years: &'a [grdp_core::YearResult],
    targets: &'a [TargetOutcome],
}

#[derive(Serialize)]
struct ComponentJson<'a> {
    id: &'a str,
    kind: grdp_core::ComponentKind,
    name_en: &'a str,
    name_vi: &'a str,
}

/// The JSON document of `grdp project`.
pub fn document(
    loaded: &LoadedScenario,
    projection: &Projection,
    targets: &[TargetOutcome],
) -> anyhow::Result<serde_json::Value> {
    let s = &loaded.scenario;
    Ok(serde_json::to_value(ProjectJson {
        scenario: &loaded.meta.name,
        base_year: projection.base.year,
        components: s
            .economy()
            .components()
            .iter()
            .zip(&loaded.names)
            .map(|(c, n): (_, &ComponentNames)| ComponentJson {
                id: &c.id,
                kind: c.kind,
                name_en: &n.en,
                name_vi: &n.vi,
            })
            .collect(),
        base: &projection.base,
        years: &projection.years,
        targets,
    })?)
}

pub fn run(args: &CommonArgs) -> anyhow::Result<()> {
    let loaded = crate::args::load(&args.scenario)?;
    let s = &loaded.scenario;
    let projection = s.project();
    check_finite(&projection)?;
    let targets = s.evaluate(&projection);
    let text = match args.format {
        Format::Json => json(&document(&loaded, &projection, &targets)?)?,
        Format::Csv => csv(&loaded, &projection, args.lang())?,
        Format::Table => table(&loaded, &projection, &targets, args.lang()),
    };
    emit(&text, args.output.as_deref())
}

/// Levels that overflow (growth of thousands of percent over a long
/// horizon) must not reach the output as `inf` or `NaN`.
pub fn check_finite(p: &Projection) -> anyhow::Result<()> {
    for y in &p.years {
        let values = [
            Some(y.growth_pct),
            y.grdp_constant_bn_vnd,
            y.grdp_current_bn_vnd,
            y.nominal_growth_pct,
        ];
        if values.iter().flatten().any(|v| !v.is_finite()) {
            anyhow::bail!(
                "the projection overflows in {}: levels grow beyond what a 64-bit number holds; check the plan's growth rates",
                y.year
            );
        }
    }
    Ok(())
}

pub fn csv(loaded: &LoadedScenario, p: &Projection, lang: Lang) -> anyhow::Result<String> {
    let header = [
        "year",
        "component",
        "name",
        "growth_pct",
        "weight_pct",
        "contribution_pp",
        "share_of_increase_pct",
        "price_growth_pct",
        "share_current_pct",
        "constant_bn_vnd",
        "current_bn_vnd",
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

fn table(loaded: &LoadedScenario, p: &Projection, targets: &[TargetOutcome], lang: Lang) -> String {
    let l = lang.labels();
    let mut out = format!("{}: {}\n", l.scenario, lang.scenario_name(loaded));
    let b = &p.base;
    out.push_str(&format!(
        "{} {}: {} {} · {} {}\n",
        l.base_year,
        b.year,
        l.grdp_current_bn_vnd,
        lang.opt(b.grdp_current_bn_vnd, 0),
        l.per_capita_mn_vnd,
        lang.opt(b.grdp_per_capita_mn_vnd, 2),
    ));
    for y in &p.years {
        out.push('\n');
        let mut agg = Table::new([format!("{} {}", l.year, y.year), String::new()]);
        let mut line = |label: &str, value: String| agg.row(vec![label.to_string(), value]);
        line(l.grdp_growth_pct, lang.num(y.growth_pct, 2));
        line(l.nominal_growth_pct, lang.opt(y.nominal_growth_pct, 2));
        line(l.deflator_growth_pct, lang.opt(y.deflator_growth_pct, 2));
        line(l.grdp_current_bn_vnd, lang.opt(y.grdp_current_bn_vnd, 0));
        if y.grdp_constant_bn_vnd.is_some() {
            line(l.grdp_constant_bn_vnd, lang.opt(y.grdp_constant_bn_vnd, 0));
        }
        line(l.population_thousand, lang.opt(y.population_thousand, 2));
        line(l.per_capita_mn_vnd, lang.opt(y.grdp_per_capita_mn_vnd, 2));
        line(l.employed_thousand, lang.opt(y.employed_thousand, 2));
        line(
            l.productivity_mn_vnd,
            lang.opt(y.labour_productivity_mn_vnd, 2),
        );
        line(
            l.productivity_growth_pct,
            lang.opt(y.labour_productivity_growth_pct, 2),
        );
        out.push_str(&agg.render());
        out.push('\n');

        let mut t = Table::new([
            l.component,
            l.growth_pct,
            l.weight_pct,
            l.contribution_pp,
            l.share_of_increase_pct,
            l.price_growth_pct,
            l.share_current_pct,
            l.current_bn_vnd,
        ]);
        for (i, c) in y.components.iter().enumerate() {
            t.row(vec![
                lang.component_name(loaded, i).to_string(),
                lang.num(c.growth_pct, 2),
                lang.num(c.weight_pct, 2),
                lang.num(c.contribution_pp, 2),
                lang.opt(c.share_of_increase_pct, 1),
                lang.opt(c.price_growth_pct, 2),
                lang.opt(c.share_current_pct, 2),
                lang.opt(c.current_bn_vnd, 0),
            ]);
        }
        t.row(vec![
            l.total.to_string(),
            lang.num(y.growth_pct, 2),
            lang.num(100.0, 2),
            lang.num(y.growth_pct, 2),
            String::new(),
            lang.opt(y.deflator_growth_pct, 2),
            lang.opt(y.grdp_current_bn_vnd.map(|_| 100.0), 2),
            lang.opt(y.grdp_current_bn_vnd, 0),
        ]);
        out.push_str(&t.render());
    }
    if !targets.is_empty() {
        out.push('\n');
        out.push_str(&targets_table(loaded, targets, lang));
    }
    out
}

/// A target's label: indicator (and component) with its unit.
pub fn target_label(loaded: &LoadedScenario, t: &grdp_core::Target, lang: Lang) -> String {
    use grdp_core::Indicator as I;
    let l = lang.labels();
    let component = t
        .component
        .as_deref()
        .and_then(|id| loaded.scenario.economy().index_of(id))
        .map(|i| lang.component_name(loaded, i));
    let base = match t.indicator {
        I::GrowthPct if component.is_some() => l.growth_pct,
        I::GrowthPct => l.grdp_growth_pct,
        I::NominalGrowthPct => l.nominal_growth_pct,
        I::DeflatorGrowthPct => l.deflator_growth_pct,
        I::GrdpCurrentBnVnd => l.grdp_current_bn_vnd,
        I::GrdpPerCapitaMnVnd => l.per_capita_mn_vnd,
        I::LabourProductivityMnVnd => l.productivity_mn_vnd,
        I::LabourProductivityGrowthPct => l.productivity_growth_pct,
        I::ShareCurrentPct => l.share_current_pct,
        I::ContributionPp => l.contribution_pp,
    };
    match component {
        Some(c) => format!("{c}: {base}"),
        None => base.to_string(),
    }
}

/// A bound as text: "≥ 9.50", "≤ 5", "113.00 – 115.00".
pub fn bound_text(b: &grdp_core::Bound, lang: Lang, decimals: usize) -> String {
    match (b.min, b.max) {
        (Some(lo), Some(hi)) => format!("{} – {}", lang.num(lo, decimals), lang.num(hi, decimals)),
        (Some(lo), None) => format!("≥ {}", lang.num(lo, decimals)),
        (None, Some(hi)) => format!("≤ {}", lang.num(hi, decimals)),
        (None, None) => String::new(),
    }
}

fn targets_table(loaded: &LoadedScenario, targets: &[TargetOutcome], lang: Lang) -> String {
    let l = lang.labels();
    let mut t =
        Table::new([l.target, l.year, l.bound, l.projected, l.status, l.margin]).text_column(4);
    for o in targets {
        let decimals = if o.target.indicator == grdp_core::Indicator::ShareCurrentPct {
            3
        } else {
            2
        };
        t.row(vec![
            target_label(loaded, &o.target, lang),
            o.target.year.to_string(),
            bound_text(&o.target.bound, lang, decimals),
            lang.opt(o.value, decimals),
            match o.status {
                TargetStatus::Met => l.met,
                TargetStatus::Missed => l.missed,
                TargetStatus::Unknown => l.unknown,
            }
            .to_string(),
            lang.opt(o.margin, decimals),
        ]);
    }
    format!("{}\n{}", l.targets, t.render())
}
