//! The audit's findings in words, in English or Vietnamese. The core
//! computes the figures; this module only phrases them.

use grdp_core::audit::{Check, CheckStatus, Figures, PathBasis};
use grdp_scenario::LoadedScenario;

use crate::lang::Lang;

/// The scenario file's notes on target or period target `id` (ids are
/// unique across both; both bounds, each once), in `lang` where the file
/// gives it; a note only in the other language says which it is in.
pub(crate) fn target_notes(loaded: &LoadedScenario, id: &str, lang: Lang) -> Vec<String> {
    let vi = lang == Lang::Vi;
    let mut notes: Vec<String> = Vec::new();
    for b in ["min", "max"] {
        let fields = [
            format!("target.{id}.{b}"),
            format!("period_target.{id}.{b}"),
        ];
        let Some(p) = loaded.provenance.iter().find(|p| fields.contains(&p.field)) else {
            continue;
        };
        let note = match (vi, &p.note_vi, &p.note) {
            (true, Some(v), _) => v.clone(),
            (true, None, Some(en)) => format!("{en} (tiếng Anh)"),
            (false, _, Some(en)) => en.clone(),
            (false, Some(v), None) => format!("{v} (in Vietnamese)"),
            (_, None, None) => continue,
        };
        // An empty note says nothing; a closing full stop is the
        // sentence's to add.
        let note = note.trim().trim_end_matches('.').to_string();
        if note.is_empty() {
            continue;
        }
        if !notes.contains(&note) {
            notes.push(note);
        }
    }
    notes
}

/// The year or years a check is about: a period target's first to last
/// year (2026–2030), every other check's year.
pub fn check_years(check: &Check) -> String {
    match &check.figures {
        Figures::PeriodAverage(f) if f.first_year < check.year => {
            format!("{}–{}", f.first_year, check.year)
        }
        _ => check.year.to_string(),
    }
}

