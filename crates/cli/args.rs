//! Command-line arguments, and turning them into a loaded scenario.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use grdp_scenario::builtin::{self, Builtin};
use grdp_scenario::{History, LoadedScenario, read_history, read_scenario};
use grdp_study::SimulationOptions;
use grdp_study::calibration::{RecordVintage, has_record, regions_with_record, shortfall_records};

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
        after_help = "Examples:\n  grdp audit\n  grdp audit --format json | jq '.checks[] | {id, status}'\n\nChecks: sector_growth_vs_aggregate, structure_sums_to_100, structure_price_path,\nper_capita, labour_productivity, period_average, investment_icor. Status: pass, warn or fail."
    )]
    Audit(CommonArgs),
    /// Write the briefing: the verdict, up to eleven charts, an offline page, summary.json, CSV tables and an Excel workbook.
    #[command(
        after_help = "Examples:\n  grdp report\n  grdp report --lang vi -o bao-cao\n  grdp report my-province.toml -o my-report --scale 2 -n 200000\n\nThe folder is swapped in whole, never half-written; a rerun replaces only the files an earlier\nreport wrote and keeps every other file. A folder that is not a report needs --force (its files\nare kept too)."
    )]
    Report(ReportArgs),
    /// How likely is the growth target? Monte Carlo over the scenario's `[uncertainty]` block.
    #[command(
        after_help = "Examples:\n  grdp simulate\n  grdp simulate -n 10000000 --seed 7 --threads 2\n  grdp simulate --precision 0.002 --optimism-bias history --format json\n  grdp simulate --target 9.5 --feasibility services --save-draws draws.csv\n\nP(growth ≥ target) counts the target as met when growth equals it (inclusive bound).\nThe same seed gives the same result at any --threads."
    )]
    Simulate(SimulateArgs),
    /// Estimate growth distributions and correlations from history; print an `[uncertainty]` block.
    #[command(
        after_help = "Examples:\n  grdp calibrate --region vietnam --exclude 2020,2021 --scale-to can_tho\n  grdp calibrate my-history.csv --region my_province --format json"
    )]
    Calibrate(CalibrateArgs),
    /// Constant-price weights from a statistics release (contributions, shares of the increase, or levels and price indices): a ready `[base]` block.
    #[command(
        after_help = "Examples:\n  grdp derive --region can_tho --period 2022\n  grdp derive my-release.csv --region tra_vinh --period 2024 --rest product_taxes\n\nThe release is the history file's rows of one region and period (docs/scenario-format.md#derived-weights):\ngrowth_pct with contribution_pp or share_of_increase_pct, or current_bn_vnd with deflator_index;\na `total` row's growth_pct is the published aggregate the weights are checked against."
    )]
    Derive(DeriveArgs),
    /// How grdp's probabilities would have fared: past targets and outcomes, year by year.
    #[command(
        after_help = "Examples:\n  grdp backtest\n  grdp backtest --sd 1.5 --format json\n\nA first, aggregate version: each year's growth normal around a view's centre (plan: the\ntarget; recent: last year's growth; plan_less_shortfall: the target less the median earlier\nshortfall), one spread for every year."
    )]
    Backtest(BacktestArgs),
    /// Every region's growth target at once: last year's growth, the step-up, P(target) and the outcome, from a provincial table.
    #[command(
        after_help = "Examples:\n  grdp batch\n  grdp batch --chart provinces.png --format csv -o provinces.csv\n  grdp batch my-provinces.csv --year 2026 --sd-from cantho --format json\n  grdp batch my-scenarios/ --chart neighbours.png\n\nThe table is a history file (region,period,component,indicator,value,...): each region's\ngrowth_target_min_pct for the year, and where known last year's growth_pct, sector growth with\ncontribution_pp or share_current_pct, and the year's outcome. The built-in table is\ndata/provinces/provinces.csv (Resolution 25/NQ-CP's 2025 targets of 54 provinces).\nA folder of scenario files gives one row a file: its own model, its preferred view.\nThe same seed gives the same table at any --threads."
    )]
    Batch(BatchArgs),
    /// Combine several provinces' base years into one, for a merger whose own figures are not yet published.
    #[command(
        after_help = "Examples:\n  grdp combine can-tho.toml hau-giang.toml soc-trang.toml -o merged-base.toml\n\nEach file is a scenario with the same components and base year, and current-price levels.\nConstant-price levels are summed where every file gives them; otherwise the weights are\naveraged with current-price GRDP (an assumption, said in the output)."
    )]
    Combine(CombineArgs),
    /// List the built-in scenarios, or print one as a starting file for your own.
    #[command(
        after_help = "Examples:\n  grdp scenarios\n  grdp scenarios cantho-2026 -o my-province.toml\n  grdp report --builtin cantho-2026"
    )]
    Scenarios(ScenariosArgs),
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
    /// An Excel workbook (needs `-o FILE.xlsx`): the same tables, numbers
    /// as numbers, units in the headers.
    Xlsx,
}

/// Output format of a command that writes no CSV or workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableOrJson {
    /// Aligned tables, units in the headers.
    Table,
    /// JSON, as documented in docs/json.md.
    Json,
}

/// Output format of a command that writes no workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableJsonCsv {
    /// Aligned tables, units in the headers.
    Table,
    /// JSON, as documented in docs/json.md.
    Json,
    /// CSV with a header row.
    Csv,
}

/// The language the command line asks for (`--lang vi`, `--lang=vi`),
/// read from the raw arguments: messages about the arguments themselves
/// are written before they are parsed.
/// Arguments that are not Unicode (a file name in a legacy encoding) are
/// passed over, never a panic; the scan stops at `--`, after which
/// everything is a file name; the last `--lang` counts, as for clap.
pub fn requested_lang() -> grdp_report::Lang {
    let args: Vec<std::ffi::OsString> = std::env::args_os()
        .skip(1)
        .take_while(|a| a != "--")
        .collect();
    let mut lang = grdp_report::Lang::En;
    for (i, a) in args.iter().enumerate() {
        let value = match a.to_str() {
            Some("--lang") => args.get(i + 1).and_then(|v| v.to_str()),
            Some(other) => other.strip_prefix("--lang="),
            None => None,
        };
        match value {
            Some("vi") => lang = grdp_report::Lang::Vi,
            Some("en") => lang = grdp_report::Lang::En,
            _ => {}
        }
    }
    lang
}

/// A message in the language the command line asks for: `vi` under
/// `--lang vi`, else `en`. For what is said before or beside the report's
/// own text (the flags' errors), which `Lang` does not reach.
pub fn in_lang(en: String, vi: String) -> String {
    match requested_lang() {
        grdp_report::Lang::Vi => vi,
        grdp_report::Lang::En => en,
    }
}

/// Language of names, headers and sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Tiếng Việt.
    Vi,
}

impl From<LangArg> for grdp_report::Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::En => grdp_report::Lang::En,
            LangArg::Vi => grdp_report::Lang::Vi,
        }
    }
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Scenario file (TOML); the built-in Cần Thơ 2025 scenario if omitted.
    pub scenario: Option<PathBuf>,
    /// A built-in scenario by name instead of a file (`grdp scenarios` lists them).
    #[arg(long, value_name = "NAME", conflicts_with = "scenario", value_parser = parse_builtin)]
    pub builtin: Option<&'static Builtin>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Language of component names and headers.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Write to FILE instead of standard output (whole or not at all; `-` is standard output).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// What a release gives of the target year so far, for `simulate` and
