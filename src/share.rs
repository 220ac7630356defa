//! Share links: a script, a position and view options in a URL, as course pages and students
//! pass them around. `#example=gather&step=40` names a gallery example;
//! `#code=<base64url of raw DEFLATE>` carries any script. Links come from anyone, so reading
//! one is strict and bounded: unknown keys, bad characters, oversized or over-compressed
//! payloads and invalid UTF-8 are errors with a message, never a panic or a huge allocation.
//! The same parser reads the embed player's query string (`?embed=1&autoplay=1`).

use std::fmt;

/// The longest `code=` value accepted, in characters (a 64 KiB script compresses well
/// below this; browsers keep URLs of a few hundred KiB).
pub const MAX_ENCODED: usize = 96 * 1024;
/// The largest script a link may carry once inflated.
pub const MAX_SCRIPT: usize = 256 * 1024;
/// The longest whole fragment or query string accepted.
pub const MAX_PARAMS: usize = MAX_ENCODED + 4096;

/// Everything a link can say. Absent keys are `None`/false.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params {
    /// A gallery example's id.
    pub example: Option<String>,
    /// A script's text (decoded from `code=`).
    pub code: Option<String>,
    /// The position to show once the run is loaded.
    pub step: Option<usize>,
    /// The step granularity: line, callback, turn or time.
    pub gran: Option<String>,
    /// "en" or "zh".
    pub lang: Option<String>,
    /// "light" or "dark".
    pub theme: Option<String>,
    /// The compact player for iframes.
    pub embed: bool,
    pub autoplay: bool,
    /// Playback speed, in steps per second.
    pub speed: Option<String>,
    /// Which panels the player shows (comma-separated ids), if not all.
    pub panels: Option<Vec<String>>,
    /// The editor is shown but cannot be changed.
    pub readonly: bool,
    /// Show the editor in the embed player (hidden by default).
    pub editor: bool,
    /// The player's height in CSS pixels.
    pub height: Option<u32>,
    /// Predict mode: ask what comes next before showing it.
    pub predict: bool,
}

/// Panel ids `panels=` accepts.
pub const PANELS: &[&str] = &[
    "source",
    "ready",
    "timers",
    "io",
    "tasks",
    "primitives",
    "console",
    "timeline",
    "narration",
];

/// Why a link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkError(pub String);

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn err<T>(msg: impl Into<String>) -> Result<T, LinkError> {
    Err(LinkError(msg.into()))
}

/// Compresses a script for `code=`: raw DEFLATE, then base64url without padding.
pub fn encode_code(source: &str) -> String {
    let packed = miniz_oxide::deflate::compress_to_vec(source.as_bytes(), 9);
    base64url_encode(&packed)
}

/// The script a `code=` value carries.
pub fn decode_code(value: &str) -> Result<String, LinkError> {
    if value.len() > MAX_ENCODED {
        return err(format!(
            "the script in this link is too long ({} characters; the limit is {MAX_ENCODED})",
            value.len()
        ));
    }
    let packed = base64url_decode(value)?;
    let raw = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_SCRIPT).map_err(
        |e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError(format!(
                "the script in this link is larger than {} KiB",
                MAX_SCRIPT / 1024
            )),
            _ => LinkError("the script in this link is damaged (it does not inflate)".into()),
        },
    )?;
    String::from_utf8(raw)
        .map_err(|_| LinkError("the script in this link is not UTF-8 text".into()))
}

/// Reads `a=1&b=2` (a URL fragment without `#` or a query without `?`).
pub fn parse(params: &str) -> Result<Params, LinkError> {
    let mut p = Params::default();
    parse_into(params, &mut p)?;
    Ok(p)
}

/// Reads `params` over what `p` already holds (the query first, then the fragment).
pub fn parse_into(params: &str, p: &mut Params) -> Result<(), LinkError> {
    if params.len() > MAX_PARAMS {
        return err(format!(
            "this link is too long ({} characters)",
            params.len()
        ));
    }
    for pair in params.split('&').filter(|s| !s.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let flag = |v: &str| -> Result<bool, LinkError> {
            match v {
                "" | "1" | "true" | "yes" => Ok(true),
                "0" | "false" | "no" => Ok(false),
                _ => err(format!("{key}= takes 1 or 0, not {:?}", short(v))),
            }
        };
        match key {
            "example" => p.example = Some(ident(key, value)?),
            "code" => p.code = Some(decode_code(value)?),
            "step" => p.step = Some(number(key, value)?),
            "g" | "granularity" => {
                p.gran = Some(one_of(key, value, &["line", "callback", "turn", "time"])?)
            }
            "lang" => p.lang = Some(one_of(key, value, &["en", "zh"])?),
            "theme" => p.theme = Some(one_of(key, value, &["light", "dark"])?),
            "embed" => p.embed = flag(value)?,
            "autoplay" => p.autoplay = flag(value)?,
            "readonly" => p.readonly = flag(value)?,
            "editor" => p.editor = flag(value)?,
            "predict" => p.predict = flag(value)?,
            "speed" => {
                let v: f64 = value.parse().map_err(|_| {
                    LinkError(format!(
                        "speed= takes steps per second, not {:?}",
                        short(value)
                    ))
                })?;
                if !(v.is_finite() && v > 0.0 && v <= 1000.0) {
                    return err("speed= must be between 0 and 1000 steps per second");
                }
                p.speed = Some(value.to_string());
            }
            "panels" => {
                let mut list = Vec::new();
                for id in value.split(',').filter(|s| !s.is_empty()) {
                    list.push(one_of("panels", id, PANELS)?);
                }
                p.panels = Some(list);
            }
            "height" => {
                let h = number(key, value)?;
                if !(120..=4000).contains(&h) {
                    return err("height= must be between 120 and 4000 pixels");
                }
                p.height = Some(h as u32);
            }
            _ => return err(format!("this link has an unknown setting {:?}", short(key))),
        }
    }
    if p.example.is_some() && p.code.is_some() {
        return err("this link names both an example and a script");
    }
    Ok(())
}

