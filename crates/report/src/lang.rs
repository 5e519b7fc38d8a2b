//! Words and numbers in English and Vietnamese: table labels, and numbers
//! written the way each language writes them.

use grdp_scenario::LoadedScenario;

/// The language of names, headers and sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Tiếng Việt.
    Vi,
}

/// Every label the tables use, in one language.
#[allow(missing_docs)]
pub struct Labels {
    pub component: &'static str,
    pub total: &'static str,
    pub year: &'static str,
    pub growth_pct: &'static str,
    pub weight_pct: &'static str,
    pub contribution_pp: &'static str,
    pub share_of_increase_pct: &'static str,
    pub share_current_pct: &'static str,
    pub price_growth_pct: &'static str,
    pub current_bn_vnd: &'static str,
    pub base_year: &'static str,
    pub grdp_growth_pct: &'static str,
    pub nominal_growth_pct: &'static str,
    pub deflator_growth_pct: &'static str,
    pub grdp_current_bn_vnd: &'static str,
    pub grdp_constant_bn_vnd: &'static str,
    pub per_capita_mn_vnd: &'static str,
    pub productivity_mn_vnd: &'static str,
    pub productivity_growth_pct: &'static str,
    pub population_thousand: &'static str,
    pub employed_thousand: &'static str,
    pub targets: &'static str,
    pub target: &'static str,
    pub bound: &'static str,
    pub projected: &'static str,
    pub status: &'static str,
    pub margin: &'static str,
    pub met: &'static str,
    pub missed: &'static str,
    pub unknown: &'static str,
    pub check: &'static str,
    pub pass: &'static str,
    pub warn: &'static str,
    pub fail: &'static str,
    pub audit_of: &'static str,
    pub not_applicable: &'static str,
    pub unknown_value: &'static str,
    pub scenario: &'static str,
}

/// English labels.
pub const EN: Labels = Labels {
    component: "Component",
    total: "GRDP",
    year: "Year",
    growth_pct: "Growth (%)",
    weight_pct: "Weight, 2010 prices (%)",
    contribution_pp: "Contribution (pp)",
    share_of_increase_pct: "Share of VA increase (%)",
    share_current_pct: "Structure, current prices (%)",
    price_growth_pct: "Price growth (%)",
    current_bn_vnd: "Current prices (bn VND)",
    base_year: "Base year",
    grdp_growth_pct: "GRDP growth, 2010 prices (%)",
    nominal_growth_pct: "Nominal GRDP growth (%)",
    deflator_growth_pct: "GRDP deflator growth (%)",
    grdp_current_bn_vnd: "GRDP, current prices (bn VND)",
    grdp_constant_bn_vnd: "GRDP, 2010 prices (bn VND)",
    per_capita_mn_vnd: "GRDP per capita (mn VND/person)",
    productivity_mn_vnd: "Labour productivity (mn VND/worker)",
    productivity_growth_pct: "Labour productivity growth, 2010 prices (%)",
    population_thousand: "Population (thousand)",
    employed_thousand: "Employed (thousand)",
    targets: "Targets",
    target: "Target",
    bound: "Bound",
    projected: "Projected",
    status: "Status",
    margin: "Margin",
    met: "met",
    missed: "MISSED",
    unknown: "unknown",
    check: "Check",
    pass: "pass",
    warn: "WARN",
    fail: "FAIL",
    audit_of: "Audit of the targets",
    not_applicable: "Not applicable",
    unknown_value: "n/a",
    scenario: "Scenario",
};

