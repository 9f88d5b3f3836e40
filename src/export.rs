//! Everything that leaves the report: JSON and CSV files, the result link, the QR code.
//! Files are made here as blobs and links are fragments, so nothing goes over the network.

use serde::Serialize;
use skillscope_engine::aggregate::{Spread, TeamSummary};
use skillscope_engine::{Answers, Report, Survey};

/// The JSON download: the engine's report (the public export format) plus the answers.
pub fn report_json(report: &Report, answers: &Answers) -> String {
    #[derive(Serialize)]
    struct Export<'a> {
        report: &'a Report,
        answers: &'a Answers,
    }
    serde_json::to_string_pretty(&Export { report, answers }).unwrap_or_default()
}

/// The CSV download: one row per dimension.
pub fn report_csv(survey: &Survey, report: &Report, lang: &str) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "dimension",
        "name",
        "group",
        "score",
        "level",
        "band_low",
        "band_high",
        "reported",
    ]);
    for d in &report.dimensions {
        let name = survey.dimension_name(&d.id, lang);
        let _ = w.write_record([
            d.id.as_str(),
            name,
            &d.group,
            &format!("{:.1}", d.score),
            &d.level,
            &format!("{:.1}", d.band[0]),
            &format!("{:.1}", d.band[1]),
            if d.reported { "true" } else { "false" },
        ]);
    }
    csv_text(w)
}

/// The team summary as CSV: one figure per row (`section,id,name,measure,value`), which any
/// spreadsheet can pivot, and which keeps its shape whatever the survey's levels and paths.
pub fn team_csv(survey: &Survey, team: &TeamSummary, lang: &str) -> String {
    let mut rows = Rows(vec![
        ["section", "id", "name", "measure", "value"].map(String::from)
    ]);
    rows.add("team", "", "", "respondents", team.respondents);
    for (id, s) in [
        ("readiness", &team.readiness),
        ("ai-depth", &team.ai_depth),
        ("learning-agility", &team.learning_agility),
    ] {
        if let Some(s) = s {
            rows.spread("index", id, "", s);
        }
    }
    for d in &team.dimensions {
        let name = survey.dimension_name(&d.id, lang);
        if let Some(s) = &d.score {
            rows.spread("dimension", &d.id, name, s);
        }
        rows.add("dimension", &d.id, name, "reported", d.reported);
        for l in &d.levels {
            let measure = format!("level:{}", l.level);
            rows.add("dimension", &d.id, name, &measure, l.count);
        }
        rows.add("dimension", &d.id, name, "experts", d.experts);
        rows.add("dimension", &d.id, name, "teachers", d.teachers);
        if let (Some(risk), Some(advice), Some(reason)) = (d.risk, d.advice, d.advice_reason) {
            rows.add("dimension", &d.id, name, "risk", risk.id());
            rows.add("dimension", &d.id, name, "advice", advice.id());
            rows.add("dimension", &d.id, name, "advice_reason", reason.id());
        }
        if let Some(path) = &d.path {
            rows.add("dimension", &d.id, name, "path", path);
        }
        if let (Some(target), Some(below)) = (&d.target, d.below_target) {
            rows.add("dimension", &d.id, name, "target", target);
            rows.add("dimension", &d.id, name, "below_target", below);
        }
        if let Some(alpha) = d.alpha {
            rows.add("dimension", &d.id, name, "alpha", format!("{alpha:.3}"));
            rows.add("dimension", &d.id, name, "alpha_people", d.alpha_people);
        }
    }
    for (rank, s) in team.where_to_start.iter().enumerate() {
        let name = survey.dimension_name(&s.dimension, lang);
        rows.add("start", &s.dimension, name, "rank", rank + 1);
    }
    for q in &team.quadrants {
        rows.add("quadrant", q.quadrant.id(), "", "people", q.count);
    }
    for p in &team.paths {
        let title = survey.paths().iter().find(|d| d.id == p.id);
        let name = title.map_or_else(String::new, |d| {
            d.title.get(lang, survey.default_lang()).to_string()
        });
        rows.add("path", &p.id, &name, "first", p.first);
        rows.add("path", &p.id, &name, "top3", p.top3);
        rows.spread("path-fit", &p.id, &name, &p.fit);
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in &rows.0 {
        let _ = w.write_record(r);
    }
    csv_text(w)
}

/// The written CSV, behind a byte-order mark: without it Excel on Windows reads UTF-8 as a
/// legacy code page and garbles every ä, é and ñ in the names.
fn csv_text(w: csv::Writer<Vec<u8>>) -> String {
    let body = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    format!("\u{feff}{body}")
}

struct Rows(Vec<[String; 5]>);

impl Rows {
    fn add(&mut self, section: &str, id: &str, name: &str, measure: &str, value: impl ToString) {
        let value = value.to_string();
        self.0
            .push([section, id, name, measure, &value].map(String::from));
    }

    fn spread(&mut self, section: &str, id: &str, name: &str, s: &Spread) {
        for (measure, value) in [
            ("median", s.median),
            ("min", s.min),
            ("max", s.max),
            ("mean", s.mean),
        ] {
            self.add(section, id, name, measure, format!("{value:.1}"));
        }
    }
}

/// Offers `content` as a file download, made locally as a blob.
pub fn download(name: &str, mime: &str, content: &str) {
    use wasm_bindgen::JsCast;
    let blob = gloo_file::Blob::new_with_options(content, Some(mime));
    let url = gloo_file::ObjectUrl::from(blob);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // The object URL is revoked when `url` drops; the click has already started the download.
}

/// What identifies the survey on this page: origin and path, `?survey=` and `#def=`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub base: String,
    pub survey: Option<String>,
    pub def: Option<String>,
}

