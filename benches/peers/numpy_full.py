"""The NumPy peer of grdp's full general-path model, one view at a time.

What it models (learnt from the Rust: crates/montecarlo/src/model.rs and
engine/path.rs, crates/core/src/step.rs and targets.rs, and the scenario
loader crates/scenario/src/uncertainty.rs), for every plan year in turn:

- uncertain base weights: each component's constant-2010-price weight plus a
  normal shock (`constant_weight_sd_pp`), clamped at zero and renormalised,
  drawn once per path before the first year;
- sector growth: a Gaussian copula. Latent scores `x = L z` with `L` the
  Cholesky factor of the latent correlation `2 sin(pi rho / 6)` of the rank
  correlation `rho`; persistence makes them AR(1) across years,
  `e_t = phi e_(t-1) + sqrt(1 - phi^2) x_t`; each component's marginal turns
  `e` into growth (percent), centred as the view says (plan, as written,
  plan minus a shortfall, or given growth); growth is floored at -100 %;
- aggregate real growth `G = sum w_i g_i` with last year's constant-price
  weights, which then roll forward, `w_i <- w_i (1 + g_i/100) / sum(...)`;
- current prices: a common GRDP deflator sets one price change `c` for every
  component so that the implicit deflator grows by exactly the plan's, then
  each component's deflator takes its own normal shock
  (`price_growth_sd_pp`); or per-component deflators; current-price levels
  `Y_i <- Y_i (1 + g_i/100)(1 + pi_i)`, nominal growth, structure shares;
- population (growth plus a normal shock, `population_growth_sd_pp`) and
  employment, hence GRDP per capita, labour productivity and its real growth;
- every `[[target]]` in a plan year, met as grdp meets it (inclusive bounds,
  by direction: at least, at most, within), and the main target: aggregate
  growth at or above the earliest aggregate growth minimum.

The random numbers differ from grdp's (NumPy's SFC64 and its ziggurat against
grdp's xoshiro256++ and its own), so the two agree in distribution, not draw
by draw. Normals per path as grdp draws them: k for the weights, then per
year k for growth, k for prices, 1 for population (58 for the built-in).

Left out: marginals other than `normal` and `fixed` (grdp tabulates the
others' quantile functions; the built-in scenario uses normal ones only: the
peer refuses anything else, loudly); the record of past shortfalls
(`--optimism-bias`, off by default in `grdp simulate`); `[known]` (grdp's
`given_known` is worked out after the simulation from its histogram, not
simulated); period targets (grdp's simulation does not test them either);
and the descriptive extras grdp computes besides P (histogram quantiles, the
sensitivity table and tornado, feasibility curve, required growth, achieved
correlation on the first 131,072 paths).

Units, as in grdp: growth, shares and sd_pp are percent (or percentage
points) in the scenario; deflator, population and employment growth are
used as fractions inside the step; levels are billion VND at current
prices; per capita and productivity million VND (billion / thousand).

    python3 benches/peers/numpy_full.py                    # built-in file, plan view, 10^6 paths
    python3 benches/peers/numpy_full.py data/cantho/scenario-2025.toml --view plan -n 1000000 --seed 1

Prints one JSON document: scenarios, probability of the growth target, its
standard error, mean and SD of target-year growth, each plan year's mean and
SD, the probability of every target (a list keyed by id, as
`grdp simulate --format json` gives it), the seconds of the simulation loop
and the throughput.
"""

import argparse
import hashlib
import json
import math
import sys
import time
import tomllib
from pathlib import Path

import numpy as np

DEFAULT_SCENARIO = Path(__file__).resolve().parents[2] / "data/cantho/scenario-2025.toml"

# What grdp refuses: a marginal putting this share of draws at or below -100 %.
MAX_COLLAPSE_PROBABILITY = 1e-4


def num(v):
    """A number, or a sourced table { value = ... } as grdp's files write them."""
    return v["value"] if isinstance(v, dict) else v


def per_component(table, ids, what):
    missing = [i for i in ids if i not in table]
    if missing:
        sys.exit(f"{what}: no value for {', '.join(missing)}")
    return np.array([float(num(table[i])) for i in ids])


