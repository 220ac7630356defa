//! `logging`: CPython 3.11.7's own `Lib/logging/__init__.py` run by the VM (the five lines
//! that differ end in `# loopscope:` and say why), and the small modules it imports that
//! loopscope did not have: `os` (with `os.path`), `io` (StringIO), `warnings`, `atexit`
//! (weakref.rs has `weakref`). Each is the part of CPython's module a process without files,
//! environment or other processes can honestly have; what is missing raises AttributeError.
//!
//! `threading` is the exception: logging gets `_logging_threading`, which hands over to the
//! real module only once the script imports `_thread` (logging_threading.py says why).
//! The Python sources are from CPython (PSF license).

use crate::vm::{PyModule, PyResult, Value, Vm};
use std::rc::Rc;

pub fn register(vm: &mut Vm) {
    vm.register_module("logging", init_logging);
    vm.register_module("_logging_threading", init_threading_shim);
    vm.register_module("os", init_os);
    vm.register_module("os.path", init_os_path);
    vm.register_module("posixpath", init_posixpath);
    vm.register_module("io", init_io);
    vm.register_module("warnings", init_warnings);
    vm.register_module("atexit", init_atexit);
    vm.register_module("weakref", super::weakref::init);
    vm.register_module("pprint", init_pprint);
}

/// `pprint`: CPython 3.11.7's pprint.py (it needs io.StringIO, hence here); pprint.py says
/// which lines differ (types and collections loopscope lacks).
fn init_pprint(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/pprint.py").text(vm, "pprint")?;
    load(vm, "pprint", "<loopscope>/pprint.py", &text)
}

fn init_logging(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/logging.py").text(vm, "logging")?;
    // A package in CPython: `logging.config` and `logging.handlers` are not here.
    let m = vm.new_module("logging");
    // handleError() compares frames' directories with `__path__[0]`.
    m.dict.set_str(
        "__path__",
        Value::list(vec![Value::str("<loopscope>/logging")]),
    );
    m.dict.set_str("__package__", Value::str("logging"));
    let m = super::pysource::exec_registered(vm, m, "<loopscope>/logging/__init__.py", &text)?;
    asyncio_loggers(vm)?;
    Ok(m)
}

/// The loggers CPython's asyncio creates when it imports (`concurrent.futures`, then
/// `asyncio`), made once a script has both asyncio and logging: `loggerDict` lists them, and
/// `getLogger("asyncio")` finds its level where asyncio's messages look for it.
pub fn asyncio_loggers(vm: &mut Vm) -> PyResult<()> {
    let (Some(Value::Module(logging)), Some(Value::Module(_))) =
        (vm.modules.get_str("logging"), vm.modules.get_str("asyncio"))
    else {
        return Ok(());
    };
    let get_logger = logging.dict.get_str("getLogger").unwrap_or(Value::None);
    for name in ["concurrent.futures", "asyncio"] {
        vm.call(&get_logger, &[Value::str(name)], &[])?;
    }
    Ok(())
}

fn load(vm: &mut Vm, name: &str, file: &str, text: &str) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module(name);
    // In sys.modules while it runs: `os` and `posixpath` import each other.
    super::pysource::exec_registered(vm, m, file, text)
}

fn init_threading_shim(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/logging_threading.py").text(vm, "_logging_threading")?;
    super::pysource::load_with(
        vm,
        "_logging_threading",
        "<loopscope>/_logging_threading.py",
        &text,
        &[(
            "_MAIN_IDENT",
            Value::Int(crate::runtime::threads::MAIN_IDENT),
        )],
    )
}

fn init_os(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/os.py").text(vm, "os")?;
    load(vm, "os", "<loopscope>/os.py", &text)
}

fn init_os_path(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    vm.import("os", true)?;
    match vm.import("posixpath", true)? {
        Value::Module(m) => Ok(m),
        _ => Err(vm.new_error(crate::vm::ExcKind::ImportError, "os.path did not import")),
    }
}

fn init_posixpath(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/posixpath.py").text(vm, "posixpath")?;
    load(vm, "posixpath", "<loopscope>/posixpath.py", &text)
}

fn init_io(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/io.py").text(vm, "io")?;
    load(vm, "io", "<loopscope>/io.py", &text)
}

fn init_warnings(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/warnings.py").text(vm, "warnings")?;
    load(vm, "warnings", "<loopscope>/warnings.py", &text)
}

fn init_atexit(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/atexit.py").text(vm, "atexit")?;
    load(vm, "atexit", "<loopscope>/atexit.py", &text)
}
