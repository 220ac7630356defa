# loopscope: the core of CPython 3.11's enum (Enum, auto, unique, EnumType, ReprEnum, IntEnum,
# StrEnum, Flag, IntFlag), written for the VM. Members are instances of the enum class stored
# in its dict; lookups by value and name go through the metaclass, as in CPython. A member of
# an enum with a data type (int, str) is made by that type's __new__, so it is an int or str.
# Flag keeps CPython's default boundary for each class (Flag: STRICT for values, IntFlag: KEEP).

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'ReprEnum', 'IntEnum', 'StrEnum', 'Flag',
           'IntFlag', 'auto', 'unique']


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return f'auto({self.value!r})'


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1:2] != '_' and name[-2:-1] != '_')


def _is_private(cls_name, name):
    pattern = f'_{cls_name}__'
    return (len(name) > len(pattern) and name.startswith(pattern)
            and not name.endswith('_'))


def _is_descriptor(obj):
    return (callable(obj) or isinstance(obj, (property, staticmethod, classmethod))
            or hasattr(obj, '__get__') or hasattr(obj, '__set__')
            or hasattr(obj, '__delete__'))


_enum_base_defined = False


class EnumType(type):

    def __new__(metacls, cls, bases, classdict, **kwds):
        if _enum_base_defined:
            for base in bases:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError(f'<enum {cls!r}> cannot extend {base!r}')
        member_names = []
        for key, value in classdict.items():
            if (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                    or _is_descriptor(value) or isinstance(value, type)):
                continue
            member_names.append(key)
        values = {}
        for key in member_names:
            values[key] = classdict.pop(key)
        classdict['_member_names_'] = []
        classdict['_member_map_'] = {}
        classdict['_value2member_map_'] = {}
        enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
        member_type = object
        for base in enum_class.__mro__[1:]:
            if base is object or isinstance(base, EnumType):
                continue
            member_type = base
            break
        enum_class._member_type_ = member_type
        # The data type's repr/str/format must not win over the enum's (int comes before Enum
        # in IntEnum's mro), unless the class itself defines them.
        first_enum = bases[-1] if bases and isinstance(bases[-1], EnumType) else None
        if first_enum is not None and member_type is not object:
            for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
                enum_method = getattr(first_enum, name, None)
                if name not in classdict and enum_method is not None:
                    found_method = getattr(enum_class, name, None)
                    if found_method in (getattr(member_type, name, None),
                                        getattr(object, name, None)):
                        type.__setattr__(enum_class, name, enum_method)
        # ReprEnum (IntEnum, StrEnum, IntFlag): str() and format() are the data type's.
        repr_enum = globals().get('ReprEnum')
        if repr_enum is not None and repr_enum in bases and member_type is not object:
            if '__format__' not in classdict:
                type.__setattr__(enum_class, '__format__', member_type.__format__)
            if '__str__' not in classdict:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                type.__setattr__(enum_class, '__str__', method)
        last_values = []
        for name in member_names:
            value = values[name]
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = enum_class._generate_next_value_(
                        name, 1, len(enum_class._member_names_), last_values[:])
                value = value.value
            enum_class._add_member_(name, value)
            last_values.append(value)
        flag = globals().get('Flag')
        if flag is not None and issubclass(enum_class, flag):
            # int's operators come before Flag's in IntFlag's mro.
            for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__',
                         '__invert__'):
                if name not in classdict:
                    type.__setattr__(enum_class, name, getattr(flag, name))
            mask = 0
            for m in enum_class._member_map_.values():
                if isinstance(m._value_, int):
                    mask |= m._value_
            enum_class._flag_mask_ = mask
            values = [enum_class._member_map_[n]._value_ for n in enum_class._member_names_]
            enum_class._by_def_ = values != sorted(values)
        return enum_class

    def _add_member_(cls, name, value):
        for canonical in cls._member_map_.values():
            if canonical._value_ == value:
                cls._member_map_[name] = canonical
                type.__setattr__(cls, name, canonical)
                return
        member_type = cls._member_type_
        if member_type is object:
            member = object.__new__(cls)
        else:
            args = value if isinstance(value, tuple) else (value,)
            member = member_type.__new__(cls, *args)
            if cls.__dict__.get('__init__') is None:
                value = member_type(*args)
        member._name_ = name
        member._value_ = value
        init = cls.__dict__.get('__init__')
        if init is None:
            for base in cls.__mro__[1:]:
                if isinstance(base, EnumType) and base.__module__ == 'enum' or base is object:
                    break
                if base is member_type:
                    break
                init = base.__dict__.get('__init__')
                if init is not None:
                    break
        if init is not None:
            args = value if isinstance(value, tuple) else (value,)
            init(member, *args)
        cls._member_names_.append(name)
        cls._member_map_[name] = member
        try:
            cls._value2member_map_[value] = member
        except TypeError:
            pass
        type.__setattr__(cls, name, member)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is None:
            return cls._lookup_value_(value)
        return cls._create_(value, names, module=module, start=start)

    def _lookup_value_(cls, value):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError(f'error in {cls.__name__}._missing_: returned {result!r} '
                            f'instead of None or a valid member')
        raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')

    def _create_(cls, class_name, names, module=None, start=1):
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        names = list(names)
        classdict = {}
        if names and isinstance(names[0], str):
            last_values = []
            for count, name in enumerate(names):
                value = cls._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                classdict[name] = value
        else:
            for item in names:
                if isinstance(item, str):
                    classdict[item] = names[item]
                else:
                    classdict[item[0]] = item[1]
        if module is not None:
            classdict['__module__'] = module
        return EnumType.__new__(EnumType, class_name, (cls,), classdict)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __bool__(cls):
        return True

    def __repr__(cls):
        flag = globals().get('Flag')
        if flag is not None and issubclass(cls, flag):
            return f'<flag {cls.__name__!r}>'
        return f'<enum {cls.__name__!r}>'

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError(f'cannot reassign member {name!r}')
        super().__setattr__(name, value)

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError(f'{cls.__name__!r} cannot delete member {attr!r}.')
        super().__delattr__(attr)


