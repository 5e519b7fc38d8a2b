//! An audit figure's name in words, for the workbook's audit sheet: the
//! path `planned.2026.growth_pct` reads "Growth (plan, 2026)", in English
//! or Vietnamese; the unit is the sheet's next column, so the words leave
//! it out. A field this table does not know reads as its code.

use grdp_scenario::LoadedScenario;

use crate::Lang;

/// The words for a leaf field without its unit and bound: `(English,
/// Vietnamese)`.
fn leaf(key: &str) -> Option<(&'static str, &'static str)> {
    Some(match key {
        "achieved_average" => ("Average growth achieved", "Tăng trưởng bình quân đã đạt"),
        "base_investment" => ("Investment in the year before", "Vốn đầu tư năm trước"),
        "basis" => ("Basis of the required shares", "Cơ sở tính cơ cấu cần đạt"),
        "deflator_growth" => ("GRDP deflator growth", "Tăng chỉ số giảm phát GRDP"),
        "direction" => ("Which way the target points", "Chiều của chỉ tiêu"),
        "employed_previous" => ("Employment in the year before", "Lao động năm trước"),
        "feasible" => ("Feasible", "Khả thi"),
        "first_year" => ("First year of the period", "Năm đầu giai đoạn"),
        "gap_constant" => (
            "Gap to the target, constant-price weights",
            "Chênh lệch so với chỉ tiêu, quyền số giá so sánh",
        ),
        "gap_current" => (
            "Gap to the target, current-price shares",
            "Chênh lệch so với chỉ tiêu, cơ cấu giá hiện hành",
        ),
        "grdp_current" => (
            "GRDP at current prices, projected",
            "GRDP theo giá hiện hành, dự báo",
        ),
        "growth_is_target" => ("Growth is the target's", "Tăng trưởng lấy theo chỉ tiêu"),
        "growth" => ("Growth", "Tốc độ tăng"),
        "growth_supported" => (
            "Growth the investment buys",
            "Tăng trưởng vốn đầu tư mang lại",
        ),
        "icor" => ("ICOR", "ICOR"),
        "implied_constant_weights" => (
            "GRDP growth the sector targets give, constant-price weights",
            "Tăng trưởng GRDP từ chỉ tiêu các khu vực, quyền số giá so sánh",
        ),
        "implied_current_shares" => (
            "GRDP growth the sector targets give, current-price shares",
            "Tăng trưởng GRDP từ chỉ tiêu các khu vực, cơ cấu giá hiện hành",
        ),
        "implied_deflator" => ("Deflator growth implied", "Tăng chỉ số giảm phát ngầm định"),
        "implied_employed" => ("Employment implied", "Số lao động ngầm định"),
        "implied_employment_growth" => ("Employment growth implied", "Tăng lao động ngầm định"),
        "implied_employment_growth_current_prices" => (
            "Employment growth implied, productivity at current prices",
            "Tăng lao động ngầm định, năng suất theo giá hiện hành",
        ),
        "investment" => ("Investment", "Vốn đầu tư"),
        "investment_growth" => ("Investment growth set", "Tốc độ tăng vốn đầu tư đặt ra"),
        "investment_needed" => ("Investment the growth needs", "Vốn đầu tư cần cho mức tăng"),
        "investment_needed_rate" => (
            "Investment the growth needs, share of GRDP",
            "Vốn đầu tư cần cho mức tăng, so với GRDP",
        ),
        "investment_rate" => ("Investment, share of GRDP", "Vốn đầu tư so với GRDP"),
        "level" => ("Level set", "Mức đặt ra"),
        "max_relative_price_change" => (
            "Largest relative price change",
            "Thay đổi giá tương đối lớn nhất",
        ),
        "nominal_growth" => ("Nominal growth", "Tăng trưởng danh nghĩa"),
        "plan_deflator_growth" => (
            "Deflator growth in the plan",
            "Tăng chỉ số giảm phát theo kịch bản",
        ),
        "plan_employment_growth" => (
            "Employment growth in the plan",
            "Tăng lao động theo kịch bản",
        ),
        "plan_growth" => ("Growth in the plan", "Tốc độ tăng theo kịch bản"),
        "plan_meets_structure" => ("The plan meets the structure", "Kịch bản đạt cơ cấu"),
        "population" => ("Population", "Dân số"),
        "population_growth" => ("Population growth", "Tăng dân số"),
        "previous" => ("Year before", "Năm trước"),
        "price_growth" => ("Price growth", "Tăng giá"),
        "projected" => ("Projected", "Dự báo"),
        "projected_growth" => ("Projected growth", "Tốc độ tăng dự báo"),
        "real_growth" => ("Real growth", "Tăng trưởng thực"),
        "relative_price_change" => ("Relative price change", "Thay đổi giá tương đối"),
        "required_after_plan_for" => (
            "Needed each year after the plan",
            "Mức cần đạt mỗi năm sau kế hoạch",
        ),
        "required_for" => ("Needed each remaining year", "Mức cần đạt mỗi năm còn lại"),
        "required_nominal_growth" => ("Nominal growth needed", "Tăng trưởng danh nghĩa cần đạt"),
        "required_nominal_growth_from_base" => (
            "Nominal growth needed a year from the base year",
            "Tăng trưởng danh nghĩa cần đạt mỗi năm từ năm xuất phát",
        ),
        "share" => ("Share set", "Cơ cấu đặt ra"),
        "share_at_common_prices" => ("Share at common prices", "Cơ cấu theo giá chung"),
        "share_planned" => ("Share in the plan", "Cơ cấu theo kịch bản"),
        "share_previous" => ("Share in the year before", "Cơ cấu năm trước"),
        "share_required" => ("Share required", "Cơ cấu cần đạt"),
        "source" => ("Growth taken from", "Số tăng trưởng lấy từ"),
        "sum" => ("Sum of the shares set", "Tổng cơ cấu đặt ra"),
        "target" => ("Target", "Chỉ tiêu"),
        "target_id" => ("Target", "Chỉ tiêu"),
        "tolerance" => ("Tolerance", "Sai lệch cho phép"),
        "weight_constant" => ("Weight, constant 2010 prices", "Tỷ trọng, giá so sánh 2010"),
        "weight_current" => ("Share, current prices", "Tỷ trọng, giá hiện hành"),
        "years_from_base" => ("Years from the base year", "Số năm tính từ năm xuất phát"),
        "" => ("Bound", "Cận"),
        _ => return None,
    })
}

