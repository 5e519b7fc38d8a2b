//! Plain-text outputs for the terminal: aligned tables (text left, numbers
//! right, widths counted in characters) and the sentences around them, in
//! English or Vietnamese.

use grdp_core::audit::{Check, CheckStatus, NotApplicable};
use grdp_core::{Indicator, Projection, TargetOutcome};
use grdp_scenario::LoadedScenario;
use grdp_study::Simulation;
use grdp_study::solve::Answer;

use crate::Lang;
use crate::findings::message;
use crate::lang::{BoundStyle, LabelStyle};

/// A table under construction.
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    /// Which columns hold numbers (right-aligned).
    numeric: Vec<bool>,
}

impl Table {
    /// A table with these headers; the first column is text, the rest numbers,
    /// unless changed with [`Table::text_column`].
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Self {
        let headers: Vec<String> = headers.into_iter().map(Into::into).collect();
        let numeric = (0..headers.len()).map(|i| i > 0).collect();
        Self {
            headers,
            rows: Vec::new(),
            numeric,
        }
    }

    /// Marks a column as text (left-aligned).
    pub fn text_column(mut self, index: usize) -> Self {
        if let Some(n) = self.numeric.get_mut(index) {
            *n = false;
        }
        self
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Renders with two spaces between columns and a rule under the header.
    pub fn render(&self) -> String {
        let width = |s: &str| s.chars().count();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| width(h)).collect();
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                if let Some(w) = widths.get_mut(i) {
                    *w = (*w).max(width(cell));
                }
            }
        }
        let line = |cells: &[String]| -> String {
            let mut out = String::new();
            for (i, cell) in cells.iter().enumerate() {
                let w = widths.get(i).copied().unwrap_or(0);
                let pad = " ".repeat(w.saturating_sub(width(cell)));
                if i > 0 {
                    out.push_str("  ");
                }
                if self.numeric.get(i).copied().unwrap_or(false) {
                    out.push_str(&pad);
                    out.push_str(cell);
                } else {
                    out.push_str(cell);
                    out.push_str(&pad);
                }
            }
            out.trim_end().to_string()
        };
        let mut out = line(&self.headers);
        out.push('\n');
        let total: usize = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
        out.push_str(&"─".repeat(total));
        out.push('\n');
        for row in &self.rows {
            out.push_str(&line(row));
            out.push('\n');
        }
        out
    }
}

/// `grdp project`: the base year, then each year's aggregates and components, then the targets.
pub fn projection(
    loaded: &LoadedScenario,
    p: &Projection,
    targets: &[TargetOutcome],
    lang: Lang,
) -> String {
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

fn targets_table(loaded: &LoadedScenario, targets: &[TargetOutcome], lang: Lang) -> String {
    let l = lang.labels();
    let mut t = Table::new([
        l.target,
        l.year,
        l.bound,
        l.met_when,
        l.projected,
        l.status,
        l.margin,
    ])
    .text_column(3)
    .text_column(5);
    for o in targets {
        let decimals = if o.target.indicator == Indicator::ShareCurrentPct {
            3
        } else {
            2
        };
        t.row(vec![
            lang.target_label(loaded, &o.target, LabelStyle::Table),
            o.target.year.to_string(),
            lang.bound_text(&o.target.bound, decimals, BoundStyle::Spaced),
            lang.direction(o.target.direction).to_string(),
            // A value that rounds onto its bound, or a margin onto zero,
            // gets the decimals that tell them apart.
            o.value.map_or_else(
                || lang.labels().unknown_value.to_string(),
                |v| lang.num_against(v, &o.target.bound, decimals),
            ),
            lang.target_status(o.status).to_string(),
            o.margin.map_or_else(
                || lang.labels().unknown_value.to_string(),
                |m| lang.num_apart(m, &[0.0], decimals),
            ),
        ]);
    }
    format!("{}\n{}", l.targets, t.render())
}

/// `grdp audit`: a status line per check, then each check's finding.
pub fn audit(
    loaded: &LoadedScenario,
    checks: &[Check],
    not_applicable: &[NotApplicable],
    lang: Lang,
) -> String {
    let l = lang.labels();
    let mut out = format!("{}: {}\n\n", l.audit_of, lang.scenario_name(loaded));
    let mut t = Table::new([l.check, l.year, l.status]).text_column(2);
    for c in checks {
        t.row(vec![
            lang.check_name(c.id).to_string(),
            crate::findings::check_years(c),
            status_label(c.status, lang).to_string(),
        ]);
    }
    out.push_str(&t.render());
    for c in checks {
        out.push_str(&format!(
            "\n[{}] {}, {}\n{}\n",
            status_label(c.status, lang),
            lang.check_name(c.id),
            crate::findings::check_years(c),
            wrap(&message(c, loaded, lang), 100)
        ));
    }
    if !not_applicable.is_empty() {
        out.push_str(&format!("\n{}:\n", l.not_applicable));
        for n in not_applicable {
            out.push_str(&format!(
                "  {}: {}\n",
                lang.check_name(n.id),
                lang.missing_input(n.reason)
            ));
        }
    }
    out
}

fn status_label(s: CheckStatus, lang: Lang) -> &'static str {
    let l = lang.labels();
    match s {
        CheckStatus::Pass => l.pass,
        CheckStatus::Warn => l.warn,
        CheckStatus::Fail => l.fail,
        CheckStatus::Understated => l.understated,
    }
}

