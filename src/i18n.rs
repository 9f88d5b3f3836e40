//! The app's own words in every supported language. Survey texts come from the definition.

/// Languages the interface is written in.
pub const LANGUAGES: &[(&str, &str)] = &[("en", "English"), ("de", "Deutsch"), ("es", "Español")];

pub struct Strings {
    pub skip: &'static str,
    pub start: &'static str,
    pub minutes: &'static str,
    pub privacy: &'static str,
    pub language: &'static str,
    /// Title, explanation and button of the crash screen.
    pub crash: (&'static str, &'static str, &'static str),
}

pub fn strings(lang: &str) -> &'static Strings {
    match lang {
        "de" => &DE,
        "es" => &ES,
        _ => &EN,
    }
}

static EN: Strings = Strings {
    skip: "Skip to content",
    start: "Start",
    minutes: "About {n} minutes",
    privacy: "Your answers stay in this browser. Nothing is sent anywhere.",
    language: "Language",
    crash: (
        "Something went wrong",
        "Skillscope hit an unexpected problem and stopped. Your answers are saved in this browser; reload to continue where you left off.",
        "Reload",
    ),
};

static DE: Strings = Strings {
    skip: "Zum Inhalt springen",
    start: "Starten",
    minutes: "Etwa {n} Minuten",
    privacy: "Deine Antworten bleiben in diesem Browser. Nichts wird irgendwohin gesendet.",
    language: "Sprache",
    crash: (
        "Etwas ist schiefgelaufen",
        "Skillscope ist auf ein unerwartetes Problem gestoßen und wurde angehalten. Deine Antworten sind in diesem Browser gespeichert; lade die Seite neu, um weiterzumachen.",
        "Neu laden",
    ),
};

static ES: Strings = Strings {
    skip: "Saltar al contenido",
    start: "Empezar",
    minutes: "Unos {n} minutos",
    privacy: "Tus respuestas se quedan en este navegador. No se envía nada a ningún sitio.",
    language: "Idioma",
    crash: (
        "Algo ha salido mal",
        "Skillscope encontró un problema inesperado y se detuvo. Tus respuestas están guardadas en este navegador; recarga la página para continuar donde lo dejaste.",
        "Recargar",
    ),
};