/// `report` alike.
#[derive(Debug, Args)]
pub struct YearSoFarArgs {
    /// What a release gives of the target year so far, cumulated from
    /// January on the same period of the year before, percent: Q1=7.15,
    /// H1=7.4 or 9M=7.5 (default: the scenario's `[known]`, where given).
    #[arg(long, value_name = "PART=PCT", value_parser = parse_known)]
    pub known: Option<(grdp_study::solve::KnownPart, f64)>,
    /// With --known: the year before's quarter shares at constant prices,
    /// percent, Q1,Q2,Q3,Q4 (default: the scenario's, else equal).
    #[arg(long, value_name = "Q1,Q2,Q3,Q4", value_parser = parse_share, value_delimiter = ',')]
    pub quarter_shares: Option<Vec<f64>>,
    /// With --known (or what the scenario knows of the year): the spread
    /// of the rest of the year's growth over the year's (default: from
    /// independent quarters, 2 with one quarter left).
    #[arg(long, value_name = "RATIO", value_parser = parse_ratio)]
    pub rest_spread: Option<f64>,
}

/// `grdp solve`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("question").required(true).args(["component", "uniform", "all_but", "period", "remaining"])))]
pub struct SolveArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Aggregate real GRDP growth target, percent (e.g. 9.5); default: the
    /// scenario's growth target for the year (its lower bound).
    #[arg(long, value_name = "PCT", allow_negative_numbers = true, value_parser = parse_pct)]
    pub target: Option<f64>,
    /// Solve for this component's growth, the others as planned.
    #[arg(long, value_name = "ID")]
    pub component: Option<String>,
    /// Solve for one add-on to every component's growth.
    #[arg(long)]
    pub uniform: bool,
    /// Solve for the combined growth of every component but this one,
    /// this one as planned (e.g. --all-but agriculture: the economy
    /// outside agriculture).
    #[arg(long, value_name = "ID", conflicts_with_all = ["component", "uniform"])]
    pub all_but: Option<String>,
    /// What the rest of the year needs, given growth known so far, cumulated
    /// from January as releases print it: Q1=7.15, H1=7.87 or 9M=7.39
    /// (percent on the same period of the year before).
    #[arg(long, value_name = "PART=PCT", value_parser = parse_known, conflicts_with_all = ["component", "uniform", "all_but"])]
    pub remaining: Option<(grdp_study::solve::KnownPart, f64)>,
    /// With --remaining: the base year's quarter shares of GRDP at constant
    /// prices, percent, Q1,Q2,Q3,Q4 (default: equal, 25 each).
    #[arg(long, value_name = "Q1,Q2,Q3,Q4", value_parser = parse_share, value_delimiter = ',', requires = "remaining")]
    pub quarter_shares: Option<Vec<f64>>,
    /// With --remaining: what the year comes to if the rest grows this much, percent.
    #[arg(long, value_name = "PCT", allow_negative_numbers = true, value_parser = parse_pct, requires = "remaining")]
    pub then: Option<f64>,
    /// Year to solve for (default: the first plan year).
    #[arg(long, value_name = "YEAR", conflicts_with = "period", value_parser = parse_year)]
    pub year: Option<i32>,
    /// A period, FIRST-LAST (e.g. 2021-2025), for an average growth target.
    #[arg(long, value_name = "FIRST-LAST", requires = "average", conflicts_with = "target", value_parser = parse_period)]
    pub period: Option<(i32, i32)>,
    /// Average real growth over the period, percent a year (geometric).
    #[arg(
        long,
        value_name = "PCT",
        requires = "period",
        allow_negative_numbers = true,
        value_parser = parse_pct
    )]
    pub average: Option<f64>,
}

/// The notes on a fraction typed for a percent in `--target` and
/// `--known` (`simulate` and `report` take both).
pub fn note_target_and_known(
    target: Option<f64>,
    known: Option<(grdp_study::solve::KnownPart, f64)>,
) {
    let known_flag = known.map(|(part, _)| format!("--known {}=", part.label()));
    note_fractions(&[
        ("--target", target, "%"),
        (
            known_flag.as_deref().unwrap_or_default(),
            known.map(|(_, v)| v),
            "%",
        ),
    ]);
}

/// `--quarter-shares` as the year before's shares, where given: four
/// shares summing to 100.
pub fn quarter_shares(
    given: Option<&[f64]>,
) -> Result<Option<grdp_study::partly_known::QuarterShares>, crate::UsageError> {
    match given {
        Some([a, b, c, d]) => grdp_study::partly_known::QuarterShares::new([*a, *b, *c, *d])
            .map(Some)
            .map_err(|e| {
                let vi = match &e {
                    grdp_study::ModelError::QuarterSharesDoNotSumTo100 {
                        sum_pct,
                        tolerance_pct,
                    } => format!(
                        "tổng các tỷ trọng là {}%; cần bằng 100% (chênh lệch không quá {} điểm phần trăm, mức sai số tối đa khi bốn tỷ trọng được làm tròn đến một chữ số thập phân): có tỷ trọng nào gõ nhầm không?",
                        format!("{sum_pct:.2}").replace('.', ","),
                        format!("{tolerance_pct}").replace('.', ",")
                    ),
                    other => other.to_string(),
                };
                crate::UsageError(in_lang(
                    format!("--quarter-shares: {e}"),
                    format!("--quarter-shares: {vi}"),
                ))
            }),
        Some(other) => Err(crate::UsageError(in_lang(
            format!(
                "--quarter-shares takes four shares, Q1,Q2,Q3,Q4; found {}",
                other.len()
            ),
            format!(
                "--quarter-shares cần bốn tỷ trọng, Q1,Q2,Q3,Q4; gặp {}",
                other.len()
            ),
        ))),
        None => Ok(None),
    }
}

/// Prints the [`fraction_notes`] of `given` on standard error, before
/// the run (which goes on).
pub fn note_fractions(given: &[(&str, Option<f64>, &str)]) {
    for note in fraction_notes(given) {
        crate::say(note);
    }
}

/// The notes for options given in percent (`--target 0.095`) or
/// percentage points whose value looks like a fraction typed for a
/// percent: `(flag, value, unit)`, `unit` "%" or "pp". A growth rate or
/// target above 0 and below 1 %, or a spread below 0.1 pp, is
/// read as written, with a note that says how 9.5 % is written: the run
/// goes on, since such a value can be meant.
fn fraction_notes(given: &[(&str, Option<f64>, &str)]) -> Vec<String> {
    given
        .iter()
        .filter_map(|&(flag, value, unit)| {
            let v = value?;
            // Positive values only: no one means a fall of 50 % by -0.5.
            let suspicious = if unit == "pp" {
                v > 0.0 && v < 0.1
            } else {
                v > 0.0 && v < 1.0
            };
            suspicious.then(|| {
                // 0.095 × 100 is 9.500000000000002 in binary: shown as 9.5.
                let meant = (v * 100.0 * 1e9).round() / 1e9;
                // `--known Q1=` takes its value after the sign.
                let sep = if flag.ends_with('=') { "" } else { " " };
                in_lang(
                    format!(
                        "note: {flag}{sep}{v} is read as {v} {unit}; if {meant} {unit} was meant (a fraction typed for a percent), write {flag}{sep}{meant}"
                    ),
                    {
                        // The prose in Vietnamese numbers; the flag as typed.
                        let vi_num = |x: f64| x.to_string().replace('.', ",");
                        let unit_vi = if unit == "pp" { " điểm %" } else { unit };
                        format!(
                            "lưu ý: {flag}{sep}{v} được hiểu là {}{unit_vi}; nếu muốn nói {}{unit_vi} (gõ tỷ lệ thay cho phần trăm), hãy ghi {flag}{sep}{meant}",
                            vi_num(v),
                            vi_num(meant)
                        )
                    },
                )
            })
        })
        .collect()
}

