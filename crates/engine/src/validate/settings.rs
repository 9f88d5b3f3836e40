//! Checks of the survey-wide settings: pacing, theme and embedding.

use super::web::{is_origin, is_safe_image_url, parse_hex_colour};
use super::{clip, Checker};
use crate::format::Kind;

impl<'a> Checker<'a> {
    pub(super) fn check_pacing(&mut self) {
        let Some(pacing) = &self.def.pacing else {
            return;
        };
        let question = self
            .def
            .sections
            .iter()
            .flat_map(|s| &s.questions)
            .find(|q| q.id == pacing.question);
        match question {
            None => self.err(
                "pacing.question",
                format!("unknown question \"{}\"", clip(&pacing.question)),
            ),
            Some(q) if !(q.kind == Kind::Context && q.is_numeric()) => {
                self.err("pacing.question", "pacing needs a numeric context question")
            }
            Some(_) => {}
        }
    }

    pub(super) fn check_theme(&mut self) {
        let Some(theme) = &self.def.theme else { return };
        if let Some(accent) = &theme.accent {
            if parse_hex_colour(accent).is_none() {
                self.err("theme.accent", "expected a colour like #0b6bcb");
            }
        }
        if let Some(logo) = &theme.logo {
            if !is_safe_image_url(&logo.url) {
                self.err(
                    "theme.logo.url",
                    "logo must be an https:, http: or relative URL",
                );
            }
            self.text("theme.logo.alt", &logo.alt);
        }
        if let Some(t) = &theme.organisation {
            self.text("theme.organisation", t);
        }
        if let Some(t) = &theme.intro {
            self.text("theme.intro", t);
        }
    }

    pub(super) fn check_embed(&mut self) {
        let Some(embed) = &self.def.embed else { return };
        for (i, parent) in embed.allowed_parents.iter().enumerate() {
            if !is_origin(parent) {
                self.err(
                    format!("embed.allowed_parents[{i}]"),
                    "expected an origin like https://intranet.example.com, with no path",
                );
            }
        }
    }
}
