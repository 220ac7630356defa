//! Python source split into lines of classed segments, by loopscope's own lexer (the same
//! tokens the interpreter sees, so the colours never disagree with what runs).

use loopscope::lang::lexer::highlight_tokens;
use loopscope::lang::token::TokenClass;

#[derive(Clone, Debug, PartialEq)]
pub struct Seg {
    /// CSS class ("" for plain text between tokens).
    pub class: &'static str,
    pub text: String,
}

pub fn class_name(c: TokenClass) -> &'static str {
    match c {
        TokenClass::Keyword => "tk-kw",
        TokenClass::Constant => "tk-const",
        TokenClass::Name => "tk-name",
        TokenClass::Builtin => "tk-builtin",
        TokenClass::Definition => "tk-def",
        TokenClass::Decorator => "tk-deco",
        TokenClass::String => "tk-str",
        TokenClass::Number => "tk-num",
        TokenClass::Comment => "tk-comment",
        TokenClass::Operator => "tk-op",
        TokenClass::Punctuation => "tk-punct",
        TokenClass::Error => "tk-err",
    }
}

/// `src` as lines (without their newline) of segments covering every character.
pub fn highlight_lines(src: &str) -> Vec<Vec<Seg>> {
    // Byte ranges with a class; everything between them is plain.
    let mut ranges: Vec<(usize, usize, &'static str)> = Vec::new();
    let mut last = 0usize;
    for (span, class) in highlight_tokens(src) {
        let (s, e) = (span.start as usize, span.end as usize);
        // The lexer promises order and char boundaries; trust neither blindly.
        if s < last
            || e < s
            || e > src.len()
            || !src.is_char_boundary(s)
            || !src.is_char_boundary(e)
        {
            continue;
        }
        ranges.push((s, e, class_name(class)));
        last = e;
    }
    let mut lines: Vec<Vec<Seg>> = vec![Vec::new()];
    let push = |text: &str, class: &'static str, lines: &mut Vec<Vec<Seg>>| {
        // A token may span lines (triple-quoted strings): split it.
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Vec::new());
            }
            if !part.is_empty() {
                if let Some(line) = lines.last_mut() {
                    line.push(Seg {
                        class,
                        text: part.trim_end_matches('\r').to_string(),
                    });
                }
            }
        }
    };
    let mut at = 0usize;
    for (s, e, class) in ranges {
        if s > at {
            push(&src[at..s], "", &mut lines);
        }
        push(&src[s..e], class, &mut lines);
        at = e;
    }
    if at < src.len() {
        push(&src[at..], "", &mut lines);
    }
    // A trailing newline does not start a line of its own in an editor's gutter.
    if src.ends_with('\n') && lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    #[wasm_bindgen_test]
    fn lines_cover_the_source_exactly() {
        let src = "async def f():\n    s = \"\"\"a\nb\"\"\"  # c\n    return 1\n";
        let lines = highlight_lines(src);
        let joined: Vec<String> = lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect();
        assert_eq!(joined.join("\n") + "\n", src);
        assert_eq!(
            lines[0][0],
            Seg {
                class: "tk-kw",
                text: "async".into()
            }
        );
        assert!(lines[0]
            .iter()
            .any(|s| s.class == "tk-def" && s.text == "f"));
        assert!(lines[2].iter().any(|s| s.class == "tk-comment"));
    }

    #[wasm_bindgen_test]
    fn odd_input_never_panics() {
        for src in [
            "",
            "\n",
            "'unterminated",
            "x = (\n",
            "\u{1F600} = 1",
            "\r\n\r\n",
            "\"\"\"\n",
        ] {
            let _ = highlight_lines(src);
        }
    }
}
