//! Sentences and composite labels of the terminal outputs, in English and
//! Vietnamese, with the figures that make each say something.

use grdp_core::solve::{ComponentSolution, PeriodSolution, RestSolution, UniformSolution};
use grdp_core::{Bound, Direction, Indicator, Target, TargetStatus};
use grdp_scenario::LoadedScenario;
use grdp_study::calibration::{RecordVintage, ShortfallRecord, ShortfallRecords};

use super::Lang;

/// How a target's label is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelStyle {
    /// In a table, with the unit: "Services: Growth, 2010 prices (%)".
    Table,
    /// In running text and on charts, without it: "Services: growth".
    Prose,
}

/// How a range is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoundStyle {
    /// In a table: "113.00 – 115.00".
    Spaced,
    /// In running text and on charts: "113.00–115.00".
    Tight,
}

impl Lang {
    fn vi(self) -> bool {
        self == Lang::Vi
    }

    /// The English or the Vietnamese of a word, by this language.
    pub(crate) fn pick<T>(self, en: T, vi: T) -> T {
        if self.vi() { vi } else { en }
    }

    /// A target's label: its indicator (and component).
    pub fn target_label(self, loaded: &LoadedScenario, t: &Target, style: LabelStyle) -> String {
        let component = t
            .component
            .as_deref()
            .and_then(|id| loaded.scenario.economy().index_of(id))
            .map(|i| self.component_name(loaded, i));
        let base = match style {
            LabelStyle::Table => self.indicator_with_unit(t.indicator, component.is_some()),
            LabelStyle::Prose => self.indicator_in_prose(t.indicator, component.is_some()),
        };
        match component {
            // After the colon, Vietnamese goes on in lower case.
            Some(c) => format!("{c}: {}", self.in_sentence(base)),
            None => base.to_string(),
        }
    }

