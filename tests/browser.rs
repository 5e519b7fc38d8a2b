//! The report page in a real browser: headless Chromium loads `index.html`
//! in English and Vietnamese at a laptop width (1366 px) and a phone width
//! (390 px), and checks that every chart image loaded and that nothing makes
//! the page wider than the window. A full-page screenshot of each rendering
//! is kept in `target/browser-screenshots/{en,vi}-{1366,390}.png` for people
//! to look at.
//!
//! Run it with `cargo test --test browser`.
//!
//! Chromium is looked up on `PATH` as `chromium`, `chromium-browser` or
//! `google-chrome`. When none is found the test fails if the `CI`
//! environment variable is set (CI installs Debian's `chromium` in `.ci/run`),
//! and otherwise prints a note to stderr and passes without checking
//! anything, so a developer machine without a browser can still run
//! `cargo test`.
//!
//! How the page is measured: the page is never changed; a copy of it,
//! `_probe.html`, gets a small script that runs on `load` and reports, as
//! JSON, the images that did not load, the page's width against the
//! window's, the widest elements sticking out, and the page's height.
//! Headless Chromium will not make a window narrower than 500 px (with
//! `--window-size=390,900` the page sees `innerWidth == 500`), so each
//! page is shown in an `<iframe>` exactly W px wide inside a bare host page:
//! the iframe is the page's viewport, so its media queries and widths are
//! those of a W px screen. The probe checks that `innerWidth` is W, so the
//! harness cannot silently measure the wrong width. The screenshot is taken
//! the same way, of the real `index.html`, with the iframe as tall as the
//! page (at most 16,000 px).
//!
//! Each Chromium run is killed after 60 s so a hung browser cannot hang CI.
//! What Chromium prints to stderr (D-Bus and GPU noise) is ignored unless a
//! run fails.
#![cfg(unix)]

// The shared helpers; this test binary uses only some of them.
#[allow(dead_code)]
mod util;

use std::fmt::Write as _;
use std::fs::{self, File};
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use util::{code, grdp, stderr};

/// The widths checked: a common laptop screen and a common phone.
const WIDTHS: [u32; 2] = [1366, 390];

/// The window height while probing.
const PROBE_HEIGHT: u32 = 900;

/// The tallest screenshot taken.
const MAX_HEIGHT: u32 = 16_000;

/// How long one Chromium run may take before it is killed.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The executables tried, in order.
const BROWSERS: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

/// Appended before `</body>` of the probe copy. On load it writes its
/// findings as JSON into `<pre id="grdp-probe">` and posts them to the host
/// page. Every character outside printable ASCII, and `<`, `>`, `&`, is
/// written as a `\uXXXX` escape, so the JSON survives Chromium's DOM dump
/// (which escapes `&`, `<`, `>` and non-breaking spaces in text) unchanged.
const PROBE_SCRIPT: &str = r#"<script>
window.addEventListener('load', function () {
  var doc = document.documentElement;
  var r = {
    innerWidth: window.innerWidth,
    scrollWidth: doc.scrollWidth,
    height: Math.max(doc.scrollHeight, document.body.scrollHeight),
    images: document.images.length,
    broken: [],
    charts: [],
    offenders: []
  };
  Array.prototype.forEach.call(document.images, function (img) {
    if (!(img.complete && img.naturalWidth > 0)) {
      r.broken.push(img.getAttribute('src') || '(no src)');
    }
    var src = img.currentSrc || img.src;
    r.charts.push({
      file: src.substring(src.lastIndexOf('/') + 1),
      naturalWidth: img.naturalWidth,
      shownWidth: img.getBoundingClientRect().width
    });
  });
  function describe(el) {
    var s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim()) {
      s += '.' + el.className.trim().split(/\s+/).join('.');
    }
    return s;
  }
  function path(el) {
    var parts = [];
    for (var e = el; e && e !== doc; e = e.parentElement) parts.unshift(describe(e));
    return parts.join(' > ');
  }
  // Elements whose right edge is past the window, and whose parent's is
  // not: where each overflow starts. Content inside a box that clips or
  // scrolls sideways cannot widen the page, so it is not walked into.
  if (r.scrollWidth > r.innerWidth) {
    var limit = r.innerWidth + 0.5;
    var walk = function (el, parentOut) {
      var rect = el.getBoundingClientRect();
      var out = rect.right > limit;
      if (out && !parentOut) {
        r.offenders.push({
          element: describe(el),
          path: path(el),
          width: Math.round(rect.width),
          right: Math.round(rect.right),
          text: (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 80)
        });
      }
      if (el !== document.body && getComputedStyle(el).overflowX !== 'visible') return;
      for (var c = el.firstElementChild; c; c = c.nextElementSibling) walk(c, out);
    };
    walk(document.body, false);
    r.offenders.sort(function (a, b) { return b.width - a.width; });
    r.offenders = r.offenders.slice(0, 5);
  }
  var json = JSON.stringify(r).replace(/[^\x20-\x7e]|[<>&]/g, function (c) {
    return '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4);
  });
  var pre = document.createElement('pre');
  pre.id = 'grdp-probe';
  pre.textContent = json;
  document.body.appendChild(pre);
  if (window.parent !== window) window.parent.postMessage(json, '*');
});
</script>
"#;

