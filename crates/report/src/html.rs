//! The offline page: the answer first (the verdict, the findings, what the
//! resolution could say instead, the main-targets table), then the charts
//! with what each shows, the audit, the sensitivity of the answer and an
//! appendix. No scripts, no network; tables scroll inside their box on a
//! phone, and the page prints on A4.

use grdp_scenario::Status;

use crate::findings::message;
use crate::text::Words;
use crate::{Chart, Lang, ReportInput};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A table: a header row and body rows, every row as many cells as the
/// header; `numeric[i]` right-aligns column `i`.
struct Table<'a> {
    class: &'a str,
    header: Vec<String>,
    numeric: Vec<bool>,
    rows: Vec<(Vec<String>, &'a str)>,
}

impl Table<'_> {
    fn html(&self) -> String {
        // Each body cell carries its column's header, which a phone shows
        // beside the value when the table is laid out as cards.
        // A numeric cell is kept on one line ("≥ 9.50"), but one that is
        // mostly words ("0.102 (at least 10.5 %: 0.066)", a long header)
        // may wrap, so a table fits the page without scrolling sideways.
        let cell = |tag: &str, i: usize, text: &str| {
            let class = match self.numeric.get(i).copied().unwrap_or(false) {
                true if text.matches(' ').count() > 2 => " class=\"n wrap\"",
                true => " class=\"n\"",
                false => "",
            };
            let label = match (tag, self.header.get(i)) {
                ("td", Some(h)) => format!(" data-label=\"{}\"", esc(h)),
                _ => String::new(),
            };
            format!("<{tag}{class}{label}>{}</{tag}>", esc(text))
        };
        let mut h = format!(
            "<div class=\"scroll\">\n<table class=\"{}\">\n<thead><tr>",
            self.class
        );
        for (i, t) in self.header.iter().enumerate() {
            h += &cell("th", i, t);
        }
        h += "</tr></thead>\n<tbody>\n";
        for (row, class) in &self.rows {
            debug_assert_eq!(row.len(), self.header.len());
            if class.is_empty() {
                h += "<tr>";
            } else {
                h += &format!("<tr class=\"{class}\">");
            }
            for (i, t) in row.iter().enumerate() {
                h += &cell("td", i, t);
            }
            h += "</tr>\n";
        }
        h + "</tbody>\n</table>\n</div>\n"
    }
}

