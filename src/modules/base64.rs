//! `base64`: CPython 3.11.7's own `base64.py` (b64/urlsafe/b32/b16/a85/b85 codecs), run by
//! the VM on the native `binascii` and `struct`. Network examples encode payloads and auth
//! headers with it. The Python source is from CPython (PSF license).

use crate::vm::{PyModule, PyResult, Vm};
use std::rc::Rc;

pub fn init(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let text = fetched_py!("src/modules/base64.py").text(vm, "base64")?;
    super::pysource::load(vm, "base64", "/usr/lib/python3.11/base64.py", &text)
}