/// The host page: one borderless iframe of `{W}` by `{H}` px at the top
/// left, showing `{SRC}`; it copies what the probe posts into its own
/// `<pre id="grdp-probe">`, which `--dump-dom` prints.
const HOST_PAGE: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>probe host</title>
<style>html, body { margin: 0; padding: 0; overflow: hidden; background: #fff; }
iframe { display: block; border: 0; width: {W}px; height: {H}px; }</style>
</head><body><iframe src="{SRC}"></iframe>
<script>window.addEventListener('message', function (e) {
  var pre = document.createElement('pre');
  pre.id = 'grdp-probe';
  pre.textContent = String(e.data);
  document.body.appendChild(pre);
});</script>
</body></html>
"#;

/// What the probe reports.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Probe {
    inner_width: u32,
    scroll_width: u32,
    height: u32,
    images: usize,
    broken: Vec<String>,
    charts: Vec<Shown>,
    offenders: Vec<Offender>,
}

/// A chart as the page shows it: the copy the browser chose and its width.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Shown {
    file: String,
    natural_width: u32,
    shown_width: f64,
}

/// An element sticking out past the window's right edge.
#[derive(serde::Deserialize)]
struct Offender {
    element: String,
    path: String,
    width: i64,
    right: i64,
    text: String,
}

#[test]
fn the_english_page_renders_in_chromium() {
    check("en");
}

#[test]
fn the_vietnamese_page_renders_in_chromium() {
    check("vi");
}