/// The page (`index.html`) for `charts`; `extra_files` are listed at its end.
pub fn page(input: &ReportInput, charts: &[Chart], extra_files: &[&str]) -> String {
    let w = Words::new(input);
    let vi = input.lang == crate::Lang::Vi;
    let pick = |en: &str, vi_text: &str| input.lang.pick(en, vi_text).to_string();
    let p = w.page();
    let mut h = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n",
        if vi { "vi" } else { "en" },
        esc(&w.page_title()),
    );

    // Title, the area and what the scenario asks, issue line, sources.
    h += &format!("<header>\n<h1>{}</h1>\n", esc(&w.page_title()));
    let meta = &input.loaded.meta;
    let (region, description) = if vi {
        (
            meta.region_vi.as_ref().or(meta.region.as_ref()),
            meta.description_vi.as_ref().or(meta.description.as_ref()),
        )
    } else {
        (meta.region.as_ref(), meta.description.as_ref())
    };
    let area = region.map(|r| pick(&format!("Area: {r}."), &format!("Địa bàn: {r}.")));
    let about: Vec<String> = area.into_iter().chain(description.cloned()).collect();
    if !about.is_empty() {
        h += &format!("<p class=\"about\">{}</p>\n", esc(&about.join(" ")));
    }
    let issued = match &input.issuer {
        Some(who) => pick(
            &format!("Issued {} by {who}.", input.issued),
            &format!("{who}, {}.", input.issued),
        ),
        None => pick(
            &format!("Run on {}.", input.issued),
            &format!("Lập {}.", input.issued),
        ),
    };
    h += &format!("<p class=\"meta\">{}</p>\n", esc(&issued));
    // What the figures are as of: the page's date is when it was run, not
    // how recent its data is.
    if let Some((v, in_english)) = input.lang.scenario_vintage(input.loaded) {
        let v = if in_english {
            format!("{v} (tiếng Anh)")
        } else {
            v
        };
        h += &format!(
            "<p class=\"meta\">{}</p>\n",
            esc(&pick(
                &format!("Data vintage: {v}."),
                &format!("Thời điểm số liệu: {v}.")
            ))
        );
    }
    h += &format!(
        "<p class=\"meta\">{}</p>\n</header>\n",
        esc(&source_line(input))
    );

    // The verdict.
    h += "<section class=\"verdict\">\n";
    if let Some(pref) = &input.briefing.preferred {
        h += &format!("<h2>{}</h2>\n", esc(&w.verdict_heading(pref)));
        h += &format!("<p>{}</p>\n", esc(&w.verdict_detail(pref)));
    } else {
        h += &format!("<h2>{}</h2>\n", esc(&p.summary));
    }
    if !input.briefing.findings.is_empty() {
        h += &format!(
            "<p class=\"findings-head\">{}</p>\n<ul class=\"findings\">\n",
            esc(&pick("What the audit finds:", "Kết quả kiểm tra:"))
        );
        for f in &input.briefing.findings {
            h += &format!("<li>{}</li>\n", esc(&w.finding(f)));
        }
        h += "</ul>\n";
    }
    h += "</section>\n";

    // The year so far: what the latest release says of the target year.
    if let Some(g) = input.given_known {
        h += &year_so_far(input, g);
    }

    // What the resolution could say instead.
    if !input.briefing.proposal.is_empty() {
        h += &format!(
            "<h2>{}</h2>\n<p>{}</p>\n",
            esc(&if w.sector_targets() {
                pick(
                    "What the resolution could say instead (a proposal)",
                    "Phương án chỉ tiêu nhất quán (đề xuất)",
                )
            } else {
                // One target and no sector targets: nothing to make
                // consistent, only what the target asks of the sectors.
                pick(
                    "What the target asks of the sectors (for discussion)",
                    "Để đạt chỉ tiêu, các khu vực cần tăng bao nhiêu (tham khảo)",
                )
            }),
            esc(&if w.sector_targets() {
                pick(
                    "A set of targets that hang together, worked out by grdp from the draft's own sector targets, prices and population. It is a proposal for discussion, not a forecast.",
                    "Một bộ chỉ tiêu nhất quán, do grdp tính từ chính các chỉ tiêu khu vực, giá và dân số của dự thảo. Đây là đề xuất để thảo luận, không phải dự báo.",
                )
            } else {
                pick(
                    "What the target needs, worked out by grdp from the scenario's sector growth (here an assumption, not sector targets), prices and population. It is arithmetic for discussion: neither a forecast nor a proposal to change the target.",
                    "Mức tăng các khu vực cần đạt để đạt chỉ tiêu, do grdp tính từ tốc độ tăng của các khu vực trong tệp kịch bản (ở đây là giả định, không phải chỉ tiêu khu vực), giá và dân số. Đây là phép tính để tham khảo: không phải dự báo, cũng không phải đề xuất sửa chỉ tiêu.",
                )
            })
        );
        if let Some(gap) = w.value_added_gap() {
            h += &format!("<p>{}</p>\n", esc(&gap));
        }
        let table = Table {
            class: "proposal",
            header: vec![
                pick("Indicator", "Chỉ tiêu"),
                if w.sector_targets() {
                    pick("Draft", "Dự thảo")
                } else if w.plan_assumed() {
                    // The targets beside the sectors' assumed growth.
                    pick(
                        "Target, or growth assumed",
                        "Chỉ tiêu, hoặc tốc độ tăng giả định",
                    )
                } else {
                    pick("Target or plan", "Chỉ tiêu hoặc kế hoạch")
                },
                // Without sector targets a column of "consistent" figures
                // would read as a counter-proposal: what the plan gives and
                // what the target needs, each row saying which.
                if w.sector_targets() {
                    pick("Consistent", "Mức nhất quán")
                } else {
                    pick("Worked out", "Kết quả tính toán")
                },
                pick("Why", "Cơ sở"),
            ],
            numeric: vec![false, true, true, false],
            rows: input
                .briefing
                .proposal
                .iter()
                .map(|l| (w.proposal_row(l).to_vec(), ""))
                .collect(),
        };
        h += &table.html();
    }

    // Bảng các chỉ tiêu chủ yếu.
    let base_year = input.projection.base.year;
    h += &format!(
        "<h2>{}</h2>\n",
        esc(&pick("Main targets", "Bảng các chỉ tiêu chủ yếu"))
    );
    let view_name = input
        .briefing
        .preferred
        .as_ref()
        .and_then(|pr| input.views.get(pr.index))
        .unwrap_or(&input.views[0])
        .name
        .clone();
    // The scenario file's notes on the targets (where a figure comes from,
    // what it conflicts with), numbered in the table's order.
    let mut target_notes: Vec<String> = Vec::new();
    let mut note_mark = |id: &str| -> String {
        // The notes of both bounds, in the page's language where the file
        // gives it.
        let mut marks = Vec::new();
        for note in crate::findings::target_notes(input.loaded, id, input.lang) {
            let n = match target_notes.iter().position(|x| *x == note) {
                Some(i) => i + 1,
                None => {
                    target_notes.push(note);
                    target_notes.len()
                }
            };
            if !marks.contains(&n) {
                marks.push(n);
            }
        }
        marks.iter().map(|n| format!(" [{n}]")).collect()
    };
    let targets = Table {
        class: "targets",
        header: vec![
            pick("Indicator", "Chỉ tiêu"),
            pick("Unit", "Đơn vị"),
            pick("Year", "Năm"),
            pick(
                &format!("{base_year} (estimate or derived)"),
                &format!("Năm {base_year} (ước tính hoặc tính toán)"),
            ),
            pick("Target", "Chỉ tiêu kế hoạch"),
            pick(
                "Projection",
                if w.plan_assumed() {
                    "Dự báo theo giả định"
                } else {
                    "Kịch bản kế hoạch"
                },
            ),
            pick("Probability", "Xác suất đạt"),
            pick(
                "Verdict of the projection",
                if w.plan_assumed() {
                    "Đánh giá theo dự báo"
                } else {
                    "Đánh giá theo kịch bản kế hoạch"
                },
            ),
        ],
        numeric: vec![false, false, true, true, true, true, true, false],
        rows: input
            .target_outcomes
            .iter()
            .map(|o| {
                let r = w.target_row(o);
                let mark = note_mark(&o.target.id);
                (
                    vec![
                        format!("{}{mark}", r.indicator),
                        r.unit,
                        r.year.to_string(),
                        r.base,
                        r.target,
                        r.projected,
                        r.probability,
                        r.verdict,
                    ],
                    r.class,
                )
            })
            .collect(),
    };
    h += &targets.html();
    // A growth range's probability is of its lower end; its upper end's
    // stands beside it in brackets.
    let range_note = input
        .briefing
        .preferred
        .as_ref()
        .and_then(|pr| pr.upper_end)
        .zip(input.views.first())
        .map_or((String::new(), String::new()), |(u, main)| {
            let lo = input.lang.given_num(main.result.target_pct);
            let hi = input.lang.given_num(u.target_pct);
            (
                format!(" For a range target, the probability of at least its lower end ({lo} %); in brackets, of at least its upper end ({hi} %)."),
                format!(" Chỉ tiêu là một khoảng ({lo}–{hi}%): cột Xác suất đạt ghi xác suất tăng từ {lo}% trở lên; số trong ngoặc là xác suất tăng từ {hi}% (cận trên) trở lên."),
            )
        });
    // How "exceeded" is read, where a target is exceeded.
    let exceeded = |d: grdp_core::Direction| {
        input
            .target_outcomes
            .iter()
            .any(|o| o.status == grdp_core::TargetStatus::Exceeded && o.target.direction == d)
    };
    let direction_note = match (
        exceeded(grdp_core::Direction::AtLeast),
        exceeded(grdp_core::Direction::AtMost),
    ) {
        (true, false) => (
            " A verdict reads the target's direction: a figure beyond an “at least” target's range is exceeded, not missed.",
            " Đánh giá theo chiều của chỉ tiêu: vượt mức “từ … trở lên” là vượt, không phải chưa đạt.",
        ),
        (false, true) => (
            " A verdict reads the target's direction: a figure below an “at most” target's range is exceeded (better than asked), not missed.",
            " Đánh giá theo chiều của chỉ tiêu: thấp hơn mức “không quá …” là vượt (tốt hơn yêu cầu), không phải chưa đạt.",
        ),
        (true, true) => (
            " A verdict reads the target's direction: a figure above an “at least” target's range, or below an “at most” target's, is exceeded, not missed.",
            " Đánh giá theo chiều của chỉ tiêu: cao hơn mức “từ … trở lên” hay thấp hơn mức “không quá …” là vượt, không phải chưa đạt.",
        ),
        (false, false) => ("", ""),
    };
    h += &format!(
        "<p class=\"note\">{}</p>\n",
        esc(&pick(
            &format!(
                "Projection: {} (every sector {}). Probability: in the scenario “{view_name}”.{}{}",
                if w.plan_assumed() {
                    "the assumed growth carried forward"
                } else {
                    "the plan carried forward"
                },
                if w.sector_targets() {
                    "at its target, so each sector's own growth target is met by construction: read its probability"
                } else {
                    w.at_planned_growth()
                },
                range_note.0,
                direction_note.0
            ),
            &format!(
                "{} (mọi khu vực {}). Xác suất: theo kịch bản “{}”.{}{}",
                if w.plan_assumed() {
                    "Dự báo: tốc độ tăng giả định được giữ nguyên"
                } else {
                    "Kịch bản kế hoạch: kế hoạch được giữ nguyên"
                },
                if w.sector_targets() {
                    "đạt chỉ tiêu, nên chỉ tiêu tăng trưởng của từng khu vực mặc nhiên đạt: cần đọc xác suất"
                } else {
                    w.at_planned_growth()
                },
                view_name,
                range_note.1,
                direction_note.1
            ),
        ))
    );

    if !target_notes.is_empty() {
        h += &format!(
            "<p class=\"note\">{}</p>\n<ul class=\"note target-notes\">\n",
            esc(&pick("Notes on the targets:", "Ghi chú về các chỉ tiêu:"))
        );
        for (i, n) in target_notes.iter().enumerate() {
            h += &format!("<li>[{}] {}</li>\n", i + 1, esc(n));
        }
        h += "</ul>\n";
    }

    // What the projection gives of the figures a resolution's main table
    // lists and the scenario sets no target for.
    h += &other_figures(input);

    // The rule for the year's releases, where the year is not yet past.
    if let Some(q) = input.briefing.quarter_path.as_ref()
        && q.year >= input.issued_year
    {
        h += &quarter_path(input, q);
    }

    // The area beside its neighbours, where the scenario names them.
    if let Some(n) = input.neighbours {
        h += &neighbours(input, n);
    }

    // Charts: the title is in the image; the caption says what it means.
    let (main_charts, appendix): (Vec<&Chart>, Vec<&Chart>) =
        charts.iter().partition(|c| !c.file.contains("convergence"));
    // The track record's chart goes with its section, where there is one.
    let (record_chart, main_charts): (Vec<&Chart>, Vec<&Chart>) = main_charts
        .into_iter()
        .partition(|c| input.track_record.is_some() && c.file.contains("track-record"));
    h += &format!("<h2>{}</h2>\n", esc(&p.charts));
    for c in main_charts {
        h += &figure(c);
    }

    // Sensitivity: every scenario's P.
    h += &format!(
        "<h2>{}</h2>\n<p>{}</p>\n",
        esc(&pick(
            "How the answer depends on the scenario",
            "Kết quả thay đổi theo kịch bản"
        )),
        esc(&pick(
            "The same target under each scenario of the centre: the preferred one answers the question, the others show how much the answer rests on it.",
            "Cùng một chỉ tiêu theo từng kịch bản: kịch bản được chọn trả lời câu hỏi, các kịch bản còn lại cho thấy kết quả phụ thuộc vào lựa chọn này đến đâu."
        ))
    );
    let with_opt = input.views.iter().any(|v| v.with_optimism.is_some());
    // Where each scenario puts the year: the mean of its draws, so a
    // reader sees what moves P (the centre) beside P itself.
    let year = input.views.first().map_or(0, |v| v.result.target_year);
    let mean_header = pick(
        &format!("Growth {year}, mean of the draws (%)"),
        &format!("Tăng trưởng {year}, trung bình các lần mô phỏng (%)"),
    )
    .to_string();
    let mut header = vec![
        p.view.clone(),
        mean_header,
        p.probability.clone(),
        p.interval.clone(),
    ];
    let mut numeric = vec![false, true, true, true];
    if with_opt {
        header.push(p.with_optimism.clone());
        numeric.push(true);
    }
    let preferred_index = input.briefing.preferred.as_ref().map(|pr| pr.index);
    let sensitivity = Table {
        class: "views",
        header,
        numeric,
        rows: input
            .views
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let r = v.result;
                let mut name = v.name.clone();
                if Some(i) == preferred_index {
                    name += &pick(" (the answer)", " (kịch bản được chọn)");
                }
                let mut row = vec![
                    name,
                    w.num(r.mean_pct, 2),
                    w.probability(r.probability),
                    format!(
                        "{} – {}",
                        w.num(r.probability_ci95[0], 3),
                        w.num(r.probability_ci95[1], 3)
                    ),
                ];
                if with_opt {
                    row.push(
                        v.with_optimism
                            .map_or("–".into(), |o| w.probability(o.probability)),
                    );
                }
                (
                    row,
                    if Some(i) == preferred_index {
                        "preferred"
                    } else {
                        ""
                    },
                )
            })
            .collect(),
    };
    h += &sensitivity.html();
    // The spread is an assumption as the centre is: P at half and one and a
    // half times the spread, in the preferred scenario.
    if let Some(pr) = input.briefing.preferred.as_ref()
        && let Some(v) = input.views.get(pr.index)
        && let [half, wide] = pr.spread.as_slice()
    {
        let sd = input.lang.text_num(v.result.sd_pp, 2);
        // In a sentence: "below 0.001", not "be < 0.001".
        let p = |x: f64| {
            let t = w.probability(x);
            match (t.strip_prefix("< "), t.strip_prefix("> "), vi) {
                (Some(r), _, false) => format!("below {r}"),
                (Some(r), _, true) => format!("dưới {r}"),
                (_, Some(r), false) => format!("above {r}"),
                (_, Some(r), true) => format!("trên {r}"),
                _ => t,
            }
        };
        h += &format!(
            "<p>{}</p>\n",
            esc(&pick(
                &format!(
                    "The spread of growth is an assumption too (standard deviation {sd} percentage points in the scenario “{}”). Were every draw's distance from the mean half as large, P would be {}; one and a half times as large, {}.",
                    v.name,
                    p(half.probability),
                    p(wide.probability)
                ),
                &format!(
                    "Độ phân tán của tăng trưởng cũng là một giả định (độ lệch chuẩn {sd} điểm phần trăm trong kịch bản “{}”). Nếu độ phân tán chỉ bằng một nửa, xác suất là {}; nếu gấp 1,5 lần, xác suất là {}.",
                    v.name,
                    p(half.probability),
                    p(wide.probability)
                ),
            ))
        );
        // Spreads given but not scaled to: the simulated one is too narrow.
        let given = input
            .loaded
            .uncertainty
            .as_ref()
            .map_or(&[][..], |u| u.supported_sd_pp.as_slice());
        if pr.supported.is_empty() && !given.is_empty() {
            let sds: Vec<String> = given.iter().map(|x| input.lang.given_num(*x)).collect();
            let sds = input.lang.and_list(&sds);
            h += &format!(
                "<p>{}</p>\n",
                esc(&pick(
                    &format!(
                        "The scenario file gives spreads read from the record ({sds} pp), but the spread simulated here ({sd} pp) is too narrow to scale to them: every draw is nearly the same."
                    ),
                    &format!(
                        "Tệp kịch bản nêu độ lệch chuẩn đọc từ số liệu thực tế ({sds} điểm phần trăm), nhưng độ lệch chuẩn mô phỏng ở đây ({sd} điểm phần trăm) quá nhỏ để quy đổi: mọi lần mô phỏng gần như giống nhau."
                    ),
                ))
            );
        }
        // P at the spreads the scenario reads from its evidence, with what
        // they rest on in the page's language, and which way a wider
        // spread moves P.
        if !pr.supported.is_empty() {
            let lang = input.lang;
            // The spreads as given (0.0144 stays 0.0144: a slip shows).
            let sds: Vec<String> = pr
                .supported
                .iter()
                .map(|c| lang.given_num(c.sd_pp))
                .collect();
            let factors: Vec<String> = pr.supported.iter().map(|c| lang.num(c.factor, 2)).collect();
            let ps: Vec<String> = pr.supported.iter().map(|c| p(c.probability)).collect();
            let many = pr.supported.len() > 1;
            let meta = &input.loaded.meta;
            let rests_on = if vi {
                meta.supported_spread_note_vi.as_ref()
            } else {
                meta.supported_spread_note.as_ref()
            }
            .map(|n| n.trim().trim_end_matches('.').to_string())
            .filter(|n| !n.is_empty());
            // A note ending in a question or an exclamation keeps its own mark.
            let stop = |n: &str| if n.ends_with(['?', '!']) { "" } else { "." };
            let above = v.result.target_pct > v.result.mean_pct;
            h += &format!(
                "<p>{}</p>\n",
                esc(&pick(
                    &format!(
                        "The scenario file gives {} read from the record, {} pp ({} times the {sd} pp simulated here): P would then be {}{}. {}{}",
                        if many { "two spreads" } else { "a spread" },
                        lang.and_list(&sds),
                        lang.and_list(&factors),
                        lang.and_list(&ps),
                        if many { ", respectively" } else { "" },
                        if above {
                            "A wider spread raises P here, because the target lies above the centre."
                        } else {
                            "A wider spread lowers P here, because the target lies below the centre."
                        },
                        rests_on.as_ref().map_or(String::new(), |n| format!(
                            " What {} on: {n}{}",
                            if many { "they rest" } else { "it rests" },
                            stop(n)
                        ))
                    ),
                    &format!(
                        "Tệp kịch bản nêu {} đọc từ số liệu thực tế, {} điểm phần trăm (bằng {} lần độ lệch chuẩn {sd} điểm phần trăm đang dùng): khi đó xác suất {}{}. {}{}",
                        if many {
                            "hai mức độ lệch chuẩn"
                        } else {
                            "một mức độ lệch chuẩn"
                        },
                        lang.and_list(&sds),
                        lang.and_list(&factors),
                        if many { "lần lượt là " } else { "là " },
                        lang.and_list(&ps),
                        if above {
                            "Ở đây độ phân tán lớn hơn làm xác suất tăng, vì chỉ tiêu cao hơn giá trị trung tâm."
                        } else {
                            "Ở đây độ phân tán lớn hơn làm xác suất giảm, vì chỉ tiêu thấp hơn giá trị trung tâm."
                        },
                        rests_on
                            .as_ref()
                            .map_or(String::new(), |n| format!(" Cơ sở: {n}{}", stop(n)))
                    ),
                ))
            );
        }
        // What the scenario says the spread rests on, in the page's
        // language only (an English note is not put on a Vietnamese page).
        let meta = &input.loaded.meta;
        let note = if vi {
            meta.uncertainty_note_vi.as_ref()
        } else {
            meta.uncertainty_note.as_ref()
        };
        if let Some(note) = note {
            h += &format!(
                "<p class=\"note\">{}</p>\n",
                esc(&pick(
                    &format!(
                        "What the scenario file says of the spread: {}.",
                        note.trim_end_matches('.')
                    ),
                    &format!(
                        "Tệp kịch bản ghi về độ phân tán: {}.",
                        note.trim_end_matches('.')
                    ),
                ))
            );
        }
    }
    if let Some(records) = input.records {
        let mut note = input.lang.record_lines(records);
        for v in input.views.iter().filter(|v| v.optimism_overlaps) {
            note += &input.lang.record_overlap_line(&v.name);
        }
        for line in note.lines() {
            h += &format!("<p class=\"note\">{}</p>\n", esc(line));
        }
    }

    if let Some(b) = input.track_record {
        h += &track_record(input, b, &record_chart);
    }

    // The audit, by readable names.
    h += &format!("<h2>{}</h2>\n<ul class=\"audit\">\n", esc(&p.audit));
    for c in &input.audit.checks {
        let class = match c.status {
            grdp_core::CheckStatus::Pass => "pass",
            grdp_core::CheckStatus::Warn | grdp_core::CheckStatus::Understated => "warn",
            grdp_core::CheckStatus::Fail => "fail",
        };
        h += &format!(
            "<li><span class=\"badge {class}\">{}</span> <strong>{}, {}.</strong> {}</li>\n",
            esc(&w.status(c.status)),
            esc(input.lang.check_name(c.id)),
            crate::findings::check_years(c),
            esc(&message(c, input.loaded, input.lang))
        );
    }
    if input.audit.checks.is_empty() {
        h += &format!(
            "<li>{}</li>\n",
            esc(&pick(
                "No check applies: the scenario sets no sector, structure, per-capita, productivity, period or investment targets to hold against each other.",
                "Không có kiểm tra nào áp dụng: kịch bản không có chỉ tiêu khu vực, cơ cấu, bình quân đầu người, năng suất, giai đoạn hay vốn đầu tư để đối chiếu với nhau."
            ))
        );
    }
    h += "</ul>\n";

    // Appendix.
    h += &format!("<h2>{}</h2>\n", esc(&pick("Appendix", "Phụ lục")));
    for c in appendix {
        h += &figure(c);
    }
    h += &format!(
        "<h3>{}</h3>\n<p>{}</p>\n<ul>\n",
        esc(&p.files),
        esc(&p.files_note)
    );
    for f in extra_files {
        h += &format!("<li><a href=\"{f}\">{f}</a></li>\n");
    }
    h += "</ul>\n</body>\n</html>\n";
    h
}

