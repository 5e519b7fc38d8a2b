//! `grdp-report`: what people read, rendered from a [`Study`].
//!
//! - [`render`]: the briefing's files: eight PNG charts ([`charts`], drawn
//!   with plotters in the embedded DejaVu Sans, [`font`]), the offline page
//!   ([`html`]), `summary.json` and the CSV tables.
//! - [`write::write_report_dir`]: the folder, written atomically.
//! - [`documents`]: the JSON documents of every command (docs/json.md) and
//!   the `[uncertainty]` block of `grdp calibrate`.
//! - [`tables`]: the CSV tables; [`terminal`]: the plain-text tables.
//! - [`lang`], [`text`] and [`findings`]: every word of every table, chart,
//!   page and finding, in English and Vietnamese: one vocabulary.
//!
//! ```no_run
//! use grdp_study::{Study, StudyOptions, SimulationOptions};
//!
//! let loaded = grdp_scenario::builtin::can_tho_2025()?;
//! let options = StudyOptions { simulation: Some(SimulationOptions::default()), ..Default::default() };
//! let study = Study::run(&loaded, &options, Default::default())?;
//! let options = grdp_report::ReportOptions::new(grdp_report::Lang::Vi, grdp_report::CivilDate::from_unix(0));
//! let files = grdp_report::render(&study, &options)?;
//! grdp_report::write_report_dir("bao-cao".as_ref(), files.into_iter().map(Ok), false)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod charts;
pub mod documents;
mod figure_words;
pub mod findings;
pub mod font;
pub mod html;
pub mod lang;
pub mod tables;
pub mod terminal;
pub mod text;
pub mod workbook;
pub mod write;

use std::path::PathBuf;

use grdp_core::{Audit, Projection, TargetOutcome};
use grdp_montecarlo::SimResult;
use grdp_scenario::LoadedScenario;
use grdp_study::Study;

pub use lang::Lang;

/// The provincial table's status of a growth figure a province's People's
/// Committee gave and the statistics office's table lacks: the chart and
/// the page say it in words and mark it apart.
pub(crate) const PEOPLES_COMMITTEE_ESTIMATE: &str =
    "estimate (the province's People's Committee; not in the statistics office's table)";

/// Whether a provincial table's status is a People's Committee's figure
/// (a province's or a city's), which the chart marks apart from the
/// statistics office's.
pub(crate) fn is_peoples_committee(status: &str) -> bool {
    status.contains("People's Committee")
}
pub use write::write_report_dir;

