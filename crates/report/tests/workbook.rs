//! The Excel workbook of the built-in study, read back with calamine: its
//! sheets, its figures against `summary.json` and the projection, a value
//! worked out by hand, and the same bytes from the same study.

use std::io::Cursor;
use std::sync::OnceLock;

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use grdp_core::Indicator;
use grdp_report::{Lang, documents, workbook};
use grdp_scenario::LoadedScenario;
use grdp_study::{SimulationOptions, Study, StudyOptions};

fn loaded() -> &'static LoadedScenario {
    static LOADED: OnceLock<LoadedScenario> = OnceLock::new();
    LOADED.get_or_init(|| grdp_scenario::builtin::can_tho_2025().unwrap())
}

/// The built-in study, 20,000 draws a view, default seed; `views` limits
/// the views run.
fn run(views: Option<Vec<String>>) -> Study<'static> {
    let options = StudyOptions {
        simulation: Some(SimulationOptions {
            scenarios: 20_000,
            views,
            ..Default::default()
        }),
        history: None,
        ..Default::default()
    };
    Study::run(loaded(), &options, Default::default()).unwrap()
}

fn study() -> &'static Study<'static> {
    static STUDY: OnceLock<Study<'static>> = OnceLock::new();
    STUDY.get_or_init(|| run(None))
}