/// Writes the report in `lang`, probes and screenshots it at every width,
/// and fails listing every problem found.
fn check(lang: &str) {
    let Some(browser) = find_browser() else {
        let msg = format!(
            "no Chromium on PATH (tried {}): the browser test of the report cannot run",
            BROWSERS.join(", ")
        );
        if std::env::var_os("CI").is_some() {
            panic!("{msg}; CI must install it (.ci/run: apt-get install chromium)");
        }
        eprintln!("note: {msg}; skipped (install chromium to run it)");
        return;
    };

    let tmp = tempfile::Builder::new()
        .prefix("grdp-browser-")
        .tempdir_in(std::env::temp_dir())
        .expect("a temporary folder");
    let report = tmp.path().join(lang);
    let o = grdp(&[
        "report",
        "--lang",
        lang,
        "-n",
        "20000",
        "-q",
        "-o",
        report.to_str().expect("a UTF-8 temporary path"),
    ]);
    assert_eq!(code(&o), 0, "grdp report --lang {lang}: {}", stderr(&o));
    let index = report.join("index.html");
    let page = fs::read_to_string(&index).expect("index.html");
    let body_end = page.rfind("</body>").expect("index.html has </body>");
    let probe_page = format!("{}{PROBE_SCRIPT}{}", &page[..body_end], &page[body_end..]);

    let shots = screenshot_dir();
    let mut problems = Vec::new();
    for width in WIDTHS {
        let label = format!("{lang} at {width} px");
        let files = Scratch(vec![
            report.join("_probe.html"),
            report.join("_probe-host.html"),
            report.join("_shot-host.html"),
        ]);
        fs::write(&files.0[0], &probe_page).expect("write _probe.html");
        fs::write(&files.0[1], host_page(width, PROBE_HEIGHT, "_probe.html"))
            .expect("write _probe-host.html");

        // The probe.
        let profile = tmp.path().join(format!("profile-{width}"));
        let dump = match run_browser(
            &browser,
            &profile,
            width,
            PROBE_HEIGHT,
            "--dump-dom",
            &files.0[1],
        ) {
            Ok(out) => out,
            Err(e) => {
                // A browser that fails or hangs once will again: stop here.
                problems.push(format!("{label}: the probe run failed: {e}"));
                break;
            }
        };
        let probe = match parse_probe(&dump) {
            Ok(p) => p,
            Err(e) => {
                problems.push(format!("{label}: {e}"));
                continue;
            }
        };
        problems.extend(judge(&label, width, &probe));

        // The screenshot, of the real page, as tall as the page.
        let height = probe.height.clamp(PROBE_HEIGHT, MAX_HEIGHT);
        fs::write(&files.0[2], host_page(width, height, "index.html"))
            .expect("write _shot-host.html");
        let png = shots.join(format!("{lang}-{width}.png"));
        // A stale picture must not pass for a new one.
        let _ = fs::remove_file(&png);
        let shot_flag = format!("--screenshot={}", png.display());
        match run_browser(&browser, &profile, width, height, &shot_flag, &files.0[2]) {
            Ok(_) => match png_size(&png) {
                Ok(size) if size == (width, height) => {}
                Ok((w, h)) => problems.push(format!(
                    "{label}: the screenshot is {w}x{h} px, not {width}x{height}"
                )),
                Err(e) => problems.push(format!("{label}: no screenshot: {e}")),
            },
            Err(e) => {
                problems.push(format!("{label}: the screenshot run failed: {e}"));
                break;
            }
        }
        drop(files);
        assert!(
            !report.join("_probe.html").exists(),
            "the probe copy is removed"
        );
    }
    assert!(
        problems.is_empty(),
        "the {lang} report page in Chromium (screenshots in {}):\n{}",
        shots.display(),
        problems.join("\n")
    );
}

/// Removes its files when dropped, even when a check panics.
struct Scratch(Vec<PathBuf>);

impl Drop for Scratch {
    fn drop(&mut self) {
        for f in &self.0 {
            let _ = fs::remove_file(f);
        }
    }
}

/// What is wrong with the page, by the probe's findings.
fn judge(label: &str, width: u32, probe: &Probe) -> Vec<String> {
    let mut problems = Vec::new();
    if probe.inner_width != width {
        problems.push(format!(
            "{label}: the page saw a {} px wide window, not {width} px: the harness is wrong",
            probe.inner_width
        ));
    }
    if probe.images == 0 {
        problems.push(format!("{label}: the page has no images"));
    }
    if !probe.broken.is_empty() {
        problems.push(format!(
            "{label}: {} of {} images did not load: {}",
            probe.broken.len(),
            probe.images,
            probe.broken.join(", ")
        ));
    }
    // A phone gets the phone copies (480 logical px drawn at 2x) and shows
    // them at least at 70 % of their drawn size, so 13 px type stays above
    // 9 px; a wide screen gets the page copies.
    let phone = width <= 700;
    for c in &probe.charts {
        if c.file.ends_with(".phone.png") != phone {
            problems.push(format!(
                "{label}: the page shows {}, not the {} copy",
                c.file,
                if phone { "phone" } else { "page" }
            ));
        }
        if phone && c.natural_width > 0 {
            let ratio = c.shown_width / (f64::from(c.natural_width) / 2.0);
            if ratio < 0.7 {
                problems.push(format!(
                    "{label}: {} is shown at {:.0} px, {:.0} % of its drawn size; its words are too small to read",
                    c.file,
                    c.shown_width,
                    100.0 * ratio
                ));
            }
        }
    }
    if probe.scroll_width > probe.inner_width {
        let mut msg = format!(
            "{label}: the page is {} px wide, wider than the {} px window; sticking out:",
            probe.scroll_width, probe.inner_width
        );
        for o in &probe.offenders {
            let _ = write!(
                msg,
                "\n    <{}> {} px wide, right edge at {} px ({}), text: {:?}",
                o.element, o.width, o.right, o.path, o.text
            );
        }
        if probe.offenders.is_empty() {
            msg.push_str(" (no element found)");
        }
        problems.push(msg);
    }
    problems
}

