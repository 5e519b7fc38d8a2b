//! Command-line arguments, and turning them into a loaded scenario.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use grdp_scenario::{LoadedScenario, builtin, read_scenario};

/// Project a provincial economy (GRDP) by sector, check whether its growth
/// targets hang together, and solve for what they need.
///
/// With no SCENARIO, every command uses the built-in Cần Thơ 2025 scenario
/// (the city council's draft resolution, December 2024).
#[derive(Debug, Parser)]
#[command(name = "grdp", version, propagate_version = true)]
#[command(
    after_help = "Examples:\n  grdp audit\n  grdp project --lang vi\n  grdp solve --target 9.5 --component services\n\nExit codes: 0 success, 1 bad input or data, 2 usage."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Project GRDP: growth, contributions, structure, per capita, productivity; targets met or missed.
    #[command(
        after_help = "Examples:\n  grdp project\n  grdp project my-province.toml --format csv -o projection.csv\n  grdp project --lang vi"
    )]
    Project(CommonArgs),
    /// Check whether the targets hang together, and what they imply.
    #[command(
        after_help = "Examples:\n  grdp audit\n  grdp audit --format json | jq '.checks[] | {id, status}'\n\nChecks: sector_growth_vs_aggregate, structure_sums_to_100, structure_price_path,\nper_capita, labour_productivity, period_average. Status: pass, warn or fail."
    )]
    Audit(CommonArgs),
    /// Solve for the growth a target needs.
    #[command(
        after_help = "Examples:\n  grdp solve --target 9.5 --component services\n  grdp solve --target 9.5 --uniform\n  grdp solve --period 2021-2025 --average 7.5"
    )]
    Solve(SolveArgs),
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned tables, units in the headers.
    Table,
    /// JSON, as documented in docs/json.md.
    Json,
    /// CSV with a header row.
    Csv,
}

/// Language of names, headers and sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// English.
    En,
    /// Tiếng Việt.
    Vi,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Scenario file (TOML); the built-in Cần Thơ 2025 scenario if omitted.
    pub scenario: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Language of component names and headers.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,
    /// Write to FILE instead of standard output (atomically: all or nothing).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `grdp solve`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("question").required(true).args(["component", "uniform", "period"])))]
pub struct SolveArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Aggregate real GRDP growth target, percent (e.g. 9.5).
    #[arg(long, value_name = "PCT", allow_negative_numbers = true)]
    pub target: Option<f64>,
    /// Solve for this component's growth, the others as planned.
    #[arg(long, value_name = "ID", requires = "target")]
    pub component: Option<String>,
    /// Solve for one add-on to every component's growth.
    #[arg(long, requires = "target")]
    pub uniform: bool,
    /// Year to solve for (default: the first plan year).
    #[arg(long, value_name = "YEAR", conflicts_with = "period")]
    pub year: Option<i32>,
    /// A period, FIRST-LAST (e.g. 2021-2025), for an average growth target.
    #[arg(long, value_name = "FIRST-LAST", requires = "average", conflicts_with = "target", value_parser = parse_period)]
    pub period: Option<(i32, i32)>,
    /// Average real growth over the period, percent a year (geometric).
    #[arg(
        long,
        value_name = "PCT",
        requires = "period",
        allow_negative_numbers = true
    )]
    pub average: Option<f64>,
}

fn parse_period(s: &str) -> Result<(i32, i32), String> {
    let (a, b) = s
        .split_once('-')
        .ok_or_else(|| format!("found `{s}`; expected FIRST-LAST such as 2021-2025"))?;
    let year = |t: &str| {
        t.trim()
            .parse::<i32>()
            .map_err(|_| format!("found `{t}` in `{s}`; expected a year such as 2021"))
    };
    let (first, last) = (year(a)?, year(b)?);
    if last < first {
        return Err(format!(
            "the period {s} ends before it starts; expected FIRST ≤ LAST"
        ));
    }
    Ok((first, last))
}

/// Loads the scenario named on the command line, or the built-in one.
pub fn load(scenario: &Option<PathBuf>) -> anyhow::Result<LoadedScenario> {
    match scenario {
        Some(path) => Ok(read_scenario(path)?),
        None => builtin::can_tho_2025()
            .context("the built-in scenario failed to load (a bug: please report it)"),
    }
}