/// A growth rate in percent: finite, with a decimal point.
fn parse_pct(s: &str) -> Result<f64, String> {
    match percent_number(s)? {
        // Below −100 % an economy would have less than nothing; above
        // 1,000 % (elevenfold in a year) a figure is a slip, not a plan.
        Some(v) if v > -100.0 && v <= 1000.0 => Ok(v),
        Some(_) => Err(in_lang(
            format!(
                "found `{s}`; expected a growth rate in percent above -100 and at most 1000, such as 9.5"
            ),
            format!(
                "gặp `{s}`; cần tốc độ tăng trưởng tính bằng phần trăm, lớn hơn -100 và không quá 1000, ví dụ `9.5`"
            ),
        )),
        None => Err(in_lang(
            format!("found `{s}`; expected a growth rate in percent, such as 9.5"),
            format!("gặp `{s}`; cần tốc độ tăng trưởng tính bằng phần trăm, ví dụ `9.5`"),
        )),
    }
}

/// A number given in percent, before its range is checked: a decimal comma
/// or a percent sign is an error that says how to write it; `None` where it
/// is no finite number. −0 is read as 0, which is what was meant.
fn percent_number(s: &str) -> Result<Option<f64>, String> {
    let t = s.trim();
    let vi = requested_lang() == grdp_report::Lang::Vi;
    decimal_comma(s)?;
    if let Some(number) = t.strip_suffix('%') {
        return Err(if vi {
            format!("`{s}`: hãy ghi số không kèm dấu phần trăm: {number}")
        } else {
            format!("found `{s}`; write the number without the percent sign: {number}")
        });
    }
    Ok(t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(|v| v + 0.0))
}

/// A number typed with a decimal comma (`9,5`), refused with the way to
/// write it, in the language asked for: the page itself writes 9,5 in
/// Vietnamese, so it is the likeliest slip on the command line.
fn decimal_comma(s: &str) -> Result<(), String> {
    let t = s.trim();
    if !t.contains(',') {
        return Ok(());
    }
    let point = t.replace(',', ".");
    Err(if requested_lang() == grdp_report::Lang::Vi {
        format!("`{s}` có dấu phẩy thập phân; trên dòng lệnh hãy dùng dấu chấm: `{point}`")
    } else {
        format!("found `{s}`, a decimal comma; write {point} (a decimal point)")
    })
}

/// A quarter's share of the year, percent: above 0 and below 100.
fn parse_share(s: &str) -> Result<f64, String> {
    let t = s.trim();
    if t.contains(';') {
        return Err(in_lang(
            format!("found `{s}`; separate the four shares with commas: 23,24,25,28"),
            format!("gặp `{s}`; hãy ngăn cách bốn tỷ trọng bằng dấu phẩy: `23,24,25,28`"),
        ));
    }
    let Some(v) = percent_number(t)? else {
        return Err(in_lang(
            format!("found `{s}`; expected a quarter's share of the year in percent, such as 25"),
            format!(
                "gặp `{s}`; cần tỷ trọng của một quý trong cả năm, tính bằng phần trăm, ví dụ `25`"
            ),
        ));
    };
    if v > 0.0 && v < 100.0 {
        Ok(v)
    } else {
        Err(in_lang(
            format!(
                "found {v}; expected a quarter's share of the year in percent, above 0 and below 100"
            ),
            format!(
                "gặp {v}; cần tỷ trọng của một quý trong cả năm, tính bằng phần trăm, lớn hơn 0 và nhỏ hơn 100"
            ),
        ))
    }
}

/// A positive ratio, such as the rest of the year's spread over the year's.
fn parse_ratio(s: &str) -> Result<f64, String> {
    decimal_comma(s)?;
    match s.trim().parse::<f64>() {
        Ok(v) if (0.01..=100.0).contains(&v) => Ok(v),
        _ => Err(in_lang(
            format!(
                "found `{s}`; expected a ratio between 0.01 and 100, such as 2 (the rest twice as volatile as the year)"
            ),
            format!(
                "gặp `{s}`; cần một tỷ số từ 0.01 đến 100, ví dụ `2` (phần còn lại của năm biến động gấp đôi cả năm)"
            ),
        )),
    }
}

/// A spread of one year's growth, percentage points: above 0, at most 50.
fn parse_sd_pp(s: &str) -> Result<f64, String> {
    decimal_comma(s)?;
    match s.trim().parse::<f64>() {
        Ok(v) if v > 0.0 && v <= 50.0 => Ok(v),
        _ => Err(in_lang(
            format!(
                "found `{s}`; expected a spread in percentage points, above 0 and at most 50, such as 2.4"
            ),
            format!(
                "gặp `{s}`; cần độ lệch chuẩn tính bằng điểm phần trăm, lớn hơn 0 và không quá 50, ví dụ `2.4`"
            ),
        )),
    }
}

/// Growth known for part of a year: `9M=7.39`, `H1=7.87`, `Q1=7.15`.
fn parse_known(s: &str) -> Result<(grdp_study::solve::KnownPart, f64), String> {
    let (part, pct) = s.split_once('=').ok_or_else(|| {
        in_lang(
            format!("found `{s}`; expected PART=PCT, such as 9M=7.39 (parts: Q1, H1, 9M)"),
            format!("gặp `{s}`; cần dạng KỲ=PCT, ví dụ `9M=7.39` (kỳ: Q1, H1, 9M)"),
        )
    })?;
    let part = grdp_study::solve::KnownPart::parse(part).ok_or_else(|| {
        in_lang(
            format!("found `{part}`; expected Q1, H1 or 9M (growth cumulated from January)"),
            format!("gặp `{part}`; cần Q1, H1 hoặc 9M (tăng trưởng lũy kế từ đầu năm)"),
        )
    })?;
    Ok((part, parse_pct(pct)?))
}

/// A seed of the random numbers: a whole number from 0 to 2⁶⁴ − 1.
fn parse_seed(s: &str) -> Result<u64, String> {
    s.trim().parse::<u64>().map_err(|_| {
        in_lang(
            format!(
                "found `{s}`; expected a whole number from 0 to 18446744073709551615, such as 42"
            ),
            format!("gặp `{s}`; cần một số nguyên từ 0 đến 18446744073709551615, ví dụ `42`"),
        )
    })
}