/// The probe's JSON out of the dumped DOM.
fn parse_probe(dump: &str) -> Result<Probe, String> {
    const OPEN: &str = "<pre id=\"grdp-probe\">";
    let start = dump
        .find(OPEN)
        .ok_or_else(|| "the probe wrote nothing (did the page's load event fire?)".to_owned())?
        + OPEN.len();
    let len = dump[start..]
        .find("</pre>")
        .ok_or("the probe's <pre> is not closed")?;
    let json = &dump[start..start + len];
    serde_json::from_str(json).map_err(|e| format!("the probe's JSON ({e}): {json}"))
}

/// The host page for an iframe of `width` by `height` showing `src`.
fn host_page(width: u32, height: u32, src: &str) -> String {
    HOST_PAGE
        .replace("{W}", &width.to_string())
        .replace("{H}", &height.to_string())
        .replace("{SRC}", src)
}

/// The first of [`BROWSERS`] found on `PATH`.
fn find_browser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    BROWSERS.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// Where the screenshots are kept: `browser-screenshots` in the target
/// folder.
fn screenshot_dir() -> PathBuf {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR is inside the target folder");
    let dir = target.join("browser-screenshots");
    fs::create_dir_all(&dir).expect("create target/browser-screenshots");
    dir
}

/// Runs headless Chromium on `page` with a `width` by `height` window and
/// the `action` flag (`--dump-dom` or `--screenshot=…`), killing it and all
/// its processes after [`TIMEOUT`]. Returns what it printed on stdout.
fn run_browser(
    browser: &Path,
    profile: &Path,
    width: u32,
    height: u32,
    action: &str,
    page: &Path,
) -> Result<String, String> {
    let dir = page.parent().expect("the page is in a folder");
    let out_path = dir.join("_chromium.out");
    let err_path = dir.join("_chromium.err");
    let _scratch = Scratch(vec![out_path.clone(), err_path.clone()]);
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--no-first-run",
            "--no-default-browser-check",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--window-size={width},{height}"))
        .arg("--virtual-time-budget=10000")
        .arg(action)
        .arg(file_url(page))
        .stdin(Stdio::null())
        .stdout(File::create(&out_path).expect("create _chromium.out"))
        .stderr(File::create(&err_path).expect("create _chromium.err"))
        // Its own process group, so a timeout kills its helpers too.
        .process_group(0)
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", browser.display()))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait().expect("wait for chromium") {
            Some(status) => break status,
            None if started.elapsed() > TIMEOUT => {
                let _ = Command::new("kill")
                    .args(["-KILL", "--", &format!("-{}", child.id())])
                    .stderr(Stdio::null())
                    .status();
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "chromium {action} did not finish in {} s and was killed",
                    TIMEOUT.as_secs()
                ));
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    };
    let out = fs::read_to_string(&out_path).unwrap_or_default();
    if !status.success() {
        let err = fs::read_to_string(&err_path).unwrap_or_default();
        let tail: Vec<&str> = err.lines().rev().take(15).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!(
            "chromium {action} exited with {status}; its stderr ends:\n{}",
            tail.join("\n")
        ));
    }
    Ok(out)
}

/// A `file://` URL for an absolute path, with every byte outside the
/// unreserved set and `/` percent-encoded.
fn file_url(path: &Path) -> String {
    let path = path.canonicalize().expect("an existing page");
    let mut url = String::from("file://");
    for &b in path.to_str().expect("a UTF-8 path").as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(char::from(b));
        } else {
            let _ = write!(url, "%{b:02X}");
        }
    }
    url
}

/// The width and height of a PNG file.
fn png_size(path: &Path) -> Result<(u32, u32), String> {
    let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let info = reader.info();
    Ok((info.width, info.height))
}
