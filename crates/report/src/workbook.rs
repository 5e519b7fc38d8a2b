//! The Excel workbook (`grdp-report.xlsx`): the report's tables, one sheet
//! each, numbers as numbers.
//!
//! Every figure is written as a number with a number format (`0.00` for
//! percent and percentage points, `0.000` for probabilities, `#,##0` for
//! billion VND), a missing figure as an empty cell; sheet names and column
//! headers are in the report's language, each header with its unit. The
//! header row is bold and frozen. The document's creation date is fixed
//! ([`CREATED`]), so the same study gives the same bytes.
//!
//! - [`report`]: the whole workbook of a report (targets, projection,
//!   audit, simulation, sensitivity and, where the study holds any, history).
//! - [`project`], [`audit`], [`simulate`]: the one-sheet workbooks of
//!   `grdp project|audit|simulate --format xlsx`, the same tables as
//!   [`crate::tables`] writes as CSV.

use grdp_core::audit::{Check, CheckStatus};
use grdp_core::{Indicator, Projection, TargetStatus};
use grdp_montecarlo::SimResult;
use grdp_scenario::LoadedScenario;
use grdp_study::calibration::{RecordVintage, ShortfallRecords};
use grdp_study::partly_known::PartlyKnown;
use grdp_study::{Simulation, Study};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

use crate::lang::LabelStyle;
use crate::tables::flatten;
use crate::{Lang, ReportError};

/// The creation date written in every workbook's document properties
/// (year, month, day; midnight UTC): fixed, so that a workbook's bytes
/// depend on the study alone, never on when it was written.
pub const CREATED: (u16, u8, u8) = (2010, 1, 1);

/// Number format of percent and percentage-point figures.
const PCT: &str = "0.00";
/// Number format of probabilities (fractions in [0, 1]) and correlations.
const PROB: &str = "0.000";
/// Number format of billion-VND levels.
const BN: &str = "#,##0";
/// Number format of million-VND figures (per capita, per worker).
const MN: &str = "#,##0.00";
/// Number format of counts.
const COUNT: &str = "#,##0";
/// Number format of years.
const YEAR: &str = "0";
/// Number format of figures of no known unit.
const GENERAL: &str = "General";

/// A cell of a sheet.
enum Cell {
    /// A number with its number format; written empty when not finite.
    Num(f64, &'static str),
    /// Text.
    Text(String),
    /// No value.
    Empty,
}

impl Cell {
    fn opt(value: Option<f64>, format: &'static str) -> Self {
        value.map_or(Cell::Empty, |v| Cell::Num(v, format))
    }

    fn text(s: impl Into<String>) -> Self {
        Cell::Text(s.into())
    }

    fn year(y: i32) -> Self {
        Cell::Num(f64::from(y), YEAR)
    }
}

/// A sheet: a name, a header row and rows of cells.
struct Sheet {
    name: String,
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

fn xlsx(e: XlsxError) -> ReportError {
    ReportError::Xlsx(e.to_string())
}

/// Writes `sheets` into a workbook titled `title` and returns its bytes.
fn build(title: &str, sheets: &[Sheet]) -> Result<Vec<u8>, ReportError> {
    let mut book = Workbook::new();
    let (y, m, d) = CREATED;
    let created = ExcelDateTime::from_ymd(y, m, d).map_err(xlsx)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author("grdp")
            .set_creation_datetime(&created),
    );
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name).map_err(xlsx)?;
        for (c, h) in sheet.headers.iter().enumerate() {
            ws.write_string_with_format(0, col(c)?, h, &header)
                .map_err(xlsx)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1)
                .map_err(|_| ReportError::Xlsx("too many rows for a sheet".into()))?;
            for (c, cell) in row.iter().enumerate() {
                match cell {
                    Cell::Num(v, f) if v.is_finite() => {
                        let format = match *f {
                            GENERAL => Format::new(),
                            f => Format::new().set_num_format(f),
                        };
                        ws.write_number_with_format(r, col(c)?, *v, &format)
                            .map_err(xlsx)?;
                    }
                    Cell::Text(s) => {
                        ws.write_string(r, col(c)?, s).map_err(xlsx)?;
                    }
                    Cell::Num(..) | Cell::Empty => {}
                }
            }
        }
        for c in 0..sheet.headers.len() {
            ws.set_column_width(col(c)?, width(sheet, c))
                .map_err(xlsx)?;
        }
        ws.set_freeze_panes(1, 0).map_err(xlsx)?;
    }
    book.save_to_buffer().map_err(xlsx)
}