/// A number of draws: a whole number, written out (1000000) or in
/// scientific notation (1e6).
fn parse_scenarios(s: &str) -> Result<u64, String> {
    let t = s.trim().replace('_', "");
    // No draws answer nothing: refused here, for every command alike
    // (`batch` had named an internal setting and a province at random).
    if t.parse::<f64>() == Ok(0.0) {
        return Err(in_lang(
            format!("found {s}; expected at least 1 draw"),
            format!("gặp {s}; cần ít nhất 1 lần mô phỏng"),
        ));
    }
    if let Ok(n) = t.parse::<u64>() {
        return Ok(n);
    }
    let vi = requested_lang() == grdp_report::Lang::Vi;
    let (found, expected) = if vi {
        (
            "nhận",
            "cần số lần mô phỏng là một số nguyên, ví dụ `1000000` hoặc `1e6`",
        )
    } else {
        (
            "found",
            "expected a whole number of draws, such as 1000000 or 1e6",
        )
    };
    let (at_least, too_many, not_whole, separators) = if vi {
        (
            ", ít nhất 1",
            ", nhiều hơn mọi lần chạy cần",
            ", không phải số nguyên",
            " (không dùng dấu phân cách hàng nghìn)",
        )
    } else {
        (
            ", at least 1",
            ", more than any run takes",
            ", not a whole number",
            " (no thousands separators)",
        )
    };
    match t.parse::<f64>() {
        Ok(v) if v < 0.0 => Err(format!("{found} {s}; {expected}{at_least}")),
        Ok(v) if v.fract() == 0.0 && v <= 1e18 => Ok(v as u64),
        Ok(v) if v.fract() == 0.0 || v > 1e18 => Err(format!("{found} {s}{too_many}; {expected}")),
        Ok(_) => Err(format!("{found} {s}{not_whole}; {expected}")),
        Err(_) if t.contains([',', '.']) => Err(format!("{found} {s}; {expected}{separators}")),
        Err(_) => Err(format!("{found} {s}; {expected}")),
    }
}

/// A half-width of a 95 % interval on a probability: in (0, 0.5).
fn parse_probability(s: &str) -> Result<f64, String> {
    let t = s.trim();
    decimal_comma(s)?;
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(in_lang(
            format!("found `{s}`; expected a half-width of the 95% interval on P, such as 0.005"),
            format!(
                "gặp `{s}`; cần nửa độ rộng của khoảng tin cậy 95% của xác suất, ví dụ `0.005`"
            ),
        )),
    }
}

/// The most worker threads a run takes: eight a core (more only slow it down).
pub fn max_threads() -> u16 {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    u16::try_from(8 * cores).unwrap_or(u16::MAX)
}

/// A number of worker threads, from 1 to [`max_threads`].
fn parse_threads(s: &str) -> Result<u16, String> {
    let most = max_threads();
    match s.trim().parse::<u64>() {
        Ok(n) if (1..=u64::from(most)).contains(&n) => Ok(n as u16),
        _ => Err(in_lang(
            format!(
                "found {s}; expected from 1 to {most} (eight a core on this machine; results do not depend on it)"
            ),
            format!(
                "gặp {s}; cần từ 1 đến {most} (tám luồng mỗi nhân trên máy này; kết quả không phụ thuộc vào số luồng)"
            ),
        )),
    }
}

/// The calendar years a scenario file may name (grdp-scenario refuses
/// others); a period or a batch's year on the command line keeps to them
/// too, so a period's length stays a handful of years and the year before
/// is a year.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A chart scale: a whole number from 1 to 4.
fn parse_scale(s: &str) -> Result<u32, String> {
    match s.trim().parse::<u32>() {
        Ok(n) if (1..=4).contains(&n) => Ok(n),
        _ => Err(in_lang(
            format!(
                "found `{s}`; expected a whole number from 1 to 4 (1 for 1200 × 750, 2 for print)"
            ),
            format!("gặp `{s}`; cần một số nguyên từ 1 đến 4 (1 cho 1200 × 750, 2 để in)"),
        )),
    }
}

/// A calendar year within [`YEARS`].
fn parse_year(s: &str) -> Result<i32, String> {
    match s.trim().parse::<i32>() {
        Ok(y) if YEARS.contains(&y) => Ok(y),
        _ => Err(in_lang(
            format!(
                "found `{s}`; expected a calendar year between {} and {}, such as 2025",
                YEARS.start(),
                YEARS.end()
            ),
            format!(
                "gặp `{s}`; cần một năm từ {} đến {}, ví dụ `2025`",
                YEARS.start(),
                YEARS.end()
            ),
        )),
    }
}

fn parse_period(s: &str) -> Result<(i32, i32), String> {
    // Documents write periods with an en dash (2021–2025): read it as the
    // hyphen it stands for.
    let (a, b) = s.split_once(['-', '–', '—']).ok_or_else(|| {
        in_lang(
            format!("found `{s}`; expected FIRST-LAST such as 2021-2025"),
            format!("gặp `{s}`; cần dạng NĂM_ĐẦU-NĂM_CUỐI, ví dụ `2021-2025`"),
        )
    })?;
    let year = |t: &str| {
        let y = t.trim().parse::<i32>().map_err(|_| {
            in_lang(
                format!("found `{t}` in `{s}`; expected a year such as 2021"),
                format!("gặp `{t}` trong `{s}`; cần một năm, ví dụ `2021`"),
            )
        })?;
        if YEARS.contains(&y) {
            Ok(y)
        } else {
            Err(in_lang(
                format!(
                    "found {y} in `{s}`; expected a calendar year between {} and {}",
                    YEARS.start(),
                    YEARS.end()
                ),
                format!(
                    "gặp {y} trong `{s}`; cần một năm từ {} đến {}",
                    YEARS.start(),
                    YEARS.end()
                ),
            ))
        }
    };
    let (first, last) = (year(a)?, year(b)?);
    if last < first {
        return Err(in_lang(
            format!("the period {s} ends before it starts; expected FIRST ≤ LAST"),
            format!("giai đoạn {s} kết thúc trước khi bắt đầu; cần năm đầu ≤ năm cuối"),
        ));
    }
    Ok((first, last))
}

impl CommonArgs {
    /// The chosen language.
    pub fn lang(&self) -> grdp_report::Lang {
        self.lang.into()
    }

    /// The files the command reads (no output may replace them).
    pub fn inputs(&self) -> Vec<&std::path::Path> {
        self.scenario.as_deref().into_iter().collect()
    }
}

/// A built-in scenario's name, e.g. `cantho-2026`.
fn parse_builtin(s: &str) -> Result<&'static Builtin, String> {
    builtin::by_name(s.trim()).ok_or_else(|| {
        let names: Vec<&str> = builtin::ALL.iter().map(|b| b.name).collect();
        in_lang(
            format!(
                "no built-in scenario is called {s:?}; expected one of {} (`grdp scenarios` lists them)",
                names.join(", ")
            ),
            format!(
                "không có kịch bản có sẵn nào tên {s:?}; cần một trong: {} (`grdp scenarios` liệt kê các kịch bản)",
                names.join(", ")
            ),
        )
    })
}