/// Wraps text at `width` characters, indenting by two spaces.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::from(" ");
    for word in text.split_whitespace() {
        if line.chars().count() + 1 + word.chars().count() > width && !line.trim().is_empty() {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(" ");
        }
        line.push(' ');
        line.push_str(word);
    }
    out.push_str(line.trim_end());
    out
}

/// `grdp simulate`: P by view, then the first view in detail (every
/// target, sensitivity, required growth), then the run's metadata.
pub fn simulation(loaded: &LoadedScenario, sim: &Simulation, lang: Lang) -> String {
    let n = |v: f64| lang.num(v, 2);
    let p3 = |v: f64| lang.num(v, 3);
    let first = &sim.main().result;
    let mut out = format!(
        "{}: {}\n",
        lang.labels().scenario,
        lang.scenario_name(loaded)
    );
    // With a precision goal each view stops on its own: say how many each drew.
    let stopped = sim.views.iter().any(|v| v.result.stopped_at_precision);
    out += &lang.simulate_preamble(
        first.target_year,
        first.target_pct,
        sim.metadata.scenarios,
        stopped,
    );
    let with_opt = sim.views.iter().any(|v| v.with_optimism.is_some());
    let mut head = lang.view_table_headers().to_vec();
    if with_opt {
        head.push(lang.with_optimism_header());
    }
    if stopped {
        head.push(lang.scenarios_header());
    }
    let mut t = Table::new(head);
    for v in &sim.views {
        let r = &v.result;
        let mut row = vec![
            lang.view_name(&v.view).to_string(),
            p3(r.probability),
            format!(
                "{} – {}",
                p3(r.probability_ci95[0]),
                p3(r.probability_ci95[1])
            ),
            n(r.mean_pct),
            n(r.sd_pp),
            n(r.quantiles_pct.p10),
            n(r.quantiles_pct.p50),
            n(r.quantiles_pct.p90),
        ];
        if with_opt {
            row.push(
                v.with_optimism
                    .as_ref()
                    .map_or(String::new(), |w| p3(w.probability)),
            );
        }
        if stopped {
            row.push(lang.num(r.scenarios as f64, 0));
        }
        t.row(row);
    }
    out += &t.render();
    for v in &sim.views {
        let n = v.result.paths_at_or_below_minus_100_pct;
        if n > 0 {
            out += &lang.collapse_line(lang.view_name(&v.view), n, v.result.scenarios);
        }
    }
    if let Some(records) = &sim.optimism {
        out += &lang.record_lines(records);
        for v in sim.views.iter().filter(|v| v.optimism_overlaps) {
            out += &lang.record_overlap_line(lang.view_name(&v.view));
        }
    }
    out += &lang.detail_heading(lang.view_name(&sim.main().view));
    if !first.targets.is_empty() {
        let l = lang.labels();
        let [target, p_met] = lang.target_probability_headers();
        // The scenario's own bounds: with --target, the headline's bound
        // can differ from its growth target's.
        let mut t = Table::new([target, l.year, l.bound, l.met_when, p_met]).text_column(3);
        for tp in &first.targets {
            let found = loaded
                .scenario
                .targets()
                .targets()
                .iter()
                .find(|t| t.id == tp.id);
            let name = found.map_or(tp.id.clone(), |t| {
                lang.target_label(loaded, t, LabelStyle::Table)
            });
            let bound = found.map_or_else(String::new, |t| {
                let decimals = if t.indicator == Indicator::ShareCurrentPct {
                    3
                } else {
                    2
                };
                lang.bound_text(&t.bound, decimals, BoundStyle::Spaced)
            });
            t.row(vec![
                name,
                tp.year.to_string(),
                bound,
                lang.direction(tp.direction).to_string(),
                tp.probability.map_or("–".into(), p3),
            ]);
        }
        if let Some(all) = first.all_targets_probability {
            t.row(vec![
                lang.all_targets().into(),
                String::new(),
                String::new(),
                String::new(),
                p3(all),
            ]);
        }
        out += &t.render();
        out.push('\n');
    }
    let mut t = Table::new(lang.sensitivity_headers());
    for (i, sens) in first.sensitivity.iter().enumerate() {
        t.row(vec![
            lang.component_name(loaded, i).to_string(),
            p3(sens.variance_share),
            p3(sens.spearman),
            n(sens.tornado_low_pct),
            n(sens.tornado_high_pct),
        ]);
    }
    out += &t.render();
    if let Some(req) = &first.required_growth {
        out += &lang.required_growth_line(
            &lang.in_sentence(lang.component_name_of(loaded, &req.component)),
            req.quantiles_pct.p10,
            req.quantiles_pct.p50,
            req.quantiles_pct.p90,
        );
    }
    let m = &sim.metadata;
    let count = |v: u64| lang.num(v as f64, 0);
    let hash = &m.scenario_sha256[..m.scenario_sha256.len().min(12)];
    out += &if lang == Lang::Vi {
        // The generator by name only: its long description is English.
        let rng = m.rng.split(" (").next().unwrap_or(m.rng);
        format!(
            "\nSố khởi tạo ngẫu nhiên (seed) {} · {}{} lần mô phỏng · khối {} · bộ sinh số {} · grdp {} · SHA-256 tệp kịch bản {hash}\n",
            m.seed,
            if stopped { "tối đa " } else { "" },
            count(m.scenarios),
            count(m.chunk_size),
            rng.replace(" x8", " ×8"),
            m.version,
        )
    } else {
        format!(
            "\nseed {} · {}{} draws · chunk {} · {} · grdp {} · scenario SHA-256 {hash}\n",
            m.seed,
            if stopped { "at most " } else { "" },
            count(m.scenarios),
            count(m.chunk_size),
            m.rng,
            m.version,
        )
    };
    out
}

