//! `traceback`: the formatting half of CPython's module (format_exc, print_exc,
//! format_exception, print_exception, format_exception_only), drawn by the same renderer
//! that prints uncaught exceptions, so the frames, the 3.11 `^^^^` markers, chains, groups
//! and notes are CPython's. The frame-list half (extract_tb, format_stack, FrameSummary,
//! StackSummary, ...) is traceback.py's code over entries the renderer describes
//! (`_tb_entries`, `_stack_entries`), so each entry prints as in an uncaught traceback.

use super::util::arg;
use crate::vm::exceptions::TbEntry;
use crate::vm::frame_obj::FrameState;
use crate::vm::object::NativeData;
use crate::vm::{Exc, KwArgs, PyModule, PyResult, Stream, Value, Vm};
use std::rc::Rc;

/// Where traceback.py's own frames come from: `extract_stack()` leaves them out.
const FILENAME: &str = "<loopscope>/traceback.py";

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/traceback.py").text(vm, "traceback")?;
    let m = vm.new_module("traceback");
    vm.module_add_fn(&m, "format_exc", format_exc);
    vm.module_add_fn(&m, "print_exc", print_exc);
    vm.module_add_fn(&m, "format_exception", format_exception);
    vm.module_add_fn(&m, "print_exception", print_exception);
    vm.module_add_fn(&m, "format_exception_only", format_exception_only);
    vm.module_add_fn(&m, "_tb_entries", tb_entries);
    vm.module_add_fn(&m, "_stack_entries", stack_entries);
    vm.module_add_fn(&m, "_source_line", source_line);
    super::pysource::exec_into(vm, &m, FILENAME, &text)?;
    Ok(m)
}

/// `(filename, lineno, name, line, text)` per entry, outermost first; `text` is the entry as
/// the uncaught-exception traceback prints it.
fn summaries(vm: &Vm, entries: &[TbEntry], carets: bool) -> Value {
    Value::list(entries.iter().map(|e| summary(vm, e, carets)).collect())
}

fn summary(vm: &Vm, e: &TbEntry, carets: bool) -> Value {
    let (file, lineno, line, text) = vm.with_python_tracebacks(|vm| vm.frame_summary(e, carets));
    Value::tuple(vec![
        Value::string(file),
        Value::Int(i64::from(lineno)),
        Value::str(&e.code.co.name),
        Value::string(line),
        Value::string(text),
    ])
}

/// The summary of a frame CPython has and loopscope runs natively (`_run_once` and
/// `Handle._run` when the loop's hot path is Rust), so a stack reads as under CPython.
fn made_up(file: &str, line: i64, name: &str, text: &str) -> Value {
    Value::tuple(vec![
        Value::str(file),
        Value::Int(line),
        Value::str(name),
        Value::str(text),
        Value::string(format!(
            "  File \"{file}\", line {line}, in {name}\n    {text}\n"
        )),
    ])
}

/// The frames `vm.frames[..upto]` as CPython's stack has them, outermost first: without
/// traceback.py's own and those CPython runs in C, with the asyncio loop's frames that are
/// native here (in a traced run the Python `_run_once` runs instead, and the stack is the same).
fn stack_summaries(vm: &Vm, upto: usize) -> Vec<Value> {
    const EVENTS: &str = "<loopscope>/asyncio/events.py";
    let mut out = Vec::new();
    let frames: Vec<&crate::vm::frame::Frame> = vm.frames[..upto]
        .iter()
        .map(|f| &**f)
        .filter(|f| !vm.runs_in_c(&f.code) && &*f.code.co.filename != FILENAME)
        .collect();
    for (k, f) in frames.iter().enumerate() {
        let e = TbEntry::of_frame(f);
        let item = summary(vm, &e, false);
        let site = vm.frame_summary(&e, false);
        out.push(item);
        let Some(next) = frames.get(k + 1) else {
            continue;
        };
        let next_name = &*next.code.co.name;
        let asyncio_file = |n: &str| site.0 == format!("<loopscope>/asyncio/{n}");
        if asyncio_file("base_events.py") && site.1 == 607 && next_name != "_run_once" {
            out.push(made_up(
                "<loopscope>/asyncio/base_events.py",
                1922,
                "_run_once",
                "handle._run()",
            ));
        }
        if (asyncio_file("base_events.py") && (site.1 == 607 || site.1 == 1922))
            && next_name != "_run"
            && next_name != "_run_once"
        {
            out.push(made_up(
                EVENTS,
                80,
                "_run",
                "self._context.run(self._callback, *self._args)",
            ));
        }
    }
    out
}