/// The sentence(s) that state a check's finding.
pub fn message(check: &Check, loaded: &LoadedScenario, lang: Lang) -> String {
    let n = |v: f64| lang.text_num(v, 2);
    let o = |v: Option<f64>| {
        v.map_or_else(
            || lang.labels().unknown_value.to_string(),
            |x| lang.text_num(x, 2),
        )
    };
    let signed = |v: f64| {
        let s = lang.text_num(v, 2);
        if v >= 0.005 { format!("+{s}") } else { s }
    };
    // A change that may be a fall, a rise or either: "between a fall of 1.55 %
    // and a rise of 0.19 %", not "−1.55 to 0.19 %" after "rising".
    let change = |a: Option<f64>, b: Option<f64>| {
        let vi = lang == Lang::Vi;
        let t = |v: f64| lang.text_num(v.abs(), 2);
        match (a, b) {
            (Some(a), Some(b)) if a < 0.0 && b < 0.0 => {
                if vi {
                    format!("giảm {}–{}%", t(b), t(a))
                } else {
                    format!("falling {}–{}%", t(b), t(a))
                }
            }
            (Some(a), Some(b)) if a < 0.0 => {
                if vi {
                    format!("từ giảm {}% đến tăng {}%", t(a), t(b))
                } else {
                    format!("between a fall of {}% and a rise of {}%", t(a), t(b))
                }
            }
            (Some(a), Some(b)) => {
                if vi {
                    format!("tăng {}–{}%", t(a), t(b))
                } else {
                    format!("rising {}–{}%", t(a), t(b))
                }
            }
            (Some(a), None) | (None, Some(a)) => match (vi, a < 0.0) {
                (true, true) => format!("giảm {}%", t(a)),
                (true, false) => format!("tăng {}%", t(a)),
                (false, true) => format!("falling {}%", t(a)),
                (false, false) => format!("rising {}%", t(a)),
            },
            (None, None) => lang.labels().unknown_value.to_string(),
        }
    };
    let range = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) if a < 0.0 || b < 0.0 => {
            let to = if lang == Lang::Vi { "đến" } else { "to" };
            format!("{} {to} {}", lang.text_num(a, 2), lang.text_num(b, 2))
        }
        (Some(a), Some(b)) => format!("{}–{}", lang.text_num(a, 2), lang.text_num(b, 2)),
        (Some(a), None) | (None, Some(a)) => lang.text_num(a, 2),
        (None, None) => lang.labels().unknown_value.to_string(),
    };
    let vi = lang == Lang::Vi;
    match &check.figures {
        Figures::SectorGrowth(f) => {
            let target = f.target_min_pct.or(f.target_max_pct).unwrap_or(0.0);
            // Above a ceiling: the gap is against the maximum.
            let above = f
                .target_max_pct
                .is_some_and(|m| f.implied_constant_weights_pct > m);
            let (target, gap) = match f.target_max_pct {
                Some(m) if above => (m, f.implied_constant_weights_pct - m),
                _ => (target, f.gap_constant_pp),
            };
            let cur = f.implied_current_shares_pct;
            let mut s = if vi {
                format!(
                    "Với chỉ tiêu tăng trưởng các khu vực, GRDP tăng {}% khi tính theo tỷ trọng giá so sánh 2010 ({} điểm phần trăm so với chỉ tiêu {}%)",
                    n(f.implied_constant_weights_pct),
                    signed(gap),
                    n(target)
                )
            } else {
                format!(
                    "The sector targets imply GRDP growth of {}% with constant-2010-price weights ({} pp against the {}% target)",
                    n(f.implied_constant_weights_pct),
                    signed(gap),
                    n(target)
                )
            };
            if let Some(c) = cur {
                s += &if vi {
                    format!(
                        " và {}% khi dùng cơ cấu giá hiện hành năm trước làm quyền số.",
                        n(c)
                    )
                } else {
                    format!(
                        ", and {}% with last year's current-price shares as weights.",
                        n(c)
                    )
                };
            } else {
                s.push('.');
            }
            s += match (check.status, vi) {
                (CheckStatus::Pass, false) => " They add up.",
                (CheckStatus::Pass, true) => " Các chỉ tiêu khớp nhau.",
                (CheckStatus::Warn, false) => {
                    " The target is reached only with current-price shares as weights: that is growth at last year's prices, not at the constant 2010 prices of the official figures, at which the sector targets fall short."
                }
                (CheckStatus::Warn, true) => {
                    " Chỉ tiêu chỉ đạt khi dùng cơ cấu giá hiện hành năm trước làm quyền số: đó là tốc độ tăng theo giá năm trước, không phải theo giá so sánh 2010 như số liệu chính thức; theo giá so sánh 2010, các chỉ tiêu khu vực chưa đủ để đạt chỉ tiêu chung."
                }
                (CheckStatus::Fail, false) if above => {
                    " The sector targets overshoot the aggregate target's range under either weighting."
                }
                (CheckStatus::Fail, true) if above => {
                    " Các chỉ tiêu khu vực vượt khoảng chỉ tiêu chung theo cả hai cách tính."
                }
                (CheckStatus::Fail, false) => {
                    " The sector targets fall short of the aggregate target under either weighting."
                }
                (CheckStatus::Fail, true) => {
                    " Các chỉ tiêu khu vực không đạt chỉ tiêu chung theo cả hai cách tính."
                }
                // This check does not judge a target understated.
                (CheckStatus::Understated, _) => "",
            };
            s
        }
        Figures::StructureSum(f) => {
            let mut s = if vi {
                format!(
                    "Tổng cận dưới của các khoảng cơ cấu là {}%, tổng cận trên là {}%.",
                    lang.text_num(f.sum_min_pct, 3),
                    lang.text_num(f.sum_max_pct, 3)
                )
            } else {
                format!(
                    "The lower bounds of the structure ranges sum to {}% and the upper bounds to {}%.",
                    lang.text_num(f.sum_min_pct, 3),
                    lang.text_num(f.sum_max_pct, 3)
                )
            };
            s += match (check.status, f.sum_min_pct > 100.0, vi) {
                (CheckStatus::Pass, _, false) => " A structure summing to 100% fits every range.",
                (CheckStatus::Pass, _, true) => " Có cơ cấu tổng bằng 100% nằm trong mọi khoảng.",
                (_, true, false) => {
                    " Even with every share at its lowest the total exceeds 100%: the structure targets cannot all hold."
                }
                (_, true, true) => {
                    " Ngay cả khi mọi tỷ trọng ở mức thấp nhất, tổng vẫn vượt 100%: các chỉ tiêu cơ cấu không thể cùng đạt."
                }
                (_, false, false) => {
                    " Even with every share at its highest the total stays below 100%: the structure targets cannot all hold."
                }
                (_, false, true) => {
                    " Ngay cả khi mọi tỷ trọng ở mức cao nhất, tổng vẫn dưới 100%: các chỉ tiêu cơ cấu không thể cùng đạt."
                }
            };
            s
        }
        Figures::StructurePrice(f) => {
            // After the first plan year, earlier years kept relative prices
            // fixed, so the change needed is cumulative since the base.
            let later = loaded
                .scenario
                .plan()
                .years()
                .first()
                .is_some_and(|y| check.year > y.year);
            let list = f
                .components
                .iter()
                .filter_map(|c| {
                    c.relative_price_change_pct.map(|r| {
                        format!(
                            "{} {}%",
                            lang.in_sentence(lang.component_name_of(loaded, &c.id)),
                            signed(r)
                        )
                    })
                })
                .collect::<Vec<_>>()
                .join(", ");
            match (f.feasible, check.status, vi) {
                (true, CheckStatus::Pass, false) => {
                    "The plan's price assumptions put every share inside its range.".into()
                }
                (true, CheckStatus::Pass, true) => {
                    "Giả định giá của kịch bản đưa mọi tỷ trọng vào khoảng chỉ tiêu.".into()
                }
                (true, _, false) => format!(
                    "The plan's prices leave some shares outside their ranges. The price path nearest to common price growth that fits them all moves sector prices against the GRDP deflator by{}: {list}.",
                    if later {
                        " (cumulatively, since the plan's earlier years keep relative prices fixed)"
                    } else {
                        ""
                    }
                ),
                (true, _, true) => format!(
                    "Với giá của kịch bản, một số tỷ trọng nằm ngoài khoảng chỉ tiêu. Lộ trình giá gần nhất với mức tăng giá chung để đạt mọi khoảng đòi hỏi giá từng khu vực thay đổi so với chỉ số giảm phát GRDP{}: {list}.",
                    if later {
                        " (lũy kế, vì các năm trước của kế hoạch giữ nguyên giá tương đối)"
                    } else {
                        ""
                    }
                ),
                (false, _, false) => format!(
                    "No price path puts every share inside its range, since the ranges cannot sum to 100%. Reaching the range midpoints{} would take relative price changes of: {list}.",
                    if f.basis == PathBasis::RescaledMidpoints {
                        ", rescaled to sum to 100,"
                    } else {
                        ""
                    }
                ),
                (false, _, true) => format!(
                    "Không có lộ trình giá nào đưa mọi tỷ trọng vào khoảng chỉ tiêu, vì tổng các khoảng không thể bằng 100%. Để đạt điểm giữa các khoảng{}, giá từng khu vực phải thay đổi so với mức chung: {list}.",
                    if f.basis == PathBasis::RescaledMidpoints {
                        " (quy về tổng 100%)"
                    } else {
                        ""
                    }
                ),
            }
        }
        Figures::PerCapita(f) => {
            let inside = check.status == CheckStatus::Pass;
            let above = check.status == CheckStatus::Understated;
            // Where the projection stands: against a range, or against a
            // floor or ceiling (not "outside the range" of "at least 220").
            let one_sided = f.target_min_mn_vnd.is_none() || f.target_max_mn_vnd.is_none();
            let bound = range(f.target_min_mn_vnd, f.target_max_mn_vnd);
            let (where_en, where_vi) = match (one_sided, inside, above) {
                (false, true, _) => (
                    "inside the range".to_string(),
                    "nằm trong khoảng chỉ tiêu".to_string(),
                ),
                (false, false, true) => (
                    "above the range".to_string(),
                    "vượt trên khoảng chỉ tiêu".to_string(),
                ),
                (false, false, false) => (
                    "outside the range".to_string(),
                    "nằm ngoài khoảng chỉ tiêu".to_string(),
                ),
                (true, true, _) => ("meeting the target".to_string(), "đạt chỉ tiêu".to_string()),
                (true, false, true) => {
                    ("above the target".to_string(), "vượt chỉ tiêu".to_string())
                }
                (true, false, false) => match f.target_min_mn_vnd {
                    Some(_) => (
                        format!("short of the target of at least {bound} million VND"),
                        format!("chưa đạt chỉ tiêu (từ {bound} triệu đồng trở lên)"),
                    ),
                    None => (
                        format!("above the ceiling of {bound} million VND"),
                        format!("vượt mức trần {bound} triệu đồng"),
                    ),
                },
            };
            let base_year = check.year - f.years_from_base;
            let body = if f.years_from_base > 1 {
                // Several years ahead: the yearly rate from the base is what planners read.
                if vi {
                    format!(
                        "GRDP bình quân đầu người {} triệu đồng năm {} đòi hỏi GRDP theo giá hiện hành tăng bình quân {}%/năm từ {base_year}, với dân số theo kịch bản. Theo kịch bản (tăng trưởng theo giá so sánh {}%, chỉ số giảm phát GRDP tăng {}% năm {}), GRDP bình quân đầu người đạt {} triệu đồng, {}.",
                        range(f.target_min_mn_vnd, f.target_max_mn_vnd),
                        check.year,
                        range(
                            f.required_nominal_growth_from_base_min_pct,
                            f.required_nominal_growth_from_base_max_pct
                        ),
                        n(f.real_growth_pct),
                        o(f.plan_deflator_growth_pct),
                        check.year,
                        o(f.projected_mn_vnd),
                        where_vi
                    )
                } else {
                    format!(
                        "GRDP per capita of {} million VND in {} needs nominal GRDP growth of {}% a year on average from {base_year}, with the plan's population. The plan (real growth {}% and deflator {}% in {}) gives {} million VND, {}.",
                        range(f.target_min_mn_vnd, f.target_max_mn_vnd),
                        check.year,
                        range(
                            f.required_nominal_growth_from_base_min_pct,
                            f.required_nominal_growth_from_base_max_pct
                        ),
                        n(f.real_growth_pct),
                        o(f.plan_deflator_growth_pct),
                        check.year,
                        o(f.projected_mn_vnd),
                        where_en
                    )
                }
            } else if vi {
                format!(
                    "GRDP bình quân đầu người {} triệu đồng đòi hỏi GRDP theo giá hiện hành tăng {}% khi dân số tăng {}%, tức chỉ số giảm phát GRDP {} với tăng trưởng theo giá so sánh {}%. Theo kịch bản (chỉ số giảm phát GRDP tăng {}%), GRDP bình quân đầu người đạt {} triệu đồng, {}.",
                    range(f.target_min_mn_vnd, f.target_max_mn_vnd),
                    range(
                        f.required_nominal_growth_min_pct,
                        f.required_nominal_growth_max_pct
                    ),
                    o(f.population_growth_pct),
                    change(f.implied_deflator_min_pct, f.implied_deflator_max_pct),
                    n(f.real_growth_pct),
                    o(f.plan_deflator_growth_pct),
                    o(f.projected_mn_vnd),
                    where_vi
                )
            } else {
                format!(
                    "GRDP per capita of {} million VND needs nominal GRDP growth of {}% with population growing {}%: a GRDP deflator {} at the plan's real growth of {}%. The plan (deflator {}%) gives {} million VND, {}.",
                    range(f.target_min_mn_vnd, f.target_max_mn_vnd),
                    range(
                        f.required_nominal_growth_min_pct,
                        f.required_nominal_growth_max_pct
                    ),
                    o(f.population_growth_pct),
                    change(f.implied_deflator_min_pct, f.implied_deflator_max_pct),
                    n(f.real_growth_pct),
                    o(f.plan_deflator_growth_pct),
                    o(f.projected_mn_vnd),
                    where_en
                )
            };
            match (above, vi) {
                (false, _) => body,
                (true, false) => {
                    body + " The target is understated: growth and prices as planned exceed it."
                }
                (true, true) => {
                    body + " Chỉ tiêu được đặt thấp: với tăng trưởng và giá theo kịch bản, kết quả sẽ vượt chỉ tiêu."
                }
            }
        }
        Figures::LabourProductivity(f) => {
            let mut parts = Vec::new();
            if f.growth_min_pct.is_some() || f.growth_max_pct.is_some() {
                parts.push(if vi {
                    format!(
                        "Năng suất lao động tăng {}% theo giá so sánh, với GRDP tăng {}%, đòi hỏi số lao động {} (nếu tính theo giá hiện hành: {}).",
                        range(f.growth_min_pct, f.growth_max_pct),
                        n(f.real_growth_pct),
                        change(f.implied_employment_growth_min_pct, f.implied_employment_growth_max_pct),
                        change(
                            f.implied_employment_growth_current_prices_min_pct,
                            f.implied_employment_growth_current_prices_max_pct
                        )
                    )
                } else {
                    format!(
                        "Productivity growth of {}% at constant prices, with real GRDP growth of {}%, needs employment {} (if measured at current prices: {}).",
                        range(f.growth_min_pct, f.growth_max_pct),
                        n(f.real_growth_pct),
                        change(f.implied_employment_growth_min_pct, f.implied_employment_growth_max_pct),
                        change(
                            f.implied_employment_growth_current_prices_min_pct,
                            f.implied_employment_growth_current_prices_max_pct
                        )
                    )
                });
            }
            if f.level_min_mn_vnd.is_some() || f.level_max_mn_vnd.is_some() {
                parts.push(if vi {
                    format!(
                        "Mức {} triệu đồng/lao động tương ứng {} nghìn lao động (năm trước: {} nghìn).",
                        range(f.level_min_mn_vnd, f.level_max_mn_vnd),
                        range(f.implied_employed_min_thousand, f.implied_employed_max_thousand),
                        o(f.employed_previous_thousand)
                    )
                } else {
                    format!(
                        "A level of {} million VND per worker means {} thousand workers (last year: {} thousand).",
                        range(f.level_min_mn_vnd, f.level_max_mn_vnd),
                        range(f.implied_employed_min_thousand, f.implied_employed_max_thousand),
                        o(f.employed_previous_thousand)
                    )
                });
            }
            parts.push(if vi {
                format!(
                    "Theo kịch bản (lao động tăng {}%), năng suất đạt {} triệu đồng/lao động, tăng {}%.",
                    o(f.plan_employment_growth_pct),
                    o(f.projected_mn_vnd),
                    o(f.projected_growth_pct)
                )
            } else {
                format!(
                    "The plan (employment {}%) gives {} million VND per worker, growing {}%.",
                    o(f.plan_employment_growth_pct),
                    o(f.projected_mn_vnd),
                    o(f.projected_growth_pct)
                )
            });
            parts.join(" ")
        }
        Figures::PeriodAverage(f) => period_average(check, f, loaded, lang),
        Figures::Investment(f) => {
            let Some(base_bn_vnd) = f.base_investment_bn_vnd else {
                return investment_needed(check, f, lang);
            };
            let grown = range(f.investment_growth_min_pct, f.investment_growth_max_pct);
            let icor = |a: Option<f64>, b: Option<f64>| match (a, b) {
                (Some(a), Some(b)) => format!("{}–{}", lang.num(a, 1), lang.num(b, 1)),
                (Some(a), None) | (None, Some(a)) => lang.num(a, 1),
                (None, None) => lang.labels().unknown_value.to_string(),
            };
            // Each reference and the growth the investment buys at it.
            let refs = f
                .references
                .iter()
                .map(|r| {
                    let (name, icor) =
                        (reference_name(r.id.as_str(), lang), lang.given_num(r.icor));
                    let buys = range(r.growth_supported_min_pct, r.growth_supported_max_pct);
                    if vi {
                        format!("với ICOR {icor} ({name}) chỉ đạt tăng trưởng {buys}%")
                    } else {
                        format!("at {name}'s {icor} it buys {buys}% growth")
                    }
                })
                .collect::<Vec<_>>()
                .join("; ");
            let low = check.status == CheckStatus::Warn;
            if vi {
                format!(
                    "Tổng vốn đầu tư phát triển toàn xã hội tăng {grown}% so với {} tỷ đồng năm {} lên {} tỷ đồng, bằng {}% GRDP năm {}; với tăng trưởng {}%{}, hệ số ICOR ngầm định là {}.{}{}",
                    lang.num(base_bn_vnd, 0),
                    check.year - 1,
                    range(
                        f.investment_min_bn_vnd.map(|v| v.round()),
                        f.investment_max_bn_vnd.map(|v| v.round())
                    ),
                    range(f.investment_rate_min_pct, f.investment_rate_max_pct),
                    check.year,
                    n(f.growth_pct),
                    if f.growth_is_target {
                        " (chỉ tiêu)"
                    } else {
                        " (theo kịch bản)"
                    },
                    icor(f.icor_min, f.icor_max),
                    if refs.is_empty() {
                        String::new()
                    } else {
                        format!(" So sánh: {refs}.")
                    },
                    if low {
                        " Chỉ tiêu tăng trưởng đòi hỏi vốn đầu tư hiệu quả hơn mọi mức tham chiếu."
                    } else {
                        ""
                    }
                )
            } else {
                format!(
                    "Total social development investment up {grown}% on {} billion VND in {} to {} billion VND is {}% of {} GRDP; with growth of {}%{}, that implies an ICOR of {}.{}{}",
                    lang.num(base_bn_vnd, 0),
                    check.year - 1,
                    range(
                        f.investment_min_bn_vnd.map(|v| v.round()),
                        f.investment_max_bn_vnd.map(|v| v.round())
                    ),
                    range(f.investment_rate_min_pct, f.investment_rate_max_pct),
                    check.year,
                    n(f.growth_pct),
                    if f.growth_is_target {
                        " (the target)"
                    } else {
                        " (the plan's)"
                    },
                    icor(f.icor_min, f.icor_max),
                    if refs.is_empty() {
                        String::new()
                    } else {
                        format!(" Against the references: {refs}.")
                    },
                    if low {
                        " The growth target needs investment more productive than any reference."
                    } else {
                        ""
                    }
                )
            }
        }
    }
}