/// `grdp simulate --known`: each view's P before and given the known part
/// of the year, with the rest's need and the assumptions it rests on.
pub fn given_known(
    sim: &grdp_study::Simulation,
    g: &grdp_study::partly_known::PartlyKnown,
    lang: Lang,
) -> String {
    let n = |v: f64| lang.text_num(v, 2);
    let shares = lang.quarter_shares(&g.shares_pct);
    let mut out = String::from("\n");
    let vi = lang == Lang::Vi;
    // Below −100 % no rest of the year can miss: say that, not a "need".
    let reached = g.required_rest_pct <= -100.0;
    let need = match (vi, reached) {
        (true, false) => format!(
            "phần còn lại cần tăng {}% để cả năm đạt {}%",
            n(g.required_rest_pct),
            lang.given_num(g.target_pct)
        ),
        (true, true) => format!(
            "cả năm đạt {}% dù phần còn lại thế nào (nó cần {}%, dưới −100%)",
            lang.given_num(g.target_pct),
            n(g.required_rest_pct)
        ),
        (false, false) => format!(
            "the rest of the year needs {}% for {}% in the year",
            n(g.required_rest_pct),
            lang.given_num(g.target_pct)
        ),
        (false, true) => format!(
            "{}% in the year is reached whatever the rest does (it would need {}%, below −100%)",
            lang.given_num(g.target_pct),
            n(g.required_rest_pct)
        ),
    };
    out += &if vi {
        format!(
            "Khi đã biết {} năm {} tăng {}%: {need}. Tỷ trọng các quý: {shares}% ({}); độ lệch chuẩn của phần còn lại gấp {} lần cả năm ({}).\n",
            lang.known_part(g.known),
            sim.target.year,
            n(g.known_growth_pct),
            lang.shares_status(g.shares_stated, g.shares_given_sum_pct),
            n(g.spread_ratio),
            if g.spread_ratio_stated {
                "nêu bằng --rest-spread"
            } else {
                "giả định các quý độc lập"
            }
        )
    } else {
        format!(
            "Given {} {} at {}%: {need}. Quarter shares: {shares}% ({}); the rest's spread is {} times the year's ({}).\n",
            g.known.label(),
            sim.target.year,
            n(g.known_growth_pct),
            lang.shares_status(g.shares_stated, g.shares_given_sum_pct),
            n(g.spread_ratio),
            if g.spread_ratio_stated {
                "stated with --rest-spread"
            } else {
                "independent quarters assumed"
            }
        )
    };
    let h_view = lang.view_table_headers()[0];
    let (h_before, h_after) = if vi {
        (
            "Xác suất trước khi có số liệu",
            "Xác suất khi đã có số liệu",
        )
    } else {
        ("P before", "P given the known part")
    };
    let p_text = |p: f64| lang.probability(p);
    let mut t = Table::new([h_view, h_before, h_after]);
    for (v, run) in g.views.iter().zip(&sim.views) {
        t.row(vec![
            lang.view_name(&run.view).to_string(),
            p_text(v.probability_before),
            p_text(v.probability),
        ]);
    }
    out + &t.render()
}

