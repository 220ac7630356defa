# loopscope: the part of CPython 3.11's `platform` that the simulated process can answer
# without the operating system: it is CPython 3.11.7 on x86-64 Linux (as `sys.platform`
# says). `uuid` asks `platform.system()` at import.


def system():
    return 'Linux'


def machine():
    return 'x86_64'


def python_implementation():
    return 'CPython'


def python_version():
    return '3.11.7'


def python_version_tuple():
    return ('3', '11', '7')