def default_direction(indicator, lo, hi):
    """grdp_core::targets::Direction::default_for."""
    if lo is not None and hi is None:
        return "at_least"
    if lo is None and hi is not None:
        return "at_most"
    return "within" if indicator in ("share_current_pct", "deflator_growth_pct") else "at_least"


def normal_cdf(x):
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


class Model:
    """A scenario compiled for one view: the inputs of the vectorised loop."""

    def __init__(self, path, view_id=None):
        raw = Path(path).read_bytes()
        self.sha256 = hashlib.sha256(raw).hexdigest()
        s = tomllib.loads(raw.decode("utf-8"))
        self.name = s["scenario"]["name"]
        ids = [c["id"] for c in s["components"]]
        self.ids, k = ids, len(ids)
        self.k = k
        b = s["base"]

        # Base constant-price weights, fractions summing to 1 (grdp normalises
        # the percent it reads, or divides levels by their total).
        if "constant_weight_pct" in b:
            w = per_component(b["constant_weight_pct"], ids, "base.constant_weight_pct")
        else:
            w = per_component(b["constant_bn_vnd"], ids, "base.constant_bn_vnd")
        self.base_weights = w / w.sum()

        # Base current-price levels, billion VND: given, or total x share / sum of shares.
        if "current_bn_vnd" in b:
            self.base_current = per_component(b["current_bn_vnd"], ids, "base.current_bn_vnd")
        elif "grdp_current_bn_vnd" in b:
            sh = per_component(b["share_current_pct"], ids, "base.share_current_pct")
            self.base_current = float(num(b["grdp_current_bn_vnd"])) * sh / sh.sum()
        else:
            self.base_current = None
        self.base_population = float(num(b["population_thousand"])) if "population_thousand" in b else None
        self.base_employed = float(num(b["employed_thousand"])) if "employed_thousand" in b else None

        plan = s["plan"]
        self.years = [int(p["year"]) for p in plan]
        planned = np.array([per_component(p["growth_pct"], ids, f"plan.{p['year']}.growth_pct") for p in plan])
        # Prices per year: ("common", p) with p a fraction, ("per", vector of
        # fractions), or None (current-price figures unknown from then on).
        self.prices = []
        for p in plan:
            if "deflator_growth_pct" in p:
                self.prices.append(("common", float(num(p["deflator_growth_pct"])) / 100.0))
            elif "price_growth_pct" in p:
                self.prices.append(("per", per_component(p["price_growth_pct"], ids, "plan.price_growth_pct") / 100.0))
            else:
                self.prices.append(None)
        frac = lambda p, key: float(num(p[key])) / 100.0 if key in p else None
        self.population_growth = [frac(p, "population_growth_pct") for p in plan]
        self.employment_growth = [frac(p, "employment_growth_pct") for p in plan]

        u = s.get("uncertainty")
        if u is None:
            sys.exit("the scenario has no [uncertainty] block")
        views = u.get("view") or [{"id": "plan", "centre": "plan"}]
        if view_id is None:
            view = views[0]
        else:
            found = [v for v in views if v["id"] == view_id]
            if not found:
                sys.exit(f"no view `{view_id}`; the scenario has: {', '.join(v['id'] for v in views)}")
            view = found[0]
        self.view = view["id"]

        # Each year's and component's growth as mu + sd * e (percent). A view
        # moves the marginal so that its mean is the view's centre; for a
        # normal the mean is its `mean` (the plan where left out).
        self.mu = np.zeros((len(plan), k))
        self.sd = np.zeros((len(plan), k))
        by_year = u.get("by_year", {})
        for t, year in enumerate(self.years):
            for i, cid in enumerate(ids):
                m = by_year.get(str(year), {}).get(cid) or u["growth"].get(cid) or {"distribution": "fixed"}
                dist = m["distribution"]
                if dist == "normal":
                    written = float(m["mean"]) if "mean" in m else planned[t, i]
                    sd = float(m["sd"])
                elif dist == "fixed":
                    written, sd = planned[t, i], 0.0
                else:
                    sys.exit(f"the peer handles normal and fixed marginals only; {cid} in {year} is {dist}")
                c = view["centre"]
                if c == "plan":
                    centre = planned[t, i]
                elif c == "as_written":
                    centre = written
                elif c == "plan_minus":
                    centre = planned[t, i] - float(num(view["shortfall_pp"]))
                elif c == "growth":
                    centre = float(num(view["growth_pct"][cid]))
                else:
                    sys.exit(f"unknown centre {c}")
                self.mu[t, i] = centre
                self.sd[t, i] = sd
                # grdp refuses a view putting 1 in 10^4 draws at or below -100 %.
                collapse = (1.0 if centre <= -100 else 0.0) if sd == 0 else normal_cdf((-100.0 - centre) / sd)
                if collapse >= MAX_COLLAPSE_PROBABILITY:
                    sys.exit(f"{cid} in {year}: {collapse:.2%} of draws at or below -100 % under view {self.view}")

        rank = u.get("rank_correlation")
        if rank is not None:
            rho = np.array(rank, dtype=float)
            latent = 2.0 * np.sin(np.pi * rho / 6.0)  # Pearson of the Gaussian copula for Spearman rho
            np.fill_diagonal(latent, 1.0)
            self.chol = np.linalg.cholesky(latent)
        else:
            self.chol = None
        self.persistence = float(u.get("persistence", 0.0))

        inputs = u.get("inputs", {})
        # Input spreads are written in percentage points; the step uses fractions.
        def sd_vector(key):
            if key not in inputs:
                return None
            v = per_component(inputs[key], ids, f"uncertainty.inputs.{key}") / 100.0
            return v if (v > 0).any() else None
        self.weight_sd = sd_vector("constant_weight_sd_pp")
        self.price_sd = sd_vector("price_growth_sd_pp")
        p = float(num(inputs["population_growth_sd_pp"])) / 100.0 if "population_growth_sd_pp" in inputs else 0.0
        self.population_sd = p if p > 0 else None

        # Targets in plan years, as grdp compiles them (model.rs compile_targets).
        self.targets = []
        for t in s.get("target", []):
            if int(t["year"]) not in self.years:
                continue
            ind = t["indicator"]
            comp = ids.index(t["component"]) if "component" in t else None
            if comp is None and ind in ("share_current_pct", "contribution_pp"):
                continue
            lo, hi = t.get("min"), t.get("max")
            lo = None if lo is None else float(num(lo))
            hi = None if hi is None else float(num(hi))
            d = t.get("direction") or default_direction(ind, lo, hi)
            met_lo = -math.inf if lo is None or d == "at_most" else lo
            met_hi = math.inf if hi is None or d == "at_least" else hi
            self.targets.append(dict(id=t["id"], year=int(t["year"]), t=self.years.index(int(t["year"])),
                                     indicator=ind, component=comp, direction=d, lo=met_lo, hi=met_hi))
        mains = [(int(t["year"]), float(num(t["min"]))) for t in s.get("target", [])
                 if t["indicator"] == "growth_pct" and "component" not in t and "min" in t]
        if not mains:
            sys.exit("no aggregate growth target with a minimum")
        self.main_year, self.threshold = min(mains, key=lambda m: m[0])
        if self.main_year not in self.years:
            sys.exit(f"the growth target's year {self.main_year} is not a plan year")
        self.main_t = self.years.index(self.main_year)
        self.needs_levels = any(t["indicator"] not in ("growth_pct", "contribution_pp") for t in self.targets)