/// Vietnamese labels.
pub const VI: Labels = Labels {
    component: "Khu vực",
    total: "GRDP",
    year: "Năm",
    growth_pct: "Tăng trưởng (%)",
    weight_pct: "Tỷ trọng giá SS 2010 (%)",
    contribution_pp: "Đóng góp (điểm %)",
    share_of_increase_pct: "Tỷ lệ đóng góp vào mức tăng GTTT (%)",
    share_current_pct: "Cơ cấu giá hiện hành (%)",
    price_growth_pct: "Tăng giá (%)",
    current_bn_vnd: "Giá hiện hành (tỷ đồng)",
    base_year: "Năm gốc",
    grdp_growth_pct: "Tăng trưởng GRDP, giá so sánh 2010 (%)",
    nominal_growth_pct: "Tăng trưởng GRDP danh nghĩa (%)",
    deflator_growth_pct: "Tăng chỉ số giảm phát GRDP (%)",
    grdp_current_bn_vnd: "GRDP giá hiện hành (tỷ đồng)",
    grdp_constant_bn_vnd: "GRDP giá so sánh 2010 (tỷ đồng)",
    per_capita_mn_vnd: "GRDP bình quân đầu người (triệu đồng/người)",
    productivity_mn_vnd: "Năng suất lao động (triệu đồng/lao động)",
    productivity_growth_pct: "Tăng năng suất lao động, giá so sánh 2010 (%)",
    population_thousand: "Dân số (nghìn người)",
    employed_thousand: "Lao động có việc làm (nghìn người)",
    targets: "Chỉ tiêu",
    target: "Chỉ tiêu",
    bound: "Mức chỉ tiêu",
    projected: "Dự báo",
    status: "Đánh giá",
    margin: "Chênh lệch",
    met: "đạt",
    missed: "KHÔNG ĐẠT",
    unknown: "chưa rõ",
    check: "Kiểm tra",
    pass: "đạt",
    warn: "CẢNH BÁO",
    fail: "KHÔNG ĐẠT",
    audit_of: "Kiểm tra tính nhất quán của các chỉ tiêu",
    not_applicable: "Không áp dụng",
    unknown_value: "–",
    scenario: "Kịch bản",
};

impl Lang {
    /// The labels of this language.
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::En => &EN,
            Lang::Vi => &VI,
        }
    }

    /// The scenario's display name.
    pub fn scenario_name(self, scenario: &LoadedScenario) -> &str {
        match self {
            Lang::En => &scenario.meta.name,
            Lang::Vi => &scenario.meta.name_vi,
        }
    }

    /// A component's display name.
    pub fn component_name(self, scenario: &LoadedScenario, index: usize) -> &str {
        scenario.names.get(index).map_or("?", |n| match self {
            Lang::En => n.en.as_str(),
            Lang::Vi => n.vi.as_str(),
        })
    }

    /// A component's display name by its id; the id itself when the
    /// scenario has no component of that id.
    pub fn component_name_of<'a>(self, scenario: &'a LoadedScenario, id: &'a str) -> &'a str {
        scenario
            .scenario
            .economy()
            .index_of(id)
            .map_or(id, |i| self.component_name(scenario, i))
    }

    /// A number with `decimals` decimals and grouped thousands, in this
    /// language's convention: 151,548.25 in English, 151.548,25 in Vietnamese.
    pub fn num(self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return value.to_string();
        }
        let text = format!("{:.*}", decimals, value.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let (group, point) = match self {
            Lang::En => (',', '.'),
            Lang::Vi => ('.', ','),
        };
        let mut grouped = String::new();
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                grouped.push(group);
            }
            grouped.push(ch);
        }
        let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
        let mut out = String::new();
        if negative {
            out.push('−');
        }
        out.push_str(&grouped);
        if !frac.is_empty() {
            out.push(point);
            out.push_str(frac);
        }
        out
    }

    /// An optional number, or the "not available" mark.
    pub fn opt(self, value: Option<f64>, decimals: usize) -> String {
        value.map_or_else(
            || self.labels().unknown_value.to_string(),
            |v| self.num(v, decimals),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_each_language() {
        assert_eq!(Lang::En.num(151548.254, 2), "151,548.25");
        assert_eq!(Lang::Vi.num(151548.254, 2), "151.548,25");
        assert_eq!(Lang::En.num(-0.0549, 2), "−0.05");
        assert_eq!(Lang::En.num(-0.001, 2), "0.00");
        assert_eq!(Lang::Vi.num(9.5, 1), "9,5");
        assert_eq!(Lang::En.num(100.0, 0), "100");
    }
}
