//! Pure-Python modules of CPython 3.11.7's Lib that course scripts import, each copied verbatim
//! into src/modules/ and run by the VM (see `pysource`); all are in `FETCHED`, so the browser's
//! engine fetches one only when a script imports it. The Python sources are from CPython (PSF
//! license).
//!
//! Where CPython has a C accelerator with a pure-Python fallback, the fallback runs: `decimal`
//! imports `_pydecimal` (its `from _decimal import *` fails), `statistics` uses its own
//! `_normal_dist_inv_cdf`. `urllib` and `html` are packages (`urllib.parse`, `html.entities`).

use crate::vm::{PyModule, PyResult, Value, Vm};
use std::rc::Rc;

/// `fn $init`: the module `$name` from `$path`, named `$file` in tracebacks (CPython's path).
macro_rules! py_module {
    ($init:ident, $name:literal, $path:literal, $file:literal) => {
        fn $init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
            let text = fetched_py!($path).text(vm, $name)?;
            load(vm, $name, concat!("/usr/lib/python3.11/", $file), &text)
        }
    };
}

py_module!(
    init_numbers,
    "numbers",
    "src/modules/numbers.py",
    "numbers.py"
);
py_module!(
    init_fractions,
    "fractions",
    "src/modules/fractions.py",
    "fractions.py"
);
py_module!(
    init_decimal,
    "decimal",
    "src/modules/decimal.py",
    "decimal.py"
);

/// `_pydecimal`, what `decimal` runs where CPython has its C `_decimal`; two things made to
/// look like the C module, since CPython prints those: `Decimal` and `Context` are marked as
/// C types (messages say `decimal.Decimal`), and the one edited line (ending in
/// `# loopscope:`) raises a trapped signal with `_decimal`'s args, the list of the conditions
/// (`[<class 'decimal.DivisionByZero'>]`), where `_pydecimal` passes an explanation.
fn init_pydecimal(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/pydecimal.py").text(vm, "_pydecimal")?;
    let m = load(vm, "_pydecimal", "/usr/lib/python3.11/_pydecimal.py", &text)?;
    for name in ["Decimal", "Context"] {
        if let Some(Value::Type(t)) = m.dict.get_str(name) {
            t.mark_c_type();
        }
    }
    Ok(m)
}
py_module!(
    init_statistics,
    "statistics",
    "src/modules/statistics.py",
    "statistics.py"
);
py_module!(
    init_urllib_parse,
    "urllib.parse",
    "src/modules/urllib_parse.py",
    "urllib/parse.py"
);
py_module!(
    init_ipaddress,
    "ipaddress",
    "src/modules/ipaddress.py",
    "ipaddress.py"
);
py_module!(
    init_html_entities,
    "html.entities",
    "src/modules/html_entities.py",
    "html/entities.py"
);
py_module!(
    init_reprlib,
    "reprlib",
    "src/modules/reprlib.py",
    "reprlib.py"
);
py_module!(
    init_keyword,
    "keyword",
    "src/modules/keyword.py",
    "keyword.py"
);
py_module!(
    init_graphlib,
    "graphlib",
    "src/modules/graphlib.py",
    "graphlib.py"
);
py_module!(init_shlex, "shlex", "src/modules/shlex.py", "shlex.py");
py_module!(
    init_fnmatch,
    "fnmatch",
    "src/modules/fnmatch.py",
    "fnmatch.py"
);
py_module!(init_timeit, "timeit", "src/modules/timeit.py", "timeit.py");

pub fn register(vm: &mut Vm) {
    vm.register_module("numbers", init_numbers);
    vm.register_module("fractions", init_fractions);
    vm.register_module("decimal", init_decimal);
    vm.register_module("_pydecimal", init_pydecimal);
    vm.register_module("statistics", init_statistics);
    vm.register_module("urllib", init_urllib);
    vm.register_module("urllib.parse", init_urllib_parse);
    vm.register_module("ipaddress", init_ipaddress);
    vm.register_module("html", init_html);
    vm.register_module("html.entities", init_html_entities);
    vm.register_module("reprlib", init_reprlib);
    vm.register_module("keyword", init_keyword);
    vm.register_module("graphlib", init_graphlib);
    vm.register_module("shlex", init_shlex);
    vm.register_module("fnmatch", init_fnmatch);
    vm.register_module("timeit", init_timeit);
    vm.register_module("errno", super::errno::init);
    vm.register_module("_signal", super::signal::init);
    vm.register_module("signal", init_signal);
}

fn load(vm: &mut Vm, name: &str, file: &str, text: &str) -> PyResult<Rc<PyModule>> {
    let package = name.rsplit_once('.').map_or("", |(p, _)| p);
    super::pysource::load_with(
        vm,
        name,
        file,
        text,
        &[("__package__", Value::str(package))],
    )
}

/// A package's module, in `sys.modules` while its body runs (as CPython's import does).
fn package(vm: &mut Vm, name: &str, text: &str) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module(name);
    m.dict.set_str("__package__", Value::str(name));
    let dir = format!("/usr/lib/python3.11/{name}");
    m.dict
        .set_str("__path__", Value::list(vec![Value::str(&dir)]));
    super::pysource::exec_registered(vm, m, &format!("{dir}/__init__.py"), text)
}

/// `urllib`: CPython's `urllib/__init__.py` is empty; `urllib.parse` is the submodule here
/// (`request` and friends need sockets and files a script in the browser does not have).
fn init_urllib(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    package(vm, "urllib", "")
}

/// `html`: escape/unescape, with `html.entities` (its `html5` table) imported by the body.
fn init_html(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/html.py").text(vm, "html")?;
    package(vm, "html", &text)
}

/// `signal`: CPython's signal.py over the native `_signal` (signal.rs). Its body makes the
/// `Signals`/`Handlers` enums with `IntEnum._convert_`, which reads the module through
/// `sys.modules`, so the module is there while the body runs (as CPython's import has it).
fn init_signal(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/signal.py").text(vm, "signal")?;
    let m = vm.new_module("signal");
    m.dict.set_str("__package__", Value::str(""));
    super::pysource::exec_registered(vm, m, "/usr/lib/python3.11/signal.py", &text)
}