def simulate(M, n, seed, chunk):
    """Counts over n paths, in chunks of m paths: whole arrays of shape
    (rows, m), one row per component, contiguous over paths, allocated once
    and updated in place (out=, *=) so that the loop makes no temporaries.

    The normals are drawn in grdp's order (per path: k for the weights, then
    per year k for growth, k for prices, 1 for population), a year at a time
    in one call. Fed the same stream (bit generator and seed), this gives the
    same counts, and the same moments to 1e-14, as the plain year-by-year
    loop it replaced (the peer at 70f1935: a Cholesky product, the AR(1) and
    a weight renormalisation each year)."""
    # SFC64: the fastest of NumPy's bit generators, of high statistical
    # quality (NumPy's documentation: "if you ... want lots of speed, this is
    # your choice"). The 58 normals a path are most of the peer's time, and
    # its ziggurat draws one in about 7.3 ns here against PCG64's 8.5-9.5.
    rng = np.random.Generator(np.random.SFC64(seed))
    k, T, nt = M.k, len(M.years), len(M.targets)
    met = np.zeros(nt, dtype=np.int64)
    unknown = np.zeros(nt, dtype=np.int64)
    hits = all_met = collapsed = 0
    # Sums of (G - ref)^p per year, p = 1, 2 (and 3, 4 in the target year),
    # about a reference near the mean (the plan's aggregate), so that the
    # moments do not cancel.
    ref = np.zeros(T)
    w_det = M.base_weights.copy()
    for t in range(T):
        ref[t] = w_det @ M.mu[t]
        w_det = w_det * (1 + M.mu[t] / 100)
        w_det /= w_det.sum()
    moments = np.zeros((T, 4))
    r_ref = 1.0 + ref / 100.0
    # The growth step with its constant matrices folded together. The latent
    # scores are e_0 = L x_0 and e_t = phi e_(t-1) + c L x_t (c = sqrt(1 -
    # phi^2)). L is constant, so e_t = c_t L q_t with q the same AR(1) on
    # the raw normals, kept in place: q_0 = x_0, q_1 = x_1 + (phi / c) q_0,
    # q_t = x_t + phi q_(t-1) after, c_0 = 1, c_t = c. The volume factor
    # 1 + g/100 = (1 + mu/100) + (sd/100) e is then one small product a year,
    # A_t @ [1; q_t] with A_t = [1 + mu/100 | diag(sd/100) c_t L]: the first
    # column meets a row of ones kept above q.
    rho = M.persistence if M.persistence > 0.0 else 0.0   # as grdp: no persistence unless phi > 0
    c = math.sqrt(1.0 - rho * rho)
    L = M.chol if M.chol is not None else np.eye(k)
    A = [np.hstack([1.0 + M.mu[t][:, None] / 100.0, (M.sd[t] / 100.0)[:, None] * L * (1.0 if t == 0 else c)])
         for t in range(T)]
    carry = [0.0] + [rho / c if t == 1 else rho for t in range(1, T)]
    # Sums over the k components as a BLAS product with a row of ones: a
    # third faster than .sum(axis=0) on (k, m) rows.
    ones = np.ones((1, k))
    wsd = None if M.weight_sd is None else M.weight_sd[:, None]
    psd = None if M.price_sd is None else M.price_sd[:, None]

    # The year-by-year plan, worked out once: which years track current
    # prices (until the first year without prices, as grdp), which draw price
    # and population shocks, and their rows in the year's block of normals
    # (the k growth scores first), which targets fall due.
    years = []
    levels = M.needs_levels and M.base_current is not None
    pop_known = M.base_population is not None
    for t in range(T):
        price, gp = M.prices[t], M.population_growth[t]
        if levels and price is None:
            levels = False               # unknown prices: current figures unknown from now on
        y = dict(levels=levels, price_rows=None, pop_row=None, gp=gp, ge=M.employment_growth[t],
                 targets=[(j, tg) for j, tg in enumerate(M.targets) if tg["t"] == t])
        y["needs_G"] = t == M.main_t or any(
            tg["indicator"] in ("labour_productivity_growth_pct", "deflator_growth_pct")
            or (tg["indicator"] == "growth_pct" and tg["component"] is None) for _, tg in y["targets"])
        y["shares"] = any(tg["indicator"] == "share_current_pct" for _, tg in y["targets"])
        row = k
        if levels:
            if price[0] == "common":
                y["coef"], y["per"] = 1.0 + price[1], None
            else:
                y["coef"], y["per"] = None, (1.0 + price[1])[:, None]
            if psd is not None:
                y["price_rows"] = slice(row, row + k)
                row += k
            # grdp draws the population shock only where current prices are tracked.
            if pop_known and gp is not None and M.population_sd:
                y["pop_row"] = row
                row += 1
        pop_known = pop_known and gp is not None
        y["rows"] = row
        years.append(y)
    draw_rows = max(y["rows"] for y in years)
    tracks = any(y["levels"] for y in years)
    emp0 = M.base_employed

    def buffers(m):
        """The chunk's arrays, allocated once per chunk size and reused."""
        Q = np.empty((1 + k, m))
        Q[0] = 1.0                       # the row of ones that A_t's first column meets
        return dict(D=np.empty((draw_rows, m)), Q=Q, vf=np.empty((k, m)),
                    UY=np.empty((2 if tracks else 1, k, m)), S=np.empty((2, 2, m)), R=np.empty(m),
                    d=np.empty(m), d2=np.empty(m), G=np.empty(m), f=np.empty(m), tot=np.empty((2, m)),
                    v=np.empty(m), scale=np.empty(m),
                    ok=np.empty(m, dtype=bool), ok2=np.empty(m, dtype=bool), ok_all=np.empty(m, dtype=bool))

    bufs, done = None, 0
    while done < n:
        m = min(chunk, n - done)
        if bufs is None or bufs["R"].shape[0] != m:
            bufs = buffers(m)
        D, Q, vf, UY, S, R, d = (bufs[key] for key in ("D", "Q", "vf", "UY", "S", "R", "d"))
        q = Q[1:]
        floored = None
        ok_all = bufs["ok_all"]
        ok_all[:] = True
        # The path's start: base weights, perturbed where they are uncertain.
        # U holds the constant-price volumes (start weights times the volume
        # factors so far) and is never renormalised: this year's weights are
        # U / S with S = U.sum(0), and 1 + G/100 = S_next / S.
        U = UY[0]
        S_prev = S[1, 0]                 # year t writes S[t % 2]: (S_next, sum of Yv)
        if wsd is not None:
            rng.standard_normal(out=U)
            U *= wsd
            U += M.base_weights[:, None]
            np.maximum(U, 0.0, out=U)
            np.matmul(ones, U, out=S_prev[None])
            bad = S_prev <= 0.0
            if bad.any():                # every weight clamped to zero: grdp keeps the base weights
                U[:, bad] = M.base_weights[:, None]
                S_prev[bad] = 1.0
        else:
            U[...] = M.base_weights[:, None]
            S_prev[...] = 1.0
        if tracks:
            UY[1] = M.base_current[:, None]
        Y = UY[1] if tracks else None
        ytot, tot = M.base_current.sum() if tracks else None, None
        tot_buf = bufs["tot"]
        pop, emp = M.base_population, emp0

        for t, y in enumerate(years):
            # This year's normals in one call, into a block reused every year
            # (1.2 MB at 16,384 paths: still in cache for the steps below):
            # growth scores, then price and population shocks.
            Z = D[:y["rows"]]
            rng.standard_normal(out=Z)
            x = Z[:k]
            if t == 0:
                q[...] = x
            else:
                q *= carry[t]
                q += x
            np.matmul(A[t], Q, out=vf)       # 1 + g/100
            if vf.min() <= 0.0:              # a sector can lose all its output, not more
                low = (vf <= 0.0).any(axis=0)
                floored = low if floored is None else floored | low
                np.maximum(vf, 0.0, out=vf)
            contrib = {j: U[tg["component"]] / S_prev * (100.0 * (vf[tg["component"]] - 1.0))
                       for j, tg in y["targets"] if tg["indicator"] == "contribution_pp"}
            # Roll forward: this year's volumes (and, while prices are known,
            # this year's volumes at last year's prices) in one broadcast
            # product and one reduction over components.
            sums = S[t % 2]
            S_next, sYv = sums[0], sums[1]
            if y["levels"]:
                UY *= vf                     # (2, k, m) by (k, m)
                np.matmul(ones, UY, out=sums[:, None])   # S_next, and the sum of Yv
            else:
                U *= vf
                np.matmul(ones, U, out=S_next[None])
            np.divide(S_next, S_prev, out=R)   # 1 + G/100

            # Moments of G - ref = 100 (R - r), r = 1 + ref/100: summed in
            # R's units, scaled by 100^p at the end.
            np.subtract(R, r_ref[t], out=d)
            moments[t, 0] += d.sum()
            moments[t, 1] += np.dot(d, d)
            if t == M.main_t:
                d2 = np.multiply(d, d, out=bufs["d2"])
                moments[t, 2] += np.dot(d2, d)
                moments[t, 3] += np.dot(d2, d2)
            G = None
            if y["needs_G"]:                 # aggregate real growth, percent
                G = np.multiply(d, 100.0, out=bufs["G"])
                G += ref[t]
            if t == M.main_t:
                hits += int(np.count_nonzero(G >= M.threshold))

            # Current prices, population, employment (crates/core/src/step.rs).
            if y["levels"]:
                f = bufs["f"]
                Zp = None if y["price_rows"] is None else Z[y["price_rows"]]
                if y["per"] is None:
                    # One price change c for all: (1 + c) sum Yv = (1 + p)(1 + G/100) sum Y.
                    np.multiply(R, ytot, out=f)
                    f /= sYv
                    f *= y["coef"]
                    if Zp is not None:           # then each component's own deflator shock
                        Zp *= psd
                        Zp += f
                        Y *= Zp
                    else:
                        Y *= f
                elif Zp is not None:
                    Zp *= psd
                    Zp += y["per"]
                    Y *= Zp
                else:
                    Y *= y["per"]
                tot = tot_buf[t % 2]
                np.matmul(ones, Y, out=tot[None])   # GRDP at current prices, billion VND
            else:
                tot = None
            gp = y["gp"]
            if pop is None or gp is None:
                pop = None
            elif y["pop_row"] is not None:   # 1 + gp + sd z, the population shock
                z = Z[y["pop_row"]]
                z *= M.population_sd
                z += 1.0 + gp
                if isinstance(pop, np.ndarray):
                    pop *= z
                else:
                    pop = z * pop            # thousand persons: a scalar until shocked
            else:
                pop = pop * (1.0 + gp)
            ge = y["ge"]
            emp = emp * (1.0 + ge) if (emp is not None and ge is not None) else None

            # 100 / GRDP once a year for every share target.
            scale = np.divide(100.0, tot, out=bufs["scale"]) if (y["shares"] and tot is not None) else None
            for j, tg in y["targets"]:
                v = contrib[j] if j in contrib else value(tg, bufs["v"], G, R, vf, Y, scale, tot, ytot, pop, emp, ge)
                if v is None:
                    unknown[j] += m
                    ok_all[:] = False
                    continue
                ok = bufs["ok"]
                if tg["hi"] == math.inf:
                    np.greater_equal(v, tg["lo"], out=ok)
                elif tg["lo"] == -math.inf:
                    np.less_equal(v, tg["hi"], out=ok)
                else:
                    np.greater_equal(v, tg["lo"], out=ok)
                    ok &= np.less_equal(v, tg["hi"], out=bufs["ok2"])
                met[j] += int(np.count_nonzero(ok))
                ok_all &= ok

            S_prev = S_next
            if y["levels"]:
                ytot = tot
        all_met += int(np.count_nonzero(ok_all))
        if floored is not None:
            collapsed += int(np.count_nonzero(floored))
        done += m
    moments *= 100.0 ** np.arange(1, 5)  # back to percent
    return dict(hits=hits, met=met, unknown=unknown, all_met=all_met, collapsed=collapsed,
                moments=moments, ref=ref)