/// The investment check without an investment target: what the growth
/// needs at the references' ICORs, as a share of GRDP and in billion VND
/// (two significant figures: the ICORs are rough).
fn investment_needed(check: &Check, f: &grdp_core::audit::InvestmentFigures, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let bounds = |get: fn(&grdp_core::audit::IcorComparison) -> Option<f64>| {
        let v: Vec<f64> = f.references.iter().filter_map(get).collect();
        let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        lo.is_finite().then_some((lo, hi))
    };
    let span = |b: Option<(f64, f64)>, write: &dyn Fn(f64) -> String| match b {
        Some((lo, hi)) if write(lo) != write(hi) => format!("{}–{}", write(lo), write(hi)),
        Some((lo, _)) => write(lo),
        None => lang.labels().unknown_value.to_string(),
    };
    let icors = span(bounds(|r| Some(r.icor)), &|v| lang.given_num(v));
    let (at_en, at_vi) = if f.references.len() == 1 {
        ("At an ICOR of", "Với hệ số ICOR")
    } else {
        ("At ICORs of", "Với hệ số ICOR")
    };
    let rate = span(bounds(|r| r.investment_needed_rate_pct), &|v| {
        lang.text_num(v, 0)
    });
    let bn = span(bounds(|r| r.investment_needed_bn_vnd), &|v| {
        lang.significant(v, 3)
    });
    // The yardstick: what the same ICORs ask at the plan's own growth.
    let at_plan = span(
        bounds(|r| Some(r.icor)).map(|(lo, hi)| (lo * f.plan_growth_pct, hi * f.plan_growth_pct)),
        &|v| lang.text_num(v, 0),
    );
    let plan_growth = lang.text_num(f.plan_growth_pct, 2);
    // Beside the plan's own growth only where the growth is the target's.
    let (against_en, against_vi) = if f.growth_is_target {
        (
            format!(", against {at_plan}% at the scenario's {plan_growth}%"),
            format!(", so với {at_plan}% GRDP ở mức tăng {plan_growth}% theo kịch bản"),
        )
    } else {
        (String::new(), String::new())
    };
    // The references by name, lowest ICOR first as the span reads:
    // "Cần Thơ 2021–2025, low end; …".
    let mut by_icor: Vec<&grdp_core::audit::IcorComparison> = f.references.iter().collect();
    by_icor.sort_by(|a, b| a.icor.total_cmp(&b.icor));
    let names = by_icor
        .iter()
        .map(|r| reference_name(&r.id, lang))
        .collect::<Vec<_>>()
        .join("; ");
    let (growth, year) = (lang.text_num(f.growth_pct, 2), check.year);
    let whose = match (f.growth_is_target, vi) {
        (true, false) => " (the target)",
        (false, false) => " (the plan's)",
        (true, true) => " (chỉ tiêu)",
        (false, true) => " (theo kịch bản)",
    };
    // The ICOR relates investment to growth above zero only.
    if f.references
        .iter()
        .all(|r| r.investment_needed_rate_pct.is_none())
    {
        return lang.pick(
            format!("The scenario sets no investment target, and growth of {growth}%{whose} in {year} is not above zero: the ICOR does not say what investment it needs."),
            format!("Kịch bản không đặt chỉ tiêu vốn đầu tư, và mức tăng {growth}%{whose} năm {year} không lớn hơn 0: hệ số ICOR không cho biết cần bao nhiêu vốn đầu tư."),
        );
    }
    let (rests_en, rests_vi) = if f.growth_is_target {
        (
            "The growth target rests on that investment, which the plan does not set.",
            "Chỉ tiêu tăng trưởng dựa vào mức vốn đó, mà kế hoạch chưa đặt ra.",
        )
    } else {
        (
            "The plan's growth rests on that investment, which the plan does not set.",
            "Mức tăng theo kịch bản dựa vào mức vốn đó, mà kế hoạch chưa đặt ra.",
        )
    };
    if vi {
        format!(
            "Kịch bản không đặt chỉ tiêu vốn đầu tư. {at_vi} {icors} ({names}), để GRDP tăng {growth}%{whose} năm {year} thì tổng vốn đầu tư toàn xã hội cần khoảng {rate}% GRDP ({bn} tỷ đồng theo giá hiện hành, trên GRDP dự báo){against_vi}. {rests_vi}",
        )
    } else {
        format!(
            "The scenario sets no investment target. {at_en} {icors} ({names}), growth of {growth}%{whose} in {year} needs total social investment of about {rate}% of GRDP ({bn} billion VND at current prices, on the projected GRDP){against_en}. {rests_en}",
        )
    }
}