fn col(c: usize) -> Result<u16, ReportError> {
    u16::try_from(c).map_err(|_| ReportError::Xlsx("too many columns for a sheet".into()))
}

/// A column's width in characters: its longest text, numbers at 12 (years
/// at 6), the
/// header (which wraps) counted up to 24 characters; 8 to 60.
fn width(sheet: &Sheet, c: usize) -> f64 {
    let header = sheet.headers[c].chars().count().min(24);
    let cells = sheet
        .rows
        .iter()
        .filter_map(|r| r.get(c))
        .map(|cell| match cell {
            Cell::Num(_, YEAR) => 6,
            Cell::Num(..) => 12,
            Cell::Text(s) => s.chars().count(),
            Cell::Empty => 0,
        })
        .max()
        .unwrap_or(0);
    (header.max(cells) + 2).clamp(8, 60) as f64
}

/// The workbook of a report on `study` in `lang`: the sheets "Targets"
/// (each target's bound, projected value, status, margin and the
/// probability it is met under the study's preferred view), "Projection",
/// "Audit", "Simulation" (one row per view), "Sensitivity" (each view's
/// variance shares and tornado, where the simulation computed them) and
/// "History" (past growth and the record of past shortfalls, where the
/// study holds them), named in `lang`. Values keep their units: percent,
/// percentage points, billion VND; probabilities are fractions in [0, 1].
///
/// The study must hold a simulation ([`ReportError::NoSimulation`]).
pub fn report(study: &Study, lang: Lang) -> Result<Vec<u8>, ReportError> {
    let sim = study.simulation.as_ref().ok_or(ReportError::NoSimulation)?;
    let loaded = study.loaded;
    let mut sheets = vec![
        targets_sheet(study, sim, lang),
        projection_sheet(loaded, &study.projection, lang),
        audit_sheet(&study.audit.checks, loaded, lang),
        simulation_sheet(sim, study.given_known.as_ref(), lang),
    ];
    if sim.views.iter().any(|v| !v.result.sensitivity.is_empty()) {
        sheets.push(sensitivity_sheet(loaded, sim, lang));
    }
    if !study.past.growth.is_empty() || sim.optimism.is_some() {
        sheets.push(history_sheet(
            &study.past.growth,
            sim.optimism.as_ref(),
            lang,
        ));
    }
    build(lang.scenario_name(loaded), &sheets)
}

/// The workbook of `grdp project --format xlsx`: one sheet, "Projection",
/// with one row per year and component and then the year's GRDP, as
/// [`crate::tables::projection`]: growth in percent at constant 2010
/// prices, contributions in percentage points, levels in billion VND.
pub fn project(
    loaded: &LoadedScenario,
    p: &Projection,
    lang: Lang,
) -> Result<Vec<u8>, ReportError> {
    build(
        lang.scenario_name(loaded),
        &[projection_sheet(loaded, p, lang)],
    )
}

/// The workbook of `grdp audit --format xlsx`: one sheet, "Audit", one row
/// per figure of each check, as [`crate::tables::audit`], with each
/// figure's name in words (components named as in `loaded`) and its unit
/// (percent, percentage points, billion VND...) beside it.
pub fn audit(
    checks: &[Check],
    loaded: &LoadedScenario,
    lang: Lang,
) -> Result<Vec<u8>, ReportError> {
    build("grdp", &[audit_sheet(checks, loaded, lang)])
}

/// The workbook of `grdp simulate --format xlsx`: one sheet, "Simulation",
/// one row per view, as [`crate::tables::simulation`]: probabilities as
/// fractions in [0, 1], growth in percent, spreads and shortfalls in
/// percentage points; with the year so far where part of the target year
/// is known (`given`).
pub fn simulate(
    sim: &Simulation,
    given: Option<&PartlyKnown>,
    lang: Lang,
) -> Result<Vec<u8>, ReportError> {
    build("grdp", &[simulation_sheet(sim, given, lang)])
}