def value(tg, v, G, R, vf, Y, scale, tot, ytot, pop, emp, ge):
    """The target's indicator over the chunk (written into v where it must be
    computed, so that no temporaries are allocated), or None where an input
    is unknown."""
    ind, i = tg["indicator"], tg["component"]
    if ind == "growth_pct":
        if i is None:
            return G
        np.subtract(vf[i], 1.0, out=v)       # g = 100 (vf - 1)
        return np.multiply(v, 100.0, out=v)
    if ind == "labour_productivity_growth_pct":
        if ge is None:
            return None
        a = 1.0 / (1.0 + ge)                 # 100 ((1 + G/100) / (1 + ge) - 1), affine in G
        np.multiply(G, a, out=v)
        return np.add(v, 100.0 * (a - 1.0), out=v)
    if tot is None:
        return None
    if ind == "share_current_pct":
        return np.multiply(Y[i], scale, out=v)   # percent of GRDP at current prices (scale = 100 / tot)
    if ind in ("nominal_growth_pct", "deflator_growth_pct"):
        np.divide(tot, ytot, out=v)          # 1 + nominal / 100
        if ind == "deflator_growth_pct":
            v /= R                           # (1 + nominal/100) / (1 + G/100)
        v -= 1.0
        return np.multiply(v, 100.0, out=v)
    if ind == "grdp_current_bn_vnd":
        return tot
    if ind == "grdp_per_capita_mn_vnd":
        return None if pop is None else np.divide(tot, pop, out=v)   # billion / thousand = million VND
    if ind == "labour_productivity_mn_vnd":
        return None if emp is None else np.divide(tot, emp, out=v)
    sys.exit(f"unknown indicator {ind}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("scenario", nargs="?", default=str(DEFAULT_SCENARIO))
    ap.add_argument("--view", default=None, help="view id (default: the scenario's first)")
    ap.add_argument("-n", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=1 << 14,
                    help="paths per whole-array step (16,384: the fastest of 4,096 to 32,768 on a 1 MB L2)")
    a = ap.parse_args()
    M = Model(a.scenario, a.view)
    start = time.perf_counter()
    r = simulate(M, a.n, a.seed, a.chunk)
    seconds = time.perf_counter() - start
    n = a.n
    se = lambda p: math.sqrt(p * (1.0 - p) / n)
    years = []
    for t, year in enumerate(M.years):
        s1, s2, s3, s4 = r["moments"][t] / n
        mean = r["ref"][t] + s1
        m2 = s2 - s1 * s1                                   # central moments
        sd = math.sqrt(m2 * n / (n - 1))
        years.append(dict(year=year, mean_pct=mean, sd_pp=sd, mean_se=sd / math.sqrt(n)))
        if t == M.main_t:
            m4 = s4 - 4 * s3 * s1 + 6 * s2 * s1 ** 2 - 3 * s1 ** 4
            # Standard error of the sample SD: sqrt((m4 - m2^2) / n) / (2 sd).
            years[-1]["sd_se"] = math.sqrt(max(m4 - m2 * m2, 0.0) / n) / (2.0 * sd)
    main_year = years[M.main_t]
    p = r["hits"] / n
    targets = []
    for j, tg in enumerate(M.targets):
        known = n - int(r["unknown"][j])
        q = r["met"][j] / n if known == n else None
        targets.append(dict(id=tg["id"], year=tg["year"], direction=tg["direction"],
                            probability=q, std_error=None if q is None else se(q)))
    print(json.dumps({
        "scenario": M.name,
        "scenario_sha256": M.sha256,
        "view": M.view,
        "scenarios": n,
        "seed": a.seed,
        "chunk": a.chunk,
        "target_year": M.main_year,
        "target_pct": M.threshold,
        "probability": p,
        "std_error": se(p),
        "mean_pct": main_year["mean_pct"],
        "sd_pp": main_year["sd_pp"],
        "mean_se": main_year["mean_se"],
        "sd_se": main_year["sd_se"],
        "years": years,
        "targets": targets,
        "all_targets_probability": r["all_met"] / n,
        "paths_at_or_below_minus_100_pct": r["collapsed"],
        "seconds": seconds,
        "scenarios_per_second": n / seconds,
        "numpy": np.__version__,
    }, indent=1))


if __name__ == "__main__":
    main()