fn open(bytes: &[u8]) -> Xlsx<Cursor<&[u8]>> {
    open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

fn sheet(book: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Range<Data> {
    book.worksheet_range(name).unwrap()
}

/// The column headed `header` (exactly).
fn column(range: &Range<Data>, header: &str) -> usize {
    let first = range.rows().next().unwrap();
    first
        .iter()
        .position(|c| matches!(c, Data::String(s) if s == header))
        .unwrap_or_else(|| panic!("no column {header:?} in {first:?}"))
}

fn text(c: &Data) -> &str {
    match c {
        Data::String(s) => s,
        other => panic!("expected text, got {other:?}"),
    }
}

fn number(c: &Data) -> Option<f64> {
    match c {
        Data::Float(v) => Some(*v),
        Data::Int(v) => Some(*v as f64),
        Data::Empty => None,
        other => panic!("expected a number or an empty cell, got {other:?}"),
    }
}

fn summary(study: &Study) -> serde_json::Value {
    let text = documents::summary(study, Lang::En).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_sheets_are_named_in_each_language() {
    let s = study();
    let history = !s.past.growth.is_empty() || s.simulation.as_ref().unwrap().optimism.is_some();
    for (lang, names) in [
        (
            Lang::En,
            [
                "Targets",
                "Projection",
                "Audit",
                "Simulation",
                "Sensitivity",
                "History",
            ],
        ),
        (
            Lang::Vi,
            [
                "Chỉ tiêu",
                "Dự báo",
                "Kiểm tra",
                "Mô phỏng",
                "Độ nhạy",
                "Lịch sử",
            ],
        ),
    ] {
        let bytes = workbook::report(s, lang).unwrap();
        let book = open(&bytes);
        let expected = if history { &names[..] } else { &names[..5] };
        assert_eq!(book.sheet_names(), expected, "{lang:?}");
    }
    // The one-sheet workbooks of project, audit and simulate.
    let one = |bytes: Vec<u8>| open(&bytes).sheet_names();
    assert_eq!(
        one(workbook::project(s.loaded, &s.projection, Lang::Vi).unwrap()),
        ["Dự báo"]
    );
    assert_eq!(
        one(workbook::audit(&s.audit.checks, s.loaded, Lang::En).unwrap()),
        ["Audit"]
    );
    assert_eq!(
        one(workbook::simulate(s.simulation.as_ref().unwrap(), None, Lang::Vi).unwrap()),
        ["Mô phỏng"]
    );
}

#[test]
fn the_vietnamese_headers_use_the_planning_vocabulary() {
    let bytes = workbook::report(study(), Lang::Vi).unwrap();
    let mut book = open(&bytes);
    let mut headers = String::new();
    for name in book.sheet_names() {
        let range = sheet(&mut book, &name);
        for c in range.rows().next().unwrap() {
            headers += text(c);
            headers.push('\n');
        }
    }
    for word in [
        "Chỉ tiêu",
        "Đơn vị",
        "Dự báo",
        "Xác suất",
        "theo giá so sánh 2010",
        "theo giá hiện hành",
        "điểm phần trăm",
    ] {
        assert!(headers.contains(word), "no {word:?} in\n{headers}");
    }
    for word in ["góc nhìn", "hạt giống", "KTC"] {
        assert!(!headers.contains(word), "{word:?} in\n{headers}");
    }
}

/// The targets sheet's projected values and probabilities are summary.json's.
#[test]
fn the_targets_sheet_holds_the_figures_of_summary_json() {
    // Only the preferred view, so that summary.json's first view (whose
    // per-target probabilities it lists) is the one the sheet shows.
    let s = run(Some(vec!["plan_less_shortfall".into()]));
    assert_eq!(s.briefing.preferred.as_ref().unwrap().index, 0);
    let json = summary(&s);
    let bytes = workbook::report(&s, Lang::En).unwrap();
    let mut book = open(&bytes);
    let range = sheet(&mut book, "Targets");
    let (code, projected, probability) = (
        column(&range, "Code"),
        column(&range, "Projected"),
        column(
            &range,
            "Probability met, scenario (Plan less the median past shortfall (1.26 pp))",
        ),
    );
    let rows: Vec<&[Data]> = range.rows().skip(1).collect();
    let targets = json["projection"]["targets"].as_array().unwrap();
    let probabilities = json["simulation"]["targets"].as_array().unwrap();
    assert_eq!(targets.len(), s.targets.len());
    assert!(!targets.is_empty());
    let mut checked_probabilities = 0;
    for t in targets {
        let id = t["id"].as_str().unwrap();
        let row = rows
            .iter()
            .find(|r| matches!(&r[code], Data::String(c) if c == id))
            .unwrap_or_else(|| panic!("no row for {id}"));
        match (t["value"].as_f64(), number(&row[projected])) {
            (Some(a), Some(b)) => assert!((a - b).abs() <= 1e-12, "{id}: {a} vs {b}"),
            (None, None) => {}
            other => panic!("{id}: {other:?}"),
        }
        let p = probabilities
            .iter()
            .find(|p| p["id"] == id)
            .map(|p| p["probability"].as_f64());
        match (p.flatten(), number(&row[probability])) {
            (Some(a), Some(b)) => {
                assert!((a - b).abs() <= 1e-12, "{id}: P {a} vs {b}");
                checked_probabilities += 1;
            }
            (None, None) => {}
            other => panic!("{id}: P {other:?}"),
        }
    }
    assert!(checked_probabilities > 0);
    // The row of every target together.
    let all = rows.last().unwrap();
    let expected = json["simulation"]["all_targets_probability"]
        .as_f64()
        .unwrap();
    assert!((number(&all[probability]).unwrap() - expected).abs() <= 1e-12);
}

/// With every view run, the sheet shows the preferred view's probability of
/// the growth target: summary.json's figure for that view.
#[test]
fn the_targets_sheet_follows_the_preferred_view() {
    let s = study();
    let preferred = s.briefing.preferred.as_ref().unwrap();
    assert_eq!(preferred.view, "plan_less_shortfall");
    let json = summary(s);
    let expected = json["simulation"]["views"][preferred.index]["probability"]
        .as_f64()
        .unwrap();
    let answer = json["briefing"]["preferred"]["probability"]
        .as_f64()
        .unwrap();
    assert!((answer - expected).abs() <= 1e-12, "{answer} vs {expected}");
    let growth = s
        .targets
        .iter()
        .find(|t| {
            t.target.indicator == Indicator::GrowthPct
                && t.target.component.is_none()
                && t.target.year == 2025
        })
        .unwrap();
    let bytes = workbook::report(s, Lang::Vi).unwrap();
    let mut book = open(&bytes);
    let range = sheet(&mut book, "Chỉ tiêu");
    let code = column(&range, "Mã");
    let probability = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .position(|c| text(c).starts_with("Xác suất đạt"))
        .unwrap();
    let row = range
        .rows()
        .find(|r| matches!(&r[code], Data::String(c) if *c == growth.target.id))
        .unwrap();
    let p = number(&row[probability]).unwrap();
    assert!((p - expected).abs() <= 1e-12, "{p} vs {expected}");
    assert!((p - 0.293).abs() < 0.015, "{p}");
}

/// The 2025 GRDP growth: the projection's, and the draft's sector targets
/// weighted at constant 2010 prices: 9.48 % (crates/study/tests/briefing.rs).
#[test]
fn the_projection_sheet_holds_the_projection() {
    let s = study();
    for (lang, name, growth_header) in [
        (Lang::En, "Projection", "Growth, % (constant 2010 prices)"),
        (Lang::Vi, "Dự báo", "Tăng trưởng, % (theo giá so sánh 2010)"),
    ] {
        let bytes = workbook::report(s, lang).unwrap();
        let mut book = open(&bytes);
        let range = sheet(&mut book, name);
        let (year, code, growth) = (
            0,
            column(&range, if lang == Lang::En { "Code" } else { "Mã" }),
            column(&range, growth_header),
        );
        let total = range
            .rows()
            .skip(1)
            .find(|r| number(&r[year]) == Some(2025.0) && text(&r[code]) == "total")
            .unwrap();
        let g = number(&total[growth]).unwrap();
        let expected = s
            .projection
            .years
            .iter()
            .find(|y| y.year == 2025)
            .unwrap()
            .growth_pct;
        assert!((g - expected).abs() <= 1e-12, "{g} vs {expected}");
        assert!((g - 9.48).abs() < 0.01, "{g}");
        // One row per year and component, then the year's total.
        let components = s.projection.years[0].components.len();
        assert_eq!(
            range.rows().count() - 1,
            s.projection.years.len() * (components + 1)
        );
    }
}

#[test]
fn the_same_study_gives_the_same_bytes() {
    let a = workbook::report(&run(None), Lang::Vi).unwrap();
    let b = workbook::report(&run(None), Lang::Vi).unwrap();
    assert!(a == b, "two builds of one study differ");
    let c = workbook::report(study(), Lang::Vi).unwrap();
    assert!(a == c);
}