/// `_source_line(filename, lineno)`: what linecache would give for a file loopscope has the
/// source of (the scripts it runs, its own modules), '' for any other.
fn source_line(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (Some(Value::Str(file)), Some(Value::Int(line))) = (args.first(), args.get(1)) else {
        return Ok(Value::str(""));
    };
    let text = u32::try_from(*line)
        .ok()
        .and_then(|l| vm.sources.get(&*file.s)?.line_text(l));
    Ok(Value::str(text.unwrap_or("")))
}

/// `_tb_entries(tb)`: the traceback's entries with their column positions (3.11's
/// `extract_tb` keeps them, so its frames draw carets).
fn tb_entries(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let entries: Vec<TbEntry> = match args.first() {
        Some(Value::Native(n)) => match &n.data {
            NativeData::Traceback(t) => t.entries.iter().rev().cloned().collect(),
            _ => return Err(vm.type_error("expected a traceback")),
        },
        Some(Value::None) | None => Vec::new(),
        Some(_) => return Err(vm.type_error("expected a traceback")),
    };
    Ok(summaries(vm, &entries, true))
}

/// `_stack_entries(f)`: frame `f` and its callers, outermost first; with None, the running
/// frames but traceback.py's own. Frames CPython runs in C are absent.
fn stack_entries(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let entry = TbEntry::of_frame;
    let live =
        |vm: &Vm, upto: usize| -> PyResult<Value> { Ok(Value::list(stack_summaries(vm, upto))) };
    let entries = match args.first() {
        Some(Value::None) | None => return live(vm, vm.frames.len()),
        Some(Value::Native(n)) => match &n.data {
            NativeData::Frame(fo) => match &fo.state {
                FrameState::Gen(g) => {
                    match vm
                        .frames
                        .iter()
                        .position(|f| f.gen.as_ref().is_some_and(|x| Rc::ptr_eq(x, g)))
                    {
                        Some(i) => return live(vm, i + 1),
                        None => g
                            .frame
                            .borrow()
                            .iter()
                            .map(|f| entry(f))
                            .collect::<Vec<_>>(),
                    }
                }
                FrameState::Captured {
                    index, lasti, back, ..
                } => {
                    let running = vm.frames.get(*index).is_some_and(|f| {
                        Rc::ptr_eq(&f.code, &fo.code) && Rc::ptr_eq(&f.globals, &fo.globals)
                    });
                    if running {
                        return live(vm, index + 1);
                    }
                    // A frame that has returned keeps its callers as they were then.
                    let callers = match back {
                        Value::None => Value::list(Vec::new()),
                        b => stack_entries(vm, std::slice::from_ref(b), _kw)?,
                    };
                    let own = summary(
                        vm,
                        &TbEntry::new(
                            fo.code.clone(),
                            u32::try_from(*lasti / 2).unwrap_or(u32::MAX),
                            0,
                        ),
                        false,
                    );
                    let mut items = match &callers {
                        Value::List(l) => l.items.borrow().clone(),
                        _ => Vec::new(),
                    };
                    items.push(own);
                    return Ok(Value::list(items));
                }
            },
            _ => return Err(vm.type_error("expected a frame")),
        },
        Some(_) => return Err(vm.type_error("expected a frame")),
    };
    Ok(summaries(vm, &entries, false))
}

