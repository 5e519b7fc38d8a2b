//! The page's words: its title, the verdict, the proposal, the tables.

use grdp_core::{Indicator, TargetOutcome};

use super::Words;

impl Words<'_> {
    /// The page's title.
    pub fn page_title(&self) -> String {
        let name = self.lang.scenario_name(self.input.loaded);
        if self.input.target_outcomes.len() == 1 {
            self.pick(
                format!("{name}: can the target be met?"),
                format!("{name}: chỉ tiêu có đạt được không?"),
            )
        } else {
            self.pick(
                format!("{name}: can the targets be met?"),
                format!("{name}: các chỉ tiêu có đạt được không?"),
            )
        }
    }

    /// Section and table words of the page.
    pub fn page(&self) -> PageWords {
        PageWords {
            summary: self.pick("In short", "Tóm tắt"),
            charts: self.pick("Charts", "Biểu đồ"),
            audit: self.pick("Do the targets hang together?", "Các chỉ tiêu có nhất quán không?"),
            tables: self.pick("Tables", "Bảng số liệu"),
            views: self.pick("Probability of the growth target, by view", "Xác suất đạt chỉ tiêu tăng trưởng, theo kịch bản"),
            view: self.pick("Scenario", "Kịch bản"),
            probability: self.pick("P", "Xác suất"),
            interval: self.pick("95% interval (simulation error)", "Khoảng tin cậy 95% (sai số mô phỏng)"),
            with_optimism: self.pick("P with the record of past shortfalls", "Xác suất khi tính các mức hụt trong quá khứ"),
            targets: self.pick("Targets", "Chỉ tiêu"),
            target: self.pick("Target", "Chỉ tiêu"),
            bound: self.pick("Bound", "Mức chỉ tiêu"),
            projected: self.pick("Projected", "Dự báo"),
            p_met: self.pick("P(met)", "Xác suất đạt"),
            files: self.pick("Files", "Tệp"),
            files_note: self.pick(
                "grdp-report.xlsx holds the tables for Excel, one sheet each; summary.json holds every number; the CSV files hold the tables. Everything here reproduces with the same random seed.",
                "grdp-report.xlsx chứa các bảng cho Excel, mỗi bảng một trang tính; summary.json chứa mọi con số; các tệp CSV chứa các bảng. Mọi kết quả tái lập được với cùng số khởi tạo ngẫu nhiên (seed).",
            ),
            status_pass: self.pick("pass", "đạt"),
            status_warn: self.pick("warning", "cảnh báo"),
            status_fail: self.pick("fail", "không đạt"),
            status_understated: self.pick("understated", "đặt thấp"),
        }
    }
}

/// Fixed words of the page.
#[allow(missing_docs)]
pub struct PageWords {
    pub summary: String,
    pub charts: String,
    pub audit: String,
    pub tables: String,
    pub views: String,
    pub view: String,
    pub probability: String,
    pub interval: String,
    pub with_optimism: String,
    pub targets: String,
    pub target: String,
    pub bound: String,
    pub projected: String,
    pub p_met: String,
    pub files: String,
    pub files_note: String,
    pub status_pass: String,
    pub status_warn: String,
    pub status_fail: String,
    pub status_understated: String,
}

/// What a target means as a column of the main-targets table.
pub struct TargetRow {
    /// The indicator, with its component.
    pub indicator: String,
    /// The target's year.
    pub year: i32,
    /// Its unit.
    pub unit: String,
    /// The base year's value, where known.
    pub base: String,
    /// The target's bound.
    pub target: String,
    /// The projection.
    pub projected: String,
    /// P(met) in the preferred view.
    pub probability: String,
    /// Met, exceeded or missed, by the target's direction.
    pub verdict: String,
    /// A CSS class for the verdict.
    pub class: &'static str,
}

