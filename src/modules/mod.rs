//! The modules scripts can import (time, random, heapq, collections, ...).
//!
//! Each module is a `fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>>` registered by name in
//! `register_modules`; it is created on first import.

pub mod abc;
pub mod base64;
pub mod binascii;
pub mod bisect;
pub mod bytes_methods;
pub mod collections;
pub mod contextlib;
pub mod contextvars;
pub mod copy;
pub mod dataclasses;
pub mod datetime;
pub mod enum_;
pub mod errno;
pub mod fetched;
// Shared with build.rs, which alone names the served files.
#[allow(dead_code)]
mod fetched_files;
pub mod functools;
pub mod gc;
pub mod greenlet;
pub mod hashlib;
pub mod heapq;
pub mod inspect;
pub mod itertools;
pub mod json;
pub mod logging;
pub mod math;
pub mod operator;
pub mod pysource;
pub mod random;
pub mod random_mt;
pub mod signal;
pub mod sre;
pub mod stdlib;
pub mod string;
pub mod struct_;
pub mod sys;
pub mod textwrap;
pub mod threading;
pub mod time;
pub mod traceback;
pub mod types;
pub mod typing;
pub mod util;
pub mod uuid;
pub mod vm_patches;
pub mod weakref;

use crate::vm::Vm;

/// Register every native module with the VM.
pub fn register_modules(vm: &mut Vm) {
    vm.register_module("sys", sys::init);
    vm.register_module("time", time::init);
    vm.register_module("types", types::init);
    vm.register_module("functools", functools::init);
    vm.register_module("heapq", heapq::init);
    vm.register_module("itertools", itertools::init);
    vm.register_module("random", random::init);
    vm.register_module("collections", collections::init);
    vm.register_module("collections.abc", collections::init_abc);
    vm.register_module("_collections_abc", collections::init_private_abc);
    vm.register_module("operator", operator::init);
    vm.register_module("math", math::init);
    vm.register_module("contextlib", contextlib::init);
    vm.register_module("string", string::init);
    vm.register_module("_string", string::init_c);
    vm.register_module("textwrap", textwrap::init);
    vm.register_module("copy", copy::init);
    vm.register_module("json", json::init);
    vm.register_module("typing", typing::init);
    vm.register_module("abc", abc::init);
    vm.register_module("bisect", bisect::init);
    vm.register_module("greenlet", greenlet::init);
    vm.register_module("traceback", traceback::init);
    vm.register_module("inspect", inspect::init);
    vm.register_module("gc", gc::init);
    vm.register_module("dataclasses", dataclasses::init);
    vm.register_module("datetime", datetime::init);
    vm.register_module("contextvars", contextvars::init);
    vm.register_module("enum", enum_::init);
    vm.register_module("struct", struct_::init);
    vm.register_module("binascii", binascii::init);
    vm.register_module("zlib", binascii::init_zlib);
    vm.register_module("base64", base64::init);
    vm.register_module("hashlib", hashlib::init);
    vm.register_module("_hashlib", hashlib::init_c);
    vm.register_module("uuid", uuid::init);
    vm.register_module("platform", uuid::init_platform);
    logging::register(vm);
    sre::register(vm);
    threading::register(vm);
    crate::net::register(vm);
    vm_patches::register(vm);
    bytes_methods::register(vm);
    stdlib::register(vm);
}
