//! Urna's words: every text a person reads — pages, the command line, error messages, the
//! results site, the step-by-step seat allocation — in one catalog per language, in Project
//! Fluent's format (`locales/<language>/*.ftl`, compiled in).
//!
//! Dutch is the first language of both countries' official processes, English the second;
//! French and German are there for Belgian use. A translator works in the `.ftl` files alone:
//! each message has an id, its variables (`{ $station }`), and where the grammar needs it a
//! plural or other selection, decided in the catalog, not in the code. Code never holds a
//! user-facing sentence: it names the message with [`t!`] (or [`Language::text`] in a template).
//! `tests/catalog.rs` fails when a message is missing in any language, used in the code but
//! absent, or in a catalog but used nowhere.
//!
//! Pure: the catalogs are part of the binary; nothing is read at run time.

#![forbid(unsafe_code)]

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// The variables of a message, as [`t!`] fills them.
pub type Args<'a> = FluentArgs<'a>;

/// A language of the user interface and of documents: Dutch first, English second, French and
/// German for Belgian use.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Nederlands.
    #[default]
    Nl,
    /// English.
    En,
    /// Français.
    Fr,
    /// Deutsch.
    De,
}

/// The catalog files of every language: one per area of the program.
macro_rules! catalogs {
    ($($area:literal),+ $(,)?) => {
        /// The areas, in the order their files are loaded.
        pub const AREAS: &[&str] = &[$($area),+];
        fn sources(language: Language) -> Vec<(&'static str, &'static str)> {
            match language {
                Language::Nl => vec![$(($area, include_str!(concat!("../locales/nl/", $area, ".ftl")))),+],
                Language::En => vec![$(($area, include_str!(concat!("../locales/en/", $area, ".ftl")))),+],
                Language::Fr => vec![$(($area, include_str!(concat!("../locales/fr/", $area, ".ftl")))),+],
                Language::De => vec![$(($area, include_str!(concat!("../locales/de/", $area, ".ftl")))),+],
            }
        }
    };
}

catalogs![
    "common",
    "model",
    "apportion",
    "seal",
    "booth",
    "result",
    "publish",
    "office",
    "store",
    "central",
    "web",
    "cli",
    "demo",
    "report"
];

impl Language {
    /// Every language, Dutch first.
    pub const ALL: [Language; 4] = [Language::Nl, Language::En, Language::Fr, Language::De];