/// Why a report, a document or a table could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// The study has no simulation: a report needs one.
    #[error("the study has no simulation; a report needs one")]
    NoSimulation,
    /// Drawing a chart failed.
    #[error("drawing a chart failed")]
    Draw(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The embedded font could not be read (a bug: it is compiled in).
    #[error("the embedded font could not be read")]
    Font,
    /// A result the chart needs is missing or does not fit the scenario.
    #[error("{0}")]
    Inconsistent(String),
    /// Encoding a chart as PNG failed.
    #[error("encoding a chart as PNG failed")]
    Png(#[from] png::EncodingError),
    /// Serialising a document failed.
    #[error("writing JSON failed")]
    Json(#[from] serde_json::Error),
    /// Writing a CSV table failed.
    #[error("writing CSV failed")]
    Csv(#[from] csv::Error),
    /// Writing the Excel workbook failed.
    #[error("writing the Excel workbook failed: {0}")]
    Xlsx(String),
    /// The output's folder does not exist.
    #[error("cannot write {}: the folder {} does not exist", path.display(), parent.display())]
    NoParent {
        /// The output (a file, or the report folder).
        path: PathBuf,
        /// Its folder.
        parent: PathBuf,
    },
    /// The output is a symbolic link to nothing.
    #[error("cannot write {}: it is a link to {}, which does not exist", path.display(), to.display())]
    DanglingLink {
        /// The output.
        path: PathBuf,
        /// Where the link points.
        to: PathBuf,
    },
    /// What should be the output's folder is a file.
    #[error("cannot write {}: {} is a file, not a folder", path.display(), parent.display())]
    ParentIsAFile {
        /// The output (a file, or the report folder).
        path: PathBuf,
        /// What names its folder.
        parent: PathBuf,
    },
    /// The report folder names a file.
    #[error("{} is a file; expected a folder name for the report (or remove the file)", path.display())]
    IsAFile {
        /// The path.
        path: PathBuf,
    },
    /// The report folder names a device, pipe or socket, or the process's
    /// own standard output or error, which a folder of files cannot go to.
    #[error("{} is a device, pipe or socket, or standard output, not a folder: a report is a folder of files; name a folder for it with -o", path.display())]
    IsAStream {
        /// The path.
        path: PathBuf,
    },
    /// The folder exists, holds files, and is not an earlier grdp report.
    #[error(
        "{} exists, holds files and is not an earlier grdp report; choose another folder (its files would be kept, but a report is not written into someone else's folder unasked)",
        path.display()
    )]
    NotAReport {
        /// The folder.
        path: PathBuf,
    },
    /// The report would write over a file an earlier report did not write.
    #[error(
        "{} holds {file}, which no grdp report wrote, and the report would replace it; rename or move it first",
        path.display()
    )]
    WouldReplaceForeign {
        /// The folder.
        path: PathBuf,
        /// The file.
        file: String,
    },
    /// An output path names a folder where a file is expected.
    #[error(
        "cannot write {}: it names a folder; expected a file name such as {}",
        path.display(),
        path.join("out.txt").display()
    )]
    IsAFolder {
        /// The path.
        path: PathBuf,
    },
    /// An output path names one of the inputs.
    #[error(
        "refusing to write {}: it is the input {}, which the output would replace; choose another output name",
        output.display(),
        input.display()
    )]
    OutputIsInput {
        /// The output path given.
        output: PathBuf,
        /// The input it names.
        input: PathBuf,
    },
    /// A report file name that could escape the folder.
    #[error("refusing the file name `{0}` in a report")]
    BadFileName(String),
    /// A folder a report run left beside the report (hidden, its name
    /// starting `.grdp-report-`) could not be tidied away. It is named, so
    /// that nothing in it is lost.
    #[error(
        "cannot tidy {} ({what}) beside the report {}; {advice}",
        leftover.display(),
        target.display(),
        what = kind.what(),
        advice = kind.advice()
    )]
    Leftover {
        /// The report folder.
        target: PathBuf,
        /// The folder left beside it.
        leftover: PathBuf,
        /// What it holds.
        kind: Leftover,
        /// Why it could not be tidied.
        source: std::io::Error,
    },
    /// Reading or writing a file failed.
    #[error("cannot write {}", path.display())]
    Io {
        /// What was being written.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// What a folder left beside a report holds ([`ReportError::Leftover`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leftover {
    /// A new report, built in part by a run that was interrupted: only
    /// files a report writes.
    HalfBuilt,
    /// The earlier report, set aside while a new one took its place: the
    /// files it wrote, and any of the user's not yet moved into the new one.
    SetAside,
}

impl Leftover {
    fn what(self) -> &'static str {
        match self {
            Self::HalfBuilt => "a report half-built by an interrupted run",
            Self::SetAside => "the earlier report, set aside while the new one took its place",
        }
    }

    fn advice(self) -> &'static str {
        match self {
            Self::HalfBuilt => "it holds only files a report writes: remove it, then run again",
            Self::SetAside => {
                "files in it that no report wrote are your own: move them into the report folder, then remove it"
            }
        }
    }
}

/// One view's simulation, as the report shows it.
pub struct ViewInput<'a> {
    /// Short id.
    pub id: &'a str,
    /// Display name, in the report's language.
    pub name: String,
    /// Its result.
    pub result: &'a SimResult,
    /// Its result with the record of past shortfalls added, where run.
    pub with_optimism: Option<&'a SimResult>,
    /// The record was not added: the view already subtracts a shortfall.
    pub optimism_overlaps: bool,
}