/// "The year so far": the known part, what the rest needs, and each
/// scenario's P before and given it.
fn year_so_far(input: &ReportInput, g: &grdp_study::partly_known::PartlyKnown) -> String {
    let vi = input.lang == crate::Lang::Vi;
    let n = |v: f64| input.lang.text_num(v, 2);
    let year = input.views.first().map_or(0, |v| v.result.target_year);
    let shares = input.lang.quarter_shares(&g.shares_pct);
    // Below −100 % the rest of the year cannot miss: said so, not a need.
    let target = input.lang.given_num(g.target_pct);
    let (need_en, need_vi) = if g.required_rest_pct <= -100.0 {
        (
            format!("{target}% in the year is reached whatever the rest of the year does."),
            format!("Chỉ tiêu {target}% cả năm đã chắc chắn đạt, bất kể các quý còn lại."),
        )
    } else {
        (
            format!(
                "For {target}% in the year, the rest of the year must grow {}% on average.",
                n(g.required_rest_pct)
            ),
            format!(
                "Để cả năm đạt {target}%, phần còn lại của năm cần tăng bình quân {}%.",
                n(g.required_rest_pct)
            ),
        )
    };
    // Why a part better than the centre can lower P: only where it did.
    let narrowed = g.views.iter().any(|gv| {
        gv.probability < gv.probability_before
            && input
                .views
                .iter()
                .find(|v| v.id == gv.view)
                .is_some_and(|v| g.known_growth_pct >= v.result.mean_pct)
    });
    let (narrows_en, narrows_vi) = if narrowed {
        (
            " The rest of the year stays centred where the scenario puts it; what is known narrows the uncertainty, so a target far above the centre can become less likely even when the part released came in better than expected.",
            " Phần còn lại của năm vẫn lấy giá trị trung tâm như kịch bản; phần đã biết thu hẹp mức không chắc chắn, nên một chỉ tiêu cao hơn nhiều so với giá trị trung tâm có thể trở nên khó đạt hơn ngay cả khi số đã công bố tốt hơn dự kiến.",
        )
    } else {
        ("", "")
    };
    // The known figure's note in the scenario (or that it was given on the
    // command line), after the figure.
    let known_note = input
        .loaded
        .provenance
        .iter()
        .find(|p| p.field == "known.growth_pct")
        .and_then(|p| {
            if vi {
                p.note_vi.as_ref().or(p.note.as_ref())
            } else {
                p.note.as_ref()
            }
        })
        .map_or(String::new(), |n| format!(" ({n})"));
    let (title, text) = if vi {
        (
            format!("Số liệu đã công bố năm {year}"),
            format!(
                "GRDP {} năm {year} tăng {}%{known_note} so với cùng kỳ năm trước. {need_vi} Tỷ trọng các quý trong GRDP năm trước: {shares}% ({}); độ lệch chuẩn của phần còn lại gấp {} lần cả năm ({}).{narrows_vi}",
                input.lang.known_part(g.known),
                input.lang.given_num(g.known_growth_pct),
                input
                    .lang
                    .shares_status(g.shares_stated, g.shares_given_sum_pct),
                n(g.spread_ratio),
                if g.spread_ratio_stated {
                    "nêu bằng --rest-spread"
                } else {
                    "giả định các quý độc lập"
                }
            ),
        )
    } else {
        (
            "The year so far".to_string(),
            format!(
                "{} {year} grew {}%{known_note} on the same period of the year before. {need_en} The year before's quarters were {shares}% of its GRDP ({}); the rest's spread is {} times the year's ({}).{narrows_en}",
                g.known.label(),
                input.lang.given_num(g.known_growth_pct),
                input
                    .lang
                    .shares_status(g.shares_stated, g.shares_given_sum_pct),
                n(g.spread_ratio),
                if g.spread_ratio_stated {
                    "stated with --rest-spread"
                } else {
                    "assuming independent quarters"
                }
            ),
        )
    };
    let headers = if vi {
        [
            "Kịch bản",
            "Xác suất trước khi có số liệu",
            "Xác suất khi đã có số liệu",
        ]
    } else {
        ["Scenario", "P before", "P given the year so far"]
    };
    let w = Words::new(input);
    let table = Table {
        class: "known",
        header: headers.iter().map(|s| s.to_string()).collect(),
        numeric: vec![false, true, true],
        rows: g
            .views
            .iter()
            .zip(&input.views)
            .map(|(k, v)| {
                (
                    vec![
                        v.name.clone(),
                        w.probability(k.probability_before),
                        w.probability(k.probability),
                    ],
                    "",
                )
            })
            .collect(),
    };
    format!(
        "<h2>{}</h2>\n<p>{}</p>\n{}",
        esc(&title),
        esc(&text),
        table.html()
    )
}