/// A reference's id in words: the region's name where grdp knows it (the
/// id's first part: `can_tho_2023` → Cần Thơ 2023, `vietnam` → Vietnam),
/// else the id with spaces.
pub(crate) fn reference_name(id: &str, lang: Lang) -> String {
    let (name, rest) = if let Some(r) = id.strip_prefix("can_tho") {
        ("Cần Thơ", r)
    } else if let Some(r) = id.strip_prefix("vietnam") {
        (
            if lang == Lang::Vi {
                "cả nước"
            } else {
                "Vietnam"
            },
            r,
        )
    } else {
        return id.replace('_', " ");
    };
    // The years (one, or a span: `2021_2025` → 2021–2025), then the words
    // after them (`low`, `high`: the ends of a range a source gives).
    let words: Vec<&str> = rest.split('_').filter(|w| !w.is_empty()).collect();
    let is_year = |w: &&str| w.len() == 4 && w.parse::<i32>().is_ok();
    let years: Vec<&str> = words.iter().copied().take_while(is_year).collect();
    let after: Vec<String> = words[years.len()..]
        .iter()
        .map(|w| match (*w, lang) {
            ("low", Lang::En) => "low end".to_string(),
            ("low", Lang::Vi) => "mức thấp".to_string(),
            ("high", Lang::En) => "high end".to_string(),
            ("high", Lang::Vi) => "mức cao".to_string(),
            (w, _) => w.to_string(),
        })
        .collect();
    let mut out = name.to_string();
    match (years.as_slice(), lang) {
        ([], _) => {}
        // "Cần Thơ năm 2023", "cả nước năm 2023"; "Cần Thơ giai đoạn 2021–2025".
        ([y], Lang::Vi) => out += &format!(" năm {y}"),
        ([y], Lang::En) => out += &format!(" {y}"),
        ([a, .., b], Lang::Vi) => out += &format!(" giai đoạn {a}–{b}"),
        ([a, .., b], Lang::En) => out += &format!(" {a}–{b}"),
    }
    if !after.is_empty() {
        out += &format!(", {}", after.join(" "));
    }
    out
}