/// The fragment for a script at a position: `example=` when it is that example's text.
pub fn fragment(example: Option<&str>, source: &str, step: usize, gran: &str) -> String {
    let what = match example {
        Some(id) => format!("example={id}"),
        None => format!("code={}", encode_code(source)),
    };
    format!("{what}&step={step}&g={gran}")
}

fn short(s: &str) -> String {
    let cut: String = s.chars().take(24).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

fn ident(key: &str, v: &str) -> Result<String, LinkError> {
    if v.is_empty()
        || v.len() > 64
        || !v
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return err(format!(
            "{key}= takes a name like \"gather\", not {:?}",
            short(v)
        ));
    }
    Ok(v.to_string())
}

fn number(key: &str, v: &str) -> Result<usize, LinkError> {
    if v.is_empty() || v.len() > 12 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return err(format!("{key}= takes a number, not {:?}", short(v)));
    }
    v.parse()
        .map_err(|_| LinkError(format!("{key}= takes a number, not {:?}", short(v))))
}

fn one_of(key: &str, v: &str, allowed: &[&str]) -> Result<String, LinkError> {
    if allowed.contains(&v) {
        Ok(v.to_string())
    } else {
        err(format!(
            "{key}= takes one of {}, not {:?}",
            allowed.join(", "),
            short(v)
        ))
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | (u32::from(b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn base64url_decode(s: &str) -> Result<Vec<u8>, LinkError> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for (i, c) in s.bytes().enumerate() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => {
                return err(format!(
                    "the script in this link has a character base64url does not use at {}",
                    i + 1
                ))
            }
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // A lone sixth character carries no whole byte: no encoder produces it.
    if s.len() % 4 == 1 {
        return err("the script in this link is cut short");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_round_trip_through_code_links() {
        for src in [
            "",
            "print('hello')\n",
            "import asyncio\n\nasync def main():\n    print('你好，asyncio')\n\nasyncio.run(main())\n",
            &"x = 1\n".repeat(5000),
        ] {
            let enc = encode_code(src);
            assert!(enc.bytes().all(|b| B64.contains(&b)), "{enc}");
            assert_eq!(decode_code(&enc).unwrap(), src);
            let p = parse(&fragment(None, src, 7, "line")).unwrap();
            assert_eq!(p.code.as_deref(), Some(src));
            assert_eq!((p.step, p.gran.as_deref()), (Some(7), Some("line")));
        }
    }

    #[test]
    fn base64url_matches_the_standard_alphabet() {
        // RFC 4648 test vectors, in the URL-safe alphabet without padding.
        for (raw, enc) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url_encode(raw.as_bytes()), enc);
            assert_eq!(base64url_decode(enc).unwrap(), raw.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn example_links_and_view_options_parse() {
        let p = parse("example=gather&step=40&g=callback&lang=zh&theme=dark").unwrap();
        assert_eq!(p.example.as_deref(), Some("gather"));
        assert_eq!(p.step, Some(40));
        assert_eq!(p.lang.as_deref(), Some("zh"));
        let mut e =
            parse("embed=1&autoplay=1&speed=4&panels=ready,timers,console&height=420&readonly=1")
                .unwrap();
        assert!(e.embed && e.autoplay && e.readonly && !e.editor);
        assert_eq!(e.panels.as_ref().map(Vec::len), Some(3));
        assert_eq!(e.height, Some(420));
        parse_into("example=hello", &mut e).unwrap();
        assert!(e.embed, "the fragment adds to the query");
        assert_eq!(e.example.as_deref(), Some("hello"));
    }

    #[test]
    fn bad_links_are_errors_with_a_message() {
        for (link, says) in [
            ("example=<script>", "takes a name"),
            ("step=-1", "takes a number"),
            ("step=99999999999999999999", "takes a number"),
            ("g=sideways", "one of line, callback, turn, time"),
            ("panels=ready,evil", "panels= takes one of"),
            ("height=5", "between 120 and 4000"),
            ("speed=NaN", "between 0 and 1000"),
            ("embed=maybe", "takes 1 or 0"),
            ("onload=alert(1)", "unknown setting"),
            ("code=%%%", "character base64url does not use"),
            ("code=A", "cut short"),
            ("code=AAAA", "damaged"),
            ("example=a&code=AwA", "both"),
        ] {
            let e = parse(link).expect_err(link);
            assert!(e.0.contains(says), "{link}: {e}");
        }
        let long = "A".repeat(MAX_PARAMS + 1);
        assert!(parse(&format!("code={long}"))
            .unwrap_err()
            .0
            .contains("too long"));
    }

    #[test]
    fn a_compression_bomb_stops_at_the_script_limit() {
        let bomb = encode_code(&" ".repeat(MAX_SCRIPT + 1));
        assert!(
            bomb.len() < 2000,
            "it compresses to {} characters",
            bomb.len()
        );
        let e = decode_code(&bomb).unwrap_err();
        assert!(e.0.contains("larger than 256 KiB"), "{e}");
    }

    #[test]
    fn non_utf8_payloads_are_refused() {
        let enc = base64url_encode(&miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe], 9));
        assert!(decode_code(&enc).unwrap_err().0.contains("UTF-8"));
    }
}