/// "Beside its neighbours": each region's growth in the base year, its
/// average growth aim for the plan period and the step between, with a
/// sentence on where the area's own step lies among the others'.
/// The projection's first plan year beside the base year, for the
/// figures a resolution's main table lists (GRDP at current prices, per
/// capita, labour productivity, the structure at current prices) that no
/// target of that year covers; empty where every one is a target or none
/// is known.
fn other_figures(input: &ReportInput) -> String {
    use grdp_core::Indicator as I;
    let lang = input.lang;
    let pick = |en: &str, vi_text: &str| input.lang.pick(en, vi_text).to_string();
    let (Some(y), base) = (input.projection.years.first(), &input.projection.base) else {
        return String::new();
    };
    let targeted = |ind: I, comp: Option<&str>| {
        input.target_outcomes.iter().any(|o| {
            o.target.year == y.year
                && o.target.indicator == ind
                && o.target.component.as_deref() == comp
        })
    };
    let mut rows: Vec<(Vec<String>, &str)> = Vec::new();
    let mut add = |name: String, unit: &str, b: Option<f64>, v: Option<f64>, d: usize| {
        if let Some(v) = v {
            rows.push((
                vec![
                    name,
                    unit.to_string(),
                    b.map_or("–".into(), |b| lang.num(b, d)),
                    lang.num(v, d),
                ],
                "",
            ));
        }
    };
    // (indicator, name, unit, base year, projection, decimals).
    let whole = [
        (
            I::GrdpCurrentBnVnd,
            ("GRDP at current prices", "GRDP theo giá hiện hành"),
            ("bn VND", "tỷ đồng"),
            base.grdp_current_bn_vnd,
            y.grdp_current_bn_vnd,
            0,
        ),
        (
            I::GrdpPerCapitaMnVnd,
            ("GRDP per capita", "GRDP bình quân đầu người"),
            ("mn VND", "triệu đồng"),
            base.grdp_per_capita_mn_vnd,
            y.grdp_per_capita_mn_vnd,
            2,
        ),
        (
            I::LabourProductivityMnVnd,
            ("Labour productivity", "Năng suất lao động"),
            ("mn VND a worker", "triệu đồng/lao động"),
            base.labour_productivity_mn_vnd,
            y.labour_productivity_mn_vnd,
            2,
        ),
    ];
    for (ind, (en, vi_name), (unit_en, unit_vi), b, v, d) in whole {
        if !targeted(ind, None) {
            add(pick(en, vi_name), &pick(unit_en, unit_vi), b, v, d);
        }
    }
    for (i, c) in y.components.iter().enumerate() {
        if targeted(I::ShareCurrentPct, Some(&c.id)) {
            continue;
        }
        let name = lang.component_name_of(input.loaded, &c.id);
        add(
            pick(
                &format!("{name}: share of GRDP, current prices"),
                &format!("{name}: tỷ trọng trong GRDP, giá hiện hành"),
            ),
            "%",
            base.share_current_pct
                .as_ref()
                .and_then(|s| s.get(i).copied()),
            c.share_current_pct,
            2,
        );
    }
    if rows.is_empty() {
        return String::new();
    }
    let by = base.year;
    let mut h = format!(
        "<h3>{}</h3>\n<p class=\"note\">{}</p>\n",
        esc(&pick(
            &format!("The projection's other figures, {}", y.year),
            &format!("Các chỉ tiêu khác theo dự báo, năm {}", y.year),
        )),
        esc(&pick(
            "Figures a resolution's main table lists and the scenario sets no target for: what the projection gives (its assumed growth, prices and population; no probability).",
            "Các chỉ tiêu thường có trong bảng chỉ tiêu chủ yếu của nghị quyết mà kịch bản chưa đặt chỉ tiêu: kết quả theo dự báo (tốc độ tăng, giá và dân số giả định; không tính xác suất).",
        ))
    );
    h += &Table {
        class: "other-figures",
        header: vec![
            pick("Indicator", "Chỉ tiêu"),
            pick("Unit", "Đơn vị"),
            pick(
                &format!("{by} (estimate or derived)"),
                &format!("Năm {by} (ước tính hoặc tính toán)"),
            ),
            pick(
                &format!("Projection {}", y.year),
                &format!("Dự báo năm {}", y.year),
            ),
        ],
        numeric: vec![false, false, true, true],
        rows,
    }
    .html();
    h
}