/// Run metadata printed on every chart.
pub struct RunMeta {
    /// The seed.
    pub seed: u64,
    /// Scenarios per view.
    pub scenarios: u64,
    /// grdp's version.
    pub version: String,
}

/// A calendar date (proleptic Gregorian), for the date a briefing is issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CivilDate {
    /// The year.
    pub year: i32,
    /// The month, 1-12.
    pub month: u8,
    /// The day, 1-31.
    pub day: u8,
}

impl CivilDate {
    /// The UTC date of a Unix time (seconds since 1970-01-01), by Howard
    /// Hinnant's days-to-civil algorithm.
    pub fn from_unix(seconds: i64) -> Self {
        let z = seconds.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }
}

/// How a report is made: its language, its charts' scale, when and by whom
/// it is issued.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportOptions {
    /// Language of every word.
    pub lang: Lang,
    /// Pixel scale of the charts: 1 for 1200 × 750. Each chart also has a
    /// phone copy, 480 logical pixels wide, drawn at least at scale 2.
    pub scale: u32,
    /// The date the briefing is issued.
    pub date: CivilDate,
    /// Who issues it; the scenario's `issuer` where `None`.
    pub issuer: Option<String>,
}

impl ReportOptions {
    /// A report in `lang` issued on `date`, charts at scale 1, issuer from
    /// the scenario.
    pub fn new(lang: Lang, date: CivilDate) -> Self {
        Self {
            lang,
            scale: 1,
            date,
            issuer: None,
        }
    }
}

/// Everything a report is drawn from: a study, seen in one language.
pub struct ReportInput<'a> {
    /// The scenario, with names and provenance.
    pub loaded: &'a LoadedScenario,
    /// Its projection.
    pub projection: &'a Projection,
    /// Its targets, evaluated.
    pub target_outcomes: &'a [TargetOutcome],
    /// Its audit.
    pub audit: &'a Audit,
    /// The simulation, one entry per view (at least one).
    pub views: Vec<ViewInput<'a>>,
    /// The records of past shortfalls, where added to the draws.
    pub records: Option<&'a grdp_study::calibration::ShortfallRecords>,
    /// Past aggregate growth (year, percent), latest vintage.
    pub history_growth: Vec<(i32, f64)>,
    /// The last year with every component's published contribution (pp).
    pub published_contributions: Option<(i32, Vec<f64>)>,
    /// Run metadata.
    pub meta: RunMeta,
    /// Language.
    pub lang: Lang,
    /// Pixel scale: 1 for 1200 × 750, 2 for print.
    pub scale: u32,
    /// The answer, findings and proposal the page leads with.
    pub briefing: &'a grdp_study::Briefing,
    /// The date the briefing is issued, as the language writes it.
    pub issued: String,
    /// The year it is issued: a target year before it is in the past.
    pub issued_year: i32,
    /// Who issues it, where known.
    pub issuer: Option<String>,
    /// The target's chance given the year so far (`[known]`), where known.
    pub given_known: Option<&'a grdp_study::partly_known::PartlyKnown>,
    /// grdp's views scored on past targets and outcomes, where the study
    /// has that record.
    pub track_record: Option<&'a grdp_study::backtest::Backtest>,
    /// The area beside its neighbours, where the scenario names them.
    pub neighbours: Option<&'a grdp_study::neighbours::Neighbours>,
}

