use crate::highlight::{highlight_lines, Seg};
use crate::i18n::{tr, Lang};
use crate::state::ScriptError;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub lang: Lang,
    pub text: AttrValue,
    pub on_edit: Callback<String>,
    /// Ctrl/Cmd+Enter in the editor.
    pub on_run: Callback<()>,
    #[prop_or_default]
    pub error: Option<ScriptError>,
    /// Shown but not editable (embeds with `readonly=1`).
    #[prop_or_default]
    pub readonly: bool,
}

const INDENT: &str = "    ";

/// The script editor: a transparent textarea over the same text highlighted by loopscope's
/// lexer, with line numbers. The textarea grows with its text so both layers never scroll
/// apart; the box around them scrolls. Script text is only ever rendered as text.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let lang = props.lang;
    let lines: Rc<Vec<Vec<Seg>>> = {
        let text = props.text.clone();
        use_memo(text, |t| highlight_lines(t))
    };
    let oninput = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_edit.emit(area.value());
        })
    };
    let onkeydown = {
        let on_edit = props.on_edit.clone();
        let on_run = props.on_run.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                on_run.emit(());
                return;
            }
            if e.key() != "Tab" || e.ctrl_key() || e.alt_key() || e.meta_key() {
                return;
            }
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            if let Some(text) = indent(&area, e.shift_key()) {
                e.prevent_default();
                on_edit.emit(text);
            }
        })
    };
    let err_line = props.error.as_ref().map(|e| e.line);
    let n = lines.len().max(1);
    let longest = props
        .text
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    // Sized to the text (plus a line and some columns of room) so the textarea never scrolls.
    let size = format!(
        "height: calc({} * var(--code-lh) + 2 * var(--code-pad)); width: max(100%, calc({}ch + 2 * var(--code-pad)));",
        n + 1,
        longest + 4
    );
    html! {
        <div class="editor-wrap">
            <label class="panel-title" for="script">
                { tr(lang, "Script", "脚本") }
                <span class="hint">{ tr(lang, "Tab indents · Ctrl+Enter runs", "Tab 缩进 · Ctrl+Enter 运行") }</span>
            </label>
            <div class={classes!("editor-box", err_line.is_some().then_some("has-error"))}>
                <pre class="gutter" aria-hidden="true">
                    { for (1..=n).map(|i| html! {
                        <span class={classes!((Some(i as u32) == err_line).then_some("err"))}>{ i }{ "\n" }</span>
                    }) }
                </pre>
                <div class="code-layers" style={size.clone()}>
                    <pre class="code hl" aria-hidden="true">
                        { for lines.iter().enumerate().map(|(i, segs)| {
                            let err = Some(i as u32 + 1) == err_line;
                            html! {
                                <span class={classes!("ln", err.then_some("err"))}>
                                    { for segs.iter().map(|s| if s.class.is_empty() {
                                        html! { { s.text.clone() } }
                                    } else {
                                        html! { <span class={s.class}>{ s.text.clone() }</span> }
                                    }) }
                                    { "\n" }
                                </span>
                            }
                        }) }
                    </pre>
                    <textarea id="script" class="code editor" data-testid="editor" spellcheck="false" readonly={props.readonly}
                        autocapitalize="off" autocomplete="off" wrap="off" style={size}
                        aria-label={tr(lang, "Python script", "Python 脚本")}
                        value={props.text.clone()} {oninput} {onkeydown} />
                </div>
            </div>
            if let Some(e) = &props.error {
                <p class="script-error" data-testid="script-error" role="alert">
                    <strong>{ match (lang, e.col) {
                        // Column 0: CPython pins the error on a line, not a character.
                        (Lang::En, 0) => format!("Line {}: ", e.line),
                        (Lang::Zh, 0) => format!("第 {} 行：", e.line),
                        (Lang::En, c) => format!("Line {}, column {c}: ", e.line),
                        (Lang::Zh, c) => format!("第 {} 行第 {c} 列：", e.line),
                    } }</strong>
                    { e.message.clone() }
                </p>
            }
        </div>
    }
}

/// Tab: four spaces at the caret (or before every selected line); Shift+Tab: remove up to
/// four spaces before each touched line. Returns the new text, caret already placed.
pub(crate) fn indent(area: &HtmlTextAreaElement, outdent: bool) -> Option<String> {
    let text = area.value();
    // Selection offsets are UTF-16 code units; convert to byte offsets.
    let to_byte = |u: u32| -> usize {
        let mut units = 0u32;
        for (b, c) in text.char_indices() {
            if units >= u {
                return b;
            }
            units += c.len_utf16() as u32;
        }
        text.len()
    };
    // Byte offset -> UTF-16 offset; an offset inside a character counts up to its start.
    let to_units = |b: usize, s: &str| -> u32 {
        let mut b = b.min(s.len());
        while !s.is_char_boundary(b) {
            b -= 1;
        }
        s[..b].encode_utf16().count() as u32
    };
    let start = to_byte(area.selection_start().ok()??);
    let end = to_byte(area.selection_end().ok()??);
    let (start, end) = (start.min(end), start.max(end));
    if !outdent && start == end {
        let mut out = String::with_capacity(text.len() + INDENT.len());
        out.push_str(&text[..start]);
        out.push_str(INDENT);
        out.push_str(&text[start..]);
        let caret = to_units(start + INDENT.len(), &out);
        area.set_value(&out);
        let _ = area.set_selection_range(caret, caret);
        return Some(out);
    }
    let first = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    let block_end = if end > start && text[..end].ends_with('\n') {
        end - 1
    } else {
        end
    };
    let rest_start = text[block_end..]
        .find('\n')
        .map_or(text.len(), |i| block_end + i);
    let mut delta_first: isize = 0;
    for (i, line) in text[first..rest_start].split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if outdent {
            let n = line.len() - line.trim_start_matches(' ').len();
            let n = n.min(INDENT.len());
            out.push_str(&line[n..]);
            if i == 0 {
                delta_first = -(n as isize);
            }
        } else {
            out.push_str(INDENT);
            out.push_str(line);
            if i == 0 {
                delta_first = INDENT.len() as isize;
            }
        }
    }
    let added = out.len() as isize - rest_start as isize;
    out.push_str(&text[rest_start..]);
    let new_start = (start as isize + delta_first).max(first as isize) as usize;
    let new_end = (end as isize + added).max(new_start as isize) as usize;
    let (a, b) = (to_units(new_start, &out), to_units(new_end, &out));
    area.set_value(&out);
    let _ = area.set_selection_range(a, b);
    Some(out)
}