/// The section "what the rest of the year needs": for growth over the
/// first quarter, half and nine months at and below the target, the
/// remaining quarters' average growth the target needs.
fn quarter_path(input: &ReportInput, q: &grdp_study::QuarterPath) -> String {
    let lang = input.lang;
    let vi = lang == crate::Lang::Vi;
    let pick = |en: &str, vi_text: &str| input.lang.pick(en, vi_text).to_string();
    let (year, t) = (q.year, lang.given_num(q.target_pct));
    let shares = if q.shares_stated {
        pick(
            "quarters weighted by the year before's shares at constant prices",
            "các quý tính theo tỷ trọng của năm trước theo giá so sánh",
        )
    } else {
        pick(
            "the four quarters weighted equally, an assumption (the year before's quarter shares at constant prices are not in the data; a fourth quarter larger than the first, as is usual, lowers what the last quarter must make up)",
            "bốn quý có tỷ trọng bằng nhau, là giả định (dữ liệu chưa có tỷ trọng từng quý của năm trước theo giá so sánh; thường quý IV lớn hơn quý I, khi đó mức quý IV phải bù sẽ thấp hơn)",
        )
    };
    // With equal quarters, a point short is made up by a third of a point
    // on the three quarters left after Q1, one after H1, three after 9M.
    let (rule_en, rule_vi) = if q.shares_stated {
        (String::new(), String::new())
    } else {
        (
            " Each point short after the first quarter asks a third of a point more of the three quarters left; after the first half, a point more; after nine months, three points more of the fourth quarter.".to_string(),
            " Mỗi điểm phần trăm hụt sau quý I cần bù thêm một phần ba điểm ở ba quý còn lại; sau 6 tháng, thêm một điểm; sau 9 tháng, thêm ba điểm ở quý IV.".to_string(),
        )
    };
    let mut h = format!(
        "<h2>{}</h2>\n<p>{}</p>\n",
        esc(&pick(
            &format!("The year's releases against {t} %: what the rest of {year} needs"),
            &format!(
                "Đối chiếu số liệu công bố trong năm với chỉ tiêu {t}%: các quý còn lại của năm {year} cần tăng bao nhiêu"
            ),
        )),
        esc(&if vi {
            format!(
                "Mỗi ô: tốc độ tăng bình quân các quý còn lại cần đạt để cả năm {year} tăng {t}%, khi tăng trưởng lũy kế từ đầu năm (so với cùng kỳ năm trước) bằng mức ở đầu cột; {shares}. Tăng trưởng lũy kế bằng {t}% thì phần còn lại chỉ cần {t}%.{rule_vi}"
            )
        } else {
            format!(
                "Each cell: the average growth the remaining quarters need for {t} % in {year}, when growth so far, cumulated from January on the same period of the year before, is the column's; {shares}. Growth so far at {t} % asks {t} % of the rest.{rule_en}"
            )
        })
    );
    let mut header = vec![pick("Known", "Đã có số liệu")];
    // To two decimals at most, as the cells below.
    let so_far = |g: f64| lang.text_num(g, crate::lang::given_decimals(g).min(2));
    header.extend(q.so_far_pct.iter().map(|g| {
        pick(
            &format!("so far {} %", so_far(*g)),
            &format!("lũy kế {}%", so_far(*g)),
        )
    }));
    let numeric: Vec<bool> = std::iter::once(false)
        .chain(q.so_far_pct.iter().map(|_| true))
        .collect();
    let rows = q
        .rows
        .iter()
        .map(|r| {
            let rest = match r.part {
                grdp_core::quarters::KnownPart::Q1 => {
                    pick("Q1; the rest is Q2–Q4", "quý I; còn lại quý II–IV")
                }
                grdp_core::quarters::KnownPart::H1 => {
                    pick("H1; the rest is H2", "6 tháng đầu; còn lại 6 tháng cuối")
                }
                grdp_core::quarters::KnownPart::M9 => {
                    pick("9M; the rest is Q4", "9 tháng; còn lại quý IV")
                }
            };
            let mut row = vec![rest];
            row.extend(r.rest_needed_pct.iter().map(|v| lang.text_num(*v, 2)));
            (row, "")
        })
        .collect();
    h += &Table {
        class: "quarter-path",
        header,
        numeric,
        rows,
    }
    .html();
    h
}

