# loopscope: the core of CPython 3.11's enum (Enum, auto, unique, EnumType), written for the
# VM. Members are instances of the enum class stored in its dict; lookups by value and name go
# through the metaclass, as in CPython. IntEnum/StrEnum/Flag are not provided: the VM cannot
# subclass int or str yet.

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'auto', 'unique']


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
        return enum_class

    def _add_member_(cls, name, value):
        for canonical in cls._member_map_.values():
            if canonical._value_ == value:
                cls._member_map_[name] = canonical
                type.__setattr__(cls, name, canonical)
                return
        member = object.__new__(cls)
        member._name_ = name
        member._value_ = value
        init = cls.__dict__.get('__init__')
        if init is None:
            for base in cls.__mro__[1:]:
                if base is Enum or base is object:
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
        return cls._create_(value, names, start=start)

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

    def _create_(cls, class_name, names, start=1):
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
