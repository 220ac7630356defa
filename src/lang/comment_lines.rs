//! Blanking whole-line comments in Python source, for the modules loopscope embeds.
//!
//! The asyncio, socket, threading, ... modules loopscope provides are Python source compiled
//! into the binary, and in the browser every byte of them is downloaded. Their comments are
//! for us, not for the VM: `build.rs` blanks every line that holds only a comment before the
//! source is embedded. Only whole lines go, and each becomes an empty line, so line numbers and
//! every line of code (the lines tracebacks quote) stay exactly as written. Comments inside
//! strings (docstrings, `__doc__`) are not comments and stay.
//!
//! This file is shared with `build.rs` (through `#[path]`), so it uses nothing but `std`.

/// `source` with each line that is only a comment (after indentation, outside any string)
/// replaced by an empty line.
pub fn blank_comment_lines(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    // The quote that closes the string the scan is in: `Some((quote, triple))`.
    let mut open: Option<(char, bool)> = None;
    for line in source.split_inclusive('\n') {
        if open.is_none() && line.trim_start().starts_with('#') {
            if line.ends_with('\n') {
                out.push('\n');
            }
            continue;
        }
        out.push_str(line);
        open = scan_line(line, open);
    }
    out
}

/// The string still open at the end of `line`, given the one open at its start.
fn scan_line(line: &str, mut open: Option<(char, bool)>) -> Option<(char, bool)> {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i] as char;
        match open {
            Some((q, triple)) => {
                if c == '\\' {
                    // An escaped character never closes a string, raw strings included.
                    i += 2;
                    continue;
                }
                if c == '\n' && !triple {
                    // An unterminated one-line string is a syntax error; the compiler says so.
                    return None;
                }
                if c == q {
                    if !triple {
                        open = None;
                    } else if line[i..].starts_with(if q == '"' { "\"\"\"" } else { "'''" }) {
                        open = None;
                        i += 3;
                        continue;
                    }
                }
                i += 1;
            }
            None => match c {
                '#' => return None,
                '"' | '\'' => {
                    let triple = line[i..].starts_with(if c == '"' { "\"\"\"" } else { "'''" });
                    open = Some((c, triple));
                    i += if triple { 3 } else { 1 };
                }
                _ => i += 1,
            },
        }
    }
    // A backslash before the newline continues a one-line string onto the next line.
    open
}

#[cfg(test)]
mod tests {
    use super::blank_comment_lines;
    use crate::lang::parser::{dump_module, parse_str};

    #[test]
    fn whole_line_comments_become_empty_lines() {
        let src = "# header\nx = 1  # kept\n    # indented\ny = 2\n#last";
        assert_eq!(blank_comment_lines(src), "\nx = 1  # kept\n\ny = 2\n");
    }

    #[test]
    fn comments_inside_strings_stay() {
        let src = "s = \"\"\"doc\n# not a comment\n\"\"\"\nt = '''a\n  # neither'''\n# gone\n";
        let want = "s = \"\"\"doc\n# not a comment\n\"\"\"\nt = '''a\n  # neither'''\n\n";
        assert_eq!(blank_comment_lines(src), want);
    }

    #[test]
    fn quotes_in_comments_and_escapes_do_not_open_strings() {
        let src = "x = 1  # it's\n# gone\ny = '\\''\n# gone too\nz = \"\\\"\" \"\"\"\n# stays: in a string\n\"\"\"\n";
        let want =
            "x = 1  # it's\n\ny = '\\''\n\nz = \"\\\"\" \"\"\"\n# stays: in a string\n\"\"\"\n";
        assert_eq!(blank_comment_lines(src), want);
    }

    #[test]
    fn every_embedded_module_keeps_its_lines_and_code() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut seen = 0;
        for dir in ["modules", "runtime", "net"] {
            for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|e| e != "py") {
                    continue;
                }
                let src = std::fs::read_to_string(&path).unwrap();
                let out = blank_comment_lines(&src);
                assert_eq!(src.lines().count(), out.lines().count(), "{path:?}");
                for (a, b) in src.lines().zip(out.lines()) {
                    assert!(a == b || (b.is_empty() && a.trim_start().starts_with('#')));
                }
                // The same tree (string contents included): no string lost a line that looked like
                // a comment. With the lines above, positions are the same too.
                let (a, b) = (parse_str(&src).unwrap(), parse_str(&out).unwrap());
                assert!(
                    dump_module(&a) == dump_module(&b),
                    "{path:?} parses differently once its comments are blanked"
                );
                seen += 1;
            }
        }
        assert!(seen > 20, "found {seen} embedded modules");
    }
}