/// The exception a `format_exception(exc)` / `(type, value, tb)` call names.
fn exc_arg(vm: &Vm, args: &[Value], kw: &KwArgs, func: &str) -> PyResult<Option<Exc>> {
    let first = arg(args, kw, 0, "exc");
    let value = arg(args, kw, 1, "value");
    // The old three-argument form passes (type, value, tb): the value is the exception.
    let chosen = match (&first, &value) {
        (Some(Value::Type(_)), Some(v)) | (Some(Value::None), Some(v)) => v.clone(),
        (Some(v), _) => v.clone(),
        (None, _) => {
            return Err(vm.type_error(format!(
                "{func}() missing 1 required positional argument: 'exc'"
            )))
        }
    };
    match chosen {
        Value::None => Ok(None),
        Value::Instance(i) if i.exc().is_some() => Ok(Some(i)),
        other => Err(vm.type_error(format!(
            "Exception expected for value, {} found",
            vm.type_name(&other)
        ))),
    }
}

/// CPython's list items: one per header, per frame (its `File` line with the code and
/// markers below it) and per line of the exception's own text; joined they are the text.
fn split_chunks(text: &str) -> Value {
    let mut chunks: Vec<String> = Vec::new();
    for line in text.split_inclusive('\n') {
        let continues_frame = line.starts_with("    ") && !line.trim().is_empty();
        match chunks.last_mut() {
            Some(last) if continues_frame && last.starts_with("  File ") => last.push_str(line),
            // The blank-line-framed "During handling ..." separator is one item in CPython.
            Some(last) if last == "\n" && !line.starts_with("Traceback") => last.push_str(line),
            Some(last) if last.starts_with("\nDuring") || last.starts_with("\nThe above") => {
                if line == "\n" {
                    last.push_str(line)
                } else {
                    chunks.push(line.to_string())
                }
            }
            _ => chunks.push(line.to_string()),
        }
    }
    Value::list(chunks.into_iter().map(Value::string).collect())
}

fn none_text() -> String {
    "NoneType: None\n".to_string()
}

/// What format_exc/print_exc show: the exception being handled, or CPython's "None" line.
fn handled_text(vm: &mut Vm) -> String {
    match vm.handled_exception() {
        Some(e) => vm.format_exception_by_python(&e),
        None => none_text(),
    }
}

fn format_exc(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::string(handled_text(vm)))
}

/// Write to `file=` (anything with `write`) or to stderr.
fn emit(vm: &mut Vm, file: Option<Value>, text: String) -> PyResult<Value> {
    match file {
        Some(f) if !matches!(f, Value::None) => {
            let write = vm.getattr_str(&f, "write")?;
            vm.call(&write, &[Value::string(text)], &[])?;
        }
        _ => vm.out.write(Stream::Stderr, &text),
    }
    Ok(Value::None)
}

fn print_exc(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let text = handled_text(vm);
    emit(vm, arg(args, kw, 1, "file"), text)
}

fn format_exception(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let text = match exc_arg(vm, args, kw, "format_exception")? {
        Some(e) => vm.format_exception_by_python(&e),
        None => none_text(),
    };
    Ok(split_chunks(&text))
}

fn print_exception(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let text = match exc_arg(vm, args, kw, "print_exception")? {
        Some(e) => vm.format_exception_by_python(&e),
        None => none_text(),
    };
    // (exc, /, value, tb, limit, file, chain): file is the 5th positional slot.
    emit(vm, arg(args, kw, 4, "file"), text)
}

fn format_exception_only(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let text = match exc_arg(vm, args, kw, "format_exception_only")? {
        Some(e) => vm.exc_only(&e),
        None => none_text(),
    };
    Ok(Value::list(
        text.split_inclusive('\n')
            .map(|l| Value::string(l.to_string()))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use crate::vm::Vm;
    use crate::CaptureSink;

    fn run(src: &str) -> String {
        let sink = CaptureSink::default();
        let mut vm = Vm::new();
        vm.out = Box::new(sink.clone());
        let _ = vm.exec_main("t.py", src);
        let out = sink.out.borrow().clone();
        out
    }

    #[test]
    fn format_exc_outside_a_handler_is_none() {
        assert_eq!(
            run("import traceback\nprint(traceback.format_exc(), end='')\n"),
            "NoneType: None\n"
        );
    }

    #[test]
    fn exception_only_lists_the_message_then_each_note() {
        let out = run("import traceback\ne = ValueError('bad')\ne.add_note('n1')\nprint(traceback.format_exception_only(e))\n");
        assert_eq!(out, "['ValueError: bad\\n', 'n1\\n']\n");
    }
}