    /// An indicator as a table names it, unit included.
    fn indicator_with_unit(self, i: Indicator, of_component: bool) -> &'static str {
        let l = self.labels();
        match i {
            Indicator::GrowthPct if of_component => l.growth_pct,
            Indicator::GrowthPct => l.grdp_growth_pct,
            Indicator::NominalGrowthPct => l.nominal_growth_pct,
            Indicator::DeflatorGrowthPct => l.deflator_growth_pct,
            Indicator::GrdpCurrentBnVnd => l.grdp_current_bn_vnd,
            Indicator::GrdpPerCapitaMnVnd => l.per_capita_mn_vnd,
            Indicator::LabourProductivityMnVnd => l.productivity_mn_vnd,
            Indicator::LabourProductivityGrowthPct => l.productivity_growth_pct,
            Indicator::ShareCurrentPct => l.share_current_pct,
            Indicator::ContributionPp => l.contribution_pp,
        }
    }

    /// An indicator in running text.
    fn indicator_in_prose(self, i: Indicator, of_component: bool) -> &'static str {
        match i {
            Indicator::GrowthPct if of_component => self.pick("growth", "tăng trưởng"),
            Indicator::GrowthPct => self.pick("GRDP growth", "Tăng trưởng GRDP"),
            Indicator::ShareCurrentPct => self.pick("share", "tỷ trọng"),
            Indicator::ContributionPp => self.pick("contribution", "đóng góp"),
            Indicator::GrdpPerCapitaMnVnd => {
                self.pick("GRDP per capita", "GRDP bình quân đầu người")
            }
            Indicator::LabourProductivityMnVnd => {
                self.pick("Labour productivity", "Năng suất lao động")
            }
            Indicator::LabourProductivityGrowthPct => {
                self.pick("Labour productivity growth", "Tăng năng suất lao động")
            }
            Indicator::NominalGrowthPct => {
                self.pick("Nominal GRDP growth", "Tăng trưởng GRDP theo giá hiện hành")
            }
            Indicator::DeflatorGrowthPct => {
                self.pick("GRDP deflator growth", "Tăng chỉ số giảm phát GRDP")
            }
            Indicator::GrdpCurrentBnVnd => self.pick("GRDP, current prices", "GRDP giá hiện hành"),
        }
    }

    /// The unit written after a target's value in running text.
    pub fn indicator_unit(self, i: Indicator) -> &'static str {
        match i {
            Indicator::GrdpPerCapitaMnVnd => self.pick(" mn VND", " triệu đồng"),
            Indicator::LabourProductivityMnVnd => {
                self.pick(" mn VND/worker", " triệu đồng/lao động")
            }
            Indicator::GrdpCurrentBnVnd => self.pick(" bn VND", " tỷ đồng"),
            Indicator::ContributionPp => self.pick(" pp", " điểm %"),
            _ => "%",
        }
    }

    /// A bound as text: "≥ 9.50", "≤ 5", "113.00 – 115.00".
    pub fn bound_text(self, b: &Bound, decimals: usize, style: BoundStyle) -> String {
        // At least `decimals`, more where the bound has them (9.318).
        let given = |v: f64| self.num(v, given_decimals(v).max(decimals));
        let dash = match style {
            BoundStyle::Spaced => " – ",
            BoundStyle::Tight => "–",
        };
        match (b.min, b.max) {
            (Some(lo), Some(hi)) => {
                format!("{}{dash}{}", given(lo), given(hi))
            }
            (Some(lo), None) => format!("≥ {}", given(lo)),
            (None, Some(hi)) => format!("≤ {}", given(hi)),
            (None, None) => String::new(),
        }
    }

    /// How a direction reads in a table.
    pub fn direction(self, d: Direction) -> &'static str {
        let l = self.labels();
        match d {
            Direction::AtLeast => l.at_least,
            Direction::AtMost => l.at_most,
            Direction::Within => l.within,
        }
    }

    /// A target's status in a table.
    pub fn target_status(self, s: TargetStatus) -> &'static str {
        let l = self.labels();
        match s {
            TargetStatus::Met => l.met,
            TargetStatus::Exceeded => l.exceeded,
            TargetStatus::Missed => l.missed,
            TargetStatus::Unknown => l.unknown,
        }
    }

    /// A signed number with two decimals: "+0.11", "−0.06".
    pub fn signed(self, v: f64) -> String {
        let s = self.num(v, 2);
        if v >= 0.005 { format!("+{s}") } else { s }
    }

    /// The opening line of `grdp simulate`'s table: `scenarios` a view, or
    /// at most that many where views `stopped` at a precision goal.
    pub fn simulate_preamble(
        self,
        year: i32,
        threshold_pct: f64,
        scenarios: u64,
        stopped: bool,
    ) -> String {
        let n = |v: f64| self.given_num(v);
        let count = self.num(scenarios as f64, 0);
        match (self.vi(), stopped) {
            (true, false) => format!(
                "Xác suất tăng trưởng GRDP {} ≥ {}% (tính cả trường hợp bằng đúng chỉ tiêu); {count} lần mô phỏng mỗi kịch bản.\n\n",
                year,
                n(threshold_pct),
            ),
            (true, true) => format!(
                "Xác suất tăng trưởng GRDP {} ≥ {}% (tính cả trường hợp bằng đúng chỉ tiêu); tối đa {count} lần mô phỏng mỗi kịch bản, mỗi kịch bản dừng khi khoảng tin cậy 95% đủ hẹp (cột N).\n\n",
                year,
                n(threshold_pct),
            ),
            (false, false) => format!(
                "P(GRDP growth {} ≥ {}%), the bound counted as met; {count} draws a view.\n\n",
                year,
                n(threshold_pct),
            ),
            (false, true) => format!(
                "P(GRDP growth {} ≥ {}%), the bound counted as met; at most {count} draws a view, each view stopped once its 95% interval was narrow enough (column N).\n\n",
                year,
                n(threshold_pct),
            ),
        }
    }

    /// Header of the column of scenarios drawn, when views stop on their own.
    pub fn scenarios_header(self) -> &'static str {
        "N"
    }

    /// Headers of the table of views.
    pub fn view_table_headers(self) -> [&'static str; 8] {
        if self.vi() {
            [
                "Kịch bản",
                "Xác suất",
                "Khoảng tin cậy 95%",
                "Trung bình (%)",
                "Độ lệch chuẩn (điểm %)",
                "Phân vị thứ 10 (%)",
                "Trung vị (%)",
                "Phân vị thứ 90 (%)",
            ]
        } else {
            [
                "View",
                "P",
                "95% interval",
                "Mean (%)",
                "SD (pp)",
                "P10 (%)",
                "P50 (%)",
                "P90 (%)",
            ]
        }
    }

    /// Header of the column of P with the record of past shortfalls.
    pub fn with_optimism_header(self) -> &'static str {
        self.pick(
            "P with optimism bias",
            "Xác suất, có tính mức hụt các năm trước",
        )
    }

    /// The lines on the records of past shortfalls: the one added to the
    /// draws, the other vintage beside it, and why the one was chosen.
    pub fn record_lines(self, records: &ShortfallRecords) -> String {
        let list = |r: &ShortfallRecord| {
            let years = r
                .record
                .years
                .iter()
                .map(|s| format!("{} {}", s.year, self.signed(s.shortfall_pp)))
                .collect::<Vec<_>>()
                .join(", ");
            format!(
                "{years}; {} {}",
                self.pick("median", "trung vị"),
                self.signed(r.record.median_pp)
            )
        };
        let vintage = |v: RecordVintage| match (v, self.vi()) {
            (RecordVintage::Latest, false) => "latest estimates",
            (RecordVintage::Latest, true) => "số ước tính mới nhất",
            (RecordVintage::FirstEstimate, false) => {
                "first estimates (what planners saw when they set the next target)"
            }
            (RecordVintage::FirstEstimate, true) => {
                "số ước tính đầu tiên (số liệu khi đặt chỉ tiêu năm sau)"
            }
        };
        let used = &records.used;
        let mut out = if self.vi() {
            format!(
                "Xu hướng đặt chỉ tiêu lạc quan: mỗi năm của mỗi lần mô phỏng cộng thêm một mức hụt lấy ngẫu nhiên từ mức hụt các năm trước của {} (kết quả − chỉ tiêu, điểm phần trăm), theo {}: {}.\n",
                self.region_name(&records.region),
                vintage(used.vintage),
                list(used)
            )
        } else {
            format!(
                "Optimism bias: each year of each draw adds a shortfall resampled from {}'s record (outcome − target, pp), on {}: {}.\n",
                self.region_name(&records.region),
                vintage(used.vintage),
                list(used)
            )
        };
        if let Some(other) = &records.other_vintage {
            out += &format!(
                "{} {}: {}.\n",
                self.pick("The same record on", "Cùng số liệu đó theo"),
                vintage(other.vintage),
                list(other)
            );
        }
        out += match (used.vintage, self.vi()) {
            (RecordVintage::Latest, false) => {
                "The latest estimates are used: a forecast of the outcome as finally measured is judged against them.\n"
            }
            (RecordVintage::Latest, true) => {
                "Dùng số ước tính mới nhất: dự báo kết quả cuối cùng được so với các số này.\n"
            }
            (RecordVintage::FirstEstimate, false) => {
                "The first estimates are used: the record of planning optimism as planners saw it.\n"
            }
            (RecordVintage::FirstEstimate, true) => {
                "Dùng số ước tính đầu tiên: xu hướng đặt chỉ tiêu lạc quan như người lập kế hoạch đã thấy.\n"
            }
        };
        out
    }

    /// Why a view was not run with the record of past shortfalls.
    pub fn record_overlap_line(self, view: &str) -> String {
        if self.vi() {
            format!(
                "Không cộng lịch sử mức hụt vào \"{view}\": kịch bản này đã trừ mức hụt trung vị; cộng thêm sẽ tính các lần hụt đó hai lần.\n"
            )
        } else {
            format!(
                "The record is not added to \"{view}\": that view already takes a past shortfall off the plan, and adding the record would count the same misses twice.\n"
            )
        }
    }

    /// The heading of the detail of one view.
    pub fn detail_heading(self, view: &str) -> String {
        format!(
            "\n{}: {}\n",
            self.pick("In detail, view", "Chi tiết theo kịch bản"),
            view
        )
    }

    /// The warning that some paths drew a sector's growth at or below −100 %.
    pub fn collapse_line(self, view: &str, paths: u64, scenarios: u64) -> String {
        let n = self.num(paths as f64, 0);
        let of = self.num(scenarios as f64, 0);
        if self.vi() {
            format!(
                "Lưu ý ({view}): {n} trong {of} lần mô phỏng có một khu vực tăng trưởng ≤ −100% trong một năm; mức đó được giữ ở −100% (khu vực mất toàn bộ sản lượng).\n"
            )
        } else {
            format!(
                "Note ({view}): {n} of {of} draws took a sector's growth at or below −100% in some year; it was floored there (the sector lost all its output).\n"
            )
        }
    }

    /// Headers of the table of targets' probabilities.
    pub fn target_probability_headers(self) -> [&'static str; 2] {
        self.pick(["Target", "P(met)"], ["Chỉ tiêu", "Xác suất đạt"])
    }

    /// The row of every target together.
    pub fn all_targets(self) -> &'static str {
        self.pick("All targets together", "Đạt tất cả chỉ tiêu")
    }

    /// Headers of the sensitivity table.
    pub fn sensitivity_headers(self) -> [&'static str; 5] {
        self.pick(
            [
                "Component",
                "Variance share",
                "Spearman",
                "GRDP at its P10 (%)",
                "GRDP at its P90 (%)",
            ],
            [
                "Khu vực",
                "Tỷ lệ trong phương sai",
                "Tương quan hạng Spearman",
                "GRDP khi khu vực ở phân vị thứ 10 (%)",
                "GRDP khi khu vực ở phân vị thứ 90 (%)",
            ],
        )
    }

    /// What one component would have needed, draw by draw.
    pub fn required_growth_line(self, component: &str, p10: f64, p50: f64, p90: f64) -> String {
        let n = |v: f64| self.num(v, 2);
        if self.vi() {
            format!(
                "\nĐể đạt chỉ tiêu, khu vực {} cần tăng {}% (trung vị; phân vị thứ 10: {}%, phân vị thứ 90: {}%), các khu vực khác giữ nguyên như trong từng lần mô phỏng.\n",
                component,
                n(p50),
                n(p10),
                n(p90)
            )
        } else {
            format!(
                "\nTo meet the target, {} would have needed {}% growth (median; P10 {}%, P90 {}%), the others as drawn.\n",
                component,
                n(p50),
                n(p10),
                n(p90)
            )
        }
    }

    /// The answer to a component question, as a sentence.
    pub fn solve_component(self, c: &ComponentSolution, who: &str) -> String {
        let n = |v: f64| self.num(v, 2);
        if self.vi() {
            format!(
                "Để GRDP {} tăng {}% (kịch bản: {}%), khu vực {} cần tăng {}% thay vì {}% ({} điểm phần trăm), các khu vực khác giữ nguyên. Tỷ trọng giá so sánh của khu vực: {}%.\n",
                c.year,
                self.given_num(c.target_pct),
                n(c.planned_aggregate_pct),
                who,
                n(c.required_growth_pct),
                n(c.planned_growth_pct),
                self.signed(c.change_pp),
                n(c.weight_pct)
            )
        } else {
            format!(
                "For GRDP growth of {}% in {} (plan: {}%), {} needs {}% growth instead of {}% ({} pp), the other components as planned. Its weight at 2010 prices: {}%.\n",
                self.given_num(c.target_pct),
                c.year,
                n(c.planned_aggregate_pct),
                who,
                n(c.required_growth_pct),
                n(c.planned_growth_pct),
                self.signed(c.change_pp),
                n(c.weight_pct)
            )
        }
    }

    /// The answer to an all-but-one question; `who` names the component
    /// held, at its growth as planned (or as assumed, where the plan is an
    /// assumption). The change is that of the figures as printed.
    pub fn solve_rest(self, r: &RestSolution, who: &str, assumed: bool) -> String {
        let n = |v: f64| self.num(v, 2);
        let round = |v: f64| (v * 100.0).round() / 100.0;
        let change = round(r.required_rest_pct) - round(r.planned_rest_pct);
        if self.vi() {
            format!(
                "Để GRDP năm {} tăng {}%, khi {} tăng {}% {} (tỷ trọng theo giá so sánh 2010: {}%), các thành phần còn lại cần tăng chung {}% thay vì {}% ({} điểm phần trăm).\n",
                r.year,
                self.given_num(r.target_pct),
                who,
                n(r.held_growth_pct),
                if assumed {
                    "như giả định"
                } else {
                    "như kế hoạch"
                },
                n(r.held_weight_pct),
                n(r.required_rest_pct),
                n(r.planned_rest_pct),
                self.signed(change),
            )
        } else {
            format!(
                "For GRDP growth of {}% in {}, with {} at {}% {} (its weight at 2010 prices: {}%), the other components together need {}% growth instead of {}% ({} pp).\n",
                self.given_num(r.target_pct),
                r.year,
                who,
                n(r.held_growth_pct),
                if assumed { "as assumed" } else { "as planned" },
                n(r.held_weight_pct),
                n(r.required_rest_pct),
                n(r.planned_rest_pct),
                self.signed(change),
            )
        }
    }

    /// The opening sentence of the answer to a uniform question.
    pub fn solve_uniform(self, u: &UniformSolution) -> String {
        let n = |v: f64| self.num(v, 2);
        if self.vi() {
            format!(
                "Để GRDP {} tăng {}% (kịch bản: {}%), mọi khu vực cần tăng thêm {} điểm %:\n\n",
                u.year,
                self.given_num(u.target_pct),
                n(u.planned_aggregate_pct),
                n(u.add_on_pp)
            )
        } else {
            format!(
                "For GRDP growth of {}% in {} (plan: {}%), every component needs {} pp more growth:\n\n",
                self.given_num(u.target_pct),
                u.year,
                n(u.planned_aggregate_pct),
                n(u.add_on_pp)
            )
        }
    }

    /// Headers of the uniform answer's table after the component column.
    pub fn planned_required_headers(self) -> [&'static str; 2] {
        self.pick(
            ["Planned (%)", "Required (%)"],
            ["Kịch bản (%)", "Cần đạt (%)"],
        )
    }

    /// The answer to a period question, as a sentence.
    pub fn solve_period(self, p: &PeriodSolution) -> String {
        let n = |v: f64| self.num(v, 2);
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
        // With no year known yet, there is nothing to say of them.
        let after = match (self.vi(), p.known.is_empty()) {
            (_, true) => String::new(),
            (true, false) => format!(
                ", sau các năm đã biết ({known}; bình quân {}%/năm)",
                self.opt(p.known_average_pct, 2)
            ),
            (false, false) => format!(
                ", after the known years ({known}; averaging {}% a year)",
                self.opt(p.known_average_pct, 2)
            ),
        };
        if self.vi() {
            format!(
                "Để GRDP bình quân {}–{} tăng {}%/năm{after}, {} {} cần tăng {}%.\n",
                p.first_year,
                p.last_year,
                self.given_num(p.average_pct),
                if one { "năm" } else { "mỗi năm" },
                years,
                n(p.required_pct)
            )
        } else {
            format!(
                "For average GRDP growth of {}% a year over {}–{}{after}, {}{} needs {}% growth{}.\n",
                self.given_num(p.average_pct),
                p.first_year,
                p.last_year,
                if one { "" } else { "each of " },
                years,
                n(p.required_pct),
                if one { "" } else { " a year" }
            )
        }
    }
}