    /// The ISO 639-1 code (`nl`), as in a page's `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::En => "en",
            Language::Fr => "fr",
            Language::De => "de",
        }
    }

    /// The language of a code (`nl`, `EN`); `None` for one Urna does not speak.
    pub fn parse(code: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The language's name in itself (`Nederlands`), for a language switch.
    pub fn name(self) -> &'static str {
        match self {
            Language::Nl => "Nederlands",
            Language::En => "English",
            Language::Fr => "Français",
            Language::De => "Deutsch",
        }
    }

    /// The message `id` without variables.
    pub fn text(self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with its variables.
    pub fn text_with(self, id: &str, args: &Args<'_>) -> String {
        self.format(id, Some(args))
    }

    /// The message in this language, or — should a catalog lack it, which `tests/catalog.rs`
    /// forbids — in English, then Dutch, then its id.
    fn format(self, id: &str, args: Option<&Args<'_>>) -> String {
        for language in [self, Language::En, Language::Nl] {
            let bundle = &BUNDLES[language as usize];
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        id.to_string()
    }

    /// Every message id of this language's catalog, with the area (file) it is in.
    pub fn message_ids(self) -> Vec<(&'static str, String)> {
        let mut ids = Vec::new();
        for (area, source) in sources(self) {
            let resource = parse(source);
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(message) = entry {
                    ids.push((area, message.id.name.to_string()));
                }
            }
        }
        ids
    }

    /// The variables each message of this language's catalog uses, by id: a translation must
    /// use the variables the code fills, no other.
    pub fn message_variables(
        self,
    ) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
        use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
        fn expression(e: &Expression<&str>, out: &mut std::collections::BTreeSet<String>) {
            match e {
                Expression::Select { selector, variants } => {
                    inline(selector, out);
                    for variant in variants {
                        pattern(&variant.value, out);
                    }
                }
                Expression::Inline(e) => inline(e, out),
            }
        }
        fn inline(e: &InlineExpression<&str>, out: &mut std::collections::BTreeSet<String>) {
            match e {
                InlineExpression::VariableReference { id } => {
                    out.insert(id.name.to_string());
                }
                InlineExpression::FunctionReference { arguments, .. } => {
                    for argument in &arguments.positional {
                        inline(argument, out);
                    }
                }
                InlineExpression::Placeable { expression: inner } => expression(inner, out),
                _ => {}
            }
        }
        fn pattern(p: &Pattern<&str>, out: &mut std::collections::BTreeSet<String>) {
            for element in &p.elements {
                if let PatternElement::Placeable { expression: e } = element {
                    expression(e, out);
                }
            }
        }
        let mut all = std::collections::BTreeMap::new();
        for (_, source) in sources(self) {
            let resource = parse(source);
            for entry in resource.entries() {
                if let Entry::Message(message) = entry {
                    let mut variables = std::collections::BTreeSet::new();
                    if let Some(value) = &message.value {
                        pattern(value, &mut variables);
                    }
                    all.insert(message.id.name.to_string(), variables);
                }
            }
        }
        all
    }

    /// Problems with this language's catalog: syntax errors and ids defined twice.
    pub fn catalog_errors(self) -> Vec<String> {
        let mut errors = Vec::new();
        for (area, source) in sources(self) {
            if let Err((_, problems)) = FluentResource::try_new(source.to_string()) {
                for problem in problems {
                    errors.push(format!("{}/{area}.ftl: {problem:?}", self.code()));
                }
            }
        }
        let mut bundle = FluentBundle::new_concurrent(vec![locale(self)]);
        for (area, source) in sources(self) {
            if let Err(problems) = bundle.add_resource(parse(source)) {
                for problem in problems {
                    errors.push(format!("{}/{area}.ftl: {problem}", self.code()));
                }
            }
        }
        errors
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

fn locale(language: Language) -> unic_langid::LanguageIdentifier {
    language.code().parse().unwrap_or_default()
}

/// A catalog file, parsed; what parses of a file with an error (the catalog test names it).
fn parse(source: &str) -> FluentResource {
    FluentResource::try_new(source.to_string()).unwrap_or_else(|(resource, _)| resource)
}

/// One bundle per language, in [`Language::ALL`]'s order, made on first use.
static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> = LazyLock::new(|| {
    Language::ALL
        .into_iter()
        .map(|language| {
            let mut bundle = FluentBundle::new_concurrent(vec![locale(language)]);
            // The texts go to terminals, HTML and PDF as they are: no bidirectional isolation
            // marks around the variables.
            bundle.set_use_isolating(false);
            for (_, source) in sources(language) {
                // An id defined twice keeps its first text; the catalog test forbids it.
                let _ = bundle.add_resource(parse(source));
            }
            bundle
        })
        .collect()
});

/// The value of a variable, as the catalogs receive it (for [`Arg`] implementations).
pub use fluent_bundle::FluentValue;

/// A value for a message's variable: text as it is, whole numbers as numbers (so that the
/// catalog can choose a plural).
pub trait Arg {
    /// The value.
    fn arg(&self) -> FluentValue<'static>;
}

impl Arg for str {
    fn arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl Arg for String {
    fn arg(&self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

impl<T: Arg + ?Sized> Arg for &T {
    fn arg(&self) -> FluentValue<'static> {
        (**self).arg()
    }
}

macro_rules! number_arg {
    ($($t:ty),+) => {$(
        impl Arg for $t {
            fn arg(&self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
    )+};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64);

/// A message to be shown later, in whatever language its reader has: an id and its variables.
/// What a pure crate returns where a person will read it (a field's label, a finding, a refusal),
/// so that the crate decides *what* is said and the catalog *how*, in every language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Value)>,
}

/// A variable's value in a [`Message`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Value {
    /// Text, as it is.
    Text(String),
    /// A whole number (the catalog may choose a plural by it).
    Number(i64),
    /// Another message, shown in the same language (a field's label inside an error).
    Message(Box<Message>),
    /// Values one after the other, each shown in the same language (a path through a document
    /// whose steps are named in the reader's language).
    Parts(Vec<Value>),
}

impl Value {
    /// The value as text in `lang`.
    fn text(&self, lang: Language) -> String {
        match self {
            Value::Text(text) => text.clone(),
            Value::Number(n) => n.to_string(),
            Value::Message(inner) => inner.text(lang),
            Value::Parts(parts) => parts.iter().map(|part| part.text(lang)).collect(),
        }
    }
}

impl Message {
    /// The message `id` without variables.
    pub const fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// With the variable `name` set to `value`.
    pub fn with(mut self, name: &'static str, value: impl Into<Value>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The message's id.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The text in `lang`.
    pub fn text(&self, lang: Language) -> String {
        let mut args = Args::new();
        for (name, value) in &self.args {
            let value = match value {
                // Numbers stay numbers, so that the catalog can choose a plural by them.
                Value::Number(n) => FluentValue::from(*n),
                other => FluentValue::from(other.text(lang)),
            };
            args.set(*name, value);
        }
        lang.text_with(self.id, &args)
    }
}

impl std::fmt::Display for Message {
    /// In English: for logs and errors passed on without a reader's language.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Language::En))
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::Text(text)
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::Text(text.to_string())
    }
}

impl From<&String> for Value {
    fn from(text: &String) -> Value {
        Value::Text(text.clone())
    }
}

impl From<Message> for Value {
    fn from(message: Message) -> Value {
        Value::Message(Box::new(message))
    }
}

macro_rules! number_value {
    ($($t:ty),+) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Value {
                Value::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )+};
}
number_value!(u8, u16, u32, u64, usize, i32, i64);

/// A [`Message`]: `msg!("id")`, or with variables `msg!("id", station = 3)`.
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::Message::new($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::Message::new($id)$(.with(stringify!($name), $value))+
    };
}

/// Text of a message: `t!(lang, "id")`, or with variables `t!(lang, "id", station = 3)`.
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:literal) => {
        $crate::Language::text($lang, $id)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::Args::new();
        $( args.set(stringify!($name), $crate::Arg::arg(&$value)); )+
        $crate::Language::text_with($lang, $id, &args)
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_round_trip_their_codes() {
        for language in Language::ALL {
            assert_eq!(Language::parse(language.code()), Some(language));
        }
        assert_eq!(Language::parse(" EN "), Some(Language::En));
        assert_eq!(Language::parse("xx"), None);
    }

    #[test]
    fn an_unknown_id_is_shown_as_it_is() {
        assert_eq!(Language::Nl.text("no-such-message"), "no-such-message");
    }
}