/// The units a field's name may end with; the sheet gives the unit.
const UNITS: [&str; 5] = ["_pct", "_pp", "_bn_vnd", "_mn_vnd", "_thousand"];

/// `path` in words in `lang`; a component's id reads as its name in
/// `loaded`. A field not in the table reads as `path` itself.
pub(crate) fn figure_words(path: &str, loaded: &LoadedScenario, lang: Lang) -> String {
    let parts: Vec<&str> = path.split('.').collect();
    let Some((last, groups)) = parts.split_last() else {
        return path.to_string();
    };
    let mut key = *last;
    for u in UNITS {
        if let Some(k) = key.strip_suffix(u) {
            key = k;
            break;
        }
    }
    // `min_pct` alone is a range's bound: the key is then empty.
    let (key, bound) = match (key.strip_suffix("_min"), key.strip_suffix("_max"), key) {
        (Some(k), _, _) => (k, Some(lang.pick("lower bound", "cận dưới"))),
        (_, Some(k), _) => (k, Some(lang.pick("upper bound", "cận trên"))),
        (_, _, "min") => ("", Some(lang.pick("lower bound", "cận dưới"))),
        (_, _, "max") => ("", Some(lang.pick("upper bound", "cận trên"))),
        (_, _, k) => (k, None),
    };
    let Some((en, vi)) = leaf(key) else {
        return path.to_string();
    };
    let mut words = lang.pick(en, vi).to_string();
    if key.is_empty() {
        // "Bound" with its side is just the side: "Lower bound".
        words = bound.map_or(words, |b| {
            let mut c = b.chars();
            c.next()
                .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        });
    } else if let Some(b) = bound {
        words = format!("{words}, {b}");
    }
    // What the figure belongs to: a year of the plan or of the record, a
    // component, a reference ICOR.
    let mut about = Vec::new();
    let mut i = 0;
    while i < groups.len() {
        let (group, id) = (groups[i], groups.get(i + 1).copied());
        match (group, id) {
            ("planned", Some(y)) => about.push(format!("{} {y}", lang.pick("plan", "kế hoạch"))),
            ("known", Some(y)) => about.push(format!("{} {y}", lang.pick("outcome", "thực hiện"))),
            ("references", Some(r)) => about.push(format!(
                "{} {}",
                lang.pick("reference", "mức tham chiếu"),
                crate::findings::reference_name(r, lang)
            )),
            ("sectors" | "components" | "ranges", Some(c)) => {
                about.push(lang.component_name_of(loaded, c).to_string());
            }
            _ => return path.to_string(),
        }
        i += 2;
    }
    if about.is_empty() {
        words
    } else {
        format!("{words} ({})", about.join(", "))
    }
}