/// The built-in scenario a command runs on: the one named by `--builtin`,
/// or the default when no file is given either; `None` for a file.
pub fn builtin_of(
    scenario: &Option<PathBuf>,
    named: Option<&'static Builtin>,
) -> Option<&'static Builtin> {
    match (scenario, named) {
        (Some(_), _) => None,
        (None, Some(b)) => Some(b),
        (None, None) => Some(&builtin::ALL[0]),
    }
}

/// How messages name the scenario of a command line: its file, or the
/// built-in scenario's name.
pub fn scenario_label(scenario: &Option<PathBuf>, named: Option<&'static Builtin>) -> String {
    match (scenario, builtin_of(scenario, named)) {
        (Some(path), _) => path.display().to_string(),
        (None, Some(b)) => format!("the built-in scenario {}", b.name),
        (None, None) => String::new(),
    }
}

/// What a scenario naming no record of its own should do to get one: add
/// `history_region` to its file (a built-in scenario is written out first).
fn how_to_name_a_record(scenario: &Option<PathBuf>, named: Option<&'static Builtin>) -> String {
    match (scenario, builtin_of(scenario, named)) {
        (Some(path), _) => in_lang(
            format!(
                "add history_region = \"can_tho\" (a region of the history) under [scenario] in {} if the scenario is that area's",
                path.display()
            ),
            format!(
                "thêm history_region = \"can_tho\" (một địa phương trong chuỗi số liệu) vào mục [scenario] của {} nếu kịch bản là của địa phương đó",
                path.display()
            ),
        ),
        (None, Some(b)) => in_lang(
            format!(
                "the built-in scenario {name} names none: write it out with `grdp scenarios {name} -o FILE`, add history_region under [scenario] if that area's record applies, and run on the file",
                name = b.name
            ),
            format!(
                "kịch bản có sẵn {name} không nêu địa phương nào: ghi ra tệp bằng `grdp scenarios {name} -o TỆP`, thêm history_region vào mục [scenario] nếu số liệu của địa phương đó phù hợp, rồi chạy với tệp này",
                name = b.name
            ),
        ),
        (None, None) => String::new(),
    }
}

/// The scenario's own record in `history` (`history_name` in messages):
/// its `history_region`, which must be a region of the history with at
/// least two years of a growth target and an outcome of its total.
pub fn own_region<'a>(
    loaded: &'a LoadedScenario,
    scenario: &Option<PathBuf>,
    named: Option<&'static Builtin>,
    history: &History,
    history_name: &str,
) -> anyhow::Result<Option<&'a str>> {
    let Some(region) = loaded.meta.history_region.as_deref() else {
        return Ok(None);
    };
    check_region(
        region,
        history,
        history_name,
        &format!(
            "{}: [scenario] history_region = \"{region}\"",
            scenario_label(scenario, named)
        ),
    )?;
    Ok(Some(region))
}

/// Checks that `region` (`what` in messages) has a record in `history`
/// (`history_name`): two years or more with both a growth target and an
/// outcome of its total. The error lists the regions that have one, and
/// names a near miss (another case or spacing).
pub fn check_region(
    region: &str,
    history: &History,
    history_name: &str,
    what: &str,
) -> anyhow::Result<()> {
    if has_record(history, region) {
        return Ok(());
    }
    let regions = regions_with_record(history);
    let near = regions
        .iter()
        .find(|r| r.trim().to_lowercase() == region.trim().to_lowercase());
    let built_in = history_name == BUILT_IN_HISTORY;
    let listed = regions.join(", ");
    anyhow::bail!(in_lang(
        format!(
            "{what} has no record in {history_name}{}: a record needs two years or more with both a growth target (growth_target_min_pct) and an outcome (growth_pct) of the region's total, vintage latest; regions that have one: {}{}",
            near.map(|r| format!(" (did you mean \"{r}\"?)"))
                .unwrap_or_default(),
            if regions.is_empty() { "none" } else { &listed },
            if built_in {
                "; an area's own history is given with --history FILE"
            } else {
                ""
            }
        ),
        format!(
            "{what} không có chuỗi chỉ tiêu và kết quả thực hiện trong {}{}: cần ít nhất hai năm có cả chỉ tiêu tăng trưởng (growth_target_min_pct) và kết quả thực hiện (growth_pct) của toàn địa phương (total), bản số liệu `latest` (mới nhất); các địa phương có chuỗi này: {}{}",
            history_name_vi(history_name),
            near.map(|r| format!(" (có phải là \"{r}\"?)"))
                .unwrap_or_default(),
            if regions.is_empty() {
                "không có"
            } else {
                &listed
            },
            if built_in {
                "; chuỗi số liệu riêng của một địa phương được nêu bằng --history TỆP"
            } else {
                ""
            }
        ),
    ))
}

/// Loads the scenario named on the command line: a file, a built-in one by
/// name, or the default built-in one.
pub fn load(
    scenario: &Option<PathBuf>,
    named: Option<&'static Builtin>,
) -> anyhow::Result<LoadedScenario> {
    let loaded = match (scenario, builtin_of(scenario, named)) {
        (Some(path), _) => read_scenario(path)?,
        (None, Some(b)) => b.load().with_context(|| {
            in_lang(
                format!(
                    "the built-in scenario {} failed to load (a bug: please report it)",
                    b.name
                ),
                format!(
                    "không đọc được kịch bản có sẵn {} (lỗi của chương trình: xin hãy báo lại)",
                    b.name
                ),
            )
        })?,
        (None, None) => unreachable!("builtin_of gives a built-in scenario when no file is named"),
    };
    // What loads but probably is not what was meant: said before any output.
    for w in &loaded.warnings {
        crate::say(warning_line(w));
    }
    Ok(loaded)
}

/// A scenario's warning as the command line prints it, in the language
/// asked for. The warning names its file.
pub fn warning_line(w: &grdp_scenario::Warning) -> String {
    let vi = requested_lang() == grdp_report::Lang::Vi;
    let word = if vi { "cảnh báo" } else { "warning" };
    format!("{word}: {}", w.display_in(vi))
}

/// A region named on the command line, as grdp compares region names
/// (trimmed, Unicode NFC: [`grdp_scenario::region_name`]).
fn region_arg(s: &str) -> Result<String, String> {
    let name = grdp_scenario::region_name(s);
    if name.is_empty() {
        return Err(in_lang(
            "empty; expected a region of the history, e.g. can_tho".into(),
            "trống; cần tên một địa phương trong chuỗi số liệu, ví dụ can_tho".into(),
        ));
    }
    Ok(name)
}

/// Refuses a list that names an id twice (`--view plan,plan`).
pub fn refuse_repeats(flag: &str, ids: &[String]) -> anyhow::Result<()> {
    for (i, id) in ids.iter().enumerate() {
        if ids[..i].contains(id) {
            return Err(crate::UsageError(in_lang(
                format!("{flag} names `{id}` twice; expected each once"),
                format!("{flag} nêu `{id}` hai lần; mỗi giá trị chỉ nêu một lần"),
            ))
            .into());
        }
    }
    Ok(())
}

