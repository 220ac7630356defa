//! Golden tests for the native modules (random, collections, heapq, itertools, functools, math,
//! contextlib, ...): each `tests/modules/*.py` must print exactly what CPython 3.11 printed
//! (`*.out` generated with `cd tests/modules && TZ=UTC python3 x.py > x.out`: a loopscope run
//! has no time zone, its local time is UTC).

use std::path::Path;

fn check(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/modules");
    let text = std::fs::read_to_string(dir.join(name)).expect("script");
    let want =
        std::fs::read_to_string(dir.join(name.replace(".py", ".out"))).expect("expected output");
    let out = loopscope::run_source(name, &text, &[]);
    assert_eq!(out.stdout, want, "stdout of {name}; stderr: {}", out.stderr);
    assert_eq!(out.exit_code, 0, "exit code of {name}: {}", out.stderr);
}

macro_rules! golden {
    ($($test:ident => $file:expr,)*) => {
        $(
            #[test]
            fn $test() {
                check($file);
            }
        )*

        /// A script added to tests/modules but not to the list would never run.
        #[test]
        fn every_module_script_is_listed() {
            let listed = [$($file),*];
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/modules");
            for entry in std::fs::read_dir(dir).expect("tests/modules") {
                let name = entry.expect("entry").file_name().to_string_lossy().to_string();
                if name.ends_with(".py") {
                    assert!(listed.contains(&name.as_str()), "{name} is not in golden!{{}}");
                }
            }
        }
    };
}

golden! {
    random_mod => "random_mod.py",
    collections_mod => "collections_mod.py",
    collections2_mod => "collections2_mod.py",
    heapq_mod => "heapq_mod.py",
    itertools_mod => "itertools_mod.py",
    operator_mod => "operator_mod.py",
    functools_mod => "functools_mod.py",
    math_mod => "math_mod.py",
    contextlib_mod => "contextlib_mod.py",
    copy_string_mod => "copy_string_mod.py",
    json_mod => "json_mod.py",
    typing_mod => "typing_mod.py",
    fuzz_mod => "fuzz_mod.py",
    abc_mod => "abc_mod.py",
    bisect_mod => "bisect_mod.py",
    textwrap_mod => "textwrap_mod.py",
    course_mix_mod => "course_mix_mod.py",
    chainmap_mod => "chainmap_mod.py",
    singledispatch_mod => "singledispatch_mod.py",
    greenlet_demo => "greenlet_demo.py",
    time_mod => "time_mod.py",
    datetime_mod => "datetime_mod.py",
    collections_abc_mod => "collections_abc_mod.py",
    re_mod => "re_mod.py",
    re_engine_mod => "re_engine_mod.py",
    re_errors_mod => "re_errors_mod.py",
    re_crawler_mod => "re_crawler_mod.py",
    re_unicode_mod => "re_unicode_mod.py",
    string_template_mod => "string_template_mod.py",
}