/// The finding of a period-average target: what the known years average,
/// what each remaining year needs (or, for a ceiling, may grow at most),
/// what the plan gives or, where it stops short of the period, what the
/// years after it need; and which years lack an outcome (past years) or a
/// plan (years to come).
fn period_average(
    check: &Check,
    f: &grdp_core::audit::PeriodAverageFigures,
    loaded: &LoadedScenario,
    lang: Lang,
) -> String {
    let vi = lang == Lang::Vi;
    let n = |v: f64| lang.text_num(v, 2);
    let range = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => format!("{}–{}", n(a), n(b)),
        (Some(a), None) | (None, Some(a)) => n(a),
        (None, None) => lang.labels().unknown_value.to_string(),
    };
    let (first, last) = (f.first_year, check.year);
    let base = loaded.scenario.economy().base().year;
    // A ceiling (at most) allows at most, and its maximum alone decides; a
    // floor or a range needs.
    let ceiling = f.direction == grdp_core::Direction::AtMost;
    let pick = |lo: Option<f64>, hi: Option<f64>| if ceiling { (None, hi) } else { (lo, hi) };
    let (t_lo, t_hi) = pick(f.target_min_pct, f.target_max_pct);
    let target = range(t_lo, t_hi);
    let target = match (ceiling, vi) {
        (true, true) => format!("không quá {target}"),
        (true, false) => format!("at most {target}"),
        (false, _) => target,
    };
    // Years in a row read as a span: 2027–2030.
    let span = |years: &[i32]| match years {
        [a, .., b] if years.len() > 2 && (b - a) as usize == years.len() - 1 => format!("{a}–{b}"),
        _ => years
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    };
    let missing: Vec<i32> = (first..=last)
        .filter(|y| {
            !f.known.iter().any(|k| k.year == *y) && !f.planned.iter().any(|p| p.year == *y)
        })
        .collect();
    // Past years (to the base year) lack an outcome; later ones a plan.
    let (past, future): (Vec<i32>, Vec<i32>) = missing.iter().partition(|y| **y <= base);
    let known = f
        .known
        .iter()
        .map(|k| format!("{} {}%", k.year, n(k.growth_pct)))
        .collect::<Vec<_>>()
        .join(", ");
    let avg_known = (!f.known.is_empty()).then(|| {
        let m = f.known.len() as f64;
        let log: f64 = f.known.iter().map(|k| (k.growth_pct / 100.0).ln_1p()).sum();
        100.0 * (log / m).exp_m1()
    });
    let mut out = match (avg_known, vi) {
        (None, true) => "Chưa có năm nào của giai đoạn có số thực hiện.".to_string(),
        (None, false) => "No year of the period has an outcome yet.".to_string(),
        (Some(a), true) => format!("Các năm đã có số liệu ({known}) bình quân {}%/năm.", n(a)),
        (Some(a), false) => format!("The known years ({known}) average {}% a year.", n(a)),
    };
    // What each remaining year needs: only where the known years start
    // the period without a gap and some year remains.
    let (n_lo, n_hi) = pick(f.required_for_min_pct, f.required_for_max_pct);
    let need = range(n_lo, n_hi);
    // A period over by the base year has nothing left to need.
    // With no year known, "each remaining year" is the target itself.
    let needs = (f.required_for_min_pct.is_some() || f.required_for_max_pct.is_some())
        && last > base
        && !f.known.is_empty();
    out += &match (needs, ceiling, vi) {
        (true, false, true) => format!(
            " Để bình quân {first}–{last} đạt {target}%/năm, mỗi năm còn lại cần tăng {need}%."
        ),
        (true, false, false) => format!(
            " Averaging {target}% over {first}–{last} needs {need}% a year in each remaining year."
        ),
        (true, true, true) => format!(
            " Để bình quân {first}–{last} {target}%/năm, mỗi năm còn lại chỉ được tăng tối đa {need}%."
        ),
        (true, true, false) => format!(
            " Averaging {target}% over {first}–{last} allows at most {need}% a year in each remaining year."
        ),
        (false, _, true) => format!(
            " Chỉ tiêu: bình quân {first}–{last} {}{target}%/năm.",
            if ceiling { "" } else { "đạt " }
        ),
        (false, _, false) => {
            format!(" The target: {target}% a year on average over {first}–{last}.")
        }
    };
    // What the plan gives, or what the years after a shorter plan need.
    let (a_lo, a_hi) = pick(
        f.required_after_plan_for_min_pct,
        f.required_after_plan_for_max_pct,
    );
    let after = range(a_lo, a_hi);
    let has_after =
        f.required_after_plan_for_min_pct.is_some() || f.required_after_plan_for_max_pct.is_some();
    let planned = f
        .planned
        .iter()
        .map(|p| {
            if vi {
                format!("năm {} tăng {}%", p.year, n(p.growth_pct))
            } else {
                format!("{} at {}%", p.year, n(p.growth_pct))
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    let rest = span(&future);
    out += &match (f.achieved_average_pct, has_after, ceiling, vi) {
        (Some(a), _, _, true) => {
            format!(" Theo kịch bản, bình quân cả giai đoạn đạt {}%/năm.", n(a))
        }
        (Some(a), _, _, false) => format!(" The plan gives {}% a year over the period.", n(a)),
        (None, true, false, true) => {
            format!(" Với {planned} theo kịch bản, các năm {rest} cần tăng bình quân {after}%/năm.")
        }
        (None, true, false, false) => {
            format!(" With {planned} as the scenario projects, {rest} would need {after}% a year.")
        }
        (None, true, true, true) => format!(
            " Với {planned} theo kịch bản, các năm {rest} chỉ được tăng tối đa {after}%/năm."
        ),
        (None, true, true, false) => format!(
            " With {planned} as the scenario projects, {rest} could grow at most {after}% a year."
        ),
        (None, false, _, _) => String::new(),
    };
    // The years that lack a figure, and what to add.
    if !past.is_empty() {
        let years = span(&past);
        out += &if vi {
            let (the, these) = if past.len() == 1 {
                ("năm", "năm này")
            } else {
                ("các năm", "các năm này")
            };
            format!(
                " Thiếu số thực hiện {the} {years}: thêm [[outcome]] cho {these} để đánh giá bình quân cả giai đoạn."
            )
        } else {
            format!(
                " {years} {} no outcome: add {} as [[outcome]] to judge the period's average.",
                if past.len() == 1 { "has" } else { "have" },
                if past.len() == 1 { "it" } else { "them" }
            )
        };
    }
    if !future.is_empty() && !has_after {
        let years = span(&future);
        out += &if vi {
            let the = if future.len() == 1 {
                "năm"
            } else {
                "các năm"
            };
            format!(
                " Kịch bản chưa có kế hoạch cho {the} {years}, nên chưa tính được bình quân của kịch bản cho cả giai đoạn."
            )
        } else {
            format!(
                " The plan does not reach {years}, so the plan's average over the period is not worked out."
            )
        };
    }
    // The file's notes on the target (which decision set it).
    let notes = target_notes(loaded, &f.target_id, lang);
    if !notes.is_empty() {
        out += &if vi {
            format!(" Ghi chú về chỉ tiêu: {}.", notes.join("; "))
        } else {
            format!(" On the target: {}.", notes.join("; "))
        };
    }
    out
}