/// Loads the history named on the command line, or the built-in one, with
/// how to name it in outputs.
pub fn load_history(path: &Option<PathBuf>) -> anyhow::Result<(History, String)> {
    Ok(match path {
        Some(p) => (read_history(p)?, p.display().to_string()),
        None => (
            builtin::history().with_context(|| {
                in_lang(
                    "the built-in history failed to load (a bug)".into(),
                    "không đọc được chuỗi số liệu có sẵn trong chương trình (lỗi của chương trình)"
                        .into(),
                )
            })?,
            BUILT_IN_HISTORY.to_string(),
        ),
    })
}

/// How outputs name the built-in history.
const BUILT_IN_HISTORY: &str = "data/history.csv (built-in)";

/// A history's name as [`load_history`] gives it, for a message in
/// Vietnamese: the built-in one is "có sẵn trong chương trình" (outputs keep
/// the English name, so that a file written is the same in either language).
pub fn history_name_vi(name: &str) -> String {
    if name == BUILT_IN_HISTORY {
        "data/history.csv (có sẵn trong chương trình)".to_string()
    } else {
        name.to_string()
    }
}

/// Output of `grdp calibrate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CalibrateFormat {
    /// A block for a scenario file, with the estimates as comments.
    Toml,
    /// Every estimate, as JSON.
    Json,
}

/// `grdp calibrate`.
#[derive(Debug, Args)]
pub struct CalibrateArgs {
    /// History file (CSV: region,period,component,indicator,value,...); the built-in one if omitted.
    pub history: Option<PathBuf>,
    /// Region whose sector growth is estimated.
    #[arg(long, default_value = "can_tho", value_parser = region_arg)]
    pub region: String,
    /// Components to estimate, comma separated (default: every one the region has).
    #[arg(long, value_delimiter = ',')]
    pub components: Option<Vec<String>>,
    /// First year to use.
    #[arg(long)]
    pub from: Option<i32>,
    /// Last year to use.
    #[arg(long)]
    pub to: Option<i32>,
    /// Years to leave out, comma separated (e.g. the pandemic: 2020,2021).
    #[arg(long, value_delimiter = ',')]
    pub exclude: Vec<i32>,
    /// Scale the standard deviations to this region's volatility: the ratio
    /// of its aggregate growth SD to the region's, over their common years.
    #[arg(long, value_name = "REGION", value_parser = region_arg)]
    pub scale_to: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CalibrateFormat::Toml)]
    pub format: CalibrateFormat,
    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the messages (errors and warnings); the block written
    /// is the same in either.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
}

/// Whether to add the record of planning optimism to every draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OptimismBias {
    /// No.
    None,
    /// Resample the region's past outcome − target shortfalls (from the history) into every year of every draw.
    History,
}

/// Which estimate of past outcomes the record of shortfalls uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RecordVintageArg {
    /// The outcomes as finally measured (revised where they were revised).
    Latest,
    /// The outcomes as first estimated: what planners saw when they set the next target.
    FirstEstimate,
}

impl From<RecordVintageArg> for RecordVintage {
    fn from(v: RecordVintageArg) -> Self {
        match v {
            RecordVintageArg::Latest => RecordVintage::Latest,
            RecordVintageArg::FirstEstimate => RecordVintage::FirstEstimate,
        }
    }
}

/// `grdp simulate`.
#[derive(Debug, Args)]
pub struct SimulateArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Draws: simulated paths of the economy (the most, with --precision).
    /// `--scenarios` is the older name.
    #[arg(
        short = 'n',
        long = "draws",
        alias = "scenarios",
        default_value_t = 1_000_000,
        value_name = "N",
        allow_negative_numbers = true,
        value_parser = parse_scenarios
    )]
    pub scenarios: u64,
    /// Seed of the random numbers (the same seed gives the same result).
    #[arg(long, default_value_t = 42, allow_negative_numbers = true, value_parser = parse_seed)]
    pub seed: u64,
    /// Worker threads (default: every core). Results do not depend on it.
    #[arg(long, value_parser = parse_threads)]
    pub threads: Option<u16>,
    /// Stop once the 95% interval on P is this narrow (half-width, e.g. 0.005).
    #[arg(long, value_name = "HALF_WIDTH", value_parser = parse_probability)]
    pub precision: Option<f64>,
    /// Aggregate growth target, percent (default: the scenario's).
    #[arg(long, value_name = "PCT", allow_negative_numbers = true, value_parser = parse_pct)]
    pub target: Option<f64>,
    /// Year of the target (default: the scenario's target year).
    #[arg(long, value_parser = parse_year)]
    pub year: Option<i32>,
    /// Only these views (ids, comma separated); default: every view.
    #[arg(long, value_delimiter = ',')]
    pub view: Option<Vec<String>>,
    /// Add the record of planning optimism to every draw and report P with and without it.
    #[arg(long, value_enum, default_value_t = OptimismBias::None)]
    pub optimism_bias: OptimismBias,
    /// History file for --optimism-bias (default: the built-in one).
    #[arg(long, value_name = "FILE")]
    pub history: Option<PathBuf>,
    /// Region of the record in the history (default: the scenario's own,
    /// its `history_region`, as `cantho-2025` names `can_tho`).
    #[arg(long, value_name = "REGION", value_parser = region_arg)]
    pub history_region: Option<String>,
    /// Which estimate of past outcomes the record uses (both are shown).
    #[arg(long, value_enum, default_value_t = RecordVintageArg::Latest)]
    pub record_vintage: RecordVintageArg,
    /// The view whose probability is the answer (default: the scenario's choice).
    #[arg(long, value_name = "ID")]
    pub preferred_view: Option<String>,
    /// Component whose centre the feasibility curve varies (default: the largest).
    #[arg(long, value_name = "ID")]
    pub feasibility: Option<String>,
    /// Component whose required growth is reported (default: the largest).
    #[arg(long, value_name = "ID")]
    pub required: Option<String>,
    #[command(flatten)]
    pub year_so_far: YearSoFarArgs,
    /// Write every draw of the first view (target year) to this CSV file
    /// (`-`: standard output, when the table has a file of its own).
    #[arg(long, value_name = "FILE")]
    pub save_draws: Option<PathBuf>,
    /// No progress bar.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// `grdp derive`.
#[derive(Debug, Args)]
pub struct DeriveArgs {
    /// History file holding the release (CSV: region,period,component,indicator,value,...); the built-in one if omitted.
    pub history: Option<PathBuf>,
    /// Region of the release, as in the history (e.g. can_tho).
    #[arg(long, value_parser = region_arg)]
    pub region: String,
    /// Period of the release, as in the history (e.g. 2022, or 2025-9M).
    #[arg(long)]
    pub period: String,
    /// A component the release leaves out (e.g. product_taxes), filled in
    /// from the published total: contribution = total − listed, weight =
    /// 100 − listed weights (an assumption, said in the output).
    #[arg(long, value_name = "ID")]
    pub rest: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CalibrateFormat::Toml)]
    pub format: CalibrateFormat,
    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the messages (errors and warnings); the block written
    /// is the same in either.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
}