/// `grdp solve`: the answer as a sentence (and, for a uniform add-on, a table).
pub fn solve(loaded: &LoadedScenario, a: &Answer, lang: Lang) -> String {
    let n = |v: f64| lang.num(v, 2);
    let body = match a {
        Answer::Component(c) => lang.solve_component(
            c,
            &lang.in_sentence(lang.component_name_of(loaded, &c.component)),
        ),
        Answer::Rest(r) => lang.solve_rest(
            r,
            &lang.in_sentence(lang.component_name_of(loaded, &r.held)),
            loaded.plan_growth_is_assumed(r.year),
        ),
        Answer::Uniform(u) => {
            let [planned, needed] = lang.planned_required_headers();
            let mut t = Table::new([lang.labels().component, planned, needed]);
            for c in &u.components {
                t.row(vec![
                    lang.component_name_of(loaded, &c.id).to_string(),
                    n(c.planned_growth_pct),
                    n(c.required_growth_pct),
                ]);
            }
            lang.solve_uniform(u) + &t.render()
        }
        Answer::Period(p) => lang.solve_period(p),
        Answer::Remaining(r) => lang.solve_remaining(r),
    };
    format!(
        "{}: {}\n{}",
        lang.labels().scenario,
        lang.scenario_name(loaded),
        body
    )
}
/// `grdp backtest`: year by year, then by view, then what the record says
/// of the spread. `stated` says whether the spread was given (`--sd`).
pub fn backtest(
    b: &grdp_study::backtest::Backtest,
    history: &str,
    stated: bool,
    lang: Lang,
) -> String {
    let vi = lang == Lang::Vi;
    let n2 = |v: f64| lang.num(v, 2);
    let p3 = |v: f64| lang.num(v, 3);
    let region = lang.region_name(&b.region);
    let history = match history.strip_suffix(" (built-in)") {
        Some(file) if vi => format!("{file}, có sẵn"),
        Some(file) => format!("{file}, built in"),
        None => history.to_string(),
    };
    let mut out = if vi {
        format!(
            "Kiểm định ngược: {region} ({history}), số ước tính {}; mỗi năm giả định tăng trưởng có phân phối chuẩn quanh giá trị trung tâm của kịch bản, độ lệch chuẩn {} điểm %{}.\n\n",
            if b.vintage == grdp_study::calibration::RecordVintage::Latest {
                "mới nhất"
            } else {
                "đầu tiên"
            },
            n2(b.sd_pp),
            if stated {
                " (nêu bằng --sd)"
            } else {
                " (của kịch bản có sẵn năm 2025)"
            }
        )
    } else {
        format!(
            "Backtest of {region} ({history}), {} estimates; each year's growth normal around a view's centre, SD {} pp{}.\n\n",
            if b.vintage == grdp_study::calibration::RecordVintage::Latest {
                "latest"
            } else {
                "first"
            },
            n2(b.sd_pp),
            if stated {
                " (stated with --sd)"
            } else {
                " (the built-in 2025 scenario's)"
            }
        )
    };
    let heads: [&str; 8] = if vi {
        [
            "Năm",
            "Chỉ tiêu (%)",
            "Thực hiện (%)",
            "Kịch bản",
            "Giá trị trung tâm (%)",
            "Xác suất",
            "Vị trí trong phân phối (PIT)",
            "Trong dải 50/80/90",
        ]
    } else {
        [
            "Year",
            "Target (%)",
            "Outcome (%)",
            "View",
            "Centre (%)",
            "P(target)",
            "PIT",
            "In 50/80/90 band",
        ]
    };
    let mut t = Table::new(heads).text_column(3);
    let yes = |b: bool| if b { "•" } else { "·" };
    for y in &b.years {
        for f in &y.forecasts {
            t.row(vec![
                y.year.to_string(),
                n2(y.target_pct),
                format!("{}{}", n2(y.outcome_pct), if y.met { " ✓" } else { "" }),
                lang.backtest_view(f.view),
                n2(f.centre_pct),
                p3(f.probability),
                p3(f.pit),
                format!(
                    "{} {} {}",
                    yes(f.in_bands[0]),
                    yes(f.in_bands[1]),
                    yes(f.in_bands[2])
                ),
            ]);
        }
    }
    out += &t.render();
    let heads: [&str; 6] = if vi {
        [
            "Kịch bản",
            "Số năm",
            "Brier",
            "Trong dải 50/80/90",
            "Sai số trung bình (điểm %)",
            "RMSE (điểm %)",
        ]
    } else {
        [
            "View",
            "Years",
            "Brier",
            "In 50/80/90 band",
            "Mean error (pp)",
            "RMSE (pp)",
        ]
    };
    let mut s = Table::new(heads);
    for v in &b.views {
        s.row(vec![
            lang.backtest_view(v.view),
            v.years.to_string(),
            p3(v.mean_brier),
            format!(
                "{}/{}/{} {} {}",
                v.in_bands[0],
                v.in_bands[1],
                v.in_bands[2],
                if vi { "trên" } else { "of" },
                v.years
            ),
            lang.signed(v.mean_error_pp),
            n2(v.rmse_pp),
        ]);
    }
    out += "\n";
    out += &s.render();
    out += &if vi {
        format!(
            "\nSai số dự báo một năm của kịch bản kế hoạch có căn bậc hai sai số toàn phương trung bình (RMSE) {} điểm %, so với độ lệch chuẩn {} điểm % đang dùng; độ lệch chuẩn làm vị trí của kết quả trong phân phối (PIT) gần phân phối đều nhất là {} điểm %, và kiểm định Kolmogorov–Smirnov mức 5% không bác bỏ độ lệch chuẩn nào trong khoảng {}. Sai số chủ yếu là hụt (trung bình {} điểm %): đó là độ chệch, không độ lệch chuẩn nào khắc phục được; quanh mức trung bình đó, sai số phân tán với độ lệch chuẩn {} điểm %. Chỉ có {} năm: kết quả chỉ mang tính tham khảo; điểm Brier 0,25 là điểm khi luôn dự báo xác suất 0,5.\n",
            n2(b.record_sd_pp),
            n2(b.sd_pp),
            n2(b.pit_uniform_sd_pp),
            b.pit_consistent_sd_pp
                .map_or("–".to_string(), |[lo, hi]| format!(
                    "{}–{} điểm %",
                    lang.text_num(lo, 2),
                    lang.text_num(hi, 2)
                )),
            b.views
                .iter()
                .find(|v| v.view == "plan")
                .map_or("–".to_string(), |v| lang.signed(v.mean_error_pp)),
            n2(b.errors_sd_pp),
            b.years.len()
        )
    } else {
        format!(
            "\nThe plan's one-year-ahead errors have an RMSE of {} pp, against the {} pp spread in use; the spread whose PITs are closest to uniform is {} pp, and a KS test at 5 % rejects none between {}. The errors are mostly misses (mean {} pp): a bias, which no spread removes; about their mean they scatter by {} pp (standard deviation). {} years decide little; a Brier score of 0.25 is what always saying 0.5 earns.\n",
            n2(b.record_sd_pp),
            n2(b.sd_pp),
            n2(b.pit_uniform_sd_pp),
            b.pit_consistent_sd_pp.map_or("–".to_string(), |[lo, hi]| {
                if hi >= grdp_study::backtest::LARGEST_SD_TRIED_PP {
                    format!("{} pp and the largest spread tried ({} pp)", n2(lo), n2(hi))
                } else {
                    format!("{} and {} pp", n2(lo), n2(hi))
                }
            }),
            b.views
                .iter()
                .find(|v| v.view == "plan")
                .map_or("–".to_string(), |v| lang.signed(v.mean_error_pp)),
            n2(b.errors_sd_pp),
            b.years.len()
        )
    };
    if let Some(l) = &b.later {
        out += &if vi {
            format!(
                "\nNăm {}: thực hiện {}% ({}). Vị trí trong phân phối của từng kịch bản (tỷ lệ lần mô phỏng không vượt quá mức này):\n",
                l.year,
                n2(l.outcome_pct),
                "thành phố sau hợp nhất; chỉ tiêu đặt cho thành phố trước hợp nhất"
            )
        } else {
            format!(
                "\n{}: the outcome was {}% ({}). Where it fell in each view's distribution (the share of draws at or below it):\n",
                l.year,
                n2(l.outcome_pct),
                l.basis
            )
        };
        let sd_head = |sd: f64| {
            if vi {
                format!("Xác suất, độ lệch {} điểm %", n2(sd))
            } else {
                format!("P at SD {} pp", n2(sd))
            }
        };
        let mut heads: Vec<String> = if vi {
            vec!["Kịch bản".into(), "Xác suất đạt (mô phỏng)".into()]
        } else {
            vec!["View".into(), "P(target), simulated".into()]
        };
        heads.extend(l.sds_pp.iter().map(|sd| sd_head(*sd)));
        heads.push(if vi {
            "Vị trí thực hiện (PIT)".into()
        } else {
            "Outcome's PIT".into()
        });
        let mut t = Table::new(heads);
        for v in &l.views {
            let mut row = vec![lang.backtest_view(&v.view), p3(v.probability)];
            row.extend(v.probability_at_sd.iter().map(|p| p3(*p)));
            row.push(p3(v.pit));
            t.row(row);
        }
        out += &t.render();
        out += &if vi {
            "Các cột độ lệch: xác suất nếu tăng trưởng phân phối chuẩn quanh giá trị trung bình của kịch bản, với độ lệch chuẩn đang dùng, độ lệch theo sai số quá khứ và độ lệch làm PIT gần đều nhất.\n".to_string()
        } else {
            "The SD columns: P if growth were normal around the view's mean, with the spread in use, the record's RMSE and the PIT-closest spread.\n".to_string()
        };
    }
    out
}

