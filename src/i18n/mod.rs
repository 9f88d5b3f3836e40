//! The app's own words in every supported language. Survey texts come from the definition.
//!
//! Placeholders such as `{n}` are filled with [`fill`]; keeping them in the strings lets each
//! language put numbers where its grammar wants them.

mod report;
mod studio;
mod team;

pub use report::ReportStrings;
pub use studio::StudioStrings;
pub use team::TeamStrings;

/// Languages the interface is written in, with their names in their own language.
pub const LANGUAGES: &[(&str, &str)] = &[("en", "English"), ("de", "Deutsch"), ("es", "Español")];

pub struct Strings {
    pub skip: &'static str,
    pub tagline: &'static str,
    pub start: &'static str,
    pub minutes: &'static str,
    pub privacy: &'static str,
    pub not_a_test: &'static str,
    pub language: &'static str,
    pub dark: &'static str,
    pub resume: &'static str,
    pub start_over: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub progress: &'static str,
    pub required: &'static str,
    pub optional: &'static str,
    pub shortcuts: &'static str,
    pub likert: [&'static str; 5],
    pub not_answered: &'static str,
    pub slider_hint: &'static str,
    pub review_title: &'static str,
    pub review_intro: &'static str,
    /// One and many, as [`plural`] picks them.
    pub review_skipped: [&'static str; 2],
    /// Required questions still open, as when saved progress predates a survey change.
    pub review_missing: [&'static str; 2],
    pub review_needed: &'static str,
    pub review_all_done: &'static str,
    pub change: &'static str,
    pub see_report: &'static str,
    pub storage_off: &'static str,
    pub survey_changed: &'static str,
    pub dismiss: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub retry: &'static str,
    pub builtin_instead: &'static str,
    /// Why a survey did not load: invalid, bad address, 404, HTTP {status}, CORS, network,
    /// timeout, too large, inline link damaged, inline link too large, offline with no copy.
    pub load_errors: [&'static str; 11],
    pub share_survey: &'static str,
    pub share_copied: &'static str,
    /// Title, explanation and button of the crash screen.
    pub crash: (&'static str, &'static str, &'static str),
    /// Title, explanation and way back when a part of the app loaded on demand cannot be fetched.
    pub chunk_failed: (&'static str, &'static str, &'static str),
    /// The few report and team words the first load needs; the rest come with their chunks.
    pub report_title: &'static str,
    pub copy_failed: &'static str,
    pub team_open: &'static str,
    pub team_title: &'static str,
    pub studio_open: &'static str,
    pub studio_title: &'static str,
    /// What the service worker lets the page say (src/offline.rs).
    pub works_offline: &'static str,
    pub update_ready: &'static str,
    pub update_reload: &'static str,
    /// A custom survey shown from this device's copy; {date} is when it was saved.
    pub offline_copy: &'static str,
}

pub fn strings(lang: &str) -> &'static Strings {
    match lang {
        "de" => &DE,
        "es" => &ES,
        _ => &EN,
    }
}

/// The report's words. Only the report chunk calls this, so they stay out of the first load.
pub fn report(lang: &str) -> &'static ReportStrings {
    match lang {
        "de" => &report::DE,
        "es" => &report::ES,
        _ => &report::EN,
    }
}

/// The team summary's words, for the team chunk alone.
pub fn team(lang: &str) -> &'static TeamStrings {
    match lang {
        "de" => &team::DE,
        "es" => &team::ES,
        _ => &team::EN,
    }
}

/// The survey studio's words, for the studio chunk alone.
pub fn studio(lang: &str) -> &'static StudioStrings {
    match lang {
        "de" => &studio::DE,
        "es" => &studio::ES,
        _ => &studio::EN,
    }
}

/// The form of `forms` (one, many) for `n`. English, German and Spanish all use the first for
/// exactly one and the second otherwise.
pub fn plural(forms: [&'static str; 2], n: f64) -> &'static str {
    if n == 1.0 {
        forms[0]
    } else {
        forms[1]
    }
}

/// Replaces `{name}` placeholders.
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

static EN: Strings = Strings {
    skip: "Skip to content",
    tagline: "A private self-assessment of AI-era skills",
    start: "Start",
    minutes: "About {n} minutes",
    privacy: "Your answers stay in this browser. Nothing is sent anywhere.",
    not_a_test: "This is a self-assessment to guide your learning: not a test, not a certification, and not for hiring decisions.",
    language: "Language",
    dark: "Dark theme",
    resume: "Continue where you left off ({n} of {total})",
    start_over: "Start over",
    back: "Back",
    next: "Next",
    progress: "Question {n} of {total}",
    required: "Please choose an answer to continue: this question is needed for your report.",
    optional: "Optional",
    shortcuts: "Keyboard: arrow keys or 1–5 choose, Enter goes to the next question.",
    likert: ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
    not_answered: "Not answered",
    slider_hint: "Move the slider, or use the arrow keys.",
    review_title: "Review your answers",
    review_intro: "Check or change any answer before you see your report.",
    review_skipped: ["1 optional question skipped", "{n} optional questions skipped"],
    review_missing: ["1 question still to answer", "{n} questions still to answer"],
    review_needed: "Needed for your report",
    review_all_done: "All answered",
    change: "Change",
    see_report: "See my report",
    storage_off: "Your progress cannot be saved in this browser, so it will be lost if you close this tab. Everything else works.",
    survey_changed: "The assessment was updated since your last visit. We kept {n} of your answers.",
    dismiss: "Dismiss",
    loading: "Loading the survey…",
    load_failed: "This survey could not be opened",
    retry: "Try again",
    builtin_instead: "Open the built-in assessment instead",
    load_errors: [
        "The survey definition has {n} problem(s):",
        "The survey address must be a relative path or an http(s) URL.",
        "The survey file was not found (HTTP 404). Check the address.",
        "The server refused the survey file (HTTP {status}).",
        "The server answered but did not allow this page to read the file (CORS). It must send Access-Control-Allow-Origin for this site.",
        "The survey server could not be reached (network error). Check the address and your connection.",
        "The survey server did not answer in time.",
        "The survey file is larger than {kb} KB.",
        "The survey link is damaged. Copy the whole link again.",
        "The survey in this link is larger than {kb} KB. Host the file and share ?survey=<URL> instead.",
        "You are offline, and this survey has not been opened on this device before, so there is no copy of it here. Connect to the internet and try again.",
    ],
    share_survey: "Share this survey",
    share_copied: "Survey link copied",
    crash: (
        "Something went wrong",
        "Skillscope hit an unexpected problem and stopped. Your answers are saved in this browser; reload to continue where you left off.",
        "Reload",
    ),
    chunk_failed: (
        "This part could not be loaded",
        "Skillscope could not fetch this part of the app, perhaps because the connection dropped. Your answers are safe in this page. Try again when you are back online.",
        "Back",
    ),
    report_title: "Your readiness report",
    copy_failed: "Copying is not allowed here; select the link above and copy it.",
    team_open: "Summarise your team's results",
    team_title: "Team summary",
    studio_open: "Create your own survey",
    studio_title: "Survey studio",
    works_offline: "Works offline on this device",
    update_ready: "A new version is ready — reload to use it. Your answers are kept.",
    update_reload: "Reload",
    offline_copy: "Offline copy from {date}: the survey could not be fetched just now, so this device's last copy is shown.",
};

static DE: Strings = Strings {
    skip: "Zum Inhalt springen",
    tagline: "Eine private Selbsteinschätzung deiner Kompetenzen für die KI-Arbeitswelt",
    start: "Starten",
    minutes: "Etwa {n} Minuten",
    privacy: "Deine Antworten bleiben in diesem Browser. Nichts wird irgendwohin gesendet.",
    not_a_test: "Dies ist eine Selbsteinschätzung, die dein Lernen lenken soll – kein Test, kein Zertifikat und nicht für Personalentscheidungen gedacht.",
    language: "Sprache",
    dark: "Dunkles Design",
    resume: "Dort weitermachen, wo du aufgehört hast ({n} von {total})",
    start_over: "Neu beginnen",
    back: "Zurück",
    next: "Weiter",
    progress: "Frage {n} von {total}",
    required: "Bitte wähle eine Antwort, um weiterzugehen: Diese Frage wird für deinen Bericht gebraucht.",
    optional: "Optional",
    shortcuts: "Tastatur: Pfeiltasten oder 1–5 wählen, Enter geht zur nächsten Frage.",
    likert: ["Stimme gar nicht zu", "Stimme nicht zu", "Teils, teils", "Stimme zu", "Stimme voll zu"],
    not_answered: "Nicht beantwortet",
    slider_hint: "Bewege den Regler oder nutze die Pfeiltasten.",
    review_title: "Antworten prüfen",
    review_intro: "Prüfe oder ändere deine Antworten, bevor du deinen Bericht siehst.",
    review_skipped: ["1 optionale Frage übersprungen", "{n} optionale Fragen übersprungen"],
    review_missing: ["1 Frage noch offen", "{n} Fragen noch offen"],
    review_needed: "Für deinen Bericht nötig",
    review_all_done: "Alles beantwortet",
    change: "Ändern",
    see_report: "Meinen Bericht ansehen",
    storage_off: "Dein Fortschritt kann in diesem Browser nicht gespeichert werden und geht verloren, wenn du den Tab schließt. Alles andere funktioniert.",
    survey_changed: "Die Selbsteinschätzung wurde seit deinem letzten Besuch aktualisiert. {n} deiner Antworten wurden übernommen.",
    dismiss: "Schließen",
    loading: "Die Umfrage wird geladen…",
    load_failed: "Diese Umfrage konnte nicht geöffnet werden",
    retry: "Erneut versuchen",
    builtin_instead: "Stattdessen die eingebaute Selbsteinschätzung öffnen",
    load_errors: [
        "Die Umfragedefinition hat {n} Problem(e):",
        "Die Umfrageadresse muss ein relativer Pfad oder eine http(s)-URL sein.",
        "Die Umfragedatei wurde nicht gefunden (HTTP 404). Prüfe die Adresse.",
        "Der Server hat die Umfragedatei verweigert (HTTP {status}).",
        "Der Server hat geantwortet, erlaubt dieser Seite aber nicht, die Datei zu lesen (CORS). Er muss Access-Control-Allow-Origin für diese Website senden.",
        "Der Umfrageserver war nicht erreichbar (Netzwerkfehler). Prüfe die Adresse und deine Verbindung.",
        "Der Umfrageserver hat nicht rechtzeitig geantwortet.",
        "Die Umfragedatei ist größer als {kb} KB.",
        "Der Umfragelink ist beschädigt. Kopiere den ganzen Link noch einmal.",
        "Die Umfrage in diesem Link ist größer als {kb} KB. Lege die Datei auf einen Server und teile ?survey=<URL>.",
        "Du bist offline, und diese Umfrage wurde auf diesem Gerät noch nie geöffnet, daher gibt es hier keine Kopie. Verbinde dich mit dem Internet und versuche es erneut.",
    ],
    share_survey: "Diese Umfrage teilen",
    share_copied: "Link zur Umfrage kopiert",
    crash: (
        "Etwas ist schiefgelaufen",
        "Skillscope ist auf ein unerwartetes Problem gestoßen und wurde angehalten. Deine Antworten sind in diesem Browser gespeichert; lade die Seite neu, um weiterzumachen.",
        "Neu laden",
    ),
    chunk_failed: (
        "Dieser Teil konnte nicht geladen werden",
        "Skillscope konnte diesen Teil der App nicht abrufen, vielleicht weil die Verbindung abgebrochen ist. Deine Antworten sind in dieser Seite sicher. Versuche es erneut, sobald du wieder online bist.",
        "Zurück",
    ),
    report_title: "Dein Bericht zur KI-Bereitschaft",
    copy_failed: "Kopieren ist hier nicht erlaubt; markiere den Link oben und kopiere ihn.",
    team_open: "Ergebnisse deines Teams zusammenfassen",
    team_title: "Team-Übersicht",
    studio_open: "Eigene Umfrage erstellen",
    studio_title: "Umfrage-Studio",
    works_offline: "Funktioniert auf diesem Gerät auch offline",
    update_ready: "Eine neue Version ist bereit — lade neu, um sie zu nutzen. Deine Antworten bleiben erhalten.",
    update_reload: "Neu laden",
    offline_copy: "Offline-Kopie vom {date}: Die Umfrage konnte gerade nicht abgerufen werden, daher wird die letzte Kopie auf diesem Gerät angezeigt.",
};

static ES: Strings = Strings {
    skip: "Saltar al contenido",
    tagline: "Una autoevaluación privada de tus competencias para la era de la IA",
    start: "Empezar",
    minutes: "Unos {n} minutos",
    privacy: "Tus respuestas se quedan en este navegador. No se envía nada a ningún sitio.",
    not_a_test: "Es una autoevaluación para orientar tu aprendizaje: no es un examen, ni una certificación, ni sirve para decisiones de contratación.",
    language: "Idioma",
    dark: "Tema oscuro",
    resume: "Continuar donde lo dejaste ({n} de {total})",
    start_over: "Empezar de nuevo",
    back: "Atrás",
    next: "Siguiente",
    progress: "Pregunta {n} de {total}",
    required: "Elige una respuesta para continuar: esta pregunta es necesaria para tu informe.",
    optional: "Opcional",
    shortcuts: "Teclado: las flechas o 1–5 eligen, Intro pasa a la siguiente pregunta.",
    likert: ["Totalmente en desacuerdo", "En desacuerdo", "Ni de acuerdo ni en desacuerdo", "De acuerdo", "Totalmente de acuerdo"],
    not_answered: "Sin responder",
    slider_hint: "Mueve el control deslizante o usa las flechas.",
    review_title: "Revisa tus respuestas",
    review_intro: "Comprueba o cambia cualquier respuesta antes de ver tu informe.",
    review_skipped: ["1 pregunta opcional sin responder", "{n} preguntas opcionales sin responder"],
    review_missing: ["Falta 1 pregunta por responder", "Faltan {n} preguntas por responder"],
    review_needed: "Necesaria para tu informe",
    review_all_done: "Todo respondido",
    change: "Cambiar",
    see_report: "Ver mi informe",
    storage_off: "Tu progreso no se puede guardar en este navegador y se perderá si cierras la pestaña. Todo lo demás funciona.",
    survey_changed: "La autoevaluación se ha actualizado desde tu última visita. Hemos conservado {n} de tus respuestas.",
    dismiss: "Cerrar",
    loading: "Cargando la encuesta…",
    load_failed: "No se pudo abrir esta encuesta",
    retry: "Reintentar",
    builtin_instead: "Abrir la autoevaluación integrada",
    load_errors: [
        "La definición de la encuesta tiene {n} problema(s):",
        "La dirección de la encuesta debe ser una ruta relativa o una URL http(s).",
        "No se encontró el archivo de la encuesta (HTTP 404). Revisa la dirección.",
        "El servidor rechazó el archivo de la encuesta (HTTP {status}).",
        "El servidor respondió, pero no permite a esta página leer el archivo (CORS). Debe enviar Access-Control-Allow-Origin para este sitio.",
        "No se pudo contactar con el servidor de la encuesta (error de red). Revisa la dirección y tu conexión.",
        "El servidor de la encuesta no respondió a tiempo.",
        "El archivo de la encuesta supera los {kb} KB.",
        "El enlace de la encuesta está dañado. Copia el enlace completo otra vez.",
        "La encuesta de este enlace supera los {kb} KB. Aloja el archivo y comparte ?survey=<URL>.",
        "No tienes conexión y esta encuesta no se ha abierto antes en este dispositivo, así que no hay una copia aquí. Conéctate a internet y vuelve a intentarlo.",
    ],
    share_survey: "Compartir esta encuesta",
    share_copied: "Enlace de la encuesta copiado",
    crash: (
        "Algo ha salido mal",
        "Skillscope encontró un problema inesperado y se detuvo. Tus respuestas están guardadas en este navegador; recarga la página para continuar donde lo dejaste.",
        "Recargar",
    ),
    chunk_failed: (
        "No se pudo cargar esta parte",
        "Skillscope no pudo obtener esta parte de la aplicación, quizá porque se cortó la conexión. Tus respuestas están a salvo en esta página. Vuelve a intentarlo cuando tengas conexión.",
        "Volver",
    ),
    report_title: "Tu informe de preparación",
    copy_failed: "Aquí no se permite copiar; selecciona el enlace de arriba y cópialo.",
    team_open: "Resumir los resultados de tu equipo",
    team_title: "Resumen del equipo",
    studio_open: "Crear tu propia encuesta",
    studio_title: "Estudio de encuestas",
    works_offline: "Funciona sin conexión en este dispositivo",
    update_ready: "Hay una nueva versión lista — recarga para usarla. Tus respuestas se conservan.",
    update_reload: "Recargar",
    offline_copy: "Copia sin conexión del {date}: no se pudo obtener la encuesta ahora, así que se muestra la última copia de este dispositivo.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_fills_the_same_placeholders() {
        for (lang, _) in LANGUAGES {
            let s = strings(lang);
            let (report, team) = (report(lang), team(lang));
            for t in [s.resume, s.progress] {
                assert!(t.contains("{n}") && t.contains("{total}"), "{lang}: {t}");
            }
            assert!(s.minutes.contains("{n}"));
            for forms in [
                s.review_skipped,
                s.review_missing,
                report.gap,
                team.counted,
                team.lines_left_out,
                team.below_target,
                team.more_left_out,
            ] {
                assert!(
                    forms[0].contains('1') && !forms[0].contains("{n}"),
                    "{lang}: {forms:?}"
                );
                assert!(forms[1].contains("{n}"), "{lang}: {forms:?}");
            }
            assert!(report.paced[0].contains('1') || report.paced[0].contains("una"));
            let t = team;
            for (text, keys) in [
                (t.reading, &["{total}"][..]),
                (t.too_few[0], &["{needed}"]),
                (t.too_few[1], &["{needed}", "{found}"]),
                (t.target_file, &["{name}"]),
                (t.path, &["{path}"]),
                (t.advice_intro, &["{level}"]),
                (t.col_holders, &["{level}"]),
                (t.reasons[0], &["{level}"]),
            ] {
                for key in keys {
                    assert!(text.contains(key), "{lang}: {text} lacks {key}");
                }
            }
            assert!(report.paced[1].contains("{h}"), "{lang}");
            assert!(s.offline_copy.contains("{date}"), "{lang}");
            let st = studio(lang);
            assert!(st.problems_count[1].contains("{n}") && !st.problems_count[0].contains("{n}"));
            assert!(st.few_items.contains("{dimension}") && st.few_items.contains("{n}"));
            assert!(st.unreachable.contains("{path}") && st.long.contains("{minutes}"));
            assert!(st.share_too_large.contains("{kb}"), "{lang}");
        }
        assert_eq!(
            fill("Question {n} of {total}", &[("n", &3), ("total", &9)]),
            "Question 3 of 9"
        );
        assert_eq!(plural(["one", "{n}"], 1.0), "one");
        assert_eq!(plural(["one", "{n}"], 0.0), "{n}");
        assert_eq!(plural(["one", "{n}"], 2.0), "{n}");
    }
}
