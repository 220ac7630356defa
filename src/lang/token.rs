//! Tokens of loopscope's Python subset, as produced by `lexer::tokenize`.

use super::span::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TokenKind {
    /// An identifier, including the soft keywords `match`, `case`, `type` and `_`.
    Name(String),
    Number(Number),
    Str(StrToken),
    Op(Op),
    Kw(Kw),
    Newline,
    Indent,
    Dedent,
    EndMarker,
}

/// Numeric literals. Values loopscope cannot represent are kept as markers so the parser can
/// report them as unsupported at the right place (the lexer itself accepts all of Python).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    Int(i64),
    /// An integer literal that does not fit in 64 bits.
    BigInt,
    Float(f64),
    /// `3j`: complex numbers are not supported.
    Imaginary,
}

/// A string literal as written: the parser decodes escapes and f-string fields, because
/// f-string fields need the source position of each character.
#[derive(Clone, Debug, PartialEq)]
pub struct StrToken {
    pub is_bytes: bool,
    pub is_raw: bool,
    pub is_fstring: bool,
    /// 1 or 3.
    pub quote_len: u8,
    /// Byte range of the text between the quotes.
    pub body_start: u32,
    pub body_end: u32,
    /// Line and character column of `body_start`.
    pub body_line: u32,
    pub body_col: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    RArrow,
    Ellipsis,
    ColonEqual,
    /// `!`: only valid inside f-string fields (`{x!r}`).
    Exclamation,
}

impl Op {
    /// Operators sorted longest first, so the lexer can take the first match.
    pub const TABLE: &'static [(&'static str, Op)] = &[
        ("**=", Op::DoubleStarEqual),
        ("//=", Op::DoubleSlashEqual),
        (">>=", Op::RightShiftEqual),
        ("<<=", Op::LeftShiftEqual),
        ("...", Op::Ellipsis),
        ("!=", Op::NotEqual),
        ("%=", Op::PercentEqual),
        ("&=", Op::AmperEqual),
        ("**", Op::DoubleStar),
        ("*=", Op::StarEqual),
        ("+=", Op::PlusEqual),
        ("-=", Op::MinEqual),
        ("->", Op::RArrow),
        ("//", Op::DoubleSlash),
        ("/=", Op::SlashEqual),
        (":=", Op::ColonEqual),
        ("<<", Op::LeftShift),
        ("<=", Op::LessEqual),
        ("==", Op::EqEqual),
        (">=", Op::GreaterEqual),
        (">>", Op::RightShift),
        ("@=", Op::AtEqual),
        ("^=", Op::CircumflexEqual),
        ("|=", Op::VBarEqual),
        ("!", Op::Exclamation),
        ("%", Op::Percent),
        ("&", Op::Amper),
        ("(", Op::LPar),
        (")", Op::RPar),
        ("*", Op::Star),
        ("+", Op::Plus),
        (",", Op::Comma),
        ("-", Op::Minus),
        (".", Op::Dot),
        ("/", Op::Slash),
        (":", Op::Colon),
        (";", Op::Semi),
        ("<", Op::Less),
        ("=", Op::Equal),
        (">", Op::Greater),
        ("@", Op::At),
        ("[", Op::LSqb),
        ("]", Op::RSqb),
        ("^", Op::Circumflex),
        ("{", Op::LBrace),
        ("|", Op::VBar),
        ("}", Op::RBrace),
        ("~", Op::Tilde),
    ];

    pub fn as_str(self) -> &'static str {
        Op::TABLE
            .iter()
            .find(|(_, op)| *op == self)
            .map(|(s, _)| *s)
            .unwrap_or("?")
    }
}

/// Hard keywords. Soft keywords (`match`, `case`, `type`, `_`) are lexed as names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kw {
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
}

impl Kw {
    pub const ALL: &'static [(&'static str, Kw)] = &[
        ("False", Kw::False),
        ("None", Kw::None),
        ("True", Kw::True),
        ("and", Kw::And),
        ("as", Kw::As),
        ("assert", Kw::Assert),
        ("async", Kw::Async),
        ("await", Kw::Await),
        ("break", Kw::Break),
        ("class", Kw::Class),
        ("continue", Kw::Continue),
        ("def", Kw::Def),
        ("del", Kw::Del),
        ("elif", Kw::Elif),
        ("else", Kw::Else),
        ("except", Kw::Except),
        ("finally", Kw::Finally),
        ("for", Kw::For),
        ("from", Kw::From),
        ("global", Kw::Global),
        ("if", Kw::If),
        ("import", Kw::Import),
        ("in", Kw::In),
        ("is", Kw::Is),
        ("lambda", Kw::Lambda),
        ("nonlocal", Kw::Nonlocal),
        ("not", Kw::Not),
        ("or", Kw::Or),
        ("pass", Kw::Pass),
        ("raise", Kw::Raise),
        ("return", Kw::Return),
        ("try", Kw::Try),
        ("while", Kw::While),
        ("with", Kw::With),
        ("yield", Kw::Yield),
    ];

    pub fn lookup(s: &str) -> Option<Kw> {
        Kw::ALL.iter().find(|(k, _)| *k == s).map(|(_, kw)| *kw)
    }

    pub fn as_str(self) -> &'static str {
        Kw::ALL
            .iter()
            .find(|(_, kw)| *kw == self)
            .map(|(s, _)| *s)
            .unwrap_or("?")
    }
}

/// Classes for the web editor's syntax highlighting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenClass {
    Keyword,
    /// `True`, `False`, `None`.
    Constant,
    Name,
    /// Built-in functions and types (`print`, `len`, `range`, `Exception`, ...).
    Builtin,
    /// The name after `def`/`class`.
    Definition,
    Decorator,
    String,
    Number,
    Comment,
    Operator,
    Punctuation,
    /// Text the lexer cannot make sense of.
    Error,
}
