//! Golden tests: scripts under tests/lang run in-process must print exactly what CPython 3.11
//! printed (the *.out / *.err files were generated with `cd tests/lang && python3 x.py`).

use std::path::Path;

fn check(dir: &Path, name: &str) {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).expect("script");
    let out = loopscope::run_source(name, &text, &[]);
    let stem = name.trim_end_matches(".py");
    let want_out = std::fs::read_to_string(dir.join(format!("{stem}.out"))).unwrap_or_default();
    let want_err = std::fs::read_to_string(dir.join(format!("{stem}.err"))).unwrap_or_default();
    assert_eq!(out.stdout, want_out, "stdout of {name}");
    assert_eq!(no_addr(&out.stderr), no_addr(&want_err), "stderr of {name}");
    let uncaught = want_err.contains("Traceback (most recent call last)")
        && !want_err.contains("Exception ignored in");
    let want_code = if uncaught { 1 } else { 0 };
    assert_eq!(out.exit_code, want_code, "exit code of {name}");
}

/// Object addresses differ between runs of CPython: compare them as `0x?`.
fn no_addr(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i + 2]);
        out.push('?');
        rest = rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

fn lang_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lang")
}

macro_rules! golden {
    ($($test:ident => $file:expr,)*) => {
        $(
            #[test]
            fn $test() {
                check(&lang_dir(), $file);
            }
        )*
    };
}

golden! {
    expressions => "expressions.py",
    statements => "statements.py",
    functions => "functions.py",
    classes => "classes.py",
    exceptions => "exceptions.py",
    generators => "generators.py",
    coroutines => "coroutines.py",
    formatting => "formatting.py",
    traceback_simple => "traceback_simple.py",
    traceback_chain => "traceback_chain.py",
    traceback_generator => "traceback_generator.py",
    traceback_recursion => "traceback_recursion.py",
    traceback_keyerror => "traceback_keyerror.py",
    traceback_custom => "traceback_custom.py",
    gen_finalize => "gen_finalize.py",
    traceback_group => "traceback_group.py",
}

/// The generator-only conformance cases shared by the project (stdout only).
#[test]
fn conformance_generator_cases() {
    let dir = Path::new("/work/shared/conformance/cases");
    if !dir.exists() {
        return;
    }
    for case in [
        "01_gen_send_prime",
        "02_gen_return_value",
        "03_gen_yield_from_errors",
        "04_gen_pipeline",
        "05_mini_loop_tasks",
        "06_callback_hell",
    ] {
        let text = std::fs::read_to_string(dir.join(format!("{case}.py"))).expect("case");
        let want = std::fs::read_to_string(dir.join(format!("{case}.out"))).expect("out");
        let out = loopscope::run_source(&format!("{case}.py"), &text, &[]);
        assert_eq!(out.stdout, want, "stdout of {case}");
        assert_eq!(out.exit_code, 0, "exit code of {case}: {}", out.stderr);
    }
}

/// Deep recursion is a RecursionError, never a Rust stack overflow (also in debug builds).
#[test]
fn deep_recursion_is_a_recursion_error() {
    let out = loopscope::run_source(
        "r.py",
        "def f(n):\n    return f(n+1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print(e)\n",
        &[],
    );
    assert_eq!(out.stdout, "maximum recursion depth exceeded\n");
}

#[test]
fn argv_reaches_the_script() {
    let out = loopscope::run_source(
        "a.py",
        "import sys\nprint(sys.argv)\n",
        &["x".into(), "-y".into()],
    );
    assert_eq!(out.stdout, "['a.py', 'x', '-y']\n");
}

/// Freeing a deeply nested structure must not overflow the Rust stack.
#[test]
fn deeply_nested_values_drop_without_recursion() {
    let out = loopscope::run_source(
        "d.py",
        "a = []\nfor i in range(200000):\n    a = [a, (a,), {'k': a}]\nprint('built')\ndel a\nprint('freed')\n",
        &[],
    );
    assert_eq!(out.stdout, "built\nfreed\n");
}

/// Never-awaited coroutines warn on stderr like CPython (generated with python3).
#[test]
fn never_awaited_coroutine_warning() {
    let src = "async def f():\n    return 1\n\ndef g():\n    f()\n    print(\"after\")\n\ng()\nx = f()\ndel x\nprint(\"end\")\n";
    let out = loopscope::run_source("w.py", src, &[]);
    assert_eq!(out.stdout, "after\nend\n");
    assert_eq!(
        out.stderr,
        "w.py:5: RuntimeWarning: coroutine 'f' was never awaited\n  f()\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\nw.py:10: RuntimeWarning: coroutine 'f' was never awaited\n  del x\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
    );
}

#[test]
fn sets() {
    check(&lang_dir(), "sets.py");
}

/// Recursion through native code (here `repr` calling `__repr__`) is bounded: RecursionError,
/// not a Rust stack overflow, even on a small thread stack.
#[test]
fn native_recursion_is_bounded() {
    let src = "class A:\n    def __repr__(self):\n        return repr(A())\ntry:\n    repr(A())\nexcept RecursionError as e:\n    print('RecursionError', e)\n";
    let h = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || loopscope::run_source("n.py", src, &[]))
        .expect("thread");
    let out = h.join().expect("no stack overflow");
    assert_eq!(
        out.stdout,
        "RecursionError maximum recursion depth exceeded while calling a Python object\n"
    );
}