impl Lang {
    /// The known part of a year as releases name it: Q1, H1, 9M; in
    /// Vietnamese "quý I", "6 tháng đầu", "9 tháng" (each reads on with
    /// "năm 2025").
    pub fn known_part(self, part: grdp_core::quarters::KnownPart) -> &'static str {
        use grdp_core::quarters::KnownPart as K;
        match (self.vi(), part) {
            (false, p) => p.label(),
            (true, K::Q1) => "quý I",
            (true, K::H1) => "6 tháng đầu",
            (true, K::M9) => "9 tháng",
        }
    }

    /// A probability for a table: three decimals, "< 0.001" and "> 0.999"
    /// at the ends (0.000 would read as "impossible").
    pub fn probability(self, p: f64) -> String {
        if p < 0.0005 {
            format!("< {}", self.num(0.001, 3))
        } else if p > 0.9995 {
            format!("> {}", self.num(0.999, 3))
        } else {
            self.num(p, 3)
        }
    }

    /// The answer to a remaining-quarters question, as sentences: what the
    /// rest of the year needs, under which quarter shares and how sensitive
    /// that is to them, and what the year comes to at a stated growth.
    pub fn solve_remaining(self, r: &grdp_core::quarters::RemainingSolution) -> String {
        let n = |v: f64| self.text_num(v, 2);
        let rest = match r.known {
            grdp_core::quarters::KnownPart::Q1 => ("Q2-Q4", "quý II-IV"),
            grdp_core::quarters::KnownPart::H1 => ("the second half", "6 tháng cuối năm"),
            grdp_core::quarters::KnownPart::M9 => ("Q4", "quý IV"),
        };
        let known_vi = self.known_part(r.known);
        let shares = self.quarter_shares(&r.shares_pct);
        let equal = !r.shares_stated;
        let mut out = String::new();
        if self.vi() {
            out += &format!(
                "Đã biết: {known_vi} năm {} tăng {}% so với cùng kỳ. Tỷ trọng các quý trong GRDP năm trước (giá so sánh 2010): {shares}%{}; phần đã biết chiếm {}% cả năm.\n",
                r.year,
                self.given_num(r.known_growth_pct),
                if equal {
                    " (bằng nhau: giả định; nêu tỷ trọng khác bằng --quarter-shares)".to_string()
                } else {
                    format!(" ({})", self.shares_status(true, r.shares_given_sum_pct))
                },
                n(r.known_share_pct)
            );
            if let (Some(t), Some(req)) = (r.target_pct, r.required_remaining_pct)
                && req <= -100.0
            {
                out += &format!(
                    "Chỉ tiêu {}% cả năm đạt dù {} tăng bao nhiêu (mức cần đạt là {}%, dưới −100%).\n",
                    self.given_num(t),
                    rest.1,
                    n(req)
                );
            } else if let (Some(t), Some(req)) = (r.target_pct, r.required_remaining_pct) {
                out += &format!(
                    "Để cả năm tăng {}%, {} cần tăng bình quân {}% so với cùng kỳ.",
                    self.given_num(t),
                    rest.1,
                    n(req)
                );
                if let Some(p) = r.required_per_share_point_pp {
                    out += &format!(
                        " Nếu phần đã biết chiếm thêm 1 điểm % cả năm, mức cần đạt thay đổi {} điểm %",
                        self.signed(p)
                    );
                }
                if let (false, Some(e)) = (equal, r.required_remaining_equal_pct) {
                    out += &format!("; với các quý bằng nhau: {}%", n(e));
                }
                out += ".\n";
            }
            if let (Some(th), Some(y)) = (r.then_remaining_pct, r.year_growth_pct) {
                out += &format!(
                    "Nếu {} tăng {}%, cả năm đạt {}%.\n",
                    rest.1,
                    self.given_num(th),
                    n(y)
                );
            }
        } else {
            out += &format!(
                "Known: {} {} at {}% on the same period of the year before. Quarter shares of the year before's GRDP (constant 2010 prices): {shares}%{}; the known part is {}% of the year.\n",
                r.known.label(),
                r.year,
                self.given_num(r.known_growth_pct),
                if equal {
                    " (equal: an assumption; state others with --quarter-shares)".to_string()
                } else {
                    format!(" ({})", self.shares_status(true, r.shares_given_sum_pct))
                },
                n(r.known_share_pct)
            );
            if let (Some(t), Some(req)) = (r.target_pct, r.required_remaining_pct)
                && req <= -100.0
            {
                out += &format!(
                    "{}% in the year is reached whatever {} does (it would need {}%, below −100%).\n",
                    self.given_num(t),
                    rest.0,
                    n(req)
                );
            } else if let (Some(t), Some(req)) = (r.target_pct, r.required_remaining_pct) {
                out += &format!(
                    "For {}% in the year, {} must grow {}% on average on the same period of the year before.",
                    self.given_num(t),
                    rest.0,
                    n(req)
                );
                if let Some(p) = r.required_per_share_point_pp {
                    out += &format!(
                        " Each point more of the year in the known part moves that by {} pp",
                        self.signed(p)
                    );
                }
                if let (false, Some(e)) = (equal, r.required_remaining_equal_pct) {
                    out += &format!("; with equal quarters it is {}%", n(e));
                }
                out += ".\n";
            }
            if let (Some(th), Some(y)) = (r.then_remaining_pct, r.year_growth_pct) {
                out += &format!(
                    "If {} grows {}%, the year comes to {}%.\n",
                    rest.0,
                    self.given_num(th),
                    n(y)
                );
            }
        }
        out
    }

    /// Four quarter shares, percent, as the outputs list them: 25 / 24.62 /
    /// 24.92 / 25.33 (at most two decimals, none trailing).
    pub fn quarter_shares(self, pct: &[f64; 4]) -> String {
        pct.iter()
            .map(|s| self.text_num(*s, 2))
            .collect::<Vec<_>>()
            .join(" / ")
    }

    /// After a list of quarter shares: whether they were stated or assumed
    /// equal, and where stated shares summed to a little off 100 (rounded
    /// to one decimal), what they summed to and that they were scaled.
    pub fn shares_status(self, stated: bool, given_sum_pct: f64) -> String {
        let sum = self.given_num(given_sum_pct);
        match (
            stated,
            given_sum_pct.to_bits() == 100f64.to_bits(),
            self.vi(),
        ) {
            (false, _, false) => "equal: an assumption".into(),
            (false, _, true) => "bằng nhau: giả định".into(),
            (true, true, false) => "as stated".into(),
            (true, true, true) => "theo số liệu nhập".into(),
            (true, false, false) => {
                format!("scaled to sum to 100 from the shares stated, which summed to {sum}%")
            }
            (true, false, true) => {
                format!("đã quy về tổng 100 từ số liệu nhập có tổng {sum}%")
            }
        }
    }

    /// A figure as given (a target, a threshold): every decimal it has, up
    /// to four, none trailing: 9.5, 9.318, 0.095. Rounding a target to two
    /// decimals would change it (9.318–9.32 printed as 9.32–9.32).
    pub fn given_num(self, value: f64) -> String {
        // Below 10⁻⁴ four decimals would print 0: short scientific notation.
        if value != 0.0 && value.abs() < 1e-4 {
            let point = if self.vi() { "," } else { "." };
            return format!("{value:e}").replace('.', point).replace('-', "−");
        }
        self.text_num(value, given_decimals(value))
    }

    /// A provincial table's status as the page says it: the table's words
    /// in English; in Vietnamese, as releases say them where known, else
    /// the table's own.
    pub fn table_status(self, status: &str) -> String {
        match (self.vi(), status) {
            (true, "estimate") => "ước tính",
            (true, "official") => "chính thức",
            (true, "target") => "chỉ tiêu",
            (true, "target (draft, dự kiến)") => "chỉ tiêu dự kiến",
            (true, crate::PEOPLES_COMMITTEE_ESTIMATE) => {
                "ước tính của UBND tỉnh (không có trong bảng của cơ quan thống kê)"
            }
            (true, s) if crate::is_peoples_committee(s) => {
                "ước tính của UBND (khác với số của cơ quan thống kê)"
            }
            (_, other) => other,
        }
        .to_string()
    }

    /// Items joined for running text: "a", "a and b", "a, b and c" ("a, b
    /// và c"). Vietnamese numbers with a decimal comma are parted by
    /// semicolons ("1; 1,44; 2,61 và 3"), so that no list comma reads as a
    /// decimal one.
    pub fn and_list(self, items: &[String]) -> String {
        let and = if self.vi() { " và " } else { " and " };
        let sep = if self.vi() && items.iter().any(|i| i.contains(',')) {
            "; "
        } else {
            ", "
        };
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{}{and}{last}", rest.join(sep)),
        }
    }

    /// A number for running text: at most `decimals` decimals, no trailing
    /// zeros (9,5 %, not 9,50 %).
    pub fn text_num(self, value: f64, decimals: usize) -> String {
        let s = self.num(value, decimals);
        let point = if self.vi() { ',' } else { '.' };
        if s.contains(point) {
            s.trim_end_matches('0').trim_end_matches(point).to_string()
        } else {
            s
        }
    }

    /// An amount to two significant figures for running text: 8,218.4
    /// reads 8,200; 27.3 reads 27; 0.0243 reads 0.024.
    pub fn two_significant(self, value: f64) -> String {
        self.significant(value, 2)
    }

    /// An amount to `figures` significant figures (at least one) for
    /// running text: 136,627.9 to three reads 137,000.
    pub fn significant(self, value: f64, figures: i32) -> String {
        if value == 0.0 || !value.is_finite() {
            return self.text_num(value, 0);
        }
        let exponent = value.abs().log10().floor() as i32 + 1 - figures.max(1);
        let unit = 10f64.powi(exponent);
        let decimals = usize::try_from(-exponent).unwrap_or(0);
        self.text_num((value / unit).round() * unit, decimals)
    }

    /// A probability in words for a reader in a hurry: "about 3 in 10",
    /// "about 1 in 4", "about even", "almost certain".
    pub fn chance(self, p: f64) -> String {
        let vi = self.vi();
        let one_in = |n: u32| {
            if vi {
                format!("khoảng 1 trên {n}")
            } else {
                format!("about 1 in {n}")
            }
        };
        let k_in_10 = |k: u32| {
            if vi {
                format!("khoảng {k} trên 10")
            } else {
                format!("about {k} in 10")
            }
        };
        if p < 0.005 {
            return self
                .pick("less than 1 in 200", "dưới 1 trên 200")
                .to_string();
        }
        if p >= 0.995 {
            return self
                .pick("all but certain", "gần như chắc chắn")
                .to_string();
        }
        if p >= 0.95 {
            return self
                .pick(
                    "almost certain (about 19 in 20)",
                    "rất cao (khoảng 19 trên 20)",
                )
                .to_string();
        }
        if (0.45..=0.55).contains(&p) {
            return self
                .pick("about even (1 in 2)", "khoảng một nửa (1 trên 2)")
                .to_string();
        }
        if p < 0.5 {
            let n = (1.0 / p).round();
            if p < 0.1 || (1.0 / n - p).abs() <= 0.15 * p {
                return one_in(n as u32);
            }
        }
        k_in_10((10.0 * p).round() as u32)
    }

    /// A region of the history by its name, where grdp knows it (the
    /// history file holds ids: `can_tho`, `vietnam`); else the id.
    /// The provincial table writes the regions and the nation in
    /// Vietnamese and marks merged provinces in English: the English
    /// output names the regions and the nation in English, the Vietnamese
    /// one says "sau hợp nhất".
    pub fn region_name(self, id: &str) -> String {
        const ENGLISH: [(&str, &str); 7] = [
            ("Việt Nam", "Vietnam (GDP)"),
            ("Vùng ĐB sông Hồng", "Red River Delta region"),
            (
                "Vùng Trung du MN phía Bắc",
                "Northern Midlands and Mountains region",
            ),
            ("Vùng Bắc Trung Bộ", "North Central region"),
            (
                "Vùng Nam Trung Bộ & Tây Nguyên",
                "South Central Coast and Central Highlands region",
            ),
            ("Vùng Đông Nam Bộ", "Southeast region"),
            ("Vùng ĐB sông Cửu Long", "Mekong Delta region"),
        ];
        match (id, self.vi()) {
            ("can_tho", _) => "Cần Thơ".into(),
            ("vietnam", _) => self.pick("Vietnam", "Việt Nam").into(),
            // The nation's figure is GDP; the regions' names in full.
            ("Việt Nam", true) => "Cả nước (GDP)".into(),
            (other, true) => other
                .replace(" (merged)", " (sau hợp nhất)")
                .replace("Vùng ĐB ", "Vùng Đồng bằng ")
                .replace("Trung du MN", "Trung du và miền núi"),
            (other, false) => ENGLISH
                .iter()
                .find(|(vi, _)| *vi == other)
                .map_or_else(|| other.to_string(), |(_, en)| en.to_string()),
        }
    }

    /// A view of the backtest as it is rebuilt for each past year (not
    /// the scenario's own wording, which names this year's plan).
    pub fn backtest_view(self, id: &str) -> String {
        match (id, self.vi()) {
            ("plan", false) => "Plan: the target as set".into(),
            ("plan", true) => "Kế hoạch: chỉ tiêu như đã đặt".into(),
            ("recent", false) => "Last year's growth".into(),
            ("recent", true) => "Tốc độ tăng năm trước".into(),
            ("plan_less_shortfall", false) => "The target less the median earlier shortfall".into(),
            ("plan_less_shortfall", true) => "Chỉ tiêu trừ mức hụt trung vị các năm trước".into(),
            (other, _) => other.to_string(),
        }
    }

    /// A check's name as a reader knows it.
    pub fn check_name(self, id: grdp_core::CheckId) -> &'static str {
        use grdp_core::CheckId as C;
        match id {
            C::SectorGrowthVsAggregate => self.pick(
                "Sector targets against the GRDP growth target",
                "Chỉ tiêu các khu vực so với chỉ tiêu tăng trưởng GRDP",
            ),
            C::StructureSumsTo100 => self.pick(
                "The structure ranges can sum to 100 %",
                "Các khoảng cơ cấu kinh tế có thể cộng lại bằng 100%",
            ),
            C::StructurePricePath => self.pick(
                "The structure and the plan's prices",
                "Cơ cấu kinh tế và giá theo kế hoạch",
            ),
            C::PerCapita => self.pick("GRDP per capita", "GRDP bình quân đầu người"),
            C::LabourProductivity => self.pick("Labour productivity", "Năng suất lao động"),
            C::PeriodAverage => self.pick(
                "Average growth over the plan period",
                "Tăng trưởng bình quân cả giai đoạn",
            ),
            C::InvestmentIcor => self.pick(
                "Investment and growth (ICOR)",
                "Vốn đầu tư và tăng trưởng (ICOR)",
            ),
        }
    }

    /// Why a check could not run, in words.
    pub fn missing_input(self, reason: grdp_core::audit::MissingInput) -> &'static str {
        use grdp_core::audit::MissingInput as M;
        match reason {
            M::NoTargets => self.pick("no target of this kind", "không có chỉ tiêu loại này"),
            M::NoCurrentPrices => self.pick(
                "no current-price levels or price growth",
                "thiếu số liệu giá hiện hành hoặc tăng giá",
            ),
            M::NoPopulation => self.pick("no population", "thiếu số liệu dân số"),
            M::YearNotProjected => self.pick(
                "the plan does not reach that year",
                "kế hoạch không kéo dài tới năm đó",
            ),
        }
    }

    /// A date as each language writes it: "27 November 2026", "ngày 27 tháng 11 năm 2026".
    pub fn date(self, d: crate::CivilDate) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        if self.vi() {
            format!("ngày {} tháng {} năm {}", d.day, d.month, d.year)
        } else {
            format!(
                "{} {} {}",
                d.day,
                MONTHS[usize::from(d.month.clamp(1, 12)) - 1],
                d.year
            )
        }
    }
}

/// The fewest decimals, at most four, that write `value` as it was given:
/// 9.5 → 1, 9.318 → 3, 113 → 0; four for a value that needs more.
pub(crate) fn given_decimals(value: f64) -> usize {
    (0..=4)
        .find(|&d| {
            let scale = 10f64.powi(d as i32);
            ((value * scale).round() / scale - value).abs() <= 1e-9 * value.abs().max(1.0)
        })
        .unwrap_or(4)
}