fn neighbours(input: &ReportInput, n: &grdp_study::neighbours::Neighbours) -> String {
    let lang = input.lang;
    let vi = lang == crate::Lang::Vi;
    let num = |v: Option<f64>| v.map_or("–".to_string(), |v| lang.given_num(v));
    let year = n.year;
    // A plan's years with an en dash, as the page writes periods.
    let period = n.period.as_ref().map(|p| p.replace('-', "–"));
    let own = n.rows.iter().find(|r| r.own);
    let own_name = own.map_or(String::new(), |r| lang.region_name(&r.region));
    // The area's step, then the others' (each named where they are few, as
    // a range where many), then what the plan's first year leaves for the
    // rest of the period, where the audit has that period's target.
    let others: Vec<(&str, f64)> = n
        .rows
        .iter()
        .filter(|r| !r.own)
        .filter_map(|r| Some((r.region.as_str(), r.step_pp?)))
        .collect();
    let lowest = others.iter().min_by(|a, b| a.1.total_cmp(&b.1));
    let highest = others.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    let others_text = match (others.len(), lowest, highest) {
        (0, _, _) => String::new(),
        (1..=4, _, _) => {
            let list = others
                .iter()
                .map(|(r, st)| format!("{} {}", lang.region_name(r), lang.signed(*st)))
                .collect::<Vec<_>>()
                .join("; ");
            if vi {
                format!(" Các địa phương khác có đủ hai số liệu: {list}.")
            } else {
                format!(" The others with both figures: {list}.")
            }
        }
        (k, Some(lo), Some(hi)) => {
            let (lo_name, hi_name) = (lang.region_name(lo.0), lang.region_name(hi.0));
            let (lo_txt, hi_txt) = (lang.signed(lo.1), lang.signed(hi.1));
            if vi {
                format!(
                    " {k} địa phương khác có đủ hai số liệu: từ {lo_txt} ({lo_name}) đến {hi_txt} ({hi_name})."
                )
            } else {
                format!(
                    " The {k} others with both figures: from {lo_txt} ({lo_name}) to {hi_txt} ({hi_name})."
                )
            }
        }
        _ => String::new(),
    };
    // The audit's own check of the same period: the years after the plan.
    let after_plan = input.audit.checks.iter().find_map(|c| match &c.figures {
        // Only the scenario's target for the same aim: the same period,
        // a floor, and the same lower bound as the table's.
        grdp_core::audit::Figures::PeriodAverage(f)
            if n.period.as_deref() == Some(format!("{}-{}", f.first_year, c.year).as_str())
                && f.direction == grdp_core::Direction::AtLeast
                && f.target_min_pct.zip(own.and_then(|r| r.aim_min_pct))
                    .is_some_and(|(a, b)| (a - b).abs() < 1e-9) =>
        {
            let need = f.required_after_plan_for_min_pct?;
            let plan = f.planned.last()?;
            let growth = own.and_then(|r| r.growth_pct)?;
            let rest = format!("{}–{}", plan.year + 1, c.year);
            let (g, nd, gap) = (
                lang.text_num(plan.growth_pct, 2),
                lang.text_num(need, 2),
                lang.text_num((need - growth).abs(), 2),
            );
            let above = need >= growth;
            Some(match (vi, above) {
                (true, true) => format!(" Nếu năm {} tăng {g}% như kịch bản, các năm {rest} cần tăng bình quân {nd}%/năm, cao hơn năm {year} là {gap} điểm phần trăm.", plan.year),
                (true, false) => format!(" Nếu năm {} tăng {g}% như kịch bản, các năm {rest} cần tăng bình quân {nd}%/năm, thấp hơn năm {year} là {gap} điểm phần trăm.", plan.year),
                (false, true) => format!(" If {} grows {g}% as the scenario projects, {rest} need {nd}% a year on average, {gap} points above {year}.", plan.year),
                (false, false) => format!(" If {} grows {g}% as the scenario projects, {rest} need {nd}% a year on average, {gap} points below {year}.", plan.year),
            })
        }
        _ => None,
    });
    let step_sentence = match (own.and_then(|r| r.step_pp), &period) {
        (Some(s), Some(period)) => {
            let size = lang.text_num(s.abs(), 2);
            let own_part = match (s >= 0.0, vi) {
                (true, true) => format!(
                    " Mục tiêu {period} của {own_name} đòi hỏi tốc độ tăng bình quân cao hơn năm {year} ít nhất {size} điểm phần trăm mỗi năm."
                ),
                (true, false) => format!(
                    " The {period} aim of {own_name} averages at least {size} points a year above its {year} growth."
                ),
                (false, true) => format!(
                    " Mục tiêu {period} của {own_name} thấp hơn tốc độ tăng năm {year} {size} điểm phần trăm."
                ),
                (false, false) => format!(
                    " The {period} aim of {own_name} lies {size} points below its {year} growth."
                ),
            };
            format!("{own_part}{others_text}{}", after_plan.unwrap_or_default())
        }
        _ => String::new(),
    };
    // The statuses the figures carry, as the table gives them; where they
    // differ, each with the regions that carry it, so a reader can tell a
    // statistics office's figure from a province's own estimate.
    let statuses = |f: fn(&grdp_study::neighbours::NeighbourRow) -> Option<&String>| {
        let mut s: Vec<&str> = n
            .rows
            .iter()
            .filter_map(|r| f(r).map(String::as_str))
            .collect();
        s.sort_unstable();
        s.dedup();
        // The table's statuses in English; the Vietnamese page says them
        // as releases do.
        let say = |status: &str| input.lang.table_status(status);
        let several = s.len() > 1;
        s.into_iter()
            .map(|status| {
                if !several {
                    return format!("“{}”", say(status));
                }
                let regions: Vec<String> = n
                    .rows
                    .iter()
                    .filter(|r| f(r).is_some_and(|x| x == status))
                    .map(|r| input.lang.region_name(&r.region))
                    .collect();
                format!("“{}” ({})", say(status), regions.join(", "))
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let growth_status = statuses(|r| r.growth_status.as_ref());
    let aim_status = statuses(|r| r.aim_status.as_ref());
    // The table read (the built-in one, or the office's own).
    let table = input.lang.table_origin(&n.table);
    let text = match (&period, vi) {
        (Some(p), true) => format!(
            "Tăng trưởng GRDP năm {year} và mục tiêu tăng trưởng bình quân giai đoạn {p} theo bảng số liệu các tỉnh; chênh lệch cần nâng là số điểm phần trăm mỗi địa phương cần cộng vào tốc độ tăng năm {year} để đạt cận dưới của mục tiêu.{step_sentence} Trạng thái số liệu theo bảng: tăng trưởng {growth_status}{}. “–”: không có trong bảng. Nguồn từng số: {table} và summary.json (neighbours).",
            if aim_status.is_empty() {
                String::new()
            } else {
                format!("; mục tiêu {aim_status}")
            },
        ),
        (Some(p), false) => format!(
            "GRDP growth in {year} and the average growth aimed at for {p} as the provincial table gives them; the step is what each must add to its {year} growth to reach its aim's lower bound, in percentage points.{step_sentence} Status as the table gives it: growth {growth_status}{}. “–”: not in the table. Each figure's source: {table} and summary.json (neighbours).",
            if aim_status.is_empty() {
                String::new()
            } else {
                format!("; aims {aim_status}")
            },
        ),
        // No aim holds the plan year: growth alone.
        (None, true) => format!(
            "Tăng trưởng GRDP năm {year} theo bảng số liệu các tỉnh (trạng thái: {growth_status}); bảng không có mục tiêu bình quân nào cho giai đoạn kế hoạch. “–”: không có trong bảng. Nguồn từng số: {table} và summary.json (neighbours)."
        ),
        (None, false) => format!(
            "GRDP growth in {year} as the provincial table gives it (status {growth_status}); the table has no average aim for the plan period. “–”: not in the table. Each figure's source: {table} and summary.json (neighbours)."
        ),
    };
    let mut header = vec![
        (
            if vi {
                "Địa phương".to_string()
            } else {
                "Area".to_string()
            },
            false,
        ),
        (
            if vi {
                format!("Tăng trưởng {year} (%, giá so sánh)")
            } else {
                format!("Growth {year} (%, constant prices)")
            },
            true,
        ),
    ];
    if let Some(p) = &period {
        header.push((
            if vi {
                format!("Mục tiêu bình quân {p} (%/năm)")
            } else {
                format!("Aim {p} (% a year)")
            },
            true,
        ));
        header.push((
            if vi {
                "Chênh lệch cần nâng (điểm %)".to_string()
            } else {
                "Step (pp)".to_string()
            },
            true,
        ));
    }
    let rows = n
        .rows
        .iter()
        .map(|r| {
            let mut cells = vec![lang.region_name(&r.region), num(r.growth_pct)];
            if n.period.is_some() {
                cells.push(match (r.aim_min_pct, r.aim_max_pct) {
                    (Some(a), Some(b)) => format!("{}–{}", lang.given_num(a), lang.given_num(b)),
                    // A ceiling alone.
                    (None, Some(b)) => format!("≤ {}", lang.given_num(b)),
                    (a, None) => num(a),
                });
                cells.push(r.step_pp.map_or("–".to_string(), |s| lang.signed(s)));
            }
            (cells, if r.own { "own" } else { "" })
        })
        .collect();
    let table = Table {
        class: "neighbours",
        header: header.iter().map(|h| h.0.clone()).collect(),
        numeric: header.iter().map(|h| h.1).collect(),
        rows,
    };
    format!(
        "<h2>{}</h2>
<p>{}</p>
{}",
        esc(if vi {
            "So sánh với các địa phương khác"
        } else {
            "Beside its neighbours"
        }),
        esc(&text),
        table.html()
    )
}

/// A chart: the image (its title is drawn in it) and its caption. Screens
/// up to 700 px wide get the phone copy, drawn for their width; the link
/// opens the full page copy.
fn figure(c: &Chart) -> String {
    let (w, hgt) = (crate::charts::WIDTH, crate::charts::HEIGHT);
    let phone = c.phone_file();
    let (pw, ph) = png_size(&c.phone_png).unwrap_or((w, hgt));
    format!(
        "<figure>\n<a href=\"{0}\"><picture><source media=\"(max-width: 700px)\" srcset=\"{phone}\" width=\"{pw}\" height=\"{ph}\"><img src=\"{0}\" alt=\"{1}\" width=\"{w}\" height=\"{hgt}\" loading=\"lazy\"></picture></a>\n<figcaption>{2}</figcaption>\n</figure>\n",
        c.file,
        esc(&c.title),
        esc(&c.caption)
    )
}

/// Width and height of a PNG, from its header (bytes 16-23 of the IHDR
/// chunk, big-endian).
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let word = |at: usize| -> Option<u32> {
        Some(u32::from_be_bytes(png.get(at..at + 4)?.try_into().ok()?))
    };
    Some((word(16)?, word(20)?))
}

/// "Data: the scenario file (sha …); 12 official, 30 estimate, … figures."
fn source_line(input: &ReportInput) -> String {
    let vi = input.lang == crate::Lang::Vi;
    let mut counts: Vec<(Status, usize)> = Status::ALL.iter().map(|s| (*s, 0)).collect();
    let mut unmarked = 0;
    for p in &input.loaded.provenance {
        match p.status {
            Some(s) => {
                if let Some(c) = counts.iter_mut().find(|(x, _)| *x == s) {
                    c.1 += 1;
                }
            }
            None => unmarked += 1,
        }
    }
    let word = |s: Status| -> &'static str {
        match (s, vi) {
            (Status::Official, false) => "official",
            (Status::Official, true) => "chính thức",
            (Status::Preliminary, false) => "preliminary",
            (Status::Preliminary, true) => "sơ bộ",
            (Status::Estimate, false) => "estimate",
            (Status::Estimate, true) => "ước tính",
            (Status::Reported, false) => "reported",
            (Status::Reported, true) => "báo chí đưa tin",
            (Status::Target, false) => "target",
            (Status::Target, true) => "chỉ tiêu",
            (Status::Plan, false) => "plan",
            (Status::Plan, true) => "kế hoạch",
            (Status::Scenario, false) => "scenario",
            (Status::Scenario, true) => "kịch bản",
            (Status::Derived, false) => "derived",
            (Status::Derived, true) => "tính toán",
            (Status::Assumption, false) => "assumption",
            (Status::Assumption, true) => "giả định",
            (Status::Secondary, false) => "secondary source",
            (Status::Secondary, true) => "nguồn thứ cấp",
        }
    };
    let mut parts: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n} {}", word(*s)))
        .collect();
    if unmarked > 0 {
        parts.push(if vi {
            format!("{unmarked} chưa ghi trạng thái")
        } else {
            format!("{unmarked} without a status")
        });
    }
    let name = input.lang.scenario_name(input.loaded);
    let sha: String = input.loaded.sha256.chars().take(12).collect();
    let m = &input.meta;
    if vi {
        format!(
            "Số liệu: {name} (tệp kịch bản, SHA-256 {sha}…), mỗi con số kèm nguồn: {}. grdp {}; {} lần mô phỏng, số khởi tạo ngẫu nhiên (seed) {}.",
            parts.join(", "),
            m.version,
            input.lang.num(m.scenarios as f64, 0),
            m.seed
        )
    } else {
        format!(
            "Data: {name} (scenario file, SHA-256 {sha}…), every figure with its source: {}. grdp {}; {} simulated draws, seed {}.",
            parts.join(", "),
            m.version,
            input.lang.num(m.scenarios as f64, 0),
            m.seed
        )
    }
}