impl Words<'_> {
    /// "Chance that GRDP grows at least 9.5 % in 2025: about 3 in 10"; for a
    /// year already past when the briefing is issued, in the past tense and
    /// as it stood before any figure of that year ("would grow"): the
    /// scenario's data are the base year's estimates.
    pub fn verdict_heading(&self, p: &grdp_study::Preferred) -> String {
        let m = self.main();
        let target = self.lang.given_num(m.target_pct);
        let year = m.target_year;
        // The condition goes with the chance, so the heading cannot be
        // quoted without it: "about 1 in 10 in the scenario “2025's pace”".
        let (when_en, when_vi) = self.heading_condition(p);
        let chance = self.lang.chance(p.probability);
        let chance = self.pick(format!("{chance}{when_en}"), format!("{chance}{when_vi}"));
        if year < self.input.issued_year {
            return self.pick(
                format!("Chance, before any {year} figure, that GRDP would grow by at least {target} % in {year}: {chance}"),
                format!("Khả năng GRDP năm {year} tăng từ {target}% trở lên, xét khi chưa có số liệu nào của năm {year}: {chance}"),
            );
        }
        // A year under way with part of it released: the answer as it
        // stands now leads.
        if let Some((g, v)) = self.given_now(p) {
            let part = self.lang.known_part(g.known);
            let known = self.lang.given_num(g.known_growth_pct);
            let chance = self.lang.chance(v.probability);
            return self.pick(
                format!("Chance that GRDP grows by at least {target} % in {year}, given {part} ({known} %): {chance}{when_en}"),
                format!("Khả năng GRDP năm {year} tăng từ {target}% trở lên, khi đã có số liệu {part} ({known}%): {chance}{when_vi}"),
            );
        }
        // The year under way and nothing of it in the scenario: the answer
        // is the one before any release, and says so (a reader in November
        // would otherwise take it for the answer as the year stands).
        if year == self.input.issued_year {
            return self.pick(
                format!("Chance, before any {year} figure, that GRDP grows by at least {target} % in {year}: {chance}"),
                format!("Khả năng GRDP năm {year} tăng từ {target}% trở lên, xét khi chưa có số liệu nào của năm {year}: {chance}"),
            );
        }
        self.pick(
            format!("Chance that GRDP grows by at least {target} % in {year}: {chance}"),
            format!("Khả năng GRDP năm {year} tăng từ {target}% trở lên: {chance}"),
        )
    }

    /// The growth target's gap in value added, for the first plan year:
    /// GRDP of the base year at current prices times the points between
    /// the target and what the plan gives, that is the real increment
    /// valued at the base year's prices (billion VND, two significant
    /// figures).
    /// `None` where the plan meets the target, the year is not the first
    /// plan year, or the base year's GRDP is not given.
    pub fn value_added_gap(&self) -> Option<String> {
        let base = &self.input.projection.base;
        let gdp = base.grdp_current_bn_vnd?;
        let (year, draft, given) = self.input.briefing.proposal.iter().find_map(|l| match l {
            grdp_study::ProposalLine::GrowthFromSectors {
                year,
                draft,
                consistent_pct,
            } => Some((*year, *draft, *consistent_pct)),
            _ => None,
        })?;
        let lo = draft.min?;
        if year != base.year + 1 || lo <= given {
            return None;
        }
        // A floor only: a ceiling or a band met at the plan's growth asks
        // nothing more.
        let floor = self
            .input
            .loaded
            .scenario
            .targets()
            .find(year, grdp_core::Indicator::GrowthPct, None)
            .is_some_and(|t| t.direction == grdp_core::Direction::AtLeast);
        if !floor {
            return None;
        }
        // Two significant figures: 8,200 and 27, not 8,218.4 or 0.
        let bn = |pct: f64| self.lang.two_significant(gdp * (pct - given) / 100.0);
        let gap = match draft.max.filter(|hi| *hi > lo) {
            Some(hi) => format!("{}–{}", bn(lo), bn(hi)),
            None => bn(lo),
        };
        let target = self.bound_plain(&draft).replace("≥ ", "");
        // A gap of a few hundredths of a point is computed from the
        // unrounded growth, so the sentence shows it to three decimals:
        // 133,065 × (9.5 − 9.476) % = 32, where 9.48 would give 27.
        let decimals = if lo - given < 0.1 { 3 } else { 2 };
        let (gdp_t, given_t, by) = (
            self.lang.text_num(gdp, 0),
            self.lang.text_num(given, decimals),
            base.year,
        );
        Some(self.pick(
            format!("In value added: {target} % in {year} takes about {gap} billion VND more GRDP than {given_t} % gives, at {by} prices ({by}'s GRDP of {gdp_t} billion VND times the points between them)."),
            format!("Tính theo giá trị tăng thêm: đạt {target}% năm {year} cần thêm khoảng {gap} tỷ đồng GRDP so với mức tăng {given_t}%, theo giá năm {by} (GRDP năm {by} là {gdp_t} tỷ đồng nhân với số điểm phần trăm chênh lệch)."),
        ))
    }

    /// The scenario the heading's chance holds in, in a few words: " once
    /// past shortfalls are allowed for", or " in the scenario “2025's
    /// pace”" (a view's name up to its colon), in English and Vietnamese.
    fn heading_condition(&self, p: &grdp_study::Preferred) -> (String, String) {
        if matches!(p.centre, grdp_core::uncertainty::Centre::PlanMinus { .. }) {
            return (
                " once past shortfalls are allowed for".into(),
                " khi tính cả mức hụt trước đây".into(),
            );
        }
        let Some(v) = self.input.views.get(p.index) else {
            return (String::new(), String::new());
        };
        let short = super::short_view_name(&v.name);
        (
            format!(" in the scenario “{short}”"),
            format!(" theo kịch bản “{}”", crate::Lang::lower_initial(short)),
        )
    }

    /// What a release gives of the target year, for the preferred view,
    /// where the year is not past when the briefing is issued: then the
    /// chance given it is the answer, and the one before it the context.
    fn given_now(
        &self,
        p: &grdp_study::Preferred,
    ) -> Option<(
        &grdp_study::partly_known::PartlyKnown,
        &grdp_study::partly_known::ViewGivenKnown,
    )> {
        if self.main().target_year < self.input.issued_year {
            return None;
        }
        self.input
            .given_known
            .and_then(|g| g.view(&p.view).map(|v| (g, v)))
    }

    /// The probability in figures, the scenario it comes from and why.
    pub fn verdict_detail(&self, p: &grdp_study::Preferred) -> String {
        let name = self
            .input
            .views
            .get(p.index)
            .map_or(p.view.clone(), |v| v.name.clone());
        let now = self.given_now(p).map(|(g, v)| {
            let part = self.lang.known_part(g.known);
            let year = self.main().target_year;
            let known = self.lang.given_num(g.known_growth_pct);
            self.pick(
                format!(
                    "{} given {part} {year} ({known} %) (see the year so far, below). Before that release: ",
                    self.p_equals(v.probability)
                ),
                format!(
                    "Xác suất {} khi đã có số liệu {part} năm {year} ({known}%) (xem mục Số liệu đã công bố năm {year}, bên dưới). Trước khi có số liệu đó, ",
                    self.lang.probability(v.probability)
                ),
            )
        });
        // A target range: the chance of its upper end too.
        let upper = p.upper_end.map_or(String::new(), |u| {
            self.pick(
                format!(
                    " For the target's upper end, at least {} %: {}.",
                    self.lang.given_num(u.target_pct),
                    self.p_equals(u.probability)
                ),
                format!(
                    " Với cận trên của chỉ tiêu, từ {}% trở lên: xác suất {}.",
                    self.lang.given_num(u.target_pct),
                    self.lang.probability(u.probability)
                ),
            )
        });
        // A target to stay within, or a ceiling: P of the target as set,
        // since the chance above is of at least its minimum.
        let as_set = p.as_set.map_or(String::new(), |a| {
            let lo = self.lang.given_num(a.min_pct);
            let p_set = a
                .probability
                .map_or_else(|| "–".to_string(), |v| self.lang.probability(v));
            let (en, vi) = self.as_set_growth(&a);
            self.pick(
                format!(
                    " The target as set asks {en}: {} (the main targets table). The chance above and the charts are of at least {lo} %.",
                    a.probability.map_or_else(|| "P = –".to_string(), |v| self.p_equals(v))
                ),
                format!(
                    " Chỉ tiêu như đã đặt yêu cầu {vi}: xác suất {p_set} (bảng các chỉ tiêu chủ yếu). Khả năng nêu trên và các biểu đồ là của mức tăng từ {lo}% trở lên."
                ),
            )
        });
        let figures = self.pick(
            format!(
                "P = {} (simulation error: 95 % interval {}–{}), in the scenario “{name}”.{upper}{as_set}",
                self.num(p.probability, 3),
                self.num(p.probability_ci95[0], 3),
                self.num(p.probability_ci95[1], 3)
            ),
            format!(
                "Xác suất {} (sai số mô phỏng: khoảng tin cậy 95% {}–{}), theo kịch bản “{name}”.{upper}{as_set}",
                self.num(p.probability, 3),
                self.num(p.probability_ci95[0], 3),
                self.num(p.probability_ci95[1], 3),
            ),
        );
        let centre = match &p.centre {
            // Without the area's record in the report, the shortfall is the
            // scenario's own allowance: no track record to point to.
            grdp_core::uncertainty::Centre::PlanMinus { shortfall_pp }
                if self.input.records.is_none() =>
            {
                self.pick(
                    format!(
                        "It takes {} percentage points off every sector's target: the scenario's allowance for growth falling short of plans.",
                        self.lang.text_num(*shortfall_pp, 2)
                    ),
                    format!(
                        "Kịch bản này trừ {} điểm phần trăm khỏi chỉ tiêu của mỗi khu vực: mức dự phòng của kịch bản cho khả năng tăng trưởng thấp hơn kế hoạch.",
                        self.lang.text_num(*shortfall_pp, 2)
                    ),
                )
            }
            grdp_core::uncertainty::Centre::PlanMinus { shortfall_pp } => self.pick(
                format!(
                    "It takes {} percentage points off every sector's target: the median by which past growth fell short of its target. Past growth targets here have more often been missed than met (see the track record), so the plan itself is an optimistic centre.",
                    self.lang.text_num(*shortfall_pp, 2)
                ),
                format!(
                    "Kịch bản này trừ {} điểm phần trăm khỏi chỉ tiêu của mỗi khu vực, bằng mức hụt trung vị của tăng trưởng so với chỉ tiêu trong các năm trước. Các năm trước, số năm không đạt chỉ tiêu tăng trưởng nhiều hơn số năm đạt (xem biểu đồ kết quả thực hiện), nên lấy đúng kế hoạch làm giá trị trung tâm là lạc quan.",
                    self.lang.text_num(*shortfall_pp, 2)
                ),
            ),
            grdp_core::uncertainty::Centre::Plan
                if self
                    .input
                    .views
                    .first()
                    .is_some_and(|v| self.sector_targets_in(v.result.target_year)) =>
            {
                self.pick(
                "It centres every sector on its target: the chance if the plan is, on average, right.",
                "Kịch bản này lấy chỉ tiêu của mỗi khu vực làm giá trị trung tâm: khả năng đạt nếu kế hoạch đúng ở mức bình quân.",
                )
            }
            grdp_core::uncertainty::Centre::Plan => self.pick(
                "It centres every sector on the growth the scenario file gives it, which here is an assumption, not a target (the file says which).",
                "Kịch bản này lấy tốc độ tăng nêu trong tệp kịch bản của từng khu vực làm giá trị trung tâm; ở đây đó là giả định, không phải chỉ tiêu (tệp kịch bản ghi rõ).",
            ),
            grdp_core::uncertainty::Centre::Growth { .. }
            | grdp_core::uncertainty::Centre::AsWritten => self.pick(
                "It centres every sector on the growth the scenario states.",
                "Kịch bản này lấy mức tăng trưởng nêu trong kịch bản làm giá trị trung tâm.",
            ),
        };
        let chosen = match p.chosen_by {
            grdp_study::ChosenBy::Options => self.pick(
                "It was chosen for this run.",
                "Kịch bản này được chọn cho lần chạy này.",
            ),
            grdp_study::ChosenBy::Scenario => self.pick(
                "The scenario file names it as the answer.",
                "Tệp đầu vào chọn kịch bản này làm kịch bản chính.",
            ),
            grdp_study::ChosenBy::Rule => self.pick(
                "grdp prefers a scenario that allows for past shortfalls where there is one.",
                "grdp ưu tiên kịch bản có tính đến mức hụt trong quá khứ, nếu có.",
            ),
        };
        // Where a release already gives part of the year, the answer as it
        // stands now, beside the answer before any figure of the year.
        let since = self
            .input
            .given_known
            .and_then(|g| g.view(&p.view).map(|v| (g, v)))
            .map_or(String::new(), |(g, v)| {
                let part = self.lang.known_part(g.known);
                let year = self.main().target_year;
                self.pick(
                    format!(
                        " Given {part} {year} ({} %), released since: {} (see the year so far, below).",
                        self.lang.given_num(g.known_growth_pct),
                        self.lang.probability(v.probability)
                    ),
                    format!(
                        " Khi đã có số liệu {part} năm {year} ({}%): {} (xem mục Số liệu đã công bố năm {year}, bên dưới).",
                        self.lang.given_num(g.known_growth_pct),
                        self.lang.probability(v.probability)
                    ),
                )
            });
        match now {
            // The answer now first, then the one before the release.
            Some(now) => format!("{now}{} {centre} {chosen}", self.lang.in_sentence(&figures)),
            None => format!("{figures}{since} {centre} {chosen}"),
        }
    }

    /// How much the sum of the sector targets rests on the constant-price
    /// weights: its 95 % range under the weights' assumed uncertainty, and
    /// whether that range reaches the target (a sentence, with a leading
    /// space). No probability: beside the headline's, it would read as a
    /// second answer to the same question.
    fn weights_spread(
        &self,
        w: &grdp_study::WeightsSpread,
        implied_pct: f64,
        (min, max): (f64, Option<f64>),
    ) -> String {
        let t = |v: f64| self.lang.text_num(v, 2);
        let [lo, hi] = w.implied_range_95_pct;
        let above = max.is_some_and(|m| implied_pct > m);
        let (close_en, close_vi) = match (above, max) {
            (true, Some(m)) if lo <= m => (
                ", so the weights alone could bring it within the range".to_string(),
                ", nên riêng sai số của quyền số cũng có thể đưa tổng vào trong khoảng chỉ tiêu"
                    .to_string(),
            ),
            (true, _) => (
                ", above the range throughout".to_string(),
                ", vẫn cao hơn khoảng chỉ tiêu".to_string(),
            ),
            (false, _) if hi >= min => (
                format!(
                    ", so the weights alone could close the gap to {} %: value added by sector at constant 2010 prices, if published, would settle it",
                    t(min)
                ),
                format!(
                    ", nên riêng sai số của quyền số cũng có thể bù phần thiếu so với {}%: số liệu giá trị tăng thêm theo giá so sánh 2010 của từng khu vực, nếu được công bố, sẽ cho câu trả lời chắc chắn",
                    t(min)
                ),
            ),
            (false, _) => (
                format!(", short of {} % throughout", t(min)),
                format!(", vẫn thấp hơn {}%", t(min)),
            ),
        };
        let (whose_en, whose_vi) = if w.derived {
            (
                "The constant-price weights behind this are not published figures; the scenario derives them. Within their assumed uncertainty",
                "Quyền số theo giá so sánh 2010 của từng khu vực không phải số liệu công bố mà do kịch bản ước tính. Với mức độ không chắc chắn giả định của quyền số,",
            )
        } else {
            (
                "Within the assumed uncertainty of the constant-price weights",
                "Với mức độ không chắc chắn giả định của quyền số theo giá so sánh 2010,",
            )
        };
        self.pick(
            format!(
                " {whose_en} the sum lies between {} and {} % (a 95 % range){close_en}.",
                t(lo),
                t(hi)
            ),
            format!(
                " {whose_vi} tổng nằm trong khoảng {}–{}% (với xác suất 95%){close_vi}.",
                t(lo),
                t(hi)
            ),
        )
    }

    /// A finding as one sentence.
    pub fn finding(&self, f: &grdp_study::Finding) -> String {
        use grdp_study::Finding as F;
        let t = |v: f64| self.lang.text_num(v, 2);
        match f {
            F::SectorTargetsShort {
                year,
                target_pct,
                target_max_pct,
                partly_plan,
                implied_pct,
                implied_current_shares_pct,
                weights,
            } => {
                let (who_en, who_vi) = if *partly_plan {
                    (
                        "The sector targets, with the plan's growth for sectors that have none,",
                        "Với chỉ tiêu tăng trưởng của các khu vực (và tốc độ theo kế hoạch cho khu vực không có chỉ tiêu),",
                    )
                } else {
                    (
                        "The sector targets",
                        "Với chỉ tiêu tăng trưởng của từng khu vực,",
                    )
                };
                let last = year - 1;
                let current = implied_current_shares_pct.map_or(String::new(), |c| {
                    self.pick(
                        format!(" Weighted by {last}'s shares at current prices they give {} %: that is growth at {last} prices, not the official measure.", t(c)),
                        format!(" Nếu lấy cơ cấu giá hiện hành năm {last} làm quyền số thì được {}%: đó là tốc độ tăng theo giá năm {last}, không phải cách tính số liệu chính thức.", t(c)),
                    )
                });
                let rests = weights.as_ref().map_or(String::new(), |w| {
                    self.weights_spread(w, *implied_pct, (*target_pct, *target_max_pct))
                });
                let (against_en, against_vi) = match target_max_pct {
                    Some(m) if implied_pct > m => (
                        format!(
                            "above the {}–{} % range",
                            self.lang.given_num(*target_pct),
                            self.lang.given_num(*m)
                        ),
                        format!(
                            "vượt khoảng chỉ tiêu {}–{}%",
                            self.lang.given_num(*target_pct),
                            self.lang.given_num(*m)
                        ),
                    ),
                    _ => (
                        format!("not {} %", self.lang.given_num(*target_pct)),
                        format!("chưa đạt {}%", self.lang.given_num(*target_pct)),
                    ),
                };
                self.pick(
                    format!("{who_en} give GRDP growth of {} % in {year} at constant 2010 prices, the measure of the official figures: {against_en}.{current}{rests}", t(*implied_pct)),
                    format!("{who_vi} GRDP năm {year} tăng {}% theo giá so sánh 2010 (cách tính số liệu chính thức), {against_vi}.{current}{rests}", t(*implied_pct)),
                )
            }
            F::StructureCannotHold {
                year,
                sum_min_pct,
                sum_max_pct,
            } => {
                // Sums of bounds as given, to their last decimal (100.358,
                // as the audit prints it, not 100.36).
                if *sum_min_pct > 100.0 {
                    self.pick(
                        format!("The {year} structure ranges cannot all hold: their lower bounds alone add up to {} % of GRDP.", self.lang.given_num(*sum_min_pct)),
                        format!("Các khoảng cơ cấu kinh tế năm {year} không thể cùng đạt: riêng các cận dưới đã cộng lại bằng {}% GRDP.", self.lang.given_num(*sum_min_pct)),
                    )
                } else {
                    self.pick(
                        format!("The {year} structure ranges cannot all hold: even their upper bounds add up to only {} % of GRDP.", self.lang.given_num(*sum_max_pct)),
                        format!("Các khoảng cơ cấu kinh tế năm {year} không thể cùng đạt: các cận trên cộng lại chỉ bằng {}% GRDP.", self.lang.given_num(*sum_max_pct)),
                    )
                }
            }
            F::PerCapitaUnderstated {
                year,
                target,
                projected_mn_vnd,
            } => {
                let bound = self.bound_plain(target);
                self.pick(
                    format!("GRDP per capita is set low: {} million VND in {year} follows from the growth target and recent prices, above the draft's {bound}.", t(*projected_mn_vnd)),
                    format!("Chỉ tiêu GRDP bình quân đầu người đặt thấp: với tốc độ tăng theo kế hoạch và mức tăng giá như gần đây, GRDP bình quân đầu người năm {year} đạt {} triệu đồng, cao hơn mức {bound} triệu đồng của dự thảo.", t(*projected_mn_vnd)),
                )
            }
        }
    }

    /// A target as the draft gives it, both ends of a range: 10–10.5.
    fn given_range(&self, lo: f64, hi: Option<f64>) -> String {
        match hi {
            Some(hi) => format!("{}–{}", self.lang.given_num(lo), self.lang.given_num(hi)),
            None => self.lang.given_num(lo),
        }
    }

    /// A proposal line as table cells: what, the draft's figure, the
    /// consistent figure, why.
    pub fn proposal_row(&self, line: &grdp_study::ProposalLine) -> [String; 4] {
        use grdp_study::ProposalLine as L;
        let t = |v: f64| self.lang.text_num(v, 2);
        // What a range's two ends need, both to two decimals: 16.60–18.99.
        let range = |lo: f64, hi: Option<f64>| match hi {
            Some(hi) => format!("{}–{}", self.lang.num(lo, 2), self.lang.num(hi, 2)),
            None => t(lo),
        };
        match line {
            L::GrowthFromSectors {
                year,
                draft,
                consistent_pct,
            } => [
                self.pick(
                    format!("GRDP growth {year}, %"),
                    format!("Tốc độ tăng trưởng GRDP năm {year}, %"),
                ),
                self.bound_plain(draft),
                t(*consistent_pct),
                if self.sector_targets() {
                    self.pick(
                        "What the sector targets give, weighted at constant 2010 prices. State this, or raise one sector's target: each row below is one way, on its own.",
                        "Mức tăng tương ứng với chỉ tiêu các khu vực, tính theo giá so sánh 2010. Ghi mức này vào nghị quyết, hoặc nâng chỉ tiêu của một khu vực: mỗi dòng dưới là một phương án riêng.",
                    )
                } else {
                    // The rows below are alternatives, each enough for the
                    // target: not one set to adopt together.
                    if self.plan_assumed() {
                        self.pick(
                            "What the assumed sector growth gives (weighted at constant 2010 prices), beside the target: not a figure to adopt. Each row below is what one way alone would need; for a small component it is arithmetic, not a path.",
                            "Mức tăng tương ứng với tốc độ tăng giả định của các khu vực (tính theo giá so sánh 2010), đặt cạnh chỉ tiêu: không phải con số đề xuất. Mỗi dòng dưới là mức cần đạt nếu chỉ dựa vào một cách; với thành phần có tỷ trọng nhỏ, đó chỉ là phép tính, không phải phương án thực tế.",
                        )
                    } else {
                        self.pick(
                            "What the plan's sector growth gives (weighted at constant 2010 prices), beside the target. Each row below is what one way alone would need; for a small component it is arithmetic, not a path.",
                            "Mức tăng tương ứng với tăng trưởng các khu vực theo kế hoạch (tính theo giá so sánh 2010), đặt cạnh chỉ tiêu. Mỗi dòng dưới là mức cần đạt nếu chỉ dựa vào một cách; với thành phần có tỷ trọng nhỏ, đó chỉ là phép tính, không phải phương án thực tế.",
                        )
                    }
                },
            ],
            L::SectorForTarget {
                year,
                component,
                draft_pct,
                consistent_pct,
                target_pct,
                target_upper_pct,
                consistent_upper_pct,
            } => {
                let target = self.given_range(*target_pct, *target_upper_pct);
                let name = self
                    .lang
                    .component_name_of(self.input.loaded, component)
                    .to_string();
                [
                    self.pick(format!("{name}: growth {year}, %"), format!("{name}: tốc độ tăng {year}, %")),
                    t(*draft_pct),
                    range(*consistent_pct, *consistent_upper_pct),
                    self.pick(
                        if self.sector_targets() {
                            format!("What it needs for {} % with the other sectors at their targets.", target)
                        } else {
                            format!("What it needs for {} % with the other sectors {}.", target, if self.plan_assumed() { "as assumed" } else { "as planned" })
                        },
                        if self.sector_targets() {
                            format!("Tốc độ tăng cần đạt để GRDP tăng {}% khi các khu vực khác đạt chỉ tiêu.", target)
                        } else {
                            format!("Tốc độ tăng cần đạt để GRDP tăng {}% khi các khu vực khác {}.", target, self.at_planned_growth())
                        },
                    ),
                ]
            }
            L::RestForTarget {
                year,
                held,
                held_growth_pct,
                held_weight_pct,
                draft_pct,
                consistent_pct,
                target_pct,
                target_upper_pct,
                consistent_upper_pct,
            } => {
                let loaded = self.input.loaded;
                let name = crate::Lang::lower_initial(self.lang.component_name_of(loaded, held));
                // The others by name: taxes are not a sector, so "every
                // sector but agriculture" would misname them.
                let others: Vec<String> = loaded
                    .scenario
                    .economy()
                    .components()
                    .iter()
                    .filter(|c| c.id != *held)
                    .enumerate()
                    .map(|(i, c)| {
                        let n = self.lang.component_name_of(loaded, &c.id);
                        if i == 0 {
                            n.to_string()
                        } else {
                            crate::Lang::lower_initial(n)
                        }
                    })
                    .collect();
                let others = match others.split_last() {
                    Some((last, [])) => last.clone(),
                    Some((last, rest)) => {
                        format!("{} {} {last}", rest.join(", "), self.pick("and", "và"))
                    }
                    None => String::new(),
                };
                let target = self.given_range(*target_pct, *target_upper_pct);
                let (g, w) = (t(*held_growth_pct), t(*held_weight_pct));
                let combined = t(*draft_pct);
                let (at_en, at_vi, from_en, from_vi) = if self.sector_targets() {
                    (
                        format!("at its target of {g} %"),
                        format!("đạt chỉ tiêu {g}%"),
                        "their targets combined",
                        "tính từ chỉ tiêu khu vực",
                    )
                } else if self.plan_assumed() {
                    (
                        format!("at {g} % as assumed"),
                        format!("tăng {g}% như giả định"),
                        "their assumed growth combined",
                        "tính từ giả định",
                    )
                } else {
                    (
                        format!("at {g} % as planned"),
                        format!("tăng {g}% như kế hoạch"),
                        "their planned growth combined",
                        "tính từ kế hoạch",
                    )
                };
                [
                    self.pick(
                        format!("{others} together: growth {year}, %"),
                        format!("{others} (tính chung): tốc độ tăng {year}, %"),
                    ),
                    t(*draft_pct),
                    range(*consistent_pct, *consistent_upper_pct),
                    self.pick(
                        format!(
                            "What they need together for {target} % with {name} {at_en} (a weight of {w} % at constant 2010 prices); {combined} is {from_en}."
                        ),
                        format!(
                            "Tốc độ tăng chung cần đạt để GRDP tăng {target}%, khi {name} {at_vi} (tỷ trọng theo giá so sánh 2010: {w}%); {combined} là tốc độ tăng chung {from_vi}."
                        ),
                    ),
                ]
            }
            L::UniformForTarget {
                year,
                add_on_pp,
                target_pct,
                target_upper_pct,
                add_on_upper_pp,
            } => [
                self.pick(
                    format!("Every sector's growth {year}"),
                    format!("Tốc độ tăng mọi khu vực năm {year}"),
                ),
                if self.sector_targets() {
                    self.pick("as drafted", "như dự thảo")
                } else if self.plan_assumed() {
                    self.pick("as assumed", "theo giả định")
                } else {
                    self.pick("as planned", "như kế hoạch")
                },
                self.pick(
                    format!(
                        "+{} percentage points each",
                        range(*add_on_pp, *add_on_upper_pp)
                    ),
                    format!(
                        "thêm {} điểm phần trăm mỗi khu vực",
                        range(*add_on_pp, *add_on_upper_pp)
                    ),
                ),
                self.pick(
                    format!(
                        "One add-on to every sector's {} that gives {} %.",
                        if self.sector_targets() {
                            "target"
                        } else if self.plan_assumed() {
                            "assumed growth"
                        } else {
                            "planned growth"
                        },
                        self.given_range(*target_pct, *target_upper_pct)
                    ),
                    format!(
                        "Mức cộng thêm như nhau cho mọi khu vực để GRDP tăng {}%.",
                        self.given_range(*target_pct, *target_upper_pct)
                    ),
                ),
            ],
            L::Share {
                year,
                component,
                draft,
                consistent_pct,
            } => {
                let name = self
                    .lang
                    .component_name_of(self.input.loaded, component)
                    .to_string();
                [
                    self.pick(
                        format!("{name}: share of GRDP {year}, % (current prices)"),
                        format!("{name}: tỷ trọng trong GRDP năm {year}, % (giá hiện hành)"),
                    ),
                    self.bound_plain(draft),
                    t(*consistent_pct),
                    self.pick(
                        "Follows from the plan's growth and prices; the shares sum to 100.",
                        "Theo tăng trưởng và giá của kế hoạch; các tỷ trọng cộng lại bằng 100.",
                    ),
                ]
            }
            L::PerCapita {
                year,
                draft,
                consistent_mn_vnd,
                real_growth_pct,
                deflator_growth_pct,
                population_growth_pct,
            } => {
                let o = |v: Option<f64>| v.map_or("–".to_string(), t);
                [
                    self.pick(
                        format!("GRDP per capita {year}, million VND"),
                        format!("GRDP bình quân đầu người năm {year}, triệu đồng"),
                    ),
                    self.bound_plain(draft),
                    t(*consistent_mn_vnd),
                    self.pick(
                        format!(
                            "Real growth {} %, GRDP deflator up {} %, population up {} %.",
                            t(*real_growth_pct),
                            o(*deflator_growth_pct),
                            o(*population_growth_pct)
                        ),
                        format!(
                            "GRDP tăng {}%, chỉ số giảm phát GRDP tăng {}%, dân số tăng {}%.",
                            t(*real_growth_pct),
                            o(*deflator_growth_pct),
                            o(*population_growth_pct)
                        ),
                    ),
                ]
            }
            L::Productivity {
                year,
                draft,
                consistent_mn_vnd,
            } => [
                self.pick(
                    format!("Labour productivity {year}, million VND per worker"),
                    format!("Năng suất lao động năm {year}, triệu đồng/lao động"),
                ),
                self.bound_plain(draft),
                t(*consistent_mn_vnd),
                self.pick(
                    "GRDP at current prices over the employed, both as the plan projects them.",
                    "GRDP theo giá hiện hành chia cho số lao động có việc làm, theo kế hoạch.",
                ),
            ],
            L::ProductivityGrowth {
                year,
                draft,
                consistent_constant_pct,
                consistent_current_pct,
            } => {
                let current = consistent_current_pct.map_or(String::new(), |c| {
                    self.pick(
                        format!(" If the draft means current prices: {} %.", t(c)),
                        format!(" Nếu dự thảo tính theo giá hiện hành: {}%.", t(c)),
                    )
                });
                [
                    self.pick(
                        format!("Labour productivity growth {year}, %"),
                        format!("Tốc độ tăng năng suất lao động năm {year}, %"),
                    ),
                    self.bound_plain(draft),
                    t(*consistent_constant_pct),
                    self.pick(
                        format!(
                            "At constant 2010 prices: GRDP growth less employment growth.{current}"
                        ),
                        format!(
                            "Theo giá so sánh 2010: tăng trưởng GRDP trừ tăng lao động.{current}"
                        ),
                    ),
                ]
            }
        }
    }

    /// The main-targets table's row for an outcome.
    pub fn target_row(&self, o: &TargetOutcome) -> TargetRow {
        let t = &o.target;
        let d = 2;
        let base = self.input.projection.base.clone();
        let comp = t
            .component
            .as_deref()
            .and_then(|c| self.input.loaded.scenario.economy().index_of(c));
        let base_value = match (t.indicator, comp) {
            (Indicator::ShareCurrentPct, Some(i)) => base
                .share_current_pct
                .as_ref()
                .and_then(|s| s.get(i).copied()),
            (Indicator::GrdpPerCapitaMnVnd, _) => base.grdp_per_capita_mn_vnd,
            (Indicator::LabourProductivityMnVnd, _) => base.labour_productivity_mn_vnd,
            (Indicator::GrdpCurrentBnVnd, _) => base.grdp_current_bn_vnd,
            (Indicator::GrowthPct, None) => self
                .input
                .history_growth
                .iter()
                .find(|(y, _)| *y == base.year)
                .map(|(_, g)| *g),
            _ => None,
        };
        let probability = self
            .input
            .briefing
            .preferred
            .as_ref()
            .and_then(|p| self.input.views.get(p.index))
            .unwrap_or(&self.input.views[0])
            .result
            .targets
            .iter()
            .find(|x| x.id == t.id)
            .and_then(|x| x.probability);
        let class = match o.status {
            grdp_core::TargetStatus::Met => "met",
            grdp_core::TargetStatus::Exceeded => "exceeded",
            grdp_core::TargetStatus::Missed => "missed",
            grdp_core::TargetStatus::Unknown => "unknown",
        };
        let unit = self.lang.indicator_unit(t.indicator).trim().to_string();
        let mut verdict = self.lang.target_status(o.status).to_lowercase();
        // A sector's growth target the plan is made of is met by
        // construction: not a finding.
        if self.met_by_construction(o) {
            verdict = self.pick(
                format!("{verdict} (by construction)"),
                format!("{verdict} (mặc nhiên)"),
            );
        }
        // The draft does not say at which prices its productivity growth
        // is: the verdict says which reading it is, and gives the other.
        if t.indicator == Indicator::LabourProductivityGrowthPct
            && let Some(current) = self.input.briefing.proposal.iter().find_map(|l| match l {
                grdp_study::briefing::ProposalLine::ProductivityGrowth {
                    year,
                    consistent_current_pct: Some(c),
                    ..
                } if *year == t.year => Some(*c),
                _ => None,
            })
        {
            let (other, _) = t.assess(current);
            verdict = self.pick(
                format!(
                    "{verdict} at constant 2010 prices; at current prices ({}): {}",
                    self.num(current, d),
                    self.lang.target_status(other).to_lowercase()
                ),
                format!(
                    "{verdict} theo giá so sánh 2010; theo giá hiện hành ({}): {}",
                    self.num(current, d),
                    self.lang.target_status(other).to_lowercase()
                ),
            );
        }
        TargetRow {
            indicator: self
                .lang
                .target_label(self.input.loaded, t, crate::lang::LabelStyle::Prose),
            year: t.year,
            unit: if unit.is_empty() { "%".into() } else { unit },
            base: base_value.map_or("–".into(), |v| self.num(v, d)),
            target: self.bound_plain(&t.bound),
            // A value that rounds onto its bound gets the decimals that
            // tell them apart (9.4996 beside "missed", not 9.50).
            projected: o
                .value
                .map_or("–".into(), |v| self.lang.num_against(v, &t.bound, d)),
            probability: probability.map_or("–".into(), |p| {
                // A growth range simulated at its lower end (10-10.5 %):
                // the chance of its upper end beside it, from the verdict.
                let upper = self
                    .input
                    .briefing
                    .preferred
                    .as_ref()
                    .and_then(|pr| pr.upper_end)
                    // Only on the target the verdict simulated: a floor at
                    // the simulated threshold with this upper end.
                    .filter(|u| {
                        t.indicator == Indicator::GrowthPct
                            && t.component.is_none()
                            && t.direction == grdp_core::Direction::AtLeast
                            && t.year == self.main().target_year
                            && t.bound.min == Some(self.main().target_pct)
                            && t.bound.max == Some(u.target_pct)
                    });
                match upper {
                    Some(u) => self.pick(
                        format!(
                            "{} (≥ {} %: {})",
                            self.probability(p),
                            self.lang.given_num(u.target_pct),
                            self.probability(u.probability)
                        ),
                        format!(
                            "{} (từ {}% trở lên: {})",
                            self.probability(p),
                            self.lang.given_num(u.target_pct),
                            self.probability(u.probability)
                        ),
                    ),
                    None => self.probability(p),
                }
            }),
            verdict,
            class,
        }
    }

    /// A bound in running text: "≥ 9.5", "113–115".
    pub fn bound_plain(&self, b: &grdp_core::Bound) -> String {
        let t = |v: f64| self.lang.given_num(v);
        match (b.min, b.max) {
            (Some(lo), Some(hi)) if t(lo) == t(hi) => t(lo),
            (Some(lo), Some(hi)) => format!("{}–{}", t(lo), t(hi)),
            (Some(lo), None) => format!("≥ {}", t(lo)),
            (None, Some(hi)) => format!("≤ {}", t(hi)),
            (None, None) => String::new(),
        }
    }

    /// A probability for a table: three decimals, "< 0.001" and "> 0.999"
    /// at the ends.
    pub fn probability(&self, p: f64) -> String {
        self.lang.probability(p)
    }

    /// "P = 0.288", or "P < 0.001" at the ends, where "P = < 0.001" would
    /// read as a slip.
    pub fn p_equals(&self, p: f64) -> String {
        let v = self.probability(p);
        if v.starts_with(['<', '>']) {
            format!("P {v}")
        } else {
            format!("P = {v}")
        }
    }
}