/// `grdp backtest`.
#[derive(Debug, Args)]
pub struct BacktestArgs {
    /// History file (CSV); the built-in one if omitted.
    pub history: Option<PathBuf>,
    /// Region whose record is scored.
    #[arg(long, default_value = "can_tho", value_parser = region_arg)]
    pub region: String,
    /// Which estimate of past outcomes.
    #[arg(long, value_enum, default_value_t = RecordVintageArg::Latest)]
    pub record_vintage: RecordVintageArg,
    /// Spread of one year's growth, percentage points (default: the
    /// built-in scenario's simulated spread of its target year, plan view).
    #[arg(long, value_name = "PP", value_parser = parse_sd_pp)]
    pub sd: Option<f64>,
    /// Draws of the built-in scenario's views (its spread, and where the
    /// 2025 outcome falls): the report's default, so the page's figures
    /// are these.
    #[arg(
        short = 'n',
        long = "draws",
        default_value_t = 1_000_000,
        value_name = "N",
        allow_negative_numbers = true,
        value_parser = parse_scenarios
    )]
    pub draws: u64,
    /// Seed of those draws.
    #[arg(long, default_value_t = 42, allow_negative_numbers = true, value_parser = parse_seed)]
    pub seed: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    pub format: TableOrJson,
    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the table.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
}

/// Where the batch's spread of one-year-ahead errors comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SpreadFrom {
    /// Vietnam's record: one-year changes of national GDP growth (built-in history).
    National,
    /// Cần Thơ's record of last year's growth as a forecast (the backtest's `recent` view).
    Cantho,
}

/// `grdp batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The provincial table (a history file, CSV), or a folder of scenario
    /// files (one .toml a region, each under its own model); the built-in
    /// table if omitted.
    pub table: Option<PathBuf>,
    /// The year of the targets.
    #[arg(long, default_value_t = 2025, value_parser = parse_year)]
    pub year: i32,
    /// Where the spread comes from (ignored with --sd).
    #[arg(long, value_enum, default_value_t = SpreadFrom::National)]
    pub sd_from: SpreadFrom,
    /// The spread of one year's growth, percentage points, stated.
    #[arg(long, value_name = "PP", value_parser = parse_sd_pp)]
    pub sd: Option<f64>,
    /// Draws per region.
    #[arg(
        short = 'n',
        long = "draws",
        default_value_t = 1_000_000,
        value_name = "N",
        allow_negative_numbers = true,
        value_parser = parse_scenarios
    )]
    pub draws: u64,
    /// Seed of the random numbers (the same draws for every region).
    #[arg(long, default_value_t = 42, allow_negative_numbers = true, value_parser = parse_seed)]
    pub seed: u64,
    /// Worker threads (default: every core). Results do not depend on it.
    #[arg(long, value_parser = parse_threads)]
    pub threads: Option<u16>,
    /// History with the national series (the spread, and last year's
    /// growth where a region has none); the built-in one if omitted.
    #[arg(long, value_name = "FILE")]
    pub history: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableJsonCsv::Table)]
    pub format: TableJsonCsv,
    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also draw the chart of every region to this PNG file.
    #[arg(long, value_name = "FILE.png")]
    pub chart: Option<PathBuf>,
    /// Language of the table and chart.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
}

/// `grdp combine`.
#[derive(Debug, Args)]
pub struct CombineArgs {
    /// The provinces' scenario files (TOML), two or more.
    #[arg(required = true, num_args = 2.., value_name = "SCENARIO")]
    pub scenarios: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CalibrateFormat::Toml)]
    pub format: CalibrateFormat,
    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Language of the messages (errors and warnings); the block written
    /// is the same in either.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
}

/// `grdp scenarios`.
#[derive(Debug, Args)]
pub struct ScenariosArgs {
    /// The built-in scenario to print (TOML, every figure with its source);
    /// without it, the list.
    #[arg(value_name = "NAME", value_parser = parse_builtin)]
    pub name: Option<&'static Builtin>,
    /// Write to FILE instead of standard output (whole or not at all).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists (it may be a scenario you have edited).
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Language of the list and the messages (the scenario printed is the
    /// same in either).
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
}

/// `grdp report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Scenario file (TOML); the built-in Cần Thơ 2025 scenario if omitted.
    pub scenario: Option<PathBuf>,
    /// A built-in scenario by name instead of a file (`grdp scenarios` lists them).
    #[arg(long, value_name = "NAME", conflicts_with = "scenario", value_parser = parse_builtin)]
    pub builtin: Option<&'static Builtin>,
    /// The report folder.
    #[arg(
        short = 'o',
        long = "output",
        value_name = "DIR",
        default_value = "grdp-report"
    )]
    pub output: PathBuf,
    /// Language of every label and sentence.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Draws (simulated paths) per view. `--scenarios` is the older name.
    #[arg(
        short = 'n',
        long = "draws",
        alias = "scenarios",
        default_value_t = 1_000_000,
        value_name = "N",
        allow_negative_numbers = true,
        value_parser = parse_scenarios
    )]
    pub scenarios: u64,
    /// Seed of the random numbers.
    #[arg(long, default_value_t = 42, allow_negative_numbers = true, value_parser = parse_seed)]
    pub seed: u64,
    /// Worker threads (default: every core). Results do not depend on it.
    #[arg(long, value_parser = parse_threads)]
    pub threads: Option<u16>,
    /// Aggregate growth target whose chance the briefing leads with,
    /// percent (default: the scenario's).
    #[arg(long, value_name = "PCT", allow_negative_numbers = true, value_parser = parse_pct)]
    pub target: Option<f64>,
    /// Year of that target (default: the scenario's target year).
    #[arg(long, value_parser = parse_year)]
    pub year: Option<i32>,
    /// Add the record of past shortfalls and show P with and without it
    /// (default: history where the scenario names its own record with
    /// `history_region`, as `cantho-2025` does; none otherwise).
    #[arg(long, value_enum)]
    pub optimism_bias: Option<OptimismBias>,
    /// Which estimate of past outcomes the record uses (both are shown).
    #[arg(long, value_enum, default_value_t = RecordVintageArg::Latest)]
    pub record_vintage: RecordVintageArg,
    /// History file holding the scenario's own record (its
    /// `history_region`): past targets and outcomes (default: the built-in
    /// one, data/history.csv).
    #[arg(long, value_name = "FILE")]
    pub history: Option<PathBuf>,
    /// Provincial table (CSV, the history format) for the comparison with
    /// the neighbours the scenario names in its compare block (default:
    /// the built-in one, data/provinces/provinces.csv).
    #[arg(long, value_name = "FILE")]
    pub provinces: Option<PathBuf>,
    /// The view whose probability is the answer (default: the scenario's choice).
    #[arg(long, value_name = "ID")]
    pub preferred_view: Option<String>,
    /// Who issues the briefing, printed under its title (default: the scenario's `issuer`).
    #[arg(long, value_name = "TEXT")]
    pub issuer: Option<String>,
    #[command(flatten)]
    pub year_so_far: YearSoFarArgs,
    /// Pixel scale of the charts: 1 for 1200 × 750, 2 for print.
    #[arg(long, default_value_t = 1, value_parser = parse_scale)]
    pub scale: u32,
    /// Write into a folder that is not an earlier grdp report (its files are kept).
    #[arg(long)]
    pub force: bool,
    /// No progress bar.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