/// The unit of an indicator, as a column of the targets sheet says it.
fn unit(i: Indicator, lang: Lang) -> &'static str {
    match i {
        Indicator::GrowthPct | Indicator::LabourProductivityGrowthPct => {
            lang.pick("%, constant 2010 prices", "%, theo giá so sánh 2010")
        }
        Indicator::NominalGrowthPct | Indicator::ShareCurrentPct => {
            lang.pick("%, current prices", "%, theo giá hiện hành")
        }
        Indicator::DeflatorGrowthPct => "%",
        Indicator::ContributionPp => lang.pick("percentage points", "điểm phần trăm"),
        Indicator::GrdpCurrentBnVnd => {
            lang.pick("billion VND, current prices", "tỷ đồng, theo giá hiện hành")
        }
        Indicator::GrdpPerCapitaMnVnd => lang.pick("million VND/person", "triệu đồng/người"),
        Indicator::LabourProductivityMnVnd => {
            lang.pick("million VND/worker", "triệu đồng/lao động")
        }
    }
}

/// The number format of an indicator's values.
fn indicator_format(i: Indicator) -> &'static str {
    match i {
        Indicator::GrdpCurrentBnVnd => BN,
        Indicator::GrdpPerCapitaMnVnd | Indicator::LabourProductivityMnVnd => MN,
        _ => PCT,
    }
}

fn status_word(s: TargetStatus, lang: Lang) -> &'static str {
    match s {
        TargetStatus::Met => lang.pick("met", "đạt"),
        TargetStatus::Exceeded => lang.pick("exceeded", "vượt"),
        TargetStatus::Missed => lang.pick("missed", "chưa đạt"),
        TargetStatus::Unknown => lang.pick("unknown", "chưa rõ"),
    }
}

/// The targets: bound, projection, status, margin and P(met) under the
/// preferred view (the first view where the study chose none).
fn targets_sheet(study: &Study, sim: &Simulation, lang: Lang) -> Sheet {
    let loaded = study.loaded;
    let index = study.briefing.preferred.as_ref().map_or(0, |p| p.index);
    let view = sim.views.get(index).unwrap_or_else(|| sim.main());
    let result: &SimResult = &view.result;
    let headers = vec![
        lang.pick("Target", "Chỉ tiêu").to_string(),
        lang.pick("Unit", "Đơn vị").to_string(),
        lang.pick("Year", "Năm").to_string(),
        lang.pick("Target minimum", "Mức chỉ tiêu tối thiểu")
            .to_string(),
        lang.pick("Target maximum", "Mức chỉ tiêu tối đa")
            .to_string(),
        lang.pick("Met when", "Đạt khi").to_string(),
        lang.pick("Projected", "Dự báo").to_string(),
        lang.pick("Status", "Đánh giá").to_string(),
        lang.pick(
            "Margin, in the target's unit",
            "Chênh lệch, theo đơn vị của chỉ tiêu",
        )
        .to_string(),
        format!(
            "{} ({})",
            lang.pick("Probability met, scenario", "Xác suất đạt, kịch bản"),
            lang.view_name(&view.view)
        ),
        lang.pick("Code", "Mã").to_string(),
    ];
    let mut rows: Vec<Vec<Cell>> = study
        .targets
        .iter()
        .map(|o| {
            let t = &o.target;
            let f = indicator_format(t.indicator);
            let probability = result
                .targets
                .iter()
                .find(|p| p.id == t.id)
                .and_then(|p| p.probability);
            vec![
                Cell::text(lang.target_label(loaded, t, LabelStyle::Prose)),
                Cell::text(unit(t.indicator, lang)),
                Cell::year(t.year),
                Cell::opt(t.bound.min, f),
                Cell::opt(t.bound.max, f),
                Cell::text(lang.direction(t.direction)),
                Cell::opt(o.value, f),
                Cell::text(status_word(o.status, lang)),
                Cell::opt(o.margin, f),
                Cell::opt(probability, PROB),
                Cell::text(t.id.clone()),
            ]
        })
        .collect();
    if let Some(all) = result.all_targets_probability {
        let mut row: Vec<Cell> = (0..headers.len()).map(|_| Cell::Empty).collect();
        row[0] = Cell::text(lang.all_targets());
        row[9] = Cell::Num(all, PROB);
        rows.push(row);
    }
    Sheet {
        name: lang.pick("Targets", "Chỉ tiêu").into(),
        headers,
        rows,
    }
}

