"""time: calendar conversions and formatting on loopscope's clock.

The clock functions (time, monotonic, sleep, ...) are natives added to this module by
src/modules/time.rs. A run has no time zone: the virtual clock counts seconds from the epoch
(1970-01-01 00:00:00), so localtime() is gmtime() and `time.strftime('%X')` at the start of a
run reads 00:00:00. That keeps a run's output the same on every machine, and the docs' example
("started at ... / finished at ...") shows the virtual seconds passing.
"""

timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday",
           "tm_yday", "tm_isdst")


class struct_time(tuple):
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError(
                f"time.struct_time() takes an at least 9-sequence ({len(seq)}-sequence given)")
        if len(seq) > 11:
            raise TypeError(
                f"time.struct_time() takes an at most 11-sequence ({len(seq)}-sequence given)")
        self = tuple.__new__(cls, seq[:9])
        self._extra = seq[9:] + (None,) * (11 - len(seq))
        return self

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._extra[0])
    tm_gmtoff = property(lambda self: self._extra[1])

    def __repr__(self):
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(_FIELDS, self))
        return f"time.struct_time({fields})"


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_from_civil(y, m, d):
    # Howard Hinnant's days_from_civil: proleptic Gregorian, day 0 = 1970-01-01.
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _seconds(secs):
    if secs is None:
        secs = time()
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        if secs in (float("inf"), float("-inf")) or abs(secs) > 1e17:
            raise OverflowError("timestamp out of range for platform time_t")
        return int(secs // 1)
    if not isinstance(secs, int):
        raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer")
    if abs(secs) > 10 ** 17:
        raise OverflowError("timestamp out of range for platform time_t")
    return secs


def gmtime(secs=None):
    return _broken_down(_seconds(secs), "GMT")


def _broken_down(secs, zone):
    days, rem = divmod(secs, 86400)
    hour, rem = divmod(rem, 3600)
    minute, second = divmod(rem, 60)
    # civil_from_days, the inverse of _days_from_civil.
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    mday = doy - (153 * mp + 2) // 5 + 1
    mon = mp + 3 if mp < 10 else mp - 9
    year = yoe + era * 400 + (mon <= 2)
    yday = days - _days_from_civil(year, 1, 1) + 1
    wday = (days + 3) % 7
    return struct_time((year, mon, mday, hour, minute, second, wday, yday, 0, zone, 0))


def localtime(secs=None):
    return _broken_down(_seconds(secs), "UTC")


def _checked(t, fname):
    if isinstance(t, struct_time):
        t = tuple(t)
    elif not isinstance(t, tuple):
        raise TypeError("Tuple or struct_time argument required")
    if len(t) != 9:
        raise TypeError(f"{fname}(): illegal time tuple argument")
    for v in t:
        if not isinstance(v, int):
            raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    return t


def mktime(t):
    year, mon, mday, hour, minute, sec = _checked(t, "mktime")[:6]
    year += (mon - 1) // 12
    mon = (mon - 1) % 12 + 1
    days = _days_from_civil(year, mon, 1) + mday - 1
    return float(days * 86400 + hour * 3600 + minute * 60 + sec)


def _format_checked(t, fname):
    if t is None:
        return tuple(localtime())
    t = list(_checked(t, fname))
    # CPython's checktm, after it maps month and day-of-year 0 to their first value.
    if t[1] == 0:
        t[1] = 1
    if t[7] == 0:
        t[7] = 1
    for index, low, high, what in ((1, 1, 12, "month"), (2, 0, 31, "day of month"),
                                   (3, 0, 23, "hour"), (4, 0, 59, "minute"),
                                   (5, 0, 61, "seconds"), (7, 1, 366, "day of year")):
        if not low <= t[index] <= high:
            raise ValueError(f"{what} out of range")
    if t[6] < 0:
        raise ValueError("day of week out of range")
    t[6] %= 7
    return tuple(t)


def asctime(t=None):
    year, mon, mday, hour, minute, sec, wday = _format_checked(t, "asctime")[:7]
    return (f"{_DAYS[wday][:3]} {_MONTHS[mon - 1][:3]} {mday:2d} "
            f"{hour:02d}:{minute:02d}:{sec:02d} {year}")


def ctime(secs=None):
    return asctime(localtime(secs))


def _iso_week(year, yday, wday):
    # ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday.
    week = (yday - 1 - wday + 10) // 7
    if week < 1:
        year -= 1
        last = 366 if _is_leap(year) else 365
        return year, (last + yday - 1 - wday + 10) // 7
    if week == 53:
        days_in_year = 366 if _is_leap(year) else 365
        if yday - wday + 3 > days_in_year:
            return year + 1, 1
    return year, week


def _directive(c, t, zone):
    year, mon, mday, hour, minute, sec, wday, yday = t[:8]
    hour12 = hour % 12 or 12
    # (text, numeric, zero-pad width): numbers obey the -, _ and 0 flags.
    if c == "Y":
        return year, True, 1
    if c == "m":
        return mon, True, 2
    if c == "d":
        return mday, True, 2
    if c == "e":
        return f"{mday:2d}", False, 0
    if c == "H":
        return hour, True, 2
    if c == "k":
        return f"{hour:2d}", False, 0
    if c == "I":
        return hour12, True, 2
    if c == "l":
        return f"{hour12:2d}", False, 0
    if c == "M":
        return minute, True, 2
    if c == "S":
        return sec, True, 2
    if c == "y":
        return year % 100, True, 2
    if c == "C":
        return year // 100, True, 2
    if c == "j":
        return yday, True, 3
    if c == "a":
        return _DAYS[wday][:3], False, 0
    if c == "A":
        return _DAYS[wday], False, 0
    if c in "bh":
        return _MONTHS[mon - 1][:3], False, 0
    if c == "B":
        return _MONTHS[mon - 1], False, 0
    if c == "p":
        return "AM" if hour < 12 else "PM", False, 0
    if c == "P":
        return "am" if hour < 12 else "pm", False, 0
    if c == "w":
        return (wday + 1) % 7, True, 1
    if c == "u":
        return wday + 1, True, 1
    if c == "U":
        return (yday - 1 + 7 - (wday + 1) % 7) // 7, True, 2
    if c == "W":
        return (yday - 1 + 7 - wday) // 7, True, 2
    if c == "V":
        return _iso_week(year, yday, wday)[1], True, 2
    if c == "G":
        return _iso_week(year, yday, wday)[0], True, 1
    if c == "g":
        return _iso_week(year, yday, wday)[0] % 100, True, 2
    if c == "c":
        return asctime(t), False, 0
    if c in "xD":
        return f"{mon:02d}/{mday:02d}/{year % 100:02d}", False, 0
    if c in "XT":
        return f"{hour:02d}:{minute:02d}:{sec:02d}", False, 0
    if c == "F":
        return f"{year}-{mon:02d}-{mday:02d}", False, 0
    if c == "R":
        return f"{hour:02d}:{minute:02d}", False, 0
    if c == "r":
        return f"{hour12:02d}:{minute:02d}:{sec:02d} {'AM' if hour < 12 else 'PM'}", False, 0
    if c == "Z":
        return zone, False, 0
    if c == "z":
        return "+0000", False, 0
    if c == "s":
        return int(mktime(t)), True, 1
    if c == "n":
        return "\n", False, 0
    if c == "t":
        return "\t", False, 0
    if c == "%":
        return "%", False, 0
    return None, False, 0


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError(f"strftime() argument 1 must be str, not {type(format).__name__}")
    # %Z names the zone a struct_time carries (gmtime's is GMT), else the local one.
    zone = getattr(t, "tm_zone", None) or tzname[0]
    t = _format_checked(t, "strftime")
    out = []
    i = 0
    n = len(format)
    while i < n:
        c = format[i]
        if c != "%" or i + 1 == n:
            out.append(c)
            i += 1
            continue
        # glibc's flags and field width: %-d, %_H, %05Y.
        j = i + 1
        flag = ""
        if format[j] in "-_0^#":
            flag = format[j]
            j += 1
        width = ""
        while j < n and format[j].isdigit():
            width += format[j]
            j += 1
        if j == n:
            out.append(format[i:])
            break
        text, numeric, pad = _directive(format[j], t, zone)
        if text is None:
            out.append(format[i:j + 1])
        else:
            if width:
                pad = int(width)
            if numeric:
                if flag == "-":
                    text = str(text)
                elif flag == "_":
                    text = f"{text:{pad}d}"
                else:
                    text = f"{text:0{pad}d}"
            elif width:
                text = text.rjust(pad)
            if flag == "^":
                text = text.upper()
            out.append(text)
        i = j + 1
    return "".join(out)


# CPython's struct_time is a C type: messages name it 'time.struct_time'. _c_type is given to
# this module by src/modules/time.rs.
_c_type(struct_time)
del _c_type
