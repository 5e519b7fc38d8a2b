"""Rebuilds provinces.csv (grdp's history format) from the project's shared
table of provincial statistics, keeping only what `grdp batch` reads.

    python3 data/provinces/from_shared.py ../shared/data/provinces.csv \
        ../shared/data/cantho_annual.csv > data/provinces/provinces.csv

Kept, renamed to the history file's indicator names (units in the name):
  grdp_growth_target_NQ25  -> growth_target_min_pct  (Resolution 25/NQ-CP, 2025)
  grdp_growth              -> growth_pct
  grdp_share_current_price -> share_current_pct
  contribution_pp          -> contribution_pp
  gdp_growth (Việt Nam, total only) -> growth_pct, for comparison
  grdp_growth_GSO          -> growth_pct: the statistics office's figure
                              is the latest; a grdp_growth row for the same
                              region, year and component (a provincial
                              estimate, often the same value) is kept with
                              the vintage `provincial_estimate`
  grdp_growth_UBND*         -> growth_pct, where the statistics office
                              gave no figure for the region and year (a
                              People's Committee's estimate, its status
                              saying so); left out where it did
  grdp_growth_target_avg_draft (a period such as 2026-2030, "10.0-10.5")
                           -> average_growth_target_min_pct and
                              average_growth_target_max_pct (one row for a
                              single figure's minimum), status "target
                              (draft, dự kiến)"
and the component `agri_forestry_fishery` -> `agriculture` (the name the
rest of grdp uses). Values, statuses and source addresses are copied as
they are; every row keeps the vintage `latest` (the table holds one value
per figure). The provincial table has no 2024 growth for Cần Thơ; the
city's own table (`cantho_annual.csv`) gives it (7.12 %, the statistics
office's estimate), and that one row is added from there. Region names keep the table's basis notes, e.g. `An Giang
(merged)` for the province as merged on 1 July 2025.
"""

import csv
import sys

INDICATORS = {
    "grdp_growth_target_NQ25": "growth_target_min_pct",
    "grdp_growth": "growth_pct",
    "grdp_share_current_price": "share_current_pct",
    "contribution_pp": "contribution_pp",
}
COMPONENTS = {"agri_forestry_fishery": "agriculture"}


def main(path, cantho_path):
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["region", "period", "component", "indicator", "value", "unit", "status", "vintage", "source"])
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    # Figures the statistics office published itself supersede the others.
    by_office = {(r["province"], r["year"], r["component"]) for r in rows if r["indicator"] == "grdp_growth_GSO"}
    for r in rows:
        if r["indicator"] == "grdp_growth_GSO":
            out.writerow([r["province"], r["year"], COMPONENTS.get(r["component"], r["component"]),
                          "growth_pct", r["value"], r["unit"], r["status"], "latest", r["source_url"]])
            continue
        if r["indicator"] == "grdp_growth_target_avg_draft":
            low, _, high = r["value"].partition("-")
            bounds = [("average_growth_target_min_pct", low)]
            if high:
                bounds.append(("average_growth_target_max_pct", high))
            for indicator, value in bounds:
                out.writerow([r["province"], r["year"], r["component"], indicator, value, "%",
                              "target (draft, dự kiến)", "latest", r["source_url"]])
            continue
        if (r["province"], r["indicator"], r["component"]) == ("Việt Nam", "gdp_growth", "total"):
            out.writerow([r["province"], r["year"], "total", "growth_pct", r["value"], r["unit"],
                          r["status"], "latest", r["source_url"]])
            continue
        if r["indicator"].startswith("grdp_growth_UBND"):
            # A People's Committee's estimate, where the statistics office
            # published none for the region and year (Đồng Tháp's and Cà
            # Mau's 2025): kept, its status saying whose it is; where the
            # office did (Cần Thơ's 8.3 % against 7.23 %), left out
            # (its sectors too: they belong with its own total).
            if (r["province"], r["year"], "total") in by_office:
                continue
            out.writerow([r["province"], r["year"], COMPONENTS.get(r["component"], r["component"]),
                          "growth_pct", r["value"], r["unit"],
                          "estimate (the province's People's Committee; not in the statistics office's table)",
                          "latest", r["source_url"]])
            continue
        indicator = INDICATORS.get(r["indicator"])
        if indicator is None:
            continue
        status = r["status"]
        if r["indicator"] == "grdp_growth_target_NQ25":
            status = "target (Resolution 25/NQ-CP, 5 Feb 2025, appendix)"
        superseded = (r["indicator"] == "grdp_growth"
                      and (r["province"], r["year"], r["component"]) in by_office)
        out.writerow([
            r["province"],
            r["year"],
            COMPONENTS.get(r["component"], r["component"]),
            indicator,
            r["value"],
            r["unit"],
            status,
            "provincial_estimate" if superseded else "latest",
            r["source_url"],
        ])

    with open(cantho_path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if (r["year"], r["indicator"], r["component"]) == ("2024", "grdp_growth", "total"):
                out.writerow(["Cần Thơ", "2024", "total", "growth_pct", r["value"], r["unit"],
                              r["status"], "latest", r["source_url"]])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