/// The projection, as `tables::projection`.
fn projection_sheet(loaded: &LoadedScenario, p: &Projection, lang: Lang) -> Sheet {
    let headers = [
        lang.pick("Year", "Năm"),
        lang.pick("Code", "Mã"),
        lang.pick("Component", "Khu vực"),
        lang.pick(
            "Growth, % (constant 2010 prices)",
            "Tăng trưởng, % (theo giá so sánh 2010)",
        ),
        lang.pick(
            "Weight, % (constant 2010 prices)",
            "Tỷ trọng, % (theo giá so sánh 2010)",
        ),
        lang.pick(
            "Contribution to growth, percentage points",
            "Đóng góp vào tăng trưởng, điểm phần trăm",
        ),
        lang.pick(
            "Share of the increase in value added, %",
            "Tỷ lệ đóng góp vào mức tăng tổng giá trị tăng thêm, %",
        ),
        lang.pick(
            "Price growth, % (GRDP: the deflator)",
            "Tăng giá, % (GRDP: chỉ số giảm phát GRDP)",
        ),
        lang.pick(
            "Structure, % (current prices)",
            "Cơ cấu, % (theo giá hiện hành)",
        ),
        lang.pick(
            "Value, billion VND (constant 2010 prices)",
            "Giá trị, tỷ đồng (theo giá so sánh 2010)",
        ),
        lang.pick(
            "Value, billion VND (current prices)",
            "Giá trị, tỷ đồng (theo giá hiện hành)",
        ),
    ];
    let mut rows = Vec::new();
    for y in &p.years {
        for (i, c) in y.components.iter().enumerate() {
            rows.push(vec![
                Cell::year(y.year),
                Cell::text(c.id.clone()),
                Cell::text(lang.component_name(loaded, i)),
                Cell::Num(c.growth_pct, PCT),
                Cell::Num(c.weight_pct, PCT),
                Cell::Num(c.contribution_pp, PCT),
                Cell::opt(c.share_of_increase_pct, PCT),
                Cell::opt(c.price_growth_pct, PCT),
                Cell::opt(c.share_current_pct, PCT),
                Cell::opt(c.constant_bn_vnd, BN),
                Cell::opt(c.current_bn_vnd, BN),
            ]);
        }
        rows.push(vec![
            Cell::year(y.year),
            Cell::text("total"),
            Cell::text(lang.labels().total),
            Cell::Num(y.growth_pct, PCT),
            Cell::Num(100.0, PCT),
            Cell::Num(y.growth_pct, PCT),
            Cell::Empty,
            Cell::opt(y.deflator_growth_pct, PCT),
            Cell::opt(y.grdp_current_bn_vnd.map(|_| 100.0), PCT),
            Cell::opt(y.grdp_constant_bn_vnd, BN),
            Cell::opt(y.grdp_current_bn_vnd, BN),
        ]);
    }
    Sheet {
        name: lang.pick("Projection", "Dự báo").into(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}

/// A figure's unit and number format, from its name's suffix.
fn figure_unit(figure: &str, lang: Lang) -> (&'static str, &'static str) {
    if figure.ends_with("_pct") {
        ("%", PCT)
    } else if figure.ends_with("_pp") {
        (lang.pick("percentage points", "điểm phần trăm"), PCT)
    } else if figure.ends_with("_bn_vnd") {
        (lang.pick("billion VND", "tỷ đồng"), BN)
    } else if figure.ends_with("_mn_vnd") {
        (lang.pick("million VND", "triệu đồng"), MN)
    } else if figure.ends_with("_thousand") {
        (lang.pick("thousand", "nghìn"), MN)
    } else {
        ("", GENERAL)
    }
}

fn check_status(s: CheckStatus, lang: Lang) -> &'static str {
    match s {
        CheckStatus::Pass => lang.pick("pass", "đạt"),
        CheckStatus::Warn => lang.pick("warning", "cảnh báo"),
        CheckStatus::Fail => lang.pick("fail", "không đạt"),
        CheckStatus::Understated => lang.pick("understated", "đặt thấp"),
    }
}

/// The audit in long format, as `tables::audit`: one row per figure, its
/// name in words, and the check's and the figure's codes as the CSV and
/// JSON give them.
fn audit_sheet(checks: &[Check], loaded: &LoadedScenario, lang: Lang) -> Sheet {
    let headers = [
        lang.pick("Check", "Kiểm tra"),
        lang.pick("Year", "Năm"),
        lang.pick("Status", "Đánh giá"),
        lang.pick("Figure", "Số liệu"),
        lang.pick("Unit", "Đơn vị"),
        lang.pick("Value", "Giá trị"),
        lang.pick("Code", "Mã"),
        lang.pick("Figure's code", "Mã số liệu"),
    ];
    let mut rows = Vec::new();
    for c in checks {
        // A check always serialises (its figures are plain numbers and
        // strings); one that did not would show no figures.
        let value = serde_json::to_value(c).unwrap_or_default();
        let mut figures = Vec::new();
        flatten("", &value, &mut figures);
        for (figure, v) in figures {
            // A figure the check has no value for (an investment check
            // without an investment target: its implied ICORs) is left
            // out of the sheet; the CSV and JSON keep it as empty.
            if matches!(figure.as_str(), "id" | "year" | "status") || v.is_null() {
                continue;
            }
            let (unit, format) = figure_unit(&figure, lang);
            let value = match v {
                serde_json::Value::Number(n) => Cell::opt(n.as_f64(), format),
                serde_json::Value::Bool(b) => Cell::text(if *b {
                    lang.pick("yes", "có")
                } else {
                    lang.pick("no", "không")
                }),
                serde_json::Value::String(s) => Cell::text(
                    crate::figure_words::value_words(&figure, s, lang).unwrap_or_else(|| s.clone()),
                ),
                _ => Cell::Empty,
            };
            rows.push(vec![
                Cell::text(lang.check_name(c.id)),
                Cell::year(c.year),
                Cell::text(check_status(c.status, lang)),
                Cell::text(crate::figure_words::figure_words(&figure, loaded, lang)),
                Cell::text(unit),
                value,
                Cell::text(c.id.as_str()),
                Cell::text(figure),
            ]);
        }
    }
    Sheet {
        name: lang.pick("Audit", "Kiểm tra").into(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}

/// The simulation, one row per view, as `tables::simulation`.
fn simulation_sheet(sim: &Simulation, given: Option<&PartlyKnown>, lang: Lang) -> Sheet {
    let (year, threshold) = (sim.target.year, sim.target.threshold_pct);
    let mut headers = vec![
        lang.pick("Scenario", "Kịch bản").to_string(),
        match lang {
            Lang::En => format!(
                "Probability GRDP growth {year} ≥ {}%",
                lang.text_num(threshold, 2)
            ),
            Lang::Vi => format!(
                "Xác suất tăng trưởng GRDP {year} từ {}% trở lên",
                lang.text_num(threshold, 2)
            ),
        },
        lang.pick(
            "95% confidence interval, low",
            "Khoảng tin cậy 95%, cận dưới",
        )
        .to_string(),
        lang.pick(
            "95% confidence interval, high",
            "Khoảng tin cậy 95%, cận trên",
        )
        .to_string(),
        lang.pick("Standard error", "Sai số chuẩn").to_string(),
        lang.pick(
            "Mean growth, % (constant 2010 prices)",
            "Tăng trưởng bình quân, % (theo giá so sánh 2010)",
        )
        .to_string(),
        lang.pick(
            "Standard deviation, percentage points",
            "Độ lệch chuẩn, điểm phần trăm",
        )
        .to_string(),
    ];
    for p in [1, 5, 10, 25, 50, 75, 90, 95, 99] {
        headers.push(match (p, lang) {
            (50, Lang::En) => "Median, %".to_string(),
            (50, Lang::Vi) => "Trung vị, %".to_string(),
            (_, Lang::En) => format!("Percentile {p}, %"),
            (_, Lang::Vi) => format!("Phân vị thứ {p}, %"),
        });
    }
    headers.extend(
        [
            lang.pick(
                "Mean shortfall when missed, percentage points",
                "Mức hụt bình quân khi không đạt, điểm phần trăm",
            ),
            lang.pick(
                "Probability all targets met",
                "Xác suất đạt tất cả chỉ tiêu",
            ),
            lang.pick(
                "Probability with optimism bias",
                "Xác suất, có tính mức hụt các năm trước",
            ),
            lang.pick(
                "Whose record of past shortfalls (region of the history)",
                "Lịch sử mức hụt chỉ tiêu của (vùng trong tệp lịch sử)",
            ),
            lang.pick("Draws", "Số lần mô phỏng"),
            lang.pick(
                "Part of the year known (Q1, H1, 9M)",
                "Phần đã biết của năm (quý I, 6 tháng đầu, 9 tháng)",
            ),
            lang.pick(
                "Its growth, % (same period of the year before)",
                "Tốc độ tăng của phần đã biết, % (so với cùng kỳ)",
            ),
            lang.pick(
                "Growth the rest of the year needs, %",
                "Tốc độ tăng cần đạt của phần còn lại của năm, %",
            ),
            lang.pick(
                "Year's growth a draw needs given the part known, %",
                "Ngưỡng tăng trưởng cả năm của một lần mô phỏng khi đã có số liệu phần đó, %",
            ),
            lang.pick(
                "Probability given the part known",
                "Xác suất khi đã có số liệu phần đó",
            ),
            lang.pick("Code", "Mã"),
        ]
        .map(str::to_string),
    );
    let rows = sim
        .views
        .iter()
        .map(|v| {
            let r = &v.result;
            let mut row = vec![
                Cell::text(lang.view_name(&v.view)),
                Cell::Num(r.probability, PROB),
                Cell::Num(r.probability_ci95[0], PROB),
                Cell::Num(r.probability_ci95[1], PROB),
                Cell::Num(r.std_error, PROB),
                Cell::Num(r.mean_pct, PCT),
                Cell::Num(r.sd_pp, PCT),
            ];
            row.extend(r.quantiles_pct.values().iter().map(|q| Cell::Num(*q, PCT)));
            row.push(Cell::opt(r.expected_shortfall_pp, PCT));
            row.push(Cell::opt(r.all_targets_probability, PROB));
            row.push(Cell::opt(
                v.with_optimism.as_ref().map(|w| w.probability),
                PROB,
            ));
            row.push(
                sim.optimism
                    .as_ref()
                    .filter(|_| v.with_optimism.is_some())
                    .map_or(Cell::Empty, |o| Cell::text(o.region.clone())),
            );
            row.push(Cell::Num(r.scenarios as f64, COUNT));
            let this = given.and_then(|g| g.view(&v.view.id).map(|w| (g, w)));
            row.push(this.map_or(Cell::Empty, |(g, _)| Cell::text(lang.known_part(g.known))));
            row.push(Cell::opt(this.map(|(g, _)| g.known_growth_pct), PCT));
            row.push(Cell::opt(this.map(|(g, _)| g.required_rest_pct), PCT));
            row.push(Cell::opt(this.map(|(_, w)| w.annual_threshold_pct), PCT));
            row.push(Cell::opt(this.map(|(_, w)| w.probability), PROB));
            row.push(Cell::text(v.view.id.clone()));
            row
        })
        .collect();
    Sheet {
        name: lang.pick("Simulation", "Mô phỏng").into(),
        headers,
        rows,
    }
}

/// Each view's sensitivity: variance shares, rank correlations, tornado.
fn sensitivity_sheet(loaded: &LoadedScenario, sim: &Simulation, lang: Lang) -> Sheet {
    let headers = [
        lang.pick("Scenario", "Kịch bản"),
        lang.pick("Component", "Khu vực"),
        lang.pick(
            "Share of the variance of GRDP growth (0–1)",
            "Tỷ phần trong phương sai của tăng trưởng GRDP (0–1)",
        ),
        lang.pick(
            "Spearman rank correlation with GRDP growth",
            "Tương quan hạng Spearman với tăng trưởng GRDP",
        ),
        lang.pick(
            "GRDP growth with the component at its percentile 10, %",
            "Tăng trưởng GRDP khi khu vực ở phân vị thứ 10, %",
        ),
        lang.pick(
            "GRDP growth with the component at its percentile 90, %",
            "Tăng trưởng GRDP khi khu vực ở phân vị thứ 90, %",
        ),
        lang.pick(
            "Component growth, percentile 10, %",
            "Tăng trưởng của khu vực, phân vị thứ 10, %",
        ),
        lang.pick(
            "Component growth, percentile 90, %",
            "Tăng trưởng của khu vực, phân vị thứ 90, %",
        ),
        lang.pick("Code", "Mã"),
    ];
    let rows = sim
        .views
        .iter()
        .flat_map(|v| {
            v.result.sensitivity.iter().map(move |s| {
                vec![
                    Cell::text(lang.view_name(&v.view)),
                    Cell::text(lang.component_name_of(loaded, &s.id)),
                    Cell::Num(s.variance_share, PROB),
                    Cell::Num(s.spearman, PROB),
                    Cell::Num(s.tornado_low_pct, PCT),
                    Cell::Num(s.tornado_high_pct, PCT),
                    Cell::Num(s.growth_p10_pct, PCT),
                    Cell::Num(s.growth_p90_pct, PCT),
                    Cell::text(s.id.clone()),
                ]
            })
        })
        .collect();
    Sheet {
        name: lang.pick("Sensitivity", "Độ nhạy").into(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}

fn vintage(v: RecordVintage, lang: Lang) -> &'static str {
    match v {
        RecordVintage::Latest => lang.pick("latest estimates", "số ước tính mới nhất"),
        RecordVintage::FirstEstimate => lang.pick("first estimates", "số ước tính đầu tiên"),
    }
}

/// Past growth and the record of past shortfalls, one row per year.
fn history_sheet(growth: &[(i32, f64)], records: Option<&ShortfallRecords>, lang: Lang) -> Sheet {
    let mut headers = vec![
        lang.pick("Year", "Năm").to_string(),
        lang.pick(
            "GRDP growth, % (constant 2010 prices)",
            "Tăng trưởng GRDP, % (theo giá so sánh 2010)",
        )
        .to_string(),
    ];
    let mut years: Vec<i32> = growth.iter().map(|g| g.0).collect();
    if let Some(r) = records {
        let (used, region) = (vintage(r.used.vintage, lang), &r.region);
        headers.push(format!(
            "{} ({region})",
            lang.pick(
                "Growth target (minimum), %",
                "Chỉ tiêu tăng trưởng (mức tối thiểu), %"
            )
        ));
        headers.push(format!(
            "{} ({region}, {used})",
            lang.pick("Outcome, %", "Kết quả, %")
        ));
        headers.push(format!(
            "{} ({region}, {used}; {})",
            lang.pick(
                "Outcome − target, percentage points",
                "Kết quả − chỉ tiêu, điểm phần trăm"
            ),
            lang.pick("added to the draws", "cộng vào các lần mô phỏng")
        ));
        if let Some(other) = &r.other_vintage {
            headers.push(format!(
                "{} ({region}, {})",
                lang.pick(
                    "Outcome − target, percentage points",
                    "Kết quả − chỉ tiêu, điểm phần trăm"
                ),
                vintage(other.vintage, lang)
            ));
        }
        years.extend(r.used.record.years.iter().map(|s| s.year));
        if let Some(o) = &r.other_vintage {
            years.extend(o.record.years.iter().map(|s| s.year));
        }
    }
    years.sort_unstable();
    years.dedup();
    let rows = years
        .into_iter()
        .map(|y| {
            let mut row = vec![
                Cell::year(y),
                Cell::opt(growth.iter().find(|g| g.0 == y).map(|g| g.1), PCT),
            ];
            if let Some(r) = records {
                let used = r.used.record.years.iter().find(|s| s.year == y);
                row.push(Cell::opt(used.map(|s| s.target_pct), PCT));
                row.push(Cell::opt(used.map(|s| s.outcome_pct), PCT));
                row.push(Cell::opt(used.map(|s| s.shortfall_pp), PCT));
                if let Some(o) = &r.other_vintage {
                    let other = o.record.years.iter().find(|s| s.year == y);
                    row.push(Cell::opt(other.map(|s| s.shortfall_pp), PCT));
                }
            }
            row
        })
        .collect();
    Sheet {
        name: lang.pick("History", "Lịch sử").into(),
        headers,
        rows,
    }
}