/// `grdp batch`: every region's target, last year's growth, the step-up
/// it needs, P(target) and, where known, the outcome with its basis.
pub fn batch(b: &grdp_study::batch::Batch, table: &str, lang: Lang) -> String {
    use grdp_study::batch::{Basis, RecentSource, RowModel, SpreadSource};
    let vi = lang == Lang::Vi;
    let n2 = |v: f64| lang.num(v, 2);
    let p3 = |v: f64| lang.num(v, 3);
    let spread = match b.spread.as_ref().map(|sp| &sp.source) {
        Some(SpreadSource::National) if vi => format!(
            "độ lệch chuẩn {} điểm % (sai số dự báo quá khứ của cả nước: căn bậc hai trung bình bình phương của thay đổi tốc độ tăng GDP từ năm này sang năm sau, {}–{}, kể cả biến động 2020–2022)",
            n2(b.spread.as_ref().map_or(0.0, |sp| sp.sd_pp)),
            b.spread
                .as_ref()
                .and_then(|sp| sp.national.years.first().copied())
                .unwrap_or_default()
                - 1,
            b.spread
                .as_ref()
                .and_then(|sp| sp.national.years.last().copied())
                .unwrap_or_default()
        ),
        Some(SpreadSource::National) => format!(
            "SD {} pp (the nation's record: root mean square of the year-to-year change in GDP growth, {}-{}, the 2020-2022 swings included)",
            n2(b.spread.as_ref().map_or(0.0, |sp| sp.sd_pp)),
            b.spread
                .as_ref()
                .and_then(|sp| sp.national.years.first().copied())
                .unwrap_or_default()
                - 1,
            b.spread
                .as_ref()
                .and_then(|sp| sp.national.years.last().copied())
                .unwrap_or_default()
        ),
        Some(SpreadSource::CanTho) if vi => format!(
            "độ lệch chuẩn {} điểm % (sai số dự báo quá khứ của Cần Thơ: sai số khi lấy tốc độ năm trước làm dự báo, một thành phố)",
            n2(b.spread.as_ref().map_or(0.0, |sp| sp.sd_pp))
        ),
        Some(SpreadSource::CanTho) => format!(
            "SD {} pp (Cần Thơ's record of last year's growth as a forecast, one city's)",
            n2(b.spread.as_ref().map_or(0.0, |sp| sp.sd_pp))
        ),
        Some(SpreadSource::Stated) if vi => format!(
            "độ lệch chuẩn {} điểm % (nêu bằng --sd)",
            n2(b.spread.as_ref().map_or(0.0, |sp| sp.sd_pp))
        ),
        Some(SpreadSource::Stated) => format!(
            "SD {} pp (stated with --sd)",
            n2(b.spread.as_ref().map_or(0.0, |sp| sp.sd_pp))
        ),
        None if vi => "mỗi kịch bản theo khối [uncertainty] của nó, kịch bản được chọn".into(),
        None => "each scenario file's own [uncertainty], its preferred view".into(),
    };
    let folder = b.spread.is_none();
    let mut out = match (vi, folder) {
        (true, false) => format!(
            "Chỉ tiêu tăng trưởng GRDP {} của từng địa phương ({table}): tâm là tốc độ năm trước; {spread}; {} lần mô phỏng mỗi địa phương, cùng một bộ số ngẫu nhiên (số khởi tạo ngẫu nhiên {}).\n\n",
            b.year,
            lang.num(b.draws as f64, 0),
            b.seed
        ),
        (false, false) => format!(
            "{} GRDP growth targets, region by region ({table}): centred on last year's growth; {spread}; {} draws a region, the same draws for every region (seed {}).\n\n",
            b.year,
            lang.num(b.draws as f64, 0),
            b.seed
        ),
        (true, true) => format!(
            "Chỉ tiêu tăng trưởng GRDP theo từng tệp kịch bản ({table}): mô hình và khối [uncertainty] của từng tệp, kịch bản được chọn; {} lần mô phỏng mỗi tệp (số khởi tạo ngẫu nhiên {}).\n\n",
            lang.num(b.draws as f64, 0),
            b.seed
        ),
        (false, true) => format!(
            "GRDP growth targets, scenario file by scenario file ({table}): each file's own model and [uncertainty], under its preferred view; {} draws a file (seed {}).\n\n",
            lang.num(b.draws as f64, 0),
            b.seed
        ),
    };
    let (last, this) = (b.year - 1, b.year);
    let heads: [String; 8] = if folder {
        if vi {
            [
                "Tệp kịch bản".into(),
                "Chỉ tiêu (%, năm)".into(),
                "Năm gốc (%)".into(),
                "Cần tăng thêm (điểm %)".into(),
                "Mô hình".into(),
                "Xác suất đạt".into(),
                "Thực hiện (%)".into(),
                "Đạt?".into(),
            ]
        } else {
            [
                "Scenario".into(),
                "Target (%, year)".into(),
                "Base year (%)".into(),
                "Step-up (pp)".into(),
                "Model".into(),
                "P(target)".into(),
                "Outcome (%)".into(),
                "Met?".into(),
            ]
        }
    } else if vi {
        [
            "Địa phương".into(),
            format!("Chỉ tiêu {this} (%)"),
            format!("Tăng trưởng {last} (%)"),
            "Cần tăng thêm (điểm %)".into(),
            "Mô hình".into(),
            "Xác suất đạt".into(),
            format!("Thực hiện {this} (%)"),
            "Đạt?".into(),
        ]
    } else {
        [
            "Region".into(),
            format!("Target {this} (%)"),
            format!("Growth {last} (%)"),
            "Step-up (pp)".into(),
            "Model".into(),
            "P(target)".into(),
            format!("Outcome {this} (%)"),
            "Met?".into(),
        ]
    };
    let mut t = Table::new(heads).text_column(4).text_column(7);
    for r in &b.rows {
        let i = &r.input;
        let recent = match (&i.recent, i.recent_pct) {
            (RecentSource::National { .. }, Some(g)) => format!("{}*", n2(g)),
            (_, Some(g)) => n2(g),
            (_, None) => "–".into(),
        };
        let model = match &i.model {
            RowModel::Aggregate if vi => "tổng".to_string(),
            RowModel::Aggregate => "aggregate".to_string(),
            RowModel::Sectors { sectors, .. } if vi => format!("{} ngành", sectors.len()),
            RowModel::Sectors { sectors, .. } => format!("{} sectors", sectors.len()),
            RowModel::Scenario { view, .. } if vi => format!("kịch bản: {view}"),
            RowModel::Scenario { view, .. } => format!("scenario: {view}"),
        };
        let (outcome, met) = match (&i.outcome, r.met) {
            (Some((f, Basis::Same)), Some(m)) => (n2(f.value), yes_no(m, vi)),
            (Some((f, Basis::Merged)), Some(m)) => {
                (format!("{}†", n2(f.value)), format!("{}†", yes_no(m, vi)))
            }
            _ => ("–".into(), "".into()),
        };
        t.row(vec![
            i.region.clone(),
            if folder {
                format!("{} ({})", n2(i.target.value), i.target.period)
            } else {
                n2(i.target.value)
            },
            recent,
            r.step_up_pp.map_or("–".into(), |v| lang.signed(v)),
            model,
            lang.probability(r.probability),
            outcome,
            met,
        ]);
    }
    out += &t.render();
    let o = &b.outcomes;
    if let (Some(mean_p), Some(brier)) = (o.same_basis_mean_probability, o.same_basis_brier) {
        out += &if vi {
            format!(
                "\nKết quả {this} trên cùng phạm vi với chỉ tiêu: {} địa phương ({} lấy tâm là tốc độ cả nước), {} đạt; xác suất trung bình {}, điểm Brier {} (luôn nói 0,5 được 0,25).{}\n",
                o.same_basis,
                o.same_basis_national_centre,
                o.same_basis_met,
                p3(mean_p),
                p3(brier),
                if o.same_basis < 10 {
                    " Quá ít để đánh giá độ tin cậy của xác suất."
                } else {
                    ""
                }
            )
        } else {
            format!(
                "\n{this} outcomes on the target's own basis: {} region{} ({} centred on the nation's growth), {} met; their mean P was {}, Brier score {} (always saying 0.5 earns 0.25).{}\n",
                o.same_basis,
                if o.same_basis == 1 { "" } else { "s" },
                o.same_basis_national_centre,
                o.same_basis_met,
                p3(mean_p),
                p3(brier),
                if o.same_basis < 10 {
                    " Too few to judge calibration."
                } else {
                    ""
                }
            )
        };
    }
    let national = b
        .rows
        .iter()
        .filter(|r| matches!(r.input.recent, RecentSource::National { .. }))
        .count();
    let merged = b
        .rows
        .iter()
        .filter(|r| matches!(r.input.outcome, Some((_, Basis::Merged))))
        .count();
    out += "\n";
    if national > 0 {
        out += &if vi {
            format!(
                "* {national} địa phương không có số liệu năm trước trong bảng: dùng tốc độ tăng GDP cả nước (một giả định).\n"
            )
        } else {
            format!(
                "* {national} region{} no figure for last year in the table: the nation's GDP growth is used (an assumption).\n",
                if national == 1 { " has" } else { "s have" }
            )
        };
    }
    if merged > 0 {
        out += &if vi {
            format!(
                "† {merged} kết quả là của địa phương sau hợp nhất (từ 1/7/2025), còn chỉ tiêu đặt cho địa phương trước hợp nhất: so sánh chỉ mang tính tham khảo.\n"
            )
        } else {
            format!(
                "† {merged} outcome{} for the region as merged on 1 July 2025, while the target was set for the province before: an indication, not a score.\n",
                if merged == 1 { " is" } else { "s are" }
            )
        };
    }
    for r in &b.rows {
        if let RowModel::Sectors {
            sectors,
            weights_from_contributions,
            coverage_pct,
            left_out,
            implied_pct,
            shift_pp,
        } = &r.input.model
        {
            let sector = |id: &str| sector_name(id, vi);
            let list: Vec<String> = sectors
                .iter()
                .map(|s| {
                    format!(
                        "{} {}% × {}",
                        sector(&s.id),
                        n2(s.weight_pct),
                        n2(s.growth_pct)
                    )
                })
                .collect();
            let left_out: Vec<String> = left_out.iter().map(|id| sector(id)).collect();
            out += &if vi {
                format!(
                    "{}: mô hình {} ngành ({}); trọng số {}, chiếm {}%{}; các ngành cho tốc độ năm trước {}% so với {}% công bố, nên tâm của mỗi ngành được dịch {} điểm % để cộng lại đúng số công bố.\n",
                    r.input.region,
                    sectors.len(),
                    list.join(", "),
                    if *weights_from_contributions {
                        "suy từ mức đóng góp (đóng góp / tốc độ)"
                    } else {
                        "theo cơ cấu giá hiện hành (giả định)"
                    },
                    n2(*coverage_pct),
                    if left_out.is_empty() {
                        String::new()
                    } else {
                        format!(", không tính {}", left_out.join(", "))
                    },
                    n2(*implied_pct),
                    r.input.recent_pct.map_or("–".into(), n2),
                    lang.signed(*shift_pp)
                )
            } else {
                format!(
                    "{}: a {}-sector model ({}); weights {}, covering {}%{}; the sectors give {}% for last year against the published {}%, so every sector's centre is moved by {} pp to add up to the published figure.\n",
                    r.input.region,
                    sectors.len(),
                    list.join(", "),
                    if *weights_from_contributions {
                        "derived from contributions (contribution / growth)"
                    } else {
                        "from the current-price structure (an assumption)"
                    },
                    n2(*coverage_pct),
                    if left_out.is_empty() {
                        String::new()
                    } else {
                        format!(", leaving out {}", left_out.join(", "))
                    },
                    n2(*implied_pct),
                    r.input.recent_pct.map_or("–".into(), n2),
                    lang.signed(*shift_pp)
                )
            };
        }
    }
    for r in &b.rows {
        if let Some(note) = &r.input.note {
            out += &format!("{}: {note}.\n", r.input.region);
        }
    }
    if !b.unmatched_outcomes.is_empty() {
        out += &if vi {
            format!(
                "Không ghép được với chỉ tiêu nào (không có chỉ tiêu, hoặc không rõ phạm vi): {}.\n",
                b.unmatched_outcomes.join("; ")
            )
        } else {
            format!(
                "Outcomes not matched to a target (no target in the table, or the basis unclear): {}.\n",
                b.unmatched_outcomes.join("; ")
            )
        };
    }
    out
}

