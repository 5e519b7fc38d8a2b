//! The charts' words: titles that state the finding, axes with units,
//! legends and the paragraph under each chart.

use grdp_core::{Indicator, TargetStatus};

use super::Words;

impl Words<'_> {
    /// Where the data come from, for the source lines: the scenario's
    /// `data_source`, or a pointer to the file's own citations.
    fn data_source(&self) -> String {
        let meta = &self.input.loaded.meta;
        let (en, vi) = (meta.data_source.as_deref(), meta.data_source_vi.as_deref());
        match (self.vi(), en, vi) {
            (true, _, Some(v)) => v.to_string(),
            (false, Some(e), _) => e.to_string(),
            (true, Some(e), None) => e.to_string(),
            (true, None, None) => "các nguồn ghi trong tệp kịch bản".to_string(),
            (false, None, _) => "the sources cited in the scenario file".to_string(),
        }
    }

    /// The source line of every chart.
    pub fn source(&self) -> String {
        let m = &self.input.meta;
        let name = self.lang.scenario_name(self.input.loaded);
        let data = self.data_source();
        self.pick(
            format!(
                "Source: grdp {}; {name}; data: {data}; {} draws, seed {}.",
                m.version,
                self.text_num(m.scenarios as f64, 0),
                m.seed
            ),
            format!(
                "Nguồn: grdp {}; {name}; số liệu: {data}; {} lần mô phỏng, số khởi tạo ngẫu nhiên (seed) {}.",
                m.version,
                self.text_num(m.scenarios as f64, 0),
                m.seed
            ),
        )
    }

    /// The source line of a chart drawn from data alone (no simulation):
    /// no draws, no seed.
    pub fn source_data(&self) -> String {
        let m = &self.input.meta;
        let name = self.lang.scenario_name(self.input.loaded);
        let data = self.data_source();
        self.pick(
            format!("Source: grdp {}; {name}; data: {data}.", m.version),
            format!("Nguồn: grdp {}; {name}; số liệu: {data}.", m.version),
        )
    }

    /// The source line of a chart drawn from the provincial table.
    pub fn source_provinces(&self, table: &str) -> String {
        let v = &self.input.meta.version;
        let table = self.lang.table_origin(table);
        self.pick(
            format!("Source: grdp {v}; the provincial table ({table}), each figure with its source address and status."),
            format!("Nguồn: grdp {v}; bảng số liệu các tỉnh ({table}), mỗi số kèm địa chỉ nguồn và trạng thái."),
        )
    }

    /// A region of the history by its name, where grdp knows it.
    pub fn region_name(&self, id: &str) -> String {
        self.lang.region_name(id)
    }

    /// Which estimate of an outcome: the latest, or the first.
    pub(crate) fn vintage_name(&self, v: grdp_study::calibration::RecordVintage) -> String {
        match v {
            grdp_study::calibration::RecordVintage::Latest => self.pick(
                "Outcome, latest estimate",
                "Thực hiện, số ước tính mới nhất",
            ),
            grdp_study::calibration::RecordVintage::FirstEstimate => self.pick(
                "Outcome, first estimate (what planners saw)",
                "Thực hiện, số ước tính đầu tiên (số liệu khi đặt chỉ tiêu)",
            ),
        }
    }

    /// Title, subtitle and paragraph of chart 9, the track record.
    pub fn track_record(
        &self,
        records: &grdp_study::calibration::ShortfallRecords,
    ) -> (String, String, String) {
        let r = &records.used.record;
        let m = r.years.len();
        let short = r.years.iter().filter(|y| y.shortfall_pp < 0.0).count();
        let region = self.region_name(&records.region);
        let median = self.text_num(r.median_pp.abs(), 2);
        let median_gap = self.text_num(r.median_pp, 2);
        let (first, last) = (
            r.years.first().map_or(0, |y| y.year),
            r.years.last().map_or(0, |y| y.year),
        );
        (
            self.pick(
                format!("{region} fell short of its growth target in {short} of {m} years; median gap over all {m}: {median_gap} points"),
                format!("{region} không đạt chỉ tiêu tăng trưởng {short} trên {m} năm; chênh lệch trung vị của cả {m} năm: {median_gap} điểm phần trăm"),
            ),
            self.pick(
                format!("Annual GRDP growth targets against outcomes, {first}–{last}; the gap is outcome less target, in percentage points."),
                format!("Chỉ tiêu tăng trưởng GRDP hằng năm so với thực hiện, {first}–{last}; chênh lệch là thực hiện trừ chỉ tiêu, tính bằng điểm phần trăm."),
            ),
            self.pick(
                format!("The record behind the preferred scenario: it takes the median gap ({median} points) off every sector's target. Filled dots are the estimates the simulation uses; hollow dots, where shown, are the other estimate of the same year, since first estimates are often revised. With {m} years the median moves with a single revision, which is why both estimates are drawn."),
                format!("Đây là cơ sở của kịch bản được chọn: kịch bản này trừ mức hụt trung vị ({median} điểm phần trăm) khỏi chỉ tiêu của mỗi khu vực. Chấm đặc là số ước tính mô phỏng sử dụng; chấm rỗng (nếu có) là số ước tính còn lại của cùng năm, vì số ước tính đầu tiên thường được điều chỉnh. Chỉ có {m} năm nên một lần điều chỉnh cũng làm trung vị thay đổi, vì vậy cả hai số đều được vẽ."),
            ),
        )
    }

    /// Title, subtitle and paragraph of chart 10 (the year so far), with
    /// `expected` the preferred scenario's mean growth of the year.
    pub fn year_so_far(
        &self,
        g: &grdp_study::partly_known::PartlyKnown,
        expected: f64,
    ) -> (String, String, String) {
        let year = self.main().target_year;
        let part = self.lang.known_part(g.known);
        let n = |v: f64| self.text_num(v, 2);
        let has_path = self
            .input
            .loaded
            .scenario
            .known()
            .is_some_and(|k| !k.target_path_pct.is_empty());
        let covered = g.shares_pct[..g.known.quarters()].iter().sum::<f64>();
        let year_at_expected =
            n((g.known_growth_pct * covered + expected * (100.0 - covered)) / 100.0);
        let shares = self.lang.quarter_shares(&g.shares_pct);
        let status = self
            .lang
            .shares_status(g.shares_stated, g.shares_given_sum_pct);
        (
            self.pick(
                format!(
                    "After {part} at {} %, the rest of {year} needs {} %; the preferred scenario expects {} %",
                    self.lang.given_num(g.known_growth_pct),
                    n(g.required_rest_pct),
                    n(expected)
                ),
                format!(
                    "Sau {part} năm {year} tăng {}%, phần còn lại của năm cần {}%; kịch bản được chọn dự kiến {}%",
                    self.lang.given_num(g.known_growth_pct),
                    n(g.required_rest_pct),
                    n(expected)
                ),
            ),
            // The path is named only where the scenario sets one.
            if has_path {
                self.pick(
                    "Growth so far on the same period of the year before, cumulated from January: known, set as the path, and two ways on.",
                    "Tăng trưởng lũy kế từ đầu năm so với cùng kỳ: số đã biết, lộ trình chỉ tiêu và hai kịch bản cho các quý còn lại.",
                )
            } else {
                self.pick(
                    "Growth so far on the same period of the year before, cumulated from January: known, the year's target, and two ways on.",
                    "Tăng trưởng lũy kế từ đầu năm so với cùng kỳ: số đã biết, chỉ tiêu cả năm và hai kịch bản cho các quý còn lại.",
                )
            },
            self.pick(
                format!(
                    "The dot is what the release gives; orange-red dashes are {}. The dashed line is what the target needs from the rest of the year ({} % on average); the blue line is the rest growing as the preferred scenario expects ({} %), which brings the year to {year_at_expected} %. Quarter shares of the year before: {shares} ({status}).",
                    if has_path { "the target path and the year's target" } else { "the year's target" },
                    n(g.required_rest_pct),
                    n(expected),
                ),
                format!(
                    "Chấm tròn là số liệu đã công bố; vạch đỏ cam là {}. Đường nét đứt là mức phần còn lại của năm cần đạt ({}% bình quân); đường xanh là phần còn lại tăng như kịch bản được chọn dự kiến ({}%), đưa cả năm đến {year_at_expected}%. Tỷ trọng các quý năm trước: {shares} ({status}).",
                    if has_path { "lộ trình chỉ tiêu và chỉ tiêu cả năm" } else { "chỉ tiêu cả năm" },
                    n(g.required_rest_pct),
                    n(expected),
                ),
            ),
        )
    }

    /// A part of the year by quarters covered: Q1, H1, 9M, the year.
    pub(crate) fn part_of_year(&self, quarters: usize) -> String {
        match quarters {
            1 => self.pick("Q1", "Quý I"),
            2 => self.pick("H1", "6 tháng"),
            3 => self.pick("9M", "9 tháng"),
            _ => self.pick("Year", "Cả năm"),
        }
    }

    pub(crate) fn axis_growth_so_far_pct(&self) -> String {
        self.pick(
            "Growth so far, same period of the year before (%)",
            "Tăng trưởng lũy kế so với cùng kỳ (%)",
        )
    }

    pub(crate) fn path_needed(&self, r: f64) -> String {
        self.pick(
            format!(
                "What the target needs: the rest at {} %",
                self.text_num(r, 2)
            ),
            format!(
                "Để đạt chỉ tiêu: các quý còn lại cần tăng {}%",
                self.text_num(r, 2)
            ),
        )
    }

    pub(crate) fn path_expected(&self, r: f64) -> String {
        self.pick(
            format!(
                "The rest as the preferred scenario expects: {} %",
                self.text_num(r, 2)
            ),
            format!(
                "Phần còn lại theo kịch bản được chọn: {}%",
                self.text_num(r, 2)
            ),
        )
    }

    /// The key of the target marks: the path and the year's target, or
    /// the year's alone where the scenario sets no path.
    pub(crate) fn path_target(&self, with_path: bool) -> String {
        if with_path {
            self.pick(
                "Target path and annual target",
                "Lộ trình chỉ tiêu và chỉ tiêu cả năm",
            )
        } else {
            self.pick("Annual target", "Chỉ tiêu cả năm")
        }
    }

    pub(crate) fn path_known(&self) -> String {
        self.pick(
            "Known so far (as released)",
            "Số liệu đã biết (theo số công bố)",
        )
    }

    pub(crate) fn word_estimate(&self) -> String {
        self.pick("estimate", "ước tính")
    }
    pub(crate) fn word_projection(&self) -> String {
        self.pick("projection", "dự báo")
    }
    pub(crate) fn axis_year(&self) -> String {
        self.pick("Year", "Năm")
    }
    pub(crate) fn axis_contribution_pp(&self) -> String {
        self.pick(
            "Contribution to GRDP growth (percentage points)",
            "Đóng góp vào tăng trưởng GRDP (điểm %)",
        )
    }
    /// Chart 2's axis of gaps.
    pub(crate) fn axis_pp(&self) -> String {
        self.pick(
            "← below the range · above the range → (percentage points)",
            "← thấp hơn cận dưới · cao hơn cận trên → (điểm phần trăm)",
        )
    }
    pub(crate) fn axis_share_pct(&self) -> String {
        self.pick(
            "Share of GRDP at current prices (%)",
            "Tỷ trọng trong GRDP theo giá hiện hành (%)",
        )
    }
    pub(crate) fn axis_exceedance(&self) -> String {
        self.pick(
            "Probability that growth is at least this high",
            "Xác suất tăng từ mức này trở lên",
        )
    }
    pub(crate) fn projection_period(&self) -> String {
        self.pick("projection →", "dự báo →")
    }
    pub(crate) fn no_data(&self) -> String {
        self.pick("no data", "chưa có số liệu")
    }
    pub(crate) fn word_the_answer(&self) -> String {
        self.pick(" (the answer)", " (kịch bản được chọn)")
    }
    pub(crate) fn axis_growth_pct(&self, year: i32) -> String {
        self.pick(
            format!("GRDP growth {year}, constant 2010 prices (%)"),
            format!("Tăng trưởng GRDP {year}, giá so sánh 2010 (%)"),
        )
    }
    pub(crate) fn axis_grdp_growth_pct(&self) -> String {
        self.pick(
            "GRDP growth, constant 2010 prices (%)",
            "Tăng trưởng GRDP, giá so sánh 2010 (%)",
        )
    }
    pub(crate) fn axis_probability(&self, target: f64) -> String {
        self.pick(
            format!("P(growth ≥ {}%)", self.lang.given_num(target)),
            format!("Xác suất tăng trưởng ≥ {}%", self.lang.given_num(target)),
        )
    }
    pub(crate) fn axis_scenarios(&self) -> String {
        self.pick("Draws (log scale)", "Số lần mô phỏng (thang logarit)")
    }
    pub(crate) fn axis_p_met(&self) -> String {
        self.pick(
            "Probability that the target is met",
            "Xác suất đạt chỉ tiêu",
        )
    }
    pub(crate) fn axis_component_growth(&self, c: usize) -> String {
        self.pick(
            format!(
                "Centre of the growth of {} (%)",
                self.component_short(c).to_lowercase()
            ),
            format!(
                "Giá trị trung tâm tăng trưởng {} (%)",
                self.component_short(c).to_lowercase()
            ),
        )
    }
    pub(crate) fn target_line(&self) -> String {
        self.pick("Growth target", "Chỉ tiêu tăng trưởng")
    }
    /// The heading of chart 2's panel of gaps.
    pub(crate) fn structure_gap_heading(&self) -> String {
        self.pick(
            "How far each projection lies outside its target range",
            "Chênh lệch giữa dự báo và khoảng chỉ tiêu",
        )
    }
    /// A projection that meets its target: inside a range, or past a
    /// one-sided target's bound (`bounds`: whether it has a lower and an
    /// upper one).
    pub(crate) fn within_range(&self, bounds: (bool, bool)) -> String {
        match bounds {
            (true, false) => self.pick("at or above the minimum", "đạt mức tối thiểu"),
            (false, true) => self.pick("at or below the maximum", "không vượt mức tối đa"),
            _ => self.pick("within the range", "trong khoảng"),
        }
    }
    /// The key of the target marks, for the kinds drawn: ranges, minima
    /// only, maxima only (a one-sided target is a mark at its bound).
    pub(crate) fn target_range(&self, ranges: bool, minima: bool, maxima: bool) -> String {
        match (ranges, minima, maxima) {
            (false, true, false) => self.pick("Target (at least)", "Chỉ tiêu (tối thiểu)"),
            (false, false, true) => self.pick("Target (at most)", "Chỉ tiêu (tối đa)"),
            (true, false, false) => self.pick("Target range", "Khoảng chỉ tiêu"),
            _ => self.pick(
                "Target range (a bound, if one-sided)",
                "Khoảng chỉ tiêu (một ngưỡng nếu chỉ có một phía)",
            ),
        }
    }
    pub(crate) fn target_at(&self, t: f64) -> String {
        self.pick(
            format!("Target {}%", self.lang.given_num(t)),
            format!("Chỉ tiêu {}%", self.lang.given_num(t)),
        )
    }
    /// A target range's key: "Target 10–10.5%".
    pub(crate) fn target_range_at(&self, lo: f64, hi: f64) -> String {
        self.pick(
            format!(
                "Target {}–{}%",
                self.lang.given_num(lo),
                self.lang.given_num(hi)
            ),
            format!(
                "Chỉ tiêu {}–{}%",
                self.lang.given_num(lo),
                self.lang.given_num(hi)
            ),
        )
    }
    pub(crate) fn median_at(&self, m: f64) -> String {
        self.pick(
            format!("Median {}%", self.text_num(m, 2)),
            format!("Trung vị {}%", self.text_num(m, 2)),
        )
    }
    /// Whether the preferred view centres every sector on the plan, so a
    /// sector's growth target sits near P = 0.5 by construction.
    pub(crate) fn plan_centred(&self) -> bool {
        matches!(
            self.input.briefing.preferred.as_ref().map(|p| &p.centre),
            Some(grdp_core::uncertainty::Centre::Plan)
        )
    }

    /// The mark on a sector growth target's row when [`Self::plan_centred`].
    pub(crate) fn by_construction_mark(&self) -> String {
        self.pick(" (≈ 0.5 by construction)", " (≈ 0,5 do cách xây dựng)")
    }

    /// The answer's label on chart 3: "P(≥ 10%) = 0.095".
    pub(crate) fn p_at_least(&self, t: f64, p: f64) -> String {
        format!("P(≥ {}%) = {}", self.lang.given_num(t), self.num(p, 3))
    }
    pub(crate) fn tornado_low(&self) -> String {
        self.pick(
            "Component at its 10th percentile",
            "Thành phần ở phân vị thứ 10",
        )
    }
    pub(crate) fn tornado_high(&self) -> String {
        self.pick(
            "Component at its 90th percentile",
            "Thành phần ở phân vị thứ 90",
        )
    }
    pub(crate) fn band(&self, pct: u32) -> String {
        self.pick(
            format!("{pct}% of draws"),
            format!("{pct}% số lần mô phỏng"),
        )
    }
    pub(crate) fn median_projection(&self) -> String {
        self.pick("Median projection", "Dự báo trung vị")
    }
    pub(crate) fn outcomes(&self) -> String {
        self.pick(
            "Published growth (outcome or estimate)",
            "Số liệu đã công bố (thực hiện hoặc ước tính)",
        )
    }
    pub(crate) fn annual_target(&self) -> String {
        self.pick("Annual target", "Chỉ tiêu năm")
    }
    pub(crate) fn period_target_band(&self) -> String {
        self.pick(
            "Plan's average target (band)",
            "Chỉ tiêu bình quân của kế hoạch (dải)",
        )
    }
    pub(crate) fn ci95(&self) -> String {
        self.pick("95% interval (Wilson)", "Khoảng tin cậy 95% (Wilson)")
    }
    pub(crate) fn p_estimate(&self) -> String {
        self.pick("Estimate of P", "Ước lượng xác suất")
    }
    /// Who meets, exceeds or misses a target in chart 7's key: the plan,
    /// or the projection where the plan is an assumption.
    fn projection_who(&self) -> (&'static str, &'static str) {
        if self.plan_assumed() {
            ("Projection", "Dự báo")
        } else {
            ("Plan", "Kế hoạch")
        }
    }
    pub(crate) fn projection_meets(&self) -> String {
        let (en, vi) = self.projection_who();
        self.pick(format!("{en} meets it"), format!("{vi} đạt"))
    }
    pub(crate) fn projection_exceeds(&self) -> String {
        let (en, vi) = self.projection_who();
        self.pick(format!("{en} exceeds it"), format!("{vi} vượt"))
    }
    pub(crate) fn projection_misses(&self) -> String {
        let (en, vi) = self.projection_who();
        self.pick(format!("{en} misses it"), format!("{vi} chưa đạt"))
    }
    pub(crate) fn curve_label(&self, c: usize) -> String {
        self.pick(
            format!(
                "P as the centre of {} moves",
                self.component_short(c).to_lowercase()
            ),
            format!(
                "Xác suất khi giá trị trung tâm của {} thay đổi",
                self.component_short(c).to_lowercase()
            ),
        )
    }
    pub(crate) fn planned_at(&self, c: usize, g: f64) -> String {
        self.pick(
            format!(
                "{} for {}: {}%",
                if self.sector_targets() {
                    "Target"
                } else if self.plan_assumed() {
                    "Assumed"
                } else {
                    "Plan"
                },
                self.component_short(c).to_lowercase(),
                self.text_num(g, 2)
            ),
            if self.plan_assumed() && !self.sector_targets() {
                // "Dịch vụ theo giả định", not "Giả định dịch vụ" (assume
                // services).
                format!(
                    "{} theo giả định: {}%",
                    self.component_short(c),
                    self.text_num(g, 2)
                )
            } else {
                format!(
                    "{} {}: {}%",
                    if self.sector_targets() {
                        "Chỉ tiêu"
                    } else {
                        "Kế hoạch"
                    },
                    self.lang.in_sentence(&self.component_short(c)),
                    self.text_num(g, 2)
                )
            },
        )
    }

    /// Title, subtitle and paragraph of chart 1.
    pub fn contributions(&self) -> (String, String, String) {
        let y = self.input.projection.years.first();
        let (g, biggest) = y.map_or((f64::NAN, (0, f64::NAN)), |y| {
            let b = y
                .components
                .iter()
                .enumerate()
                .map(|(i, c)| (i, c.contribution_pp))
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .unwrap_or((0, f64::NAN));
            (y.growth_pct, b)
        });
        let year = y.map_or(0, |y| y.year);
        let target = self
            .input
            .loaded
            .scenario
            .targets()
            .find(year, Indicator::GrowthPct, None)
            .and_then(|t| t.bound.min);
        let published = self.input.published_contributions.as_ref().map(|(y, _)| *y);
        let note_en = published.map_or(String::new(), |p| format!(" The pale bar marked * is {p}, as published: the last year with every sector's contribution."));
        let note_vi = published.map_or(String::new(), |p| format!(" Cột nhạt đánh dấu * là năm {p} theo số công bố: năm gần nhất có đủ đóng góp của từng khu vực."));
        let tgt_en = target.map_or(String::new(), |t| {
            format!(
                ", against a target of {}% (orange-red)",
                self.text_num(t, 2)
            )
        });
        let tgt_vi = target.map_or(String::new(), |t| {
            format!(", so với chỉ tiêu {}% (vạch đỏ cam)", self.text_num(t, 2))
        });
        (
            match target {
                Some(t) if g < t - 0.005 => {
                    let adds = self.plan_adds_up_to();
                    let mut first = adds.chars();
                    let adds = first.next().map_or(String::new(), |c| c.to_uppercase().chain(first).collect());
                    self.pick(
                        format!("{adds} {} % in {year}, short of {} %", self.text_num(g, 2), self.text_num(t, 2)),
                        format!("{adds} {}% năm {year}, chưa đạt {}%", self.text_num(g, 2), self.text_num(t, 2)),
                    )
                }
                _ => self.pick(
                    format!("{} adds the most to growth in {year}: {} percentage points", self.component(biggest.0), self.text_num(biggest.1, 2)),
                    format!("{} đóng góp nhiều nhất vào tăng trưởng năm {year}: {} điểm phần trăm", self.component(biggest.0), self.text_num(biggest.1, 2)),
                ),
            },
            {
                // The asterisk is explained only where a bar carries one.
                let (star_en, star_vi) = if published.is_some() {
                    (" *: as published.", " *: số công bố.")
                } else {
                    ("", "")
                };
                self.pick(
                    format!("Percentage points each sector adds to real growth; the parts add up to GRDP growth (written above).{star_en}"),
                    format!("Số điểm phần trăm mỗi khu vực đóng góp vào tăng trưởng theo giá so sánh; tổng các phần bằng tăng trưởng GRDP (ghi trên cột).{star_vi}"),
                )
            },
            self.pick(
                format!(
                    "Each bar splits GRDP growth at constant 2010 prices into the percentage points each sector contributes (weight in last year's GRDP times its growth). In {year} {} {}%{tgt_en}; {} contributes most, {} points.{note_en}",
                    self.plan_adds_up_to(),
                    self.text_num(g, 2),
                    self.component(biggest.0),
                    self.text_num(biggest.1, 2)
                ),
                format!(
                    "Mỗi cột chia tăng trưởng GRDP theo giá so sánh 2010 thành số điểm phần trăm do từng khu vực đóng góp (tỷ trọng năm trước nhân với tốc độ tăng). Năm {year}, {} {}%{tgt_vi}; {} đóng góp nhiều nhất, {} điểm phần trăm.{note_vi}",
                    self.plan_adds_up_to(),
                    self.text_num(g, 2),
                    self.lang.in_sentence(&self.component(biggest.0)),
                    self.text_num(biggest.1, 2)
                ),
            ),
        )
    }

    /// Title, subtitle and paragraph of chart 2.
    pub fn structure(&self) -> (String, String, String) {
        let sums = self
            .input
            .audit
            .checks
            .iter()
            .filter_map(|c| match &c.figures {
                grdp_core::audit::Figures::StructureSum(f) => {
                    Some((c.year, f.sum_min_pct, f.sum_max_pct))
                }
                _ => None,
            })
            .collect::<Vec<_>>();
        // Years whose lower bounds sum above 100, and years whose upper
        // bounds sum below it: either way the ranges cannot all hold.
        let too_high: Vec<String> = sums
            .iter()
            .filter(|s| s.1 > 100.0)
            .map(|s| format!("{} ({}%)", s.0, self.text_num(s.1, 3)))
            .collect();
        let too_low: Vec<String> = sums
            .iter()
            .filter(|s| s.1 <= 100.0 && s.2 < 100.0)
            .map(|s| format!("{} ({}%)", s.0, self.text_num(s.2, 3)))
            .collect();
        let impossible: Vec<String> = sums
            .iter()
            .filter(|s| s.1 > 100.0 || s.2 < 100.0)
            .map(|s| s.0.to_string())
            .collect();
        let mut verdict_en = Vec::new();
        let mut verdict_vi = Vec::new();
        if !too_high.is_empty() {
            verdict_en.push(format!(
                "The ranges cannot all hold in {}: the lower bounds alone sum to more than 100%.",
                too_high.join(", ")
            ));
            verdict_vi.push(format!(
                "Các khoảng không thể cùng đạt trong năm {}: riêng tổng cận dưới đã vượt 100%.",
                too_high.join(", ")
            ));
        }
        if !too_low.is_empty() {
            verdict_en.push(format!(
                "The ranges cannot all hold in {}: even the upper bounds sum to less than 100%.",
                too_low.join(", ")
            ));
            verdict_vi.push(format!("Các khoảng không thể cùng đạt trong năm {}: ngay cả tổng cận trên cũng chưa tới 100%.", too_low.join(", ")));
        }
        let verdict_en = if impossible.is_empty() {
            "The ranges can sum to 100%.".to_string()
        } else {
            verdict_en.join(" ")
        };
        let verdict_vi = if impossible.is_empty() {
            "Tổng các khoảng có thể bằng 100%.".to_string()
        } else {
            verdict_vi.join(" ")
        };
        // The ranges' sentences only where there are ranges.
        let (ranges_en, ranges_vi) = if sums.is_empty() {
            (String::new(), String::new())
        } else {
            (
                format!(
                    " {verdict_en} The second panel gives how far each projection lies outside its range, in percentage points, on a scale of its own. Where the range sits away from its bar, meeting it needs that sector's prices to move against the others (the audit's check of the structure and the plan's prices gives how much)."
                ),
                format!(
                    " {} Phần biểu đồ thứ hai cho biết mỗi dự báo nằm ngoài khoảng chỉ tiêu bao nhiêu điểm phần trăm, trên thang riêng. Khi khoảng đỏ cam nằm xa cột, muốn đạt phải có giá của khu vực đó thay đổi so với các khu vực khác (kiểm tra cơ cấu kinh tế và giá theo kế hoạch cho biết mức cần thiết).",
                    verdict_vi
                ),
            )
        };
        (
            if sums.is_empty() {
                // No share targets: the title says where the largest share goes.
                let last = self.input.projection.years.last();
                let top = last.and_then(|y| {
                    y.components
                        .iter()
                        .enumerate()
                        .filter_map(|(i, c)| c.share_current_pct.map(|s| (i, s)))
                        .max_by(|a, b| a.1.total_cmp(&b.1))
                        .map(|(i, s)| (i, s, y.year))
                });
                match top {
                    Some((i, share, year)) => self.pick(
                        format!("{} stays the largest share of GRDP: {} % in {year} at current prices", self.component(i), self.text_num(share, 1)),
                        format!("{} vẫn chiếm tỷ trọng lớn nhất trong GRDP: {}% năm {year} theo giá hiện hành", self.component(i), self.text_num(share, 1)),
                    ),
                    None => self.pick("Economic structure at current prices", "Cơ cấu kinh tế theo giá hiện hành"),
                }
            } else if impossible.is_empty() {
                self.pick("Economic structure at current prices: the ranges can sum to 100 %", "Cơ cấu kinh tế theo giá hiện hành: các khoảng có thể cộng lại bằng 100%")
            } else {
                self.pick(
                    format!("The structure ranges cannot all hold in {}: they do not sum to 100 %", impossible.iter().map(|x| x.split(' ').next().unwrap_or("")).collect::<Vec<_>>().join(", ")),
                    format!("Các khoảng cơ cấu năm {} không thể cùng đạt: tổng không bằng 100%", impossible.iter().map(|x| x.split(' ').next().unwrap_or("")).collect::<Vec<_>>().join(", ")),
                )
            },
            if sums.is_empty() {
                self.pick(
                    "Each sector's share of GRDP: the base year and the projection.",
                    "Tỷ trọng từng khu vực trong GRDP: năm xuất phát và dự báo.",
                )
            } else {
                self.pick(
                    "Each sector's share of GRDP: the base year, the projection, and the targets (orange-red).",
                    "Tỷ trọng từng khu vực trong GRDP: năm xuất phát, dự báo và chỉ tiêu (màu đỏ cam).",
                )
            },
            self.pick(
                format!(
                    "Shares at current prices move with volumes and with relative prices; the projection assumes every sector's prices grow alike, so shares move with growth alone.{ranges_en}"
                ),
                format!(
                    "Tỷ trọng theo giá hiện hành thay đổi theo khối lượng và theo giá tương đối; dự báo giả định giá các khu vực tăng như nhau, nên tỷ trọng chỉ đổi theo tăng trưởng.{ranges_vi}"
                ),
            ),
        )
    }

    /// Title, subtitle and paragraph of chart 3.
    pub fn distribution(&self) -> (String, String, String) {
        let m = self.main();
        // "0.102 in “2025's pace: …”": the figure first, since a view's
        // name often has a colon of its own.
        let by_view = |word: &str| -> String {
            self.input
                .views
                .iter()
                .map(|v| {
                    format!(
                        "{} {word} “{}”",
                        self.lang.probability(v.result.probability),
                        v.name
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        let opt = self.input.views[0].with_optimism.map(|o| o.probability);
        let opt_en = opt.map_or(String::new(), |p| format!(" Adding the city's record of past shortfalls to every draw lowers the first to {}.", self.text_num(p, 2)));
        let opt_vi = opt.map_or(String::new(), |p| format!(" Khi cộng thêm các mức hụt chỉ tiêu trong quá khứ của thành phố vào mỗi lần mô phỏng, xác suất thứ nhất giảm còn {}.", self.text_num(p, 2)));
        (
            {
                let (_, pv) = self.preferred_view();
                let chance = self.lang.chance(pv.result.probability);
                let past = matches!(
                    self.input.briefing.preferred.as_ref().map(|p| &p.centre),
                    Some(grdp_core::uncertainty::Centre::PlanMinus { .. })
                );
                let (why_en, why_vi) = if past {
                    (
                        " once past shortfalls are allowed for".to_string(),
                        " khi tính cả mức hụt trước đây".to_string(),
                    )
                } else {
                    // A view's name is often "Short name: what it does";
                    // the title takes the short name only.
                    let short = super::short_view_name(&pv.name);
                    (
                        format!(" in the scenario “{short}”"),
                        format!(" theo kịch bản “{}”", crate::Lang::lower_initial(short)),
                    )
                };
                self.pick(
                    format!(
                        "Growth of at least {} % in {}: {chance}{why_en}",
                        self.lang.given_num(m.target_pct),
                        m.target_year
                    ),
                    format!(
                        "Tăng trưởng từ {}% trở lên năm {}: {chance}{why_vi}",
                        self.lang.given_num(m.target_pct),
                        m.target_year
                    ),
                )
            },
            {
                // A target that is not a floor: the chart is of at least its
                // minimum, so the subtitle gives P of the target as set.
                let (set_en, set_vi) = self
                    .input
                    .briefing
                    .preferred
                    .as_ref()
                    .and_then(|p| p.as_set)
                    .map_or((String::new(), String::new()), |a| {
                        let (en, vi) = self.as_set_growth(&a);
                        let p = a.probability.map_or_else(|| "–".to_string(), |v| self.lang.probability(v));
                        (
                            format!(" The target as set asks {en}: P = {p} in the scenario chosen as the answer."),
                            format!(" Chỉ tiêu như đã đặt là {vi}: xác suất {p} theo kịch bản được chọn."),
                        )
                    });
                self.pick(
                    format!("Each curve: the probability that GRDP growth reaches at least the value below it, by scenario; the dots are where it crosses the target ({} draws a scenario).{set_en}", self.text_num(m.scenarios as f64, 0)),
                    format!("Mỗi đường: xác suất tăng trưởng GRDP đạt từ mức ghi ở trục ngang trở lên, theo kịch bản; chấm tròn là giao điểm với đường chỉ tiêu ({} lần mô phỏng mỗi kịch bản).{set_vi}", self.text_num(m.scenarios as f64, 0)),
                )
            },
            {
                let planned = self.text_num(
                    self.input
                        .projection
                        .years
                        .first()
                        .map_or(f64::NAN, |y| y.growth_pct),
                    2,
                );
                // The coin-toss sentence is about sector targets; a plan that
                // is an assumption only gets its sum.
                let (closing_en, closing_vi) = if self.sector_targets() {
                    (
                        format!(
                            " Even if every sector hits its target on average, the target is close to a coin toss, because the sector targets add up to {planned}%."
                        ),
                        format!(
                            " Ngay cả khi mọi khu vực đạt chỉ tiêu ở mức trung bình, khả năng đạt chỉ tiêu chung chỉ khoảng một nửa, vì các chỉ tiêu khu vực cộng lại chỉ được {planned}%."
                        ),
                    )
                } else {
                    let adds = self.plan_adds_up_to();
                    let mut first = adds.chars();
                    let adds: String = first
                        .next()
                        .map_or(String::new(), |c| c.to_uppercase().chain(first).collect());
                    (
                        format!(" {adds} {planned}%."),
                        format!(" {adds} {planned}%."),
                    )
                };
                self.pick(
                format!(
                    "Read a curve at any growth rate to get the chance of at least that much in {}, under one scenario of where sector growth is centred; the target counts as met when growth equals it. The chance of at least {} %: {}.{opt_en}{closing_en}",
                    m.target_year,
                    self.lang.given_num(m.target_pct),
                    by_view("in the scenario"),
                ),
                format!(
                    "Đọc một đường tại một mức tăng trưởng để biết xác suất đạt từ mức đó trở lên năm {}, theo một kịch bản về giá trị trung tâm của tăng trưởng các khu vực; chỉ tiêu được coi là đạt khi tăng trưởng bằng đúng chỉ tiêu. Xác suất đạt từ {}% trở lên: {}.{opt_vi}{closing_vi}",
                    m.target_year,
                    self.lang.given_num(m.target_pct),
                    by_view("theo kịch bản"),
                ),
            )
            },
        )
    }

    /// Title, subtitle and paragraph of chart 4.
    pub fn tornado(&self) -> (String, String, String) {
        let m = self.main();
        let econ = self.input.loaded.scenario.economy();
        let top = m
            .sensitivity
            .iter()
            .max_by(|a, b| a.variance_share.total_cmp(&b.variance_share));
        let (name, share, lo, hi) =
            top.map_or((String::new(), f64::NAN, f64::NAN, f64::NAN), |s| {
                (
                    econ.index_of(&s.id)
                        .map(|i| self.component(i))
                        .unwrap_or_default(),
                    s.variance_share,
                    s.tornado_low_pct,
                    s.tornado_high_pct,
                )
            });
        (
            self.pick(
                format!("{name} carries {} % of the variance of GRDP growth", self.text_num(100.0 * share, 0)),
                format!("{name} là nguồn biến động lớn nhất: {}% phương sai của tăng trưởng GRDP", self.text_num(100.0 * share, 0)),
            ),
            self.pick(
                format!("GRDP growth {} with one sector at its 10th or 90th percentile, the others at their medians.{}", m.target_year, self.main_scenario_note()),
                format!("Tăng trưởng GRDP {} khi một thành phần ở phân vị thứ 10 hoặc thứ 90, các thành phần khác ở trung vị.{}", m.target_year, self.main_scenario_note()),
            ),
            self.pick(
                format!(
                    "The longer the bar, the more that sector's uncertainty moves the aggregate. {name} carries {}% of the variance of GRDP growth: between its 10th and 90th percentiles, GRDP growth runs from {}% to {}%. The target depends above all on it.",
                    self.text_num(100.0 * share, 0),
                    self.text_num(lo, 2),
                    self.text_num(hi, 2)
                ),
                format!(
                    "Thanh càng dài, mức độ không chắc chắn của khu vực đó càng ảnh hưởng nhiều đến tăng trưởng chung. {name} chiếm {}% phương sai của tăng trưởng GRDP: giữa phân vị thứ 10 và thứ 90 của khu vực này, tăng trưởng GRDP đi từ {}% đến {}%. Chỉ tiêu phụ thuộc trước hết vào khu vực này.",
                    self.text_num(100.0 * share, 0),
                    self.text_num(lo, 2),
                    self.text_num(hi, 2)
                ),
            ),
        )
    }

    /// Title, subtitle and paragraph of chart 5.
    pub fn fan(&self) -> (String, String, String) {
        let m = self.main();
        let last = m.years.last();
        let period = self
            .input
            .audit
            .checks
            .iter()
            .filter_map(|c| match &c.figures {
                grdp_core::audit::Figures::PeriodAverage(f) => Some((c.year, f)),
                _ => None,
            });
        let (p_en, p_vi): (Vec<String>, Vec<String>) = period
            .map(|(b, f)| {
                let a = f.first_year;
                // A floor (or a range) by its minimum; a ceiling by its maximum.
                let ceiling = f.direction == grdp_core::Direction::AtMost;
                let bound = if ceiling {
                    f.target_max_pct
                } else {
                    f.target_min_pct.or(f.target_max_pct)
                };
                let want = bound.map_or("–".into(), |w| self.lang.given_num(w));
                let want = match (ceiling, self.vi()) {
                    (true, true) => format!("không quá {want}"),
                    (true, false) => format!("at most {want}"),
                    (false, _) => want,
                };
                let after = if ceiling {
                    f.required_after_plan_for_max_pct
                } else {
                    f.required_after_plan_for_min_pct
                        .or(f.required_after_plan_for_max_pct)
                };
                let plan_end = f.planned.iter().map(|p| p.year).max();
                match (f.achieved_average_pct, plan_end, after) {
                    (Some(got), _, _) => (
                        format!(
                            "{a}–{b}: {}% a year against a target of {want}%",
                            self.text_num(got, 2)
                        ),
                        format!(
                            "{a}–{b}: {}%/năm so với chỉ tiêu {want}%",
                            self.text_num(got, 2)
                        ),
                    ),
                    // A plan shorter than the period: what the years after it need.
                    (None, Some(end), Some(need)) => {
                        let need = self.text_num(need, 2);
                        if ceiling {
                            (
                                format!("{a}–{b}: the plan ends in {end}; for {want}% the years after it could grow at most {need}% a year"),
                                format!("{a}–{b}: kế hoạch chỉ đến năm {end}; để bình quân {want}%, các năm sau chỉ được tăng tối đa {need}%/năm"),
                            )
                        } else {
                            (
                                format!("{a}–{b}: the plan ends in {end}; for {want}% the years after it would need {need}% a year"),
                                format!("{a}–{b}: kế hoạch chỉ đến năm {end}; để đạt {want}%, các năm sau cần tăng {need}%/năm"),
                            )
                        }
                    }
                    _ => (
                        format!("{a}–{b}: not covered by the plan (target {want}%)"),
                        format!("{a}–{b}: kế hoạch chưa phủ hết giai đoạn (chỉ tiêu {want}%)"),
                    ),
                }
            })
            .unzip();
        let band = last.map_or(String::new(), |y| {
            format!(
                "{}–{}",
                self.text_num(y.quantiles_pct.p5, 1),
                self.text_num(y.quantiles_pct.p95, 1)
            )
        });
        let year = last.map_or(0, |y| y.year);
        // A fan widens only over more than one projected year.
        let (widens_en, widens_vi) = if m.years.len() > 1 {
            (
                format!(
                    "The fan widens with the horizon: by {year}, 90% of draws lie within {band}%."
                ),
                format!(
                    "Hình quạt mở rộng theo thời gian: đến năm {year}, 90% số lần mô phỏng nằm trong khoảng {band}%."
                ),
            )
        } else {
            (
                format!("In {year}, 90% of draws lie within {band}%."),
                format!("Năm {year}, 90% số lần mô phỏng nằm trong khoảng {band}%."),
            )
        };
        (
            self.pick(
                format!("GRDP growth: by {year}, 9 draws in 10 lie within {band} %"),
                format!("Tăng trưởng GRDP: đến năm {year}, 9 trên 10 lần mô phỏng nằm trong khoảng {band}%"),
            ),
            self.pick(
                format!("Published growth to the base year, then the projection's median and the bands holding 50, 80 and 90% of draws.{}", self.main_scenario_note()),
                format!("Số liệu đã công bố đến năm xuất phát, sau đó là trung vị dự báo và các dải chứa 50, 80 và 90% số lần mô phỏng.{}", self.main_scenario_note()),
            ),
            // The period sentence only where a plan period has a target.
            if p_en.is_empty() {
                self.pick(
                    format!("{widens_en} Orange-red dashes are annual targets."),
                    format!("{widens_vi} Vạch đỏ cam là chỉ tiêu từng năm."),
                )
            } else {
                self.pick(
                    format!(
                        "{widens_en} Averages over the plans' periods (known years, then the plan): {}. The shaded orange-red band is a plan's average target; orange-red dashes are annual targets.",
                        p_en.join("; ")
                    ),
                    format!(
                        "{widens_vi} Bình quân theo giai đoạn kế hoạch (các năm đã có số liệu, sau đó là kế hoạch): {}. Dải đỏ cam nhạt là chỉ tiêu bình quân của kế hoạch; vạch đỏ cam là chỉ tiêu từng năm.",
                        p_vi.join("; ")
                    ),
                )
            },
        )
    }

    /// Title, subtitle and caption of chart 11: the area beside its
    /// neighbours.
    pub fn neighbours(&self, n: &grdp_study::neighbours::Neighbours) -> (String, String, String) {
        let year = n.year;
        let period = n.period.as_ref().map(|p| p.replace('-', "–"));
        let own = n.rows.iter().find(|r| r.own);
        let name = own.map_or(String::new(), |r| self.lang.region_name(&r.region));
        let aim = own.and_then(|r| {
            let a = self.lang.given_num(r.aim_min_pct?);
            Some(match r.aim_max_pct {
                Some(b) => format!("{a}–{}", self.lang.given_num(b)),
                None => a,
            })
        });
        let growth = own
            .and_then(|r| r.growth_pct)
            .map(|g| self.lang.given_num(g));
        let title = match (growth, aim, &period) {
            (Some(g), Some(a), Some(p)) => self.pick(
                format!("{name}: from {g} % in {year} to an aim of {a} % a year for {p}"),
                format!("{name}: từ {g}% năm {year} đến mục tiêu {a}%/năm giai đoạn {p}"),
            ),
            _ => self.pick(
                format!("GRDP growth in {year}: {name} beside its neighbours"),
                format!("Tăng trưởng GRDP năm {year}: {name} so với các địa phương khác"),
            ),
        };
        let subtitle = match &period {
            Some(p) => self.pick(
                format!("Growth in {year} (dot) and the average growth aimed at for {p} (orange-red); the grey line is the step between, in percentage points."),
                format!("Tăng trưởng năm {year} (chấm) và mục tiêu tăng trưởng bình quân giai đoạn {p} (đỏ cam); đường xám là chênh lệch cần nâng, tính bằng điểm phần trăm."),
            ),
            None => self.pick(
                format!("GRDP growth in {year}, each region as the provincial table gives it."),
                format!("Tăng trưởng GRDP năm {year} của từng địa phương theo bảng số liệu các tỉnh."),
            ),
        };
        // The hollow dots, said: whose figures are of another kind. One
        // kind in a sentence of its own; several in one list.
        let groups = n.growth_of_other_status();
        let names_of = |rows: &[&grdp_study::neighbours::NeighbourRow]| {
            let names: Vec<String> = rows
                .iter()
                .map(|r| self.lang.region_name(&r.region))
                .collect();
            self.lang.and_list(&names)
        };
        let kind = |status: &str| match status {
            s if crate::is_peoples_committee(s) => self.pick(
                "the People's Committee's estimate, not the statistics office's".to_string(),
                "ước tính của UBND tỉnh, không phải của cơ quan thống kê".to_string(),
            ),
            "" => self.pick(
                "no status in the table".to_string(),
                "không ghi trạng thái trong bảng".to_string(),
            ),
            other => self.pick(
                format!("status “{other}”"),
                format!("trạng thái “{}”", self.lang.table_status(other)),
            ),
        };
        let hollow: String = match groups.as_slice() {
            [] => String::new(),
            [(status, rows)] => {
                let names = names_of(rows);
                match *status {
                    s if crate::is_peoples_committee(s) => self.pick(
                        format!(" Hollow dots: {names}, whose figure is the People's Committee's estimate, not the statistics office's."),
                        format!(" Chấm rỗng: {names}, số liệu là ước tính của UBND tỉnh, không phải của cơ quan thống kê."),
                    ),
                    "" => self.pick(
                        format!(" Hollow dots: {names}, whose figure has no status in the table, unlike most of the others."),
                        format!(" Chấm rỗng: {names}, số liệu không ghi trạng thái trong bảng, khác với phần lớn các địa phương còn lại."),
                    ),
                    other => self.pick(
                        format!(" Hollow dots: {names}, whose figure has the status “{other}”, unlike most of the others."),
                        format!(" Chấm rỗng: {names}, số liệu có trạng thái “{}”, khác với phần lớn các địa phương còn lại.", self.lang.table_status(other)),
                    ),
                }
            }
            several => {
                let parts: Vec<String> = several
                    .iter()
                    .map(|(status, rows)| format!("{}: {}", names_of(rows), kind(status)))
                    .collect();
                self.pick(
                    format!(
                        " Hollow dots, figures unlike most of the others: {}.",
                        parts.join("; ")
                    ),
                    format!(
                        " Chấm rỗng, số liệu khác loại với phần lớn các địa phương còn lại: {}.",
                        parts.join("; ")
                    ),
                )
            }
        };
        // A region's other figures of the year, said with their kind.
        let also: String = n
            .rows
            .iter()
            .flat_map(|r| r.growth_other.iter().map(move |o| (r, o)))
            .map(|(r, o)| {
                let name = self.lang.region_name(&r.region);
                let v = self.lang.given_num(o.growth_pct);
                let given = r.growth_pct.map(|g| self.lang.given_num(g));
                if crate::is_peoples_committee(&o.status) {
                    match given {
                        Some(g) => self.pick(
                            format!(" {name}'s People's Committee gave {v} % (the small hollow dot on its row), the statistics office {g} %."),
                            format!(" UBND của {name} công bố {v}% (chấm rỗng nhỏ trên dòng này), cơ quan thống kê công bố {g}%."),
                        ),
                        None => self.pick(
                            format!(" {name}'s People's Committee gave {v} % (the small hollow dot on its row)."),
                            format!(" UBND của {name} công bố {v}% (chấm rỗng nhỏ trên dòng này)."),
                        ),
                    }
                } else {
                    self.pick(
                        format!(" {name} also has {v} % in the table, status “{}” (the small hollow dot on its row).", o.status),
                        format!(" {name} còn có số {v}% trong bảng, trạng thái “{}” (chấm rỗng nhỏ trên dòng này).", self.lang.table_status(&o.status)),
                    )
                }
            })
            .collect();
        let caption = self.pick(
            format!("Figures as the provincial table gives them ({}; each with its source and status in summary.json); a region without a figure shows only what it has. A step is what a region must add to its growth to reach its aim's lower bound.{hollow}{also}", n.table),
            format!("Số liệu theo bảng số liệu các tỉnh ({}; nguồn và trạng thái từng số trong summary.json); địa phương thiếu số liệu chỉ hiện phần đã có. Chênh lệch cần nâng là số điểm phần trăm một địa phương cần cộng vào tốc độ tăng để đạt cận dưới của mục tiêu.{hollow}{also}", self.lang.table_origin(&n.table)),
        );
        (title, subtitle, caption)
    }
    pub(crate) fn axis_neighbours_growth(&self) -> String {
        self.pick(
            "GRDP growth, constant 2010 prices (%)",
            "Tăng trưởng GRDP, giá so sánh 2010 (%)",
        )
    }
    pub(crate) fn neighbours_step_key(&self) -> String {
        self.pick(
            "Step (percentage points)",
            "Chênh lệch cần nâng (điểm phần trăm)",
        )
    }
    pub(crate) fn neighbours_aim_key(&self, period: &str) -> String {
        let p = period.replace('-', "–");
        self.pick(
            format!("Aim for {p}, % a year (as drafted)"),
            format!("Mục tiêu bình quân {p}, %/năm (dự kiến)"),
        )
    }
    pub(crate) fn neighbours_growth_key(&self, year: i32) -> String {
        self.pick(
            format!("Growth in {year}"),
            format!("Tăng trưởng năm {year}"),
        )
    }

    /// Chart 11's key for a year's growth of another status than the
    /// region's own (a hollow dot): a People's Committee's estimate in
    /// words, any other status as the table gives it.
    pub(crate) fn neighbours_other_growth_key(&self, year: i32, status: &str) -> String {
        match status {
            s if crate::is_peoples_committee(s) => self.pick(
                format!("Growth in {year}, the People's Committee's estimate (not the statistics office's)"),
                format!("Tăng trưởng năm {year}, ước tính của UBND tỉnh, thành phố (không phải của cơ quan thống kê)"),
            ),
            "" => self.pick(
                format!("Growth in {year}, no status given"),
                format!("Tăng trưởng năm {year}, không ghi trạng thái"),
            ),
            other => self.pick(
                format!("Growth in {year}, status “{other}”"),
                format!("Tăng trưởng năm {year}, trạng thái “{}”", self.lang.table_status(other)),
            ),
        }
    }

    /// Title, subtitle and paragraph of chart 6.
    pub fn convergence(&self) -> (String, String, String) {
        let m = self.main();
        let half = 0.5 * (m.probability_ci95[1] - m.probability_ci95[0]);
        (
            self.pick(
                format!("The simulation's own error is ± {}: too small to change the answer", self.text_num(half, 4)),
                format!("Sai số mô phỏng là ± {}: quá nhỏ để làm thay đổi kết luận", self.text_num(half, 4)),
            ),
            self.pick(
                format!("The estimate of P and its 95% interval as draws accumulate.{}", self.main_scenario_note()),
                format!("Ước lượng xác suất và khoảng tin cậy 95% khi số lần mô phỏng tăng dần.{}", self.main_scenario_note()),
            ),
            self.pick(
                format!(
                    "After {} draws the probability is {} ± {} (95%, Wilson): the Monte Carlo error is far smaller than the differences between views, so it does not change the conclusions; the assumptions do (the centre, the spread), as the views show. The same seed gives the same answer to the last digit on any number of cores.",
                    self.text_num(m.scenarios as f64, 0),
                    self.text_num(m.probability, 3),
                    self.text_num(half, 4)
                ),
                format!(
                    "Sau {} lần mô phỏng, xác suất là {} ± {} (95%, Wilson): sai số mô phỏng nhỏ hơn nhiều so với chênh lệch giữa các kịch bản, nên không làm thay đổi kết luận; các giả định (giá trị trung tâm, độ phân tán) mới làm thay đổi, như các kịch bản cho thấy. Cùng số khởi tạo ngẫu nhiên (seed) cho cùng kết quả đến chữ số cuối trên mọi số lõi.",
                    self.text_num(m.scenarios as f64, 0),
                    self.text_num(m.probability, 3),
                    self.text_num(half, 4)
                ),
            ),
        )
    }

    /// Title, subtitle and paragraph of chart 7.
    pub fn dashboard(&self) -> (String, String, String) {
        let total = self.input.target_outcomes.len();
        let count = |s: TargetStatus| {
            self.input
                .target_outcomes
                .iter()
                .filter(|o| o.status == s)
                .count()
        };
        let (met, exceeded, missed) = (
            count(TargetStatus::Met),
            count(TargetStatus::Exceeded),
            count(TargetStatus::Missed),
        );
        // Sector growth targets the plan meets because it is made of them:
        // counted apart, not as successes.
        let given = self
            .input
            .target_outcomes
            .iter()
            .filter(|o| self.met_by_construction(o))
            .count();
        let (met, total) = (met - given, total - given);
        let (_, view) = self.preferred_view();
        let all = view.result.all_targets_probability;
        let by_construction = self.plan_centred() && self.sector_targets();
        let at_target_en = if self.sector_targets() {
            "at its target".to_string()
        } else {
            self.at_planned_growth().to_string()
        };
        let at_target_vi = if self.sector_targets() {
            "Với mọi khu vực đạt chỉ tiêu".to_string()
        } else {
            format!("Với mọi khu vực {}", self.at_planned_growth())
        };
        // The sentence on structure and productivity targets only where
        // there are some.
        let narrow = self.input.target_outcomes.iter().any(|o| {
            matches!(
                o.target.indicator,
                grdp_core::Indicator::ShareCurrentPct
                    | grdp_core::Indicator::LabourProductivityGrowthPct
            )
        });
        let (narrow_en, narrow_vi) = if narrow {
            (
                " The structure and productivity-growth targets are far less likely, because their ranges are narrow or sit where growth and prices do not lead.",
                " Các chỉ tiêu cơ cấu và tăng năng suất có khả năng thấp hơn nhiều, vì khoảng chỉ tiêu hẹp hoặc nằm ngoài hướng mà tăng trưởng và giá dẫn tới.",
            )
        } else {
            ("", "")
        };
        let construction_en = if by_construction {
            " Sector growth targets sit near one half by construction: the plan is their centre."
        } else {
            ""
        };
        let construction_vi = if by_construction {
            " Các chỉ tiêu tăng trưởng khu vực có xác suất khoảng một nửa do cách xây dựng: kế hoạch là giá trị trung tâm."
        } else {
            ""
        };
        // "meets 1, exceeds 2 and misses 11", leaving out what is none.
        let tally = |words: [&str; 3], and: &str| {
            let parts: Vec<String> = [met, exceeded, missed]
                .iter()
                .zip(words)
                .filter(|(n, _)| **n > 0)
                .map(|(n, w)| format!("{w} {n}"))
                .collect();
            match parts.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!("{} {and} {last}", rest.join(", "))
                }
                Some((last, _)) => last.clone(),
                None => String::new(),
            }
        };
        // The verb for a single target.
        let only = if missed > 0 {
            ("misses", "chưa đạt")
        } else if exceeded > 0 {
            ("exceeds", "vượt")
        } else {
            ("meets", "đạt")
        };
        let tally_en = tally(["meets", "exceeds", "misses"], "and");
        let tally_vi = tally(["đạt", "vượt", "chưa đạt"], "và");
        let (plan_en, plan_vi) = if self.plan_assumed() {
            ("the projection", "kịch bản")
        } else {
            ("the plan", "kế hoạch")
        };
        // "is below 0.001", not "is < 0.001"; with one target the
        // chance that all hold is its own, already given.
        let (all_en, all_vi) = match all {
            Some(_) if total <= 1 => (String::new(), String::new()),
            None => (String::new(), String::new()),
            Some(a) => {
                let (en, vi) = if a < 0.0005 {
                    (
                        format!("is below {}", self.text_num(0.001, 3)),
                        format!("dưới {}", self.text_num(0.001, 3)),
                    )
                } else {
                    (
                        format!("is {}", self.text_num(a, 3)),
                        format!("là {}", self.text_num(a, 3)),
                    )
                };
                (
                    format!(" The probability that every target holds in the same draw {en}."),
                    format!(" Xác suất mọi chỉ tiêu cùng đạt trong một lần mô phỏng {vi}."),
                )
            }
        };
        (
            {
                let shares = self
                    .input
                    .target_outcomes
                    .iter()
                    .filter(|o| {
                        o.status == TargetStatus::Missed
                            && o.target.indicator == grdp_core::Indicator::ShareCurrentPct
                    })
                    .count();
                let mostly_shares = 2 * shares > missed;
                let (others_en, others_vi) = if given > 0 {
                    (" beyond its sector targets", " còn lại")
                } else {
                    ("", "")
                };
                let (lead_en, lead_vi) = if self.sector_targets() {
                    ("Even with every sector on target, the plan", "Dù mọi khu vực đạt chỉ tiêu, kế hoạch vẫn")
                } else {
                    if self.plan_assumed() {
                        ("With every sector at its assumed growth, the projection", "Với mọi khu vực tăng theo giả định, kịch bản")
                    } else {
                        ("With every sector at its planned growth, the plan", "Với mọi khu vực tăng như kế hoạch, kế hoạch")
                    }
                };
                let plural = if total == 1 { "" } else { "s" };
                let (only_en, only_vi) = only;
                if total == 1 {
                    self.pick(format!("{lead_en} {only_en} its only target"), format!("{lead_vi} {only_vi} chỉ tiêu duy nhất"))
                } else if total == 0 {
                    self.pick(
                        "The plan meets its sector growth targets by construction: it is made of them",
                        "Kế hoạch mặc nhiên đạt các chỉ tiêu tăng trưởng khu vực, vì được xây dựng từ chính các chỉ tiêu đó",
                    )
                } else {
                    self.pick(
                        format!(
                            "{lead_en} misses {missed} of its {total} target{plural}{others_en}{}",
                            if mostly_shares { ": the structure targets above all" } else { "" }
                        ),
                        format!(
                            "{lead_vi} chưa đạt {missed}/{total} chỉ tiêu{others_vi}{}",
                            if mostly_shares { ", chủ yếu là chỉ tiêu cơ cấu" } else { "" }
                        ),
                    )
                }
            },
            if self.plan_assumed() {
                self.pick(
                    "Bars: probability of meeting each target in the preferred scenario; colour: the projection at the assumed growth meets, exceeds or misses it.".to_string(),
                    "Thanh: xác suất đạt từng chỉ tiêu theo kịch bản được chọn; màu: dự báo theo tốc độ tăng giả định đạt, vượt hay chưa đạt.".to_string(),
                )
            } else {
                self.pick(
                    "Bars: probability of meeting each target in the preferred scenario; colour: the plan carried forward meets, exceeds or misses it.".to_string(),
                    "Thanh: xác suất đạt từng chỉ tiêu theo kịch bản được chọn; màu: kịch bản kế hoạch đạt, vượt hay chưa đạt.".to_string(),
                )
            },
            self.pick(
                format!(
                    "Probabilities are those of the scenario “{}”. Carried forward with every sector {at_target_en}, {plan_en} {}.{construction_en}{narrow_en}{all_en}",
                    view.name,
                    match (given, total) {
                        (0, 1) => format!("{} its only target", only.0),
                        (0, _) => format!("{tally_en} of {total} targets"),
                        (g, 0) => format!("meets its {g} sector growth target{} by construction", if g == 1 { "" } else { "s" }),
                        (g, t) => format!("meets its {g} sector growth target{} by construction; of the other {t} it {tally_en}", if g == 1 { "" } else { "s" }),
                    }
                ),
                format!(
                    "Xác suất theo kịch bản “{}”. {at_target_vi}, {plan_vi} {}.{construction_vi}{narrow_vi}{all_vi}",
                    view.name,
                    match (given, total) {
                        (0, 1) => format!("{} chỉ tiêu duy nhất", only.1),
                        (0, _) => format!("{tally_vi}/{total} chỉ tiêu"),
                        (g, 0) => format!("mặc nhiên đạt {g} chỉ tiêu tăng trưởng khu vực"),
                        (g, t) => format!("mặc nhiên đạt {g} chỉ tiêu tăng trưởng khu vực; trong {t} chỉ tiêu còn lại, kế hoạch {tally_vi}"),
                    }
                ),
            ),
        )
    }

    /// Title, subtitle and paragraph of chart 8.
    pub fn feasibility(&self, c: usize, half: Option<f64>) -> (String, String, String) {
        let m = self.main();
        let name = self.component(c);
        // Without a crossing, the curve is above one half throughout or
        // below it throughout.
        let above = half.is_none()
            && m.feasibility.as_ref().is_some_and(|f| {
                !f.points.is_empty() && f.points.iter().all(|p| p.probability >= 0.5)
            });
        let half_en = half.map_or(
            if above {
                "stays above one half throughout this range".to_string()
            } else {
                "does not reach one half in this range".to_string()
            },
            |h| {
                format!(
                    "reaches one half when {} grows {}% on average",
                    name.to_lowercase(),
                    self.text_num(h, 2)
                )
            },
        );
        let name_vi = self.lang.in_sentence(&name);
        let half_vi = half.map_or(
            if above {
                "Trong khoảng này, xác suất luôn trên 0,5.".to_string()
            } else {
                "Trong khoảng này, xác suất luôn dưới 0,5.".to_string()
            },
            |h| {
                format!(
                    "Xác suất đạt 0,5 khi {name_vi} tăng khoảng {}% (giá trị trung tâm của các lần mô phỏng).",
                    self.text_num(h, 2)
                )
            },
        );
        let req = m.required_growth.as_ref().map(|r| r.quantiles_pct.p50);
        // The same requirement with every input at its centre, as the
        // proposal table gives it, so the reader sees why the figures
        // differ in the second decimal.
        let id = self
            .input
            .loaded
            .scenario
            .economy()
            .components()
            .get(c)
            .map(|x| x.id.clone());
        let at_centre = self.input.briefing.proposal.iter().find_map(|l| match l {
            grdp_study::ProposalLine::SectorForTarget {
                component,
                consistent_pct,
                year,
                ..
            } if Some(component) == id.as_ref() && *year == m.target_year => {
                Some(self.text_num(*consistent_pct, 2))
            }
            _ => None,
        });
        (
            match half {
                Some(h) => self.pick(
                    format!("{name} would have to average {} % for an even chance of at least {} %", self.text_num(h, 2), self.lang.given_num(m.target_pct)),
                    format!("{name} phải tăng khoảng {}% (giá trị trung tâm) thì xác suất GRDP tăng từ {}% trở lên mới đạt 0,5", self.text_num(h, 2), self.lang.given_num(m.target_pct)),
                ),
                None if above => {
                    // The curve's lowest point: even there the target is
                    // more likely than not.
                    let low = self.main().feasibility.as_ref().and_then(|f| {
                        f.points.iter().min_by(|a, b| a.centre_pct.total_cmp(&b.centre_pct))
                    });
                    let (x, p) = low.map_or((f64::NAN, f64::NAN), |l| (l.centre_pct, l.probability));
                    self.pick(
                        format!(
                            "Even with {} centred at {} %, {} % stays more likely than not: P = {}",
                            name.to_lowercase(),
                            self.text_num(x, 1),
                            self.lang.given_num(m.target_pct),
                            self.lang.probability(p)
                        ),
                        format!(
                            "Ngay cả khi {} chỉ tăng khoảng {}% (giá trị trung tâm), xác suất đạt {}% vẫn là {}",
                            name_vi,
                            self.text_num(x, 1),
                            self.lang.given_num(m.target_pct),
                            self.lang.probability(p)
                        ),
                    )
                }
                None => {
                    // The curve's highest point: how far the shown range goes.
                    let top = self.main().feasibility.as_ref().and_then(|f| {
                        f.points.iter().max_by(|a, b| a.centre_pct.total_cmp(&b.centre_pct))
                    });
                    match top {
                        Some(t) => self.pick(
                            format!(
                                "Even with {} centred at {} %, {} % has a chance of {}",
                                name.to_lowercase(),
                                self.text_num(t.centre_pct, 1),
                                self.lang.given_num(m.target_pct),
                                self.lang.probability(t.probability).replace("< ", "below ")
                            ),
                            format!(
                                "Ngay cả khi {} tăng khoảng {}% (giá trị trung tâm), xác suất đạt {}% chỉ là {}",
                                name_vi,
                                self.text_num(t.centre_pct, 1),
                                self.lang.given_num(m.target_pct),
                                self.lang.probability(t.probability).replace("< ", "dưới ")
                            ),
                        ),
                        None => self.pick(
                            format!("{name} alone does not give {} % an even chance", self.lang.given_num(m.target_pct)),
                            format!("Riêng {name_vi} không đủ để xác suất đạt {}% lên 50%", self.lang.given_num(m.target_pct)),
                        ),
                    }
                }
            },
            self.pick(
                format!("Probability of GRDP growth of at least {}% as the centre of {} growth moves, the others unchanged.{}", self.lang.given_num(m.target_pct), name.to_lowercase(), self.main_scenario_note()),
                format!("Xác suất GRDP tăng từ {}% trở lên khi giá trị trung tâm tăng trưởng của {name_vi} thay đổi, các khu vực khác giữ nguyên.{}", self.lang.given_num(m.target_pct), self.main_scenario_note()),
            ),
            self.pick(
                format!(
                    "The same random draws are used at every point, so the curve is smooth. The probability {half_en}. Draw by draw, meeting the target would have taken {} growth of {}% (median) with the other sectors as drawn.{}",
                    name.to_lowercase(),
                    req.map_or("–".into(), |r| self.text_num(r, 2)),
                    at_centre.as_ref().map_or(String::new(), |x| format!(" With every input at its central value it takes {x} % (the proposal table's figure): three ways of counting one requirement, which agree to within what the weights are known to.")),
                ),
                format!(
                    "Mọi điểm dùng cùng một bộ số ngẫu nhiên nên đường cong trơn. {half_vi} Xét từng lần mô phỏng, để đạt chỉ tiêu thì {name_vi} cần tăng {}% (trung vị), các khu vực khác giữ nguyên như trong từng lần mô phỏng.{}",
                    req.map_or("–".into(), |r| self.text_num(r, 2)),
                    at_centre.map_or(String::new(), |x| format!(" Khi mọi đầu vào ở giá trị trung tâm, mức cần đạt là {x}% (số trong bảng mức cần đạt): ba cách tính của cùng một yêu cầu, khớp nhau trong phạm vi sai số của tỷ trọng.")),
                ),
            ),
        )
    }
}