impl Page {
    pub fn current() -> Page {
        let location = web_sys::window().map(|w| w.location());
        let part = |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
            location
                .as_ref()
                .and_then(|l| f(l).ok())
                .unwrap_or_default()
        };
        Page {
            base: format!(
                "{}{}",
                part(web_sys::Location::origin),
                part(web_sys::Location::pathname)
            ),
            survey: crate::prefs::query_param("survey"),
            def: crate::prefs::fragment_param("def"),
        }
    }

    /// The link that opens this survey in `lang`. Nothing else travels: not embedding
    /// parameters, not test switches, not an earlier result.
    pub fn survey_link(&self, lang: &str) -> String {
        self.link(lang, None)
    }

    /// The link that shows the result `code` of this survey.
    pub fn result_link(&self, lang: &str, code: &str) -> String {
        self.link(lang, Some(code))
    }

    fn link(&self, lang: &str, code: Option<&str>) -> String {
        let mut query = Vec::new();
        if let Some(survey) = &self.survey {
            query.push(format!("survey={}", percent_encode(survey)));
        }
        query.push(format!("lang={}", percent_encode(lang)));
        let mut fragment: Vec<String> = Vec::new();
        if let Some(def) = &self.def {
            fragment.push(format!("def={def}"));
        }
        if let Some(code) = code {
            fragment.push(format!("r={code}"));
        }
        let fragment = if fragment.is_empty() {
            String::new()
        } else {
            format!("#{}", fragment.join("&"))
        };
        format!("{}?{}{fragment}", self.base, query.join("&"))
    }
}

/// Percent-encodes everything but the unreserved characters of RFC 3986.
pub(crate) fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Copies `text` to the clipboard; `false` when the page may not (the clipboard API exists only
/// in secure contexts, so a plain-http intranet host has none).
pub async fn copy_text(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let has_clipboard =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !has_clipboard {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(text))
        .await
        .is_ok()
}

/// A QR code as one SVG path over a square of `size` modules plus a quiet zone of 4.
pub fn qr_path(text: &str) -> Option<(String, usize)> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut d = String::new();
    for (i, c) in colors.iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let (x, y) = (i % width + 4, i / width + 4);
            d.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some((d, width + 8))
}

#[cfg(test)]
mod tests {
    use super::*;
    use skillscope_engine::simulate::{simulate, Persona};
    use skillscope_engine::{builtin, report, Timing};

    #[test]
    fn csv_has_a_header_and_one_row_per_dimension() {
        let survey = builtin::survey(builtin::DEFAULT_ID).unwrap();
        let answers = simulate(
            &survey,
            &Persona {
                default_level: 2,
                knows: true,
                ..Persona::default()
            },
        );
        let r = report(&survey, &answers, Timing::default());
        let csv = report_csv(&survey, &r, "de");
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 1 + r.dimensions.len());
        // The mark that tells Excel the file is UTF-8, then the header.
        assert!(lines[0].starts_with("\u{feff}dimension,name,group,score"));
        let json: serde_json::Value = serde_json::from_str(&report_json(&r, &answers)).unwrap();
        assert_eq!(json["report"]["readiness"], serde_json::json!(r.readiness));
    }

    #[test]
    fn links_carry_only_what_identifies_the_survey() {
        let builtin = Page {
            base: "https://x.org/a/".into(),
            ..Page::default()
        };
        assert_eq!(
            builtin.result_link("de", "CODE"),
            "https://x.org/a/?lang=de#r=CODE"
        );
        assert_eq!(builtin.survey_link("es"), "https://x.org/a/?lang=es");
        let hosted = Page {
            survey: Some("https://i.example/t eam.json".into()),
            ..builtin.clone()
        };
        assert_eq!(
            hosted.result_link("en", "C"),
            "https://x.org/a/?survey=https%3A%2F%2Fi.example%2Ft%20eam.json&lang=en#r=C"
        );
        let inline = Page {
            def: Some("DEF".into()),
            ..builtin
        };
        assert_eq!(
            inline.result_link("en", "C"),
            "https://x.org/a/?lang=en#def=DEF&r=C"
        );
        assert_eq!(inline.survey_link("en"), "https://x.org/a/?lang=en#def=DEF");
    }

    #[test]
    fn qr_code_paths_are_square_modules() {
        let (d, size) = qr_path("https://example.org/#r=ABCDEFGHIJKLMNOPQRSTUVWXYZ012345").unwrap();
        assert!(size >= 21 + 8);
        assert!(d.starts_with('M') && d.contains("h1v1h-1z"));
    }
}