/// A sector of the batch's sector model by its name in the language.
fn sector_name(id: &str, vi: bool) -> String {
    match (id, vi) {
        ("agriculture", false) => "agriculture".into(),
        ("agriculture", true) => "nông, lâm nghiệp và thủy sản".into(),
        ("industry_construction", false) => "industry and construction".into(),
        ("industry_construction", true) => "công nghiệp và xây dựng".into(),
        ("services", false) => "services".into(),
        ("services", true) => "dịch vụ".into(),
        ("product_taxes", false) => "product taxes".into(),
        ("product_taxes", true) => "thuế sản phẩm trừ trợ cấp sản phẩm".into(),
        (other, _) => other.into(),
    }
}

fn yes_no(met: bool, vi: bool) -> String {
    match (met, vi) {
        (true, false) => "met".into(),
        (false, false) => "missed".into(),
        (true, true) => "đạt".into(),
        (false, true) => "không đạt".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_text_left_and_numbers_right_counting_characters() {
        let mut t = Table::new(["Khu vực", "Tăng trưởng (%)"]);
        t.row(vec!["Dịch vụ".into(), "10,01".into()]);
        t.row(vec!["Công nghiệp và xây dựng".into(), "11,42".into()]);
        let text = t.render();
        let lines: Vec<&str> = text.lines().collect();
        // "Công nghiệp và xây dựng" is 23 characters, "Tăng trưởng (%)" 15:
        // "Dịch vụ" (7) pads 16 to the column, 2 between columns, then the
        // number right-aligned in 15 (10 spaces): 28 spaces in all.
        assert_eq!(lines[2], format!("Dịch vụ{}10,01", " ".repeat(28)));
        assert_eq!(lines[3].chars().count(), lines[2].chars().count());
    }
}
