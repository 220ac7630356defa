//! The UI's two languages. Labels live next to where they are used as `tr(lang, en, zh)`, so a
//! label and its translation are read (and changed) together.

/// The language of labels and narration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }
}

/// Pick the text for `lang` (labels, and texts the trace carries in both languages).
pub fn tr<'a>(lang: Lang, en: &'a str, zh: &'a str) -> &'a str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// Seconds on the virtual clock, as the UI shows them everywhere.
pub fn secs(t: f64) -> String {
    if t.is_finite() {
        format!("{t:.3} s")
    } else {
        "∞".to_string()
    }
}
