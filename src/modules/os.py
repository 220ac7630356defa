# The part of CPython 3.11's `os` (Lib/os.py, PSF license) that loopscope's simulated process
# has: names, path helpers (`os.path` is posixpath.py) and fspath. It has no file system, no
# environment and no other processes: what needs them is absent, so a script that uses it gets
# AttributeError, not an answer that differs from CPython's.

import abc
import sys
import posixpath as path

name = 'posix'
linesep = '\n'
# As CPython's os.py: the path constants are the path module's.
from posixpath import (curdir, pardir, sep, pathsep, defpath, extsep, altsep,
    devnull)

sys.modules['os.path'] = path

# The simulated process starts with an empty environment.
environ = {}


def getenv(key, default=None):
    return environ.get(key, default)


def getpid():
    # One process, always the same number (CPython's differs from run to run anyway).
    return 4242


# The simulated process's entropy: a generator of its own (the `random` module's stays as the
# script left it), seeded the same every run, so uuid4() repeats as the rest of a run does.
_entropy = None


def urandom(size, /):
    global _entropy
    if _entropy is None:
        import random
        _entropy = random.Random(0x5EED)
    return _entropy.randbytes(size)


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path

    # Work from the object's type to match method resolution of other magic
    # methods.
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, '__fspath__'):
            raise
        else:
            raise TypeError("expected str, bytes or os.PathLike object, "
                            "not " + path_type.__name__)
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    else:
        raise TypeError("expected {}.__fspath__() to return str or bytes, "
                        "not {}".format(path_type.__name__,
                                        type(path_repr).__name__))


class PathLike(abc.ABC):

    """Abstract base class for implementing the file system path protocol."""

    @abc.abstractmethod
    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, '__fspath__')
        return NotImplemented
