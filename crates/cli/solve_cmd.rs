//! `grdp solve`: the growth a target needs.

use grdp_core::solve::{self, ComponentSolution, PeriodSolution, UniformSolution};
use grdp_scenario::LoadedScenario;
use serde::Serialize;

use crate::UsageError;
use crate::args::{Format, SolveArgs};
use crate::output::{csv_num, csv_text, emit, json};
use crate::table::Table;
use grdp_report::Lang;

/// The answer, by kind of question (JSON: `{ "scenario", "kind", ... }`).
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Answer {
    Component(ComponentSolution),
    Uniform(UniformSolution),
    Period(PeriodSolution),
}

#[derive(Serialize)]
struct SolveJson<'a> {
    scenario: &'a str,
    #[serde(flatten)]
    answer: &'a Answer,
}

pub fn run(args: &SolveArgs) -> anyhow::Result<()> {
    let loaded = crate::args::load(&args.common.scenario)?;
    let s = &loaded.scenario;
    let first_plan_year = s.plan().years().first().map(|y| y.year);
    let answer = if let (Some((first, last)), Some(avg)) = (args.period, args.average) {
        // Known outcomes only: the plan's years are what is being solved for.
        Answer::Period(solve::period_average(first, last, avg, s.outcomes())?)
    } else {
        let target = args
            .target
            .ok_or_else(|| UsageError("--target is needed with --component or --uniform".into()))?;
        let year = args.year.or(first_plan_year).ok_or_else(|| {
            anyhow::anyhow!("the scenario has no [[plan]] year to solve for; add one")
        })?;
        match &args.component {
            Some(c) => Answer::Component(solve::component_for_target(
                s.economy(),
                s.plan(),
                year,
                target,
                c,
            )?),
            None => Answer::Uniform(solve::uniform_for_target(
                s.economy(),
                s.plan(),
                year,
                target,
            )?),
        }
    };
    let lang = args.common.lang();
    let text = match args.common.format {
        Format::Json => json(&SolveJson {
            scenario: &loaded.meta.name,
            answer: &answer,
        })?,
        Format::Csv => csv(&loaded, &answer, lang)?,
        Format::Table => format!(
            "{}: {}\n{}",
            lang.labels().scenario,
            lang.scenario_name(&loaded),
            table(&loaded, &answer, lang)
        ),
    };
    emit(&text, args.common.output.as_deref())
}

fn csv(loaded: &LoadedScenario, a: &Answer, lang: Lang) -> anyhow::Result<String> {
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
                "weight_pct",
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
    }
}

fn table(loaded: &LoadedScenario, a: &Answer, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let n = |v: f64| lang.num(v, 2);
    let signed = |v: f64| {
        if v >= 0.005 {
            format!("+{}", n(v))
        } else {
            n(v)
        }
    };
    match a {
        Answer::Component(c) => {
            let who = lang.component_name_of(loaded, &c.component);
            if vi {
                format!(
                    "Để GRDP {} tăng {}% (kịch bản: {}%), khu vực {} cần tăng {}% thay vì {}% ({} điểm %), các khu vực khác giữ nguyên. Tỷ trọng giá so sánh của khu vực: {}%.\n",
                    c.year,
                    n(c.target_pct),
                    n(c.planned_aggregate_pct),
                    who,
                    n(c.required_growth_pct),
                    n(c.planned_growth_pct),
                    signed(c.change_pp),
                    n(c.weight_pct)
                )
            } else {
                format!(
                    "For GRDP growth of {}% in {} (plan: {}%), {} needs {}% growth instead of {}% ({} pp), the other components as planned. Its weight at 2010 prices: {}%.\n",
                    n(c.target_pct),
                    c.year,
                    n(c.planned_aggregate_pct),
                    who,
                    n(c.required_growth_pct),
                    n(c.planned_growth_pct),
                    signed(c.change_pp),
                    n(c.weight_pct)
                )
            }
        }
        Answer::Uniform(u) => {
            let l = lang.labels();
            let head = if vi {
                format!(
                    "Để GRDP {} tăng {}% (kịch bản: {}%), mọi khu vực cần tăng thêm {} điểm %:\n\n",
                    u.year,
                    n(u.target_pct),
                    n(u.planned_aggregate_pct),
                    n(u.add_on_pp)
                )
            } else {
                format!(
                    "For GRDP growth of {}% in {} (plan: {}%), every component needs {} pp more growth:\n\n",
                    n(u.target_pct),
                    u.year,
                    n(u.planned_aggregate_pct),
                    n(u.add_on_pp)
                )
            };
            let planned = if vi {
                "Kịch bản (%)"
            } else {
                "Planned (%)"
            };
            let needed = if vi {
                "Cần đạt (%)"
            } else {
                "Required (%)"
            };
            let mut t = Table::new([l.component, planned, needed]);
            for c in &u.components {
                t.row(vec![
                    lang.component_name_of(loaded, &c.id).to_string(),
                    n(c.planned_growth_pct),
                    n(c.required_growth_pct),
                ]);
            }
            head + &t.render()
        }
        Answer::Period(p) => {
            let years = p
                .remaining_years
                .iter()
                .map(i32::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let one = p.remaining_years.len() == 1;
            let known = p
                .known
                .iter()
                .map(|k| format!("{} {}%", k.year, n(k.growth_pct)))
                .collect::<Vec<_>>()
                .join(", ");
            if vi {
                format!(
                    "Để GRDP bình quân {}–{} tăng {}%/năm, sau các năm đã biết ({}; bình quân {}%/năm), {} {} cần tăng {}%.\n",
                    p.first_year,
                    p.last_year,
                    n(p.average_pct),
                    known,
                    lang.opt(p.known_average_pct, 2),
                    if one { "năm" } else { "mỗi năm" },
                    years,
                    n(p.required_pct)
                )
            } else {
                format!(
                    "For average GRDP growth of {}% a year over {}–{}, after the known years ({}; averaging {}% a year), {}{} needs {}% growth{}.\n",
                    n(p.average_pct),
                    p.first_year,
                    p.last_year,
                    known,
                    lang.opt(p.known_average_pct, 2),
                    if one { "" } else { "each of " },
                    years,
                    n(p.required_pct),
                    if one { "" } else { " a year" }
                )
            }
        }
    }
}