const CSS: &str = "body { font-family: 'DejaVu Sans', 'Noto Sans', Arial, sans-serif; max-width: 1240px; margin: 2em auto; padding: 0 1em; color: #202020; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { border-bottom: 2px solid #ddd; padding-bottom: 0.2em; margin-top: 2em; }
.meta, .note { color: #555; font-size: 0.9em; overflow-wrap: anywhere; }
ul.target-notes { list-style: none; padding-left: 0; margin-top: -0.5em; }
.about { margin: 0.3em 0 0.6em; }
.verdict { border-left: 6px solid #0072b2; background: #f2f7fb; padding: 0.4em 1.2em 0.8em 1.2em; margin: 1.5em 0; }
.verdict h2 { border: none; margin-top: 0.5em; font-size: 1.5em; }
.findings li { margin-bottom: 0.4em; }
figure { margin: 1.5em 0 2.5em 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #e4e4e4; }
figcaption { margin-top: 0.5em; max-width: 1100px; }
.scroll { overflow-x: auto; max-width: 100%; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em 0; }
th, td { border-bottom: 1px solid #e4e4e4; padding: 0.3em 0.8em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
th.n, td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.n.wrap, td.n.wrap { white-space: normal; min-width: 7em; }
table.proposal td:first-child, table.targets td:first-child { min-width: 14em; }
table.proposal td:last-child { min-width: 18em; }
table.targets td:last-child { min-width: 8em; }
tr.missed td:last-child { font-weight: bold; color: #a33b00; }
tr.exceeded td:last-child { color: #0060a0; }
tr.preferred td { font-weight: bold; }
tr.own td { font-weight: bold; }
ul.audit li { margin-bottom: 0.7em; }
.badge { display: inline-block; min-width: 5.5em; text-align: center; border-radius: 3px; padding: 0 0.4em; font-size: 0.85em; color: white; }
.badge.pass { background: #0072b2; } .badge.warn { background: #8a5a00; } .badge.fail { background: #a33b00; }
@media (max-width: 700px) { body { margin: 1em auto; font-size: 15px; } h1 { font-size: 1.35em; } .verdict h2 { font-size: 1.2em; }
  table, tbody, tr, td { display: block; width: 100%; box-sizing: border-box; } thead { display: none; }
  tr { border: 1px solid #ddd; border-radius: 4px; margin-bottom: 0.8em; padding: 0.3em 0; }
  td, td.n { border: none; text-align: left; white-space: normal; padding: 0.15em 0.6em; min-width: 0 !important; }
  td::before { content: attr(data-label) \": \"; color: #555; }
  td:first-child { font-weight: bold; } td:first-child::before { content: none; } }
@page { size: A4; margin: 15mm; }
@media print { body { max-width: none; margin: 0; font-size: 10pt; } .scroll { overflow: visible; } figure { break-inside: avoid; } h2 { break-after: avoid; } .verdict { break-inside: avoid; } a { color: inherit; text-decoration: none; } }";

/// "Track record": grdp's views scored on the record's past targets, what
/// the record says about the spread, and where the target year's outcome
/// fell (for a region that has one, on its own basis or the merged one).
fn track_record(
    input: &ReportInput,
    b: &grdp_study::backtest::Backtest,
    chart: &[&Chart],
) -> String {
    let lang = input.lang;
    let vi = lang == Lang::Vi;
    let pick = |en: String, vi_text: String| if vi { vi_text } else { en };
    let n2 = |v: f64| lang.text_num(v, 2);
    // The views as the backtest rebuilds them for each past year (not the
    // scenario's own wording, which names this year's plan).
    let view_name = |id: &str| lang.backtest_view(id);
    let target_year = input
        .views
        .first()
        .map_or(String::new(), |v| v.result.target_year.to_string());
    let mut h = format!(
        "<h2>{}</h2>\n<p>{}</p>\n",
        esc(&pick(
            "Track record: how these scenarios would have fared".into(),
            "Kiểm định ngược: các kịch bản này đã dự báo đúng đến đâu".into()
        )),
        esc(&pick(
            format!(
                "For each past year with a growth target and an outcome ({}), each scenario's centre was rebuilt from what was known before the year (the target as set, last year's growth, the earlier shortfalls), with growth normal around it, and scored against what happened. The spread is today's, not the time's: {} pp, the plan scenario's for {target_year}, from the scenario file's uncertainty. The Brier score is (P − met)², averaged: 0 is perfect, 0.25 is what always saying 0.5 earns. The bands count the years whose outcome fell in the central 50, 80 and 90 % of the forecast.",
                b.years
                    .iter()
                    .map(|y| y.year.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                n2(b.sd_pp)
            ),
            format!(
                "Với mỗi năm trước đây có chỉ tiêu và kết quả tăng trưởng ({}), tâm của từng kịch bản được dựng lại chỉ từ thông tin có trước năm đó (chỉ tiêu đã đặt, tốc độ năm trước, mức hụt các năm trước), tăng trưởng phân phối chuẩn quanh tâm đó, rồi so với thực tế. Độ lệch chuẩn là của hiện nay, không phải của thời điểm đó: {} điểm phần trăm, của kịch bản kế hoạch năm {target_year}, theo mức độ không chắc chắn ghi trong tệp kịch bản. Điểm Brier là (P − đạt)² trung bình: 0 là hoàn hảo, 0,25 là mức của việc luôn nói 0,5. Các dải đếm số năm có kết quả nằm trong 50, 80 và 90 % ở giữa của dự báo.",
                b.years
                    .iter()
                    .map(|y| y.year.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                n2(b.sd_pp)
            ),
        ))
    );
    let header = if vi {
        vec![
            "Kịch bản".to_string(),
            "Số năm".into(),
            "Brier".into(),
            "Số năm nằm trong dải 50% / 80% / 90%".into(),
            "Sai số trung bình (điểm %)".into(),
            "Căn bậc hai sai số toàn phương trung bình (RMSE, điểm phần trăm)".into(),
        ]
    } else {
        vec![
            "Scenario".to_string(),
            "Years".into(),
            "Brier".into(),
            "In the 50 / 80 / 90 % band".into(),
            "Mean error (pp)".into(),
            "RMSE (pp)".into(),
        ]
    };
    let table = Table {
        class: "track",
        header,
        numeric: vec![false, true, true, true, true, true],
        rows: b
            .views
            .iter()
            .map(|v| {
                (
                    vec![
                        view_name(v.view),
                        v.years.to_string(),
                        lang.num(v.mean_brier, 3),
                        format!(
                            "{} / {} / {} {} {}",
                            v.in_bands[0],
                            v.in_bands[1],
                            v.in_bands[2],
                            if vi { "trên" } else { "of" },
                            v.years
                        ),
                        lang.signed(v.mean_error_pp),
                        lang.num(v.rmse_pp, 2),
                    ],
                    "",
                )
            })
            .collect(),
    };
    h += &table.html();
    for c in chart {
        h += &figure(c);
    }
    let plan_bias = b
        .views
        .iter()
        .find(|v| v.view == "plan")
        .map_or(0.0, |v| v.mean_error_pp);
    h += &format!(
        "<p>{}</p>\n",
        esc(&pick(
            format!(
                "What it means: the plan's one-year-ahead errors average {} pp, mostly misses, a bias that no spread removes; about that average they scatter by {} pp (standard deviation), and their root mean square is {} pp, against the {} pp in use. The spread that makes past outcomes' positions closest to uniform is {} pp, but with {} years a test rejects none between {}: the record cannot settle the spread. Outcomes are the latest estimates; provincial figures before about 2017 are on an older basis and are left out.",
                lang.signed(plan_bias),
                n2(b.errors_sd_pp),
                n2(b.record_sd_pp),
                n2(b.sd_pp),
                n2(b.pit_uniform_sd_pp),
                b.years.len(),
                b.pit_consistent_sd_pp
                    .map_or("–".into(), |[lo, hi]| format!(
                        "{} and {} pp",
                        n2(lo),
                        n2(hi)
                    ))
            ),
            format!(
                "Ý nghĩa: sai số dự báo một năm của kịch bản kế hoạch trung bình {} điểm phần trăm, chủ yếu là hụt: đó là độ chệch (sai lệch có hệ thống), không độ lệch chuẩn nào khắc phục được; quanh mức trung bình đó, sai số phân tán với độ lệch chuẩn {} điểm phần trăm; căn bậc hai trung bình bình phương của sai số là {} điểm phần trăm, so với độ lệch chuẩn {} điểm phần trăm đang dùng. Độ lệch chuẩn làm vị trí các kết quả gần phân phối đều nhất là {} điểm phần trăm, nhưng với {} năm, kiểm định không bác bỏ độ lệch chuẩn nào trong khoảng {}: chuỗi số liệu quá ngắn để xác định độ lệch chuẩn. Kết quả thực hiện là số ước tính mới nhất; số liệu cấp tỉnh trước khoảng năm 2017 theo phương pháp cũ nên không dùng.",
                lang.signed(plan_bias),
                n2(b.errors_sd_pp),
                n2(b.record_sd_pp),
                n2(b.sd_pp),
                n2(b.pit_uniform_sd_pp),
                b.years.len(),
                b.pit_consistent_sd_pp
                    .map_or("–".into(), |[lo, hi]| format!(
                        "{}–{} điểm phần trăm",
                        n2(lo),
                        n2(hi)
                    ))
            ),
        ))
    );
    if let Some(l) = &b.later {
        h += &format!(
            "<p>{}</p>\n",
            esc(&pick(
                format!(
                    "{}: growth was {} % for the city as merged on 1 July 2025 (with Hậu Giang and Sóc Trăng), while the {} % target was set for the old city: an indication, not a score. Where {} % fell in each scenario's distribution (the share of draws at or below it):",
                    l.year,
                    n2(l.outcome_pct),
                    lang.given_num(input.views[0].result.target_pct),
                    n2(l.outcome_pct)
                ),
                format!(
                    "Năm {}: thành phố sau hợp nhất (từ 1/7/2025, gồm cả Hậu Giang và Sóc Trăng) tăng {}%, trong khi chỉ tiêu {}% được đặt cho thành phố trước hợp nhất: chỉ để tham khảo, không phải để chấm điểm. Vị trí của {}% trong phân phối của từng kịch bản (tỷ lệ lần mô phỏng không vượt quá mức này):",
                    l.year,
                    n2(l.outcome_pct),
                    lang.given_num(input.views[0].result.target_pct),
                    n2(l.outcome_pct)
                ),
            ))
        );
        let table = Table {
            class: "track",
            header: if vi {
                vec![
                    "Kịch bản".to_string(),
                    "Xác suất đạt".into(),
                    "Vị trí của kết quả".into(),
                ]
            } else {
                vec![
                    "Scenario".to_string(),
                    "P(target)".into(),
                    "Where the outcome fell".into(),
                ]
            },
            numeric: vec![false, true, true],
            rows: l
                .views
                .iter()
                .map(|v| {
                    (
                        vec![
                            input
                                .views
                                .iter()
                                .find(|x| x.id == v.view)
                                .map_or_else(|| v.view.clone(), |x| x.name.clone()),
                            lang.probability(v.probability),
                            lang.num(v.pit, 3),
                        ],
                        "",
                    )
                })
                .collect(),
        };
        h += &table.html();
    }
    h
}
