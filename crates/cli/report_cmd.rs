//! `grdp report`: the briefing, written atomically as a folder.

use anyhow::Context;
use grdp_report::{ReportInput, RunMeta, ViewInput, charts, html, write_report_dir};
use grdp_scenario::builtin;

use crate::args::{CommonArgs, Format, ReportArgs, SimulateArgs};

pub fn run(args: &ReportArgs) -> anyhow::Result<()> {
    let loaded = crate::args::load(&args.scenario)?;
    let lang: grdp_report::Lang = args.lang.into();
    let s = &loaded.scenario;
    let projection = s.project();
    crate::project_cmd::check_finite(&projection)?;
    let targets = s.evaluate(&projection);
    let audit = s.audit(&projection);
    let sim_args = SimulateArgs {
        common: CommonArgs {
            scenario: args.scenario.clone(),
            format: Format::Json,
            lang: args.lang,
            output: None,
        },
        scenarios: args.scenarios,
        seed: args.seed,
        threads: args.threads,
        precision: None,
        target: None,
        year: None,
        view: None,
        optimism_bias: args.optimism_bias,
        history: None,
        history_region: "can_tho".into(),
        feasibility: None,
        required: None,
        save_draws: None,
        quiet: args.quiet,
    };
    let outcome = crate::simulate_cmd::run_views(&loaded, &sim_args)?;

    // History of aggregate growth: the scenario's outcomes, and for the
    // built-in scenario the longer record of data/history.csv.
    let builtin_scenario = args.scenario.is_none();
    let mut history_growth: Vec<(i32, f64)> = s
        .outcomes()
        .iter()
        .map(|o| (o.year, o.growth_pct))
        .collect();
    let mut published = None;
    if builtin_scenario {
        let h = builtin::history().context("the built-in history failed to load (a bug)")?;
        for (y, g) in h.annual("can_tho", "total", "growth_pct") {
            if !history_growth.iter().any(|(y2, _)| *y2 == y) {
                history_growth.push((y, g));
            }
        }
        // The latest year in which every component's contribution was published.
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
        published = years.into_iter().rev().find_map(|y| {
            let c: Option<Vec<f64>> = ids
                .iter()
                .map(|id| h.latest("can_tho", &y.to_string(), id, "contribution_pp"))
                .collect();
            c.map(|c| (y, c))
        });
    }
    history_growth.sort_by_key(|h| h.0);
    history_growth.retain(|(y, _)| *y <= projection.base.year);

    let input = ReportInput {
        loaded: &loaded,
        projection: &projection,
        target_outcomes: &targets,
        audit: &audit,
        views: outcome
            .views
            .iter()
            .map(|v| ViewInput {
                id: &v.id,
                name: v.name.clone(),
                result: &v.result,
                with_optimism: v.with_optimism_bias.as_ref(),
            })
            .collect(),
        history_growth,
        published_contributions: published,
        meta: RunMeta {
            seed: outcome.metadata.seed,
            scenarios: outcome.metadata.scenarios,
            version: outcome.metadata.version.to_string(),
        },
        lang,
        scale: args.scale,
    };
    let charts = charts::all(&input)?;
    let tables = [
        "summary.json",
        "projection.csv",
        "audit.csv",
        "simulation.csv",
    ];
    let page = html::page(&input, &charts, &tables);
    let summary = serde_json::json!({
        "simulation": serde_json::to_value(crate::simulate_cmd::document(&loaded, &outcome))?,
        "projection": crate::project_cmd::document(&loaded, &projection, &targets)?,
        "audit": crate::audit_cmd::document(&loaded, &audit, lang)?,
    });
    let mut files: Vec<(String, Vec<u8>)> = charts
        .into_iter()
        .map(|c| (c.file.to_string(), c.png))
        .collect();
    files.push(("index.html".into(), page.into_bytes()));
    files.push((
        "summary.json".into(),
        (serde_json::to_string_pretty(&summary)? + "\n").into_bytes(),
    ));
    files.push((
        "projection.csv".into(),
        crate::project_cmd::csv(&loaded, &projection, lang)?.into_bytes(),
    ));
    files.push((
        "audit.csv".into(),
        crate::audit_cmd::csv(&audit.checks)?.into_bytes(),
    ));
    files.push((
        "simulation.csv".into(),
        crate::simulate_cmd::csv(&outcome)?.into_bytes(),
    ));
    write_report_dir(&args.output, files.into_iter().map(Ok), args.force)?;
    if !args.quiet {
        eprintln!("wrote {}", args.output.join("index.html").display());
    }
    Ok(())
}