/// A text value of the audit in words, where it is one of a field's fixed
/// codes (`direction = at_least`, `source = target`); `None` for an id or
/// anything else, which the sheet writes as it is.
pub(crate) fn value_words(path: &str, value: &str, lang: Lang) -> Option<String> {
    let l = lang.labels();
    let field = path.rsplit('.').next().unwrap_or(path);
    Some(
        match (field, value) {
            ("direction", "at_least") => l.at_least,
            ("direction", "at_most") => l.at_most,
            ("direction", "within") => l.within,
            ("source", "target") => lang.pick("its target", "chỉ tiêu"),
            ("source", "plan") => lang.pick("the plan", "kịch bản"),
            ("basis", "nearest_feasible") => lang.pick(
                "the feasible structure nearest the targets",
                "cơ cấu khả thi gần chỉ tiêu nhất",
            ),
            ("basis", "rescaled_midpoints") => lang.pick(
                "the ranges' midpoints, rescaled to 100",
                "điểm giữa các khoảng, quy về tổng 100",
            ),
            _ => return None,
        }
        .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> LoadedScenario {
        grdp_scenario::builtin::by_name("cantho-2025")
            .unwrap()
            .load()
            .unwrap()
    }

    #[test]
    fn a_path_reads_as_words_with_what_it_belongs_to() {
        let l = builtin();
        for (path, en, vi) in [
            (
                "planned.2026.growth_pct",
                "Growth (plan 2026)",
                "Tốc độ tăng (kế hoạch 2026)",
            ),
            (
                "ranges.services.min_pct",
                "Lower bound (Services)",
                "Cận dưới (Dịch vụ)",
            ),
            (
                "references.can_tho_2023.investment_needed_bn_vnd",
                "Investment the growth needs (reference Cần Thơ 2023)",
                "Vốn đầu tư cần cho mức tăng (mức tham chiếu Cần Thơ năm 2023)",
            ),
            (
                "required_after_plan_for_max_pct",
                "Needed each year after the plan, upper bound",
                "Mức cần đạt mỗi năm sau kế hoạch, cận trên",
            ),
            ("icor_min", "ICOR, lower bound", "ICOR, cận dưới"),
            (
                "references.can_tho_2021_2025_high.icor",
                "ICOR (reference Cần Thơ 2021–2025, high end)",
                "ICOR (mức tham chiếu Cần Thơ giai đoạn 2021–2025, mức cao)",
            ),
        ] {
            assert_eq!(figure_words(path, &l, Lang::En), en);
            assert_eq!(figure_words(path, &l, Lang::Vi), vi);
        }
    }

    /// Every figure the built-in scenarios' audits give has its words, in
    /// both languages: a field added to a check without them fails here.
    #[test]
    fn every_figure_of_the_built_in_audits_has_words() {
        for name in ["cantho-2025", "cantho-2026"] {
            let l = grdp_scenario::builtin::by_name(name)
                .unwrap()
                .load()
                .unwrap();
            let study = grdp_study::Study::deterministic(&l).unwrap();
            for c in &study.audit.checks {
                let value = serde_json::to_value(c).unwrap();
                let mut figures = Vec::new();
                crate::tables::flatten("", &value, &mut figures);
                for (path, _) in figures {
                    if matches!(path.as_str(), "id" | "year" | "status" | "message") {
                        continue;
                    }
                    for lang in [Lang::En, Lang::Vi] {
                        assert_ne!(figure_words(&path, &l, lang), path, "{name}: {path}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_fixed_code_reads_as_words_and_an_id_as_itself() {
        assert_eq!(
            value_words("direction", "at_least", Lang::Vi).as_deref(),
            Some("từ cận dưới trở lên")
        );
        assert_eq!(
            value_words("sectors.services.source", "target", Lang::Vi).as_deref(),
            Some("chỉ tiêu")
        );
        assert_eq!(value_words("target_id", "plan_2021_2025", Lang::Vi), None);
    }

    #[test]
    fn a_field_it_does_not_know_reads_as_its_code() {
        let l = builtin();
        for path in ["new_field_pct", "planned", "odd.2026.growth_pct"] {
            assert_eq!(figure_words(path, &l, Lang::Vi), path);
        }
    }
}