impl SimulateArgs {
    /// The history `given` (already read by the caller: a pipe can be read
    /// only once), or the one `--history` names, read now into `read`.
    fn history_or_read<'a>(
        &self,
        given: Option<&'a (History, String)>,
        read: &'a mut Option<(History, String)>,
    ) -> anyhow::Result<&'a (History, String)> {
        Ok(match given {
            Some(h) => h,
            None => read.insert(load_history(&self.history)?),
        })
    }

    /// What to tell the user when `--history-region` applies a record that
    /// is not the scenario's own area's (`own_region`, its
    /// `history_region`, looked up in the history): a record of past
    /// shortfalls is an area's own. Said once every option has been
    /// checked, just before the run.
    pub fn borrowed_record_note(
        &self,
        own_region: Option<&str>,
        history: Option<&(History, String)>,
    ) -> anyhow::Result<Option<String>> {
        if self.optimism_bias != OptimismBias::History {
            return Ok(None);
        }
        let Some(flag) = self.history_region.as_deref() else {
            return Ok(None);
        };
        let applies = in_lang(
            format!("note: --history-region {flag} applies {flag}'s record of past shortfalls"),
            format!(
                "lưu ý: --history-region {flag} dùng mức hụt chỉ tiêu trong quá khứ của {flag}"
            ),
        );
        Ok(match own_region {
            Some(own) if own == flag => None,
            Some(own) => {
                let mut read = None;
                let (history, name) = self.history_or_read(history, &mut read)?;
                Some(if has_record(history, own) {
                    in_lang(
                        format!(
                            "{applies}; the scenario's own area is {own} ([scenario] history_region)"
                        ),
                        format!(
                            "{applies}; địa bàn của kịch bản là {own} ([scenario] history_region)"
                        ),
                    )
                } else {
                    in_lang(
                        format!(
                            "{applies}; the scenario's own area, {own} ([scenario] history_region), has no record in {name}"
                        ),
                        format!(
                            "{applies}; địa bàn của kịch bản, {own} ([scenario] history_region), không có số liệu trong {name}"
                        ),
                    )
                })
            }
            None => Some(in_lang(
                format!(
                    "{applies} to a scenario that names no area of its own ([scenario] history_region)"
                ),
                format!(
                    "{applies} cho một kịch bản không nêu địa bàn của mình ([scenario] history_region)"
                ),
            )),
        })
    }

    /// The study's simulation options; `own_region` is the scenario's own
    /// record in the history (its `history_region`), if it names one, and
    /// `history` the history already read for it (read here otherwise: a
    /// history given as a pipe can be read only once).
    pub fn simulation_options(
        &self,
        own_region: Option<&str>,
        history: Option<&(History, String)>,
    ) -> anyhow::Result<SimulationOptions> {
        let common = &self.common;
        if let Some(views) = &self.view {
            refuse_repeats("--view", views)?;
        }
        for (given, flag) in [
            (self.history.is_some(), "--history"),
            (self.history_region.is_some(), "--history-region"),
        ] {
            if given && self.optimism_bias == OptimismBias::None {
                return Err(crate::UsageError(in_lang(
                    format!(
                        "{flag} is read only for the record of past shortfalls; add --optimism-bias history, or drop {flag}"
                    ),
                    format!(
                        "{flag} chỉ dùng cho mức hụt chỉ tiêu trong quá khứ; thêm --optimism-bias history, hoặc bỏ {flag}"
                    ),
                ))
                .into());
            }
        }
        let optimism = match self.optimism_bias {
            OptimismBias::None => None,
            OptimismBias::History => {
                let Some(region) = self.history_region.as_deref().or(own_region) else {
                    let how = how_to_name_a_record(&common.scenario, common.builtin);
                    return Err(crate::UsageError(in_lang(
                        format!(
                            "--optimism-bias history needs the area's own record of past targets and outcomes, and the scenario names none: {how}; or name a region of the history with --history-region"
                        ),
                        format!(
                            "--optimism-bias history cần chuỗi chỉ tiêu và kết quả thực hiện trong quá khứ của chính địa phương, nhưng kịch bản chưa nêu địa phương (`history_region`): {how}; hoặc nêu một địa phương trong chuỗi số liệu bằng --history-region"
                        ),
                    ))
                    .into());
                };
                let mut read = None;
                let (history, history_name) = self.history_or_read(history, &mut read)?;
                if let Some(flag) = &self.history_region {
                    check_region(
                        flag,
                        history,
                        history_name,
                        &format!("--history-region {flag}"),
                    )?;
                }
                Some(
                    shortfall_records(history, region, self.record_vintage.into())
                        .map_err(crate::errors::in_flags)?,
                )
            }
        };
        Ok(SimulationOptions {
            scenarios: self.scenarios,
            seed: self.seed,
            threads: self.threads.map(usize::from),
            precision: self.precision,
            target_pct: self.target,
            target_year: self.year,
            views: self.view.clone(),
            optimism,
            feasibility_component: self.feasibility.clone(),
            required_component: self.required.clone(),
            preferred_view: self.preferred_view.clone(),
        })
    }
}

impl ReportArgs {
    /// The study's simulation options: every view, the scenario's target
    /// (or `--target` and `--year`), and the record of past shortfalls of `region` (the scenario's
    /// `history_region`) in `history`.
    pub fn simulation_options(
        &self,
        history: &History,
        region: Option<&str>,
    ) -> anyhow::Result<SimulationOptions> {
        if self.history.is_some() && region.is_none() {
            let how = how_to_name_a_record(&self.scenario, self.builtin);
            return Err(crate::UsageError(in_lang(
                format!(
                    "--history is read for the scenario's own record of past targets and outcomes, and the scenario names none: {how}; or drop --history"
                ),
                format!(
                    "--history dùng cho chuỗi chỉ tiêu và kết quả thực hiện trong quá khứ của chính địa phương, nhưng kịch bản chưa nêu địa phương (`history_region`): {how}; hoặc bỏ --history"
                ),
            ))
            .into());
        }
        // A record is the area's own or none: Cần Thơ's is not another
        // province's, nor the merged city's (on another basis).
        let default = if region.is_some() {
            OptimismBias::History
        } else {
            OptimismBias::None
        };
        let optimism = match (self.optimism_bias.unwrap_or(default), region) {
            (OptimismBias::None, _) => None,
            (OptimismBias::History, Some(region)) => Some(
                shortfall_records(history, region, self.record_vintage.into())
                    .map_err(crate::errors::in_flags)?,
            ),
            (OptimismBias::History, None) => {
                let how = how_to_name_a_record(&self.scenario, self.builtin);
                return Err(crate::UsageError(in_lang(
                    format!(
                        "--optimism-bias history needs the area's own record of past targets and outcomes, and the scenario names none: {how}; or drop --optimism-bias"
                    ),
                    format!(
                        "--optimism-bias history cần chuỗi chỉ tiêu và kết quả thực hiện trong quá khứ của chính địa phương, nhưng kịch bản chưa nêu địa phương (`history_region`): {how}; hoặc bỏ --optimism-bias"
                    ),
                ))
                .into());
            }
        };
        Ok(SimulationOptions {
            scenarios: self.scenarios,
            seed: self.seed,
            threads: self.threads.map(usize::from),
            optimism,
            preferred_view: self.preferred_view.clone(),
            target_pct: self.target,
            target_year: self.year,
            ..SimulationOptions::default()
        })
    }
}