EnumMeta = EnumType


class Enum(metaclass=EnumType):

    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _convert_(cls, name, module, filter, source=None, *, boundary=None, as_global=False):
        # CPython's (enum.py:880), by the functional API: `signal` makes its enums with it.
        import sys
        module_globals = sys.modules[module].__dict__
        source = source.__dict__ if source else module_globals
        members = [(n, v) for n, v in source.items() if filter(n)]
        try:
            members.sort(key=lambda t: (t[1], t[0]))
        except TypeError:
            members.sort(key=lambda t: t[0])
        cls = cls._create_(name, members, module=module)
        sys.modules[cls.__module__].__dict__.update(cls.__members__)
        module_globals[name] = cls
        return cls

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return f'<{self.__class__.__name__}.{self._name_}: {self._value_!r}>'

    def __str__(self):
        return f'{self.__class__.__name__}.{self._name_}'

    def __format__(self, format_spec):
        return format(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


_enum_base_defined = True
Enum._generate_next_value_ = staticmethod(Enum.__dict__['_generate_next_value_'])


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        alias_details = ', '.join([f'{alias} -> {name}' for (alias, name) in duplicates])
        raise ValueError(f'duplicate values found in {enumeration!r}: {alias_details}')
    return enumeration


def _simple_enum(etype=Enum, *, boundary=None, use_args=None):
    # CPython's builds the members without the metaclass (a start-up speed-up for the
    # stdlib's own enums, uuid.SafeUUID among them); EnumType over the same body makes the
    # same enum.
    def convert_class(cls):
        body = {k: v for k, v in cls.__dict__.items() if k not in ('__dict__', '__weakref__')}
        return EnumType(cls.__name__, (etype,), body)
    return convert_class


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints"""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings"""

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


StrEnum._generate_next_value_ = staticmethod(StrEnum.__dict__['_generate_next_value_'])


def _bin(num, max_bits=None):
    # enum.bin of CPython: two's complement with the sign bit set apart ("0b0 0111").
    ceiling = 2 ** (num).bit_length()
    if num >= 0:
        s = bin(num + ceiling).replace('1', '0', 1)
    else:
        s = bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None:
        if len(digits) < max_bits:
            digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


def _iter_bits_lsb(num):
    while num:
        b = num & (~num + 1)
        yield b
        num ^= b


class Flag(Enum):
    """Support for flags"""

    _numeric_repr_ = repr

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = last_value.bit_length() - 1
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit + 1)

    @classmethod
    def _iter_member_(cls, value):
        members = []
        for v in _iter_bits_lsb(value & cls._flag_mask_):
            m = cls._value2member_map_.get(v)
            if m is not None:
                members.append(m)
        if cls._by_def_:
            order = {n: i for i, n in enumerate(cls._member_names_)}
            members.sort(key=lambda m: order[m._name_])
        return members

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        flag_mask = cls._flag_mask_
        all_bits = 2 ** (flag_mask.bit_length()) - 1
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ flag_mask):
            if not cls._keep_:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError('%r invalid value %r\n    given %s\n  allowed %s' % (
                    cls, value, _bin(value, max_bits), _bin(flag_mask, max_bits)))
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        else:
            neg_value = None
        unknown = value & ~flag_mask
        member_value = value & flag_mask
        if cls._member_type_ is object:
            pseudo_member = object.__new__(cls)
        else:
            pseudo_member = cls._member_type_.__new__(cls, value)
        pseudo_member._value_ = value
        if member_value or not unknown:
            names = [m._name_ for m in cls._iter_member_(member_value)]
            if unknown:
                names.append(cls._numeric_repr_(unknown))
            pseudo_member._name_ = '|'.join(names) if names else None
        else:
            pseudo_member._name_ = None
        cls._value2member_map_[value] = pseudo_member
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r" % (
                    type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(self.__class__._iter_member_(self._value_))

    def __len__(self):
        return bin(self._value_).count('1')

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._numeric_repr_
        if self._name_ is None:
            return '<%s: %s>' % (cls_name, v_repr(self._value_))
        return '<%s.%s: %s>' % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _operand_(self, other):
        # What an operator combines with: another member's value, or a value of the data
        # type (IntFlag | int); NotImplemented otherwise.
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        other = self._operand_(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        other = self._operand_(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        other = self._operand_(other)
        if other is NotImplemented:
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        if self._member_type_ is not object and self._keep_:
            return self.__class__(~self._value_)
        return self.__class__(self._flag_mask_ ^ self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


Flag._generate_next_value_ = staticmethod(Flag.__dict__['_generate_next_value_'])
Flag._keep_ = False


class IntFlag(int, ReprEnum, Flag):
    """Support for integer-based Flags"""

    _keep_ = True

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, spec):
        return int.__format__(self, spec)