impl<'a> ReportInput<'a> {
    /// The report's view of `study` in `lang`; the study must hold a simulation.
    pub fn new(study: &'a Study<'a>, options: &ReportOptions) -> Result<Self, ReportError> {
        let (lang, scale) = (options.lang, options.scale);
        let sim = study.simulation.as_ref().ok_or(ReportError::NoSimulation)?;
        Ok(Self {
            loaded: study.loaded,
            projection: &study.projection,
            target_outcomes: &study.targets,
            audit: &study.audit,
            views: sim
                .views
                .iter()
                .map(|v| ViewInput {
                    id: &v.view.id,
                    name: lang.view_name(&v.view).to_string(),
                    result: &v.result,
                    with_optimism: v.with_optimism.as_ref(),
                    optimism_overlaps: v.optimism_overlaps,
                })
                .collect(),
            records: sim.optimism.as_ref(),
            history_growth: study.past.growth.clone(),
            published_contributions: study.past.published_contributions.clone(),
            meta: RunMeta {
                seed: sim.metadata.seed,
                scenarios: sim.metadata.scenarios,
                version: sim.metadata.version.to_string(),
            },
            lang,
            scale,
            briefing: &study.briefing,
            given_known: study.given_known.as_ref(),
            track_record: study.track_record.as_ref(),
            neighbours: study.neighbours.as_ref(),
            issued: lang.date(options.date),
            issued_year: options.date.year,
            issuer: options
                .issuer
                .clone()
                .or_else(|| study.loaded.meta.issuer.clone()),
        })
    }
}

/// A rendered chart.
pub struct Chart {
    /// File name, e.g. `3-distribution.png`.
    pub file: &'static str,
    /// Title.
    pub title: String,
    /// What it shows and what it means, one paragraph.
    pub caption: String,
    /// PNG bytes.
    pub png: Vec<u8>,
    /// PNG bytes of the phone copy: 480 logical pixels wide, the same type
    /// sizes, drawn at twice the pixels.
    pub phone_png: Vec<u8>,
}

impl Chart {
    /// File name of the phone copy, e.g. `3-distribution.phone.png`.
    pub fn phone_file(&self) -> String {
        self.file.replace(".png", ".phone.png")
    }
}

/// A file of the report folder: its name and its bytes.
pub type ReportFile = (String, Vec<u8>);

/// Every file of the report on `study` in `lang`, charts at pixel scale
/// `scale`: the charts (eight, plus the track record where the study has a
/// record of past shortfalls and the year so far where it knows part of
/// the target year) and their phone copies, `index.html`, `summary.json`, the CSV tables
/// and the Excel workbook.
pub fn render(study: &Study, options: &ReportOptions) -> Result<Vec<ReportFile>, ReportError> {
    let sim = study.simulation.as_ref().ok_or(ReportError::NoSimulation)?;
    let input = ReportInput::new(study, options)?;
    let lang = options.lang;
    let charts = charts::all(&input)?;
    let tables = [
        "grdp-report.xlsx",
        "summary.json",
        "projection.csv",
        "audit.csv",
        "simulation.csv",
    ];
    let page = html::page(&input, &charts, &tables);
    let mut files: Vec<ReportFile> = charts
        .into_iter()
        .flat_map(|c| [(c.phone_file(), c.phone_png), (c.file.to_string(), c.png)])
        .collect();
    files.push(("index.html".into(), page.into_bytes()));
    let summary = documents::summary(study, lang)?;
    files.push(("summary.json".into(), summary.into_bytes()));
    files.push(("grdp-report.xlsx".into(), workbook::report(study, lang)?));
    files.push((
        "projection.csv".into(),
        tables::projection(study.loaded, &study.projection, lang)?.into_bytes(),
    ));
    files.push((
        "audit.csv".into(),
        tables::audit(&study.audit.checks)?.into_bytes(),
    ));
    files.push((
        "simulation.csv".into(),
        tables::simulation(sim, study.given_known.as_ref())?.into_bytes(),
    ));
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::CivilDate;

    /// Dates checked against `date -u -d @seconds`.
    #[test]
    fn unix_seconds_become_the_utc_calendar_day() {
        let day = |year, month, day| CivilDate { year, month, day };
        assert_eq!(CivilDate::from_unix(0), day(1970, 1, 1));
        assert_eq!(CivilDate::from_unix(86_399), day(1970, 1, 1));
        assert_eq!(CivilDate::from_unix(951_782_400), day(2000, 2, 29));
        assert_eq!(CivilDate::from_unix(1_795_737_600), day(2026, 11, 27));
        assert_eq!(CivilDate::from_unix(-1), day(1969, 12, 31));
    }
}
